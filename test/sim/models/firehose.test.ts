/** Firehose buffers by size or by interval, whichever comes first, then delivers one object. */
import {describe, expect, it, test} from 'vitest';
import {component, parseModel, run} from '../helpers/pipeline-models.js';
import {FirehoseStage} from '../../../src/sim/models/firehose.js';
import {GroupSink, handRun} from '../helpers/hand-run.js';

const firehose = (stage: Record<string, unknown>, source: Record<string, unknown>, durationS = 300) =>
	run(parseModel({source, stages: [{id: 'f', kind: 'firehose', ...stage}, {id: 's3', kind: 'store', component: 's3'}]}), {durationS});

describe('Firehose buffering', () => {
	test('a 1 MiB buffer at 1,000 × 200 B/s fills in 1,048,576 / 200,000 = 5.2 s, before a 60 s interval', () => {
		const result = firehose({buffer_interval_s: 60, buffer_size_mib: 1}, {rate_per_s: 1000});
		const f = component(result, 'f');
		expect(f.details['flushed_by_interval']).toBe(0);
		// 270 measured seconds / 5.24 s ≈ 51 deliveries.
		expect(f.details['flushed_by_size']).toBeGreaterThanOrEqual(48);
		expect(f.details['flushed_by_size']).toBeLessThanOrEqual(54);
		expect(f.details['deliveries']).toBe(f.details['flushed_by_size']);
		expect(f.details['max_buffer_age_s']).toBeGreaterThan(4.8);
		expect(f.details['max_buffer_age_s']).toBeLessThan(6);
		expect(f.details['buffer_size_mib']).toBe(1);
		expect(f.details['buffer_interval_s']).toBe(60);
		// A record waits half a fill on average (2.6 s), plus 0.5 s to write the object.
		expect(result.end_to_end.latency_ms.p50).toBeGreaterThan(2600);
		expect(result.end_to_end.latency_ms.p50).toBeLessThan(3700);
		expect(result.end_to_end.latency_ms.max).toBeLessThan(6500);
		// One PUT per delivered object: 51 objects in 270 s.
		expect(component(result, 's3').details['write_requests_per_s']).toBeCloseTo(0.19, 1);
		// Utilisation is bytes over the 5 MiB/s quota: 200,000 / 5,242,880.
		expect(f.utilization).toBeCloseTo(200_000 / 5_242_880, 2);
	});

	test('at 100 × 200 B/s a 5 MiB buffer would take 262 s: the 30 s interval delivers, every 30 s', () => {
		const result = firehose({buffer_interval_s: 30}, {rate_per_s: 100});
		const f = component(result, 'f');
		expect(f.details['flushed_by_size']).toBe(0);
		expect(f.details['flushed_by_interval']).toBeGreaterThanOrEqual(8);
		expect(f.details['flushed_by_interval']).toBeLessThanOrEqual(10);
		expect(f.details['max_buffer_age_s']).toBeCloseTo(30, 1);
		expect(f.details['max_delivery_gap_s']).toBeGreaterThan(29.9);
		expect(f.details['max_delivery_gap_s']).toBeLessThan(31);
		expect(result.end_to_end.latency_ms.p99).toBeGreaterThan(29_000);
		expect(result.end_to_end.latency_ms.p99).toBeLessThan(31_500);
		expect(result.end_to_end.latency_ms.p50).toBeGreaterThan(14_000);
		expect(result.end_to_end.latency_ms.p50).toBeLessThan(17_000);
	});

	test('2 MB/s into a 1 MiB/s Direct PUT quota: accepted at the quota, the rest refused and finally dropped', () => {
		const result = firehose({buffer_interval_s: 10, throughput_mib_s: 1}, {rate_per_s: 2000, event_bytes: 1000}, 120);
		const f = component(result, 'f');
		// 1,048,576 B/s / 1,000 B = 1,049 records/s.
		expect(f.throughput_per_s).toBeGreaterThan(1000);
		expect(f.throughput_per_s).toBeLessThan(1060);
		expect(f.utilization).toBeGreaterThan(0.98);
		expect(f.utilization).toBeLessThanOrEqual(1.001);
		expect(f.throttled).toBeGreaterThan(0);
		expect(f.dropped).toBeGreaterThan(0);
		expect(result.end_to_end.lost).toBeGreaterThan(0);
	});
});

