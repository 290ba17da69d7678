/**
Compute stages on small models, one mode at a time: a worker pool, Lambda behind
nothing (a pool of one-event invocations, or batches), Lambda on a stream (the
event source mapping), Spark micro-batches, autoscaling, lost workers, the
transform (filter, output ratio, tumbling window) and a queue station with a
capacity inside a pipeline. Arrivals are constant (the source emits each 20 ms
tick's events together), so the figures are exact up to a tick; each
expectation is derived beside it. Runs are 120 s: the first 12 s are warm-up,
the window is the 108 s after.
*/
import {describe, expect, test} from 'vitest';
import {component, constantSource as source, parseModel, run, simulateConstant as simulate} from '../helpers/pipeline-models.js';

const WINDOW_S = 108;

describe('a worker pool takes fair shares of its queue', () => {
	// 1,000/s into 2 workers × 1 ms: each 20 ms tick brings 20 records; a unit takes at least 10 ms of work
	// (10 records), so the two workers take 10 each and finish 10 ms later.
	test('half busy: 1 of 2 units on average, 1 busy second per second, 100 invocations/s of 10 records', () => {
		// Run inside the test, so mutation testing's per-test coverage credits this test with what it reaches.
		const result = simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 1}]);
		const work = component(result, 'work');
		expect(work.utilization).toBe(0.5);
		expect(work.details['mode']).toBe('pool');
		expect(work.details['units']).toBe(2);
		expect(work.details['busy_units_mean']).toBe(1);
		expect(work.details['busy_seconds_per_s']).toBe(1);
		expect(work.details['max_in_flight']).toBe(2);
		// 1,000 records/s in takes of 10: 100 invocations/s, 10,800 in the window.
		expect(work.details['invocations']).toBe(100 * WINDOW_S);
		expect(work.details['invocations_per_s']).toBe(100);
		expect(work.details['mean_batch_records']).toBe(10);
		expect(work.details['cold_starts']).toBeUndefined();
		expect(work.throughput_per_s).toBe(1000);
		// Each record waits its own take's 10 ms.
		expect(work.wait_ms.mean).toBe(10);
		expect(work.queue.max).toBe(20);
		expect(result.end_to_end.delivered).toBe(1000 * WINDOW_S);
	});

	test('a filter keeping a quarter passes 250/s on and counts the rest as filtered, not lost', () => {
		const filtered = simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 1, transform: 'filter', output_ratio: 0.25}]);
		// 108,000 events: a quarter (27,000) delivered, 81,000 filtered.
		expect(filtered.end_to_end.delivered).toBe(27_000);
		expect(filtered.end_to_end.filtered).toBe(81_000);
		expect(filtered.end_to_end.lost).toBe(0);
	});

	test('an aggregate with output ratio 0.1 sends 100 records/s to the next stage, all 1,000 events still delivered', () => {
		const aggregated = simulate([
			{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 1, transform: 'aggregate', output_ratio: 0.1},
			{id: 'sink', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 1},
		]);
		expect(component(aggregated, 'sink').throughput_per_s).toBeCloseTo(100, 0);
		expect(aggregated.end_to_end.delivered).toBe(1000 * WINDOW_S);
		expect(aggregated.end_to_end.filtered).toBe(0);
	});

	test('with one worker of 2 ms (500/s) the backlog grows and the unit is busy all the time', () => {
		const over = component(simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 2}]), 'work');
		expect(over.utilization).toBe(1);
		expect(over.details['busy_units_mean']).toBe(1);
		// 1,000/s in, at most 500/s out: the queue grows by at least 500/s.
		expect(over.backlog_growth_per_s).toBeGreaterThan(400);
	});

	test('on a stream a pool reads at most 2 × units × 10,000 records ahead: the rest waits in the stream', () => {
		// 1 worker of 2 ms against 1,000/s: the pool holds 20,000 queued plus the 20,000 its one invocation took.
		const result = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 1},
			{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 2},
		]);
		expect(component(result, 'work').queue.max).toBe(40_000);
		expect(component(result, 'ingest').backlog_growth_per_s).toBeGreaterThan(100);
	});

	test('a worker pool with more workers than its stream has shards: the extra ones sit idle, with a note', () => {
		// 4 workers on 2 shards: a consumer group gives each shard to one consumer, so 2 units serve.
		const result = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 2},
			{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1},
		]);
		expect(component(result, 'work').details['units']).toBe(2);
		// 1,000/s × 1 ms = 1 busy unit of 2.
		expect(component(result, 'work').utilization).toBeCloseTo(0.5, 2);
		expect(result.notes).toContain('work: 4 workers share 2 shards/partitions; a consumer group reads each with one consumer, so 2 sit idle');
	});
});

