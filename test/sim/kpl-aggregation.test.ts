/**
KPL aggregation on login-counter's Kinesis stream: 500k logins/min is 8,333
records/s of 200 B, 1.67 MB/s.

Without aggregation each login is a Kinesis record: 1,000 records/s per shard
[D] binds, so 4 shards take 4,000/s and refuse the rest; 9 are needed.
With aggregation the producer packs ⌊51,200 / 200⌋ = 256 logins into one
Kinesis record (KPL AggregationMaxSize default [U]): 8,333 logins are about 33
Kinesis records/s, and the 1 MiB/s per shard [D] binds instead:
1,048,576 / 200 = 5,243 logins/s per shard. 4 shards take 20,972/s; 1 shard
cannot take 8,333/s and needs ⌈8,333 / 5,243⌉ = 2.
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../src/sim/analysis/capacity.js';
import {component, loginModel, run} from './helpers/pipeline-models.js';

describe('KPL aggregation sizes shards by bytes', () => {
	test('capacity on paper: 4 shards take 4,000 records/s without aggregation, 20,972/s with it', () => {
		const plain = analyseCapacity(loginModel('kds-lambda-redis', {ingest: {shards: 4}}));
		const packed = analyseCapacity(loginModel('kds-lambda-redis', {ingest: {shards: 4, aggregation: true}}));
		expect(plain.stages[0]!.maxLoadPerS).toBeCloseTo(4000, 0);
		expect(packed.stages[0]!.maxLoadPerS).toBeCloseTo(20_971.5, 0);
		expect(packed.stages[0]!.limit).toContain('1 MiB/s per shard (5,243 records/s of 200 B)');
	});

	test('in a run, 4 shards throttle 8,333 logins/s unless the producer aggregates', () => {
		const plain = run(loginModel('kds-lambda-redis', {ingest: {shards: 4}}), {durationS: 120});
		const packed = run(loginModel('kds-lambda-redis', {ingest: {shards: 4, aggregation: true}}), {durationS: 120});
		expect(component(plain, 'ingest').throttled).toBeGreaterThan(0);
		expect(component(packed, 'ingest').throttled).toBe(0);
		expect(packed.end_to_end.lost).toBe(0);
		// 1.67 MB/s on 4 × 1 MiB/s: about 40% of the bytes limit.
		expect(component(packed, 'ingest').utilization).toBeCloseTo(8333 * 200 / (4 * 1_048_576), 1);
	});

	test('one aggregated shard is short by bytes: the fix asks for 2 shards at 1 MiB/s, not 9 at 1,000 records/s', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 1, aggregation: true}}), {durationS: 120});
		expect(result.bottleneck?.component).toBe('ingest');
		expect(result.bottleneck?.reason).toContain('1 shard takes at 1 MiB/s per shard');
		expect(result.bottleneck?.suggestion).toMatch(/^needs at least 2 shards for 8,3\d\d records\/s of 200 B; has 1/);
	});
});
