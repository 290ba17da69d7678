/** What the viewer sees: freshness swings over each refresh period, from the query's end to the next refresh. */
import {describe, expect, test} from 'vitest';
import {component, parseModel, run} from '../helpers/pipeline-models.js';

const board = (dashboard: Record<string, unknown>) =>
	run(parseModel({source: {rate_per_s: 50}, stages: [{id: 'r', kind: 'cache', component: 'redis'}, {id: 'd', kind: 'dashboard', ...dashboard}]}), {durationS: 120});

describe('dashboard freshness', () => {
	test('a 10 s refresh with a 1 s query: data on screen is 1 s to 11 s old, 6 s on average', () => {
		const result = board({refresh_s: 10, query_ms: 1000});
		// Pipeline latency is ~10 ms (Redis), so mean ≈ query + refresh / 2, worst ≈ query + refresh.
		expect(result.end_to_end.freshness_s).toBeGreaterThan(5.9);
		expect(result.end_to_end.freshness_s).toBeLessThan(6.2);
		expect(result.end_to_end.freshness_p99_s).toBeGreaterThan(10.9);
		expect(result.end_to_end.freshness_p99_s).toBeLessThan(11.3);
		const dashboard = component(result, 'd');
		expect(dashboard.utilization).toBeCloseTo(0.1, 6);
		expect(dashboard.details['refresh_s']).toBe(10);
		expect(dashboard.details['query_ms']).toBe(1000);
		// 108 measured seconds at one refresh per 10 s.
		expect(dashboard.details['refreshes']).toBeGreaterThanOrEqual(10);
		expect(dashboard.details['refreshes']).toBeLessThanOrEqual(11);
		// Everything delivered is counted, so completeness is about as old as freshness.
		expect(result.end_to_end.completeness_p99_s).toBeGreaterThan(10.9);
		expect(result.end_to_end.completeness_p99_s).toBeLessThan(11.3);
	});

	test('Grafana refreshes at most every 5 s: a 2 s refresh is run at 5 s, with a note', () => {
		const result = board({component: 'grafana', refresh_s: 2, query_ms: 0});
		expect(component(result, 'd').details['refresh_s']).toBe(5);
		expect(result.notes).toContain('d: Grafana refreshes at most every 5 s (min_refresh_interval); using 5 s instead of 2 s');
		expect(result.end_to_end.freshness_p99_s).toBeGreaterThan(4.9);
		// must fail: a custom dashboard refreshes as asked.
		const custom = board({refresh_s: 2, query_ms: 0});
		expect(component(custom, 'd').details['refresh_s']).toBe(2);
		expect(custom.end_to_end.freshness_p99_s).toBeLessThan(2.2);
		expect(custom.notes).toEqual([]);
	});

	test('QuickSight faster than its 15 min SPICE schedule is noted as direct query; its load is query time over refresh', () => {
		const result = board({component: 'quicksight', refresh_s: 60, query_ms: 1000});
		expect(result.notes).toContain('d: QuickSight SPICE datasets refresh at best every 15 min; a 60 s refresh assumes direct query on every view');
		expect(component(result, 'd').utilization).toBeCloseTo(1 / 60, 3);
		expect(board({component: 'quicksight', refresh_s: 900}).notes).toEqual([]);
	});

	test('a query longer than the refresh keeps the dashboard fully busy, not over 100%', () => {
		expect(component(board({refresh_s: 1, query_ms: 3000}), 'd').utilization).toBe(1);
	});
});
