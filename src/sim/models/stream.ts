/**
A partitioned stream: Kinesis Data Streams (provisioned or on-demand) or a
Kafka topic.

Writes: each record hashes by its partition key to one shard; each shard takes
at most its quota per second (Kinesis: 1,000 records and 1 MiB), and the
producer retries the rest with backoff, or drops it. Reads: the consumer polls
each shard (shared throughput: 5 GetRecords calls and 2 MiB per second per
shard, split among the consumers; enhanced fan-out: pushed, 2 MiB/s per
consumer per shard), takes what it has room for, and leaves the rest in the
shard, where records older than the retention period are lost.

On-demand streams start at the capacity they have already scaled to (4 MiB/s
for a new stream) and, when throttled, double after the documented scale-up lag.
*/
import type {KeyDistribution} from '../../scenarios/model-schema.js';
import {kafka, kinesis} from '../catalogue.js';
import type {Random} from '../kernel/random.js';
import {CohortQueue} from './cohorts.js';
import {binomial} from './counts.js';
import {hottest, keyLayout, withHotKey} from './routing.js';
import {Stage, type SimContext} from './stage.js';
import {kplRetry, producerRetry, WriteLimiter, type LimiterOwner} from './write-limiter.js';
import {counted, roundTo} from '../numbers.js';
import type {StreamDetails} from '../result.js';

const POLL = 1;
const RESCALE = 2;
const POLL_GROUP = 3;

/** Shards are polled in this many groups, each on its own phase: one event per group per poll interval. */
const POLL_GROUPS = 8;

/** What a stream stage needs to know. */
export type StreamSpec = {
	readonly id: string;
	readonly component: 'kinesis_data_streams' | 'kafka';
	readonly mode: 'provisioned' | 'on_demand';
	readonly shards: number;
	readonly partitionKey: string;
	readonly keys: Readonly<Record<string, KeyDistribution>>;
	readonly onThrottle: 'retry' | 'drop';
	readonly consumer: 'shared' | 'efo';
	readonly consumers: number;
	readonly retentionS: number;
	readonly pollIntervalS?: number;
	readonly producerTtlS?: number;
	readonly recordBytes: number;
	/** KPL aggregation: records packed into one Kinesis record (the per-shard record limits count packed records). */
	readonly aggregation?: boolean;
};

/**
User records per Kinesis record: 1, or with KPL aggregation as many as fit in
its aggregate size. The per-shard limits in records (1,000 written, 10,000 per
GetRecords call) then count packed records, so bytes (1 MiB/s) bind instead.
*/
export function recordsPerKinesisRecord(aggregation: boolean | undefined, recordBytes: number): number {
	return aggregation ? Math.max(1, Math.floor(kinesis.kplAggregationMaxBytes.value / recordBytes)) : 1;
}

/** A Kinesis data stream or Kafka topic. */
export class StreamStage extends Stage implements LimiterOwner {
	readonly spec: StreamSpec;
	private readonly limiter: WriteLimiter;
	private logs: CohortQueue[] = [];
	private shares: Float64Array;
	private alive: Uint8Array;
	private pollAt: Float64Array;
	private lastPoll: Float64Array;
	/** 1 when the last poll of a shard left readable records behind (the consumer is not caught up). */
	private behind: Uint8Array;
	private hotKey: {value: string; share: number} | undefined;
	private readonly rng: Random;
	/** Seconds between polls when the consumer is idle. */
	private readonly pollInterval: number;
	/** Shortest gap between two polls of one shard (GetRecords calls are shared: 5 per second per shard). */
	private readonly minGap: number;
	/** Seconds from acceptance until a record can be read (on top of waiting for the poll). */
	private readonly visibleAfter: number;
	private readonly readBytesPerS: number;
	private readonly perCallRecords: number;
	private readonly perCallBytes: number;
	private readonly retention: number;
	private readonly groups: number;
	private acceptedRecords = 0;
	private acceptedBytes = 0;
	private readRecords = 0;
	private offeredThisSecond = 0;
	private offeredSecond = -1;
	private peakOffered = 0;
	private rescalePending = false;
	private rescales = 0;
	private shardSeconds = 0;
	private shardsSince = 0;
	/** Shard count over time (on-demand changes it). */
	shardCount: number;

