/** A store serves write requests at its nodes × per-node rate, then each write takes the store's latency. */
import {describe, expect, test} from 'vitest';
import {component, parseModel, run} from '../helpers/pipeline-models.js';

const store = (stage: Record<string, unknown>, rate: number, extra: Record<string, unknown> = {}, durationS = 120) =>
	run(parseModel({source: {rate_per_s: rate}, stages: [{id: 'db', kind: 'store', ...stage}], ...extra}), {durationS});

describe('write capacity', () => {
	test('Postgres takes 5,000 writes/s: at 2,500/s it is half busy; a write waits its ~3 ms commit plus its tick\'s burst', () => {
		const db = component(store({component: 'postgres'}, 2500), 'db');
		expect(db.utilization).toBeCloseTo(0.5, 1);
		expect(db.details['capacity_requests_per_s']).toBe(5000);
		expect(db.details['write_requests_per_s']).toBeCloseTo(2500, -2);
		// Each 20 ms tick's ~50 writes arrive together and take 10 ms to serve: about 5 ms of queueing on average.
		expect(db.wait_ms.mean).toBeGreaterThan(2.5);
		expect(db.wait_ms.mean).toBeLessThan(20);
		expect(db.backlog_growth_per_s).toBeLessThan(5);
	});

	test('at 6,000/s against 5,000 it serves 5,000/s and the queue grows by the other 1,000/s', () => {
		const result = store({component: 'postgres'}, 6000);
		const db = component(result, 'db');
		expect(db.utilization).toBe(1);
		expect(db.throughput_per_s).toBeGreaterThan(4950);
		expect(db.throughput_per_s).toBeLessThan(5050);
		expect(db.backlog_growth_per_s).toBeGreaterThan(850);
		expect(db.backlog_growth_per_s).toBeLessThan(1150);
		// After 108 s at +1,000/s the last records wait about 20 s.
		expect(db.wait_ms.p99).toBeGreaterThan(15_000);
	});

	test('batches of 10 records per request cut the requests to a tenth: 250/s at 2,500 records/s', () => {
		const db = component(store({component: 'postgres', batch_size: 10}, 2500), 'db');
		expect(db.details['write_requests_per_s']).toBeCloseTo(250, -1);
		expect(db.utilization).toBeCloseTo(0.05, 2);
		expect(db.throughput_per_s).toBeCloseTo(2500, -2);
	});

	test('write_capacity_per_s sets the rate: 100 writes/s on 200 is half busy', () => {
		const db = component(store({component: 'dynamodb', write_capacity_per_s: 200}, 100), 'db');
		expect(db.details['capacity_requests_per_s']).toBe(200);
		expect(db.utilization).toBeCloseTo(0.5, 1);
	});

	test('Snowflake has no write limit in the catalogue: unlimited, never busy, only its latency', () => {
		const result = store({component: 'snowflake', latency: {dist: 'const', mean_ms: 2000}}, 100);
		const sf = component(result, 'db');
		expect(sf.details['capacity_requests_per_s']).toBe('unlimited');
		expect(sf.utilization).toBe(0);
		expect(sf.wait_ms.p50).toBeCloseTo(2000, 0);
		expect(sf.wait_ms.p99).toBeCloseTo(2000, 0);
		expect(result.end_to_end.latency_ms.p99).toBeLessThan(2100);
	});
});

describe('batch loads', () => {
	test('a load every 60 s: records wait ~30 s on average, up to 60 s plus the load itself', () => {
		const result = store({component: 'redshift', load_interval_s: 60, latency: {dist: 'const', mean_ms: 1000}}, 100, {}, 300);
		const rs = component(result, 'db');
		// 270 measured seconds / 60 s.
		expect(rs.details['loads']).toBeGreaterThanOrEqual(4);
		expect(rs.details['loads']).toBeLessThanOrEqual(5);
		expect(rs.details['load_interval_s']).toBe(60);
		expect(rs.wait_ms.mean).toBeGreaterThan(27_000);
		expect(rs.wait_ms.mean).toBeLessThan(35_000);
		expect(rs.wait_ms.p99).toBeGreaterThan(58_000);
		expect(rs.wait_ms.p99).toBeLessThan(62_500);
		expect(rs.throughput_per_s).toBeCloseTo(100, -1);
	});

	test('a store without a load interval reports no loads', () => {
		expect(component(store({component: 'postgres'}, 100), 'db').details['loads']).toBeUndefined();
	});
});

describe('lost nodes', () => {
	test('losing 1 of 2 Postgres nodes at 60 s halves the rate: 7,000/s now exceeds the 5,000 left', () => {
		const db = component(store({component: 'postgres', nodes: 2}, 7000, {injections: [{at_s: 60, kind: 'lose_node', stage: 'db'}]}), 'db');
		expect(db.throughput_per_s).toBeLessThan(6500);
		expect(db.backlog_growth_per_s).toBeGreaterThan(500);
		expect(db.wait_ms.p99).toBeGreaterThan(5000);
		// must fail: with both nodes the same load is carried with no queue.
		const whole = component(store({component: 'postgres', nodes: 2}, 7000), 'db');
		expect(whole.backlog_growth_per_s).toBeLessThan(50);
		expect(whole.wait_ms.p99).toBeLessThan(100);
	});

	test('losing the only node at 60 s: writes wait from then on, and the records are not delivered', () => {
		const result = store({component: 'postgres'}, 100, {injections: [{at_s: 60, kind: 'lose_node', stage: 'db'}]});
		expect(result.notes).toContain('db: every node is lost at 60 s; writes wait from then on');
		// Born in [60, 120): about 6,000 records stuck.
		expect(result.end_to_end.undelivered).toBeGreaterThan(5500);
		expect(result.end_to_end.delivered).toBeLessThan(5000);
		expect(result.end_to_end.delivered).toBeGreaterThan(4000);
	});
});
