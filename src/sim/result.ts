/**
The shapes a simulation run produces: one replication's raw figures
(`RunResult`) and the report `dojo sim --json` prints (`SimResult`, the
contract in DESIGN.md). Plain data only, so results cross worker threads and
compare byte for byte.
*/

/** Mean and percentiles of a distribution. */
export type Quantiles = {mean: number; p50: number; p95: number; p99: number};

/** A Kinesis or Kafka stream's own figures: shards, the hottest shard's share, the busiest shard-second. */
export type StreamDetails = {
	shards: number;
	/** Share of the records the busiest shard receives (0–1): 1/shards when keys spread evenly. */
	hottest_shard_share: number;
	accepted_per_s: number;
	/** Records read per second, over every consuming application. */
	read_per_s: number;
	busiest_shard_second_records: number;
	busiest_shard_second_bytes: number;
	/** Records a producer still holds for retry when the run ends. */
	retrying_at_end: number;
	/** Times an on-demand stream stepped up its shards (on-demand only). */
	scale_ups?: number;
};

/** A Firehose stream's deliveries and what flushed them. */
export type FirehoseDetails = {
	deliveries: number;
	flushed_by_size: number;
	flushed_by_interval: number;
	max_buffer_age_s: number;
	max_delivery_gap_s: number;
	buffer_size_mib: number;
	buffer_interval_s: number;
};

/** A compute stage's units, invocations and busy time (Lambda, Spark, Flink, a worker pool, a queue station inside a pipeline). */
export type ComputeDetails = {
	/** The compute mode the plan decided: shard batches, a worker pool or micro-batches. */
	mode: string;
	units: number;
	busy_units_mean: number;
	max_in_flight: number;
	invocations: number;
	invocations_per_s: number;
	mean_batch_records: number;
	/** Busy unit-seconds per second: what Lambda bills as duration. */
	busy_seconds_per_s: number;
	/** Lambda only. */
	cold_starts?: number;
};

/** A store, cache or warehouse: write requests against its capacity, loads, replicas and key placement. */
export type StoreDetails = {
	write_requests_per_s: number;
	capacity_requests_per_s: number | 'unlimited';
	loads?: number;
	load_interval_s?: number;
	read_replicas?: number;
	replica_lag_s?: number;
	failovers?: number;
	hashing?: string;
	hottest_node_share?: number;
	keys_moved_on_node_loss?: number;
};

/** An API in front of the pipeline: its quota and the requests refused with HTTP 429. */
export type ApiDetails = {rate_per_s: number; burst: number; http_429_per_s: number};

/** A collector fleet: instances over the run, refusals, and the per-client rate limiter when there is one. */
export type CollectorDetails = {
	instance_rate_per_s: number;
	instances_min: number;
	instances_max: number;
	instances_mean: number;
	instances_peak: number;
	instances_launched: number;
	refused: number;
	refused_per_s: number;
	client_rate_per_s?: number;
	rate_limited?: number;
	rate_limited_per_s?: number;
	bot_offered_per_s?: number;
	bot_accepted_per_s?: number;
};

/** A dashboard's refresh cadence and query time. */
export type DashboardDetails = {refresh_s: number; query_ms: number; refreshes: number};

/** A plain queueing station run exactly (`runQueueNetwork`): the figures queueing theory predicts. */
export type QueueStationDetails = {
	servers: number;
	capacity?: number;
	mean_wait_ms_ci95: number;
	p_wait: number;
	blocking_probability: number;
	system_ms_mean: number;
	in_system_mean: number;
};

/**
Each stage kind's own figures. Typed so that cost, the bottleneck and the text
report read a named field the compiler checks, not a string key that a rename
would silently turn into 0.
*/
export type StageDetailsByKind = {
	stream: StreamDetails;
	firehose: FirehoseDetails;
	compute: ComputeDetails;
	store: StoreDetails;
	cache: StoreDetails;
	warehouse: StoreDetails;
	api: ApiDetails;
	collector: CollectorDetails;
	dashboard: DashboardDetails;
	/** Inside a pipeline a queue station runs as a compute pool; alone, exactly. */
	queue: ComputeDetails | QueueStationDetails;
};

