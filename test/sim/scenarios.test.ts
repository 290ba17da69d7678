/**
The checks a data engineer would run on the simulator before trusting it, on
the built-in login-counter scenario: 500k logins/min of 200 B, keys user_id
(20M users) and country (US 40%), a dashboard that must be at most 15 s stale.
Each claim has a case that must come out the other way.
*/
import {describe, expect, test} from 'vitest';
import {component, loginModel, parseModel, run} from './helpers/pipeline-models.js';

describe('Kinesis shard limits at 500k/min of 200-byte events', () => {
	const fourShards = run(loginModel('kds-lambda-redis', {ingest: {shards: 4}}));
	const tenShards = run(loginModel('kds-lambda-redis', {ingest: {shards: 10}}));

	test('4 shards throttle: 8,333 records/s is more than 4 × 1,000', () => {
		const ingest = component(fourShards, 'ingest');
		expect(ingest.throttled).toBeGreaterThan(0);
		expect(ingest.details['accepted_per_s']).toBeCloseTo(4000, -1);
		expect(fourShards.slo.met).toBe(false);
		expect(fourShards.bottleneck?.component).toBe('ingest');
		expect(fourShards.bottleneck?.suggestion).toContain('needs at least 9 shards for 8,333 records/s of 200 B; has 4');
	});

	test('10 shards do not throttle, meet the SLO, and report no bottleneck (must not be reported as throttling)', () => {
		const ingest = component(tenShards, 'ingest');
		expect(ingest.throttled).toBe(0);
		expect(ingest.dropped).toBe(0);
		expect(tenShards.end_to_end.lost).toBe(0);
		expect(tenShards.slo.met).toBe(true);
		expect(tenShards.bottleneck).toBeNull();
		expect(tenShards.capacity.limited_by).toBe('ingest');
		expect(tenShards.capacity.max_load_per_s).toBeCloseTo(10_000, 0);
	});
});

describe('hot partition key', () => {
	// 20 shards take 20,000 records/s in total: more than twice the load.
	const byCountry = run(loginModel('kds-lambda-redis', {ingest: {shards: 20, partition_key: 'country'}}));
	const byUser = run(loginModel('kds-lambda-redis', {ingest: {shards: 20, partition_key: 'user_id'}}));

	test('keying by country (US = 40% of logins) makes a hot shard even with enough shards in total', () => {
		const ingest = component(byCountry, 'ingest');
		expect(ingest.details['hottest_shard_share']).toBeGreaterThanOrEqual(0.4);
		expect(ingest.throttled).toBeGreaterThan(0);
		expect(byCountry.slo.met).toBe(false);
		expect(byCountry.bottleneck?.component).toBe('ingest');
		expect(byCountry.bottleneck?.suggestion).toBe('partition key country sends 40% of records to one shard: key by user_id');
		expect(byCountry.capacity.max_load_per_s!).toBeLessThan(2600);
	});

	test('keying the same 20 shards by user_id spreads the load: no throttling', () => {
		const ingest = component(byUser, 'ingest');
		expect(ingest.details['hottest_shard_share']).toBeCloseTo(0.05, 3);
		expect(ingest.throttled).toBe(0);
		expect(byUser.slo.met).toBe(true);
	});

	test('a hot-key injection on a keyed stream throttles; with random keys it changes nothing', () => {
		const injection = [{at_s: 60, kind: 'hot_key' as const, key: 'celebrity', share: 0.3}];
		const keyed = loginModel('kds-lambda-redis', {ingest: {shards: 20}});
		const hot = run({...keyed, injections: injection});
		expect(component(hot, 'ingest').throttled).toBeGreaterThan(0);
		const random = loginModel('kds-lambda-redis', {ingest: {shards: 20, partition_key: 'random'}});
		const spread = run({...random, injections: injection});
		expect(component(spread, 'ingest').throttled).toBe(0);
		expect(spread.notes.join(' ')).toMatch(/random partition keys/);
	});
});