describe('lost workers', () => {
	test('losing 2 of 4 workers at 60 s: 2 units left, utilization over the units there were', () => {
		const result = simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 2}], {injections: [{at_s: 60, kind: 'lose_node', stage: 'work', count: 2}]});
		const work = component(result, 'work');
		expect(work.details['units']).toBe(2);
		// Busy: 1,000/s × 2 ms = 2 units all along, 216 unit-seconds; offered 4 × 48 s (12–60) + 2 × 60 s = 312: 216 / 312 = 0.6923.
		expect(work.utilization).toBeCloseTo(216 / 312, 3);
		expect(work.details['busy_units_mean']).toBe(2);
		expect(result.end_to_end.delivered).toBe(1000 * WINDOW_S);
	});

	test('losing the only worker at the start: nothing is processed, utilization 0 and the backlog grows at the arrival rate', () => {
		const result = run(parseModel({source: source(100), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 2}], injections: [{at_s: 0, kind: 'lose_node', stage: 'work', count: 1}]}), {durationS: 120});
		const work = component(result, 'work');
		expect(work.details['units']).toBe(0);
		expect(work.utilization).toBe(0);
		expect(work.details['invocations']).toBe(0);
		expect(work.details['mean_batch_records']).toBe(0);
		expect(work.backlog_growth_per_s).toBe(100);
		expect(result.end_to_end.delivered).toBe(0);
	});
});

describe('autoscaling towards a target utilization', () => {
	test('2,000/s on 1 worker of 1 ms, target 0.5: it scales to 4 workers (2 busy units ÷ 0.5)', () => {
		const result = run(parseModel({source: source(2000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 10, interval_s: 10, lag_s: 5}}]}), {durationS: 300});
		const work = component(result, 'work');
		expect(work.details['units']).toBe(4);
		expect(work.details['busy_units_mean']).toBe(2);
		expect(work.throughput_per_s).toBe(2000);
	});

	test('1,000/s on 8 workers of 1 ms, target 0.5: it scales in to 2 (1 busy unit ÷ 0.5)', () => {
		const result = run(parseModel({source: source(1000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 8, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 10, interval_s: 10, lag_s: 5}}]}), {durationS: 300});
		expect(component(result, 'work').details['units']).toBe(2);
		expect(component(result, 'work').details['busy_units_mean']).toBe(1);
	});

	test('capped at max 3 it stops there', () => {
		const result = run(parseModel({source: source(2000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 3, interval_s: 10, lag_s: 5}}]}), {durationS: 300});
		expect(component(result, 'work').details['units']).toBe(3);
	});
});

