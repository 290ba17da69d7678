/**
Plain queueing stations (`kind: queue`): c servers, a service-time
distribution, an optional capacity K, one FIFO line — alone or in tandem.

Think of a post office: customers arrive, take a free counter if there is one,
otherwise join the single line; when the building holds K people the next one
is turned away at the door (dropped, not retried). Leaving one office, a
customer walks straight into the next one named by `next` (by default the
stage listed after it) and leaves the network after the last. This is the
model queueing theory has answers for (Erlang C, Pollaczek–Khinchine,
M/M/c/K, Jackson), so it is how the engine is checked.

Speed: one pending event per busy server plus one for the next arrival; every
piece of state lives in typed arrays (ring-buffer lines, server slots, free
lists); the loop allocates nothing, calls no closures, and runs in stretches
(see BLOCK) so its rare work happens outside it.

Measurement: statistics cover a window [T0, T1]. T0 drops the warm-up (a fixed
fraction of the customers or of the duration; 0 turns it off) so the empty
start does not bias results; T1 is when arrivals stop. With `customers`, the
run then drains, so every customer who arrived in the window is counted; with
`duration_s`, the run stops at T1 and customers still inside are reported as
`in_system_at_end`. A customer counts for a station if it reached that station
inside the window, and for end to end if it entered the network inside it.
Time inside is in seconds; reported waits are in milliseconds.
*/
import {ModelError} from '../model-error.js';
import type {Model} from '../../scenarios/model-schema.js';
import {constant, exponential, fillSamples, fromSpec, type Sampler} from '../kernel/distributions.js';
import {EventQueue} from '../kernel/event-queue.js';
import {Random} from '../kernel/random.js';
import {BatchMeans} from '../stats/batch-means.js';
import {LogHistogram} from '../stats/histogram.js';

/** How long to run and how to measure. */
export type QueueNetworkOptions = {
	/**
	Seed for every random stream (arrivals: stream `streams`; station i's service: stream `streams` + i + 1).

	@default 1
	*/
	readonly seed?: number;
	/**
	The first of the run's random streams: a replication's own range (REPLICATION_STREAMS per replication), so replications of one seed are independent.

	@default 0
	*/
	readonly streams?: number;
	/** Customers to generate at the source; the run drains afterwards. Give this or `duration_s`. */
	readonly customers?: number;
	/** Simulated seconds of arrivals; the run stops there. Give this or `customers`. */
	readonly duration_s?: number;
	/**
	Fraction of the customers (or of the duration) treated as warm-up and left out of every statistic; 0 turns warm-up removal off.

	@default 0.1
	*/
	readonly warmupFraction?: number;
	/**
	Least number of batches for the batch-means confidence intervals.

	@default 20
	*/
	readonly batches?: number;
	/**
	Multiplies the source's `rate_per_s` (a what-if such as 10x load).

	@default 1
	*/
	readonly loadMultiplier?: number;
};

/** Percentiles and mean of a time, in milliseconds, with the mean's 95% half-width. */
export type TimeSummaryMs = {
	mean: number;
	/** 95% half-width of the mean, from batch means (NaN with too few customers). */
	mean_ci95: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
};

/** Little's law on one station over the window: L = λW and Lq = λWq, up to the window's boundary effects. */
export type LittleCheck = {
	/** Time-weighted mean number in the station. */
	l: number;
	/** Accepted arrival rate × mean time in the station. */
	lambda_w: number;
	/** Time-weighted mean number waiting. */
	lq: number;
	/** Accepted arrival rate × mean wait. */
	lambda_wq: number;
	/**
	Largest |L − λW| (and |Lq − λWq|) the window's edges can explain: customers
	present at T0 or still inside at T1, times the longest stay, over the window.
	*/
	tolerance: number;
};

