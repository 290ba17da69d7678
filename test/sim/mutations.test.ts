/**
Slips a real bug could be, each made by hand in the code and found unnoticed
by the suite (issue 10, item 6): a flipped comparison, an off-by-one, a wrong
unit, a wrong table entry. Each test here failed with its mutation in place.
The CLI-level ones (the injection cross-reference rule, the exit code of
several --arch) are in test/commands/sim.test.ts.
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../src/sim/analysis/capacity.js';
import {meanAndHalfWidth, t975} from '../../src/sim/stats/confidence.js';
import {component, loginModel, parseModel, run} from './helpers/pipeline-models.js';

describe('Firehose with buffer_interval_s 0 (zero buffering)', () => {
	// Mutation (as first made): `bufferIntervalS <= 0` → `< 0` in firehose.ts, so no flush was ever scheduled and nothing
	// was delivered. Zero buffering now schedules a flush every few seconds; the same slip there fails this test too.
	test('delivers every record, within seconds', () => {
		const model = parseModel({
			source: {rate_per_s: 1000, event_bytes: 200},
			stages: [{id: 'ingest', kind: 'firehose', buffer_interval_s: 0}, {id: 'lake', kind: 'store', component: 's3'}],
		});
		const result = run(model, {durationS: 120});
		expect(result.end_to_end.delivered).toBeGreaterThan(0.95 * 1000 * 108);
		expect(result.end_to_end.undelivered).toBeLessThan(1000 * 5);
		expect(result.end_to_end.latency_ms.p99).toBeLessThan(10_000);
	});
});

describe('Lambda concurrency on a stream', () => {
	// Mutation: `running >= limit` → `running > limit` in compute.ts lets a sixth execution start.
	test('concurrency 5 on 10 shards runs at most 5 batches at once, and all 5 when it is behind', () => {
		const result = run(loginModel('kds-lambda-redis', {count: {concurrency: 5, per_record_ms: 1}}), {durationS: 120});
		const count = component(result, 'count');
		expect(count.details['max_in_flight']).toBe(5);
		// must fail: without the limit, 10 shards × parallelization 1 run 10 at once.
		const free = component(run(loginModel('kds-lambda-redis', {count: {per_record_ms: 1}}), {durationS: 120}), 'count');
		expect(free.details['max_in_flight']).toBe(10);
	});
});

describe('stream retention is in hours', () => {
	// A consumer far too slow lets the backlog age by minutes. Mutation: retention_h × 60 instead of × 3600 (minutes).
	const slow = (retention_h: number) =>
		parseModel({
			source: {rate_per_s: 500, event_bytes: 200},
			stages: [
				{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 2, retention_h},
				{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 10},
			],
		});

	test('with 1 h retention, records 5 minutes behind are still there', () => {
		expect(component(run(slow(1), {durationS: 300}), 'ingest').lost).toBe(0);
	});

	test('must fail: with 0.02 h (72 s) retention, the same backlog expires', () => {
		expect(component(run(slow(0.02), {durationS: 300}), 'ingest').lost).toBeGreaterThan(0);
	});
});

describe('95% confidence half-widths', () => {
	// Mutation: the Student t table entry for 2 degrees of freedom (3 replications).
	test('t(0.975) for 1, 2, 3, 10 and 30 degrees of freedom', () => {
		expect(t975(1)).toBe(12.706);
		expect(t975(2)).toBe(4.303);
		expect(t975(3)).toBe(3.182);
		expect(t975(10)).toBe(2.228);
		expect(t975(30)).toBe(2.042);
	});

	test('three replications 1, 2, 3: half-width 4.303 × 1 / √3 = 2.484', () => {
		expect(meanAndHalfWidth([1, 2, 3]).halfWidth).toBeCloseTo(2.4843, 4);
	});
});

describe('capacity with several shared-throughput consumers', () => {
	// 1,000 B records: a shard takes 1,000 records/s in (1 MiB/s = 1,048), and gives 2 MiB/s = 2,097 records/s out,
	// shared by 3 consumers = 699 records/s each; 10 shards → 6,990/s. Mutation: the share ignores `consumers`.
	test('1,000 B records, 3 consumers, 10 shards: 6,990 records/s, limited by reads', () => {
		const model = loginModel('kds-lambda-redis', {ingest: {consumers: 3}});
		const ingest = analyseCapacity({...model, source: {...model.source, event_bytes: 1000}}).stages[0]!;
		expect(ingest.maxLoadPerS).toBeCloseTo((10 * 2 * 2 ** 20) / 1000 / 3, 0);
		expect(ingest.limit).toMatch(/reads: 3 consumers share 2 MiB\/s per shard/);
	});

	test('must fail: one consumer reads 2,097/s per shard, so writes (1,000/s) limit', () => {
		const model = loginModel('kds-lambda-redis');
		const ingest = analyseCapacity({...model, source: {...model.source, event_bytes: 1000}}).stages[0]!;
		expect(ingest.maxLoadPerS).toBeCloseTo(10_000, 0);
	});
});

describe('the bottleneck among two overloaded stages is the one with the smaller capacity', () => {
	// Lambda at 1 ms per record: 500 records in 20 ms + 500 ms = 961.5 records/s per execution.
	// Mutation: the comparison in findBottleneck's reduce flipped (picks the larger capacity).
	test('4 shards (4,000/s) and 2 executions (1,923/s): the Lambda', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 4}, count: {concurrency: 2, per_record_ms: 1}}), {durationS: 120});
		expect(result.capacity.limited_by).toBe('count');
		expect(result.bottleneck?.component).toBe('count');
	});

	// 0.5 ms per record: 500 records in 270 ms = 1,852/s per execution, one per shard.
	test('2 shards (2,000/s) and 2 executions (3,704/s): the stream', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 2}, count: {per_record_ms: 0.5}}), {durationS: 120});
		expect(result.capacity.limited_by).toBe('ingest');
		expect(result.bottleneck?.component).toBe('ingest');
	});
});