describe('Lambda behind nothing: one event per invocation, or batches', () => {
	test('batch 50 with a 1 s window: a gang of 2 invocations every 3 ticks (60 records), 30 records each', () => {
		// 20 records a tick; the third tick makes 60 ≥ 50, so ceil(60 / 50) = 2 invocations take 30 each.
		// Records wait 40, 20 or 0 ms for their batch, then the 100 ms overhead: 120 ms on average.
		const work = component(simulate([{id: 'work', kind: 'compute', component: 'lambda', concurrency: 10, batch_size: 50, batching_window_s: 1, overhead_ms: 100}]), 'work');
		expect(work.details['mean_batch_records']).toBe(30);
		expect(work.details['invocations_per_s']).toBeCloseTo(1000 / 30, 2);
		expect(work.wait_ms.mean).toBe(120);
		// 33.3 invocations/s × 0.1 s = 3.33 busy of 10.
		expect(work.details['busy_units_mean']).toBe(3.33);
		expect(work.details['cold_starts']).toBe(0);
	});

	test('5,000/s of 1 s invocations: new environments arrive 1,000 per 10 s, so at 15 s only 2,000 run', () => {
		// Scale-out: 1,000 × (1 + floor(t / 10)) environments: 1,000 until 10 s, 2,000 from 10 s. The second
		// 1,000 start cold inside the window (after the 1.5 s warm-up).
		const result = run(parseModel({source: source(5000), stages: [{id: 'work', kind: 'compute', component: 'lambda', concurrency: 5000, overhead_ms: 1000}]}), {durationS: 15});
		const work = component(result, 'work');
		expect(work.details['max_in_flight']).toBe(2000);
		expect(work.details['cold_starts']).toBe(1000);
		expect(work.backlog_growth_per_s).toBeGreaterThan(2000);
		expect(result.notes).toContain('work: concurrency 5000 is above the default account quota of 1000; assuming the quota was raised');
	});

	test('a step to 5x load needs more environments than the warm-up left: cold starts in the window', () => {
		// 100/s × (0.1 s + the first 0.25 s cold start) leaves about 36 environments; 500/s × 0.1 s needs 50 at least.
		const result = run(parseModel({source: source(100), stages: [{id: 'work', kind: 'compute', component: 'lambda', concurrency: 100, overhead_ms: 100}], injections: [{at_s: 60, kind: 'load_multiplier', factor: 5}]}), {durationS: 120});
		const work = component(result, 'work');
		expect(work.details['cold_starts']).toBeGreaterThanOrEqual(50 - 36);
		// The cold ones take 0.1 + 0.25 s.
		expect(result.end_to_end.latency_ms.max).toBeGreaterThanOrEqual(350);
	});
});

describe('Lambda on a stream: the event source mapping', () => {
	test('2 shards, batch 100: one batch per shard in flight, busy time = records × per-record + invocations × overhead', () => {
		const result = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 2},
			{id: 'work', kind: 'compute', component: 'lambda', batch_size: 100, overhead_ms: 20, per_record_ms: 1},
		]);
		const work = component(result, 'work');
		expect(work.details['mode']).toBe('esm');
		// Units: 2 shards × parallelization 1 (under the 1,000 account concurrency).
		expect(work.details['units']).toBe(2);
		expect(work.details['max_in_flight']).toBe(2);
		expect(work.details['mean_batch_records']).toBeLessThanOrEqual(100);
		expect(work.throughput_per_s).toBeCloseTo(1000, 0);
		const perS = work.details['invocations_per_s'] as number;
		expect(work.details['busy_seconds_per_s']).toBeCloseTo(1000 * 0.001 + perS * 0.02, 2);
		expect(result.end_to_end.delivered).toBe(1000 * WINDOW_S);
	});

	test('parallelization 4 on 1 shard: 4 batches in flight, 4 × 100 / 0.51 s = 784/s, below the 1,000/s offered', () => {
		const work = component(simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 1},
			{id: 'work', kind: 'compute', component: 'lambda', batch_size: 100, parallelization_factor: 4, per_record_ms: 5},
		]), 'work');
		expect(work.details['units']).toBe(4);
		expect(work.details['max_in_flight']).toBe(4);
		expect(work.details['mean_batch_records']).toBe(100);
		// Each batch: 10 ms overhead + 100 × 5 ms = 0.51 s.
		expect(work.throughput_per_s).toBeGreaterThan(770);
		expect(work.throughput_per_s).toBeLessThan(800);
		expect(work.utilization).toBe(1);
	});

	test('a 5 s batching window with a large batch size: each shard invokes every 5 s with 2,500 records', () => {
		// 500 records/s per shard × 5 s = 2,500; 2 shards / 5 s = 0.4 invocations/s (42 whole ones in the 108 s window).
		const work = component(simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 2},
			{id: 'work', kind: 'compute', component: 'lambda', batch_size: 10_000, batching_window_s: 5, overhead_ms: 20},
		]), 'work');
		expect(work.details['mean_batch_records']).toBe(2500);
		expect(work.details['invocations']).toBe(42);
		// Records wait 0–5 s in the buffer: about 2.5 s on average, plus the poll.
		expect(work.wait_ms.mean).toBeGreaterThan(2500);
		expect(work.wait_ms.mean).toBeLessThan(3500);
	});

	test('the mapping holds one GetRecords response (10,000 records) per shard: with 4 batches of 100 in flight, 10,400 at most', () => {
		const result = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 1},
			{id: 'work', kind: 'compute', component: 'lambda', batch_size: 100, parallelization_factor: 4, per_record_ms: 5},
		]);
		expect(component(result, 'work').queue.max).toBe(10_400);
		// The rest waits in the stream.
		expect(component(result, 'ingest').backlog_growth_per_s).toBeGreaterThan(100);
	});

	test('4 shards under a concurrency of 2: shards wait their turn, and every record is still delivered', () => {
		// 2 invocations of at most 100 records × 1 ms + 20 ms serve up to 2 × 100 / 0.12 s = 1,667/s.
		const result = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 4},
			{id: 'work', kind: 'compute', component: 'lambda', concurrency: 2, batch_size: 100, overhead_ms: 20, per_record_ms: 1},
		]);
		const work = component(result, 'work');
		expect(work.details['units']).toBe(2);
		expect(work.details['max_in_flight']).toBe(2);
		expect(work.throughput_per_s).toBeCloseTo(1000, 0);
		expect(work.backlog_growth_per_s).toBeLessThan(1);
		expect(result.end_to_end.delivered).toBe(1000 * WINDOW_S);
	});

	test('an invocation payload is at most 6 MiB: 100 KB records go 62 to a batch although batch_size is 100', () => {
		// 6,291,456 B / 100,000 B = 62.9 → 62 records.
		const result = run(parseModel({source: {rate_per_s: 10, arrivals: 'constant', event_bytes: 100_000}, stages: [
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 1},
			{id: 'work', kind: 'compute', component: 'lambda', batch_size: 100, batching_window_s: 10},
		]}), {durationS: 120});
		expect(component(result, 'work').details['mean_batch_records']).toBe(62);
	});

	test('the notes: concurrency above the account quota, batch size above 10,000, parallelization capped at 10', () => {
		const result = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 2},
			{id: 'work', kind: 'compute', component: 'lambda', concurrency: 2000, batch_size: 20_000, parallelization_factor: 12},
		]);
		expect(result.notes).toEqual(expect.arrayContaining([
			'work: concurrency 2000 is above the default account quota of 1000; assuming the quota was raised',
			"work: batch_size 20000 is above Lambda's maximum of 10000",
			'work: parallelization_factor is at most 10; using 10',
		]));
		// 2 shards × 10 batches each.
		expect(component(result, 'work').details['units']).toBe(20);
	});
});

