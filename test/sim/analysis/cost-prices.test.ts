/**
The monthly bill line by line, from hand-built run figures (no simulation), so
each priced component's figure can be derived by hand from its list price in
src/sim/catalogue.ts and checked exactly, with the basis text a user reads, and
each unpriced component is named. test/sim/analysis/cost.test.ts checks the same
prices against simulated runs of the built-in architectures.

A month is 730 h = 2,628,000 s (HOURS_PER_MONTH, AWS's billing month).
*/
import {describe, expect, test} from 'vitest';
import {estimateCost} from '../../../src/sim/analysis/cost.js';
import type {ComponentResult} from '../../../src/sim/result.js';
import {parseModel} from '../helpers/model-file.js';

/** What a run measured for one stage: only the figures a test is about (the rest read as absent). */
type Figures = {throughput?: number; details?: Record<string, number>};

/** The cost of `stages` with what the run measured per stage id (anything not given is zero). */
function costOf(stages: Record<string, unknown>[], measured: Record<string, Figures> = {}, options: {load?: number; eventBytes?: number; spanS?: number} = {}) {
	const model = parseModel({source: {rate_per_s: options.load ?? 1000, event_bytes: options.eventBytes ?? 200}, stages});
	const components: ComponentResult[] = model.stages.map((stage) => ({
		id: stage.id,
		kind: stage.kind,
		component: 'component' in stage ? String(stage.component) : stage.kind,
		utilization: 0,
		throughput_per_s: measured[stage.id]?.throughput ?? 0,
		queue: {mean: 0, max: 0},
		wait_ms: {mean: 0, p50: 0, p95: 0, p99: 0},
		throttled: 0,
		dropped: 0,
		lost: 0,
		backlog_growth_per_s: 0,
		details: measured[stage.id]?.details ?? {},
	})) as ComponentResult[];
	return estimateCost(model, options.load ?? 1000, components, options.spanS);
}

/** The one priced line of a single-stage design (or of stage `id`). */
function line(stages: Record<string, unknown>[], measured: Record<string, Figures> = {}, options: {load?: number; eventBytes?: number; spanS?: number} = {}, id?: string) {
	const cost = costOf(stages, measured, options);
	const found = cost.items.find((item) => item.component === (id ?? stages[0]!['id']));
	if (!found) throw new Error(`not priced; unpriced: ${(cost.unpriced ?? []).join(', ')}`);
	return {per_month_usd: found.per_month_usd, basis: found.basis};
}

const kds = (extra: Record<string, unknown> = {}) => ({id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 4, ...extra});

describe('Kinesis Data Streams, provisioned: $0.015 a shard-hour, $0.014 per million 25 KB PUT units (kinesis.* [U])', () => {
	test('4 shards and 1,000 records/s of 200 B: 4 × 730 × 0.015 = $43.80 + 2,628M units × $0.014 = $36.79 → $80.59', () => {
		expect(line([kds()], {ingest: {details: {accepted_per_s: 1000}}})).toEqual({per_month_usd: 80.59, basis: '4 shards × 730 h × $0.015 + 2628M PUT payload units [U]'});
	});

	test('the shard count the run reports wins over the spec (6 after scaling): 6 × 730 × 0.015 = $65.70 + $36.79 = $102.49', () => {
		expect(line([kds()], {ingest: {details: {accepted_per_s: 1000, shards: 6}}}).per_month_usd).toBe(102.49);
	});

	test('a 30,000 B record is 2 PUT units: 5,256M × $0.014 = $73.58 + $43.80 = $117.38', () => {
		expect(line([kds()], {ingest: {details: {accepted_per_s: 1000}}}, {eventBytes: 30_000})).toEqual({per_month_usd: 117.38, basis: '4 shards × 730 h × $0.015 + 5256M PUT payload units [U]'});
	});

	test('enhanced fan-out, 2 consumers on 4 shards: 5,840 consumer-shard-hours × $0.015 = $87.60 + 1,051.2 GB × $0.013 = $13.67 on top', () => {
		// Read: 1,000 records/s × 2 consumers × 200 B × 2,628,000 s = 1,051.2 GB. $80.59 + $87.60 + $13.67 = $181.86.
		expect(line([kds({consumer: 'efo', consumers: 2})], {ingest: {details: {accepted_per_s: 1000, read_per_s: 1000}}})).toEqual({
			per_month_usd: 181.86,
			basis: '4 shards × 730 h × $0.015 + 2628M PUT payload units + enhanced fan-out: 5840 consumer-shard-hours × $0.015 + 1051.2 GB × $0.013 [U]',
		});
	});
});

