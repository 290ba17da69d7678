/**
Behaviours the scenarios need, each worked out from the documentation and
checked against the built-in scenarios (issue 10, item 2). Each test failed
against the simulator before its fix; each claim has a case that must fail.
*/
import {describe, expect, test} from 'vitest';
import {formatReport} from '../../src/commands/sim-format.js';
import {analyseCapacity} from '../../src/sim/analysis/capacity.js';
import {producer} from '../../src/sim/catalogue.js';
import {component, loginModel, parseModel, run, scenarioModel} from './helpers/pipeline-models.js';


describe('the Kinesis Producer Library under overload', () => {
	// 8,333 records/s offered to 4 shards that take 4,000/s. The KPL keeps one queue per shard in arrival order,
	// resends refused records after 100 ms without backoff and sends at most 150% of a shard's limit, and drops
	// records older than RecordTtl (30 s). So the queue sits at 30 s: what gets through is ~30 s old, about
	// 1 − 4,000 / 8,333 = 52% is dropped, and refusals are 4 shards × (1,500 − 1,000) = 2,000 per second.
	const overloaded = run(loginModel('kds-lambda-redis', {ingest: {shards: 4}}), {durationS: 180});
	const span = overloaded.duration_s - overloaded.warmup_s;

	test('delivered records are about 30 s late and freshness fails', () => {
		expect(overloaded.end_to_end.latency_ms.p50).toBeGreaterThan(20_000);
		expect(overloaded.end_to_end.latency_ms.p99).toBeLessThan(40_000);
		expect(overloaded.end_to_end.freshness_p99_s).toBeGreaterThan(25);
		expect(overloaded.slo.checks.find((check) => check.name === 'freshness_s')!.met).toBe(false);
	});

	test('about 52% is lost and about 2,000 attempts/s are refused, not tens of thousands', () => {
		const total = overloaded.end_to_end.delivered + overloaded.end_to_end.lost;
		expect(overloaded.end_to_end.lost / total).toBeCloseTo(0.52, 1);
		const refusedPerS = component(overloaded, 'ingest').throttled / span;
		expect(refusedPerS).toBeGreaterThan(1500);
		expect(refusedPerS).toBeLessThan(2500);
	});

	test('the end-to-end line says "dropped or lost", matching the stage table where the producer\'s drops show as dropped', () => {
		const text = formatReport(overloaded, 't');
		expect(text).toMatch(/^end to end: [\d,]+ delivered · [\d,]+ dropped or lost/m);
		expect(component(overloaded, 'ingest').dropped).toBeGreaterThan(0);
	});

	test('must fail: 10 shards carry the load, records arrive within seconds', () => {
		const sized = run(loginModel('kds-lambda-redis'), {durationS: 120});
		expect(sized.end_to_end.latency_ms.p50).toBeLessThan(2000);
		expect(component(sized, 'ingest').throttled).toBe(0);
	});
});

describe('Spark and Glue micro-batches behind a stream read every offset available', () => {
	// user-engagement's kafka-spark-snowflake: 32 cores at 0.2 ms per record = 160,000 records/s on paper.
	// A micro-batch takes all offsets since the last one (maxOffsetsPerTrigger is unset by default), so the
	// 2x peak of 66,667/s keeps up, and a 20 s trigger at 1x (33,333/s, about 21% of capacity) as well.
	test('the 2x peak (66,667/s) passes through at 66,667/s, not capped near 64,000', () => {
		const result = run(scenarioModel('user-engagement', 'kafka-spark-snowflake'), {durationS: 300, peak: true});
		expect(component(result, 'process').throughput_per_s).toBeGreaterThan(65_000);
		expect(result.end_to_end.undelivered / result.end_to_end.delivered).toBeLessThan(0.001);
	});

	test('a 20 s trigger at 1x keeps up: nothing left unread, the stream backlog does not grow', () => {
		const result = run(scenarioModel('user-engagement', 'kafka-spark-snowflake', {process: {trigger_s: 20}}), {durationS: 300});
		expect(component(result, 'ingest').throughput_per_s).toBeGreaterThan(33_000);
		expect(component(result, 'ingest').backlog_growth_per_s).toBeLessThan(100);
	});

	test('must fail: 8 cores (40,000/s) at the peak fall behind', () => {
		const result = run(scenarioModel('user-engagement', 'kafka-spark-snowflake', {process: {concurrency: 8}}), {durationS: 300, peak: true});
		expect(component(result, 'process').throughput_per_s).toBeLessThan(42_000);
		expect(result.slo.met).toBe(false);
	});
});

