/**
List prices for what the scenarios use (issue 10, item 3): Athena per TB
scanned, on-demand Kinesis, enhanced fan-out, MSK, Snowflake credits, Snowpipe
and Glue DPU-hours. Each expected figure is worked out by hand in a comment from
the rates the run measured and the prices in src/sim/catalogue.ts; each case
fails while that component is left unpriced.

A month is 730 h = 2,628,000 s (AWS's billing month).
*/
import {describe, expect, test} from 'vitest';
import {formatReport} from '../../../src/commands/sim-format.js';
import type {SimResult} from '../../../src/sim/result.js';
import {component, loginModel, parseModel, run, scenarioModel} from '../helpers/pipeline-models.js';

const MONTH_S = 2_628_000;

function item(result: SimResult, id: string): SimResult['cost']['items'][number] {
	const found = result.cost.items.find((candidate) => candidate.component === id);
	if (!found) throw new Error(`${id} is not priced; items: ${result.cost.items.map((candidate) => candidate.component).join(', ')}; unpriced: ${(result.cost.unpriced ?? []).join(', ')}`);
	return found;
}

/** Within 2% of the hand figure: the measured rates carry Poisson noise over a short run. */
function near(actual: number, expected: number, share = 0.02): void {
	expect(Math.abs(actual - expected) / expected).toBeLessThan(share);
}

describe('Athena: $5 per TB scanned, 10 MB minimum per query', () => {
	// firehose-s3-athena: the dashboard refreshes every 10 s, so 2,628,000 / 10 = 262,800 queries a month.
	// Each scans what landed since the last refresh: 8,333 records/s × 200 B × 10 s = 16.7 MB (over the 10 MB minimum).
	// 262,800 × 16.7 MB = 4.38 TB → × $5 = $21.9 a month.
	test('login-counter firehose-s3-athena prices the query stage by the bytes each refresh scans', () => {
		const result = run(loginModel('firehose-s3-athena'), {durationS: 900});
		const throughput = component(result, 'query').throughput_per_s;
		near(item(result, 'query').per_month_usd, ((throughput * 200 * MONTH_S) / 1e12) * 5);
		expect(item(result, 'query').per_month_usd).toBeGreaterThan(20);
		expect(item(result, 'query').per_month_usd).toBeLessThan(23);
		expect(result.cost.unpriced ?? []).not.toContain('query');
	});

	// A 60 s refresh at 1 record/s of 200 B scans 12 kB per query, under the minimum: 43,800 queries × 10 MB = 0.438 TB → $2.19.
	test('a query that scans less than 10 MB is billed 10 MB', () => {
		const model = parseModel({
			source: {rate_per_s: 1, arrivals: 'constant'},
			stages: [
				{id: 'lake', kind: 'store', component: 's3'},
				{id: 'query', kind: 'warehouse', component: 'athena'},
				{id: 'dashboard', kind: 'dashboard', refresh_s: 60},
			],
		});
		near(item(run(model, {durationS: 600}), 'query').per_month_usd, 2.19);
	});
});

describe('Kinesis on demand: per stream-hour, per GB in and per GB read', () => {
	// Records are billed rounded up to 1 KB: 8,333/s × 1,024 B × 2,628,000 s = 22,426 GB in → × $0.08 = $1,794.
	// One consumer reads the same: 22,426 GB × $0.04 = $897. One stream: 730 h × $0.04 = $29.2. Total ≈ $2,720.
	test('login-counter on demand is priced, not named as unpriced', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {mode: 'on_demand', shards: 10}}), {durationS: 300});
		const accepted = component(result, 'ingest').details['accepted_per_s'] as number;
		const gb = (accepted * 1024 * MONTH_S) / 1e9;
		near(item(result, 'ingest').per_month_usd, 730 * 0.04 + gb * 0.08 + gb * 0.04);
		expect(item(result, 'ingest').basis).toContain('on-demand');
		expect(result.cost.unpriced ?? []).not.toContain('ingest');
	});

	// Three consumers read every byte three times: data out triples, data in does not.
	test('each consumer pays for the data it reads', () => {
		const one = run(loginModel('kds-lambda-redis', {ingest: {mode: 'on_demand', shards: 10}}), {durationS: 300});
		const three = run(loginModel('kds-lambda-redis', {ingest: {mode: 'on_demand', shards: 10, consumers: 3}}), {durationS: 300});
		const accepted = component(one, 'ingest').details['accepted_per_s'] as number;
		const gbOut = (accepted * 1024 * MONTH_S) / 1e9;
		near(item(three, 'ingest').per_month_usd - item(one, 'ingest').per_month_usd, 2 * gbOut * 0.04, 0.03);
	});
});