describe('Kinesis on demand: $0.04 a stream-hour, $0.08 per GB in, $0.04 per GB read, records rounded up to 1 KB', () => {
	test('1,500 B records bill as 2 KB: 5,382.14 GB in, 10,764.29 GB read by 2 consumers, + 730 × $0.04 → $890.34', () => {
		// In: 1,000 × 2,048 B × 2,628,000 s = 5,382.144 GB × $0.08 = $430.57; read: twice that × $0.04 = $430.57; hours $29.20.
		expect(line([kds({mode: 'on_demand', consumers: 2})], {ingest: {details: {accepted_per_s: 1000, read_per_s: 1000}}}, {eventBytes: 1500})).toEqual({
			per_month_usd: 890.34,
			basis: 'on-demand: 730 stream-hours × $0.04 + 5382.14 GB in × $0.08 + 10764.29 GB read × $0.04 (records rounded up to 1 KB) [U]',
		});
	});

	test('with enhanced fan-out the reads are not billed as on-demand reads but as fan-out, per shard the run reports', () => {
		// $29.20 + $430.57 (in) + 1 × 10 × 730 = 7,300 consumer-shard-hours × $0.015 = $109.50 + 1,000 × 1,500 B × 2,628,000 s = 3,942 GB × $0.013 = $51.25.
		expect(line([kds({mode: 'on_demand', consumer: 'efo'})], {ingest: {details: {accepted_per_s: 1000, read_per_s: 1000, shards: 10}}}, {eventBytes: 1500})).toEqual({
			per_month_usd: 620.52,
			basis: 'on-demand: 730 stream-hours × $0.04 + 5382.14 GB in × $0.08 (records rounded up to 1 KB) + enhanced fan-out: 7300 consumer-shard-hours × $0.015 + 3942 GB × $0.013 [U]',
		});
	});
});

describe('Kafka on MSK: 3 brokers (msk.brokersDefault [R]) × $0.21 an hour, $0.10 per GB-month stored × 3 replicas', () => {
	test('1,000 records/s of 200 B kept 24 h: 51.84 GB stored → $5.18 + 3 × 0.21 × 730 = $459.90 → $465.08', () => {
		expect(line([{id: 'topic', kind: 'stream', component: 'kafka', shards: 4}], {topic: {details: {accepted_per_s: 1000}}})).toEqual({
			per_month_usd: 465.08,
			basis: 'MSK: 3 kafka.m5.large brokers × 730 h × $0.21 + 51.84 GB stored (24 h × 3 replicas) × $0.1 [U]',
		});
	});

	test('a week of retention stores 7 × 51.84 = 362.88 GB: $36.29 + $459.90 = $496.19', () => {
		expect(line([{id: 'topic', kind: 'stream', component: 'kafka', shards: 4, retention_h: 168}], {topic: {details: {accepted_per_s: 1000}}}).per_month_usd).toBe(496.19);
	});
});

describe('Firehose: $0.029 per GB ingested, records rounded up to 5 KB', () => {
	test('1,000 records/s of 200 B bill as 5,120 B: 13,455.36 GB → $390.21', () => {
		expect(line([{id: 'f', kind: 'firehose'}], {f: {throughput: 1000}})).toEqual({per_month_usd: 390.21, basis: '13455.36 GB ingested (records rounded up to 5 KB) × $0.029 [U]'});
	});

	test('records above 5 KB bill as they are: 1,000/s of 10,000 B = 26,280 GB → $762.12', () => {
		expect(line([{id: 'f', kind: 'firehose'}], {f: {throughput: 1000}}, {eventBytes: 10_000}).per_month_usd).toBe(762.12);
	});
});

describe('Lambda: $0.20 per million requests, $0.0000166667 per GB-second', () => {
	test('10 invocations/s and 2 busy seconds/s at 512 MB: 26.28M requests ($5.26) + 2,628,000 GB-s ($43.80) → $49.06', () => {
		const fn = {id: 'fn', kind: 'compute', component: 'lambda', memory_mb: 512};
		expect(line([fn], {fn: {details: {invocations_per_s: 10, busy_seconds_per_s: 2}}})).toEqual({per_month_usd: 49.06, basis: '26.28M invocations + 2628000 GB-s [U]'});
	});

	test('at the default 128 MB (lambda.memoryDefaultMb [D]) a quarter of the GB-seconds: 657,000 GB-s ($10.95) + $5.26 → $16.21', () => {
		expect(line([{id: 'fn', kind: 'compute', component: 'lambda'}], {fn: {details: {invocations_per_s: 10, busy_seconds_per_s: 2}}})).toEqual({per_month_usd: 16.21, basis: '26.28M invocations + 657000 GB-s [U]'});
	});
});

