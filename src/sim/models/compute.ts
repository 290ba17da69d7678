/**
Compute that transforms records: Lambda, a worker pool, Flink, Spark
Structured Streaming or Glue (and, inside a pipeline, a plain queue station run
as a fluid pool).

Three ways of taking work, as the real services do:
- **Lambda on a stream** (an event source mapping): one batch buffer per shard;
  a batch is invoked when it holds `batch_size` records, when the batching
  window has passed, or at once with no window; at most `parallelization_factor`
  batches per shard and the account's concurrency in flight; new execution
  environments pay a cold start and arrive at most 1,000 per 10 s.
- **A pool** (workers, Flink slots, Lambda behind a queue or API): `concurrency`
  units each take a share of the queue (up to `batch_size`) and work for
  overhead + records × per-record cost. Optional autoscaling towards a target
  utilization, with a lag before new workers serve.
- **Micro-batches** (Spark, Glue): one batch at a time takes everything queued
  at its trigger, and runs for max(minimum micro-batch, overhead + records ×
  per-record cost / cores).

Scheduled batch steps (an Airflow DAG): `start_at` puts a triggered job's runs
at a time of day (02:00, every `trigger_s`, daily by default); `after` chains a
step to an earlier one, so it starts when that step's run has finished and all
its output has reached this step (nothing left in the stages between), not on
a clock of its own. Such steps log each run's start and finish for the
deadline check (batch-runs.ts).

Transforms change volume: `output_ratio` records out per record in (filter,
dedup, aggregate). Aggregates keep the source events they stand for, so
end-to-end latency still follows every login; with `window_s`, results leave at
the end of each tumbling window.
*/
import {files, lambda, pool, spark} from '../catalogue.js';
import {TimeWeighted} from '../stats/time-weighted.js';
import {CohortQueue} from './cohorts.js';
import {Stage, type SimContext} from './stage.js';
import type {StreamStage} from './stream.js';
import type {ComputeMode, ComputeSettings} from './plan.js';
import {roundTo} from '../numbers.js';

const DONE = 1;
const READY = 2;
const WINDOW = 3;
const AUTOSCALE = 4;
const ADD_UNITS = 5;
const TRIGGER = 6;
const START = 7;


/** A pool unit takes at least this much work at a time (seconds), so a trickle is not split into slivers. */
const MIN_TAKE_S = 0.01;

/** What a compute stage needs to know. */
export type ComputeSpec = {
	readonly id: string;
	readonly kind: string;
	readonly component: string;
	readonly concurrency?: number;
	readonly batchSize?: number;
	readonly batchingWindowS?: number;
	readonly parallelizationFactor?: number;
	readonly triggerS?: number;
	/** Seconds after midnight of the scheduled runs (start_at); the trigger grid starts there. */
	readonly startAtS?: number;
	/** The earlier step this one is chained after (starts when that step's run has finished and arrived here). */
	readonly after?: string;
	/** Log each run's start and finish (a scheduled batch step, or one another step is chained after). */
	readonly logRuns?: boolean;
	readonly overheadS?: number;
	readonly perRecordS?: number;
	readonly coldStartS?: number;
	readonly transform: 'map' | 'filter' | 'dedup' | 'aggregate';
	readonly outputRatio: number;
	readonly windowS?: number;
	/** Most records the stage holds (a queue station's K); more are dropped. */
	readonly capacity?: number;
	readonly autoscale?: {readonly targetUtilization: number; readonly max: number; readonly intervalS?: number; readonly lagS?: number};
	readonly recordBytes: number;
	/** Bytes per output record (default: the input size). */
	readonly outputBytes?: number;
	readonly memoryMb?: number;
};

type Mode = ComputeMode;

