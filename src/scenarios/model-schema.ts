/**
The shape of a simulated architecture: a source of events and a graph of stages.

Used twice: inside `scenarios.yaml` (each scenario's candidate architectures, whose
source comes from the scenario's workload) and as a stand-alone model file for
`dojo sim --model FILE.yaml`. Knob names are the ones a data engineer would set
on the real service (shards, batch_size, buffer_interval_s, …), so a `--set
STAGE.KNOB=VALUE` override reads like a console change.
*/
import {z} from 'zod';

/** An id a person can type: lower-case letters, digits, `-` and `_`. */
export const Id = z
	.string()
	.regex(/^[a-z][a-z0-9_-]*$/, 'expected an id of lower-case letters, digits, "-" or "_", starting with a letter');

const positive = (what: string) => z.number().positive(`${what} must be > 0`);
const nonNegative = (what: string) => z.number().nonnegative(`${what} must be >= 0`);
const count = (what: string) => z.number().int(`${what} must be a whole number`).min(1, `${what} must be >= 1`);

/** A time of day, UTC, as HH:MM ("02:00", "06:00"); a simulation starts at 00:00 UTC. */
export const ClockTimeSchema = z
	.string()
	.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'expected a time of day as HH:MM (00:00–23:59), e.g. "02:00"');

/** A service-time or latency distribution, in milliseconds. */
export const DistributionSchema = z.discriminatedUnion('dist', [
	z.strictObject({dist: z.literal('exp'), mean_ms: positive('mean_ms')}),
	z.strictObject({dist: z.literal('const'), mean_ms: positive('mean_ms')}),
	z.strictObject({
		dist: z.literal('lognormal'),
		mean_ms: positive('mean_ms'),
		p99_ms: positive('p99_ms').describe('99th percentile; must exceed mean_ms'),
	}),
	z.strictObject({
		dist: z.literal('empirical'),
		values_ms: z.array(nonNegative('each value')).min(1, 'values_ms needs at least one value'),
	}),
]);

/** How partition-key values are drawn for each event. */
export const KeyDistributionSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('uniform'),
		cardinality: count('cardinality').describe('number of distinct key values, e.g. active users'),
	}),
	z.strictObject({
		kind: z.literal('zipf'),
		cardinality: count('cardinality'),
		exponent: positive('exponent').describe('Zipf s; about 1 for real user activity'),
	}),
	z.strictObject({
		kind: z.literal('categorical'),
		shares: z
			.record(z.string(), z.number().min(0, 'a share must be >= 0').max(1, 'a share must be <= 1'))
			.describe('value → fraction of events; fractions must sum to 1'),
	}),
]);

/** Short periodic bursts: every `every_s` seconds the rate is multiplied by `multiplier` for `duration_s`. */
export const BurstSchema = z.strictObject({
	every_s: positive('bursts.every_s'),
	duration_s: positive('bursts.duration_s'),
	multiplier: z.number().min(1, 'bursts.multiplier must be >= 1'),
});

/**
A part of the source that does not stream in as it happens: an API pulled every
hour whose numbers lag hours behind, a partner file dropped once a day. Its
events are born all the time but enter the pipeline only at each delivery.
*/
export const FeedSchema = z.strictObject({
	id: Id.describe('what to call this source in the report, e.g. google_ads, partner_files'),
	share: z.number().gt(0, 'share must be in (0, 1)').lt(1, 'share must be in (0, 1)').describe('fraction of all events that come from this source'),
	every_s: positive('every_s').describe('seconds between deliveries: 3600 for an hourly pull, 86400 for a daily file'),
	at: ClockTimeSchema.optional().describe('time of day (UTC) of the deliveries, every every_s from there (a file at "02:00"); by default from 00:00'),
	lag_s: nonNegative('lag_s').default(0).describe('a delivery holds only events at least this old (the platform reports hours late: Google Ads about 3 h)'),
	quota: z
		.strictObject({
			id: Id.describe('the source.quotas entry the pulls count against'),
			requests: count('quota.requests').describe('requests (operations) one pull makes at 1x: accounts × reports; they grow with --scale and --load as the accounts would'),
		})
		.optional()
		.describe('an API pull: each delivery waits until the quota has room for its requests'),
	enters: Id.optional().describe('the stage its deliveries land in (a file dropped straight into S3 skips the webhook front door); by default the first stage'),
});