describe('Glue: $0.44 per DPU-hour [D], at least 60 s billed per run [R]', () => {
	const glue = (extra: Record<string, unknown> = {}) => ({id: 'etl', kind: 'compute', component: 'glue', concurrency: 10, ...extra});

	test('a streaming job (no trigger) holds its 5 DPUs all month: 5 × 730 × 0.44 = $1,606', () => {
		expect(line([glue({concurrency: 5})])).toEqual({per_month_usd: 1606, basis: 'streaming job: 5 DPUs × 730 h × $0.44/DPU-hour [D]'});
		// The DPUs the run reports win: 8 × 730 × 0.44 = $2,569.60.
		expect(line([glue({concurrency: 5})], {etl: {details: {units: 8}}}).per_month_usd).toBe(2569.6);
	});

	test('every 600 s on 10 DPUs, 66 s a run: 4,380 runs × 66 s × 10 DPUs = 803 DPU-hours → $353.32', () => {
		// 10 runs in 6,000 s measured; busy 1.1 DPU-s per s → 1.1 × 6,000 / 10 runs / 10 DPUs = 66 s a run.
		expect(line([glue({trigger_s: 600})], {etl: {details: {invocations: 10, busy_seconds_per_s: 1.1}}}, {spanS: 6000})).toEqual({
			per_month_usd: 353.32,
			basis: '4380 runs of 66 s on average (at least 60 s billed) × 10 DPUs = 803 DPU-hours × $0.44 [R]',
		});
	});

	test('a 5 s run is billed the 60 s minimum: 4,380 × 60 s × 10 DPUs = 730 DPU-hours → $321.20', () => {
		expect(line([glue({trigger_s: 600})], {etl: {details: {invocations: 10, busy_seconds_per_s: 1 / 12}}}, {spanS: 6000}).per_month_usd).toBe(321.2);
	});

	test('slots with no data still start the job: 438 runs of 66 s and 3,942 empty ones of 60 s → 737.3 DPU-hours → $324.41', () => {
		// 1 run in 6,000 s is 438 a month of the 4,380 slots; busy 0.11 → 0.11 × 6,000 / 1 / 10 = 66 s.
		// (438 × 66 + 3,942 × 60) s × 10 DPUs / 3,600 = 737.3 DPU-hours.
		expect(line([glue({trigger_s: 600})], {etl: {details: {invocations: 1, busy_seconds_per_s: 0.11}}}, {spanS: 6000})).toEqual({
			per_month_usd: 324.41,
			basis: '4380 runs of 66 s on average (at least 60 s billed) × 10 DPUs = 737.3 DPU-hours × $0.44 [R]',
		});
	});

	test('a run longer than its trigger takes the slot after it: 1,200 s runs every 600 s trigger fit 2,190 a month', () => {
		// 5 runs in 6,000 s (each 1,200 s): busy 10 DPUs × 1,200 s × 5 / 6,000 s = 10. 2,628,000 / 1,200 = 2,190 runs.
		// 2,190 × 1,200 s × 10 DPUs / 3,600 = 7,300 DPU-hours × $0.44 = $3,212.
		expect(line([glue({trigger_s: 600})], {etl: {details: {invocations: 5, busy_seconds_per_s: 10}}}, {spanS: 6000}).basis).toBe('2190 runs of 1200 s on average (at least 60 s billed) × 10 DPUs = 7300 DPU-hours × $0.44 [R]');
	});

	test('a scheduled job with no measured window or no measured run is named as unpriced', () => {
		expect(costOf([glue({trigger_s: 600})], {etl: {details: {invocations: 10, busy_seconds_per_s: 1.1}}})).toEqual({per_month_usd: null, items: [], unpriced: ['etl']});
		expect(costOf([glue({trigger_s: 600})], {etl: {details: {invocations: 0, busy_seconds_per_s: 1.1}}}, {spanS: 6000}).unpriced).toEqual(['etl']);
		expect(costOf([glue({trigger_s: 600})], {etl: {details: {invocations: 10, busy_seconds_per_s: 1.1}}}, {spanS: 0}).unpriced).toEqual(['etl']);
	});
});

