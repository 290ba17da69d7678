/**
Distributions the models draw from: service times, latencies, inter-arrival
gaps, and which partition key an event carries.

A sampler is a recipe card, not a deck: it holds only the parameters, and every
draw takes the caller's `Random` stream, so two stations sharing a recipe still
draw independently. Samplers never allocate while sampling.

All continuous samplers use one uniform per draw (inversion), which keeps
common random numbers aligned across what-ifs.
*/
import type {Distribution, KeyDistribution} from '../../scenarios/model-schema.js';
import type {Random} from './random.js';

/** Something that draws a non-negative number (a time, a size) with a known mean. */
export type Sampler = {
	/** The distribution's mean, in the sampler's units. */
	readonly mean: number;
	/** Draws one value from `rng`. */
	sample(rng: Random): number;
	/**
	Draws `out[from..to)` in one go, exactly the values `sample` would give in
	order. Hot loops refill a block of draws this way: a call per draw that the
	JIT does not inline would box every returned number on the heap.
	*/
	fill?(rng: Random, out: Float64Array, from: number, to: number): void;
};

/** Fills `out[from..to)` with draws from `sampler`, using its `fill` when it has one. */
export function fillSamples(sampler: Sampler, rng: Random, out: Float64Array, from: number, to: number): void {
	if (sampler.fill) {
		sampler.fill(rng, out, from, to);
		return;
	}
	for (let i = from; i < to; i++) out[i] = sampler.sample(rng);
}

/** Something that draws a key index in [0, cardinality). */
export type KeySampler = {
	/** How many distinct keys there are. */
	readonly cardinality: number;
	/** Draws one key index from `rng`. */
	sample(rng: Random): number;
	/** The probability of key `index` (for capacity analysis: the hottest key is index 0 for Zipf). */
	probability(index: number): number;
	/** Names of the keys when they have names (categorical shares), by index. */
	readonly labels?: readonly string[];
};

/** z such that P(Z ≤ z) = 0.99 for a standard normal Z. */
export const Z99 = 2.3263478740408408;

class Exponential implements Sampler {
	constructor(readonly mean: number) {}

	sample(rng: Random): number {
		// u in (0, 1], so -log(u) is finite (0 at u = 1).
		return -Math.log(rng.nextOpen()) * this.mean;
	}

	fill(rng: Random, out: Float64Array, from: number, to: number): void {
		const mean = this.mean;
		for (let i = from; i < to; i++) out[i] = -Math.log(rng.nextOpen()) * mean;
	}
}

class Constant implements Sampler {
	constructor(readonly mean: number) {}

	sample(_rng: Random): number {
		return this.mean;
	}

	fill(_rng: Random, out: Float64Array, from: number, to: number): void {
		out.fill(this.mean, from, to);
	}
}

class LogNormal implements Sampler {
	constructor(
		readonly mean: number,
		/** Mean of the underlying normal (log scale). */
		readonly mu: number,
		/** Standard deviation of the underlying normal (log scale). */
		readonly sigma: number,
	) {}

	sample(rng: Random): number {
		return Math.exp(this.mu + this.sigma * inverseNormal(rng.nextMid()));
	}

	fill(rng: Random, out: Float64Array, from: number, to: number): void {
		for (let i = from; i < to; i++) out[i] = Math.exp(this.mu + this.sigma * inverseNormal(rng.nextMid()));
	}
}

class Empirical implements Sampler {
	readonly mean: number;
	private readonly values: Float64Array;

	constructor(values: readonly number[]) {
		this.values = Float64Array.from(values);
		let sum = 0;
		for (const value of values) sum += value;
		this.mean = sum / values.length;
	}

	sample(rng: Random): number {
		return this.values[rng.int(this.values.length)]!;
	}

	fill(rng: Random, out: Float64Array, from: number, to: number): void {
		const values = this.values;
		for (let i = from; i < to; i++) out[i] = values[rng.int(values.length)]!;
	}
}

/** Exponential with the given mean (a Poisson process's gaps, M/M/c service). */
export function exponential(mean: number): Sampler {
	requirePositive('exponential', 'mean', mean);
	return new Exponential(mean);
}