/**
One station's results. The first fields are the DESIGN.md `dojo sim --json`
component shape; the rest are queueing-theory figures.
*/
export type QueueStationResult = {
	id: string;
	kind: 'queue';
	/** Busy-server time / (servers × window). */
	utilization: number;
	/** Departures per second in the window. */
	throughput_per_s: number;
	/** Customers waiting (not in service): time-weighted mean and the most seen. */
	queue: {mean: number; max: number};
	/** Time from reaching the station to starting service. */
	wait_ms: TimeSummaryMs;
	/** Always 0: a plain station never throttles. */
	throttled: number;
	/** Arrivals in the window turned away because the station held `capacity` customers. */
	dropped: number;
	/** Always 0: a plain station never loses an accepted customer. */
	lost: number;
	servers: number;
	capacity: number | null;
	/** Arrivals in the window, including dropped ones. */
	arrivals: number;
	/** dropped / arrivals. */
	blocking_probability: number;
	/** Fraction of accepted customers who found every server busy and queued. */
	p_wait: number;
	/** Time from reaching the station to leaving it. */
	system_ms: TimeSummaryMs;
	/** Time-weighted mean number in the station (waiting + in service). */
	in_system_mean: number;
	/** Customers inside when the run stopped (0 when it drained). */
	in_system_at_end: number;
	little: LittleCheck;
};

/** What a queue network run returns; `components` and `end_to_end` follow DESIGN.md's `dojo sim --json`. */
export type QueueNetworkResult = {
	seed: number;
	/** Arrival rate at the source after the load multiplier, per second. */
	load_per_s: number;
	/** Customers generated at the source. */
	customers: number;
	/** Events handled by the loop (one per arrival and per service completion). */
	events_simulated: number;
	/** Simulated seconds from the start to the last event. */
	sim_time_s: number;
	/** The measurement window in simulated seconds. */
	window_s: {start: number; end: number};
	/** The warm-up left out: fraction of customers (or duration) and customers generated before the window. */
	warmup: {fraction: number; customers: number};
	components: QueueStationResult[];
	end_to_end: {
		/** Customers that entered in the window and left the last station. */
		delivered: number;
		/** Customers that entered in the window and were dropped somewhere. */
		lost: number;
		latency_ms: TimeSummaryMs;
		/** A plain queue network has no dashboard, so no freshness. */
		freshness_s: null;
	};
};

/**
The loop runs in stretches of at most BLOCK events. Between stretches,
`maintain` hands buffered values to the statistics, tops up the blocks of
random draws and grows the lines, so the hot loop only reads and writes
typed-array slots: no call that could box a number, no rarely taken branch
whose first use would throw away the optimised code. One event uses at most
one value of each per-station buffer, so BLOCK slots always suffice.
*/
const BLOCK = 1024;

const ARRIVAL = 0;
const DEPARTURE = 1;
const WINDOW_START = 2;
const WINDOW_END = 3;

const INFINITY = Number.POSITIVE_INFINITY;

/** Why a stretch of the loop stopped. */
const STRETCH_DONE = 0;
const STRETCH_FULL = 1;
const STRETCH_OPEN = 2;
const STRETCH_CLOSE = 3;
const STRETCH_END = 4;

/** True when every stage of the model is a plain `kind: queue` station, so `runQueueNetwork` can run it. */
export function isQueueOnlyModel(model: Pick<Model, 'stages'>): boolean {
	return model.stages.every((stage) => stage.kind === 'queue');
}

type Compiled = {
	ids: string[];
	servers: Int32Array;
	capacity: Float64Array;
	next: Int32Array;
	service: Sampler[];
};

/** Checks a model's stages are queues, resolves `next`, and builds the service samplers. */
function compile(model: Model): Compiled {
	const stages = model.stages;
	const problems: string[] = [];
	const index = new Map<string, number>();
	stages.forEach((stage, i) => index.set(stage.id, i));
	const ids = stages.map((stage) => stage.id);
	const servers = new Int32Array(stages.length);
	const capacity = new Float64Array(stages.length);
	const next = new Int32Array(stages.length);
	const service: Sampler[] = [];
	stages.forEach((stage, i) => {
		if (stage.kind !== 'queue') {
			problems.push(`stages[${i}] (${stage.id}): runQueueNetwork runs only kind: queue stages; this one is kind: ${stage.kind}`);
			return;
		}
		servers[i] = stage.servers;
		capacity[i] = stage.capacity ?? Number.POSITIVE_INFINITY;
		const target = stage.next === undefined ? (i + 1 < stages.length ? i + 1 : -1) : (index.get(stage.next) ?? -2);
		if (target === -2) problems.push(`stages[${i}].next: no stage "${stage.next}"; expected one of ${ids.join(', ')}`);
		next[i] = target;
		try {
			service.push(fromSpec(stage.service, 0.001));
		} catch (error) {
			problems.push(`stages[${i}].service: ${(error as Error).message}`);
		}
	});
	if (model.injections.length > 0) problems.push('injections: a plain queue network does not apply injections; remove them or add a pipeline stage');
	if (model.source.bursts !== undefined) problems.push('source.bursts: a plain queue network does not apply bursts; remove them to check a station against theory');
	if (problems.length > 0) throw new ModelError(problems);
	// Customers enter at the first stage; every stage must be on its path, and the path must end.
	const seen = new Uint8Array(stages.length);
	for (let at = 0; at >= 0; at = next[at]!) {
		if (seen[at]) throw new ModelError(`stages[${at}] (${ids[at]}): stages form a loop; customers would never leave`);
		seen[at] = 1;
	}
	const unreached = ids.filter((_, i) => !seen[i]);
	if (unreached.length > 0) throw new ModelError(`stages ${unreached.join(', ')}: never reached from the first stage "${ids[0]}"; link them with next`);
	return {ids, servers, capacity, next, service};
}

