/**
Write limits and the producer behind them: per-partition quotas checked per
second (Kinesis shards: 1,000 records/s and 1 MiB/s) or as a token bucket (API
Gateway's rate with burst), and what the producer does with a refused write —
retry with exponential backoff until the record's time-to-live runs out, give
up at once, or (the Kinesis Producer Library) keep every record in one queue
per shard in arrival order, resend refused ones after a short deadline with no
backoff, send at most 150% of the shard's limit, and drop records older than
RecordTtl. Under overload the KPL's queue sits at its time-to-live, so what is
delivered is about 30 s late, not fresh records beside dropped old ones.

Like a turnstile with a counter that resets every second: once the second's
quota is used, the rest wait outside and try again after a pause that doubles
each time, and leave after waiting too long. Refused attempts are counted each
time (as CloudWatch counts WriteProvisionedThroughputExceeded), so a retried
record can be throttled several times.
*/
import {producer} from '../catalogue.js';
import {CohortQueue, type CohortVisitor} from './cohorts.js';

/** Who receives what the limiter lets through or gives up on. */
export interface LimiterOwner {
	/** `count` records (standing for `weight` events) were accepted into partition `p`. */
	accepted(now: number, p: number, born: number, arrived: number, count: number, weight: number): void;
	/** `count` records were refused for good (drop mode, or their retry time ran out). */
	refused(now: number, born: number, count: number, weight: number): void;
	/** `count` write attempts were refused (each retry counts again). */
	throttledAttempts(now: number, count: number): void;
}

/** How a limiter counts its quota. */
export type QuotaSpec =
	| {readonly kind: 'per-second'; readonly records: number; readonly bytes: number}
	| {readonly kind: 'token-bucket'; readonly rate: number; readonly burst: number};

/** How the producer reacts to a refused write. */
export type RetrySpec = {
	readonly mode: 'retry' | 'drop';
	/** First backoff, seconds. */
	readonly base: number;
	/** Longest backoff, seconds. */
	readonly max: number;
	/** A record older than this (since its first attempt) is dropped instead of retried. */
	readonly ttl: number;
	/** KPL: new records queue behind refused ones (arrival order), retries wait `base` without backoff. */
	readonly fifo: boolean;
	/** Attempts per second per partition, as a multiple of its quota (the KPL's own rate limit); Infinity when unlimited. */
	readonly rateLimit: number;
};

/** An SDK client's retries (exponential backoff) for `mode`; `ttl` overrides how long it keeps a record. */
export function producerRetry(mode: RetrySpec['mode'], ttl: number = producer.recordTtl.value): RetrySpec {
	return {mode, base: producer.retryBackoffBase.value, max: producer.retryBackoffMax.value, ttl, fifo: false, rateLimit: Number.POSITIVE_INFINITY};
}

/** The Kinesis Producer Library: one queue per shard, a short resend deadline, a 150% rate limit, RecordTtl. */
export function kplRetry(mode: RetrySpec['mode'], ttl: number = producer.recordTtl.value): RetrySpec {
	if (mode === 'drop') return producerRetry(mode, ttl);
	return {mode, base: producer.kplRetryDeadline.value, max: producer.kplRetryDeadline.value, ttl, fifo: true, rateLimit: producer.kplRateLimit.value};
}

/** Per-partition quotas plus the producer's retry queues. */
export class WriteLimiter {
	/** Records accepted in the busiest whole second of any partition (per-second quotas). */
	maxRecordsInSecond = 0;
	/** Bytes accepted in the busiest whole second of any partition (per-second quotas). */
	maxBytesInSecond = 0;
	/** Records waiting in retry queues. */
	retrying = 0;

	private partitions: number;
	private second: Float64Array;
	private usedRecords: Float64Array;
	/** Refused attempts this second (the KPL's rate limit caps accepted + refused). */
	private refusedInSecond: Float64Array;
	private tokens: Float64Array;
	private lastRefill: Float64Array;
	private retryAt: Float64Array;
	private attempt: Int32Array;
	private queues: CohortQueue[];
	private capacityFactor: Float64Array;

	constructor(
		partitions: number,
		private quota: QuotaSpec,
		private readonly retry: RetrySpec,
		/** Bytes per record, for byte quotas. */
		private readonly recordBytes: number,
		private readonly owner: LimiterOwner,
	) {
		this.partitions = 0;
		this.second = new Float64Array(0);
		this.usedRecords = new Float64Array(0);
		this.refusedInSecond = new Float64Array(0);
		this.tokens = new Float64Array(0);
		this.lastRefill = new Float64Array(0);
		this.retryAt = new Float64Array(0);
		this.attempt = new Int32Array(0);
		this.capacityFactor = new Float64Array(0);
		this.queues = [];
		this.resize(partitions);
	}

	/** Number of partitions. */
	get size(): number {
		return this.partitions;
	}

	/** Adds partitions (a reshard or scale-up); existing ones keep their state. */
	resize(partitions: number): void {
		const grow = <T extends Float64Array | Int32Array>(from: T, make: (n: number) => T, fill: number): T => {
			const to = make(partitions);
			to.fill(fill);
			to.set(from.subarray(0, Math.min(from.length, partitions)));
			return to;
		};
		const f64 = (n: number) => new Float64Array(n);
		this.second = grow(this.second, f64, -1);
		this.usedRecords = grow(this.usedRecords, f64, 0);
		this.refusedInSecond = grow(this.refusedInSecond, f64, 0);
		this.tokens = grow(this.tokens, f64, this.quota.kind === 'token-bucket' ? this.quota.burst : 0);
		this.lastRefill = grow(this.lastRefill, f64, 0);
		this.retryAt = grow(this.retryAt, f64, 0);
		this.attempt = grow(this.attempt, (n) => new Int32Array(n), 0);
		this.capacityFactor = grow(this.capacityFactor, f64, 1);
		while (this.queues.length < partitions) this.queues.push(new CohortQueue(8));
		this.partitions = partitions;
	}

