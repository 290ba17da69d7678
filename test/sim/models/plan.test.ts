/**
The resolved plan: every default decided once, so the engine, capacity,
bottleneck and cost agree. Each "must fail" case is one where two of them
used to disagree (checked against the code before the plan).
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../../src/sim/analysis/capacity.js';
import {estimateCost} from '../../../src/sim/analysis/cost.js';
import {lambda} from '../../../src/sim/catalogue.js';
import {computeInputs, computeSettings, planPipeline, resolveChain, seconds} from '../../../src/sim/models/plan.js';
import {component, loginModel, parseModel, run} from '../helpers/pipeline-models.js';

const onDemand = (extra: Record<string, unknown> = {}) =>
	parseModel({
		source: {rate_per_s: 2000, event_bytes: 200},
		stages: [
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', mode: 'on_demand', ...extra},
			{id: 'count', kind: 'compute', component: 'lambda', per_record_ms: 0.01},
		],
		injections: [{kind: 'lose_node', stage: 'ingest', at_s: 60}],
	});

describe('the plan decides each default once', () => {
	test('Lambda: the account concurrency, 100-record batches on a stream, one event elsewhere, parallelization capped at 10 (catalogue)', () => {
		const onStream = computeSettings({component: 'lambda'}, true);
		expect(onStream).toMatchObject({mode: 'esm', units: lambda.accountConcurrency.value, batchSize: lambda.batchSizeDefault.value, parallelization: 1});
		expect(computeSettings({component: 'lambda'}, false)).toMatchObject({mode: 'pool', batchSize: 1});
		expect(computeSettings({component: 'lambda', parallelizationFactor: 40}, true).parallelization).toBe(lambda.parallelizationFactorMax.value);
	});

	test('a trigger makes a Lambda on a stream a scheduled batch, and a chained step has no clock of its own', () => {
		expect(computeSettings({component: 'lambda', triggerS: 60}, true)).toMatchObject({mode: 'micro-batch', triggerS: 60});
		expect(computeSettings({component: 'worker_pool', after: 'extract', triggerS: 600}, false)).toMatchObject({mode: 'micro-batch', triggerS: 0, triggerOffsetS: 0});
		expect(computeSettings({component: 'glue', startAtS: 7200}, false)).toMatchObject({triggerS: 86_400, triggerOffsetS: 7200});
	});

	test('record sizes and records per event follow the chain: an aggregate with output_ratio 0.002 and output_bytes 64', () => {
		const model = loginModel('kds-lambda-redis', {count: {output_bytes: 64}});
		const plan = planPipeline(model);
		expect(plan.chain.map((stage) => stage.spec.id)).toEqual(['ingest', 'count', 'counters', 'dashboard']);
		expect(plan.stage('counters')).toMatchObject({recordBytes: 64, recordsPerEvent: 0.002});
		expect(plan.stage('count')).toMatchObject({kind: 'compute', recordBytes: 200, recordsPerEvent: 1, settings: {mode: 'esm', batchSize: 500, units: lambda.accountConcurrency.value}});
	});
});

describe('engine, capacity and cost agree on an on-demand stream without shards (4, its starting capacity)', () => {
	test('a lost shard leaves 3 of 4 on paper, as in the run; must fail: capacity took 1 shard and said nothing was left', () => {
		const ingest = analyseCapacity(onDemand()).stages.find((stage) => stage.id === 'ingest')!;
		expect(ingest.limit).toContain('1 of 4 lost');
		expect(ingest.maxLoadPerS).toBeGreaterThan(0);
		expect(component(run(onDemand(), {durationS: 120}), 'ingest').details).toMatchObject({shards: 4});
	});

	test('enhanced fan-out is billed per consumer-shard-hour on 4 shards; must fail: cost took 1 shard', () => {
		const cost = estimateCost(onDemand({consumer: 'efo'}), 2000, []);
		const stream = cost.items.find((item) => item.component === 'ingest')!;
		expect(stream.basis).toContain(`${4 * 730} consumer-shard-hours`);
	});
});

describe('capacity reads the mode the engine runs', () => {
	test('a Lambda on a stream with trigger_s runs scheduled batches, not one batch per shard; must fail: capacity ignored the trigger', () => {
		const model = loginModel('kds-lambda-redis', {count: {trigger_s: 60}});
		const count = analyseCapacity(model).stages.find((stage) => stage.id === 'count')!;
		expect(count.limit).not.toContain('per shard');
		expect(count.compute!.perShardRecords).toBeUndefined();
	});
});

describe('each default, one by one (the figures the engine, capacity and cost read)', () => {
	test('Spark, Glue and a worker pool: one unit, batches take everything queued, no overhead or cold start; Spark runs back to back, Glue every 100 s', () => {
		// spark.triggerDefault is 0 s (the next micro-batch starts when one ends); glue.streamingWindow is 100 s.
		const exact = {units: 1, batchSize: Number.POSITIVE_INFINITY, batchingWindowS: 0, overheadS: 0, perRecordS: 0, coldStartS: 0, parallelization: 1, triggerOffsetS: 0};
		expect(computeSettings({component: 'spark_structured_streaming'}, true)).toEqual({...exact, mode: 'micro-batch', triggerS: 0});
		expect(computeSettings({component: 'glue'}, false)).toEqual({...exact, mode: 'micro-batch', triggerS: 100});
		expect(computeSettings({component: 'worker_pool'}, true)).toEqual({...exact, mode: 'pool', triggerS: 0});
		expect(computeSettings({component: 'flink'}, false).mode).toBe('pool');
	});

	test('a Lambda on a stream: 10 ms per invocation and a 250 ms cold start (catalogue); a time of day or a chained step schedules it too', () => {
		expect(computeSettings({component: 'lambda'}, true)).toMatchObject({overheadS: 0.01, coldStartS: 0.25, batchingWindowS: 0, perRecordS: 0, triggerS: 0});
		expect(computeSettings({component: 'lambda', startAtS: 3600}, true)).toMatchObject({mode: 'micro-batch', batchSize: 1, triggerS: 86_400, triggerOffsetS: 3600});
		expect(computeSettings({component: 'lambda', after: 'extract'}, true).mode).toBe('micro-batch');
		expect(computeSettings({component: 'worker_pool', triggerS: 600}, false)).toMatchObject({mode: 'micro-batch', triggerS: 600});
	});

	test('what the model gives is kept as given', () => {
		const given = {concurrency: 5, batchSize: 10, batchingWindowS: 2, overheadS: 0.5, perRecordS: 0.001, coldStartS: 1, parallelizationFactor: 4};
		expect(computeSettings({component: 'lambda', ...given}, true)).toMatchObject({units: 5, batchSize: 10, batchingWindowS: 2, overheadS: 0.5, perRecordS: 0.001, coldStartS: 1, parallelization: 4});
		expect(computeSettings({component: 'glue', triggerS: 30, startAtS: 600}, false)).toMatchObject({triggerS: 30, triggerOffsetS: 600});
		expect(computeSettings({component: 'glue', startAtS: 600, after: 'extract'}, false)).toMatchObject({triggerS: 0, triggerOffsetS: 0});
	});

	test('model times in milliseconds become seconds, and start_at "02:30" is 9,000 s after midnight; what is not given stays out', () => {
		const model = parseModel({
			source: {rate_per_s: 10},
			stages: [{id: 'job', kind: 'compute', component: 'worker_pool', concurrency: 3, batch_size: 50, batching_window_s: 2, parallelization_factor: 2, trigger_s: 3600, start_at: '02:30', after: 'job', overhead_ms: 1500, per_record_ms: 2, cold_start_ms: 250}],
		});
		const job = model.stages[0] as Extract<(typeof model.stages)[number], {kind: 'compute'}>;
		expect(computeInputs(job)).toEqual({component: 'worker_pool', concurrency: 3, batchSize: 50, batchingWindowS: 2, parallelizationFactor: 2, triggerS: 3600, startAtS: 9000, after: 'job', overheadS: 1.5, perRecordS: 0.002, coldStartS: 0.25});
		const bare = parseModel({source: {rate_per_s: 10}, stages: [{id: 'job', kind: 'compute', component: 'lambda'}]}).stages[0] as typeof job;
		expect(computeInputs(bare)).toEqual({component: 'lambda'});
		// A Lambda first on the chain reads no stream: one event per invocation.
		expect(planPipeline(parseModel({source: {rate_per_s: 10}, stages: [bare]})).chain[0]).toMatchObject({kind: 'compute', settings: {mode: 'pool', batchSize: 1}});
		expect(seconds(undefined)).toBeUndefined();
		expect(seconds(250)).toBe(0.25);
	});

	test('streams: shards as declared; Kinesis consumers poll every 1 s, Kafka every 0.1 s, unless poll_interval_s says', () => {
		const plan = planPipeline(
			parseModel({
				source: {rate_per_s: 10},
				stages: [
					{id: 'kds', kind: 'stream', component: 'kinesis_data_streams', shards: 7},
					{id: 'topic', kind: 'stream', component: 'kafka', shards: 3},
					{id: 'slow', kind: 'stream', component: 'kafka', shards: 3, poll_interval_s: 2},
				],
			}),
		);
		expect(plan.chain.map((stage) => (stage.kind === 'stream' ? [stage.shards, stage.pollIntervalS] : undefined))).toEqual([
			[7, 1],
			[3, 0.1],
			[3, 2],
		]);
	});

	test('stores: one node, no replicas, a 30 s failover, no reads, one record per request unless given; Firehose: 5 MiB/s unless throughput_mib_s says', () => {
		const plan = planPipeline(
			parseModel({
				source: {rate_per_s: 10},
				stages: [
					{id: 'fh', kind: 'firehose'},
					{id: 'fh2', kind: 'firehose', throughput_mib_s: 2},
					{id: 'db', kind: 'store', component: 'postgres'},
					{id: 'cache', kind: 'cache', component: 'redis', nodes: 3, read_replicas: 2, failover_s: 5, reads_per_s: 100, batch_size: 20},
				],
			}),
		);
		expect(plan.stage('fh')).toMatchObject({kind: 'firehose', quotaBytesPerS: 5 * 2 ** 20});
		expect(plan.stage('fh2')).toMatchObject({quotaBytesPerS: 2 * 2 ** 20});
		expect(plan.stage('db')).toMatchObject({kind: 'store', settings: {nodes: 1, nodesGiven: false, readReplicas: 0, failoverS: 30, readsPerS: 0, batchSize: 1}});
		expect(plan.stage('cache')).toMatchObject({kind: 'store', settings: {nodes: 3, nodesGiven: true, readReplicas: 2, failoverS: 5, readsPerS: 100, batchSize: 20}});
		expect(plan.stage('nowhere')).toBeUndefined();
	});

	test('a Lambda behind an API takes one event per invocation, behind a stream a batch; ratios multiply along the chain and sizes change only at compute with output_bytes', () => {
		const plan = planPipeline(
			parseModel({
				source: {rate_per_s: 10, event_bytes: 500},
				stages: [
					{id: 'front', kind: 'api', component: 'api_gateway'},
					{id: 'fn', kind: 'compute', component: 'lambda', output_ratio: 0.5, output_bytes: 100},
					{id: 'kds', kind: 'stream', component: 'kinesis_data_streams', shards: 1},
					{id: 'agg', kind: 'compute', component: 'lambda', output_ratio: 0.1},
					{id: 'db', kind: 'store', component: 'postgres'},
				],
			}),
		);
		expect(plan.chain.map((stage) => [stage.index, stage.kind, stage.recordBytes, stage.recordsPerEvent])).toEqual([
			[0, 'other', 500, 1],
			[1, 'compute', 500, 1],
			[2, 'stream', 100, 0.5],
			[3, 'compute', 100, 0.5],
			[4, 'store', 100, 0.05],
		]);
		expect(plan.stage('fn')).toMatchObject({settings: {mode: 'pool', batchSize: 1}});
		expect(plan.stage('agg')).toMatchObject({settings: {mode: 'esm', batchSize: 100}});
	});

	test('the chain follows next and stops at a repeat; an empty model has none', () => {
		const model = parseModel({
			source: {rate_per_s: 10},
			stages: [
				{id: 'a', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 1}, next: 'c'},
				{id: 'b', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 1}},
				{id: 'c', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 1}, next: 'a'},
			],
		});
		expect(resolveChain(model.stages).map((stage) => stage.id)).toEqual(['a', 'c']);
		expect(resolveChain([])).toEqual([]);
	});
});
