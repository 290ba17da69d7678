/** Capacity on paper, from the documented limits: the numbers a data engineer would work out by hand. */
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../../src/sim/analysis/capacity.js';
import {loginModel, parseModel} from '../helpers/pipeline-models.js';

const stage = (model: Parameters<typeof analyseCapacity>[0], id: string) => analyseCapacity(model).stages.find((candidate) => candidate.id === id)!;

describe('stream capacity', () => {
	test('10 shards of 200-byte records: 10 × 1,000 records/s', () => {
		expect(stage(loginModel('kds-lambda-redis'), 'ingest').maxLoadPerS).toBeCloseTo(10_000, 6);
	});

	test('4 KB records hit 1 MiB/s first: 256 records/s per shard', () => {
		const model = parseModel({source: {rate_per_s: 100, event_bytes: 4096}, stages: [{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 10}]});
		const ingest = stage(model, 'ingest');
		expect(ingest.maxLoadPerS).toBeCloseTo(2560, 6);
		expect(ingest.stream?.boundBy).toBe('bytes');
	});

	test('a country key caps 20 shards at 1,000 / 43% (US plus whatever shares its shard)', () => {
		const ingest = stage(loginModel('kds-lambda-redis', {ingest: {shards: 20, partition_key: 'country'}}), 'ingest');
		expect(ingest.stream!.hottestShare).toBeGreaterThanOrEqual(0.4);
		expect(ingest.maxLoadPerS).toBeCloseTo(1000 / ingest.stream!.hottestShare, 6);
		expect(ingest.limit).toMatch(/hottest shard gets 4\d(\.\d+)?% of records \(key country[;)]/);
		// The hottest shard's 43% is "US" (40%) plus what shares its shard: both figures, so they do not read as a contradiction.
		expect(ingest.limit).toMatch(/"US" alone is 40%/);
	});

	test('an on-demand stream is limited only by its hottest single key', () => {
		const byCountry = stage(loginModel('kds-lambda-redis', {ingest: {mode: 'on_demand', shards: undefined, partition_key: 'country'}}), 'ingest');
		expect(byCountry.maxLoadPerS).toBeCloseTo(2500, 6);
	});
});

describe('compute, stores and the pipeline', () => {
	test('Lambda on 10 shards, 500-record batches at 20 ms + 0.02 ms/record: 16,667 records/s per shard', () => {
		const count = stage(loginModel('kds-lambda-redis'), 'count');
		expect(count.compute!.perShardRecords).toBeCloseTo(500 / 0.03, 3);
		expect(count.maxLoadPerS).toBeCloseTo((500 / 0.03) * 10, 3);
	});

	test("an aggregation's output ratio shrinks what later stages see: Redis carries 100,000 / 0.002 events/s", () => {
		expect(stage(loginModel('kds-lambda-redis'), 'counters').maxLoadPerS).toBeCloseTo(100_000 / 0.002, 0);
	});

	test('DynamoDB items of 1.5 KB take 2 WCU: 500 writes/s per partition', () => {
		const model = parseModel({source: {rate_per_s: 100, event_bytes: 1536}, stages: [{id: 'table', kind: 'store', component: 'dynamodb', nodes: 4}]});
		expect(stage(model, 'table').maxLoadPerS).toBeCloseTo(2000, 6);
	});

	test('12 workers reading 4 partitions count as 4: a consumer group gives each partition one consumer', () => {
		const model = parseModel({
			source: {rate_per_s: 100},
			stages: [
				{id: 'topic', kind: 'stream', component: 'kafka', shards: 4},
				{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 12, per_record_ms: 1},
			],
		});
		expect(stage(model, 'work').maxLoadPerS).toBeCloseTo(4000, 6);
	});

	test('the pipeline sustains the smallest stage capacity, and names that stage', () => {
		const report = analyseCapacity(loginModel('kds-lambda-redis', {ingest: {shards: 100}, count: {concurrency: 20, per_record_ms: 0.5}}));
		expect(report.limitedBy).toBe('count');
		expect(report.maxLoadPerS).toBeCloseTo(20 * (500 / 0.27), 3);
	});
});

/** Capacity report of a model written the way a model file is. */
const capacityOf = (raw: unknown) => analyseCapacity(parseModel(raw));
const only = (raw: unknown) => capacityOf(raw).stages[0]!;