/** A time's figures in the reported unit (`scale` 1000: seconds → ms); NaN where nothing was recorded. */
function summary(histogram: LogHistogram, batch: BatchMeans, scale: number): TimeSummaryMs {
	return {
		mean: batch.mean * scale,
		mean_ci95: batch.halfWidth() * scale,
		p50: histogram.quantile(0.5) * scale,
		p95: histogram.quantile(0.95) * scale,
		p99: histogram.quantile(0.99) * scale,
		max: histogram.count > 0 ? histogram.max * scale : Number.NaN,
	};
}

/** Integral of a level per station up to `now` without disturbing the running sums. */
function integrals(now: number, n: number, area: Float64Array, level: Int32Array, last: Float64Array, out: Float64Array): void {
	for (let i = 0; i < n; i++) out[i] = area[i]! + level[i]! * (now - last[i]!);
}

/** Everything a run keeps: set up once, mutated by `simulate`, read by `report`. */
type NetworkState = {
	readonly ids: string[];
	readonly servers: Int32Array;
	readonly capacity: Float64Array;
	readonly next: Int32Array;
	readonly service: Sampler[];
	readonly serviceRng: Random[];
	readonly gap: Sampler;
	readonly arrivalRng: Random;
	readonly seed: number;
	readonly rate: number;
	readonly customers: number;
	readonly duration: number;
	readonly byDuration: boolean;
	readonly warmupFraction: number;
	readonly warmupCustomers: number;
	readonly single: boolean;
	// Server slots: each busy server holds one customer and has one pending departure event.
	readonly slotStation: Int32Array;
	readonly slotAt: Float64Array;
	readonly slotOrigin: Float64Array;
	readonly freeSlots: Int32Array;
	readonly freeBase: Int32Array;
	readonly freeCount: Int32Array;
	// One FIFO line per station: ring buffers of (arrival time here, entry time into the network).
	lineCapacity: number;
	lineAt: Float64Array;
	lineOrigin: Float64Array;
	readonly lineHead: Int32Array;
	readonly lineLength: Int32Array;
	readonly lineMax: Int32Array;
	// Running integrals of the levels and running counters; the window is taken as differences of snapshots.
	readonly busy: Int32Array;
	readonly lineArea: Float64Array;
	readonly busyArea: Float64Array;
	readonly lastChange: Float64Array;
	/** Per station: arrivals, drops, departures (running). */
	readonly counts: Float64Array;
	readonly longestStay: Float64Array;
	// Per-customer statistics, only for customers inside the window.
	readonly waitHistogram: LogHistogram[];
	readonly waitBatches: BatchMeans[];
	readonly stayHistogram: LogHistogram[];
	readonly stayBatches: BatchMeans[];
	readonly queued: Float64Array;
	readonly endHistogram: LogHistogram;
	readonly endBatches: BatchMeans;
	// Blocks of draws (service per station, arrival gaps) and of values waiting to be recorded.
	readonly serviceDraws: Float64Array;
	readonly serviceNext: Int32Array;
	readonly gapDraws: Float64Array;
	gapNext: number;
	readonly waitValues: Float64Array;
	readonly waitFill: Int32Array;
	readonly stayValues: Float64Array;
	readonly stayFill: Int32Array;
	readonly endValues: Float64Array;
	/** How many end-to-end values wait in endValues (index 0 only). */
	readonly endFill: Int32Array;
	delivered: number;
	lostEndToEnd: number;
	readonly start: Snapshot;
	readonly end: Snapshot;
	windowStart: number;
	windowEnd: number;
	generated: number;
	handled: number;
	now: number;
};