/** Lambda, a worker pool, Flink, Spark or Glue. */
export class ComputeStage extends Stage {
	readonly spec: ComputeSpec;
	readonly mode: Mode;
	private upstream: StreamStage | undefined;
	// Pool and micro-batch input.
	private readonly input = new CohortQueue(64);
	private inputSince = Number.POSITIVE_INFINITY;
	private readyAt = Number.POSITIVE_INFINITY;
	// Per-shard batch buffers (Lambda event source mapping).
	private buffers: CohortQueue[] = [];
	private bufferSince = new Float64Array(0);
	private shardReadyAt = new Float64Array(0);
	private inflight = new Int32Array(0);
	private waiting: number[] = [];
	private isWaiting = new Uint8Array(0);
	// Invocations in flight: one slot each.
	private slots: CohortQueue[] = [];
	private slotShard: number[] = [];
	private slotUnits: number[] = [];
	private slotBusy: number[] = [];
	private freeSlots: number[] = [];
	private running = 0;
	private maxRunning = 0;
	/** Units that may run at once (pool workers, cores); for Lambda the concurrency limit. */
	private units: number;
	private pendingUnits = 0;
	private warmEnvironments = 0;
	private coldStarts = 0;
	private invocations = 0;
	private invokedRecords = 0;
	private busySeconds = 0;
	private readonly busy = new TimeWeighted();
	private readonly unitLevel = new TimeWeighted();
	private readonly window = new CohortQueue(16);
	private lastBusyIntegral = 0;
	private lastUnitIntegral = 0;
	// Micro-batch state.
	private batchRunning = false;
	private startScheduled = false;
	private triggerScheduled = false;
	/** Seconds between micro-batch or scheduled-batch starts (0: as soon as the previous one ends). */
	private readonly trigger: number;
	private nextTrigger = 0;
	/** Where the trigger grid starts, seconds after midnight (start_at). */
	private readonly triggerOffset: number;
	/** A chained step's upstream: the step it runs after, then the stages between; it starts only when they are all done. */
	private waitFor: readonly Stage[] = [];
	/** Each run's start, finish and records, for a scheduled batch step. */
	readonly runLog: Array<{start: number; finish: number | null; records: number}> = [];
	private currentRun: {start: number; finish: number | null; records: number} | null = null;
	private readonly batchSize: number;
	private readonly batchingWindow: number;
	private readonly overhead: number;
	private readonly perRecord: number;
	private readonly coldStart: number;
	private readonly parallelization: number;
	/** Most records one Lambda invocation payload holds. */
	private readonly payloadRecords: number;

	/** `settings`: the stage's decided settings, from the resolved plan (plan.ts). */
	constructor(ctx: SimContext, index: number, spec: ComputeSpec, upstream: StreamStage | undefined, settings: ComputeSettings) {
		super(ctx, index, spec.id, spec.kind, spec.component);
		this.spec = spec;
		const isLambda = spec.component === 'lambda';
		this.mode = settings.mode;
		this.upstream = this.mode === 'esm' ? upstream : undefined;
		this.batchSize = settings.batchSize;
		this.batchingWindow = settings.batchingWindowS;
		this.overhead = settings.overheadS;
		this.perRecord = settings.perRecordS;
		this.coldStart = settings.coldStartS;
		this.parallelization = settings.parallelization;
		this.payloadRecords = Math.max(1, Math.floor(lambda.payloadMaxBytes.value / spec.recordBytes));
		if (isLambda) {
			const account = lambda.accountConcurrency.value;
			if (spec.concurrency !== undefined && spec.concurrency > account) ctx.note(`${spec.id}: concurrency ${spec.concurrency} is above the default account quota of ${account}; assuming the quota was raised`);
			this.units = settings.units;
		} else {
			this.units = settings.units;
			if (spec.component === 'worker_pool' && upstream && this.units > upstream.shardCount) {
				// A consumer group gives each partition to one consumer; the rest wait idle.
				ctx.note(`${spec.id}: ${this.units} workers share ${upstream.shardCount} shards/partitions; a consumer group reads each with one consumer, so ${this.units - upstream.shardCount} sit idle`);
				this.units = upstream.shardCount;
			}
		}
		if (spec.batchSize !== undefined && isLambda && spec.batchSize > lambda.batchSizeMax.value) ctx.note(`${spec.id}: batch_size ${spec.batchSize} is above Lambda's maximum of ${lambda.batchSizeMax.value}`);
		if ((spec.parallelizationFactor ?? 1) > lambda.parallelizationFactorMax.value) ctx.note(`${spec.id}: parallelization_factor is at most ${lambda.parallelizationFactorMax.value}; using ${lambda.parallelizationFactorMax.value}`);
		// A chained step has no clock of its own; a time of day without an interval is a daily job.
		this.trigger = settings.triggerS;
		this.triggerOffset = settings.triggerOffsetS;
		this.nextTrigger = 0;
		if (this.mode === 'esm') this.resizeShards(upstream!.shardCount);
	}

