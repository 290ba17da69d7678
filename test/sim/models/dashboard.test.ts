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

describe('dashboard figures beyond the p99', () => {
	test('a 10 s refresh with a 1 s query: completeness averages 6 s and peaks at 11 s, freshness peaks at 11 s; the dashboard passes on all 50 events/s', () => {
		const result = board({refresh_s: 10, query_ms: 1000});
		// Everything delivered is counted (Redis takes ~10 ms): lag ≈ query, so mean = 1 + 10 / 2 = 6 s, worst = 1 + 10 = 11 s.
		expect(result.end_to_end.completeness_s).toBeGreaterThan(5.9);
		expect(result.end_to_end.completeness_s).toBeLessThan(6.2);
		expect(result.end_to_end.completeness_max_s).toBeGreaterThan(10.9);
		expect(result.end_to_end.completeness_max_s).toBeLessThan(11.3);
		expect(result.end_to_end.freshness_max_s).toBeGreaterThan(10.9);
		expect(result.end_to_end.freshness_max_s).toBeLessThan(11.3);
		// Poisson at 50/s over the 108 s window: 5,400 ± 3σ (220), so 48 … 52 per second.
		const dashboard = component(result, 'd');
		expect(dashboard.throughput_per_s).toBeGreaterThan(48);
		expect(dashboard.throughput_per_s).toBeLessThan(52);
		const series = result.series!.components['d']!.throughput_per_s;
		const mean = series.reduce((total, value) => total + value, 0) / series.length;
		expect(mean).toBeGreaterThan(45);
		expect(mean).toBeLessThan(55);
	});

	test('freshness is the age of the newest event delivered, not of the last one to arrive: writes of 5 s on average (exponential) overtake each other', () => {
		const result = run(parseModel({source: {rate_per_s: 50}, stages: [{id: 'db', kind: 'store', component: 'snowflake', latency: {dist: 'exp', mean_ms: 5000}}, {id: 'd', kind: 'dashboard', refresh_s: 10}]}), {durationS: 120});
		// At 50/s, the events born in the last a seconds that are already written number 50·a²/(2·5 s) for small a: about one
		// at a ≈ 0.45 s. So the newest on screen is ~0.45 s old at the refresh: mean ≈ 0.45 + 10 / 2 ≈ 5.5 s, worst ≈ 11 s.
		// The last write to arrive is typically ~5 s old: reading its birth would show about 9 s and 25 s.
		expect(result.end_to_end.freshness_s).toBeGreaterThan(5);
		expect(result.end_to_end.freshness_s).toBeLessThan(6.5);
		expect(result.end_to_end.freshness_p99_s).toBeLessThan(12.5);
	});

	test('with a source feed, each source\'s completeness adds what the screen adds (refresh 20 s + query 1 s), and the stage reports as a dashboard', () => {
		const result = run(
			parseModel({
				source: {rate_per_s: 50, arrivals: 'constant', feeds: [{id: 'files', share: 0.1, every_s: 30}]},
				stages: [{id: 'r', kind: 'cache', component: 'redis', latency: {dist: 'const', mean_ms: 10}}, {id: 'd', kind: 'dashboard', refresh_s: 20, query_ms: 1000}],
			}),
			{durationS: 120},
		);
		// Streamed events: 10 ms in Redis + 20 s + 1 s ≈ 21 s at worst; the files wait up to 30 s more: ≈ 51 s.
		const sources = Object.fromEntries(result.sources!.map((entry) => [entry.id, entry.completeness_p99_s]));
		expect(sources['streamed']).toBeCloseTo(21, 0);
		expect(sources['files']).toBeCloseTo(51, 0);
		expect(component(result, 'd').kind).toBe('dashboard');
	});

	test('Grafana at exactly its 5 s minimum refreshes as asked, with no note', () => {
		const result = board({component: 'grafana', refresh_s: 5, query_ms: 0});
		expect(component(result, 'd').details['refresh_s']).toBe(5);
		expect(result.notes).toEqual([]);
	});

	test('a dashboard that never receives anything shows no freshness (NaN) and counts no refreshes', () => {
		// The only Postgres node is lost at 0 s, so nothing reaches the dashboard.
		const result = run(
			parseModel({source: {rate_per_s: 50}, stages: [{id: 'db', kind: 'store', component: 'postgres'}, {id: 'd', kind: 'dashboard', refresh_s: 10}], injections: [{at_s: 0, kind: 'lose_node', stage: 'db'}]}),
			{durationS: 120},
		);
		const figures = result.end_to_end;
		for (const value of [figures.freshness_s, figures.freshness_p99_s, figures.freshness_max_s, figures.completeness_s, figures.completeness_p99_s, figures.completeness_max_s]) expect(value).toBeNaN();
		expect(component(result, 'd').details['refreshes']).toBe(0);
	});
});
