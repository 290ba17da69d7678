/**
The three ways a compute stage takes work, each a class on the shared base in
compute.ts (see its comment for what the services do):
- `ShardBatches`: Lambda on a stream, one batch buffer per shard (the event
  source mapping);
- `WorkerPool`: units taking shares of one queue (workers, Flink slots, Lambda
  behind a queue or an API);
- `MicroBatches`: one batch at a time over everything queued, on a trigger or
  after an earlier step (Spark, Glue, scheduled jobs).
`createComputeStage` picks the one the resolved plan decided.
*/
import {files, spark} from '../catalogue.js';
import {CohortQueue} from './cohorts.js';
import {ComputeStage, READY, TRIGGER, type ComputeSpec} from './compute.js';
import type {ComputeSettings} from './plan.js';
import type {SimContext, Stage} from './stage.js';
import type {StreamStage} from './stream.js';

/** A pool unit takes at least this much work at a time (seconds), so a trickle is not split into slivers. */
const MIN_TAKE_S = 0.01;

/** Lambda on a stream: a batch buffer per shard, `parallelization_factor` batches per shard in flight, the concurrency limit over all. */
export class ShardBatches extends ComputeStage {
	readonly mode = 'esm';
	private readonly upstream: StreamStage;
	private readonly parallelization: number;
	private buffers: CohortQueue[] = [];
	private bufferSince = new Float64Array(0);
	private shardReadyAt = new Float64Array(0);
	private inflight = new Int32Array(0);
	private waiting: number[] = [];
	private isWaiting = new Uint8Array(0);

	constructor(ctx: SimContext, index: number, spec: ComputeSpec, upstream: StreamStage, settings: ComputeSettings) {
		super(ctx, index, spec, upstream, settings);
		this.upstream = upstream;
		this.parallelization = settings.parallelization;
		this.resizeShards(upstream.shardCount);
	}

	protected override get scales(): boolean {
		return false;
	}

	/** Records handed over without a shard (a feed delivered here) join the first shard's buffer. */
	override receive(now: number, born: number, count: number, weight: number): void {
		this.receiveShard(now, 0, born, count, weight);
	}

	override receiveShard(now: number, shard: number, born: number, count: number, weight: number): void {
		if (shard >= this.buffers.length) this.resizeShards(shard + 1);
		this.hold(now, count);
		const buffer = this.buffers[shard]!;
		if (buffer.size === 0) this.bufferSince[shard] = now;
		buffer.push(born, now, now, count, weight);
		this.startShard(shard, now);
	}

	override demand(_now: number, shard: number): number {
		// The event source mapping holds one GetRecords response per shard at most.
		const buffer = this.buffers[shard];
		return Math.max(0, 10_000 - (buffer ? buffer.records : 0));
	}

	override handle(kind: number, local: number, now: number): void {
		if (kind !== READY) {
			super.handle(kind, local, now);
			return;
		}
		if (Math.abs(this.shardReadyAt[local]! - now) < 1e-12) {
			this.shardReadyAt[local] = Number.POSITIVE_INFINITY;
			this.startShard(local, now);
		}
	}

	/** Shards are not workers: a lost one is the stream's loss. */
	override loseUnits(): boolean {
		return false;
	}

	override effectiveUnits(): number {
		return Math.min(this.units, this.buffers.length * this.parallelization);
	}

	protected override startQueued(): void {}

	protected override unitsChanged(): void {}

	protected override finished(shard: number, now: number): void {
		this.inflight[shard] = this.inflight[shard]! - 1;
		this.startShard(shard, now);
		while (this.waiting.length > 0 && this.running < this.limit(now)) {
			const next = this.waiting.shift()!;
			this.isWaiting[next] = 0;
			this.startShard(next, now);
		}
		this.upstream.wake(shard, now);
	}

	private resizeShards(shards: number): void {
		const old = this.buffers.length;
		for (let s = old; s < shards; s++) this.buffers.push(new CohortQueue(32));
		const grow = (from: Float64Array, fill: number) => {
			const to = new Float64Array(shards).fill(fill);
			to.set(from);
			return to;
		};
		this.bufferSince = grow(this.bufferSince, Number.POSITIVE_INFINITY);
		this.shardReadyAt = grow(this.shardReadyAt, Number.POSITIVE_INFINITY);
		const inflight = new Int32Array(shards);
		inflight.set(this.inflight);
		this.inflight = inflight;
		const waiting = new Uint8Array(shards);
		waiting.set(this.isWaiting);
		this.isWaiting = waiting;
	}

