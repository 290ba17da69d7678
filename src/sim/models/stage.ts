/**
What every pipeline stage shares: how it is wired to the engine and the next
stage, and the statistics `dojo sim` reports for it.

A stage is like a station on an assembly line: records arrive (`receive`), wait
or get worked on, and leave (`emit`) to the next station or, at the end of the
line, to the sink that measures end-to-end latency. Stages schedule their own
events (a poll, a batch finishing, a buffer flush) through the context; the
engine hands each event back to the stage that owns it.

Statistics are kept only inside the measurement window [warm-up, end), so the
empty-pipeline start does not bias them.
*/
import type {Random} from '../kernel/random.js';
import {LogHistogram} from '../stats/histogram.js';
import {TimeWeighted} from '../stats/time-weighted.js';
import type {ComponentResult, StageKind} from '../result.js';

/** Stage indexes are packed into event targets as `local * STAGE_SLOTS + stage`. */
export const STAGE_SLOTS = 64;

/** What a stage may ask of the engine. */
export interface SimContext {
	/** Start of the measurement window (end of warm-up), simulated seconds. */
	readonly warmup: number;
	/** End of the measurement window; arrivals continue past it only to let earlier records finish. */
	readonly end: number;
	/** True inside [warmup, end). */
	readonly measuring: boolean;
	/** Schedules an event for a stage. */
	schedule(time: number, stage: number, kind: number, local: number): void;
	/** Records that left the last stage: end-to-end latency and freshness. */
	deliver(now: number, born: number, weight: number): void;
	/** Records lost or dropped for good (they leave the pipeline without being delivered). */
	lose(now: number, born: number, weight: number): void;
	/** Events a filter or dedup removed on purpose: they leave the pipeline, neither delivered nor lost. */
	absorb(now: number, born: number, weight: number): void;
	/** The birth time before which every source event has left the pipeline (`now` when none is in it). */
	completeUpTo(now: number): number;
	/** An independent random stream for one purpose of one stage. */
	random(stage: number, purpose: number): Random;
	/** A note for the report (a clamped knob, an injection that does not apply). */
	note(text: string): void;
}

/** Counters and distributions for one stage, over the measurement window. */
export class StageStats {
	/** Records that reached the stage. */
	arrived = 0;
	/** Records the stage finished with (processed, delivered onward). */
	departed = 0;
	/** Write attempts refused by a limit (each retry that is refused counts again). */
	throttled = 0;
	/** Records the stage or its producer discarded because of a limit (drop on throttle, retry time-out, full queue). */
	dropped = 0;
	/** Records lost to expiry or failure (stream retention, a lost node). */
	lost = 0;
	/** Time in the stage, arrival to departure, milliseconds, weighted by records. */
	readonly wait = new LogHistogram();
	/** Records held by the stage over time. */
	readonly backlog = new TimeWeighted();
	/** Records held at the start of the measurement window. */
	backlogAtStart = 0;
	/** The backlog's time integral from the start of the window to its middle (for backlog growth). */
	backlogAtMiddle = 0;
	/** Departures since the last time-series sample (counted in warm-up too, for charts). */
	departedSinceSample = 0;
}

/** One stage of a running pipeline. */
export abstract class Stage {
	/** Records currently held (queued, buffered, in flight). */
	held = 0;
	/** The stage records go to next; null for the last one. */
	next: Stage | null = null;
	/** True when the engine must call `tick` every tick (token buckets, retry queues). */
	needsTick = false;
	readonly stats = new StageStats();

	constructor(
		protected readonly ctx: SimContext,
		/** Position in the pipeline, also the stage's slot in event targets. */
		readonly index: number,
		readonly id: string,
		readonly kind: StageKind,
		/** The catalogue component, e.g. kinesis_data_streams, lambda, redis. */
		readonly component: string,
	) {}

	/** Records arrive from the source or the previous stage. */
	abstract receive(now: number, born: number, count: number, weight: number): void;