describe('Firehose Direct PUT quota', () => {
	test('5 MiB/s of 200-byte records: 5 × 1,048,576 / 200 = 26,214 records/s, bound by bytes', () => {
		const firehose = only({source: {rate_per_s: 100}, stages: [{id: 'f', kind: 'firehose'}]});
		expect(firehose.maxLoadPerS).toBeCloseTo(26_214.4, 6);
		expect(firehose.limit).toBe('Direct PUT quota 5 MiB/s = 26,214 records/s of 200 B');
	});

	test('exactly at both quotas (10-byte records at 5,000,000 B/s): the records quota is named', () => {
		expect(only({source: {rate_per_s: 100, event_bytes: 10}, stages: [{id: 'f', kind: 'firehose', throughput_mib_s: 5e6 / 2 ** 20}]}).limit).toBe('Direct PUT quota 500,000 records/s');
		expect(only({source: {rate_per_s: 100, event_bytes: 10}, stages: [{id: 'f', kind: 'firehose', throughput_mib_s: 4.7}]}).limit).toBe('Direct PUT quota 4.7 MiB/s = 492,831 records/s of 10 B');
	});

	test('each stage names its component: the catalogue one, or its kind for Firehose and queues', () => {
		const report = capacityOf({source: {rate_per_s: 1}, stages: [{id: 'k', kind: 'stream', component: 'kafka', shards: 1}, {id: 'f', kind: 'firehose'}, {id: 'q', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 1}}]});
		expect(report.stages.map((stage) => [stage.kind, stage.component])).toEqual([['stream', 'kafka'], ['firehose', 'firehose'], ['queue', 'queue']]);
	});

	test('1-byte records at a raised 10 MiB/s quota hit the 500,000 records/s quota first', () => {
		const firehose = only({source: {rate_per_s: 100, event_bytes: 1}, stages: [{id: 'f', kind: 'firehose', throughput_mib_s: 10}]});
		expect(firehose.maxLoadPerS).toBe(500_000);
		expect(firehose.limit).toBe('Direct PUT quota 500,000 records/s');
	});

	test('a raised quota scales the byte bound: 10 MiB/s of 1,000-byte records is 10,486 records/s', () => {
		expect(only({source: {rate_per_s: 100, event_bytes: 1000}, stages: [{id: 'f', kind: 'firehose', throughput_mib_s: 10}]}).maxLoadPerS).toBeCloseTo(10_485.76, 6);
	});
});

describe('queueing stations and APIs', () => {
	test('3 servers at 50 ms each serve 3 × 20 = 60 customers/s', () => {
		const queue = only({source: {rate_per_s: 10}, stages: [{id: 'q', kind: 'queue', servers: 3, service: {dist: 'exp', mean_ms: 50}}]});
		expect(queue.maxLoadPerS).toBeCloseTo(60, 9);
		expect(queue.limit).toBe('3 servers × 20 customers/s');
	});

	test('an empirical service time uses its mean: values 10 and 30 ms are 20 ms, so 2 servers serve 100/s', () => {
		const queue = only({source: {rate_per_s: 10}, stages: [{id: 'q', kind: 'queue', servers: 2, service: {dist: 'empirical', values_ms: [10, 30]}}]});
		expect(queue.maxLoadPerS).toBeCloseTo(100, 9);
		expect(queue.limit).toBe('2 servers × 50 customers/s');
	});

	test('API Gateway defaults to its 10,000 requests/s account throttle, burst 5,000; a rate limiter takes its own', () => {
		const report = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'a', kind: 'api', component: 'api_gateway'}, {id: 'r', kind: 'api', component: 'rate_limiter', rate_per_s: 50, burst: 7}]});
		expect(report.stages[0]!.maxLoadPerS).toBe(10_000);
		expect(report.stages[0]!.limit).toBe('throttle 10,000 requests/s, burst 5,000');
		expect(report.stages[1]!.limit).toBe('throttle 50 requests/s, burst 7');
		expect(report.maxLoadPerS).toBe(50);
		expect(report.limitedBy).toBe('r');
	});
});