describe('polling consumers share a shard: 2 MiB/s and 5 GetRecords/s', () => {
	const withBytes = (model: ReturnType<typeof loginModel>, bytes: number) => ({...model, source: {...model.source, event_bytes: bytes}});

	// 1,000 B records: 2 MiB/s per shard = 2,097 records/s, shared by 3 consumers = 699 each; 10 shards → 6,990/s.
	test('3 consumers of 1,000 B records read at most 6,990/s, though 8,333/s are written', () => {
		const result = run(withBytes(loginModel('kds-lambda-redis', {ingest: {consumers: 3}}), 1000), {durationS: 180});
		expect(component(result, 'ingest').details['read_per_s']).toBeLessThanOrEqual(6990 * 1.005);
		expect(component(result, 'ingest').details['read_per_s']).toBeGreaterThan(6990 * 0.9);
	});

	test('must fail: one consumer reads everything written', () => {
		const result = run(withBytes(loginModel('kds-lambda-redis'), 1000), {durationS: 180});
		expect(component(result, 'ingest').details['read_per_s']).toBeGreaterThan(8300);
	});

	// Each consumer may poll a shard at most every consumers / 5 s: more consumers can only make reads wait longer.
	test('more consumers never lower latency (1, 2, 3, 5 consumers)', () => {
		const means = [1, 2, 3, 5].map((consumers) => run(loginModel('kds-lambda-redis', {ingest: {consumers}}), {durationS: 180}).end_to_end.latency_ms.mean);
		for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThanOrEqual(means[i - 1]! * 0.995);
	});
});

describe('Lambda polls a caught-up shard at its base rate of once per second', () => {
	// The stream holds a record until the next poll: ~0.5 s on average at one poll a second, plus ~0.1 s to become readable.
	test('records wait about 0.6 s in a 10-shard stream that keeps up', () => {
		const wait = component(run(loginModel('kds-lambda-redis'), {durationS: 180}), 'ingest').wait_ms.mean;
		expect(wait).toBeGreaterThan(500);
		expect(wait).toBeLessThan(750);
	});

	test('must fail: poll_interval_s 0.2 cuts the wait to about 0.2 s', () => {
		const wait = component(run(loginModel('kds-lambda-redis', {ingest: {poll_interval_s: 0.2}}), {durationS: 180}), 'ingest').wait_ms.mean;
		expect(wait).toBeLessThan(300);
	});
});

describe('a lost shard', () => {
	// 10 shards, one lost at 60 s: its hash range is spread over the 9 left (1/9 = 11% each, not 20% on a neighbour),
	// and the stream now takes 9 × 1,000 = 9,000 records/s.
	const model = loginModel('kds-lambda-redis');
	const lost = run({...model, injections: [{at_s: 60, kind: 'lose_node', stage: 'ingest', count: 1}]}, {durationS: 180});

	test('its hash range is shared by every live shard', () => {
		expect(component(lost, 'ingest').details['hottest_shard_share']).toBeCloseTo(1 / 9, 3);
	});

	test('capacity counts 9 shards, and says one was lost', () => {
		expect(lost.capacity.max_load_per_s).toBeCloseTo(9000, 0);
		expect(lost.capacity.stages[0]!.limit).toMatch(/9 shards .*1 of 10 lost at 60 s/);
	});

	test('must fail: without the injection, 10 shards and 10,000/s', () => {
		const whole = run(model, {durationS: 60});
		expect(component(whole, 'ingest').details['hottest_shard_share']).toBeCloseTo(0.1, 6);
		expect(whole.capacity.max_load_per_s).toBeCloseTo(10_000, 0);
	});
});

describe('a lost node is named as the cause, with the fix', () => {
	test('a single Redis node lost at 60 s: the bottleneck is counters, fixed by a replica with failover', () => {
		const model = loginModel('kds-lambda-redis');
		const result = run({...model, injections: [{at_s: 60, kind: 'lose_node', stage: 'counters'}]}, {durationS: 180});
		expect(result.slo.met).toBe(false);
		expect(result.bottleneck?.component).toBe('counters');
		expect(result.bottleneck?.reason).toMatch(/lost its only node at 60 s/);
		expect(result.bottleneck?.suggestion).toMatch(/replica .*failover.*Multi-AZ/);
		expect(result.capacity.max_load_per_s).toBe(0);
	});

	test('must fail: with 2 nodes, losing one leaves 100,000 writes/s, so the SLO holds and nothing is blamed', () => {
		const model = loginModel('kds-lambda-redis', {counters: {nodes: 2}, ingest: {shards: 20}});
		const result = run({...model, injections: [{at_s: 60, kind: 'lose_node', stage: 'counters'}]}, {durationS: 180});
		expect(result.slo.met).toBe(true);
		expect(result.bottleneck).toBeNull();
	});
});