describe('enhanced fan-out: per consumer-shard-hour and per GB retrieved', () => {
	// user-engagement kds-flink-redshift: 100 provisioned shards × $0.015 × 730 h = $1,095 for the shards, plus PUT units;
	// EFO adds 1 consumer × 100 shards × 730 h × $0.015 = $1,095 and $0.013 per GB read (actual bytes, no rounding).
	test('an EFO consumer adds its consumer-shard-hours and bytes read to the stream line', () => {
		const efo = run(scenarioModel('user-engagement', 'kds-flink-redshift'), {durationS: 120});
		const shared = run(scenarioModel('user-engagement', 'kds-flink-redshift', {ingest: {consumer: 'shared'}}), {durationS: 120});
		const read = component(efo, 'ingest').details['read_per_s'] as number;
		const bytes = 300; // user-engagement events are 300 B
		const extra = 100 * 730 * 0.015 + ((read * bytes * MONTH_S) / 1e9) * 0.013;
		near(item(efo, 'ingest').per_month_usd - item(shared, 'ingest').per_month_usd, extra, 0.03);
		expect(item(efo, 'ingest').basis).toContain('enhanced fan-out');
	});
});

describe('Kafka on MSK: broker-hours and storage', () => {
	// kafka-flink-redis: 3 kafka.m5.large brokers × $0.21 × 730 h = $459.9.
	// Storage: 8,333/s × 200 B × 24 h retention × 3 replicas = 432 GB × $0.10 = $43.2. Total ≈ $503.
	test('login-counter kafka-flink-redis prices the topic as a three-broker MSK cluster', () => {
		const result = run(loginModel('kafka-flink-redis'), {durationS: 120});
		const accepted = component(result, 'ingest').details['accepted_per_s'] as number;
		near(item(result, 'ingest').per_month_usd, 3 * 0.21 * 730 + ((accepted * 200 * 24 * 3600 * 3) / 1e9) * 0.1);
		expect(item(result, 'ingest').basis).toContain('MSK');
	});

	// Seven days' retention keeps seven times the bytes: 432 GB × 7 = 3,024 GB × $0.10 = $302.4 of storage.
	test('longer retention costs more storage', () => {
		const day = run(loginModel('kafka-flink-redis'), {durationS: 120});
		const week = run(loginModel('kafka-flink-redis', {ingest: {retention_h: 168}}), {durationS: 120});
		const accepted = component(day, 'ingest').details['accepted_per_s'] as number;
		near(item(week, 'ingest').per_month_usd - item(day, 'ingest').per_month_usd, ((accepted * 200 * 3600 * 3 * (168 - 24)) / 1e9) * 0.1);
	});
});

describe('Snowpipe: credits per GB loaded', () => {
	// files-snowpipe-dbt: Snowpipe loads what the extract lands, ~8,333 records/s of 500 B = 4.17 MB/s
	// → 10,950 GB a month × 0.0037 credits/GB = 40.5 credits × $2 = $81.
	test('marketing files-snowpipe-dbt prices the Snowpipe load by the bytes it loads', () => {
		const result = run(scenarioModel('marketing-pipeline', 'files-snowpipe-dbt'), {durationS: 3 * 3600});
		const loaded = component(result, 'load').throughput_per_s;
		near(item(result, 'load').per_month_usd, ((loaded * 500 * MONTH_S) / 1e9) * 0.0037 * 2);
		expect(item(result, 'load').per_month_usd).toBeGreaterThan(75);
		expect(result.cost.unpriced ?? []).not.toContain('load');
	});
});

describe('Glue: $0.44 per DPU-hour, billed per second with a 1-minute minimum', () => {
	// A job every 600 s on 10 DPUs: 100 records/s × 600 s = 60,000 records, 60 s + 60,000 × 1 ms / 10 = 66 s.
	// 66 s × 10 DPUs = 660 DPU-s per run, 4,380 runs a month → 802.9 DPU-h × $0.44 = $353.3.
	test('a scheduled Glue job is billed for the DPUs it holds while it runs', () => {
		const model = parseModel({
			source: {rate_per_s: 100, arrivals: 'constant'},
			stages: [
				{id: 'extract', kind: 'compute', component: 'glue', concurrency: 10, trigger_s: 600, overhead_ms: 60_000, per_record_ms: 1},
				{id: 'raw', kind: 'store', component: 's3'},
			],
		});
		near(item(run(model, {durationS: 6000}), 'extract').per_month_usd, 353.3, 0.03);
	});

	// A 5 s job is billed a full minute: 10 DPUs × 60 s × 4,380 runs = 730 DPU-h × $0.44 = $321.2, not 5 s × … = $26.8.
	test('a run shorter than a minute is billed a minute', () => {
		const model = parseModel({
			source: {rate_per_s: 1, arrivals: 'constant'},
			stages: [
				{id: 'extract', kind: 'compute', component: 'glue', concurrency: 10, trigger_s: 600, overhead_ms: 5000, per_record_ms: 0},
				{id: 'raw', kind: 'store', component: 's3'},
			],
		});
		near(item(run(model, {durationS: 6000}), 'extract').per_month_usd, 321.2, 0.03);
	});
});

