import {describe, expect, test} from 'vitest';
import {lognormalFromMeanP99} from '../../../src/sim/kernel/distributions.js';
import {Random} from '../../../src/sim/kernel/random.js';
import {LogHistogram} from '../../../src/sim/stats/histogram.js';

/** The ⌈q·n⌉-th smallest value, the definition LogHistogram.quantile approximates. */
function exactQuantile(sorted: Float64Array, q: number): number {
	return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

const QUANTILES = [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999];

/** Largest relative error of the histogram's quantiles over QUANTILES. */
function worstRelativeError(histogram: LogHistogram, sorted: Float64Array): number {
	let worst = 0;
	for (const q of QUANTILES) {
		const exact = exactQuantile(sorted, q);
		worst = Math.max(worst, Math.abs(histogram.quantile(q) - exact) / exact);
	}
	return worst;
}

describe('LogHistogram', () => {
	test('quantiles stay within the stated relative error bound, at every magnitude', () => {
		const rng = new Random(1, 0);
		for (const scale of [1e-6, 1e-3, 1, 1e3, 1e6]) {
			for (const bits of [4, 7, 10]) {
				const sampler = lognormalFromMeanP99(scale, 12 * scale);
				const histogram = new LogHistogram({bits});
				const values = new Float64Array(50_000);
				for (let i = 0; i < values.length; i++) histogram.record((values[i] = sampler.sample(rng)));
				values.sort();
				expect(histogram.relativeError).toBe(2 ** -(bits + 1));
				expect(worstRelativeError(histogram, values)).toBeLessThanOrEqual(histogram.relativeError);
			}
		}
	});

	test('a coarser histogram exceeds the finer bound, so the check above is not vacuous', () => {
		const rng = new Random(1, 0);
		const sampler = lognormalFromMeanP99(1, 12);
		const coarse = new LogHistogram({bits: 2});
		const values = new Float64Array(50_000);
		for (let i = 0; i < values.length; i++) coarse.record((values[i] = sampler.sample(rng)));
		values.sort();
		expect(worstRelativeError(coarse, values)).toBeGreaterThan(new LogHistogram().relativeError);
	});

	test('count, mean, min and max are exact; zeros are counted and reported as the minimum', () => {
		const histogram = new LogHistogram();
		for (const value of [0, 0, 0, 2, 4, 6]) histogram.record(value);
		histogram.record(10, 2);
		expect(histogram.count).toBe(8);
		expect(histogram.mean).toBe(32 / 8);
		expect(histogram.min).toBe(0);
		expect(histogram.max).toBe(10);
		expect(histogram.quantile(0.3)).toBe(0);
		expect(histogram.quantile(0.375)).toBe(0);
		expect(histogram.quantile(0.5)).toBeCloseTo(2, 1);
		expect(histogram.quantile(1)).toBe(10);
		expect(histogram.quantile(0.99)).toBe(10);
		expect(new LogHistogram().quantile(0.5)).toBeNaN();
	});

	test('values beyond the range land in the end buckets and report the exact extremes', () => {
		const histogram = new LogHistogram({lowest: 1, highest: 1000});
		histogram.record(0.5);
		histogram.record(5000);
		histogram.record(7000);
		expect(histogram.quantile(0.2)).toBe(0.5);
		expect(histogram.quantile(0.9)).toBe(7000);
	});

	test('merge gives the same quantiles as recording everything in one histogram', () => {
		const rng = new Random(2, 0);
		const sampler = lognormalFromMeanP99(3, 20);
		const all = new LogHistogram();
		const a = new LogHistogram();
		const b = new LogHistogram();
		for (let i = 0; i < 20_000; i++) {
			const value = sampler.sample(rng);
			all.record(value);
			(i % 3 === 0 ? a : b).record(value);
		}
		a.merge(b);
		expect(a.count).toBe(all.count);
		expect(a.sum).toBeCloseTo(all.sum, 6);
		for (const q of QUANTILES) expect(a.quantile(q)).toBe(all.quantile(q));
		expect(() => a.merge(new LogHistogram({bits: 5}))).toThrow(/different options/);
	});
});