describe('settings exactly at their limits draw no notes', () => {
	test('Lambda at concurrency 1,000, batch_size 10,000, parallelization 10; 2 workers on 2 shards', () => {
		const lambda = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 2},
			{id: 'work', kind: 'compute', component: 'lambda', concurrency: 1000, batch_size: 10_000, parallelization_factor: 10},
		]);
		expect(lambda.notes).toEqual([]);
		expect(component(lambda, 'work').details['units']).toBe(20);
		const pool = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 2},
			{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2},
		]);
		expect(pool.notes).toEqual([]);
		expect(component(pool, 'work').details['units']).toBe(2);
	});
});

describe('micro-batches (Spark)', () => {
	test('a 10 s trigger on 4 cores: 10,000 records a batch, 10 × 1 ms / 4 = 2.5 s each', () => {
		const work = component(simulate([{id: 'work', kind: 'compute', component: 'spark_structured_streaming', concurrency: 4, trigger_s: 10, per_record_ms: 1}]), 'work');
		expect(work.details['mode']).toBe('micro-batch');
		expect(work.details['max_in_flight']).toBe(1);
		expect(work.details['mean_batch_records']).toBe(10_000);
		// 10 batches start in the window (at 20, 30, …, 110 s): 10 × 2.5 s × 4 cores = 100 core-seconds over 108 s.
		expect(work.details['invocations']).toBe(10);
		expect(work.details['busy_seconds_per_s']).toBeCloseTo(100 / WINDOW_S, 3);
		// Records wait for the trigger (0–10 s, 5 s on average) and the 2.5 s run.
		expect(work.wait_ms.mean).toBeGreaterThan(7000);
		expect(work.wait_ms.mean).toBeLessThan(8000);
	});

	test('at 10/s with no trigger each batch lasts the 0.1 s minimum, so 10 batches/s keep all 4 cores busy', () => {
		const work = component(run(parseModel({source: source(10), stages: [{id: 'work', kind: 'compute', component: 'spark_structured_streaming', concurrency: 4}]}), {durationS: 120}), 'work');
		expect(work.details['invocations_per_s']).toBe(10);
		expect(work.details['busy_seconds_per_s']).toBe(4);
		expect(work.wait_ms.mean).toBe(100);
	});

	test('Spark with every core lost runs nothing: the backlog grows at the arrival rate', () => {
		const result = run(parseModel({source: source(100), stages: [{id: 'work', kind: 'compute', component: 'spark_structured_streaming', concurrency: 2, trigger_s: 10}], injections: [{at_s: 0, kind: 'lose_node', stage: 'work', count: 2}]}), {durationS: 120});
		expect(component(result, 'work').details['invocations']).toBe(0);
		expect(component(result, 'work').backlog_growth_per_s).toBe(100);
		expect(result.end_to_end.delivered).toBe(0);
	});

	test('output of 20 KB a record: 10,000 × 20 KB = 200 MB a batch is 2 files of 128 MiB, 2 requests per batch', () => {
		const result = simulate([
			{id: 'work', kind: 'compute', component: 'spark_structured_streaming', concurrency: 4, trigger_s: 10, per_record_ms: 1, output_bytes: 20_000},
			{id: 'lake', kind: 'store', component: 's3'},
		]);
		const perS = component(result, 'lake').details['write_requests_per_s'] as number;
		expect(perS).toBeGreaterThanOrEqual(20 / WINDOW_S - 0.001);
		expect(perS).toBeLessThanOrEqual(22 / WINDOW_S + 0.001);
	});

	test('a Spark job writes files, one write request per 128 MiB file, not one per record', () => {
		// 10,000 records × 200 B = 2 MB a batch: one file, one request per batch, 10 or 11 batch ends in the
		// 108 s window (the batch started at 10 s ends at 12.5 s): about 0.1 requests/s, not 1,000.
		const result = simulate([
			{id: 'work', kind: 'compute', component: 'spark_structured_streaming', concurrency: 4, trigger_s: 10, per_record_ms: 1},
			{id: 'lake', kind: 'store', component: 's3'},
		]);
		const perS = component(result, 'lake').details['write_requests_per_s'] as number;
		expect(perS).toBeGreaterThanOrEqual(10 / WINDOW_S - 0.001);
		expect(perS).toBeLessThanOrEqual(11 / WINDOW_S + 0.001);
	});
});