describe('a job on a Snowflake warehouse: credits per hour by size × $2 a credit [R]', () => {
	const dbt = (extra: Record<string, unknown> = {}) => ({id: 'model', kind: 'compute', component: 'worker_pool', concurrency: 4, warehouse_size: 'M', ...extra});

	test('hourly on a Medium (4 credits/h), 65 s a run: 730 × 65 s = 13.18 h → 52.72 credits → $105.44', () => {
		// 2 runs in 7,200 s; busy 0.07222 → 0.07222 × 7,200 / 2 / 4 workers = 65 s.
		expect(line([dbt({trigger_s: 3600})], {model: {details: {invocations: 2, busy_seconds_per_s: 520 / 7200}}}, {spanS: 7200})).toEqual({
			per_month_usd: 105.44,
			basis: 'M warehouse (4 credits/h), 730 runs of 65 s on average (at least 60 s each) = 13.18 h → 52.72 credits × $2 [R]',
		});
	});

	test('work arriving all the time keeps an X-Small resumed all month: 730 h × 1 credit × $2 = $1,460', () => {
		expect(line([dbt({warehouse_size: 'XS'})])).toEqual({per_month_usd: 1460, basis: 'XS warehouse (1 credits/h), resumed all month = 730 h → 730 credits × $2 [R]'});
		// A 6X-Large burns 512 credits an hour: 730 × 512 × $2 = $747,520.
		expect(line([dbt({warehouse_size: '6XL'})]).per_month_usd).toBe(747_520);
	});

	test('a nightly start_at alone runs once a day: 30.42 runs × 600 s = 5.07 h on an X-Small → $10.14', () => {
		// 1 run in a day measured, 600 s on 1 worker: 30.4167 runs a month × 600 s = 18,250 s = 5.07 h × 1 credit × $2.
		expect(line([dbt({warehouse_size: 'XS', concurrency: 1, start_at: '02:00'})], {model: {details: {invocations: 1, busy_seconds_per_s: 600 / 86_400}}}, {spanS: 86_400})).toEqual({
			per_month_usd: 10.14,
			basis: 'XS warehouse (1 credits/h), 30.42 runs of 600 s on average (at least 60 s each) = 5.07 h → 5.07 credits × $2 [R]',
		});
	});

	test('a step chained after a nightly Glue load runs once a day; chained after a step that is not there, only its measured runs', () => {
		// Two days measured, one dbt run of 600 s: 15.21 runs a month measured, of 30.42 daily slots (the load's start_at).
		// Chained: 15.21 × 600 s + 15.21 empty slots × 60 s = 10,037.5 s = 2.79 h × 1 credit × $2 = $5.58.
		const load = {id: 'load', kind: 'compute', component: 'glue', concurrency: 2, start_at: '02:00'};
		const hourly = {id: 'hourly', kind: 'compute', component: 'lambda'};
		const measured = {model: {details: {invocations: 1, busy_seconds_per_s: 600 / 172_800}}};
		const chained = costOf([hourly, load, dbt({warehouse_size: 'XS', concurrency: 1, after: 'load'})], measured, {spanS: 172_800});
		expect(chained.items.find((item) => item.component === 'model')).toEqual({component: 'model', per_month_usd: 5.58, basis: 'XS warehouse (1 credits/h), 30.42 runs of 600 s on average (at least 60 s each) = 2.79 h → 2.79 credits × $2 [R]'});
		// Chained after a step with a trigger of its own (an hourly Lambda is not what it waits for): still the load's daily slots.
		const afterHourly = costOf([{...hourly, trigger_s: 3600}, load, dbt({warehouse_size: 'XS', concurrency: 1, after: 'load'})], measured, {spanS: 172_800});
		expect(afterHourly.items.find((item) => item.component === 'model')?.per_month_usd).toBe(5.58);
		// Chained after nothing, or after a stage that is not a job: no slots to fill, the 15.21 measured runs alone: 9,125 s = 2.53 h → $5.07.
		const alone = 'XS warehouse (1 credits/h), 15.21 runs of 600 s on average (at least 60 s each) = 2.53 h → 2.53 credits × $2 [R]';
		expect(costOf([dbt({warehouse_size: 'XS', concurrency: 1, after: 'gone'})], measured, {spanS: 172_800}).items[0]?.basis).toBe(alone);
		expect(costOf([{id: 'lake', kind: 'store', component: 's3'}, dbt({warehouse_size: 'XS', concurrency: 1, after: 'lake'})], measured, {spanS: 172_800}).items[1]?.basis).toBe(alone);
	});

	test('the units the run reports are the ones a run holds: 2 of 4 workers busy 1,200 unit-s is a 600 s run', () => {
		// busy 1,200 / 86,400 per s over a day, 1 run, 2 units: 1,200 / 1 / 2 = 600 s; 30.42 runs × 600 s = 5.07 h × 4 credits (M) × $2 = $40.56.
		expect(line([dbt({start_at: '02:00'})], {model: {details: {invocations: 1, busy_seconds_per_s: 1200 / 86_400, units: 2}}}, {spanS: 86_400}).per_month_usd).toBe(40.56);
	});

	test('a scheduled warehouse job with no measured window is named as unpriced', () => {
		expect(costOf([dbt({trigger_s: 3600})], {model: {details: {invocations: 2, busy_seconds_per_s: 0.1}}}).unpriced).toEqual(['model']);
	});

	test('a worker pool or Flink job with no warehouse_size is unpriced and named, scheduled or running all month', () => {
		expect(costOf([{id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 4, trigger_s: 3600}])).toEqual({per_month_usd: null, items: [], unpriced: ['w']});
		expect(costOf([{id: 'w', kind: 'compute', component: 'worker_pool', concurrency: 4}, {id: 'f', kind: 'compute', component: 'flink'}], {w: {details: {units: 4, busy_seconds_per_s: 2}}}, {spanS: 600})).toEqual({per_month_usd: null, items: [], unpriced: ['w', 'f']});
	});
});