/** A backfill or re-pull that takes requests from an API quota on a schedule (the nightly 30-day restatement re-pull). */
export const BackfillSchema = z.strictObject({
	requests: count('requests').describe('requests (operations) each run takes at 1x'),
	at: ClockTimeSchema.describe('time of day (UTC) it starts'),
	every_s: positive('every_s').default(86_400).describe('seconds between runs (default daily)'),
});

/**
A request quota of a third-party API, shared by the pulls that name it, backfills
and other users of the same account: Google Ads operations per day, Stripe
requests per second (checkout uses the same budget). Requests are served first
come, first served.
*/
export const QuotaSchema = z.strictObject({
	id: Id,
	component: z.enum(['google_ads_api', 'stripe_api', 'meta_marketing_api', 'custom']).default('custom').describe('the API, for its documented default limits'),
	per_day: positive('per_day').optional().describe('requests per day (Google Ads Basic access: 15,000 operations); resets at resets_at'),
	rate_per_s: positive('rate_per_s').optional().describe('requests per second (Stripe live mode: 100)'),
	shared_per_s: nonNegative('shared_per_s').default(0).describe('requests per second other users take from the same rate limit (checkout on Stripe)'),
	resets_at: ClockTimeSchema.optional().describe('time of day (UTC) a daily quota starts again (default 00:00)'),
	backfills: z.array(BackfillSchema).default([]).describe('scheduled backfills and re-pulls competing for the same quota'),
});

/** Where events come from: rate, arrival process, size and the keys they carry. */
export const SourceSchema = z.strictObject({
	rate_per_s: positive('rate_per_s').describe('mean events per second at 1x load'),
	arrivals: z.enum(['poisson', 'constant']).default('poisson'),
	event_bytes: positive('event_bytes').default(200),
	peak_multiplier: z.number().min(1, 'peak_multiplier must be >= 1').default(1).describe('daily peak over the mean'),
	keys: z.record(z.string(), KeyDistributionSchema).default({}).describe('partition-key candidates by field name'),
	bursts: BurstSchema.optional().describe('short periodic bursts on top of the mean rate'),
	feeds: z.array(FeedSchema).optional().describe('sources that arrive in deliveries (hourly API pulls, daily files) rather than as they happen; the rest streams in'),
	quotas: z.array(QuotaSchema).optional().describe('API quotas the feeds pull under, with the backfills that compete for them'),
});

const stageBase = {
	id: Id,
	label: z.string().optional().describe('what to call this stage on screen'),
	next: Id.optional().describe('the stage events go to next; by default the one listed after this'),
};

/** A plain queueing station (servers, service time, optional capacity K), for checks against theory. */
export const QueueStageSchema = z.strictObject({
	...stageBase,
	kind: z.literal('queue'),
	servers: count('servers'),
	service: DistributionSchema,
	capacity: count('capacity').optional().describe('K: most customers in the station (waiting + in service); arrivals beyond it are dropped'),
});