	/**
	Requests from one client flooding the pipeline (a bot), on top of the normal
	load. They are junk: they stand for no source event (weight 0), so they load
	the stages but count in no end-to-end figure. A stage with a per-client rate
	limiter overrides this; by default they pass like any other record.
	*/
	receiveBot(now: number, born: number, count: number): void {
		this.receive(now, born, count, 0);
	}

	/**
	Records arrive from one shard of an upstream stream (a Lambda event source
	mapping keeps one batch per shard). By default the shard does not matter.
	*/
	receiveShard(now: number, _shard: number, born: number, count: number, weight: number): void {
		this.receive(now, born, count, weight);
	}

	/**
	How many records the stage will take from an upstream stream's shard now
	(pull-based consumers leave the rest in the stream). Infinity by default.
	*/
	demand(_now: number, _shard: number): number {
		return Number.POSITIVE_INFINITY;
	}

	/**
	The records that follow, until the next call, arrive as `objects` objects (a
	Firehose delivery, the files a batch job writes): a store counts that many
	write requests for them all.
	*/
	beginObject(_now: number, _objects = 1): void {}

	/** Called once at time 0 to schedule the stage's first events. */
	start(_now: number): void {}

	/** Handles one of the stage's own events. */
	handle(_kind: number, _local: number, _now: number): void {}

	/** Called when the measurement window opens (end of warm-up). */
	beginMeasure(_now: number): void {}

	/** Called every tick when `needsTick` is set. */
	tick(_now: number): void {}

	/** True while the stage still has work in hand (records held); a batch step says whether a run is going on. */
	isBusy(): boolean {
		// Under half a record is what fractional counts leave behind, not work in hand.
		return this.held >= 0.5;
	}

	/** A shard, node or worker is lost at `now`; returns false when that makes no sense for this stage. */
	loseUnits(_now: number, _count: number): boolean {
		return false;
	}

	/** Fraction of the stage's capacity used over the measurement window. */
	abstract utilization(span: number): number;

	/** The stage kind's own figures for the report (limits hit, batch sizes, …), typed per kind in result.ts. */
	abstract details(span: number): ComponentResult['details'];

	/** Records join the stage. */
	protected hold(now: number, count: number): void {
		this.held += count;
		this.stats.backlog.update(now, this.held);
		if (this.ctx.measuring) this.stats.arrived += count;
	}

	/** Records leave the stage without going on (dropped or lost); the caller counts why. */
	protected release(now: number, count: number): void {
		this.held = Math.max(0, this.held - count);
		this.stats.backlog.update(now, this.held);
	}

	/**
	Records leave the stage: `count` processed (counted in throughput and wait),
	`out` passed on (after a transform's output ratio), standing for `weight`
	source events born at `born`.
	*/
	protected emit(now: number, born: number, arrived: number, count: number, out: number, weight: number): void {
		if (this.ctx.measuring && count > 0) this.stats.wait.record((now - arrived) * 1000, count);
		this.emitWaited(now, born, count, out, weight);
	}

	/**
	Like `emit`, for records whose wait in this stage is already recorded: a
	stage that knows when a group will leave records its wait then and may send
	groups born at the same instant on as one.
	*/
	protected emitWaited(now: number, born: number, count: number, out: number, weight: number): void {
		this.release(now, count);
		this.stats.departedSinceSample += count;
		if (this.ctx.measuring) this.stats.departed += count;
		if (this.next) this.next.receive(now, born, out, weight);
		else this.ctx.deliver(now, born, weight);
	}

	/** Records the stage discards: counted as dropped (limits) or lost (expiry, failure). */
	protected discard(now: number, born: number, count: number, weight: number, why: 'dropped' | 'lost'): void {
		this.release(now, count);
		if (this.ctx.measuring) this.stats[why] += count;
		this.ctx.lose(now, born, weight);
	}
}