	constructor(ctx: SimContext, index: number, spec: StreamSpec) {
		super(ctx, index, spec.id, 'stream', spec.component);
		this.spec = spec;
		this.rng = ctx.random(index, 1);
		const isKinesis = spec.component === 'kinesis_data_streams';
		const shards = spec.mode === 'on_demand' && isKinesis ? Math.max(spec.shards, Math.ceil(kinesis.onDemandStartRecords.value / kinesis.writeRecordsPerShard.value)) : spec.shards;
		this.shardCount = shards;
		this.limiter = new WriteLimiter(
			shards,
			isKinesis
				? {kind: 'per-second', records: kinesis.writeRecordsPerShard.value * recordsPerKinesisRecord(spec.aggregation, spec.recordBytes), bytes: kinesis.writeBytesPerShard.value}
				: {kind: 'per-second', records: Number.POSITIVE_INFINITY, bytes: kafka.writeBytesPerPartition.value},
			isKinesis ? kplRetry(spec.onThrottle, spec.producerTtlS) : producerRetry(spec.onThrottle, spec.producerTtlS),
			spec.recordBytes,
			this,
		);
		this.shares = keyLayout(spec.partitionKey, spec.keys, shards).shares;
		this.alive = new Uint8Array(shards).fill(1);
		this.pollAt = new Float64Array(shards).fill(Number.POSITIVE_INFINITY);
		this.lastPoll = new Float64Array(shards).fill(-1e9);
		this.behind = new Uint8Array(shards);
		for (let s = 0; s < shards; s++) this.logs.push(new CohortQueue(64));
		if (!isKinesis) {
			this.pollInterval = spec.pollIntervalS ?? kafka.defaultPollInterval.value;
			this.minGap = 0;
			this.visibleAfter = kafka.propagation.value;
			this.readBytesPerS = Number.POSITIVE_INFINITY;
			this.perCallRecords = Number.POSITIVE_INFINITY;
			this.perCallBytes = Number.POSITIVE_INFINITY;
		} else if (spec.consumer === 'efo') {
			// Enhanced fan-out pushes records; a short internal push interval stands in for the HTTP/2 stream.
			this.pollInterval = 0.05;
			this.minGap = 0.05;
			this.visibleAfter = Math.max(0, kinesis.efoPropagation.value - this.pollInterval / 2);
			this.readBytesPerS = kinesis.efoBytesPerConsumerPerShard.value;
			this.perCallRecords = Number.POSITIVE_INFINITY;
			this.perCallBytes = Number.POSITIVE_INFINITY;
		} else {
			this.minGap = spec.consumers / kinesis.getRecordsPerShard.value;
			const wanted = spec.pollIntervalS ?? kinesis.defaultPollInterval.value;
			if (wanted < this.minGap) ctx.note(`${spec.id}: poll_interval_s ${wanted} is below what ${counted(spec.consumers, 'consumer')} sharing 5 GetRecords/s per shard allow; polling every ${this.minGap} s`);
			this.pollInterval = Math.max(wanted, this.minGap);
			this.visibleAfter = kinesis.sharedPropagation.value;
			this.readBytesPerS = kinesis.readBytesPerShard.value / spec.consumers;
			this.perCallRecords = kinesis.getRecordsMaxRecords.value * recordsPerKinesisRecord(spec.aggregation, spec.recordBytes);
			this.perCallBytes = kinesis.getRecordsMaxBytes.value;
		}
		this.retention = spec.retentionS;
		this.groups = Math.min(shards, POLL_GROUPS);
	}

	/** Records accepted in the busiest second of any shard. */
	get busiestSecond(): {records: number; bytes: number} {
		this.limiter.closeAll();
		return {records: this.limiter.maxRecordsInSecond, bytes: this.limiter.maxBytesInSecond};
	}