describe('stores, caches and warehouses', () => {
	// Built inside each test (not when the file loads), so a mutant switched on per test is in effect.
	const stores = () => capacityOf({
		source: {rate_per_s: 10},
		stages: [
			{id: 'redis', kind: 'cache', component: 'redis', nodes: 3},
			{id: 'ddb', kind: 'store', component: 'dynamodb'},
			{id: 'pg', kind: 'store', component: 'postgres', write_capacity_per_s: 700, nodes: 2},
			{id: 'os', kind: 'store', component: 'opensearch', nodes: 2},
			{id: 'sf', kind: 'warehouse', component: 'snowflake'},
			{id: 'rs', kind: 'warehouse', component: 'redshift'},
			{id: 'dash', kind: 'dashboard', refresh_s: 5},
		],
	});
	const byId = (id: string) => stores().stages.find((candidate) => candidate.id === id)!;

	test('3 Redis nodes at 100,000 operations/s each take 300,000 writes/s', () => {
		expect(byId('redis').maxLoadPerS).toBe(300_000);
		expect(byId('redis').limit).toBe('300,000 write requests/s (3 nodes × 100,000/s)');
	});

	test('a DynamoDB table without a node count gets its default 40,000 WCU quota: 40 partitions of 1,000', () => {
		expect(byId('ddb').maxLoadPerS).toBe(40_000);
		expect(byId('ddb').limit).toBe('40,000 write requests/s (40 partitions × 1,000/s)');
	});

	test('write_capacity_per_s overrides the per-node figure, whatever the node count', () => {
		expect(byId('pg').maxLoadPerS).toBe(700);
		expect(byId('pg').limit).toBe('700 write requests/s (write_capacity_per_s)');
	});

	test('OpenSearch indexes bytes: 2 data nodes × 10 MB/s of 200-byte records is 100,000 records/s', () => {
		expect(byId('os').maxLoadPerS).toBeCloseTo(100_000, 6);
		expect(byId('os').limit).toBe('20 MB/s (2 data nodes × 10 MB/s) = 100,000 records/s of 200 B');
	});

	test('Redshift streaming ingestion is a byte rate (100 MB/s), not write requests', () => {
		expect(byId('rs').maxLoadPerS).toBeCloseTo(500_000, 6);
		expect(byId('rs').limit).toBe('100 MB/s (1 cluster × 100 MB/s) = 500,000 records/s of 200 B');
	});

	test('Snowflake and a dashboard do not limit the pipeline; the smallest finite store does', () => {
		expect(byId('sf').maxLoadPerS).toBeNull();
		expect(byId('sf').limit).toBe('snowflake scales on its own (no write limit in the catalogue)');
		expect(byId('dash').maxLoadPerS).toBeNull();
		expect(byId('dash').limit).toBe('reads the store on each refresh; not in the write path');
		expect(stores().limitedBy).toBe('pg');
		expect(stores().maxLoadPerS).toBe(700);
	});

	test('Snowpipe Streaming takes 10 GB/s per table: 50 million 200-byte records/s, in KB for small quotas', () => {
		const small = only({source: {rate_per_s: 10, event_bytes: 200}, stages: [{id: 'sps', kind: 'warehouse', component: 'snowpipe_streaming'}]});
		expect(small.maxLoadPerS).toBeCloseTo(5e7, 0);
		expect(small.limit).toBe('10 GB/s (1 table × 10 GB/s) = 50,000,000 records/s of 200 B');
	});

	test('behind Firehose, one S3 PUT carries a whole buffer: 64 MiB / 200 B = 335,544 records', () => {
		const report = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'f', kind: 'firehose', buffer_size_mib: 64}, {id: 's3', kind: 'store', component: 's3', nodes: 2}]});
		expect(report.stages[1]!.limit).toBe('7,000 write requests/s (2 prefixes × 3,500/s) × 335,544 records per request');
		expect(report.stages[1]!.maxLoadPerS).toBeCloseTo(7000 * 335_544.32, 0);
		expect(report.limitedBy).toBe('f');
	});

	test('a batch job writes 128 MiB files: after Spark, one S3 PUT carries 671,089 records of 200 B', () => {
		const report = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'sp', kind: 'compute', component: 'spark_structured_streaming', concurrency: 4, per_record_ms: 0.5}, {id: 's3', kind: 'store', component: 's3'}]});
		expect(report.stages[1]!.limit).toBe('3,500 write requests/s (1 prefix × 3,500/s) × 671,089 records per request');
		const scheduled = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'w', kind: 'compute', component: 'worker_pool', trigger_s: 60, concurrency: 2, per_record_ms: 2}, {id: 'pg', kind: 'store', component: 'postgres'}]});
		expect(scheduled.stages[1]!.limit).toMatch(/× 671,089 records per request$/);
		// must fail: a worker pool that streams record by record writes one row per request.
		const streaming = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 2}, {id: 'pg', kind: 'store', component: 'postgres', batch_size: 10}]});
		expect(streaming.stages[1]!.limit).toBe('5,000 write requests/s (1 primary × 5,000/s) × 10 records per request');
		expect(streaming.stages[1]!.maxLoadPerS).toBe(50_000);
	});
});