describe('Snowflake credits: warehouse size × hours × $ per credit', () => {
	// dbt every hour on a Medium warehouse (4 credits/h): each run is billed for its wall time, at least 60 s.
	// A run of 60 s overhead + 20,000 records × 1 ms / 4 workers = 65 s → 730 runs × 65 s = 13.2 h × 4 credits × $2 = $105.4.
	test('a dbt stage on a named warehouse size is priced in credits', () => {
		const model = parseModel({
			source: {rate_per_s: 5.555_555_6, arrivals: 'constant'},
			stages: [
				{id: 'model', kind: 'compute', component: 'worker_pool', concurrency: 4, trigger_s: 3600, overhead_ms: 60_000, per_record_ms: 1, warehouse_size: 'M'},
				{id: 'dashboard', kind: 'dashboard', refresh_s: 3600},
			],
		});
		near(item(run(model, {durationS: 6 * 3600}), 'model').per_month_usd, 105.4, 0.03);
	});

	// finance nightly-glue-batch with dbt on an hourly clock (trigger_s 3600) instead of chained after the load: XS (1 credit/h), but new data lands once a day (Glue at 02:00):
	// that run takes 120 s + 8.64M records × 0.5 ms / 4 workers = 1,200 s; the other 23 find nothing and are billed 60 s.
	// A month: 30.4 × 1,200 s + 699.6 × 60 s = 21.8 h → $43.6 (a 3-day run sees 2 daily runs in its window: about $39).
	// Billing all 730 hourly runs at 1,200 s would say $487.
	test('an hourly job that has data once a day is billed one long run and 23 minimum runs a day', () => {
		const result = run(scenarioModel('finance-reconciliation', 'nightly-glue-batch', {reconcile: {trigger_s: 3600, after: undefined}}), {durationS: 3 * 86_400});
		expect(item(result, 'reconcile').per_month_usd).toBeGreaterThan(30);
		expect(item(result, 'reconcile').per_month_usd).toBeLessThan(60);
	});

	// As built in: dbt chained after the nightly load runs once a day and is billed that run only:
	// 30.4 runs × 1,200 s = 10.1 h → $20.3 a month; the 3-day run's window (64.8 h) holds 2 of them, so
	// 22.5 measured runs a month plus 7.9 empty slots at the 60 s minimum: 7.6 h → about $15.
	// Billing it as the 23 extra empty hourly runs a day would say $39; as always resumed, $1,460.
	test('a dbt step chained after the nightly load is billed its daily runs only', () => {
		const result = run(scenarioModel('finance-reconciliation', 'nightly-glue-batch'), {durationS: 3 * 86_400});
		expect(item(result, 'reconcile').per_month_usd).toBeGreaterThan(12);
		expect(item(result, 'reconcile').per_month_usd).toBeLessThan(22);
	});

	// must fail: the same stage without a warehouse is still named as unpriced, not priced as if it had one.
	test('a worker pool with no warehouse stays unpriced and named', () => {
		const model = parseModel({
			source: {rate_per_s: 5, arrivals: 'constant'},
			stages: [
				{id: 'model', kind: 'compute', component: 'worker_pool', concurrency: 4, trigger_s: 3600, overhead_ms: 60_000, per_record_ms: 1},
				{id: 'dashboard', kind: 'dashboard', refresh_s: 3600},
			],
		});
		expect(run(model, {durationS: 2 * 3600}).cost.unpriced).toContain('model');
	});
});

describe('the built-in architectures name fewer unpriced stages', () => {
	test('marketing files-snowpipe-dbt: the Snowpipe load and the dbt models on their Medium warehouse are in the cost line', () => {
		const result = run(scenarioModel('marketing-pipeline', 'files-snowpipe-dbt'), {durationS: 3 * 3600});
		expect(formatReport(result, 't')).toMatch(/^cost: about \$[\d,.]+\/month \(.*load \$[\d,.]+.*model \$[\d,.]+/m);
		expect(result.cost.unpriced ?? []).not.toContain('model');
	});
});
