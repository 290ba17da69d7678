/**
The components a candidate can put in a pipeline, and the knobs each one has:
the palette of the design screen and of `dojo list <scenario>`.

A knob is a field of the stage schema (`src/scenarios/model-schema.ts`, which
validates it) that a data engineer would turn on the real service: shards and
partition key on a stream, batch size and parallelization on Lambda, buffer
size and interval on Firehose. This table adds what the schema does not say:
which fields matter for each component, their unit, and the value the
simulator uses when the field is left out.
*/
import type {Stage} from '../scenarios/model-schema.js';
import {collector, firehose, kinesis, lambda, replicas} from './catalogue.js';

/** A value a knob can hold. */
export type KnobValue = number | string | boolean;

/** One knob of one component, as the design screen shows it. */
export type KnobSpec = {
	/** The stage field it sets, e.g. `shards` (also the `--set STAGE.KNOB=VALUE` name). */
	readonly name: string;
	/** What it is, in a few words. */
	readonly label: string;
	/** Unit shown after the value ("shards", "records", "s", "MiB"); empty for choices. */
	readonly unit: string;
	/** The allowed values when the knob is a choice; `keys` means the source's key fields plus "random". */
	readonly choices?: readonly string[] | 'keys';
	/** Whole numbers only. */
	readonly integer?: boolean;
	/** The value the simulator uses when the stage leaves it out; undefined when it must be given or has no default. */
	readonly default?: KnobValue;
};

/** A component the candidate can add, with a starting stage that passes validation. */
export type PaletteEntry = {
	/** Stable id used by the design screen, e.g. `kinesis`. */
	readonly id: string;
	/** The service's name as people say it. */
	readonly title: string;
	/** What it is for, in one line. */
	readonly summary: string;
	/** A stage with sensible starting knobs (its `id` is replaced when added). */
	readonly template: Stage;
};