describe('compute capacity', () => {
	test('Spark: 4 cores at 0.5 ms per record carry 8,000 records/s; each micro-batch takes at least 100 ms', () => {
		const spark = only({source: {rate_per_s: 10}, stages: [{id: 'sp', kind: 'compute', component: 'spark_structured_streaming', concurrency: 4, per_record_ms: 0.5}]});
		expect(spark.maxLoadPerS).toBeCloseTo(8000, 6);
		expect(spark.limit).toBe('4 cores × 2,000 records/s; each micro-batch takes at least 100 ms');
		expect(spark.compute).toEqual({units: 4, perUnitRecords: 2000, unitName: 'cores'});
	});

	test('Glue with no per-record cost has no capacity on paper (one core by default)', () => {
		const glue = only({source: {rate_per_s: 10}, stages: [{id: 'g', kind: 'compute', component: 'glue'}]});
		expect(glue.maxLoadPerS).toBeNull();
		expect(glue.limit).toBe('no per-record cost set');
		expect(glue.compute?.units).toBe(1);
	});

	test('a worker pool: batches of 50 at 100 ms + 2 ms/record take 200 ms, so 2 workers × 250 = 500 records/s', () => {
		const pool = only({source: {rate_per_s: 10}, stages: [{id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 2, overhead_ms: 100, batch_size: 50}]});
		expect(pool.maxLoadPerS).toBeCloseTo(500, 9);
		expect(pool.limit).toBe('2 workers × 250 records/s');
	});

	test('a Lambda behind a load balancer runs one event per invocation: 10 × 1 / (10 ms + 5 ms) = 667 events/s', () => {
		const report = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'a', kind: 'api', component: 'alb'}, {id: 'l', kind: 'compute', component: 'lambda', concurrency: 10, per_record_ms: 5}]});
		expect(report.stages[0]!.limit).toBe('throttle 1,000,000 requests/s, burst 500,000');
		expect(report.stages[1]!.maxLoadPerS).toBeCloseTo(10 / 0.015, 6);
		expect(report.stages[1]!.limit).toBe('10 concurrent executions × 66.7 records/s');
	});

	test('Flink with no cost is workload-dependent; with 5 ms per 10-record batch, 3 slots × 2,000 = 6,000/s', () => {
		const free = only({source: {rate_per_s: 10}, stages: [{id: 'f', kind: 'compute', component: 'flink', concurrency: 3}]});
		expect(free.maxLoadPerS).toBeNull();
		expect(free.limit).toBe('no per-record or per-batch cost set (workload-dependent)');
		const batched = only({source: {rate_per_s: 10}, stages: [{id: 'f', kind: 'compute', component: 'flink', concurrency: 3, batch_size: 10, overhead_ms: 5}]});
		expect(batched.maxLoadPerS).toBeCloseTo(6000, 6);
		expect(batched.limit).toBe('3 task slots × 2,000 records/s');
	});

	test('autoscale counts its max; an aggregation halving the records doubles what the next stream carries in events', () => {
		const report = capacityOf({
			source: {rate_per_s: 10},
			stages: [
				{id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 1, autoscale: {target_utilization: 0.7, max: 6}, output_ratio: 0.5, output_bytes: 50},
				{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 2},
			],
		});
		expect(report.stages[0]!.maxLoadPerS).toBeCloseTo(6000, 6);
		expect(report.stages[0]!.limit).toBe('6 workers (autoscale max) × 1,000 records/s');
		expect(report.stages[1]!.recordsPerEvent).toBe(0.5);
		expect(report.stages[1]!.recordBytes).toBe(50);
		expect(report.stages[1]!.maxLoadPerS).toBeCloseTo(4000, 6);
		expect(report.limitedBy).toBe('k');
	});

	test('Lambda on a stream: parallelization_factor is capped at 10 and batches at the 6 MiB payload (31,457 of 200 B)', () => {
		const report = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 4}, {id: 'l', kind: 'compute', component: 'lambda', parallelization_factor: 20, per_record_ms: 1, batch_size: 100_000}]});
		const fn = report.stages[1]!;
		// 31,457 records in 10 ms + 31,457 ms: 999.7 records/s per batch, 10 at a time on each of 4 shards.
		expect(fn.compute!.units).toBe(40);
		expect(fn.maxLoadPerS).toBeCloseTo(40 * (31_457 / 31.467), 3);
		expect(fn.limit).toBe('10 batch(es) at a time per shard × 1,000 records/s per batch (31,457 records in 31,467 ms)');
	});

	test('Lambda on a stream under a concurrency limit: 3 executions × 100 / 110 ms = 2,727 records/s', () => {
		const fn = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 4}, {id: 'l', kind: 'compute', component: 'lambda', parallelization_factor: 2, concurrency: 3, per_record_ms: 1}]}).stages[1]!;
		expect(fn.maxLoadPerS).toBeCloseTo(300 / 0.11, 6);
		expect(fn.limit).toBe('3 concurrent executions (limit 3) × 909 records/s each');
		expect(fn.compute!.perShardRecords).toBeCloseTo(2 * 100 / 0.11, 6);
	});

	test('a free Lambda (no overhead, no per-record cost) on a stream does not limit it', () => {
		const report = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 4}, {id: 'l', kind: 'compute', component: 'lambda', overhead_ms: 0}]});
		expect(report.stages[1]!.maxLoadPerS).toBeNull();
		expect(report.limitedBy).toBe('k');
	});
});

