/**
Amazon Data Firehose: accepts records up to its Direct PUT quota (5 MiB/s,
500,000 records/s in the big-3 regions), buffers them, and delivers the buffer
as one object when it reaches `buffer_size_mib` or when its oldest record has
waited `buffer_interval_s`, whichever comes first. Delivery takes a moment more.

So the age of the data downstream is about the buffer interval, or the time to
fill the buffer at the incoming rate when that is shorter: 5 MiB at 1.7 MB/s
fills in about 3 s; a 300 s interval with a buffer that never fills adds 300 s.
*/
import {firehose} from '../catalogue.js';
import {CohortQueue} from './cohorts.js';
import type {SimContext} from './stage.js';
import {QuotaStage} from './quota-stage.js';
import {producerRetry, WriteLimiter} from './write-limiter.js';
import {roundTo} from '../numbers.js';
import type {FirehoseDetails} from '../result.js';

const FLUSH = 1;
const DELIVER = 2;

/** What a Firehose stage needs to know. */
export type FirehoseSpec = {
	readonly id: string;
	readonly bufferSizeMiB: number;
	readonly bufferIntervalS: number;
	readonly throughputMiBs?: number;
	readonly recordBytes: number;
};

/** A Firehose stream. */
export class FirehoseStage extends QuotaStage {
	readonly spec: FirehoseSpec;
	private readonly buffer = new CohortQueue(256);
	private readonly transit = new CohortQueue(256);
	private bufferBytes = 0;
	private generation = 0;
	private deliveries = 0;
	private bySize = 0;
	private byInterval = 0;
	private maxBufferAge = 0;
	private lastDelivery = Number.NaN;
	private maxDeliveryGap = 0;
	private acceptedBytes = 0;
	private readonly sizeLimit: number;
	/** The Direct PUT byte quota, bytes per second. */
	private readonly quotaBytes: number;

	constructor(ctx: SimContext, index: number, spec: FirehoseSpec) {
		super(ctx, index, spec.id, 'firehose', 'firehose');
		this.spec = spec;
		this.sizeLimit = spec.bufferSizeMiB * 1024 * 1024;
		this.quotaBytes = (spec.throughputMiBs ?? firehose.directPutBytes.value / (1024 * 1024)) * 1024 * 1024;
		this.limiter = new WriteLimiter(
			1,
			{kind: 'per-second', records: firehose.directPutRecords.value, bytes: this.quotaBytes},
			producerRetry('retry'),
			spec.recordBytes,
			this,
		);
	}

	accepted(now: number, _p: number, born: number, arrived: number, count: number, weight: number): void {
		if (this.buffer.size === 0) {
			this.generation++;
			// Zero buffering still delivers in small batches, "within a few seconds", not once per arrival.
			const interval = this.spec.bufferIntervalS > 0 ? this.spec.bufferIntervalS : firehose.zeroBufferInterval.value;
			this.ctx.schedule(now + interval, this.index, FLUSH, this.generation);
		}
		this.buffer.push(born, arrived, now, count, weight);
		this.bufferBytes += count * this.spec.recordBytes;
		if (this.ctx.measuring) this.acceptedBytes += count * this.spec.recordBytes;
		if (this.bufferBytes >= this.sizeLimit) this.flush(now, 'size');
	}

	refused(now: number, born: number, count: number, weight: number): void {
		this.discard(now, born, count, weight, 'dropped');
	}

	throttledAttempts(_now: number, count: number): void {
		if (this.ctx.measuring) this.stats.throttled += count;
	}

	override handle(kind: number, local: number, now: number): void {
		if (kind === FLUSH) {
			if (local === this.generation && this.buffer.size > 0) this.flush(now, 'interval');
		} else if (kind === DELIVER) {
			this.deliver(now);
		}
	}

	override utilization(span: number): number {
		return this.acceptedBytes / span / this.quotaBytes;
	}

	override details(): FirehoseDetails {
		return {
			deliveries: this.deliveries,
			flushed_by_size: this.bySize,
			flushed_by_interval: this.byInterval,
			max_buffer_age_s: roundTo(this.maxBufferAge, 3),
			max_delivery_gap_s: roundTo(this.maxDeliveryGap, 3),
			buffer_size_mib: this.spec.bufferSizeMiB,
			buffer_interval_s: this.spec.bufferIntervalS,
		};
	}

	private flush(now: number, why: 'size' | 'interval'): void {
		const buffer = this.buffer;
		const oldest = buffer.stamp[buffer.headIndex]!;
		if (this.ctx.measuring) {
			this.deliveries++;
			if (why === 'size') this.bySize++;
			else this.byInterval++;
			if (now - oldest > this.maxBufferAge) this.maxBufferAge = now - oldest;
			if (!Number.isNaN(this.lastDelivery) && now - this.lastDelivery > this.maxDeliveryGap) this.maxDeliveryGap = now - this.lastDelivery;
		}
		this.lastDelivery = now;
		const at = now + firehose.deliveryLatency.value;
		// One object: every cohort in it leaves at `at`, so its wait here is known now. Cohorts born in the
		// same tick (one from each shard read) are indistinguishable from here on and travel as one group:
		// with 30 shards that is 30 times fewer groups for every stage downstream.
		const byBorn = new Map<number, {count: number; weight: number}>();
		buffer.drain((born, arrived, _stamp, count, weight) => {
			if (this.ctx.measuring && count > 0) this.stats.wait.record((at - arrived) * 1000, count);
			const group = byBorn.get(born);
			if (group) {
				group.count += count;
				group.weight += weight;
			} else byBorn.set(born, {count, weight});
		});
		for (const [born, group] of byBorn) this.transit.push(born, at, at, group.count, group.weight);
		this.bufferBytes = 0;
		this.generation++;
		this.ctx.schedule(at, this.index, DELIVER, 0);
	}

	private deliver(now: number): void {
		let object = Number.NaN;
		// Every object due now, in order; `stamp` is the time its object lands.
		this.transit.drain((born, _arrived, stamp, count, weight) => {
			if (stamp !== object) {
				object = stamp;
				this.next?.beginObject(now);
			}
			this.emitWaited(now, born, count, count, weight);
		}, (stamp) => stamp <= now + 1e-12);
	}
}
