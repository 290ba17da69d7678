import {describe, expect, test} from 'vitest';
import {
	categorical,
	constant,
	empirical,
	exponential,
	fromSpec,
	inverseNormal,
	LOGNORMAL_MAX_P99_OVER_MEAN,
	lognormalFromMeanP99,
	lognormalProblem,
	lognormalScv,
	scvOfSpec,
	uniformKeys,
	zipfKeys,
	type Sampler,
} from '../../../src/sim/kernel/distributions.js';
import {Random} from '../../../src/sim/kernel/random.js';

/** Sample mean and its standard error. */
function moments(sampler: Sampler, rng: Random, n: number): {mean: number; se: number; values: Float64Array} {
	const values = new Float64Array(n);
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i] = sampler.sample(rng);
	const mean = sum / n;
	let squares = 0;
	for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
	return {mean, se: Math.sqrt(squares / (n - 1) / n), values};
}

class Stuck extends Random {
	constructor(private readonly raw: number) {
		super(1, 0);
	}

	override nextUint32(): number {
		return this.raw;
	}
}

describe('exponential', () => {
	test('never returns Infinity or NaN, even at the extreme uniforms', () => {
		const sampler = exponential(2);
		for (const raw of [0, 1, 0x7fffffff, 0xfffffffe, 0xffffffff]) {
			const value = sampler.sample(new Stuck(raw));
			expect(Number.isFinite(value)).toBe(true);
			expect(value).toBeGreaterThanOrEqual(0);
		}
		// The largest possible draw is mean · 32·ln 2.
		expect(sampler.sample(new Stuck(0))).toBeCloseTo(2 * 32 * Math.LN2, 10);
	});

	test('has the asked mean within 4 standard errors, and P(X > mean) = 1/e', () => {
		const n = 200_000;
		const {mean, se, values} = moments(exponential(3), new Random(1, 0), n);
		expect(Math.abs(mean - 3)).toBeLessThan(4 * se);
		const above = values.filter((value) => value > 3).length / n;
		expect(Math.abs(above - Math.exp(-1))).toBeLessThan(4 * Math.sqrt((Math.exp(-1) * (1 - Math.exp(-1))) / n));
	});

	test('rejects a mean that is not a positive number', () => {
		expect(() => exponential(0)).toThrow(/mean must be a finite number > 0; got 0/);
		expect(() => exponential(Number.NaN)).toThrow(RangeError);
	});
});

describe('lognormalFromMeanP99', () => {
	test('hits its p99 (binomial 4σ band on P(X ≤ p99)) and its mean (4 standard errors)', () => {
		const n = 200_000;
		for (const [mean, p99] of [
			[20, 120],
			[5, 6],
			[1, 14],
		] as const) {
			const {mean: sampled, se, values} = moments(lognormalFromMeanP99(mean, p99), new Random(2, 0), n);
			const below = values.filter((value) => value <= p99).length / n;
			expect(Math.abs(below - 0.99)).toBeLessThan(4 * Math.sqrt((0.99 * 0.01) / n));
			expect(Math.abs(sampled - mean)).toBeLessThan(4 * se);
		}
	});

	test('a wrong p99 is caught by the same check (the band is not vacuous)', () => {
		const n = 200_000;
		const {values} = moments(lognormalFromMeanP99(20, 150), new Random(2, 0), n);
		const below = values.filter((value) => value <= 120).length / n;
		expect(Math.abs(below - 0.99)).toBeGreaterThan(4 * Math.sqrt((0.99 * 0.01) / n));
	});

	test('refuses parameters no lognormal has, saying why', () => {
		expect(() => lognormalFromMeanP99(10, 10)).toThrow(/p99 \(10\) must exceed the mean \(10\)/);
		expect(() => lognormalFromMeanP99(10, 200)).toThrow(/no lognormal has p99\/mean above 14\.97/);
		expect(lognormalProblem(10, 140)).toBeUndefined();
		expect(LOGNORMAL_MAX_P99_OVER_MEAN).toBeCloseTo(14.97, 2);
	});

	test('its squared coefficient of variation matches the samples', () => {
		const n = 400_000;
		const {mean, values} = moments(lognormalFromMeanP99(10, 50), new Random(3, 0), n);
		let squares = 0;
		for (const value of values) squares += (value - mean) ** 2;
		const scv = squares / (n - 1) / mean ** 2;
		// A loose 5% band: sample variance of a lognormal converges slowly; this guards the formula, not the RNG.
		expect(Math.abs(scv / lognormalScv(10, 50) - 1)).toBeLessThan(0.05);
		expect(scvOfSpec({dist: 'lognormal', mean_ms: 10, p99_ms: 50})).toBe(lognormalScv(10, 50));
	});
});