	override start(now: number): void {
		if (!this.next) return;
		// Consumers do not poll in lockstep: each group of shards polls at its own random phase.
		for (let g = 0; g < this.groups; g++) this.ctx.schedule(now + this.rng.next() * this.pollInterval, this.index, POLL_GROUP, g);
	}

	override receive(now: number, born: number, count: number, weight: number): void {
		this.hold(now, count);
		this.noteOffered(now, count);
		const shares = this.shares;
		const n = this.shardCount;
		if (Number.isInteger(count) && count < 2 ** 31) {
			// Each record picks a shard by its key: a multinomial split, drawn as a chain of binomials.
			let left = count;
			let mass = 1;
			for (let s = 0; s < n && left > 0; s++) {
				const share = shares[s]!;
				if (!(share > 0)) continue;
				const k = s === n - 1 || share >= mass ? left : binomial(this.rng, left, Math.min(1, share / mass));
				mass -= share;
				if (k > 0) {
					this.limiter.offer(now, s, born, now, k, (weight * k) / count);
					left -= k;
				}
			}
		} else {
			for (let s = 0; s < n; s++) {
				const share = shares[s]!;
				if (share > 0) this.limiter.offer(now, s, born, now, count * share, weight * share);
			}
		}
		this.needsTick = this.limiter.retrying > 0;
	}

	override tick(now: number): void {
		this.limiter.tick(now);
		this.needsTick = this.limiter.retrying > 0;
	}

	override handle(kind: number, local: number, now: number): void {
		if (kind === POLL_GROUP) {
			for (let shard = local; shard < this.shardCount; shard += this.groups) {
				// A shard polled moments ago (woken by its consumer) waits for the GetRecords limit.
				if (now - this.lastPoll[shard]! >= this.minGap - 1e-9) this.poll(shard, now);
			}
			this.ctx.schedule(now + this.pollInterval, this.index, POLL_GROUP, local);
		} else if (kind === POLL) {
			if (Math.abs(now - this.pollAt[local]!) > 1e-12) return; // superseded by an earlier poll
			this.pollAt[local] = Number.POSITIVE_INFINITY;
			// A group poll may have read this shard since this one was scheduled: the GetRecords limit still holds.
			const allowed = this.lastPoll[local]! + this.minGap;
			if (now >= allowed - 1e-9) this.poll(local, now);
			else if (this.behind[local]) this.schedulePoll(local, allowed);
		} else if (kind === RESCALE) {
			this.rescale(now);
		}
	}

	/**
	The consumer has room again. If its last poll left readable records behind,
	it polls again as soon as the GetRecords limit allows (Lambda keeps going
	until it catches up); a caught-up shard waits for its group's next poll, at
	the base rate (Lambda: once a second).
	*/
	wake(shard: number, now: number): void {
		if (shard >= this.shardCount || !this.behind[shard]) return;
		this.schedulePoll(shard, Math.max(now, this.lastPoll[shard]! + this.minGap));
	}

	// LimiterOwner: what the write limiter lets through or gives up on.
	accepted(now: number, p: number, born: number, arrived: number, count: number, weight: number): void {
		if (this.ctx.measuring) {
			this.acceptedRecords += count;
			this.acceptedBytes += count * this.spec.recordBytes;
		}
		if (!this.next) {
			this.emit(now, born, arrived, count, count, weight);
			return;
		}
		this.logs[p]!.push(born, arrived, now, count, weight);
	}

	refused(now: number, born: number, count: number, weight: number): void {
		this.discard(now, born, count, weight, 'dropped');
	}

	throttledAttempts(now: number, count: number): void {
		if (this.ctx.measuring) this.stats.throttled += count;
		if (this.spec.mode === 'on_demand' && !this.rescalePending && this.spec.component === 'kinesis_data_streams') {
			this.rescalePending = true;
			this.ctx.schedule(now + kinesis.onDemandScaleLag.value, this.index, RESCALE, 0);
		}
	}