/** Kinesis Data Streams or a Kafka topic: shards or partitions with per-shard limits. */
export const StreamStageSchema = z.strictObject({
	...stageBase,
	kind: z.literal('stream'),
	component: z.enum(['kinesis_data_streams', 'kafka']),
	mode: z.enum(['provisioned', 'on_demand']).default('provisioned'),
	shards: count('shards').optional().describe('shards (Kinesis) or partitions (Kafka); required when provisioned; for on_demand, the capacity the stream has already scaled to (default 4)'),
	partition_key: z.string().default('random').describe('source key field to hash, or "random"'),
	on_throttle: z.enum(['retry', 'drop']).default('retry'),
	consumer: z.enum(['shared', 'efo']).default('shared').describe('shared polling (5 GetRecords/s, 2 MB/s per shard) or enhanced fan-out'),
	consumers: count('consumers').default(1).describe('applications reading the stream'),
	retention_h: positive('retention_h').default(24),
	poll_interval_s: positive('poll_interval_s').optional().describe('seconds between a polling consumer\'s reads of each shard (default 1 s, as KCL and Lambda poll)'),
	producer_ttl_s: positive('producer_ttl_s').optional().describe('how long the producer retries a throttled record before dropping it (default 30 s, KPL RecordTtl)'),
	aggregation: z.boolean().optional().describe('KPL aggregation (default false): the producer packs many records into one Kinesis record (about 50 KB), so the 1,000 records/s per shard counts packed records and shards are sized by bytes (1 MiB/s)'),
	fan_out: z
		.array(Id)
		.min(1, 'fan_out lists at least one stage')
		.optional()
		.describe('first stages of more applications reading this stream (an archive beside the real-time path); each path is followed, and all readers share the read limit'),
});

/** Amazon Data Firehose: buffers by size and by interval, then delivers. */
export const FirehoseStageSchema = z.strictObject({
	...stageBase,
	kind: z.literal('firehose'),
	buffer_size_mib: z.number().min(1, 'buffer_size_mib must be 1–128').max(128, 'buffer_size_mib must be 1–128').default(5),
	buffer_interval_s: z.number().min(0, 'buffer_interval_s must be 0–900').max(900, 'buffer_interval_s must be 0–900').default(300),
	throughput_mib_s: positive('throughput_mib_s').optional().describe('Direct PUT quota in MiB/s (default 5, the big-3 regions)'),
});

/** Compute that transforms events: Lambda, Spark Structured Streaming, Flink or a worker pool. */
export const ComputeStageSchema = z.strictObject({
	...stageBase,
	kind: z.literal('compute'),
	component: z.enum(['lambda', 'spark_structured_streaming', 'flink', 'worker_pool', 'glue']),
	concurrency: count('concurrency').optional().describe('Lambda concurrency, executors × cores, Flink parallelism or workers'),
	batch_size: count('batch_size').optional(),
	batching_window_s: nonNegative('batching_window_s').optional(),
	parallelization_factor: count('parallelization_factor').optional().describe('Lambda batches per shard at once, 1–10'),
	trigger_s: nonNegative('trigger_s').optional().describe('micro-batch trigger interval'),
	start_at: ClockTimeSchema.optional().describe('time of day (UTC) of the scheduled runs, every trigger_s from there (a nightly job at "02:00"); the simulation starts at 00:00'),
	after: Id.optional().describe('a batch step that starts when this earlier step has finished and all its output has arrived here (an Airflow task dependency), instead of on its own trigger'),
	overhead_ms: nonNegative('overhead_ms').optional().describe('fixed cost per batch or invocation'),
	per_record_ms: nonNegative('per_record_ms').optional(),
	cold_start_ms: nonNegative('cold_start_ms').optional(),
	transform: z.enum(['map', 'filter', 'dedup', 'aggregate']).default('map'),
	output_ratio: z.number().min(0, 'output_ratio must be >= 0').default(1).describe('records out per record in'),
	output_bytes: positive('output_bytes').optional().describe('size of each output record; by default the input size'),
	window_s: positive('window_s').optional().describe('tumbling window: aggregated results are emitted at the end of each window'),
	memory_mb: count('memory_mb').optional().describe('Lambda memory, for the cost estimate (default 128)'),
	warehouse_size: z
		.enum(['XS', 'S', 'M', 'L', 'XL', '2XL', '3XL', '4XL', '5XL', '6XL'])
		.optional()
		.describe('the Snowflake warehouse this job runs its SQL on (dbt), for the cost estimate: credits per hour by size'),
	autoscale: z
		.strictObject({
			target_utilization: z.number().gt(0, 'target_utilization must be in (0, 1]').max(1, 'target_utilization must be in (0, 1]'),
			max: count('autoscale.max'),
			interval_s: positive('autoscale.interval_s').optional().describe('seconds between scaling decisions (default 60)'),
			lag_s: nonNegative('autoscale.lag_s').optional().describe('seconds before a new worker serves (default 120)'),
		})
		.optional(),
});