describe('stream reads and modes', () => {
	test('three polling consumers share 2 MiB/s per shard: 1,000-byte records read at 699/s per shard each', () => {
		const stream = only({source: {rate_per_s: 10, event_bytes: 1000}, stages: [{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 2, consumers: 3}]});
		expect(stream.stream!.readPerShardRecords).toBeCloseTo(2 * 1_048_576 / 1000 / 3, 6);
		expect(stream.maxLoadPerS).toBeCloseTo(2 * 2 * 1_048_576 / 1000 / 3, 6);
		expect(stream.limit).toBe('reads: 3 consumers share 2 MiB/s per shard');
	});

	test('with enhanced fan-out each consumer has its own 2 MiB/s, so writes (1,000/s per shard) bind', () => {
		const stream = only({source: {rate_per_s: 10, event_bytes: 1000}, stages: [{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 2, consumer: 'efo', consumers: 3}]});
		expect(stream.stream!.readPerShardRecords).toBeCloseTo(2 * 1_048_576 / 1000, 6);
		expect(stream.maxLoadPerS).toBe(2000);
		expect(stream.limit).toBe('2 shards × 1,000 records/s per shard');
	});

	test('small records: 5 GetRecords/s × 10,000 records caps a shard\'s reads at 50,000 records/s', () => {
		expect(only({source: {rate_per_s: 10, event_bytes: 10}, stages: [{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 2}]}).stream!.readPerShardRecords).toBe(50_000);
	});

	test('an on-demand stream with random keys scales to 10 GiB/s, from 4 shards', () => {
		const stream = only({source: {rate_per_s: 10}, stages: [{id: 'k', kind: 'stream', component: 'kinesis_data_streams', mode: 'on_demand'}]});
		expect(stream.stream!.shards).toBe(4);
		expect(stream.maxLoadPerS).toBeCloseTo(10 * 2 ** 30 / 200, 3);
		expect(stream.limit).toBe('on-demand scales to 10 GiB/s (after its scale-up lag)');
	});

	test('Kafka has no on-demand mode: without partitions it is taken at 4, as the engine runs it, each ~10 MB/s: 4 × 50,000 records of 200 B', () => {
		const topic = only({source: {rate_per_s: 10}, stages: [{id: 'k', kind: 'stream', component: 'kafka', mode: 'on_demand'}]});
		expect(topic.maxLoadPerS).toBeCloseTo(200_000, 6);
		expect(topic.limit).toBe('4 partitions × ~10 MB/s per partition');
		expect(topic.stream!.readPerShardRecords).toBe(Number.POSITIVE_INFINITY);
	});
});