/** Levels and counters of every station at one edge of the window. */
type Snapshot = {
	readonly lineIntegral: Float64Array;
	readonly busyIntegral: Float64Array;
	readonly counts: Float64Array;
	readonly inside: Int32Array;
	readonly lineMax: Int32Array;
};

function createSnapshot(n: number): Snapshot {
	return {lineIntegral: new Float64Array(n), busyIntegral: new Float64Array(n), counts: new Float64Array(3 * n), inside: new Int32Array(n), lineMax: new Int32Array(n)};
}

/** Records every station's integrals, counters and occupancy at time `t` (a window edge). */
function takeSnapshot(state: NetworkState, t: number, into: Snapshot): void {
	const n = state.ids.length;
	integrals(t, n, state.lineArea, state.lineLength, state.lastChange, into.lineIntegral);
	integrals(t, n, state.busyArea, state.busy, state.lastChange, into.busyIntegral);
	into.counts.set(state.counts);
	for (let i = 0; i < n; i++) {
		into.inside[i] = state.busy[i]! + state.lineLength[i]!;
		into.lineMax[i] = state.lineMax[i]!;
	}
}

/** Opens the measurement window at `t`: snapshot, and the line maximum restarts from the current length. */
function openWindow(state: NetworkState, t: number): void {
	state.windowStart = t;
	takeSnapshot(state, t, state.start);
	state.lineMax.set(state.lineLength);
}

/** Doubles every station's ring buffer, unrolling each line to the front. */
function growLines(state: NetworkState): void {
	const n = state.ids.length;
	const old = state.lineCapacity;
	const grown = old * 2;
	const lineAt = new Float64Array(n * grown);
	const lineOrigin = new Float64Array(n * grown);
	for (let i = 0; i < n; i++) {
		for (let k = 0; k < state.lineLength[i]!; k++) {
			const from = i * old + ((state.lineHead[i]! + k) & (old - 1));
			lineAt[i * grown + k] = state.lineAt[from]!;
			lineOrigin[i * grown + k] = state.lineOrigin[from]!;
		}
		state.lineHead[i] = 0;
	}
	state.lineAt = lineAt;
	state.lineOrigin = lineOrigin;
	state.lineCapacity = grown;
}