describe('other samplers', () => {
	test('constant, empirical and fromSpec (ms → s) keep their means', () => {
		const rng = new Random(4, 0);
		expect(constant(2.5).sample(rng)).toBe(2.5);
		const resampled = moments(empirical([1, 2, 3, 10]), rng, 100_000);
		expect(Math.abs(resampled.mean - 4)).toBeLessThan(4 * resampled.se);
		expect([...new Set(resampled.values)].sort((a, b) => a - b)).toEqual([1, 2, 3, 10]);
		expect(fromSpec({dist: 'exp', mean_ms: 250}, 0.001).mean).toBe(0.25);
		expect(fromSpec({dist: 'const', mean_ms: 250}, 0.001).sample(rng)).toBe(0.25);
		expect(fromSpec({dist: 'lognormal', mean_ms: 20, p99_ms: 100}, 0.001).mean).toBeCloseTo(0.02, 12);
		expect(fromSpec({dist: 'empirical', values_ms: [1000, 3000]}, 0.001).mean).toBe(2);
		expect(scvOfSpec({dist: 'exp', mean_ms: 3})).toBe(1);
		expect(scvOfSpec({dist: 'const', mean_ms: 3})).toBe(0);
		expect(() => empirical([])).toThrow(/at least one value/);
	});

	test('inverseNormal matches standard normal quantiles (Python statistics.NormalDist) to 1e-12', () => {
		const known: Array<[number, number]> = [
			[0.5, 0],
			[0.99, 2.3263478740408408],
			[0.975, 1.9599639845400536],
			[0.001, -3.090232306167813],
			[1e-9, -5.9978070150076865],
			[1e-300, -37.0470962993612],
		];
		for (const [p, z] of known) expect(Math.abs(inverseNormal(p) - z)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(z)));
		// Symmetry, where 1 − p is still exact enough in floating point.
		for (const [p, z] of known.filter(([p]) => p >= 1e-3)) expect(inverseNormal(1 - p)).toBeCloseTo(-z, 9);
	});
});

describe('key samplers', () => {
	/** Largest |observed − expected| over keys, in binomial standard deviations. */
	function worstDeviation(sample: (rng: Random) => number, probability: (index: number) => number, keys: number, n: number): number {
		const counts = new Float64Array(keys);
		const rng = new Random(6, 0);
		for (let i = 0; i < n; i++) counts[sample(rng)]! += 1;
		let worst = 0;
		for (let k = 0; k < keys; k++) {
			const p = probability(k);
			worst = Math.max(worst, Math.abs(counts[k]! - n * p) / Math.sqrt(n * p * (1 - p) + 1e-12));
		}
		return worst;
	}

	test('Zipf frequencies match k^−s / H(n, s) (index 0 hottest), and the check catches a wrong exponent', () => {
		const n = 200_000;
		for (const [keys, s] of [
			[50, 1],
			[20, 0.5],
			[1000, 1.2],
		] as const) {
			const zipf = zipfKeys(keys, s);
			let total = 0;
			for (let k = 0; k < keys; k++) total += zipf.probability(k);
			expect(total).toBeCloseTo(1, 10);
			expect(worstDeviation((rng) => zipf.sample(rng), (k) => zipf.probability(k), keys, n)).toBeLessThan(5);
		}
		const wrong = zipfKeys(50, 1.1);
		expect(worstDeviation((rng) => wrong.sample(rng), (k) => zipfKeys(50, 1).probability(k), 50, n)).toBeGreaterThan(5);
		// Ten million users cost nothing to set up.
		const huge = zipfKeys(10_000_000, 1);
		expect(huge.sample(new Random(1, 1))).toBeGreaterThanOrEqual(0);
		expect(huge.probability(0)).toBeCloseTo(1 / (Math.log(1e7) + 0.5772156649 + 1 / 2e7), 6);
	});

	test('categorical shares and uniform keys come out at their probabilities', () => {
		const countries = categorical({us: 0.4, de: 0.3, fr: 0.2, jp: 0.1});
		expect(countries.labels).toEqual(['us', 'de', 'fr', 'jp']);
		expect(countries.probability(0)).toBeCloseTo(0.4, 12);
		expect(worstDeviation((rng) => countries.sample(rng), (k) => countries.probability(k), 4, 200_000)).toBeLessThan(5);
		const skewed = categorical([0.97, 0.01, 0.01, 0.01]);
		expect(worstDeviation((rng) => skewed.sample(rng), (k) => skewed.probability(k), 4, 200_000)).toBeLessThan(5);
		const users = uniformKeys(100);
		expect(worstDeviation((rng) => users.sample(rng), (k) => users.probability(k), 100, 200_000)).toBeLessThan(5);
		expect(() => categorical([0, 0])).toThrow(/must not all be 0/);
	});
});