describe('lost shards, nodes and workers', () => {
	const report = () => capacityOf({
		source: {rate_per_s: 10},
		stages: [
			{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 4},
			{id: 'r', kind: 'cache', component: 'redis', nodes: 3, write_capacity_per_s: 900},
			{id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1},
		],
		injections: [
			{at_s: 30, kind: 'lose_node', stage: 'k', count: 2},
			{at_s: 10, kind: 'lose_node', stage: 'k'},
			{at_s: 5, kind: 'lose_node', stage: 'r'},
			{at_s: 7, kind: 'lose_node', stage: 'w', count: 4},
		],
	});

	test('3 of 4 shards lost (2 + 1, first at 10 s) leave 1,000 records/s', () => {
		expect(report().stages[0]!.maxLoadPerS).toBe(1000);
		expect(report().stages[0]!.limit).toBe('1 shards × 1,000 records/s per shard (3 of 4 lost at 10 s)');
	});

	test('1 of 3 nodes lost takes a third of write_capacity_per_s: 600 of 900', () => {
		expect(report().stages[1]!.maxLoadPerS).toBe(600);
		expect(report().stages[1]!.limit).toBe('600 write requests/s (write_capacity_per_s) (1 of 3 nodes lost at 5 s)');
	});

	test('every worker lost leaves nothing, and that stage limits the pipeline to 0', () => {
		expect(report().stages[2]!.maxLoadPerS).toBe(0);
		expect(report().stages[2]!.limit).toBe('nothing left: 4 of 4 lost at 7 s');
		expect(report().maxLoadPerS).toBe(0);
		expect(report().limitedBy).toBe('w');
	});

	test('partial losses leave the rest: 3 of 4 shards, 2 of 3 Redis nodes, 3 of 4 workers, 1 of 2 Redshift clusters', () => {
		const partial = capacityOf({
			source: {rate_per_s: 10},
			stages: [
				{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 4},
				{id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1},
				{id: 'r', kind: 'cache', component: 'redis', nodes: 3},
				{id: 'rs', kind: 'warehouse', component: 'redshift', nodes: 2},
			],
			injections: ['k', 'w', 'r', 'rs'].map((stage) => ({at_s: 20, kind: 'lose_node', stage})),
		});
		expect(partial.stages.map((stage) => stage.maxLoadPerS)).toEqual([3000, 3000, 200_000, 500_000]);
		expect(partial.stages.map((stage) => stage.limit)).toEqual([
			'3 shards × 1,000 records/s per shard (1 of 4 lost at 20 s)',
			'3 workers × 1,000 records/s (1 of 4 lost at 20 s)',
			'200,000 write requests/s (2 nodes × 100,000/s) (1 of 3 nodes lost at 20 s)',
			'100 MB/s (1 cluster × 100 MB/s) = 500,000 records/s of 200 B (1 of 2 nodes lost at 20 s)',
		]);
	});

	test('a hot-key injection aimed at a stream is not a lost shard', () => {
		const report = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'k', kind: 'stream', component: 'kinesis_data_streams', shards: 4}], injections: [{at_s: 5, kind: 'hot_key', stage: 'k', key: 'x', share: 0.3}]});
		expect(report.stages[0]!.limit).toBe('4 shards × 1,000 records/s per shard');
	});

	test('a lose_node on a Lambda with no concurrency set changes nothing on paper', () => {
		const report = capacityOf({source: {rate_per_s: 10}, stages: [{id: 'a', kind: 'api', component: 'alb'}, {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 5}], injections: [{at_s: 5, kind: 'lose_node', stage: 'l'}]});
		expect(report.stages[1]!.limit).toBe('1,000 concurrent executions × 66.7 records/s');
	});

	test('a store losing its only node, and a lose_node on a stage without units, change nothing else', () => {
		const single = capacityOf({
			source: {rate_per_s: 10},
			stages: [{id: 'f', kind: 'firehose'}, {id: 'r', kind: 'cache', component: 'redis'}],
			injections: [{at_s: 60, kind: 'lose_node', stage: 'r'}, {at_s: 60, kind: 'lose_node', stage: 'f'}],
		});
		expect(single.stages[0]!.limit).toBe('Direct PUT quota 5 MiB/s = 26,214 records/s of 200 B');
		expect(single.stages[1]!.maxLoadPerS).toBe(0);
		expect(single.stages[1]!.limit).toBe('nothing left: 1 of 1 node lost at 60 s');
	});
});

