/**
More compute-stage cases, each pinning a rule of compute.ts that compute.test.ts
leaves open (found by mutation testing): which stages a consumer group caps,
which notes apply to which component, Lambda's scale-out limit applying only to
Lambda, the batching window of a pool, a gang's duration with a per-record
cost, cold starts of a partly warm gang, scaling back in after a peak,
recovering from losing every worker, the tumbling window's grid and a full
queue station's delivered share. Same conventions as compute.test.ts: constant
arrivals in 20 ms ticks, 120 s runs measured over the last 108 s unless said.
*/
import {describe, expect, test} from 'vitest';
import {component, constantSource as source, parseModel, run, simulateConstant as simulate} from '../helpers/pipeline-models.js';

const WINDOW_S = 108;

describe('rules that belong to one component', () => {
	test('Flink on a stream keeps all its slots: only a worker pool is a consumer group capped at one consumer per shard', () => {
		const result = simulate([
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 2},
			{id: 'work', kind: 'compute', component: 'flink', concurrency: 4, per_record_ms: 1},
		]);
		expect(component(result, 'work').details['units']).toBe(4);
		expect(result.notes).toEqual([]);
	});

	test("a worker pool's batch_size of 20,000 draws no Lambda note", () => {
		const result = simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, batch_size: 20_000}]);
		expect(result.notes).toEqual([]);
	});

	test("2,000 workers are not held to Lambda's 1,000 new environments per 10 s", () => {
		// 4,000/s × 0.4 s a record = 1,600 busy at once, all 2,000 available from the start.
		const result = simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2000, per_record_ms: 400}], {}, 15, 4000);
		expect(component(result, 'work').details['max_in_flight']).toBeGreaterThan(1500);
		expect(component(result, 'work').details['max_in_flight']).toBeLessThanOrEqual(1700);
	});
});

describe('a pool with a batch size and a batching window (Lambda behind a queue)', () => {
	test('100/s into batches of up to 1,000 with a 1 s window: the window, not the size, starts each batch of 100', () => {
		// The window runs from the first record of a batch: 1 s × 100/s = 100 records, every second.
		const work = component(simulate([{id: 'work', kind: 'compute', component: 'lambda', concurrency: 10, batch_size: 1000, batching_window_s: 1, overhead_ms: 100}], {}, 120, 100), 'work');
		expect(work.details['mean_batch_records']).toBe(100);
		expect(work.details['invocations_per_s']).toBe(1);
	});

	test('a gang of 2 invocations splits the records: each runs 100 ms + 30 × 1 ms, so a record waits 20 + 130 ms on average', () => {
		// As in compute.test.ts (60 records every 3 ticks, 30 per invocation), now with 1 ms a record:
		// waits of 40, 20 and 0 ms for the batch (20 on average), then 0.1 + 30 × 0.001 = 0.13 s.
		const work = component(simulate([{id: 'work', kind: 'compute', component: 'lambda', concurrency: 10, batch_size: 50, batching_window_s: 1, overhead_ms: 100, per_record_ms: 1}]), 'work');
		expect(work.details['mean_batch_records']).toBe(30);
		expect(work.wait_ms.mean).toBe(150);
	});
});

describe('cold starts of a partly warm gang', () => {
	test('after a step to 5x only the new environments pay the 250 ms: p95 stays at the 100 ms of a warm one', () => {
		// 500/s × 0.1 s needs 50 environments; the warm ones start at once, the new ones take 0.35 s. Cold
		// invocations are a few dozen of the 34,800 in the window, so p95 and p99 are those of warm ones.
		const result = simulate([{id: 'work', kind: 'compute', component: 'lambda', concurrency: 100, overhead_ms: 100}], {injections: [{at_s: 60, kind: 'load_multiplier', factor: 5}]}, 120, 100);
		const work = component(result, 'work');
		expect(work.details['cold_starts']).toBeGreaterThan(0);
		expect(work.details['cold_starts']).toBeLessThan(100);
		// The new ones run 0.35 s: 500/s × 0.35 s = 175 would be wanted while they warm, so the ramp reaches the
		// concurrency of 100 (and the steady 50 after it stays below).
		expect(work.details['max_in_flight']).toBe(100);
		expect(work.wait_ms.p95).toBeLessThan(101);
		// One record per invocation: the mean wait is 100 ms plus 250 ms for each cold one, spread over all:
		// 100 + cold × 250 / invocations (64 of 34,800: 100.46 ms). Were a whole gang to pay for its new
		// environments, warm ones would pay too and the mean would be above this.
		const cold = work.details['cold_starts'] as number;
		const invocations = work.details['invocations'] as number;
		expect(work.wait_ms.mean).toBeCloseTo(100 + (cold * 250) / invocations, 2);
		expect(work.details['busy_seconds_per_s']).toBeCloseTo((invocations * 0.1 + cold * 0.25) / WINDOW_S, 3);
	});
});