describe('freshness: Firehose buffering vs a stream and Lambda', () => {
	const tenSeconds = {freshness_s: 10};
	const grafana = {id: 'dashboard', kind: 'dashboard', component: 'grafana', refresh_s: 5, query_ms: 50};
	const source = {rate_per_s: 500_000 / 60, event_bytes: 200};

	test('Firehose with its default 300 s buffer interval cannot meet a 10 s freshness SLO', () => {
		// A 128 MiB buffer takes 80 s to fill at 1.7 MB/s, so the 300 s interval decides.
		const model = parseModel({source, slo: tenSeconds, stages: [{id: 'ingest', kind: 'firehose', buffer_size_mib: 128}, {id: 'lake', kind: 'store', component: 's3'}, grafana]});
		const result = run(model, {durationS: 900});
		expect(result.end_to_end.freshness_p99_s).toBeGreaterThan(60);
		expect(result.slo.met).toBe(false);
		expect(result.bottleneck?.component).toBe('ingest');
		expect(result.bottleneck?.suggestion).toMatch(/buffer_interval_s/);
	});

	test('Kinesis Data Streams → Lambda → Redis meets the same 10 s freshness SLO', () => {
		const model = loginModel('kds-lambda-redis', {dashboard: {refresh_s: 5}}, tenSeconds);
		const result = run(model);
		expect(result.end_to_end.freshness_p99_s).toBeLessThan(10);
		expect(result.slo.met).toBe(true);
	});

	test('the default 5 MiB buffer fills in about 3 s at this rate, so size, not the 300 s interval, triggers delivery', () => {
		const model = parseModel({source, slo: tenSeconds, stages: [{id: 'ingest', kind: 'firehose'}, {id: 'lake', kind: 'store', component: 's3'}]});
		const ingest = component(run(model), 'ingest');
		expect(ingest.details['flushed_by_interval']).toBe(0);
		expect(ingest.details['flushed_by_size']).toBeGreaterThan(50);
		expect(ingest.details['max_buffer_age_s']).toBeLessThan(5);
	});
});

describe('at 10x load the report names the first stage to break and the fix', () => {
	test('10 shards at 5M/min: the stream breaks first; it needs 84 shards', () => {
		const result = run(loginModel('kds-lambda-redis'), {scale: 10});
		expect(result.load_per_s).toBeCloseTo(83_333.333, 2);
		expect(result.slo.met).toBe(false);
		expect(result.capacity.limited_by).toBe('ingest');
		expect(result.bottleneck?.component).toBe('ingest');
		expect(result.bottleneck?.suggestion).toContain('needs at least 84 shards for 83,333 records/s of 200 B; has 10');
	});

	test('at exactly 10 × 1,000 records/s the reason says the mean fills the shards, not that it exceeds them; one more shard is the fix', () => {
		const result = run(loginModel('kds-lambda-redis'), {scale: 1.2});
		expect(result.bottleneck?.component).toBe('ingest');
		expect(result.bottleneck?.reason).toBe('10,000 records/s of 200 B is all that 10 shards take at 1,000 records/s per shard, so bursts above the mean are refused');
		expect(result.bottleneck?.suggestion).toContain('needs at least 11 shards for 10,000 records/s of 200 B; has 10');
		// must fail: 10x is well over the limit and says so.
		expect(run(loginModel('kds-lambda-redis'), {scale: 10}).bottleneck?.reason).toContain('is more than 10 shards take');
	});

	test('resharded to 100 shards, the same 10x load passes: the stream is not named', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 100}}), {scale: 10});
		expect(component(result, 'ingest').throttled).toBe(0);
		expect(result.slo.met).toBe(true);
		expect(result.bottleneck).toBeNull();
	});

	test('a Lambda capped at 20 concurrent executions breaks before 100 shards do', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 100}, count: {concurrency: 20, per_record_ms: 0.5}}), {scale: 10});
		expect(result.capacity.limited_by).toBe('count');
		expect(result.bottleneck?.component).toBe('count');
		expect(result.bottleneck?.suggestion).toMatch(/concurrency limit to at least/);
	});
});