function createState(model: Model, options: QueueNetworkOptions): NetworkState {
	const seed = options.seed ?? 1;
	const streams = options.streams ?? 0;
	const warmupFraction = options.warmupFraction ?? 0.1;
	const batches = options.batches ?? 20;
	const rate = model.source.rate_per_s * (options.loadMultiplier ?? 1);
	if (!Number.isSafeInteger(seed)) throw new RangeError(`runQueueNetwork: seed must be a whole number; got ${seed}`);
	if (!Number.isSafeInteger(streams) || streams < 0) throw new RangeError(`runQueueNetwork: streams must be a whole number >= 0; got ${streams}`);
	if (!(warmupFraction >= 0 && warmupFraction < 1)) throw new RangeError(`runQueueNetwork: warmupFraction must be in [0, 1); got ${warmupFraction}`);
	if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`runQueueNetwork: arrival rate must be > 0; got ${rate}`);
	if (options.customers !== undefined && options.duration_s !== undefined) throw new RangeError('runQueueNetwork: give customers or duration_s, not both');
	const byDuration = options.duration_s !== undefined;
	const customers = byDuration ? Number.POSITIVE_INFINITY : (options.customers ?? 200_000);
	const duration = options.duration_s ?? Number.POSITIVE_INFINITY;
	if (byDuration && !(duration > 0 && Number.isFinite(duration))) throw new RangeError(`runQueueNetwork: duration_s must be > 0; got ${duration}`);
	if (!byDuration && !(Number.isSafeInteger(customers) && customers >= 1)) throw new RangeError(`runQueueNetwork: customers must be a whole number >= 1; got ${customers}`);

	const {ids, servers, capacity, next, service} = compile(model);
	const n = ids.length;
	const single = n === 1;
	let totalServers = 0;
	for (let i = 0; i < n; i++) totalServers += servers[i]!;
	const slotStation = new Int32Array(totalServers);
	const freeSlots = new Int32Array(totalServers);
	const freeBase = new Int32Array(n);
	const freeCount = new Int32Array(n);
	for (let i = 0, slot = 0; i < n; i++) {
		freeBase[i] = slot;
		freeCount[i] = servers[i]!;
		for (let k = 0; k < servers[i]!; k++, slot++) {
			slotStation[slot] = i;
			freeSlots[slot] = slot;
		}
	}
	const lineCapacity = 2 * BLOCK;
	const stayHistogram = ids.map(() => new LogHistogram());
	const stayBatches = ids.map(() => new BatchMeans(batches));
	return {
		ids,
		servers,
		capacity,
		next,
		service,
		serviceRng: ids.map((_, i) => new Random(seed, streams + i + 1)),
		gap: model.source.arrivals === 'constant' ? constant(1 / rate) : exponential(1 / rate),
		arrivalRng: new Random(seed, streams),
		seed,
		rate,
		customers,
		duration,
		byDuration,
		warmupFraction,
		warmupCustomers: byDuration ? 0 : Math.floor(customers * warmupFraction),
		single,
		slotStation,
		slotAt: new Float64Array(totalServers),
		slotOrigin: new Float64Array(totalServers),
		freeSlots,
		freeBase,
		freeCount,
		lineCapacity,
		lineAt: new Float64Array(n * lineCapacity),
		lineOrigin: new Float64Array(n * lineCapacity),
		lineHead: new Int32Array(n),
		lineLength: new Int32Array(n),
		lineMax: new Int32Array(n),
		busy: new Int32Array(n),
		lineArea: new Float64Array(n),
		busyArea: new Float64Array(n),
		lastChange: new Float64Array(n),
		counts: new Float64Array(3 * n),
		longestStay: new Float64Array(n),
		waitHistogram: ids.map(() => new LogHistogram()),
		waitBatches: ids.map(() => new BatchMeans(batches)),
		stayHistogram,
		stayBatches,
		queued: new Float64Array(n),
		// With one station, end to end is that station's stay: share the accumulators instead of recording twice.
		endHistogram: single ? stayHistogram[0]! : new LogHistogram(),
		endBatches: single ? stayBatches[0]! : new BatchMeans(batches),
		serviceDraws: new Float64Array(n * BLOCK),
		// Every draw counts as used, so the first `maintain` fills the blocks.
		serviceNext: new Int32Array(n).fill(BLOCK),
		gapDraws: new Float64Array(BLOCK),
		gapNext: BLOCK,
		waitValues: new Float64Array(n * BLOCK),
		waitFill: new Int32Array(n),
		stayValues: new Float64Array(n * BLOCK),
		stayFill: new Int32Array(n),
		endValues: new Float64Array(BLOCK),
		endFill: new Int32Array(1),
		delivered: 0,
		lostEndToEnd: 0,
		start: createSnapshot(n),
		end: createSnapshot(n),
		windowStart: Number.POSITIVE_INFINITY,
		windowEnd: Number.POSITIVE_INFINITY,
		generated: 0,
		handled: 0,
		// NaN, not 0: the field holds doubles from the start, so the JIT's code for the loop stays valid.
		now: Number.NaN,
	};
}