/** Always `value` (deterministic service, constant-rate arrivals). */
export function constant(value: number): Sampler {
	if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`constant: value must be a finite number >= 0; got ${value}`);
	return new Constant(value);
}

/**
The largest p99/mean ratio a lognormal can have: at σ = Z99 the ratio
exp(Z99·σ − σ²/2) peaks at exp(Z99²/2) ≈ 14.97.
*/
export const LOGNORMAL_MAX_P99_OVER_MEAN = Math.exp((Z99 * Z99) / 2);

/**
Why a lognormal with this mean and p99 cannot exist, or undefined when it can.
Model validation can call this to reject a file with a clear message.
*/
export function lognormalProblem(mean: number, p99: number): string | undefined {
	if (!(mean > 0) || !(p99 > 0)) return `mean and p99 must be > 0; got mean ${mean}, p99 ${p99}`;
	if (p99 <= mean) return `p99 (${p99}) must exceed the mean (${mean})`;
	if (p99 / mean > LOGNORMAL_MAX_P99_OVER_MEAN) {
		return `no lognormal has p99/mean above ${LOGNORMAL_MAX_P99_OVER_MEAN.toFixed(2)}; got ${p99}/${mean} = ${(p99 / mean).toFixed(2)} (use an empirical distribution for heavier tails)`;
	}
	return undefined;
}

/**
A lognormal with the given mean and 99th percentile — how latency is usually quoted.

Solves mean = exp(μ + σ²/2) and p99 = exp(μ + Z99·σ) for the smaller σ
(the lighter of the two tails that fit).
*/
export function lognormalFromMeanP99(mean: number, p99: number): Sampler {
	const problem = lognormalProblem(mean, p99);
	if (problem !== undefined) throw new RangeError(`lognormal: ${problem}`);
	const sigma = lognormalSigma(mean, p99);
	const mu = Math.log(mean) - (sigma * sigma) / 2;
	return new LogNormal(mean, mu, sigma);
}

/** Squared coefficient of variation (variance / mean²) of a lognormal with this mean and p99. */
export function lognormalScv(mean: number, p99: number): number {
	const sigma = lognormalSigma(mean, p99);
	return Math.expm1(sigma * sigma);
}

/** σ of the log-scale normal for this mean and p99: the smaller root of Z99·σ − σ²/2 = ln(p99/mean). */
function lognormalSigma(mean: number, p99: number): number {
	const d = Math.log(p99 / mean);
	return Z99 - Math.sqrt(Math.max(0, Z99 * Z99 - 2 * d));
}

/** Draws uniformly among observed values (resampling a measured latency sample). */
export function empirical(values: readonly number[]): Sampler {
	if (values.length === 0) throw new RangeError('empirical: needs at least one value');
	for (const value of values) {
		if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`empirical: values must be finite and >= 0; got ${value}`);
	}
	return new Empirical(values);
}

/**
A sampler for a model-file distribution (which is in milliseconds). Pass
`unitScale` 0.001 to get seconds, the simulator's time unit.
*/
export function fromSpec(spec: Distribution, unitScale = 1): Sampler {
	switch (spec.dist) {
		case 'exp':
			return exponential(spec.mean_ms * unitScale);
		case 'const':
			return constant(spec.mean_ms * unitScale);
		case 'lognormal':
			return lognormalFromMeanP99(spec.mean_ms * unitScale, spec.p99_ms * unitScale);
		case 'empirical':
			return empirical(spec.values_ms.map((value) => value * unitScale));
	}
}

/** The squared coefficient of variation of a model-file distribution (0 for const, 1 for exp). */
export function scvOfSpec(spec: Distribution): number {
	switch (spec.dist) {
		case 'exp':
			return 1;
		case 'const':
			return 0;
		case 'lognormal':
			return lognormalScv(spec.mean_ms, spec.p99_ms);
		case 'empirical': {
			const n = spec.values_ms.length;
			const mean = spec.values_ms.reduce((sum, value) => sum + value, 0) / n;
			if (mean === 0) return 0;
			const variance = spec.values_ms.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
			return variance / (mean * mean);
		}
	}
}