/** An API front door: API Gateway, a token-bucket rate limiter or a load balancer. */
export const ApiStageSchema = z.strictObject({
	...stageBase,
	kind: z.literal('api'),
	component: z.enum(['api_gateway', 'rate_limiter', 'alb', 'nlb']),
	rate_per_s: positive('rate_per_s').optional(),
	burst: count('burst').optional(),
	on_throttle: z.enum(['retry', 'drop']).default('retry').describe('what the client does after a 429: retry with backoff, or give up'),
	latency: DistributionSchema.optional(),
});

/**
A fleet of collector instances behind a load balancer (ALB), sized by EC2 Auto
Scaling with a target-tracking policy, optionally with a per-client rate limiter
in front (a WAF rate-based rule or the collector's own token bucket per device).
*/
export const CollectorStageSchema = z.strictObject({
	...stageBase,
	kind: z.literal('collector'),
	component: z.enum(['alb_ec2']).default('alb_ec2'),
	min_instances: count('min_instances').describe('instances at the start, and the fewest target tracking scales in to'),
	max_instances: count('max_instances').optional().describe('the most instances auto-scaling launches (default: min_instances, no scaling)'),
	instance_rate_per_s: positive('instance_rate_per_s').optional().describe('requests/s one instance serves (default 2,000)'),
	target_utilization: z.number().gt(0, 'target_utilization must be in (0, 1]').max(1, 'target_utilization must be in (0, 1]').optional().describe('target tracking keeps requests per instance at this share of instance_rate_per_s (default 0.6)'),
	metric_period_s: positive('metric_period_s').optional().describe('seconds of the metric each scaling decision reads (default 60)'),
	warmup_s: nonNegative('warmup_s').optional().describe('seconds from launch until a new instance serves (default 300)'),
	max_wait_s: positive('max_wait_s').optional().describe('longest a request queues before the client gives up and it is refused (default 10)'),
	client_rate_per_s: positive('client_rate_per_s').optional().describe('rate limiter: requests/s one client (device or API key) may send; the excess gets 429 (default: no limiter)'),
	client_burst: count('client_burst').optional().describe('rate limiter: token-bucket burst per client (default: client_rate_per_s)'),
});

/** Somewhere data lands: a cache, an operational store or a warehouse. */
export const StoreStageSchema = z.strictObject({
	...stageBase,
	kind: z.enum(['store', 'cache', 'warehouse']),
	component: z.enum(['redis', 'memcached', 'dynamodb', 's3', 'redshift', 'snowflake', 'snowpipe', 'snowpipe_streaming', 'postgres', 'opensearch', 'athena']),
	nodes: count('nodes').optional().describe('nodes, partitions or prefixes sharing the writes'),
	write_capacity_per_s: positive('write_capacity_per_s').optional(),
	load_interval_s: nonNegative('load_interval_s').optional().describe('batch load (COPY, Snowpipe) cadence'),
	batch_size: count('batch_size').optional().describe('records per write request (pipelining, BatchWriteItem, multi-row INSERT); default 1'),
	latency: DistributionSchema.optional(),
	reads_per_s: nonNegative('reads_per_s').optional().describe('read requests/s the readers (dashboards, an API) send; they share the nodes with writes (default 0)'),
	read_replicas: z.number().int('read_replicas must be a whole number').min(0, 'read_replicas must be >= 0').optional().describe('replicas per node: reads spread over primary and replicas, readers see a replication lag, and a lost primary fails over to a replica (default 0)'),
	replica_lag_ms: nonNegative('replica_lag_ms').optional().describe('replication lag readers of a replica see (default 100 ms)'),
	failover_s: nonNegative('failover_s').optional().describe('seconds to promote a replica when a primary is lost (default 30)'),
	hashing: z.enum(['mod', 'ring']).optional().describe('how keys map to nodes: hash mod N, or a consistent-hashing ring with virtual nodes (default mod)'),
	virtual_nodes: count('virtual_nodes').optional().describe('points per node on the hash ring (default 100)'),
});