/**
Between stretches: records buffered waits, stays and end-to-end latencies,
tops every block of random draws back up to BLOCK unused draws (keeping their
order, so each stream is consumed exactly as one draw at a time would), and
makes sure every line has room for BLOCK more customers.
*/
function maintain(state: NetworkState): void {
	const n = state.ids.length;
	for (let st = 0; st < n; st++) {
		const from = st * BLOCK;
		const waits = state.waitFill[st]!;
		if (waits > 0) {
			state.waitHistogram[st]!.recordAll(state.waitValues, from, from + waits);
			state.waitBatches[st]!.addAll(state.waitValues, from, from + waits);
			state.waitFill[st] = 0;
		}
		const stays = state.stayFill[st]!;
		if (stays > 0) {
			state.stayHistogram[st]!.recordAll(state.stayValues, from, from + stays);
			state.stayBatches[st]!.addAll(state.stayValues, from, from + stays);
			state.stayFill[st] = 0;
		}
		const used = state.serviceNext[st]!;
		if (used > 0) {
			state.serviceDraws.copyWithin(from, from + used, from + BLOCK);
			fillSamples(state.service[st]!, state.serviceRng[st]!, state.serviceDraws, from + BLOCK - used, from + BLOCK);
			state.serviceNext[st] = 0;
		}
		while (state.lineCapacity - state.lineLength[st]! < BLOCK) growLines(state);
	}
	const ends = state.endFill[0]!;
	if (ends > 0) {
		state.endHistogram.recordAll(state.endValues, 0, ends);
		state.endBatches.addAll(state.endValues, 0, ends);
		state.endFill[0] = 0;
	}
	const gaps = state.gapNext;
	if (gaps > 0) {
		state.gapDraws.copyWithin(0, gaps, BLOCK);
		fillSamples(state.gap, state.arrivalRng, state.gapDraws, BLOCK - gaps, BLOCK);
		state.gapNext = 0;
	}
}

/**
The event loop: stretches of the hot loop, with window edges, buffers and
growth handled between them.
*/
function simulate(state: NetworkState): void {
	const events = new EventQueue(state.slotStation.length + 4);
	maintain(state);
	events.push(state.gapDraws[state.gapNext++]!, ARRIVAL, 0);
	if (state.byDuration) {
		events.push(state.duration * state.warmupFraction, WINDOW_START, 0);
		events.push(state.duration, WINDOW_END, 0);
	}
	for (;;) {
		maintain(state);
		const reason = runStretch(state, events, state.windowStart, state.windowEnd, state.lineCapacity, state.lineAt, state.lineOrigin);
		if (reason === STRETCH_DONE) break;
		if (reason === STRETCH_OPEN) openWindow(state, events.time);
		else if (reason === STRETCH_CLOSE) {
			state.windowEnd = state.now;
			takeSnapshot(state, state.now, state.end);
		} else if (reason === STRETCH_END) {
			state.windowEnd = events.time;
			state.now = events.time;
			takeSnapshot(state, events.time, state.end);
			break;
		}
	}
	maintain(state);
}