describe('Firehose delivery', () => {
	it('hands on the records of one delivery born at the same instant as one group, and keeps each record\'s own wait', () => {
		const {ctx, runTo} = handRun(() => firehose);
		const firehose = new FirehoseStage(ctx, 0, {id: 'deliver', bufferSizeMiB: 128, bufferIntervalS: 10, recordBytes: 100});
		const sink = new GroupSink(ctx, 1, 'sink', 'store', 's3');
		firehose.next = sink;
		// Three shards read at different moments, each with records born in the same two ticks (0.0 s and 0.1 s).
		for (const [at, count] of [[1, 10], [2, 20], [3, 30]] as const) {
			firehose.receive(at, 0, count, count);
			firehose.receive(at, 0.1, count, count);
		}
		// The buffer interval runs out 10 s after the first record; the object is delivered a moment later.
		runTo(Number.POSITIVE_INFINITY);
		expect(sink.groups.map(({born, count, weight}) => ({born, count, weight}))).toEqual([
			{born: 0, count: 60, weight: 60},
			{born: 0.1, count: 60, weight: 60},
		]);
		const delivered = sink.groups[0]!.now;
		expect(delivered).toBeGreaterThan(11);
		// Waits are each record's own: 20 records arrived at 1 s, 40 at 2 s, 60 at 3 s.
		const wait = firehose.stats.wait;
		expect(wait.count).toBe(120);
		const meanWaitS = (20 * (delivered - 1) + 40 * (delivered - 2) + 60 * (delivered - 3)) / 120;
		expect(wait.quantile(0) / 1000).toBeCloseTo(delivered - 3, 1);
		expect(wait.quantile(1) / 1000).toBeCloseTo(delivered - 1, 1);
		expect(wait.sum / wait.count / 1000).toBeCloseTo(meanWaitS, 6);
		expect(firehose.stats.departed).toBe(120);
	});
});

/** The stage after the Firehose, counting the objects it is told about (one PUT each for a store). */
class ObjectSink extends GroupSink {
	objects: number[] = [];
	override beginObject(now: number): void {
		this.objects.push(now);
	}
}

/** A Firehose with a hand-run context whose clock measures from `warmup` on. */
function stage(spec: {bufferSizeMiB?: number; bufferIntervalS?: number; throughputMiBs?: number; recordBytes?: number}, warmup = 0) {
	const {ctx, events, runTo} = handRun(() => firehose, {warmup});
	const firehose = new FirehoseStage(ctx, 0, {id: 'f', bufferSizeMiB: 5, bufferIntervalS: 60, recordBytes: 1024, ...spec});
	const sink = new ObjectSink(ctx, 1, 'sink', 'store', 's3');
	firehose.next = sink;
	const receive = (now: number, count: number) => {
		runTo(now);
		firehose.receive(now, now, count, count);
	};
	return {firehose, sink, events, runTo, receive, details: () => firehose.details()};
}