describe('stores: Redis node-hours, DynamoDB and S3 requests, Snowpipe GB, Athena scans', () => {
	test('Redis: 2 nodes with a replica each are 4 nodes × $0.206 × 730 = $601.52; one node $150.38', () => {
		expect(line([{id: 'r', kind: 'cache', component: 'redis', nodes: 2, read_replicas: 1}])).toEqual({per_month_usd: 601.52, basis: '4 nodes (2 primary + 1 replica each) × $0.206/h [U]'});
		expect(line([{id: 'r', kind: 'cache', component: 'redis'}])).toEqual({per_month_usd: 150.38, basis: '1 node × $0.206/h [U]'});
		expect(line([{id: 'r', kind: 'cache', component: 'redis', read_replicas: 2}])).toEqual({per_month_usd: 451.14, basis: '3 nodes (1 primary + 2 replica each) × $0.206/h [U]'});
	});

	test('DynamoDB on demand: 100 writes/s = 262.8M × $1.25 = $328.50; a 3,000 B item is 3 write units: $985.50', () => {
		const table = {id: 't', kind: 'store', component: 'dynamodb'};
		expect(line([table], {t: {details: {write_requests_per_s: 100}}})).toEqual({per_month_usd: 328.5, basis: '262.8M writes on demand [U]'});
		expect(line([table], {t: {details: {write_requests_per_s: 100}}}, {eventBytes: 3000}).per_month_usd).toBe(985.5);
		// A compute stage's output_bytes sizes what reaches the table: 200 B events become 3,000 B items.
		expect(line([{id: 'fn', kind: 'compute', component: 'lambda', output_bytes: 3000}, table], {t: {details: {write_requests_per_s: 100}}}, {}, 't').per_month_usd).toBe(985.5);
	});

	test('S3: 10 PUTs/s = 26.28M × $0.005 per 1,000 = $131.40', () => {
		expect(line([{id: 's3', kind: 'store', component: 's3'}], {s3: {details: {write_requests_per_s: 10}}})).toEqual({per_month_usd: 131.4, basis: '26.28M PUTs (storage not included) [U]'});
	});

	test('Snowpipe: 1,000 records/s of 500 B = 1,314 GB × 0.0037 credits × $2 = $9.72', () => {
		expect(line([{id: 'pipe', kind: 'warehouse', component: 'snowpipe'}], {pipe: {throughput: 1000}}, {eventBytes: 500})).toEqual({per_month_usd: 9.72, basis: '1314 GB loaded × 0.0037 credits/GB × $2/credit [R]'});
	});

	test('Athena: one query per 10 s refresh scanning 8,333 × 200 B × 10 s = 16.67 MB: 262,800 queries = 4.38 TB × $5 = $21.90', () => {
		const stages = [{id: 'q', kind: 'warehouse', component: 'athena'}, {id: 'dash', kind: 'dashboard', refresh_s: 10}];
		expect(line(stages, {q: {throughput: 8333}})).toEqual({per_month_usd: 21.9, basis: '262800 queries (one per 10 s refresh) × 16.67 MB scanned = 4.38 TB × $5 [R]'});
		// Under the 10 MB minimum (1 record/s, 60 s refresh = 12 kB): 43,800 queries × 10 MB = 0.438 TB → $2.19.
		expect(line([stages[0]!, {...stages[1], refresh_s: 60}], {q: {throughput: 1}})).toEqual({per_month_usd: 2.19, basis: '43800 queries (one per 60 s refresh) × 10 MB scanned = 0.44 TB × $5 [R]'});
	});

	test('Athena is queried by the first dashboard after it, past the stages in between', () => {
		const stages = [{id: 'q', kind: 'warehouse', component: 'athena'}, {id: 'r', kind: 'cache', component: 'redis'}, {id: 'dash', kind: 'dashboard', refresh_s: 10}];
		expect(line(stages, {q: {throughput: 8333}}).per_month_usd).toBe(21.9);
	});

	test('Athena with no dashboard after it issues no known queries: unpriced and named', () => {
		expect(costOf([{id: 'dash', kind: 'dashboard', refresh_s: 10}, {id: 'q', kind: 'warehouse', component: 'athena'}], {q: {throughput: 8333}}).unpriced).toEqual(['q']);
	});
});