	/**
	Chains this step after `upstream`: the step it runs after, then every stage
	between (a store, a load). A run starts only when the step is not running and
	the stages between hold nothing, so it takes the whole of the previous run's output.
	*/
	chainAfter(upstream: readonly Stage[]): void {
		this.waitFor = upstream;
	}

	/** True while a micro-batch runs; for other stages, while they hold records. */
	override isBusy(): boolean {
		return this.mode === 'micro-batch' ? this.batchRunning : this.held >= 0.5;
	}

	/** Units that can work at once now (Lambda: limited by the scale-out rate too). */
	private limit(now: number): number {
		if (this.spec.component !== 'lambda') return this.units;
		const scaled = lambda.scaleOutEnvs.value * (1 + Math.floor(now / lambda.scaleOutPeriod.value));
		return Math.min(this.units, scaled);
	}

	override start(now: number): void {
		this.unitLevel.update(now, this.effectiveUnits());
		if (this.spec.windowS) this.ctx.schedule(Math.ceil((now + 1e-9) / this.spec.windowS) * this.spec.windowS, this.index, WINDOW, 0);
		if (this.spec.autoscale && this.mode !== 'esm') this.ctx.schedule(now + (this.spec.autoscale.intervalS ?? pool.autoscaleInterval.value), this.index, AUTOSCALE, 0);
	}

	override beginMeasure(now: number): void {
		this.busy.reset(now);
		this.unitLevel.reset(now);
		this.busySeconds = 0;
		// The integrals restart from zero here, so the next autoscaling reading measures from the reset.
		this.lastBusyIntegral = 0;
		this.lastUnitIntegral = 0;
	}

	override receive(now: number, born: number, count: number, weight: number): void {
		if (this.spec.capacity !== undefined && this.held + count > this.spec.capacity) {
			// A full station turns arrivals away.
			const room = Math.max(0, this.spec.capacity - this.held);
			if (this.ctx.measuring) {
				this.stats.arrived += count - room;
				this.stats.dropped += count - room;
			}
			this.ctx.lose(now, born, (weight * (count - room)) / count);
			if (room <= 0) return;
			weight = (weight * room) / count;
			count = room;
		}
		this.hold(now, count);
		if (this.input.size === 0) this.inputSince = now;
		this.input.push(born, now, now, count, weight);
		// Everything arriving at this instant (one upstream poll or batch) is started together, after this event.
		if (!this.startScheduled) {
			this.startScheduled = true;
			this.ctx.schedule(now, this.index, START, 0);
		}
	}

	override receiveShard(now: number, shard: number, born: number, count: number, weight: number): void {
		if (this.mode !== 'esm') {
			this.receive(now, born, count, weight);
			return;
		}
		if (shard >= this.buffers.length) this.resizeShards(shard + 1);
		this.hold(now, count);
		const buffer = this.buffers[shard]!;
		if (buffer.size === 0) this.bufferSince[shard] = now;
		buffer.push(born, now, now, count, weight);
		this.startShard(shard, now);
	}

	override demand(_now: number, shard: number): number {
		if (this.mode === 'esm') {
			// The event source mapping holds one GetRecords response per shard at most.
			const buffer = this.buffers[shard];
			return Math.max(0, 10_000 - (buffer ? buffer.records : 0));
		}
		// A micro-batch (Spark, Glue, a triggered job) reads every offset available since the last one:
		// maxOffsetsPerTrigger is unset by default, so the stream holds nothing back.
		if (this.mode === 'micro-batch') return Number.POSITIVE_INFINITY;
		const perUnit = Number.isFinite(this.batchSize) ? this.batchSize : 10_000;
		return Math.max(0, 2 * this.units * perUnit - this.input.records);
	}