describe('autoscaling back in and out', () => {
	test('a peak of 6,000/s from 101 s to 150 s, then 2,000/s again: 10 workers at the peak, back to 4 or 5 by 300 s', () => {
		// After the peak, 2 busy units of 10: desired ceil(10 × 0.2 / 0.5) = 4 (5 when the float reading is a hair
		// above); scaling in needs no launch pending, so the peak's launch must have been counted as arrived.
		const result = run(parseModel({source: source(2000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 10, interval_s: 10, lag_s: 5}}], injections: [{at_s: 101, kind: 'load_multiplier', factor: 3}, {at_s: 150, kind: 'load_multiplier', factor: 1}]}), {durationS: 300});
		const work = component(result, 'work');
		expect(work.details['units']).toBeGreaterThanOrEqual(4);
		expect(work.details['units']).toBeLessThanOrEqual(5);
		expect(work.details['max_in_flight']).toBe(10);
	});

	test('losing every worker at the start: the queued work reads as demand, so autoscaling launches workers again', () => {
		// From 0 s no units: the first decision (10 s) reads no unit time at all (busy 0 of 0 reads as 0) but
		// the backlog of 10 s × 1,000/s × 1 ms = 10 s of work counts against max(1, 0) units; desired is at least 1,
		// launched 5 s later, and the pool grows to what 1,000/s needs (2 at the 0.5 target) and catches up.
		const result = run(parseModel({source: source(1000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 10, interval_s: 10, lag_s: 5}}], injections: [{at_s: 0, kind: 'lose_node', stage: 'work', count: 2}]}), {durationS: 300});
		const work = component(result, 'work');
		expect(work.details['units']).toBeGreaterThanOrEqual(2);
		expect(result.end_to_end.undelivered).toBeLessThan(1000);
		expect(work.backlog_growth_per_s).toBeLessThan(1);
	});
});

describe('the tumbling window grid', () => {
	test("windows close on the 10 s grid: the close at 120 s, the run's last instant, leaves nothing undelivered", () => {
		// 1,000/s in windows closing at 10, 20, …, 120 s. Born in the window (12–120 s): 108,000, all delivered
		// by the close at 120 s (the window's phase is not checked: a grid shifted to 0.1 + 10k s delivers them too).
		const result = simulate([{id: 'work', kind: 'compute', component: 'flink', concurrency: 2, per_record_ms: 0.1, transform: 'aggregate', output_ratio: 0.01, window_s: 10}]);
		expect(result.end_to_end.delivered).toBe(1000 * WINDOW_S);
		expect(result.end_to_end.undelivered).toBe(0);
	});
});

describe('a full queue station', () => {
	test('K = 100 at 1,000/s against 500/s: the half admitted is delivered', () => {
		const result = simulate([
			{id: 'q', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 2}, capacity: 100},
			{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 0.1},
		]);
		// 108,000 born: 54,000 dropped, 54,000 delivered (a record in service at the end at most 100 short).
		expect(result.end_to_end.delivered / 54_000).toBeCloseTo(1, 2);
		expect(result.end_to_end.delivered + result.end_to_end.lost + result.end_to_end.undelivered).toBeCloseTo(108_000, -1);
	});
});

describe('a lost worker is the compute stage’s own loss', () => {
	test('lose_node on a pool takes its workers and draws no "nothing to lose" note', () => {
		const result = simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 2}], {injections: [{at_s: 60, kind: 'lose_node', stage: 'work', count: 2}]});
		expect(component(result, 'work').details['units']).toBe(2);
		expect(result.notes).toEqual([]);
	});
});