	/** Starts as many batches from one shard's buffer as its limits allow. */
	private startShard(shard: number, now: number): void {
		const buffer = this.buffers[shard]!;
		while (buffer.records > 1e-9 && this.inflight[shard]! < this.parallelization) {
			const full = buffer.records >= this.batchSize - 1e-9;
			const due = this.batchingWindow <= 0 || now >= this.bufferSince[shard]! + this.batchingWindow - 1e-9;
			if (!full && !due) {
				const at = this.bufferSince[shard]! + this.batchingWindow;
				if (at < this.shardReadyAt[shard]! - 1e-12) {
					this.shardReadyAt[shard] = at;
					this.ctx.schedule(at, this.index, READY, shard);
				}
				return;
			}
			if (this.running >= this.limit(now)) {
				if (!this.isWaiting[shard]) {
					this.isWaiting[shard] = 1;
					this.waiting.push(shard);
				}
				return;
			}
			const take = Math.min(this.batchSize, this.payloadRecords, buffer.records);
			this.inflight[shard] = this.inflight[shard]! + 1;
			this.launch(now, buffer, take, shard, 1);
			this.bufferSince[shard] = buffer.size > 0 ? now : Number.POSITIVE_INFINITY;
		}
	}
}

/** Units taking work from one queue: batches of `batch_size` (a gang of invocations at once), or fair shares without one. */
export class WorkerPool extends ComputeStage {
	readonly mode = 'pool';
	private readyAt = Number.POSITIVE_INFINITY;

	override demand(): number {
		const perUnit = Number.isFinite(this.batchSize) ? this.batchSize : 10_000;
		return Math.max(0, 2 * this.units * perUnit - this.input.records);
	}

	override handle(kind: number, local: number, now: number): void {
		if (kind !== READY) {
			super.handle(kind, local, now);
			return;
		}
		if (Math.abs(this.readyAt - now) < 1e-12) {
			this.readyAt = Number.POSITIVE_INFINITY;
			this.startPool(now);
		}
	}

	protected override startQueued(now: number): void {
		this.startPool(now);
	}

	protected override unitsChanged(now: number): void {
		this.startPool(now);
	}

	protected override finished(_shard: number, now: number): void {
		this.startPool(now);
	}

	/** Starts pool work while units are free and the batching rules allow. */
	private startPool(now: number): void {
		const input = this.input;
		while (input.records > 1e-9 && this.running < this.limit(now)) {
			const full = input.records >= this.batchSize - 1e-9;
			const due = this.batchingWindow <= 0 || now >= this.inputSince + this.batchingWindow - 1e-9;
			if (!full && !due) {
				const at = this.inputSince + this.batchingWindow;
				if (at < this.readyAt - 1e-12) {
					this.readyAt = at;
					this.ctx.schedule(at, this.index, READY, 0);
				}
				return;
			}
			const free = this.limit(now) - this.running;
			if (Number.isFinite(this.batchSize)) {
				// Batches of batch_size: start as many invocations as units allow in one go (a gang), all
				// finishing together, as separate invocations started at the same moment would.
				const wanted = Math.ceil(input.records / this.batchSize - 1e-9);
				const invocations = Math.max(1, Math.min(free, wanted));
				const take = Math.min(input.records, invocations * this.batchSize);
				const fresh = this.freshEnvironments(invocations);
				if (fresh > 0 && fresh < invocations) {
					// Warm environments start at once; new ones pay the cold start.
					const warmTake = (take * (invocations - fresh)) / invocations;
					this.launch(now, input, warmTake, -1, invocations - fresh);
					this.launch(now, input, take - warmTake, -1, fresh);
				} else {
					this.launch(now, input, take, -1, invocations);
				}
			} else {
				// No batch size (Flink, workers): each unit takes a fair share of the queue, at least a few ms of work.
				const minimum = this.perRecord > 0 ? Math.max(1, MIN_TAKE_S / this.perRecord) : input.records;
				const share = Math.max(minimum, input.records / Math.max(1, this.units));
				this.launch(now, input, Math.min(input.records, share), -1, 1);
			}
			this.inputSince = input.size > 0 ? now : Number.POSITIVE_INFINITY;
		}
	}
}

/** One batch at a time over everything queued, on the trigger's grid (or after an earlier step); each run can be logged for the deadline check. */
export class MicroBatches extends ComputeStage {
	readonly mode = 'micro-batch';
	private currentRun: {start: number; finish: number | null; records: number} | null = null;
	private batchRunning = false;
	private triggerScheduled = false;
	/** Seconds between micro-batch or scheduled-batch starts (0: as soon as the previous one ends). */
	private readonly trigger: number;
	private nextTrigger = 0;
	/** Where the trigger grid starts, seconds after midnight (start_at). */
	private readonly triggerOffset: number;
	/** A chained step's upstream: the step it runs after, then the stages between; it starts only when they are all done. */
	private waitFor: readonly Stage[] = [];