describe('Firehose flushes, by hand', () => {
	test('1,024 records of 1 KiB fill a 1 MiB buffer exactly: delivered by size at once, 0.5 s later; the interval\'s flush then finds nothing', () => {
		const {sink, runTo, receive, details} = stage({bufferSizeMiB: 1});
		receive(3, 1024);
		expect(details()).toMatchObject({deliveries: 1, flushed_by_size: 1, flushed_by_interval: 0, max_buffer_age_s: 0});
		runTo(100);
		expect(sink.groups).toEqual([{now: 3.5, born: 3, count: 1024, weight: 1024}]);
		expect(sink.objects).toEqual([3.5]);
		expect(details().deliveries).toBe(1);
	});

	test('1,023 records stay in the buffer until the 60 s interval: by interval at 63 s, aged 60 s', () => {
		const {sink, runTo, receive, details} = stage({bufferSizeMiB: 1});
		receive(3, 1023);
		runTo(62.9);
		expect(sink.groups).toEqual([]);
		runTo(70);
		expect(details()).toMatchObject({deliveries: 1, flushed_by_size: 0, flushed_by_interval: 1, max_buffer_age_s: 60, max_delivery_gap_s: 0});
		expect(sink.groups).toEqual([{now: 63.5, born: 3, count: 1023, weight: 1023}]);
	});

	test('the interval runs from the oldest record of each buffer: flushes at 11, 22 and 35 s, gaps 11 and 13 s', () => {
		const {sink, runTo, receive, details} = stage({bufferIntervalS: 10});
		receive(1, 10);
		receive(4, 10);
		receive(12, 5);
		receive(25, 5);
		runTo(100);
		expect(sink.objects).toEqual([11.5, 22.5, 35.5]);
		expect(sink.groups.map((group) => group.count)).toEqual([10, 10, 5, 5]);
		expect(details()).toMatchObject({deliveries: 3, flushed_by_interval: 3, max_buffer_age_s: 10, max_delivery_gap_s: 13, buffer_interval_s: 10, buffer_size_mib: 5});
	});

	test('zero buffering still batches: an interval of 0 delivers every 2 s', () => {
		const {sink, runTo, receive} = stage({bufferIntervalS: 0});
		receive(1, 1);
		receive(1.5, 1);
		runTo(10);
		expect(sink.objects).toEqual([3.5]);
	});

	test('before the measurement window nothing is counted; the figures start at the window', () => {
		const {runTo, receive, details, firehose} = stage({bufferIntervalS: 10}, 50);
		receive(1, 10);
		runTo(45);
		expect(details()).toMatchObject({deliveries: 0, flushed_by_interval: 0, max_buffer_age_s: 0});
		receive(55, 10);
		runTo(70);
		// The gap from the 11 s flush (not counted) to the 65 s one is measured: 54 s.
		expect(details()).toMatchObject({deliveries: 1, flushed_by_interval: 1, max_buffer_age_s: 10, max_delivery_gap_s: 54});
		expect(firehose.utilization(20)).toBeCloseTo((10 * 1024) / 20 / 5_242_880, 12);
	});

	test('the Direct PUT quota: 1 MiB/s takes 1,024 records of 1 KiB a second and throttles the rest; 5 MiB/s by default', () => {
		const one = stage({throughputMiBs: 1, bufferSizeMiB: 128});
		one.receive(0, 1500);
		expect(one.firehose.stats.throttled).toBe(476);
		expect(one.firehose.utilization(1)).toBeCloseTo(1, 9);
		const five = stage({bufferSizeMiB: 128});
		five.receive(0, 6000);
		expect(five.firehose.stats.throttled).toBe(6000 - 5120);
	});
});

describe('Firehose figures, edge by edge', () => {
	test('the stage is Firehose; the oldest buffer and the longest gap are the largest seen, not the last', () => {
		const {firehose, sink, runTo, receive, details} = stage({bufferSizeMiB: 1, bufferIntervalS: 10});
		expect([firehose.kind, firehose.component]).toEqual(['firehose', 'firehose']);
		// By interval at 11 s (aged 10 s), then by size at 30 s (aged 0 s, a gap of 19 s), then by size at 31 s (gap 1 s).
		receive(1, 10);
		receive(30, 1024);
		receive(31, 1024);
		runTo(100);
		expect(sink.objects).toEqual([11.5, 30.5, 31.5]);
		expect(details()).toMatchObject({deliveries: 3, flushed_by_size: 2, flushed_by_interval: 1, max_buffer_age_s: 10, max_delivery_gap_s: 19});
	});

	test('two objects in transit land each at its own time: flushed at 0 and 0.2 s, delivered at 0.5 and 0.7 s', () => {
		const {sink, runTo, receive} = stage({bufferSizeMiB: 1});
		receive(0, 1024);
		receive(0.2, 1024);
		runTo(10);
		expect(sink.groups.map((group) => [group.now, group.born])).toEqual([[0.5, 0], [0.7, 0.2]]);
		expect(sink.objects).toEqual([0.5, 0.7]);
	});

	test('nothing is counted before the window: neither throttles nor waits', () => {
		const {firehose, runTo, receive} = stage({throughputMiBs: 1, bufferIntervalS: 1}, 50);
		receive(0, 1500);
		runTo(20);
		expect(firehose.stats.throttled).toBe(0);
		expect(firehose.stats.wait.count).toBe(0);
	});

	test('a Firehose with nothing after it hands each delivery to the end of the pipeline', () => {
		const {firehose, runTo, receive} = stage({bufferIntervalS: 10});
		firehose.next = null;
		receive(0, 5);
		runTo(20);
		expect(firehose.stats.departed).toBe(5);
	});
});