describe('API Gateway, and what has no price', () => {
	test('API Gateway: 100 requests/s = 262.8M × $3.50 per million = $919.80', () => {
		expect(line([{id: 'a', kind: 'api', component: 'api_gateway'}], {a: {throughput: 100}})).toEqual({per_month_usd: 919.8, basis: '262.8M requests [U]'});
	});

	test('a load balancer, a collector fleet and Postgres are named as unpriced; a queue and a dashboard are neither', () => {
		const cost = costOf(
			[
				{id: 'lb', kind: 'api', component: 'alb'},
				{id: 'front', kind: 'collector', min_instances: 2},
				{id: 'q', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 1}},
				{id: 'db', kind: 'store', component: 'postgres'},
				{id: 'r', kind: 'cache', component: 'redis'},
				{id: 'dash', kind: 'dashboard', refresh_s: 10},
			],
			{lb: {throughput: 100}},
		);
		expect(cost).toEqual({per_month_usd: 150.38, items: [{component: 'r', per_month_usd: 150.38, basis: '1 node × $0.206/h [U]'}], unpriced: ['lb', 'front', 'db']});
	});

	test('the total is the sum of the lines, rounded to the cent; with everything priced there is no unpriced list', () => {
		// Kinesis $80.59 + Firehose $390.21 + Redis $150.38 = $621.18.
		const cost = costOf([kds(), {id: 'f', kind: 'firehose'}, {id: 'r', kind: 'cache', component: 'redis'}], {ingest: {details: {accepted_per_s: 1000}}, f: {throughput: 1000}});
		expect(cost.per_month_usd).toBe(621.18);
		expect(cost.items.map((item) => item.component)).toEqual(['ingest', 'f', 'r']);
		expect('unpriced' in cost).toBe(false);
	});

	test('with no measured figures at all, API Gateway, Snowpipe and Athena are priced at zero traffic', () => {
		const model = parseModel({source: {rate_per_s: 100}, stages: [{id: 'a', kind: 'api', component: 'api_gateway'}, {id: 'pipe', kind: 'warehouse', component: 'snowpipe'}, {id: 'q', kind: 'warehouse', component: 'athena'}, {id: 'dash', kind: 'dashboard', refresh_s: 60}]});
		// Athena still bills its 10 MB minimum per query: 43,800 queries × 10 MB = 0.438 TB → $2.19.
		expect(estimateCost(model, 100, []).items.map((item) => [item.component, item.per_month_usd])).toEqual([['a', 0], ['pipe', 0], ['q', 2.19]]);
	});

	test('Firehose with no measured figures is priced at the offered load: 2,000 records/s → 26,910.72 GB → $780.41', () => {
		const model = parseModel({source: {rate_per_s: 2000}, stages: [{id: 'f', kind: 'firehose'}]});
		expect(estimateCost(model, 2000, []).items[0]).toEqual({component: 'f', per_month_usd: 780.41, basis: '26910.72 GB ingested (records rounded up to 5 KB) × $0.029 [U]'});
	});
});