/**
The standard normal quantile Φ⁻¹(p) for p in (0, 1), by Wichura's algorithm
AS 241 (Applied Statistics 37(3), 1988), accurate to about 1e-16: rational
functions in three regions (centre, tail, far tail). Coefficients are
listed lowest degree first.
*/
export function inverseNormal(p: number): number {
	const q = p - 0.5;
	if (Math.abs(q) <= 0.425) {
		const r = 0.180625 - q * q;
		return (q * horner(AS241_CENTRE_NUM, r)) / horner(AS241_CENTRE_DEN, r);
	}
	let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
	let value: number;
	if (r <= 5) {
		r -= 1.6;
		value = horner(AS241_TAIL_NUM, r) / horner(AS241_TAIL_DEN, r);
	} else {
		r -= 5;
		value = horner(AS241_FAR_NUM, r) / horner(AS241_FAR_DEN, r);
	}
	return q < 0 ? -value : value;
}

function horner(coefficients: readonly number[], x: number): number {
	let value = 0;
	for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i]!;
	return value;
}

const AS241_CENTRE_NUM = [
	3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853,
	33430.575583588128105, 2509.0809287301226727,
];
const AS241_CENTRE_DEN = [
	1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674,
	5226.495278852854561,
];
const AS241_TAIL_NUM = [
	1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177,
	0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_TAIL_DEN = [
	1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966,
	5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_FAR_NUM = [
	6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386,
	2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_FAR_DEN = [
	1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5,
	1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function requirePositive(what: string, name: string, value: number): void {
	if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${what}: ${name} must be a finite number > 0; got ${value}`);
}

// ---------------------------------------------------------------- key samplers

class UniformKeys implements KeySampler {
	constructor(readonly cardinality: number) {}

	sample(rng: Random): number {
		return rng.int(this.cardinality);
	}

	probability(index: number): number {
		return index >= 0 && index < this.cardinality ? 1 / this.cardinality : 0;
	}
}

/** Every key equally likely (events keyed by user id over many users). */
export function uniformKeys(cardinality: number): KeySampler {
	if (!Number.isInteger(cardinality) || cardinality < 1) throw new RangeError(`uniformKeys: cardinality must be a whole number >= 1; got ${cardinality}`);
	return new UniformKeys(cardinality);
}

/**
Zipf over `cardinality` keys with exponent `s`: key index k (0-based) has
probability ∝ (k+1)^−s, so index 0 is the hottest key. Sampled by
Hörmann & Derflinger's rejection-inversion (1996), O(1) memory, so ten million
users cost nothing to set up.
*/
class ZipfKeys implements KeySampler {
	private readonly hIntegralX1: number;
	private readonly hIntegralN: number;
	private readonly threshold: number;
	private normaliser = 0;

	constructor(
		readonly cardinality: number,
		readonly exponent: number,
	) {
		this.hIntegralX1 = this.hIntegral(1.5) - 1;
		this.hIntegralN = this.hIntegral(cardinality + 0.5);
		this.threshold = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
	}

	sample(rng: Random): number {
		const n = this.cardinality;
		for (;;) {
			const u = this.hIntegralN + rng.next() * (this.hIntegralX1 - this.hIntegralN);
			const x = this.hIntegralInverse(u);
			let k = Math.floor(x + 0.5);
			if (k < 1) k = 1;
			else if (k > n) k = n;
			if (k - x <= this.threshold || u >= this.hIntegral(k + 0.5) - this.h(k)) return k - 1;
		}
	}

	probability(index: number): number {
		if (index < 0 || index >= this.cardinality) return 0;
		if (this.normaliser === 0) this.normaliser = generalisedHarmonic(this.cardinality, this.exponent);
		return (index + 1) ** -this.exponent / this.normaliser;
	}

	private h(x: number): number {
		return Math.exp(-this.exponent * Math.log(x));
	}

	private hIntegral(x: number): number {
		const logX = Math.log(x);
		return helper2((1 - this.exponent) * logX) * logX;
	}

	private hIntegralInverse(x: number): number {
		let t = x * (1 - this.exponent);
		if (t < -1) t = -1;
		return Math.exp(helper1(t) * x);
	}
}

/** log1p(x)/x, accurate near 0. */
function helper1(x: number): number {
	return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

/** expm1(x)/x, accurate near 0. */
function helper2(x: number): number {
	return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/** Σ_{k=1..n} k^−s: exact up to a million terms, Euler–Maclaurin for the rest. */
function generalisedHarmonic(n: number, s: number): number {
	const exact = Math.min(n, 1_000_000);
	let sum = 0;
	for (let k = exact; k >= 1; k--) sum += k ** -s;
	if (n === exact) return sum;
	const a = exact;
	const integral = s === 1 ? Math.log(n / a) : (n ** (1 - s) - a ** (1 - s)) / (1 - s);
	return sum + integral + (n ** -s - a ** -s) / 2 - (s / 12) * (n ** (-s - 1) - a ** (-s - 1));
}

/** Zipf keys: a few very hot keys and a long tail (real user or item activity). */
export function zipfKeys(cardinality: number, exponent: number): KeySampler {
	if (!Number.isInteger(cardinality) || cardinality < 1) throw new RangeError(`zipfKeys: cardinality must be a whole number >= 1; got ${cardinality}`);
	requirePositive('zipfKeys', 'exponent', exponent);
	return new ZipfKeys(cardinality, exponent);
}

/** Keys with given shares, sampled in O(1) by Walker's alias method (Vose's construction). */
class CategoricalKeys implements KeySampler {
	readonly cardinality: number;
	private readonly cut: Float64Array;
	private readonly alias: Int32Array;
	private readonly shares: Float64Array;

	constructor(
		shares: readonly number[],
		readonly labels: readonly string[] | undefined,
	) {
		const n = shares.length;
		const total = shares.reduce((sum, share) => sum + share, 0);
		this.cardinality = n;
		this.shares = Float64Array.from(shares, (share) => share / total);
		this.cut = new Float64Array(n);
		this.alias = new Int32Array(n);
		const scaled = Array.from(this.shares, (share) => share * n);
		const small: number[] = [];
		const large: number[] = [];
		scaled.forEach((value, index) => (value < 1 ? small : large).push(index));
		while (small.length > 0 && large.length > 0) {
			const s = small.pop()!;
			const l = large.pop()!;
			this.cut[s] = scaled[s]!;
			this.alias[s] = l;
			scaled[l] = scaled[l]! + scaled[s]! - 1;
			(scaled[l]! < 1 ? small : large).push(l);
		}
		for (const index of [...small, ...large]) {
			this.cut[index] = 1;
			this.alias[index] = index;
		}
	}

	sample(rng: Random): number {
		const x = rng.next() * this.cardinality;
		const i = Math.floor(x);
		return x - i < this.cut[i]! ? i : this.alias[i]!;
	}

	probability(index: number): number {
		return this.shares[index] ?? 0;
	}
}

/**
Keys with fixed shares (countries, device types): `categorical([0.4, 0.6])` or
`categorical({us: 0.4, de: 0.6})`. Shares are normalised to sum to 1.
*/
export function categorical(shares: readonly number[] | Readonly<Record<string, number>>): KeySampler {
	const labels = Array.isArray(shares) ? undefined : Object.keys(shares);
	const values: number[] = Array.isArray(shares) ? [...(shares as readonly number[])] : Object.values(shares);
	if (values.length === 0) throw new RangeError('categorical: needs at least one share');
	for (const value of values) if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`categorical: shares must be finite and >= 0; got ${value}`);
	if (!(values.reduce((sum, share) => sum + share, 0) > 0)) throw new RangeError('categorical: shares must not all be 0');
	return new CategoricalKeys(values, labels);
}

/** A key sampler for a model-file key distribution. */
export function keySamplerFromSpec(spec: KeyDistribution): KeySampler {
	switch (spec.kind) {
		case 'uniform':
			return uniformKeys(spec.cardinality);
		case 'zipf':
			return zipfKeys(spec.cardinality, spec.exponent);
		case 'categorical':
			return categorical(spec.shares);
	}
}