	override loseUnits(now: number, count: number): boolean {
		// The shard-seconds up to now were served by the shards alive until now.
		this.accountShards(now);
		let lost = 0;
		for (let s = 0; s < this.shardCount && lost < count; s++) {
			if (!this.alive[s]) continue;
			this.alive[s] = 0;
			this.limiter.setCapacity(s, 0);
			lost++;
		}
		this.reshare();
		return true;
	}

	/** From `now` on, `share` of events carry the key `value`. */
	setHotKey(value: string, share: number): boolean {
		if (this.spec.partitionKey === 'random') return false;
		this.hotKey = {value, share};
		this.reshare();
		return true;
	}

	override utilization(span: number): number {
		this.accountShards(this.ctx.end);
		const shardSeconds = this.shardSeconds;
		const capacity = this.spec.component === 'kafka' ? 0 : (shardSeconds / span) * kinesis.writeRecordsPerShard.value * recordsPerKinesisRecord(this.spec.aggregation, this.spec.recordBytes);
		const byRecords = capacity > 0 ? this.acceptedRecords / span / capacity : 0;
		const bytesCapacity = (shardSeconds / span) * (this.spec.component === 'kafka' ? kafka.writeBytesPerPartition.value : kinesis.writeBytesPerShard.value);
		const byBytes = this.acceptedBytes / span / bytesCapacity;
		return Math.max(byRecords, byBytes);
	}

	override details(span: number): StreamDetails {
		const busiest = this.busiestSecond;
		const hot = hottest(this.shares);
		return {
			shards: this.shardCount,
			hottest_shard_share: roundTo(hot.share, 4),
			accepted_per_s: roundTo(this.acceptedRecords / span, 1),
			read_per_s: roundTo(this.readRecords / span, 1),
			busiest_shard_second_records: roundTo(busiest.records, 3),
			busiest_shard_second_bytes: Math.round(busiest.bytes),
			retrying_at_end: roundTo(this.limiter.retrying, 0),
			...(this.spec.mode === 'on_demand' ? {scale_ups: this.rescales} : {}),
		};
	}

	override beginMeasure(now: number): void {
		this.shardSeconds = 0;
		this.shardsSince = now;
	}

	private accountShards(now: number): void {
		if (now <= this.ctx.warmup) return;
		const from = Math.max(this.shardsSince, this.ctx.warmup);
		const to = Math.min(now, this.ctx.end);
		if (to > from) this.shardSeconds += this.liveShards() * (to - from);
		this.shardsSince = to;
	}

	private liveShards(): number {
		let live = 0;
		for (let s = 0; s < this.shardCount; s++) live += this.alive[s]!;
		return live;
	}

	private noteOffered(now: number, count: number): void {
		const second = Math.floor(now + 1e-9);
		if (second !== this.offeredSecond) {
			if (this.offeredThisSecond > this.peakOffered) this.peakOffered = this.offeredThisSecond;
			this.offeredSecond = second;
			this.offeredThisSecond = 0;
		}
		this.offeredThisSecond += count;
	}

	private schedulePoll(shard: number, time: number): void {
		if (time < this.pollAt[shard]! - 1e-12) {
			this.pollAt[shard] = time;
			this.ctx.schedule(time, this.index, POLL, shard);
		}
	}

