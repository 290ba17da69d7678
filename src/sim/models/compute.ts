/**
Compute that transforms records: Lambda, a worker pool, Flink, Spark
Structured Streaming or Glue (and, inside a pipeline, a plain queue station run
as a fluid pool).

Three ways of taking work, as the real services do (each a class in
compute-modes.ts on the base here):
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
import {lambda, pool} from '../catalogue.js';
import {TimeWeighted} from '../stats/time-weighted.js';
import {CohortQueue} from './cohorts.js';
import {Stage, type SimContext} from './stage.js';
import type {StreamStage} from './stream.js';
import type {ComputeMode, ComputeSettings} from './plan.js';
import {roundTo} from '../numbers.js';
import type {ComputeDetails} from '../result.js';

/** Event kinds of a compute stage (the modes in compute-modes.ts add READY and TRIGGER). */
export const DONE = 1;
export const READY = 2;
const WINDOW = 3;
const AUTOSCALE = 4;
const ADD_UNITS = 5;
export const TRIGGER = 6;
const START = 7;

/** What a compute stage needs to know. */
export type ComputeSpec = {
	readonly id: string;
	readonly kind: 'compute' | 'queue';
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

/**
What every compute mode shares: invocations in flight (one slot each), their
cold starts and busy time, the transform and its window, the units and their
autoscaling, and a queue of records waiting (the pool's and the micro-batch's
input). The modes, in compute-modes.ts, decide when work starts.
*/
export abstract class ComputeStage extends Stage {
	readonly spec: ComputeSpec;
	abstract readonly mode: ComputeMode;
	// Pool and micro-batch input.
	protected readonly input = new CohortQueue(64);
	protected inputSince = Number.POSITIVE_INFINITY;
	// Invocations in flight: one slot each.
	private slots: CohortQueue[] = [];
	private slotShard: number[] = [];
	private slotUnits: number[] = [];
	private slotBusy: number[] = [];
	private freeSlots: number[] = [];
	protected running = 0;
	private maxRunning = 0;
	/** Units that may run at once (pool workers, cores); for Lambda the concurrency limit. */
	protected units: number;
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
	private startScheduled = false;
	/** Each run's start, finish and records, for a scheduled batch step (only micro-batches run in runs). */
	readonly runLog: Array<{start: number; finish: number | null; records: number}> = [];
	protected readonly batchSize: number;
	protected readonly batchingWindow: number;
	protected readonly overhead: number;
	protected readonly perRecord: number;
	private readonly coldStart: number;
	/** Most records one Lambda invocation payload holds. */
	protected readonly payloadRecords: number;

	/** `settings`: the stage's decided settings, from the resolved plan (plan.ts). */
	constructor(ctx: SimContext, index: number, spec: ComputeSpec, upstream: StreamStage | undefined, settings: ComputeSettings) {
		super(ctx, index, spec.id, spec.kind, spec.component);
		this.spec = spec;
		const isLambda = spec.component === 'lambda';
		this.batchSize = settings.batchSize;
		this.batchingWindow = settings.batchingWindowS;
		this.overhead = settings.overheadS;
		this.perRecord = settings.perRecordS;
		this.coldStart = settings.coldStartS;
		this.payloadRecords = Math.max(1, Math.floor(lambda.payloadMaxBytes.value / spec.recordBytes));
		this.units = settings.units;
		if (isLambda) {
			const account = lambda.accountConcurrency.value;
			if (spec.concurrency !== undefined && spec.concurrency > account) ctx.note(`${spec.id}: concurrency ${spec.concurrency} is above the default account quota of ${account}; assuming the quota was raised`);
		} else if (spec.component === 'worker_pool' && upstream && this.units > upstream.shardCount) {
			// A consumer group gives each partition to one consumer; the rest wait idle.
			ctx.note(`${spec.id}: ${this.units} workers share ${upstream.shardCount} shards/partitions; a consumer group reads each with one consumer, so ${this.units - upstream.shardCount} sit idle`);
			this.units = upstream.shardCount;
		}
		if (spec.batchSize !== undefined && isLambda && spec.batchSize > lambda.batchSizeMax.value) ctx.note(`${spec.id}: batch_size ${spec.batchSize} is above Lambda's maximum of ${lambda.batchSizeMax.value}`);
		if ((spec.parallelizationFactor ?? 1) > lambda.parallelizationFactorMax.value) ctx.note(`${spec.id}: parallelization_factor is at most ${lambda.parallelizationFactorMax.value}; using ${lambda.parallelizationFactorMax.value}`);
	}

	/** Starts whatever the queued input allows (the pool's workers, the next micro-batch). */
	protected abstract startQueued(now: number): void;

	/** An invocation or batch from `shard` (−1 for the input queue) has finished and its records have gone on. */
	protected abstract finished(shard: number, now: number): void;

	/** The units changed (autoscaling, a lost worker): start what they now allow. */
	protected abstract unitsChanged(now: number): void;

	/** Whether target-tracking autoscaling applies (not to Lambda on a stream, which scales with its shards). */
	protected get scales(): boolean {
		return true;
	}

	/** Units that can work at once now (Lambda: limited by the scale-out rate too). */
	protected limit(now: number): number {
		if (this.spec.component !== 'lambda') return this.units;
		const scaled = lambda.scaleOutEnvs.value * (1 + Math.floor(now / lambda.scaleOutPeriod.value));
		return Math.min(this.units, scaled);
	}

	override start(now: number): void {
		this.unitLevel.update(now, this.effectiveUnits());
		if (this.spec.windowS) this.ctx.schedule(Math.ceil((now + 1e-9) / this.spec.windowS) * this.spec.windowS, this.index, WINDOW, 0);
		if (this.spec.autoscale && this.scales) this.ctx.schedule(now + (this.spec.autoscale.intervalS ?? pool.autoscaleInterval.value), this.index, AUTOSCALE, 0);
	}

	override beginMeasure(now: number): void {
		// The integrals restart from zero here; the autoscaling reading in progress keeps what it measured
		// since the last decision (minus it from the new zero), so a decision at this very instant still
		// reads its whole interval rather than nothing (which read as utilization 0 and scaled in to 1).
		this.lastBusyIntegral -= this.busy.integral(now);
		this.lastUnitIntegral -= this.unitLevel.integral(now);
		this.busy.reset(now);
		this.unitLevel.reset(now);
		this.busySeconds = 0;
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

	override handle(kind: number, local: number, now: number): void {
		switch (kind) {
			case DONE:
				this.finish(local, now);
				break;
			case START:
				this.startScheduled = false;
				this.startQueued(now);
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
		this.setUnits(now, Math.max(0, this.units - count));
		return true;
	}

	override utilization(_span: number): number {
		const capacity = this.unitLevel.integral(this.ctx.end);
		if (!(capacity > 0)) return this.busySeconds > 0 ? 1 : 0;
		return Math.min(1, this.busy.integral(this.ctx.end) / capacity);
	}

	override details(span: number): ComputeDetails {
		const out: ComputeDetails = {
			mode: this.mode,
			units: this.effectiveUnits(),
			busy_units_mean: roundTo(this.busy.mean(this.ctx.end), 2),
			max_in_flight: this.maxRunning,
			invocations: this.invocations,
			invocations_per_s: roundTo(this.invocations / span, 3),
			mean_batch_records: this.invocations > 0 ? roundTo(this.invokedRecords / this.invocations, 1) : 0,
			busy_seconds_per_s: roundTo(this.busySeconds / span, 3),
		};
		if (this.spec.component === 'lambda') out.cold_starts = this.coldStarts;
		return out;
	}

	/** Of `invocations` Lambda invocations starting now, how many need a new execution environment (a cold start). */
	protected freshEnvironments(invocations: number): number {
		return this.spec.component === 'lambda' ? Math.max(0, Math.min(invocations, this.running + invocations - this.warmEnvironments)) : 0;
	}

	/** Execution environments or workers that can run at once for this stage. */
	effectiveUnits(): number {
		return this.units;
	}

	/**
	Moves `take` records from `from` into a new slot run by `invocations` units
	at once (records split evenly among them) and schedules its end. A micro-batch
	is one invocation that keeps every core busy (`busyUnits`).
	*/
	protected launch(now: number, from: CohortQueue, take: number, shard: number, invocations = 1, fixedDuration?: number, busyUnits = invocations): void {
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
		this.beforeOutput(queue.records, now);
		queue.drain((born, arrived, _stamp, count, weight) => this.output(now, born, arrived, count, weight));
		this.freeSlots.push(slot);
		this.running -= this.slotUnits[slot]!;
		this.busy.update(now, Math.max(0, this.busy.current - this.slotBusy[slot]!));
		this.finished(shard, now);
	}

	/** Called with a finished invocation's records before they go on (a batch job announces its files). */
	protected beforeOutput(_records: number, _now: number): void {}

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
		this.unitsChanged(now);
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