describe('the transform: tumbling windows', () => {
	test('a 10 s window holds results to the window end: about 5 s on average, up to 10 s', () => {
		const result = simulate([{id: 'work', kind: 'compute', component: 'flink', concurrency: 2, per_record_ms: 0.1, transform: 'aggregate', output_ratio: 0.01, window_s: 10}]);
		expect(result.end_to_end.delivered).toBe(1000 * WINDOW_S);
		expect(result.end_to_end.latency_ms.mean).toBeGreaterThan(4800);
		expect(result.end_to_end.latency_ms.mean).toBeLessThan(5200);
		expect(result.end_to_end.latency_ms.p99).toBeGreaterThan(9800);
		expect(result.end_to_end.latency_ms.p99).toBeLessThanOrEqual(10_000);
	});
});

describe('a queue station with a capacity inside a pipeline', () => {
	test('K = 100 at 1,000/s against 500/s: half the arrivals are turned away', () => {
		const result = simulate([
			{id: 'q', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 2}, capacity: 100},
			{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 0.1},
		]);
		const q = component(result, 'q');
		// 1 server × 2 ms = 500/s; the other 500/s are dropped: 54,000 in 108 s.
		expect(q.dropped / 54_000).toBeCloseTo(1, 2);
		expect(q.queue.max).toBeLessThanOrEqual(100);
		expect(result.end_to_end.lost / 54_000).toBeCloseTo(1, 2);
		expect(component(result, 'work').throughput_per_s).toBeCloseTo(500, 0);
	});
});

