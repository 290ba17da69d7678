/** Arrivals per tick and records per shard: exact Poisson and binomial counts, checked by their moments. */
import {describe, expect, test} from 'vitest';
import {Random} from '../../../src/sim/kernel/random.js';
import {binomial, poisson} from '../../../src/sim/models/counts.js';

/** Mean and variance of `n` draws. */
function moments(draw: () => number, n: number): {mean: number; variance: number; min: number; max: number} {
	let sum = 0;
	let squares = 0;
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (let i = 0; i < n; i++) {
		const x = draw();
		sum += x;
		squares += x * x;
		min = Math.min(min, x);
		max = Math.max(max, x);
	}
	const mean = sum / n;
	return {mean, variance: squares / n - mean * mean, min, max};
}

describe('poisson', () => {
	test.each([0.3, 4, 25, 1000, 1e6])('mean %d: mean and variance both λ (within 4 standard errors), whole and ≥ 0', (lambda) => {
		const rng = new Random(7, 1);
		const n = 20_000;
		const stats = moments(() => poisson(rng, lambda), n);
		// The sample mean's standard error is √(λ/n); the variance's is about λ√(2/n).
		expect(Math.abs(stats.mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
		expect(Math.abs(stats.variance - lambda)).toBeLessThan(4 * lambda * Math.sqrt(2 / n) + 0.05);
		expect(stats.min).toBeGreaterThanOrEqual(0);
		const one = poisson(rng, lambda);
		expect(Number.isInteger(one)).toBe(true);
	});

	test('P(0) at mean 2 is e⁻² = 13.5%', () => {
		const rng = new Random(3, 1);
		let zeros = 0;
		for (let i = 0; i < 40_000; i++) if (poisson(rng, 2) === 0) zeros++;
		expect(Math.abs(zeros / 40_000 - Math.exp(-2))).toBeLessThan(0.007);
	});

	test('no events for a mean of 0, a negative mean or NaN', () => {
		const rng = new Random(1, 1);
		expect(poisson(rng, 0)).toBe(0);
		expect(poisson(rng, -3)).toBe(0);
		expect(poisson(rng, Number.NaN)).toBe(0);
	});
});

describe('binomial', () => {
	test.each([
		[10, 0.1],
		[50, 0.05],
		[1000, 0.25],
		[1e6, 0.1],
		[1000, 0.9],
		[40, 0.7],
	])('n %d, p %d: mean np and variance np(1 − p), within 0 … n', (n, p) => {
		const rng = new Random(11, 2);
		const draws = 20_000;
		const stats = moments(() => binomial(rng, n, p), draws);
		const variance = n * p * (1 - p);
		expect(Math.abs(stats.mean - n * p)).toBeLessThan(4 * Math.sqrt(variance / draws));
		expect(Math.abs(stats.variance - variance)).toBeLessThan(4 * variance * Math.sqrt(2 / draws) + 0.05);
		expect(stats.min).toBeGreaterThanOrEqual(0);
		expect(stats.max).toBeLessThanOrEqual(n);
	});

	test('P(0) for 10 trials of 10% is 0.9¹⁰ = 34.9%', () => {
		const rng = new Random(5, 1);
		let zeros = 0;
		for (let i = 0; i < 40_000; i++) if (binomial(rng, 10, 0.1) === 0) zeros++;
		expect(Math.abs(zeros / 40_000 - 0.9 ** 10)).toBeLessThan(0.01);
	});

	test('edge cases: no trials or p 0 give 0, p 1 (or more) gives n', () => {
		const rng = new Random(1, 1);
		expect(binomial(rng, 0, 0.5)).toBe(0);
		expect(binomial(rng, 10, 0)).toBe(0);
		expect(binomial(rng, 10, 1)).toBe(10);
		expect(binomial(rng, 10, 1.5)).toBe(10);
		expect(binomial(rng, Number.NaN, 0.5)).toBe(0);
	});
});

/**
Pearson's χ² of `draws` samples against a pmf, bins with an expected count under 5
merged into their neighbours; returns the statistic and the 99.9% critical value
(Wilson–Hilferty) for its degrees of freedom.
*/
function chiSquare(draw: () => number, logPmf: (k: number) => number, lo: number, hi: number, draws: number): {statistic: number; critical: number} {
	const seen = new Map<number, number>();
	for (let i = 0; i < draws; i++) {
		const k = draw();
		seen.set(k, (seen.get(k) ?? 0) + 1);
	}
	let statistic = 0;
	let bins = 0;
	let observed = 0;
	let expected = 0;
	let outside = draws;
	for (let k = lo; k <= hi; k++) {
		observed += seen.get(k) ?? 0;
		outside -= seen.get(k) ?? 0;
		expected += draws * Math.exp(logPmf(k));
		if (expected >= 5 || k === hi) {
			statistic += (observed - expected) ** 2 / expected;
			bins++;
			observed = 0;
			expected = 0;
		}
	}
	// Draws outside lo … hi (expected: almost none) count fully against the fit.
	statistic += outside * outside;
	const df = bins - 1;
	const z = 3.09;
	return {statistic, critical: df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3};
}

const logFactorial = (k: number): number => {
	let sum = 0;
	for (let i = 2; i <= k; i++) sum += Math.log(i);
	return sum;
};

describe('the whole distribution, not only its moments (χ² at 99.9%, 200,000 draws)', () => {
	test.each([25, 1000])('poisson mean %d', (lambda) => {
		const rng = new Random(17, 3);
		const spread = Math.ceil(8 * Math.sqrt(lambda));
		const {statistic, critical} = chiSquare(() => poisson(rng, lambda), (k) => -lambda + k * Math.log(lambda) - logFactorial(k), Math.max(0, lambda - spread), lambda + spread, 200_000);
		expect(statistic).toBeLessThan(critical);
	});

	test.each([
		[1000, 0.25],
		[50, 0.3],
		[40, 0.7],
		[200, 0.45],
	])('binomial n %d, p %d', (n, p) => {
		const rng = new Random(19, 4);
		const logPmf = (k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
		const {statistic, critical} = chiSquare(() => binomial(rng, n, p), logPmf, 0, n, 200_000);
		expect(statistic).toBeLessThan(critical);
	});
});