	private poll(shard: number, now: number): void {
		const log = this.logs[shard]!;
		const elapsed = Math.min(1, now - this.lastPoll[shard]!);
		this.lastPoll[shard] = now;
		// Unread records older than the retention period are gone.
		const expireBefore = now - this.retention;
		if (log.size > 0 && log.stamp[log.headIndex]! < expireBefore) log.drain((born, _arrived, _stamp, count, weight) => this.discard(now, born, count, weight, 'lost'), (stamp) => stamp < expireBefore);
		const next = this.next!;
		const wanted = next.demand(now, shard);
		const bytes = this.spec.recordBytes;
		// Reads are limited by the bytes the shard could serve since the last poll (none for Kafka).
		const byBytes = Number.isFinite(this.readBytesPerS) ? Math.min(this.perCallBytes, this.readBytesPerS * Math.max(elapsed, this.minGap)) / bytes : Number.POSITIVE_INFINITY;
		const limit = Math.min(wanted, this.perCallRecords, Math.floor(byBytes + 1e-9));
		const visibleBefore = now - this.visibleAfter;
		const left = log.take(
			limit,
			(born, arrived, _stamp, take, weight) => {
				this.release(now, take);
				this.stats.departedSinceSample += take;
				if (this.ctx.measuring) {
					this.readRecords += take;
					this.stats.departed += take;
					this.stats.wait.record((now - arrived) * 1000, take);
				}
				next.receiveShard(now, shard, born, take, weight);
			},
			visibleBefore,
		);
		// The call's limit (or the consumer's room) ran out with readable records left.
		const limitedByCall = wanted > 0 && !(left > 0) && log.size > 0 && log.stamp[log.headIndex]! <= visibleBefore;
		// More is waiting: poll this shard again as soon as allowed (otherwise its group's next poll comes).
		if (limitedByCall) this.schedulePoll(shard, now + (this.minGap || this.pollInterval));
		// Readable records left behind (the call's limit or the consumer's room): the consumer is not caught up.
		this.behind[shard] = log.size > 0 && log.stamp[log.headIndex]! <= visibleBefore ? 1 : 0;
	}

	private reshare(): void {
		const n = this.shardCount;
		let shares = keyLayout(this.spec.partitionKey, this.spec.keys, n).shares;
		if (this.hotKey) shares = withHotKey(shares, this.spec.partitionKey, this.hotKey.value, this.hotKey.share);
		// A lost shard's hash range is re-split over every live shard (as resharding to the live count would),
		// not handed to one neighbour, which would double that shard's load.
		const out = new Float64Array(n);
		let live = 0;
		for (let s = 0; s < n; s++) live += this.alive[s]!;
		let orphaned = 0;
		for (let s = 0; s < n; s++) {
			if (this.alive[s] || live === 0) out[s] = shares[s]!;
			else orphaned += shares[s]!;
		}
		if (live > 0 && orphaned > 0) for (let s = 0; s < n; s++) if (this.alive[s]) out[s]! += orphaned / live;
		this.shares = out;
	}

	private rescale(now: number): void {
		this.rescalePending = false;
		const perShard = kinesis.writeRecordsPerShard.value * recordsPerKinesisRecord(this.spec.aggregation, this.spec.recordBytes);
		const byBytes = kinesis.writeBytesPerShard.value / this.spec.recordBytes;
		const peak = Math.max(this.peakOffered, this.offeredThisSecond);
		const needed = Math.ceil((kinesis.onDemandScaleFactor.value * peak) / Math.min(perShard, byBytes));
		const max = Math.floor(kinesis.onDemandMaxBytes.value / kinesis.writeBytesPerShard.value);
		// Each step at most doubles the capacity (twice the previous peak); more waits for the next 15-minute step.
		const target = Math.min(max, needed, this.shardCount * 2);
		if (target <= this.shardCount) return;
		this.accountShards(now);
		const old = this.shardCount;
		this.shardCount = target;
		this.rescales++;
		this.limiter.resize(target);
		const grow = (from: Float64Array, fill: number) => {
			const to = new Float64Array(target).fill(fill);
			to.set(from);
			return to;
		};
		this.pollAt = grow(this.pollAt, Number.POSITIVE_INFINITY);
		this.lastPoll = grow(this.lastPoll, -1e9);
		const behind = new Uint8Array(target);
		behind.set(this.behind);
		this.behind = behind;
		const alive = new Uint8Array(target).fill(1);
		alive.set(this.alive);
		this.alive = alive;
		for (let s = old; s < target; s++) this.logs.push(new CohortQueue(64));
		this.reshare();
	}
}