	constructor(ctx: SimContext, index: number, spec: ComputeSpec, upstream: StreamStage | undefined, settings: ComputeSettings) {
		super(ctx, index, spec, upstream, settings);
		this.trigger = settings.triggerS;
		this.triggerOffset = settings.triggerOffsetS;
	}

	/**
	Chains this step after `upstream`: the step it runs after, then every stage
	between (a store, a load). A run starts only when the step is not running and
	the stages between hold nothing, so it takes the whole of the previous run's output.
	*/
	chainAfter(upstream: readonly Stage[]): void {
		this.waitFor = upstream;
	}

	/** True while a batch runs. */
	override isBusy(): boolean {
		return this.batchRunning;
	}

	/** A micro-batch reads every offset available since the last one: maxOffsetsPerTrigger is unset by default, so the stream holds nothing back. */
	override demand(): number {
		return Number.POSITIVE_INFINITY;
	}

	override handle(kind: number, local: number, now: number): void {
		if (kind !== TRIGGER) {
			super.handle(kind, local, now);
			return;
		}
		this.triggerScheduled = false;
		this.maybeStart(now);
	}

	protected override startQueued(now: number): void {
		this.maybeStart(now);
	}

	protected override unitsChanged(now: number): void {
		this.maybeStart(now);
	}

	/** A batch job writes files, not records: one write request per file. */
	protected override beforeOutput(records: number, now: number): void {
		if (this.spec.windowS || !this.next) return;
		const bytes = records * this.spec.outputRatio * (this.spec.outputBytes ?? this.spec.recordBytes);
		this.next.beginObject(now, Math.max(1, Math.ceil(bytes / files.batchFileBytes.value)));
	}

	protected override finished(_shard: number, now: number): void {
		this.batchRunning = false;
		if (this.currentRun) this.currentRun.finish = now;
		this.currentRun = null;
		this.maybeStart(now, true);
	}

	/** Starts the next batch when its trigger has come, nothing runs and (for a chained step) the upstream run has all arrived. */
	private maybeStart(now: number, afterBatch = false): void {
		// A chained step does not start a run for the crumbs of fractional counts (under half a record): they join the next run.
		if (this.batchRunning || this.input.records <= (this.waitFor.length > 0 ? 0.5 : 1e-9)) return;
		const trigger = this.trigger;
		// Idle: the next batch starts on the trigger's grid (Spark's processingTime, a cron schedule), not on
		// arrival; a batch that overran its interval is followed at once.
		if (trigger > 0 && now >= this.nextTrigger && !afterBatch) this.nextTrigger = this.triggerOffset + Math.ceil((now - this.triggerOffset) / trigger - 1e-9) * trigger;
		if (now < this.nextTrigger - 1e-12) {
			if (!this.triggerScheduled) {
				this.triggerScheduled = true;
				this.ctx.schedule(this.nextTrigger, this.index, TRIGGER, 0);
			}
			return;
		}
		if (this.units <= 0) return;
		// A chained step waits for the whole of the upstream run: the last arrival (or the upstream's finish) calls again.
		// Counts are fractional (shares of a tick's events): under half a record left between is rounding, not a record on its way.
		if (this.waitFor.some((stage, index) => (index === 0 ? stage.isBusy() : stage.held >= 0.5))) return;
		const records = this.input.records;
		const minimum = this.spec.component === 'spark_structured_streaming' ? spark.microBatchMin.value : 0;
		const duration = Math.max(minimum, this.overhead + (records * this.perRecord) / this.units);
		this.batchRunning = true;
		this.nextTrigger = now + trigger;
		if (this.spec.logRuns) {
			this.currentRun = {start: now, finish: null, records};
			this.runLog.push(this.currentRun);
		}
		this.launch(now, this.input, records, -1, 1, duration, this.units);
	}
}

/** The compute stage for the mode the plan decided (a Lambda on a stream needs that stream). */
export function createComputeStage(ctx: SimContext, index: number, spec: ComputeSpec, upstream: StreamStage | undefined, settings: ComputeSettings): ComputeStage {
	if (settings.mode === 'esm' && upstream) return new ShardBatches(ctx, index, spec, upstream, settings);
	if (settings.mode === 'micro-batch') return new MicroBatches(ctx, index, spec, upstream, settings);
	return new WorkerPool(ctx, index, spec, upstream, settings);
}

