/**
A 95% confidence interval for a mean from one long, autocorrelated run, by
non-overlapping batch means.

Consecutive waits in a queue are strongly correlated (one slow customer delays
the next), so the textbook s/√n interval is far too narrow. Cut the run into
batches long enough to be nearly independent, and use the spread of the batch
averages instead. The total count need not be known in advance: observations
fill up to 2B batches; when all are full, neighbours merge pairwise and the
batch size doubles, so between B and 2B full batches are always available.
*/
import {t975} from './confidence.js';

/** Running batch-means accumulator: `add` per observation, then `mean` and `halfWidth()`. */
export class BatchMeans {
	/** Observations added. */
	count = 0;
	/** Sum of every observation added. */
	sum = 0;
	/** Observations per batch at the moment. */
	batchSize = 1;

	private readonly minBatches: number;
	private readonly sums: Float64Array;
	private full = 0;
	private inBatch = 0;
	private current = 0;

	/** `batches` is the least number of batches the interval rests on (at least 2; 20 is customary). */
	constructor(batches = 20) {
		if (!Number.isInteger(batches) || batches < 2) throw new RangeError(`BatchMeans: batches must be a whole number >= 2; got ${batches}`);
		this.minBatches = batches;
		this.sums = new Float64Array(2 * batches);
	}

	/** The mean of all observations (NaN when none). */
	get mean(): number {
		return this.count > 0 ? this.sum / this.count : Number.NaN;
	}

	/** How many full batches the interval currently uses. */
	get batches(): number {
		return this.full;
	}

	/** Adds one observation. */
	add(value: number): void {
		this.count++;
		this.sum += value;
		this.current += value;
		if (++this.inBatch === this.batchSize) {
			this.sums[this.full++] = this.current;
			this.current = 0;
			this.inBatch = 0;
			if (this.full === this.sums.length) this.collapse();
		}
	}

	/** Adds `values[from..to)` in order, as many `add` calls would. */
	addAll(values: Float64Array, from: number, to: number): void {
		for (let i = from; i < to; i++) this.add(values[i]!);
	}

	/** The 95% half-width of the mean from the full batches (NaN with fewer than two). */
	halfWidth(): number {
		const k = this.full;
		if (k < 2) return Number.NaN;
		const size = this.batchSize;
		let mean = 0;
		for (let i = 0; i < k; i++) mean += this.sums[i]! / size;
		mean /= k;
		let squares = 0;
		for (let i = 0; i < k; i++) squares += (this.sums[i]! / size - mean) ** 2;
		return t975(k - 1) * Math.sqrt(squares / (k - 1) / k);
	}

	/** Forgets every observation (warm-up removal). */
	reset(): void {
		this.count = 0;
		this.sum = 0;
		this.batchSize = 1;
		this.full = 0;
		this.inBatch = 0;
		this.current = 0;
		this.sums.fill(0);
	}

	private collapse(): void {
		const half = this.minBatches;
		for (let i = 0; i < half; i++) this.sums[i] = this.sums[2 * i]! + this.sums[2 * i + 1]!;
		this.sums.fill(0, half);
		this.full = half;
		this.batchSize *= 2;
	}
}