describe('byte-rate warehouses are sized in bytes', () => {
	// Snowpipe Streaming takes 10 GB/s per table, Redshift streaming ingestion ~100 MB/s per refresh: a byte quota
	// does not grow with how many records a file or request carries.
	test('Snowpipe Streaming behind Spark: 10 GB/s ÷ record bytes ÷ records per event, said in bytes', () => {
		const warehouse = analyseCapacity(scenarioModel('user-engagement', 'kafka-spark-snowflake')).stages.find((stage) => stage.id === 'warehouse')!;
		expect(warehouse.maxLoadPerS! / (10e9 / warehouse.recordBytes / warehouse.recordsPerEvent)).toBeCloseTo(1, 6);
		expect(warehouse.limit).toMatch(/10 GB\/s/);
		expect(warehouse.limit).not.toMatch(/write requests/);
	});

	test('Redshift streaming ingestion: said in MB/s, not write requests', () => {
		const result = run(scenarioModel('user-engagement', 'kds-flink-redshift'), {durationS: 30});
		expect(result.capacity.stages.find((stage) => stage.id === 'warehouse')!.limit).toMatch(/^100 MB\/s/);
	});

	test('must fail: Redis is sized in requests', () => {
		const result = run(loginModel('kds-lambda-redis'), {durationS: 30});
		expect(result.capacity.stages.find((stage) => stage.id === 'counters')!.limit).toMatch(/write requests\/s/);
	});
});

describe('an on-demand stream scales in steps', () => {
	// It starts at 4 MB/s (4 shards of 1,000 records/s) and accommodates twice its previous peak; more than that
	// within 15 minutes is throttled. So 8,333/s doubles it to 8 shards after 15 min and 16 after 30 min, not 17 at once.
	test('4 → 8 → 16 shards over 40 minutes at 8,333/s', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {mode: 'on_demand', shards: undefined}}), {durationS: 2400});
		const ingest = component(result, 'ingest');
		expect(ingest.details['scale_ups']).toBe(2);
		expect(ingest.details['shards']).toBe(16);
	});

	test('must fail: 20 minutes see one step, to 8 shards', () => {
		const ingest = component(run(loginModel('kds-lambda-redis', {ingest: {mode: 'on_demand', shards: undefined}}), {durationS: 1200}), 'ingest');
		expect(ingest.details['shards']).toBe(8);
	});
});

describe('a run too short to see its slowest cycle says so', () => {
	test('1 s of login-counter (10 s dashboard refresh): the freshness check says the run is too short', () => {
		const check = run(loginModel('kds-lambda-redis'), {durationS: 1}).slo.checks.find((candidate) => candidate.name === 'freshness_s')!;
		expect(check.met).toBe(false);
		expect(check.says).toMatch(/run too short: 1 s simulated; dashboard\.refresh_s is 10 s: run at least 30 s/);
	});

	test('must fail: 2 minutes measure it', () => {
		expect(run(loginModel('kds-lambda-redis'), {durationS: 120}).slo.checks.find((candidate) => candidate.name === 'freshness_s')!.says).not.toMatch(/too short/);
	});
});

describe('catalogue labels', () => {
	test('RecordMaxBufferedTime is the KPL resend deadline, not the SDK retry backoff base', () => {
		expect(`${producer.retryBackoffBase.unit} ${producer.retryBackoffBase.note ?? ''}`).not.toMatch(/RecordMaxBufferedTime/);
		expect(producer.kplRetryDeadline.unit).toMatch(/RecordMaxBufferedTime/);
	});
});

describe('Firehose zero buffering delivers within a few seconds, not every tick', () => {
	// "When you configure the buffer interval to zero seconds, Firehose does not buffer data, but delivers data
	// within a few seconds" (buffering-hints docs): a delivery about every 2 s, not one per 20 ms arrival tick.
	const model = parseModel({source: {rate_per_s: 1000, event_bytes: 200}, stages: [{id: 'ingest', kind: 'firehose', buffer_interval_s: 0}, {id: 'lake', kind: 'store', component: 's3'}]});

	test('about one delivery per 2 s; records wait about a second on average', () => {
		const result = run(model, {durationS: 120});
		const ingest = component(result, 'ingest');
		const span = result.duration_s - result.warmup_s;
		expect(Number(ingest.details['deliveries']) / span).toBeLessThan(0.6);
		expect(ingest.wait_ms.mean).toBeGreaterThan(700);
		expect(result.end_to_end.latency_ms.p99).toBeLessThan(5000);
	});

	test('must fail: a 60 s interval waits far longer', () => {
		const result = run(parseModel({source: {rate_per_s: 1000, event_bytes: 200}, stages: [{id: 'ingest', kind: 'firehose', buffer_interval_s: 60, buffer_size_mib: 128}, {id: 'lake', kind: 'store', component: 's3'}]}), {durationS: 300});
		expect(component(result, 'ingest').wait_ms.mean).toBeGreaterThan(20_000);
	});
});

describe('Athena is counted once: as the dashboard query, not as a delay in the write path', () => {
	// Firehose → S3 → Athena → QuickSight: a record is queryable once its object is in S3; Athena's seconds are the
	// scan each refresh runs, which the dashboard's query_ms (2 s) already holds.
	const result = run(loginModel('firehose-s3-athena'), {durationS: 300});

	test('the Athena stage holds no record; latency ends at S3', () => {
		expect(component(result, 'query').wait_ms.p99).toBeLessThan(1);
		expect(result.notes.join(' ')).toMatch(/query: Athena runs when the dashboard queries/);
	});

	test('must fail: S3 still takes its tens of milliseconds', () => {
		expect(component(result, 'lake').wait_ms.mean).toBeGreaterThan(10);
	});
});
