/** Firehose buffers by size or by interval, whichever comes first, then delivers one object. */
import {describe, expect, test} from 'vitest';
import {component, parseModel, run} from '../helpers/pipeline-models.js';

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
