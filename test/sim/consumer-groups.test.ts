/**
Kafka consumers are capped by partitions: a consumer group gives each partition
to one consumer, so workers beyond the partition count sit idle, in the run as
on paper (test/sim/analysis/capacity.test.ts checks the paper side).
*/
import {describe, expect, test} from 'vitest';
import {component, parseModel, run} from './helpers/pipeline-models.js';

/** 6,000 records/s of 200 B into a Kafka topic, read by a worker pool at 1 ms per record in batches of 100 (1,000/s per worker). */
const topic = (partitions: number, workers: number) =>
	parseModel({
		source: {rate_per_s: 6000, arrivals: 'constant'},
		stages: [
			{id: 'topic', kind: 'stream', component: 'kafka', shards: partitions},
			{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: workers, per_record_ms: 1, batch_size: 100},
		],
	});

describe('Kafka consumers are capped by partitions', () => {
	// 4 partitions: at most 4 consumers × 1,000/s = 4,000/s, below the 6,000/s offered, however many workers there are.
	const four = run(topic(4, 4), {durationS: 120});
	const twelve = run(topic(4, 12), {durationS: 120});

	test('12 workers on 4 partitions process what 4 do: 4,000/s; 8 sit idle, and the run says so', () => {
		expect(component(four, 'work').throughput_per_s).toBeGreaterThan(3950);
		expect(component(four, 'work').throughput_per_s).toBeLessThan(4050);
		expect(component(twelve, 'work').throughput_per_s).toBeCloseTo(component(four, 'work').throughput_per_s, -1);
		expect(component(twelve, 'work').details['units']).toBe(4);
		expect(twelve.notes).toContain('work: 12 workers share 4 shards/partitions; a consumer group reads each with one consumer, so 8 sit idle');
		expect(twelve.slo.met).toBe(false);
		expect(twelve.capacity.max_load_per_s).toBe(4000);
	});

	test('must fail: with 8 partitions the same 12 workers use 8 and keep up with 6,000/s', () => {
		const eight = run(topic(8, 12), {durationS: 120});
		expect(component(eight, 'work').details['units']).toBe(8);
		expect(component(eight, 'work').throughput_per_s).toBeGreaterThan(5950);
		expect(eight.slo.met).toBe(true);
	});
});