/**
Handles up to BLOCK events and says why it stopped. Everything it touches is a
local (no closures), so the JIT keeps it in registers; it stops before the
arrival that opens the window (STRETCH_OPEN, the event stays queued), after the
last arrival (STRETCH_CLOSE), at a duration run's window marks, when the
stretch is used up (STRETCH_FULL) or when no event is left (STRETCH_DONE).
*/
function runStretch(
	state: NetworkState,
	events: EventQueue,
	// Values that change between stretches come in as arguments: read from `state`, the JIT could
	// fold a not-yet-changed field into the code as a constant and discard that code when it changes.
	windowStart: number,
	windowEnd: number,
	lineCapacity: number,
	lineAt: Float64Array,
	lineOrigin: Float64Array,
): number {
	const {capacity, next, customers, duration, byDuration, warmupCustomers, single} = state;
	const {slotStation, slotAt, slotOrigin, freeSlots, freeBase, freeCount, lineHead, lineLength, lineMax} = state;
	const {busy, lineArea, busyArea, lastChange, counts, longestStay, queued} = state;
	const {serviceDraws, serviceNext, gapDraws, waitValues, waitFill, stayValues, stayFill, endValues, endFill} = state;
	let {generated, handled, delivered, lostEndToEnd, now, gapNext} = state;
	let reason = STRETCH_FULL;
	// The arrival count at which to stop and open the window (−1: already open, or opened by a mark event).
	// Decided here so the loop never evaluates a comparison it has not seen before (that would deoptimise it).
	const openAt = !byDuration && windowStart === INFINITY ? warmupCustomers : -1;
	const lastArrival = Number.isFinite(customers) ? customers : -1;
	// "Inside the window" is written (x >= windowStart) === (x <= windowEnd): both sides are always
	// evaluated, so neither comparison is new to the JIT when the window opens or closes; both false
	// cannot happen because windowStart <= windowEnd.

	for (let room = BLOCK; room > 0; room--) {
		if (!events.peek()) {
			reason = STRETCH_DONE;
			break;
		}
		const t = events.time;
		const kind = events.kind;
		if (kind === ARRIVAL && generated === openAt) {
			reason = STRETCH_OPEN;
			break;
		}
		if (kind > DEPARTURE) {
			// A duration run's window marks.
			events.pop();
			reason = kind === WINDOW_START ? STRETCH_OPEN : STRETCH_END;
			break;
		}
		now = t;
		handled++;
		// A customer reaching station `to` at time t, having entered the network at `origin`; handled below.
		let to = -1;
		let origin = 0;

		if (kind === DEPARTURE) {
			const slot = events.target;
			const st = slotStation[slot]!;
			const dt = t - lastChange[st]!;
			lineArea[st] = lineArea[st]! + lineLength[st]! * dt;
			busyArea[st] = busyArea[st]! + busy[st]! * dt;
			lastChange[st] = t;
			counts[3 * st + 2] = counts[3 * st + 2]! + 1;
			const at = slotAt[slot]!;
			origin = slotOrigin[slot]!;
			const stay = t - at;
			if (stay > longestStay[st]!) longestStay[st] = stay;
			// Values are always written and counted only inside the window: no branch the JIT could find new.
			const stayFillNow = stayFill[st]!;
			stayValues[st * BLOCK + stayFillNow] = stay;
			stayFill[st] = stayFillNow + ((at >= windowStart) === (at <= windowEnd) ? 1 : 0);
			if (lineLength[st]! > 0) {
				// The freed server takes the head of the line in the same slot, so its event is reused.
				const position = st * lineCapacity + lineHead[st]!;
				const nextAt = lineAt[position]!;
				slotAt[slot] = nextAt;
				slotOrigin[slot] = lineOrigin[position]!;
				lineHead[st] = (lineHead[st]! + 1) & (lineCapacity - 1);
				lineLength[st] = lineLength[st]! - 1;
				const counted = (nextAt >= windowStart) === (nextAt <= windowEnd) ? 1 : 0;
				const fill = waitFill[st]!;
				waitValues[st * BLOCK + fill] = t - nextAt;
				waitFill[st] = fill + counted;
				queued[st] = queued[st]! + counted;
				const draw = serviceNext[st]!;
				serviceNext[st] = draw + 1;
				events.replaceTop(t + serviceDraws[st * BLOCK + draw]!, DEPARTURE, slot);
			} else {
				busy[st] = busy[st]! - 1;
				freeSlots[freeBase[st]! + freeCount[st]!] = slot;
				freeCount[st] = freeCount[st]! + 1;
				events.pop();
			}
			to = next[st]!;
			if (to < 0 && !single) {
				const counted = (origin >= windowStart) === (origin <= windowEnd) ? 1 : 0;
				const fill = endFill[0]!;
				endValues[fill] = t - origin;
				endFill[0] = fill + counted;
				delivered += counted;
			}
		} else {
			// ARRIVAL from the source.
			generated++;
			const following = t + gapDraws[gapNext++]!;
			if (generated !== lastArrival && following < duration) events.replaceTop(following, ARRIVAL, 0);
			else events.pop();
			to = 0;
			origin = t;
		}

		if (to >= 0) {
			const st = to;
			const dt = t - lastChange[st]!;
			lineArea[st] = lineArea[st]! + lineLength[st]! * dt;
			busyArea[st] = busyArea[st]! + busy[st]! * dt;
			lastChange[st] = t;
			counts[3 * st] = counts[3 * st]! + 1;
			if (busy[st]! + lineLength[st]! >= capacity[st]!) {
				counts[3 * st + 1] = counts[3 * st + 1]! + 1;
				if (!single && (origin >= windowStart) === (origin <= windowEnd)) lostEndToEnd++;
			} else if (freeCount[st]! > 0) {
				const free = freeCount[st]! - 1;
				freeCount[st] = free;
				const slot = freeSlots[freeBase[st]! + free]!;
				busy[st] = busy[st]! + 1;
				slotAt[slot] = t;
				slotOrigin[slot] = origin;
				const fill = waitFill[st]!;
				waitValues[st * BLOCK + fill] = 0;
				waitFill[st] = fill + ((t >= windowStart) === (t <= windowEnd) ? 1 : 0);
				const draw = serviceNext[st]!;
				serviceNext[st] = draw + 1;
				events.push(t + serviceDraws[st * BLOCK + draw]!, DEPARTURE, slot);
			} else {
				const position = st * lineCapacity + ((lineHead[st]! + lineLength[st]!) & (lineCapacity - 1));
				lineAt[position] = t;
				lineOrigin[position] = origin;
				const length = lineLength[st]! + 1;
				lineLength[st] = length;
				if (length > lineMax[st]!) lineMax[st] = length;
			}
		}

		if (kind === ARRIVAL && generated === lastArrival) {
			reason = STRETCH_CLOSE;
			break;
		}
	}

	state.generated = generated;
	state.handled = handled;
	state.delivered = delivered;
	state.lostEndToEnd = lostEndToEnd;
	state.now = now;
	state.gapNext = gapNext;
	return reason;
}

