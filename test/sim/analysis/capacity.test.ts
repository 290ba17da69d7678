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