describe('what-ifs an interviewer throws in', () => {
	// 8 shards left take 8,000 records/s of the 8,333 offered.
	test('losing 2 of 10 shards at 2 minutes: the 8 left share their hash ranges and throttle', () => {
		const model = loginModel('kds-lambda-redis');
		const result = run({...model, injections: [{at_s: 120, kind: 'lose_node', stage: 'ingest', count: 2}]});
		expect(component(result, 'ingest').throttled).toBeGreaterThan(0);
		expect(result.slo.met).toBe(false);
	});

	test('must fail: losing 1 of 20 shards leaves each of the 19 left 8,333 / 19 = 439 records/s: no throttling', () => {
		const model = loginModel('kds-lambda-redis', {ingest: {shards: 20}});
		const result = run({...model, injections: [{at_s: 120, kind: 'lose_node', stage: 'ingest', count: 1}]});
		expect(component(result, 'ingest').throttled).toBe(0);
	});

	test('a 3x load spike at 3 minutes throttles 10 shards only from then on', () => {
		const model = loginModel('kds-lambda-redis');
		const result = run({...model, injections: [{at_s: 180, kind: 'load_multiplier', factor: 3}]});
		const throughput = result.series.components['ingest']!.throughput_per_s;
		const index = result.series.t_s.findIndex((t) => t >= 170);
		expect(Math.max(...throughput.slice(3, index))).toBeLessThan(9500);
		expect(component(result, 'ingest').throttled).toBeGreaterThan(0);
		expect(result.series.offered_per_s.at(-1)).toBeGreaterThan(20_000);
	});
});

describe('stream retention and on-demand scaling', () => {
	test('records a consumer cannot read within the retention period are lost', () => {
		// A consumer that handles 1,000 records/s behind a stream taking 2,000/s, with 1 minute of retention.
		const model = parseModel({
			source: {rate_per_s: 2000},
			stages: [
				{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 4, retention_h: 1 / 60},
				{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 1},
			],
		});
		const result = run(model, {durationS: 600});
		expect(component(result, 'ingest').lost).toBeGreaterThan(100_000);
		expect(result.slo.met).toBe(false);
	});

	test('must fail: with 24 h of retention the same backlog loses nothing in 10 minutes', () => {
		const model = parseModel({
			source: {rate_per_s: 2000},
			stages: [
				{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 4},
				{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: 1},
			],
		});
		expect(component(run(model, {durationS: 600}), 'ingest').lost).toBe(0);
	});

	test('an on-demand stream starts at 4,000 records/s, throttles, and doubles after its scale-up lag', () => {
		const model = loginModel('kds-lambda-redis', {ingest: {mode: 'on_demand', shards: undefined}});
		const short = component(run(model, {durationS: 600}), 'ingest');
		expect(short.throttled).toBeGreaterThan(0);
		expect(short.details['scale_ups']).toBe(0);
		const long = run(model, {durationS: 2400});
		expect(component(long, 'ingest').details['scale_ups']).toBeGreaterThanOrEqual(1);
		// Doubling per 15-minute step: 4 → 8 → 16 shards (16,000 records/s carry 8,333).
		expect(component(long, 'ingest').details['shards']).toBe(16);
		const late = long.series.components['ingest']!.throughput_per_s.slice(-10);
		expect(Math.min(...late)).toBeGreaterThan(8000);
	});
});

describe('source shape', () => {
	test('bursts of 3x for 5 s every minute throttle 10 shards that carry the mean easily', () => {
		const model = loginModel('kds-lambda-redis');
		const bursty = run({...model, source: {...model.source, bursts: {every_s: 60, duration_s: 5, multiplier: 3}}});
		expect(component(bursty, 'ingest').throttled).toBeGreaterThan(0);
	});

	test('--peak runs at the daily peak: 2 × 8,333 events/s on 10 shards throttles', () => {
		const peak = run(loginModel('kds-lambda-redis'), {peak: true});
		expect(peak.load_per_s).toBeCloseTo(16_666.667, 2);
		expect(component(peak, 'ingest').throttled).toBeGreaterThan(0);
		expect(peak.bottleneck?.suggestion).toContain('needs at least 17 shards');
	});
});