	/** Sets one partition's capacity to a fraction of the quota (0 = it accepts nothing: a lost shard). */
	setCapacity(p: number, factor: number): void {
		this.capacityFactor[p] = factor;
	}

	/** Records partition `p` can accept now. */
	available(now: number, p: number): number {
		const factor = this.capacityFactor[p]!;
		if (factor === 0) return 0;
		const quota = this.quota;
		if (quota.kind === 'token-bucket') {
			const refilled = this.tokens[p]! + (now - this.lastRefill[p]!) * quota.rate * factor;
			this.tokens[p] = Math.min(quota.burst * factor, refilled);
			this.lastRefill[p] = now;
			return this.tokens[p]!;
		}
		const second = Math.floor(now + 1e-9);
		if (second !== this.second[p]) {
			this.closeSecond(p);
			this.second[p] = second;
			this.usedRecords[p] = 0;
			this.refusedInSecond[p] = 0;
		}
		const byRecords = quota.records * factor - this.usedRecords[p]!;
		const byBytes = Math.floor((quota.bytes * factor) / this.recordBytes + 1e-9) - this.usedRecords[p]!;
		return Math.max(0, Math.min(byRecords, byBytes));
	}

	/** Offers new records to partition `p`: accepts what the quota allows, then retries or drops the rest. */
	offer(now: number, p: number, born: number, arrived: number, count: number, weight: number): void {
		if (!(count > 0)) return;
		if (this.retry.fifo && this.queues[p]!.size > 0) {
			// The KPL sends in order: new records wait behind the refused ones.
			this.queues[p]!.push(born, arrived, now, count, weight);
			this.retrying += count;
			return;
		}
		const take = Math.min(count, this.available(now, p));
		let rest = count;
		let restWeight = weight;
		if (take > 0) {
			const taken = take >= count ? weight : (weight * take) / count;
			this.consume(p, take);
			this.owner.accepted(now, p, born, arrived, take, taken);
			rest = count - take;
			restWeight = weight - taken;
		}
		if (rest <= 1e-12) return;
		this.owner.throttledAttempts(now, this.attempts(now, p, rest));
		if (this.retry.mode === 'drop') {
			this.owner.refused(now, born, rest, restWeight);
			return;
		}
		const queue = this.queues[p]!;
		if (queue.size === 0) {
			this.attempt[p] = 1;
			this.retryAt[p] = now + this.retry.base;
		}
		queue.push(born, arrived, now, rest, restWeight);
		this.retrying += rest;
	}

	/** Retries what is due; call every tick while `retrying > 0`. */
	tick(now: number): void {
		// One set of visitors per tick (not per partition): this runs every tick while anything waits.
		let p = 0;
		const expired = (stamp: number) => now - stamp > this.retry.ttl;
		const refuse: CohortVisitor = (born, _arrived, _stamp, count, weight) => {
			this.retrying -= count;
			this.owner.refused(now, born, count, weight);
		};
		const accept: CohortVisitor = (born, arrived, _stamp, take, weight) => {
			this.consume(p, take);
			this.retrying -= take;
			this.owner.accepted(now, p, born, arrived, take, weight);
		};
		for (p = 0; p < this.partitions; p++) {
			const queue = this.queues[p]!;
			if (queue.size === 0 || now < this.retryAt[p]! - 1e-12) continue;
			// Records past their time-to-live are given up on first.
			queue.drain(refuse, expired);
			queue.take(this.available(now, p), accept);
			if (queue.size > 0) {
				this.owner.throttledAttempts(now, this.attempts(now, p, queue.records));
				this.attempt[p] = this.attempt[p]! + 1;
				this.retryAt[p] = now + (this.retry.fifo ? this.retry.base : Math.min(this.retry.max, this.retry.base * 2 ** (this.attempt[p]! - 1)));
			} else {
				this.attempt[p] = 0;
			}
		}
		if (this.retrying < 1e-9) this.retrying = 0;
	}

	/** Folds the current second into the busiest-second figures (call at the end of a run). */
	closeAll(): void {
		for (let p = 0; p < this.partitions; p++) this.closeSecond(p);
	}

	/** How many of `waiting` records are sent (and refused) now: all of them, or what the producer's rate limit leaves this second. */
	private attempts(now: number, p: number, waiting: number): number {
		if (!Number.isFinite(this.retry.rateLimit) || this.quota.kind !== 'per-second') return waiting;
		this.available(now, p);
		const limit = Math.min(this.quota.records, this.quota.bytes / this.recordBytes) * this.capacityFactor[p]! * this.retry.rateLimit;
		const sent = Math.max(0, Math.min(waiting, limit - this.usedRecords[p]! - this.refusedInSecond[p]!));
		this.refusedInSecond[p] = this.refusedInSecond[p]! + sent;
		return sent;
	}

	private consume(p: number, count: number): void {
		if (this.quota.kind === 'token-bucket') this.tokens[p] = this.tokens[p]! - count;
		else this.usedRecords[p] = this.usedRecords[p]! + count;
	}

	private closeSecond(p: number): void {
		const used = this.usedRecords[p]!;
		if (used > this.maxRecordsInSecond) this.maxRecordsInSecond = used;
		if (used * this.recordBytes > this.maxBytesInSecond) this.maxBytesInSecond = used * this.recordBytes;
	}
}