/** Turns a finished run's state into the result shape. */
function report(state: NetworkState): QueueNetworkResult {
	const {start, end, byDuration} = state;
	const span = state.windowEnd - state.windowStart;
	const components: QueueStationResult[] = state.ids.map((id, i) => {
		const arrived = end.counts[3 * i]! - start.counts[3 * i]!;
		const dropped = end.counts[3 * i + 1]! - start.counts[3 * i + 1]!;
		const departed = end.counts[3 * i + 2]! - start.counts[3 * i + 2]!;
		const lineMean = (end.lineIntegral[i]! - start.lineIntegral[i]!) / span;
		const busyMean = (end.busyIntegral[i]! - start.busyIntegral[i]!) / span;
		const accepted = arrived - dropped;
		const stays = state.stayBatches[i]!;
		const waits = state.waitBatches[i]!;
		const edge = Math.max(start.inside[i]!, end.inside[i]!);
		// Without draining, customers still inside at T1 may have been there the whole window.
		const longest = byDuration ? Math.max(state.longestStay[i]!, span) : state.longestStay[i]!;
		const capacity = state.capacity[i]!;
		return {
			id,
			kind: 'queue',
			utilization: busyMean / state.servers[i]!,
			throughput_per_s: departed / span,
			queue: {mean: lineMean, max: end.lineMax[i]!},
			wait_ms: summary(state.waitHistogram[i]!, waits, 1000),
			throttled: 0,
			dropped,
			lost: 0,
			servers: state.servers[i]!,
			capacity: Number.isFinite(capacity) ? capacity : null,
			arrivals: arrived,
			blocking_probability: arrived > 0 ? dropped / arrived : 0,
			p_wait: waits.count > 0 ? state.queued[i]! / waits.count : Number.NaN,
			system_ms: summary(state.stayHistogram[i]!, stays, 1000),
			in_system_mean: lineMean + busyMean,
			in_system_at_end: byDuration ? state.busy[i]! + state.lineLength[i]! : 0,
			little: {
				l: lineMean + busyMean,
				lambda_w: (accepted / span) * stays.mean,
				lq: lineMean,
				lambda_wq: (accepted / span) * waits.mean,
				tolerance: (edge * longest) / span,
			},
		};
	});
	return {
		seed: state.seed,
		load_per_s: state.rate,
		customers: state.generated,
		events_simulated: state.handled,
		sim_time_s: state.now,
		window_s: {start: state.windowStart, end: state.windowEnd},
		warmup: {fraction: state.warmupFraction, customers: state.warmupCustomers},
		components,
		end_to_end: {
			delivered: state.single ? state.stayBatches[0]!.count : state.delivered,
			lost: state.single ? components[0]!.dropped : state.lostEndToEnd,
			latency_ms: summary(state.endHistogram, state.endBatches, 1000),
			freshness_s: null,
		},
	};
}

/**
Runs a model made only of `kind: queue` stages fed by its source (Poisson or
constant arrivals at `rate_per_s × loadMultiplier`; `peak_multiplier` and keys
are not applied) and returns per-station and end-to-end figures with 95%
confidence intervals. Deterministic for a seed.

Throws ModelError when the model has other stage kinds, injections, unreachable
stages, or a distribution that cannot exist; RangeError for bad options.
*/
export function runQueueNetwork(model: Model, options: QueueNetworkOptions = {}): QueueNetworkResult {
	const state = createState(model, options);
	simulate(state);
	return report(state);
}