/** The figures every stage reports over the measurement window. */
export type CommonFigures = {
	id: string;
	component: string;
	/** Fraction of the stage's capacity in use (0–1; can read above 1 only where a limit is soft). */
	utilization: number;
	/** Records the stage finished with per second. */
	throughput_per_s: number;
	/** Records held by the stage: time-average and largest. */
	queue: {mean: number; max: number};
	/** Time in the stage, milliseconds. */
	wait_ms: Quantiles;
	throttled: number;
	dropped: number;
	lost: number;
	/** Records per second by which the stage's backlog grew over the window (near 0 when it keeps up). */
	backlog_growth_per_s: number;
};

/** One stage's figures over the measurement window; `kind` says which stage-specific `details` it carries. */
export type ComponentResult = {[K in keyof StageDetailsByKind]: CommonFigures & {kind: K; details: StageDetailsByKind[K]}}[keyof StageDetailsByKind];

/** A stage kind whose figures are typed. */
export type StageKind = keyof StageDetailsByKind;

/** The pipeline as a whole. */
export type EndToEnd = {
	/** Source events delivered to the last stage (born inside the measurement window). */
	delivered: number;
	/** Source events dropped or lost on the way. */
	lost: number;
	/** Source events a filter or dedup removed on purpose. */
	filtered: number;
	/** Source events still in the pipeline when the run stopped (their latency is unknown). */
	undelivered: number;
	/** Birth to arrival at the last stage, milliseconds. */
	latency_ms: Quantiles & {max: number};
	/** Age of the newest data the viewer sees, seconds: time-average. */
	freshness_s: number;
	freshness_p99_s: number;
	freshness_max_s: number;
	/**
	Age of the oldest event not yet counted (delivered, lost or filtered), seconds:
	the data on screen is complete only up to it. Time-average, p99 and max, like
	freshness. The SLO's freshness target judges this one. Optional only so results
	built by hand before it existed still type-check; the simulator always sets it.
	*/
	completeness_s?: number;
	completeness_p99_s?: number;
	completeness_max_s?: number;
};

/** A time series for charts: one value per sample interval. */
export type Series = {
	interval_s: number;
	t_s: number[];
	offered_per_s: number[];
	delivered_per_s: number[];
	freshness_s: number[];
	/** Mean birth-to-arrival time of the records that reached the last stage in each interval, seconds (NaN when none did). */
	latency_s: number[];
	components: Record<string, {throughput_per_s: number[]; backlog: number[]}>;
};

/** Little's law on the whole pipeline: L (events in flight), λ (events/s) and W (mean time in the pipeline). */
export type LittleCheck = {l: number; lambda: number; w_s: number};

/** One source of a model with feeds: the streamed events, or a feed (an hourly API pull, a daily file). */
export type FeedReport = {
	/** The feed's id; "streamed" for the events that arrive as they happen. */
	id: string;
	share: number;
	/** Seconds between deliveries (0 for streamed events). */
	every_s: number;
	lag_s: number;
	/** How far back this source's data is complete on screen (or delivered), p99 seconds. */
	completeness_p99_s: number;
	/** The longest an event of this feed waited at the source before a delivery took it, seconds. */
	longest_wait_s: number;
	/** What the source is held to: the SLO's freshness, plus a feed's own delivery interval and lag; null without a target. */
	target_s: number | null;
	/** Share of the readings in which this source was the furthest behind: it set the completeness of the whole. */
	sets_completeness_share: number;
};

/** An API quota over the window: what pulls and backfills asked of it, and how long pulls waited. */
export type QuotaReport = {
	id: string;
	component: string;
	per_day: number | null;
	rate_per_s: number | null;
	/** Requests per second other users take from the same limit (checkout). */
	shared_per_s: number;
	pull_requests_per_day: number;
	backfill_requests_per_day: number;
	pulls: number;
	/** Pulls that waited more than a minute beyond their own requests: behind a backfill or an empty daily quota. */
	delayed_pulls: number;
	longest_pull_wait_s: number;
};

/** One step of one scheduled batch run: when it started and finished (simulated seconds and "day N HH:MM"). */
export type BatchStep = {id: string; start_s: number; start: string; finish_s: number | null; finish: string | null; records: number};

/** One scheduled batch run: its steps in order, when the last finished, and whether that was by the deadline. */
export type BatchRun = {
	scheduled_s: number;
	scheduled: string;
	steps: BatchStep[];
	/** When the last step finished; null when the run had not finished when the simulation stopped. */
	finish_s: number | null;
	finish: string | null;
	/** The instant the run had to be done by (the first `ready_by` at or after its start); null without a deadline. */
	deadline_s: number | null;
	/** True when the last step finished by the deadline; null without a deadline. */
	met: boolean | null;
	late_by_s: number;
	/** The step that took longest in this run: the one that makes a late run late. */
	longest_step: string | null;
};