describe("the first autoscaling decision counts the queue's work", () => {
	// 3,000/s into 2 units taking batches of 100 that last 0.1 s: 2,000/s served, so 1,000/s queue. At the
	// first decision (10 s) the units were busy all along (used / offered = 1) and about 10,000 − 200 in flight
	// = 9,800 records wait. Launches serve from 15 s; the run ends at 16 s, before the next decision (20 s).
	const rule = {target_utilization: 0.7, max: 10, interval_s: 10, lag_s: 5};
	const unitsAt16 = (stage: Record<string, unknown>) => component(run(parseModel({source: source(3000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2, batch_size: 100, autoscale: rule, ...stage}]}), {durationS: 16}), 'work').details['units'];

	test('overhead 100 ms a batch: 98 batches queued are 9.8 s of work over 10 s × 2 units, so 2 × 1.49 / 0.7 → 5 units', () => {
		// Utilization 1 + 9.8 / (10 × 2) = 1.49; desired ceil(2 × 1.49 / 0.7) = ceil(4.26) = 5.
		expect(unitsAt16({overhead_ms: 100})).toBe(5);
	});

	test('the launch serves only after its 5 s lag: at 14 s the pool still has its 2 units', () => {
		const result = run(parseModel({source: source(3000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2, batch_size: 100, overhead_ms: 100, autoscale: rule}]}), {durationS: 14});
		expect(component(result, 'work').details['units']).toBe(2);
	});

	test('1 ms a record: 9,800 records queued are 9.8 s of work, the same 5 units', () => {
		expect(unitsAt16({per_record_ms: 1})).toBe(5);
	});

	test('no batch size, overhead 5 s: one batch takes the whole queue, so the queue is one overhead of work', () => {
		// 100/s into 1 unit whose runs take everything queued and last 5 s (no per-record cost): runs at 0.02 s
		// and 5.02 s, so at 10 s about 500 records wait for the next run, 5 s of work (one batch) over 10 s × 1 unit:
		// utilization 1 + 0.5 = 1.5, desired ceil(1 × 1.5 / 0.6) = ceil(2.5) = 3.
		const result = run(parseModel({source: source(100), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, overhead_ms: 5000, autoscale: {target_utilization: 0.6, max: 10, interval_s: 10, lag_s: 5}}]}), {durationS: 16});
		expect(component(result, 'work').details['units']).toBe(3);
	});
});

describe('a queue station that fills part of an arrival', () => {
	test('K = 90 with arrivals of 20 a tick: a tick that finds 80 held admits 10 and drops 10; half of all is still dropped', () => {
		// The station serves 500/s, so 500/s are dropped whatever K is: 54,000 in the window; each admitted part
		// goes on with its share of the events, so the other 54,000 are delivered.
		const result = simulate([
			{id: 'q', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 2}, capacity: 90},
			{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 0.1},
		]);
		const q = component(result, 'q');
		expect(q.dropped / 54_000).toBeCloseTo(1, 2);
		expect(q.queue.max).toBeLessThanOrEqual(90);
		expect(result.end_to_end.lost / 54_000).toBeCloseTo(1, 2);
		expect(result.end_to_end.delivered / 54_000).toBeCloseTo(1, 2);
	});
});

describe('cold starts are Lambda’s', () => {
	test('a worker pool given cold_start_ms pays none when a step brings idle workers into use', () => {
		// 1,000/s: each tick's 20 records go 10 to each of 2 workers (10 ms); from 60 s 2,000/s: 40 a tick, 10 to
		// each of 4, two of them never used before. End to end a record takes at most 20 ms (its 10 ms run plus
		// where it was born in the source's tick, as in compute.test.ts); a 9 ms cold start on the new ones would add 9.
		const result = simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1, cold_start_ms: 9}], {injections: [{at_s: 60, kind: 'load_multiplier', factor: 2}]});
		expect(component(result, 'work').wait_ms.mean).toBe(10);
		expect(result.end_to_end.latency_ms.max).toBeLessThanOrEqual(20);
	});
});

describe('autoscaling with a lag longer than its interval', () => {
	test('decisions while a launch is pending count it: the pool never passes max (10)', () => {
		// 2,000/s on 1 worker of 1 ms, decisions every 10 s, new workers after 25 s: the 20 s decision sees 1 unit
		// plus the pending ones and asks only for the difference, so units and in-flight stay ≤ 10.
		const result = run(parseModel({source: source(2000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 10, interval_s: 10, lag_s: 25}}]}), {durationS: 300});
		const work = component(result, 'work');
		expect(work.details['max_in_flight']).toBeLessThanOrEqual(10);
		expect(work.details['units']).toBeLessThanOrEqual(10);
	});

	test('scaling in is immediate: 1,000/s on 8 workers at target 0.5 has 2 left at 14 s (the first decision at 10 s)', () => {
		// Busy 1 of 8: desired ceil(8 × 0.125 / 0.5) = 2, set at once (no lag for removing workers).
		const result = run(parseModel({source: source(1000), stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 8, per_record_ms: 1, autoscale: {target_utilization: 0.5, max: 10, interval_s: 10, lag_s: 5}}]}), {durationS: 14});
		expect(component(result, 'work').details['units']).toBe(2);
	});
});

describe('a filter keeps at most what comes in', () => {
	test('a filter with output_ratio 1.5 filters nothing: all 108,000 events delivered, none counted as filtered', () => {
		const result = simulate([{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 2, per_record_ms: 0.5, transform: 'filter', output_ratio: 1.5}]);
		expect(result.end_to_end.filtered).toBe(0);
		expect(result.end_to_end.delivered).toBe(1000 * WINDOW_S);
	});
});