describe('scheduled steps: start_at and after', () => {
	test('start_at 00:01 every 300 s: runs on the grid 60 + k × 300 s; the window (from 120 s) sees 360, 660 and 960', () => {
		const result = run(parseModel({source: source(100), stages: [{id: 'extract', kind: 'compute', component: 'worker_pool', concurrency: 1, start_at: '00:01', trigger_s: 300, per_record_ms: 1}]}), {durationS: 1200});
		const runs = result.batch!.runs;
		expect(runs.map((entry) => entry.steps[0]!.start_s)).toEqual([360, 660, 960]);
		// 300 s × 100/s = 30,000 records a run, 30 s each at 1 ms.
		for (const entry of runs) {
			expect(entry.steps[0]!.records).toBe(30_000);
			expect(entry.steps[0]!.finish_s! - entry.steps[0]!.start_s).toBeCloseTo(30, 6);
		}
	});

	test('a step after another starts when that one finishes, with all of its records', () => {
		// extract every 60 s: 6,000 records × 1 ms = 6 s; reconcile on 2 workers: 6,000 × 1 ms / 2 = 3 s.
		const result = run(parseModel({source: source(100), stages: [
			{id: 'extract', kind: 'compute', component: 'worker_pool', concurrency: 1, trigger_s: 60, per_record_ms: 1},
			{id: 'reconcile', kind: 'compute', component: 'worker_pool', concurrency: 2, after: 'extract', per_record_ms: 1},
		]}), {durationS: 600});
		const runs = result.batch!.runs;
		expect(runs.length).toBeGreaterThanOrEqual(8);
		for (const entry of runs.slice(1, -1)) {
			const [extract, reconcile] = entry.steps;
			expect(extract!.finish_s! - extract!.start_s).toBeCloseTo(6, 6);
			expect(reconcile!.start_s).toBeCloseTo(extract!.finish_s!, 6);
			expect(reconcile!.records).toBeCloseTo(extract!.records, 6);
			expect(reconcile!.finish_s! - reconcile!.start_s).toBeCloseTo(3, 6);
		}
		expect(component(result, 'reconcile').details['invocations']).toBe(component(result, 'extract').details['invocations']);
	});
});

describe('autoscaling reacts within its interval and lag', () => {
	test('a step from 2,000/s to 6,000/s at 101 s on 4 workers (4,000/s): new workers serve by 115 s, so the backlog stays under 30,000', () => {
		// Decisions every 10 s (the next at 110 s) and a 5 s lag: more workers serve by 115 s at the latest.
		// Until then the 4 busy workers serve 4,000/s of the 6,000/s: at most 2,000/s × 14 s = 28,000 held (< 30,000);
		// at least the 4 s before any decision could add one: 2,000/s × 4 s = 8,000. From 115 s, 10 workers (the max)
		// serve 10,000/s and the backlog drains. With the default 60 s interval or 120 s lag it would pass 30,000.
		const result = run(parseModel({source: source(2000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 10, interval_s: 10, lag_s: 5}}], injections: [{at_s: 101, kind: 'load_multiplier', factor: 3}]}), {durationS: 300});
		const work = component(result, 'work');
		expect(work.queue.max).toBeGreaterThan(8000);
		expect(work.queue.max).toBeLessThanOrEqual(30_000);
		expect(work.details['units']).toBe(10);
		expect(work.backlog_growth_per_s).toBeLessThan(0);
	});
});

describe('autoscaling readings restart with the measurement window', () => {
	test('2,000/s on 4 workers of 1 ms at target 0.5 is on target: it keeps 4 workers, and the window sees no backlog', () => {
		// Busy 2,000/s × 1 ms = 2 units of 4: utilization 0.5, desired ceil(4 × 0.5 / 0.5) = 4 (5 when the float
		// reading lands a hair above 0.5). Each 20 ms tick's 40 records go 10 to each worker (10 ms of work), so a
		// record waits 10 ms and at most 40 are held. The decision at 30 s falls on the window's start (10% of
		// 300 s): it must read the 20–30 s interval, not the nothing since the reset (utilization 0, which scaled
		// in to 1 worker: 2,000/s against 1,000/s, a backlog of 22,440 before the next decisions caught up).
		const result = run(parseModel({source: source(2000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 10, interval_s: 10, lag_s: 5}}]}), {durationS: 300});
		const work = component(result, 'work');
		expect(work.details['units']).toBeGreaterThanOrEqual(4);
		expect(work.details['units']).toBeLessThanOrEqual(5);
		expect(work.queue.max).toBe(40);
		expect(work.wait_ms.mean).toBe(10);
		expect(work.details['busy_units_mean']).toBe(2);
	});
});
