/**
The simulator never lets a service do more than its documented limits allow,
checked on the run's own measurements. Each check has a case showing the
measurement can exceed the limit when the limit does not apply, so a check
that always passes would be caught.
*/
import {describe, expect, test} from 'vitest';
import {component, loginModel, parseModel, run} from './helpers/pipeline-models.js';

const MIB = 1024 * 1024;

describe('Kinesis: 1,000 records/s and 1 MiB/s per shard, in every simulated second', () => {
	test('an overloaded 4-shard stream accepts at most 1,000 records in any shard-second', () => {
		const ingest = component(run(loginModel('kds-lambda-redis', {ingest: {shards: 4}}), {durationS: 120}), 'ingest');
		expect(ingest.throttled).toBeGreaterThan(0);
		expect(ingest.details['busiest_shard_second_records']).toBeLessThanOrEqual(1000);
		expect(ingest.details['busiest_shard_second_records']).toBeGreaterThan(990);
		expect(ingest.details['busiest_shard_second_bytes']).toBeLessThanOrEqual(MIB);
	});

	test('with 4 KB records the 1 MiB/s limit binds first: at most 256 records per shard-second', () => {
		const model = parseModel({source: {rate_per_s: 2000, event_bytes: 4096}, stages: [{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 4}]});
		const ingest = component(run(model, {durationS: 120}), 'ingest');
		expect(ingest.throttled).toBeGreaterThan(0);
		expect(ingest.details['busiest_shard_second_bytes']).toBeLessThanOrEqual(MIB);
		expect(ingest.details['busiest_shard_second_records']).toBeLessThanOrEqual(256);
	});

	test('must fail: a Kafka partition has no record limit, so the same measurement goes above 1,000', () => {
		const model = parseModel({source: {rate_per_s: 8000, event_bytes: 200}, stages: [{id: 'ingest', kind: 'stream', component: 'kafka', shards: 4}]});
		const ingest = component(run(model, {durationS: 120}), 'ingest');
		expect(ingest.throttled).toBe(0);
		expect(ingest.details['busiest_shard_second_records']).toBeGreaterThan(1000);
	});
});

describe('Kinesis reads: polling consumers share 2 MiB/s per shard; enhanced fan-out gives each its own', () => {
	// 500 records/s of 1,000 B on one shard: 0.5 MB/s, well inside the 1 MiB/s write limit.
	const reader = (consumer: 'shared' | 'efo') =>
		component(
			run(parseModel({source: {rate_per_s: 500, event_bytes: 1000}, stages: [{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 1, consumers: 5, consumer}, {id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 0.01}]}), {durationS: 300}),
			'ingest',
		);

	test('5 polling consumers: ours reads at most 2 MiB/s ÷ 5 = 419 records/s of 1,000 B, so the backlog grows', () => {
		const ingest = reader('shared');
		expect(ingest.throttled).toBe(0);
		expect(ingest.details['read_per_s']).toBeLessThanOrEqual((2 * MIB) / 5 / 1000 + 1);
		expect(ingest.backlog_growth_per_s).toBeGreaterThan(50);
	});

	test('must fail: with enhanced fan-out the same consumer reads everything written', () => {
		const ingest = reader('efo');
		expect(ingest.details['read_per_s']).toBeGreaterThan(480);
		expect(Math.abs(ingest.backlog_growth_per_s)).toBeLessThan(1);
	});
});

describe('Firehose delivers at least every buffer_interval_s', () => {
	const firehose = (interval: number) =>
		component(run(parseModel({source: {rate_per_s: 20, event_bytes: 200}, stages: [{id: 'ingest', kind: 'firehose', buffer_interval_s: interval}, {id: 'lake', kind: 'store', component: 's3'}]}), {durationS: 1200}), 'ingest');

	test('no buffered record waits longer than the 60 s interval before delivery', () => {
		const ingest = firehose(60);
		expect(ingest.details['flushed_by_interval']).toBeGreaterThan(10);
		expect(ingest.details['max_buffer_age_s']).toBeLessThanOrEqual(60 + 1e-9);
		// The interval starts with the first record after a delivery, so gaps add at most one arrival gap.
		expect(ingest.details['max_delivery_gap_s']).toBeLessThanOrEqual(61);
	});

	test('must fail: at the 300 s default the same gap is far above 60 s', () => {
		expect(firehose(300).details['max_delivery_gap_s']).toBeGreaterThan(250);
	});
});

describe('Lambda concurrency and API throttling', () => {
	const lambdaModel = (concurrency?: number) =>
		parseModel({
			source: {rate_per_s: 5000},
			stages: [{id: 'work', kind: 'compute', component: 'lambda', batch_size: 10, overhead_ms: 50, ...(concurrency === undefined ? {} : {concurrency})}],
		});

	test('never more invocations in flight than the concurrency limit', () => {
		const work = component(run(lambdaModel(5), {durationS: 60}), 'work');
		expect(work.details['max_in_flight']).toBeLessThanOrEqual(5);
		expect(work.details['max_in_flight']).toBe(5);
	});

	test('must fail: without the limit the same load runs far more at once', () => {
		expect(component(run(lambdaModel(), {durationS: 60}), 'work').details['max_in_flight']).toBeGreaterThan(5);
	});

	test('API Gateway passes at most rate × time + burst requests; the rest are 429s', () => {
		const model = parseModel({source: {rate_per_s: 3000}, stages: [{id: 'front', kind: 'api', component: 'api_gateway', rate_per_s: 1000, burst: 500, on_throttle: 'drop'}]});
		const result = run(model, {durationS: 100, warmupS: 0});
		const front = component(result, 'front');
		expect(front.throughput_per_s * 100).toBeLessThanOrEqual(1000 * 100 + 500);
		expect(front.throughput_per_s).toBeGreaterThan(990);
		expect(front.throttled).toBeGreaterThan(150_000);
		expect(front.details['http_429_per_s']).toBeGreaterThan(1900);
	});
});