	override handle(kind: number, local: number, now: number): void {
		switch (kind) {
			case DONE:
				this.finish(local, now);
				break;
			case READY:
				if (this.mode === 'esm') {
					if (Math.abs(this.shardReadyAt[local]! - now) < 1e-12) {
						this.shardReadyAt[local] = Number.POSITIVE_INFINITY;
						this.startShard(local, now);
					}
				} else if (Math.abs(this.readyAt - now) < 1e-12) {
					this.readyAt = Number.POSITIVE_INFINITY;
					this.startPool(now);
				}
				break;
			case TRIGGER:
				this.triggerScheduled = false;
				this.maybeStartMicroBatch(now);
				break;
			case START:
				this.startScheduled = false;
				if (this.mode === 'micro-batch') this.maybeStartMicroBatch(now);
				else this.startPool(now);
				break;
			case WINDOW:
				this.closeWindow(now);
				this.ctx.schedule(now + this.spec.windowS!, this.index, WINDOW, 0);
				break;
			case AUTOSCALE:
				this.autoscale(now);
				break;
			case ADD_UNITS:
				this.pendingUnits -= local;
				this.setUnits(now, this.units + local);
				break;
		}
	}

	override loseUnits(now: number, count: number): boolean {
		if (this.mode === 'esm') return false;
		this.setUnits(now, Math.max(0, this.units - count));
		return true;
	}

	override utilization(_span: number): number {
		const capacity = this.unitLevel.integral(this.ctx.end);
		if (!(capacity > 0)) return this.busySeconds > 0 ? 1 : 0;
		return Math.min(1, this.busy.integral(this.ctx.end) / capacity);
	}

	override details(span: number): Record<string, number | string | boolean> {
		const out: Record<string, number | string | boolean> = {
			mode: this.mode,
			units: this.mode === 'esm' ? this.effectiveUnits() : this.units,
			busy_units_mean: roundTo(this.busy.mean(this.ctx.end), 2),
			max_in_flight: this.maxRunning,
			invocations: this.invocations,
			invocations_per_s: roundTo(this.invocations / span, 3),
			mean_batch_records: this.invocations > 0 ? roundTo(this.invokedRecords / this.invocations, 1) : 0,
			busy_seconds_per_s: roundTo(this.busySeconds / span, 3),
		};
		if (this.spec.component === 'lambda') out['cold_starts'] = this.coldStarts;
		return out;
	}