/** What the viewer sees: a dashboard that re-queries on a refresh interval. */
export const DashboardStageSchema = z.strictObject({
	...stageBase,
	kind: z.literal('dashboard'),
	component: z.enum(['grafana', 'quicksight', 'tableau', 'custom']).default('custom'),
	refresh_s: positive('refresh_s'),
	query_ms: nonNegative('query_ms').default(0),
});

/** One stage of an architecture. */
export const StageSchema = z.discriminatedUnion('kind', [
	QueueStageSchema,
	StreamStageSchema,
	FirehoseStageSchema,
	ComputeStageSchema,
	ApiStageSchema,
	CollectorStageSchema,
	StoreStageSchema,
	DashboardStageSchema,
]);

/** A fault or change applied during a run: the what-ifs an interviewer throws in. */
export const InjectionSchema = z.strictObject({
	at_s: nonNegative('at_s').describe('simulated seconds after the start'),
	kind: z.enum(['lose_node', 'load_multiplier', 'hot_key', 'bot']),
	stage: Id.optional(),
	factor: positive('factor').optional().describe('load_multiplier: the new multiple of the load; bot: one client sends this multiple of the normal load on top of it'),
	key: z.string().optional().describe('hot_key: the key value that turns hot'),
	share: z.number().gt(0, 'share must be in (0, 1]').max(1, 'share must be in (0, 1]').optional().describe('hot_key: the fraction of events that carry the hot key from then on'),
	count: count('count').optional().describe('lose_node: how many shards, nodes or workers are lost (default 1)'),
});

/** What "meets the design" means for a run. */
export const SloSchema = z.strictObject({
	latency_p99_ms: positive('latency_p99_ms').optional(),
	freshness_s: positive('freshness_s').optional(),
	path: Id.optional().describe('with fan-out: the last stage of the path the SLO is judged on (default: the path from the first stage)'),
	ready_by: ClockTimeSchema.optional().describe('time of day (UTC) by which every scheduled batch run (a step with start_at and the steps chained after it) must have finished, e.g. "06:00"; judged only where the architecture has such runs'),
});

/** A model file for `dojo sim --model`: a source, stages, and optionally an SLO and injections. */
export const ModelSchema = z.strictObject({
	$schema: z.string().optional(),
	source: SourceSchema,
	stages: z.array(StageSchema).min(1, 'a model needs at least one stage'),
	slo: SloSchema.optional(),
	injections: z.array(InjectionSchema).default([]),
});

/** A candidate architecture inside a scenario; its source is the scenario's workload. */
export const ArchitectureSchema = z.strictObject({
	id: Id,
	title: z.string().min(1),
	summary: z.string().min(1).describe('one line: the shape of the pipeline'),
	tradeoffs: z.string().optional().describe('when this is the right choice and when it is not'),
	stages: z.array(StageSchema).min(1, 'an architecture needs at least one stage'),
	feeds: z.array(FeedSchema).optional().describe("the sources this design receives in deliveries (hourly API pulls, daily files): the run's source.feeds"),
	quotas: z.array(QuotaSchema).optional().describe("the API quotas this design's pulls run under, with its backfills: the run's source.quotas"),
	injections: z.array(InjectionSchema).default([]),
});

export type Distribution = z.infer<typeof DistributionSchema>;
export type KeyDistribution = z.infer<typeof KeyDistributionSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Burst = z.infer<typeof BurstSchema>;
export type Feed = z.infer<typeof FeedSchema>;
export type Quota = z.infer<typeof QuotaSchema>;
export type Stage = z.infer<typeof StageSchema>;
export type Injection = z.infer<typeof InjectionSchema>;
export type Slo = z.infer<typeof SloSchema>;
export type Model = z.infer<typeof ModelSchema>;
export type Architecture = z.infer<typeof ArchitectureSchema>;