describe('edges a sizing by hand gets right', () => {
	const country = {country: {kind: 'categorical', shares: {US: 0.4, DE: 0.2, FR: 0.2, GB: 0.2}}};
	const stream = (extra: Record<string, unknown>) => ({id: 'k', kind: 'stream', component: 'kinesis_data_streams', ...extra});

	test('two stages of equal capacity (2 shards and 2 workers, both 2,000/s): the first one limits', () => {
		const report = capacityOf({source: {rate_per_s: 1}, stages: [stream({shards: 2}), {id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 1}]});
		expect(report.stages.map((stage) => stage.maxLoadPerS)).toEqual([2000, 2000]);
		expect(report.limitedBy).toBe('k');
	});

	test('a filter that passes nothing leaves the store after it unlimited (it receives nothing)', () => {
		const report = capacityOf({source: {rate_per_s: 1}, stages: [{id: 'w', kind: 'compute', component: 'worker_pool', transform: 'filter', output_ratio: 0, per_record_ms: 1}, {id: 'db', kind: 'store', component: 'postgres'}]});
		expect(report.stages[1]!.recordsPerEvent).toBe(0);
		expect(report.stages[1]!.maxLoadPerS).toBeNull();
		expect(report.limitedBy).toBe('w');
	});

	test('DynamoDB with 3 partitions given: 3 × 1,000, not the 40,000 table default', () => {
		expect(only({source: {rate_per_s: 1}, stages: [{id: 'db', kind: 'store', component: 'dynamodb', nodes: 3}]}).limit).toBe('3,000 write requests/s (3 partitions × 1,000/s)');
	});

	test('after a Glue job, S3 gets 128 MiB files; Glue at 1 ms per record on 1 core carries 1,000/s', () => {
		const report = capacityOf({source: {rate_per_s: 1}, stages: [{id: 'g', kind: 'compute', component: 'glue', per_record_ms: 1}, {id: 's3', kind: 'store', component: 's3'}]});
		expect(report.stages[0]!.limit).toBe('1 core × 1,000 records/s');
		expect(report.stages[1]!.limit).toBe('3,500 write requests/s (1 prefix × 3,500/s) × 671,089 records per request');
	});

	test('OpenSearch with write_capacity_per_s counts requests; 100 data nodes index 1 GB/s', () => {
		expect(only({source: {rate_per_s: 1}, stages: [{id: 'os', kind: 'store', component: 'opensearch', write_capacity_per_s: 500}]}).limit).toBe('500 write requests/s (write_capacity_per_s)');
		const big = only({source: {rate_per_s: 1}, stages: [{id: 'os', kind: 'store', component: 'opensearch', nodes: 100}]});
		expect(big.limit).toBe('1 GB/s (100 data nodes × 10 MB/s) = 5,000,000 records/s of 200 B');
		expect(big.maxLoadPerS).toBeCloseTo(5e6, 3);
	});

	test('records of exactly 1,048.576 B fill 1 MiB/s at exactly 1,000/s: still bound by records; 1,049 B by bytes', () => {
		expect(only({source: {rate_per_s: 1, event_bytes: 1048.576}, stages: [stream({shards: 2})]}).limit).toBe('2 shards × 1,000 records/s per shard');
		const bytes = only({source: {rate_per_s: 1, event_bytes: 1049}, stages: [stream({shards: 2})]});
		expect(bytes.limit).toBe('2 shards × 1 MiB/s per shard (1,000 records/s of 1,049 B)');
		expect(bytes.maxLoadPerS).toBeCloseTo(2 * 1_048_576 / 1049, 6);
	});

	test('on demand keyed by country: "US" (40%) on one shard caps it at 1,000 / 0.4 = 2,500', () => {
		expect(only({source: {rate_per_s: 1, keys: country}, stages: [stream({mode: 'on_demand', partition_key: 'country'})]}).limit).toBe('one key value ("US", 40% of records) lands on one shard: 1,000 records/s');
	});

	test('Kafka keyed by country: the hottest partition gets 40%, so 20 × 50,000 carries 50,000 / 0.4 = 125,000', () => {
		const topic = only({source: {rate_per_s: 1, keys: country}, stages: [{id: 'k', kind: 'stream', component: 'kafka', shards: 20, partition_key: 'country'}]});
		expect(topic.maxLoadPerS).toBeCloseTo(125_000, 3);
		expect(topic.limit).toBe('hottest partition gets 40% of records (key country); ~10 MB/s per partition');
	});

	test('a key with one value puts everything on one shard; it is the top key, so no "alone" figure', () => {
		const keyed = only({source: {rate_per_s: 1, keys: {k: {kind: 'categorical', shares: {a: 1}}}}, stages: [stream({shards: 2, partition_key: 'k'})]});
		expect(keyed.maxLoadPerS).toBe(1000);
		expect(keyed.limit).toBe('hottest shard gets 100% of records (key k); 1,000 records/s per shard');
	});

	test('a Lambda reads 4 shards of an on-demand stream (its starting size); a stream without shards is taken at 4 on paper as in the run (the rules refuse it when provisioned)', () => {
		const onDemand = capacityOf({source: {rate_per_s: 1}, stages: [stream({mode: 'on_demand'}), {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 1}]});
		expect(onDemand.stages[1]!.compute!.units).toBe(4);
		expect(onDemand.stages[1]!.maxLoadPerS).toBeCloseTo(4 * 100 / 0.11, 6);
		const bare = capacityOf({source: {rate_per_s: 1}, stages: [stream({}), {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 1}]});
		expect(bare.stages[0]!.limit).toBe('4 shards × 1,000 records/s per shard');
	});

	test('a Lambda behind a country-keyed stream is capped by the hottest shard: 909 / 0.4 = 2,273 records/s', () => {
		const fn = capacityOf({source: {rate_per_s: 1, keys: country}, stages: [stream({shards: 20, partition_key: 'country'}), {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 1}]}).stages[1]!;
		expect(fn.maxLoadPerS).toBeCloseTo(100 / 0.11 / 0.4, 6);
		expect(fn.limit).toBe('1 batch(es) at a time per shard × 909 records/s per batch (100 records in 110 ms), hottest shard 40%');
		expect(fn.compute!.upstreamHottestShare).toBeCloseTo(0.4, 9);
	});

	test('behind a load balancer: Lambda gets the 1,000 account concurrency, a worker pool 1 worker', () => {
		const report = capacityOf({source: {rate_per_s: 1}, stages: [{id: 'a', kind: 'api', component: 'alb'}, {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 5}, {id: 'w', kind: 'compute', component: 'worker_pool', per_record_ms: 5}]});
		expect(report.stages[1]!.limit).toBe('1,000 concurrent executions × 66.7 records/s');
		expect(report.stages[2]!.limit).toBe('1 workers × 200 records/s');
	});

	test('a Lambda invoked with 1 MB events fits 6 in its 6 MiB payload: 6 / (10 ms + 6 × 5 ms) = 150/s', () => {
		const fn = capacityOf({source: {rate_per_s: 1, event_bytes: 1_000_000}, stages: [{id: 'a', kind: 'api', component: 'alb'}, {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 5, batch_size: 100, concurrency: 1}]}).stages[1]!;
		expect(fn.maxLoadPerS).toBeCloseTo(150, 6);
	});

	test('a pool with only a per-batch overhead and no batch size has no capacity on paper', () => {
		expect(only({source: {rate_per_s: 1}, stages: [{id: 'w', kind: 'compute', component: 'worker_pool', overhead_ms: 10, concurrency: 2}]}).maxLoadPerS).toBeNull();
	});

	test('reads exactly as fast as writes (2 consumers of 2,000-byte records, 524 records/s each way): the write limit is named', () => {
		expect(only({source: {rate_per_s: 1, event_bytes: 2000}, stages: [stream({shards: 2, consumers: 2})]}).limit).toBe('2 shards × 1 MiB/s per shard (524 records/s of 2,000 B)');
	});

	test('3 partitions cap a 12-worker pool at 3; Flink behind a topic keeps its 8 task slots', () => {
		const pool = capacityOf({source: {rate_per_s: 1}, stages: [{id: 't', kind: 'stream', component: 'kafka', shards: 3}, {id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 12, per_record_ms: 1}]});
		expect(pool.stages[1]!.maxLoadPerS).toBeCloseTo(3000, 6);
		const flink = capacityOf({source: {rate_per_s: 1}, stages: [{id: 't', kind: 'stream', component: 'kafka', shards: 3}, {id: 'f', kind: 'compute', component: 'flink', concurrency: 8, per_record_ms: 1}]});
		expect(flink.stages[1]!.limit).toBe('8 task slots × 1,000 records/s');
	});

	test('a free Lambda on a stream prints its unbounded rate as ∞', () => {
		const fn = capacityOf({source: {rate_per_s: 1}, stages: [stream({shards: 4}), {id: 'l', kind: 'compute', component: 'lambda', overhead_ms: 0}]}).stages[1]!;
		expect(fn.limit).toBe('1 batch(es) at a time per shard × ∞ records/s per batch (100 records in 0 ms)');
	});
});