	/** Execution environments or workers that can run at once for this stage. */
	effectiveUnits(): number {
		if (this.mode !== 'esm') return this.units;
		return Math.min(this.units, this.buffers.length * this.parallelization);
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
				const fresh = this.spec.component === 'lambda' ? Math.max(0, Math.min(invocations, this.running + invocations - this.warmEnvironments)) : 0;
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

	/** Spark / Glue: one micro-batch at a time over everything queued. */
	private maybeStartMicroBatch(now: number, afterBatch = false): void {
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

	/**
	Moves `take` records from `from` into a new slot run by `invocations` units
	at once (records split evenly among them) and schedules its end. A micro-batch
	is one invocation that keeps every core busy (`busyUnits`).
	*/
	private launch(now: number, from: CohortQueue, take: number, shard: number, invocations = 1, fixedDuration?: number, busyUnits = invocations): void {
		const slot = this.freeSlots.pop() ?? this.newSlot();
		const queue = this.slots[slot]!;
		from.take(take, (born, arrived, _stamp, part, weight) => queue.push(born, arrived, now, part, weight), Number.POSITIVE_INFINITY, 1e-12);
		let duration = fixedDuration ?? this.overhead + (take / invocations) * this.perRecord;
		if (this.spec.component === 'lambda' && this.running + invocations > this.warmEnvironments) {
			const fresh = this.running + invocations - this.warmEnvironments;
			this.warmEnvironments += fresh;
			duration += this.coldStart;
			if (this.ctx.measuring) this.coldStarts += fresh;
		}
		this.slotShard[slot] = shard;
		this.slotUnits[slot] = invocations;
		this.slotBusy[slot] = busyUnits;
		this.running += invocations;
		if (this.running > this.maxRunning) this.maxRunning = this.running;
		this.busy.update(now, this.busy.current + busyUnits);
		if (this.ctx.measuring) {
			this.invocations += invocations;
			this.invokedRecords += take;
			this.busySeconds += duration * busyUnits;
		}
		this.ctx.schedule(now + duration, this.index, DONE, slot);
	}

	private newSlot(): number {
		this.slots.push(new CohortQueue(32));
		this.slotShard.push(-1);
		this.slotUnits.push(0);
		this.slotBusy.push(0);
		return this.slots.length - 1;
	}

	/** An invocation or batch finished: pass its records on and start more work. */
	private finish(slot: number, now: number): void {
		const queue = this.slots[slot]!;
		const shard = this.slotShard[slot]!;
		if (this.mode === 'micro-batch' && !this.spec.windowS && this.next) {
			// A batch job writes files, not records: one write request per file.
			const bytes = queue.records * this.spec.outputRatio * (this.spec.outputBytes ?? this.spec.recordBytes);
			this.next.beginObject(now, Math.max(1, Math.ceil(bytes / files.batchFileBytes.value)));
		}
		queue.drain((born, arrived, _stamp, count, weight) => this.output(now, born, arrived, count, weight));
		this.freeSlots.push(slot);
		this.running -= this.slotUnits[slot]!;
		this.busy.update(now, Math.max(0, this.busy.current - this.slotBusy[slot]!));
		if (this.mode === 'esm') {
			this.inflight[shard] = this.inflight[shard]! - 1;
			this.startShard(shard, now);
			while (this.waiting.length > 0 && this.running < this.limit(now)) {
				const next = this.waiting.shift()!;
				this.isWaiting[next] = 0;
				this.startShard(next, now);
			}
			this.upstream?.wake(shard, now);
		} else if (this.mode === 'micro-batch') {
			this.batchRunning = false;
			if (this.currentRun) this.currentRun.finish = now;
			this.currentRun = null;
			this.maybeStartMicroBatch(now, true);
		} else {
			this.startPool(now);
		}
	}

	/** Applies the transform: output ratio, filter, tumbling window. */
	private output(now: number, born: number, arrived: number, count: number, weight: number): void {
		const out = count * this.spec.outputRatio;
		let kept = weight;
		if (this.spec.transform === 'filter' && this.spec.outputRatio < 1) {
			kept = weight * this.spec.outputRatio;
			this.ctx.absorb(now, born, weight - kept);
		}
		if (this.spec.windowS) {
			// Held until the window closes; `stamp` carries the output count.
			this.window.push(born, arrived, out, count, kept);
			return;
		}
		this.emit(now, born, arrived, count, out, kept);
	}

	private closeWindow(now: number): void {
		// `stamp` carries the output count (see output).
		this.window.drain((born, arrived, out, count, weight) => this.emit(now, born, arrived, count, out, weight));
	}

	private setUnits(now: number, units: number): void {
		this.units = units;
		this.unitLevel.update(now, this.effectiveUnits());
		if (this.mode === 'pool') this.startPool(now);
		else if (this.mode === 'micro-batch') this.maybeStartMicroBatch(now);
	}

	/** Target-tracking autoscaling: size the pool so utilization sits at the target. */
	private autoscale(now: number): void {
		const rule = this.spec.autoscale!;
		const interval = rule.intervalS ?? pool.autoscaleInterval.value;
		const busyIntegral = this.busy.integral(now);
		const unitIntegral = this.unitLevel.integral(now);
		const used = busyIntegral - this.lastBusyIntegral;
		const offered = unitIntegral - this.lastUnitIntegral;
		this.lastBusyIntegral = busyIntegral;
		this.lastUnitIntegral = unitIntegral;
		let utilization = offered > 0 ? used / offered : 0;
		// A growing queue means demand is above what the busy units show.
		if (this.input.records > 0 && this.perRecord + this.overhead > 0) {
			const queuedWork = this.input.records * this.perRecord + (this.overhead * this.input.records) / (Number.isFinite(this.batchSize) ? this.batchSize : this.input.records);
			utilization += queuedWork / (interval * Math.max(1, this.units));
		}
		const desired = Math.min(rule.max, Math.max(1, Math.ceil((this.units * utilization) / rule.targetUtilization)));
		const planned = this.units + this.pendingUnits;
		if (desired > planned) {
			const add = desired - planned;
			this.pendingUnits += add;
			this.ctx.schedule(now + (rule.lagS ?? pool.autoscaleLag.value), this.index, ADD_UNITS, add);
		} else if (desired < this.units && this.pendingUnits === 0) {
			this.setUnits(now, desired);
		}
		this.ctx.schedule(now + interval, this.index, AUTOSCALE, 0);
	}
}
