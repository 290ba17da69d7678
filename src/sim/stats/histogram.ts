/**
Latency percentiles without keeping every latency: an HDR-style log histogram.

Like sorting letters into pigeonholes whose width grows with the postcode:
each power of two is split into 2^bits equal sub-buckets, so any value is
reported within a fixed relative error (half a sub-bucket: 2^−(bits+1), 0.39%
at the default 7 bits) whatever its magnitude. The bucket index comes straight
from the bits of the float (exponent and top mantissa bits), so recording costs
a few integer operations, no logarithm.

Values at or below `lowest` (including 0, e.g. customers who did not wait)
share one bucket reported as the smallest value seen; values at or above
`highest` share one reported as the largest. Count, mean, min and max are exact.
*/

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
// The high word (sign, exponent, top 20 mantissa bits) sits at index 1 on little-endian machines.
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Options for a LogHistogram. */
export type LogHistogramOptions = {
	/**
	Sub-bucket bits per power of two; the relative error is 2^−(bits+1).

	@default 7
	*/
	readonly bits?: number;
	/**
	Values at or below this go to the underflow bucket.

	@default 2^-32 (about 2.3e-10)
	*/
	readonly lowest?: number;
	/**
	Values at or above this go to the overflow bucket.

	@default 2^32 (about 4.3e9)
	*/
	readonly highest?: number;
};

function highWord(value: number): number {
	scratch[0] = value;
	return scratchWords[HIGH]!;
}

/** A histogram of non-negative values with bounded relative error on quantiles. */
export class LogHistogram {
	/** Number of values recorded. */
	count = 0;
	/** Sum of the values recorded. */
	sum = 0;
	/** Smallest value recorded (Infinity when empty). */
	min = Number.POSITIVE_INFINITY;
	/** Largest value recorded (−Infinity when empty). */
	max = Number.NEGATIVE_INFINITY;

	/** Sub-bucket bits per power of two. */
	readonly bits: number;
	private readonly shift: number;
	private readonly base: number;
	private readonly lowest: number;
	private readonly counts: Float64Array;
	private underflow = 0;

	constructor(options: LogHistogramOptions = {}) {
		const bits = options.bits ?? 7;
		if (!Number.isInteger(bits) || bits < 1 || bits > 20) throw new RangeError(`LogHistogram: bits must be a whole number 1–20; got ${bits}`);
		const lowest = options.lowest ?? 2 ** -32;
		const highest = options.highest ?? 2 ** 32;
		if (!(lowest > 0) || !(highest > lowest)) throw new RangeError(`LogHistogram: need 0 < lowest < highest; got ${lowest}, ${highest}`);
		this.bits = bits;
		this.shift = 20 - bits;
		this.lowest = lowest;
		this.base = highWord(lowest) >>> this.shift;
		const top = highWord(highest) >>> this.shift;
		// One bucket per (exponent, sub-bucket) pair between lowest and highest, plus the overflow bucket.
		this.counts = new Float64Array(top - this.base + 2);
	}

	/** The bound on the relative error of `quantile` for values inside [lowest, highest). */
	get relativeError(): number {
		return 2 ** -(this.bits + 1);
	}

	/** The mean of the values recorded (NaN when empty). */
	get mean(): number {
		return this.count > 0 ? this.sum / this.count : Number.NaN;
	}

	/** Records `value` (≥ 0), `count` times. */
	record(value: number, count = 1): void {
		this.count += count;
		this.sum += value * count;
		if (value < this.min) this.min = value;
		if (value > this.max) this.max = value;
		if (!(value > this.lowest)) {
			this.underflow += count;
			return;
		}
		const counts = this.counts;
		let index = (highWord(value) >>> this.shift) - this.base;
		if (index >= counts.length) index = counts.length - 1;
		counts[index] = counts[index]! + count;
	}

	/** Records `values[from..to)`: one call for a block of values gathered in a hot loop. */
	recordAll(values: Float64Array, from: number, to: number): void {
		const counts = this.counts;
		const last = counts.length - 1;
		const lowest = this.lowest;
		const shift = this.shift;
		const base = this.base;
		let sum = 0;
		let min = this.min;
		let max = this.max;
		let underflow = 0;
		for (let i = from; i < to; i++) {
			const value = values[i]!;
			sum += value;
			if (value < min) min = value;
			if (value > max) max = value;
			if (!(value > lowest)) {
				underflow++;
				continue;
			}
			let index = (highWord(value) >>> shift) - base;
			if (index > last) index = last;
			counts[index] = counts[index]! + 1;
		}
		this.count += to - from;
		this.sum += sum;
		this.min = min;
		this.max = max;
		this.underflow += underflow;
	}

	/**
	The value at quantile `q` in [0, 1]: the ⌈q·count⌉-th smallest value, within
	the relative error bound (exact at the extremes, clamped to [min, max]).
	NaN when empty.
	*/
	quantile(q: number): number {
		if (this.count === 0) return Number.NaN;
		if (q <= 0) return this.min;
		if (q >= 1) return this.max;
		const rank = Math.max(1, Math.ceil(q * this.count - 1e-9));
		let seen = this.underflow;
		if (seen >= rank) return this.min;
		const counts = this.counts;
		const last = counts.length - 1;
		for (let i = 0; i < last; i++) {
			seen += counts[i]!;
			if (seen >= rank) {
				const lower = this.bucketStart(i);
				const upper = this.bucketStart(i + 1);
				return Math.min(this.max, Math.max(this.min, (lower + upper) / 2));
			}
		}
		return this.max;
	}

	/** Adds another histogram's values to this one (both must use the same options). */
	merge(other: LogHistogram): void {
		if (other.bits !== this.bits || other.base !== this.base || other.counts.length !== this.counts.length) {
			throw new RangeError('LogHistogram.merge: histograms were made with different options');
		}
		for (let i = 0; i < this.counts.length; i++) this.counts[i] = this.counts[i]! + other.counts[i]!;
		this.underflow += other.underflow;
		this.count += other.count;
		this.sum += other.sum;
		if (other.min < this.min) this.min = other.min;
		if (other.max > this.max) this.max = other.max;
	}

	/** Forgets every value (for warm-up removal). */
	reset(): void {
		this.counts.fill(0);
		this.underflow = 0;
		this.count = 0;
		this.sum = 0;
		this.min = Number.POSITIVE_INFINITY;
		this.max = Number.NEGATIVE_INFINITY;
	}

	private bucketStart(index: number): number {
		scratchWords[HIGH] = (index + this.base) << this.shift;
		scratchWords[1 - HIGH] = 0;
		return scratch[0]!;
	}
}