/** Scheduled batch runs inside the measurement window (a nightly job and the steps chained after it). */
export type BatchReport = {
	/** The deadline, "HH:MM" UTC (slo.ready_by), or null. */
	ready_by: string | null;
	runs: BatchRun[];
	/** Every judged run finished by the deadline; null without a deadline or with no run to judge. */
	met: boolean | null;
	/** The longest step of the latest run that missed the deadline; null when none missed. */
	late_step: string | null;
};

/** One replication's figures. */
export type RunResult = {
	seed: number;
	replication: number;
	events_simulated: number;
	/** Simulated seconds, including the time let run after the window for late records. */
	simulated_s: number;
	components: ComponentResult[];
	end_to_end: EndToEnd;
	little: LittleCheck;
	series: Series;
	notes: string[];
	/** With fan-out only: every path, the main one first; components, cost and events cover them all. */
	paths?: PathResult[];
	/** With scheduled batch steps only (start_at, after): each run's steps and the deadline verdict. */
	batch?: BatchReport;
	/** With source feeds only: completeness per source, the slowest first. */
	sources?: FeedReport[];	/** With API quotas only: what each served, and how long pulls waited for it. */
	quotas?: QuotaReport[];
};

/**
The daily peak, worked out on paper for a run at the mean: does the design's
capacity carry rate × peak_multiplier, and if not, what share it refuses and the fix.
*/
export type PeakVerdict = {
	multiplier: number;
	load_per_s: number;
	/** True when every stage's capacity carries the peak. */
	met: boolean;
	/** Share of the peak's events the limiting stage cannot take (1 − capacity / peak load). */
	lost_share: number;
	limited_by: string | null;
	/** The fix at the peak, in the bottleneck's words ("needs at least 17 shards …"); null when it holds. */
	suggestion: string | null;
};

/** One SLO check. */
export type SloCheck = {name: string; target: number; actual: number; met: boolean; says: string};

/** The capacity of one stage, in source events per second. */
export type StageCapacity = {
	id: string;
	kind: string;
	component: string;
	/** Source events per second the stage can sustain (Infinity → null in JSON when unlimited). */
	max_load_per_s: number | null;
	/** What sets that limit, in words. */
	limit: string;
};

/** With fan-out, one path through the model (a real-time path, an archive): its own figures. */
export type PathResult = {
	/** The path's last stage. */
	id: string;
	stages: string[];
	/** Whether the SLO verdict above is this path's (`slo.path`, else the first path). */
	judged: boolean;
	/** Whether this path on its own meets the SLO's targets. */
	slo_met: boolean;
	end_to_end: EndToEnd & Record<string, unknown>;
	capacity: {max_load_per_s: number | null; limited_by: string | null};
};

/** The report of `dojo sim --json`. */
export type SimResult = {
	scenario: string | null;
	arch: string | null;
	seed: number;
	load_per_s: number;
	duration_s: number;
	warmup_s: number;
	/** Seconds per arrival tick (latencies are resolved to about half of it). */
	tick_s: number;
	replications: number;
	events_simulated: number;
	wall_s: number;
	components: Array<ComponentResult & Record<string, unknown>>;
	end_to_end: EndToEnd & Record<string, unknown>;
	slo: {latency_p99_ms: number | null; freshness_s: number | null; met: boolean; checks: SloCheck[]; peak?: PeakVerdict};
	capacity: {max_load_per_s: number | null; limited_by: string | null; stages: StageCapacity[]};
	bottleneck: {component: string; reason: string; suggestion: string} | null;
	cost: {per_month_usd: number | null; items: Array<{component: string; per_month_usd: number; basis: string}>; unpriced?: string[]};
	little: LittleCheck;
	series: Series;
	notes: string[];
	/** With fan-out only: every path, the main one first; components, cost and events cover them all. */
	paths?: PathResult[];
	/** With scheduled batch steps only (start_at, after): the first replication's runs, and the deadline verdict over all. */
	batch?: BatchReport;
	/** With source feeds only: completeness per source (the first replication's), the one that sets the whole's first. */
	sources?: FeedReport[];	/** With API quotas only: what each served, and how long pulls waited for it. */
	quotas?: QuotaReport[];
};