/** Every component the simulator models, in the order the design screen lists them. */
export const palette: readonly PaletteEntry[] = [
	{id: 'kinesis', title: 'Kinesis Data Streams', summary: 'shards of 1,000 records/s and 1 MiB/s; replay for 24 h+', template: {id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', mode: 'provisioned', shards: 4, partition_key: 'random', on_throttle: 'retry', consumer: 'shared', consumers: 1, retention_h: 24}},
	{id: 'kafka', title: 'Kafka (MSK)', summary: 'partitioned log; ~10 MB/s per partition; consumer groups', template: {id: 'ingest', kind: 'stream', component: 'kafka', mode: 'provisioned', shards: 12, partition_key: 'random', on_throttle: 'retry', consumer: 'shared', consumers: 1, retention_h: 168}},
	{id: 'firehose', title: 'Data Firehose', summary: 'buffers by size or interval, then writes files; no replay', template: {id: 'deliver', kind: 'firehose', buffer_size_mib: 5, buffer_interval_s: 60}},
	{id: 'lambda', title: 'Lambda', summary: 'functions per batch of records; scales out per shard', template: {id: 'process', kind: 'compute', component: 'lambda', batch_size: 100, transform: 'map', output_ratio: 1}},
	{id: 'spark', title: 'Spark Structured Streaming', summary: 'micro-batches on a trigger; cores × per-record cost', template: {id: 'process', kind: 'compute', component: 'spark_structured_streaming', concurrency: 16, trigger_s: 10, per_record_ms: 0.05, transform: 'map', output_ratio: 1}},
	{id: 'flink', title: 'Flink', summary: 'record-at-a-time streaming with windows and state', template: {id: 'process', kind: 'compute', component: 'flink', concurrency: 8, per_record_ms: 0.05, transform: 'map', output_ratio: 1}},
	{id: 'glue', title: 'Glue streaming ETL', summary: 'managed Spark micro-batches; slow to start', template: {id: 'process', kind: 'compute', component: 'glue', concurrency: 8, per_record_ms: 0.05, transform: 'map', output_ratio: 1}},
	{id: 'workers', title: 'Worker pool (containers, dbt)', summary: 'N workers with a per-record cost; autoscaling optional', template: {id: 'process', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1, transform: 'map', output_ratio: 1}},
	{id: 'api-gateway', title: 'API Gateway', summary: 'HTTPS front door; 10,000 requests/s account quota', template: {id: 'collect', kind: 'api', component: 'api_gateway', on_throttle: 'retry'}},
	{id: 'load-balancer', title: 'Load balancer (ALB)', summary: 'spreads requests over collectors', template: {id: 'collect', kind: 'api', component: 'alb', on_throttle: 'retry'}},
	{id: 'collector', title: 'Collector fleet (ALB + EC2 Auto Scaling)', summary: 'instances behind a load balancer; target tracking adds instances after a warm-up; optional rate limit per client', template: {id: 'collect', kind: 'collector', component: 'alb_ec2', min_instances: 4, max_instances: 16}},
	{id: 'rate-limiter', title: 'Rate limiter', summary: 'token bucket: rate and burst; excess gets 429', template: {id: 'limit', kind: 'api', component: 'rate_limiter', rate_per_s: 10_000, burst: 1000, on_throttle: 'retry'}},
	{id: 'redis', title: 'Redis (ElastiCache)', summary: 'in-memory counters; ~100k ops/s per node', template: {id: 'serve', kind: 'cache', component: 'redis', nodes: 1}},
	{id: 'dynamodb', title: 'DynamoDB', summary: 'key-value store; 1,000 WCU per partition', template: {id: 'serve', kind: 'store', component: 'dynamodb'}},
	{id: 's3', title: 'S3', summary: 'object storage; 3,500 PUT/s per prefix', template: {id: 'lake', kind: 'store', component: 's3'}},
	{id: 'postgres', title: 'PostgreSQL', summary: 'one primary; thousands of commits/s', template: {id: 'serve', kind: 'store', component: 'postgres', nodes: 1}},
	{id: 'opensearch', title: 'OpenSearch', summary: 'search and log analytics; refresh every second', template: {id: 'search', kind: 'store', component: 'opensearch', nodes: 3}},
	{id: 'redshift', title: 'Redshift', summary: 'warehouse; COPY in batches or streaming ingestion', template: {id: 'warehouse', kind: 'warehouse', component: 'redshift', load_interval_s: 300}},
	{id: 'snowflake', title: 'Snowflake', summary: 'warehouse loaded by COPY in batches', template: {id: 'warehouse', kind: 'warehouse', component: 'snowflake', load_interval_s: 300}},
	{id: 'snowpipe', title: 'Snowpipe', summary: 'file-based loading into Snowflake within minutes', template: {id: 'warehouse', kind: 'warehouse', component: 'snowpipe'}},
	{id: 'snowpipe-streaming', title: 'Snowpipe Streaming', summary: 'row ingestion into Snowflake in seconds', template: {id: 'warehouse', kind: 'warehouse', component: 'snowpipe_streaming'}},
	{id: 'athena', title: 'Athena', summary: 'SQL over files in S3; seconds per query', template: {id: 'query', kind: 'store', component: 'athena'}},
	{id: 'dashboard', title: 'Dashboard', summary: 'what the viewer sees; re-queries every refresh', template: {id: 'dashboard', kind: 'dashboard', component: 'grafana', refresh_s: 10, query_ms: 0}},
];

const throttle = {name: 'on_throttle', label: 'when throttled', unit: '', choices: ['retry', 'drop'], default: 'retry'} as const;
const transform = {name: 'transform', label: 'what it does to records', unit: '', choices: ['map', 'filter', 'dedup', 'aggregate'], default: 'map'} as const;
const outputRatio = {name: 'output_ratio', label: 'records out per record in', unit: '', default: 1} as const;
const perRecord = {name: 'per_record_ms', label: 'work per record', unit: 'ms', default: 0} as const;

/** The knobs that matter for a stage's component, with units and the defaults the simulator applies. */
export function knobsFor(stage: Stage): KnobSpec[] {
	switch (stage.kind) {
		case 'queue':
			return [
				{name: 'servers', label: 'servers', unit: 'servers', integer: true},
				{name: 'capacity', label: 'most in the station', unit: 'customers', integer: true},
			];
		case 'stream': {
			const isKinesis = stage.component === 'kinesis_data_streams';
			return [
				...(isKinesis ? [{name: 'mode', label: 'capacity mode', unit: '', choices: ['provisioned', 'on_demand'], default: 'provisioned'} as const] : []),
				{name: 'shards', label: isKinesis ? 'shards' : 'partitions', unit: isKinesis ? 'shards' : 'partitions', integer: true, ...(stage.mode === 'on_demand' ? {default: 4} : {})},
				{name: 'partition_key', label: 'partition key', unit: '', choices: 'keys', default: 'random'},
				...(isKinesis ? [{name: 'consumer', label: 'read mode', unit: '', choices: ['shared', 'efo'], default: 'shared'} as const] : []),
				// The KPL packs many small records into one Kinesis record, so bytes, not records, size the shards.
				...(isKinesis ? [{name: 'aggregation', label: 'KPL aggregation', unit: '', choices: ['false', 'true'], default: false} as const] : []),
				{name: 'consumers', label: 'consuming applications', unit: 'consumers', integer: true, default: 1},
				{name: 'retention_h', label: 'retention', unit: 'h', default: kinesis.retentionDefault.value},
				throttle,
			];
		}
		case 'firehose':
			return [
				{name: 'buffer_size_mib', label: 'buffer size', unit: 'MiB', default: firehose.bufferSizeDefaultMiB.value},
				{name: 'buffer_interval_s', label: 'buffer interval', unit: 's', default: firehose.bufferIntervalDefault.value},
				{name: 'throughput_mib_s', label: 'Direct PUT quota', unit: 'MiB/s', default: firehose.directPutBytes.value / 2 ** 20},
			];
		case 'compute':
			switch (stage.component) {
				case 'lambda':
					return [
						{name: 'batch_size', label: 'batch size', unit: 'records', integer: true, default: lambda.batchSizeDefault.value},
						{name: 'batching_window_s', label: 'batching window', unit: 's', default: lambda.batchingWindowDefault.value},
						{name: 'parallelization_factor', label: 'batches per shard at once', unit: '', integer: true, default: lambda.parallelizationFactorDefault.value},
						{name: 'concurrency', label: 'reserved concurrency', unit: 'functions', integer: true, default: lambda.accountConcurrency.value},
						{name: 'memory_mb', label: 'memory', unit: 'MB', integer: true, default: lambda.memoryDefaultMb.value},
						perRecord,
						transform,
						outputRatio,
					];
				case 'spark_structured_streaming':
				case 'glue':
					return [
						{name: 'concurrency', label: 'executor cores', unit: 'cores', integer: true, default: 1},
						{name: 'trigger_s', label: 'trigger interval', unit: 's', default: 0},
						{name: 'start_at', label: 'scheduled runs at (UTC, HH:MM)', unit: ''},
						perRecord,
						{name: 'window_s', label: 'tumbling window', unit: 's'},
						transform,
						outputRatio,
					];
				case 'flink':
					return [{name: 'concurrency', label: 'parallelism', unit: 'slots', integer: true, default: 1}, perRecord, {name: 'window_s', label: 'tumbling window', unit: 's'}, transform, outputRatio];
				case 'worker_pool':
					return [
						{name: 'concurrency', label: 'workers', unit: 'workers', integer: true, default: 1},
						perRecord,
						{name: 'batch_size', label: 'batch size', unit: 'records', integer: true, default: 1},
						transform,
						outputRatio,
						{name: 'warehouse_size', label: 'Snowflake warehouse it runs on (cost)', unit: '', choices: ['XS', 'S', 'M', 'L', 'XL', '2XL', '3XL', '4XL', '5XL', '6XL']},
						{name: 'after', label: 'runs when this earlier step has finished', unit: ''},
					];
			}
			break;
		case 'api':
			return [
				{name: 'rate_per_s', label: 'steady rate', unit: 'requests/s'},
				{name: 'burst', label: 'burst', unit: 'requests', integer: true},
				throttle,
			];
		case 'collector':
			return [
				{name: 'min_instances', label: 'instances at the start (the floor)', unit: 'instances', integer: true},
				{name: 'max_instances', label: 'most instances auto-scaling launches', unit: 'instances', integer: true, default: stage.min_instances},
				{name: 'instance_rate_per_s', label: 'requests one instance serves', unit: 'requests/s', default: collector.instanceRate.value},
				{name: 'target_utilization', label: 'target tracking aims at', unit: 'of capacity', default: collector.targetUtilization.value},
				{name: 'metric_period_s', label: 'metric period per scaling decision', unit: 's', default: collector.metricPeriod.value},
				{name: 'warmup_s', label: 'instance warm-up', unit: 's', default: collector.warmup.value},
				{name: 'max_wait_s', label: 'client gives up after', unit: 's', default: collector.maxWait.value},
				{name: 'client_rate_per_s', label: 'rate limit per client (none when unset)', unit: 'requests/s'},
				{name: 'client_burst', label: 'rate limiter burst per client', unit: 'requests', integer: true},
			];
		case 'store':
		case 'cache':
		case 'warehouse':
			return [
				{name: 'nodes', label: 'nodes or partitions', unit: 'nodes', integer: true, default: 1},
				{name: 'write_capacity_per_s', label: 'write capacity', unit: 'writes/s'},
				{name: 'batch_size', label: 'records per write', unit: 'records', integer: true, default: 1},
				{name: 'load_interval_s', label: 'load every', unit: 's'},
				// Replicas and key hashing belong to stores built of nodes (a Redis or Postgres server), not to managed services that partition themselves.
				...(stage.component === 'redis' || stage.component === 'memcached' || stage.component === 'postgres'
					? [
							{name: 'reads_per_s', label: 'reads from dashboards and APIs', unit: 'reads/s', default: 0},
							{name: 'read_replicas', label: 'read replicas per node', unit: 'replicas', integer: true, default: 0},
							{name: 'replica_lag_ms', label: 'replication lag', unit: 'ms', default: replicas.lag.value * 1000},
							{name: 'failover_s', label: 'failover to a replica', unit: 's', default: replicas.failover.value},
						]
					: []),
				...(stage.component === 'redis' || stage.component === 'memcached'
					? [
							{name: 'hashing', label: 'keys to nodes', unit: '', choices: ['mod', 'ring'], default: 'mod'},
							{name: 'virtual_nodes', label: 'virtual nodes per node on the ring', unit: 'vnodes', integer: true, default: replicas.virtualNodes.value},
						]
					: []),
			];
		case 'dashboard':
			return [
				{name: 'refresh_s', label: 'refresh every', unit: 's'},
				{name: 'query_ms', label: 'query time', unit: 'ms', default: 0},
			];
	}
	return [];
}

/** The palette entry a stage was made from: by component (a Redis may be a cache or a store), else by kind. */
export function paletteEntryFor(stage: Stage): PaletteEntry | undefined {
	const componentOf = (candidate: Stage) => ('component' in candidate ? candidate.component : undefined);
	const component = componentOf(stage);
	return palette.find((entry) => (component === undefined ? entry.template.kind === stage.kind : componentOf(entry.template) === component));
}
