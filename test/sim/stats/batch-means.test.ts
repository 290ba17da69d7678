import {describe, expect, test} from 'vitest';
import {inverseNormal} from '../../../src/sim/kernel/distributions.js';
import {Random} from '../../../src/sim/kernel/random.js';
import {BatchMeans} from '../../../src/sim/stats/batch-means.js';
import {meanAndHalfWidth, t975} from '../../../src/sim/stats/confidence.js';
import {TimeWeighted} from '../../../src/sim/stats/time-weighted.js';

describe('t975 and meanAndHalfWidth', () => {
	test('t quantiles match the tables and tend to 1.96', () => {
		expect(t975(1)).toBe(12.706);
		expect(t975(19)).toBe(2.093);
		expect(t975(40)).toBeCloseTo(2.021, 3);
		expect(t975(120)).toBeCloseTo(1.98, 3);
		expect(t975(1e9)).toBeCloseTo(1.96, 3);
		expect(t975(0)).toBeNaN();
	});

	test('mean ± t·s/√n of known values', () => {
		const {mean, halfWidth, n} = meanAndHalfWidth([1, 2, 3, 4, 5]);
		expect(n).toBe(5);
		expect(mean).toBe(3);
		expect(halfWidth).toBeCloseTo(2.776 * Math.sqrt(2.5 / 5), 10);
		expect(meanAndHalfWidth([7]).halfWidth).toBeNaN();
	});
});

describe('BatchMeans', () => {
	test('keeps between B and 2B full batches whatever the count, and the exact overall mean', () => {
		for (const count of [40, 41, 79, 80, 1000, 12_345]) {
			const batches = new BatchMeans(20);
			for (let i = 0; i < count; i++) batches.add(i);
			expect(batches.count).toBe(count);
			expect(batches.mean).toBe((count - 1) / 2);
			expect(batches.batches).toBeGreaterThanOrEqual(20);
			expect(batches.batches).toBeLessThan(40);
			// Full batches cover all but less than one batch of the observations.
			expect(count - batches.batches * batches.batchSize).toBeLessThan(batches.batchSize);
		}
	});

	test('95% intervals cover the true mean of an autocorrelated AR(1) series about 95% of the time', () => {
		// x_t = φ x_{t−1} + ε_t with φ = 0.9: the naive s/√n interval would cover far less often.
		const runs = 300;
		let covered = 0;
		let naiveCovered = 0;
		for (let run = 0; run < runs; run++) {
			const rng = new Random(run, 0);
			const batches = new BatchMeans(20);
			const values: number[] = [];
			let x = inverseNormal(rng.nextMid()) / Math.sqrt(1 - 0.81);
			for (let i = 0; i < 20_000; i++) {
				x = 0.9 * x + inverseNormal(rng.nextMid());
				batches.add(x);
				values.push(x);
			}
			if (Math.abs(batches.mean) <= batches.halfWidth()) covered++;
			const naive = meanAndHalfWidth(values);
			if (Math.abs(naive.mean) <= naive.halfWidth) naiveCovered++;
		}
		// Binomial(300, 0.95) lies in [0.91, 0.99] with probability > 0.999.
		expect(covered / runs).toBeGreaterThan(0.91);
		expect(covered / runs).toBeLessThan(0.99);
		expect(naiveCovered / runs).toBeLessThan(0.8);
	});
});

describe('TimeWeighted', () => {
	test('weights each level by how long it lasted, and reset forgets the past', () => {
		const level = new TimeWeighted();
		level.update(1, 2); // 0 for [0,1)
		level.update(3, 5); // 2 for [1,3)
		level.update(4, 1); // 5 for [3,4)
		expect(level.mean(6)).toBeCloseTo((0 + 4 + 5 + 2) / 6, 12);
		expect(level.integral(6)).toBeCloseTo(11, 12);
		expect(level.max).toBe(5);
		level.reset(6);
		expect(level.max).toBe(1);
		level.update(8, 3);
		expect(level.mean(10)).toBeCloseTo((2 + 6) / 4, 12);
		expect(new TimeWeighted(5, 7).mean(5)).toBe(7);
	});
});
