/**
Properties of every run: Little's law on the pipeline's backlog, the same seed
giving the same report, replications giving confidence intervals.
*/
import {describe, expect, test} from 'vitest';
import {planRuns, runOne, simulate, summarize} from '../../src/sim/run-model.js';
import {loginModel, run} from './helpers/pipeline-models.js';

describe("Little's law: events in the pipeline = arrival rate × time in the pipeline", () => {
	test('holds within 2% on a pipeline that keeps up', () => {
		const {little} = run(loginModel('kds-lambda-redis'));
		expect(little.l).toBeGreaterThan(1000);
		expect(Math.abs(little.l - little.lambda * little.w_s) / little.l).toBeLessThan(0.02);
	});

	test('holds when the stream throttles and drops (lost events leave at their drop time)', () => {
		const {little} = run(loginModel('kds-lambda-redis', {ingest: {shards: 4}}));
		expect(Math.abs(little.l - little.lambda * little.w_s) / little.l).toBeLessThan(0.03);
	});

	test('must fail: the backlog is not the arrival rate times half the time in the pipeline', () => {
		const {little} = run(loginModel('kds-lambda-redis'));
		expect(Math.abs(little.l - (little.lambda * little.w_s) / 2) / little.l).toBeGreaterThan(0.3);
	});
});

describe('reproducibility', () => {
	const options = {seed: 7, durationS: 120, replications: 1};
	const input = {scenario: 'login-counter', arch: 'kds-lambda-redis', model: loginModel('kds-lambda-redis', {ingest: {shards: 9}})};

	test('the same seed gives the same JSON', () => {
		expect(JSON.stringify(simulate(input, options))).toBe(JSON.stringify(simulate(input, options)));
	});

	test('another seed gives different numbers', () => {
		const a = simulate(input, options);
		const b = simulate(input, {...options, seed: 8});
		expect(b.end_to_end.delivered).not.toBe(a.end_to_end.delivered);
		expect(b.end_to_end.latency_ms.mean).not.toBe(a.end_to_end.latency_ms.mean);
	});

	test('replications are independent, merged in order, and carry 95% half-widths', () => {
		const jobs = planRuns(input, {...options, replications: 3});
		const runs = jobs.map((job) => runOne(job));
		expect(new Set(runs.map((one) => one.end_to_end.delivered)).size).toBe(3);
		const merged = summarize(input, {...options, replications: 3}, runs, 0);
		expect(merged.replications).toBe(3);
		const latency = merged.end_to_end.latency_ms as Record<string, number>;
		expect(latency['mean_ci95']).toBeGreaterThan(0);
		expect(latency['mean']).toBeCloseTo(runs.reduce((sum, one) => sum + one.end_to_end.latency_ms.mean, 0) / 3, 3);
		// Serial and shuffled-then-reordered runs give the same report.
		const again = summarize(input, {...options, replications: 3}, [...jobs].reverse().map((job) => runOne(job)).reverse(), 0);
		expect(JSON.stringify(again)).toBe(JSON.stringify(merged));
	});
});

describe('time series for charts', () => {
	test('one point per interval, per component, covering the run', () => {
		const {series} = run(loginModel('kds-lambda-redis'), {durationS: 600});
		expect(series.interval_s).toBe(10);
		expect(series.t_s).toHaveLength(60);
		expect(series.components['ingest']!.throughput_per_s).toHaveLength(60);
		const late = series.offered_per_s.slice(10);
		expect(late.reduce((sum, value) => sum + value, 0) / late.length).toBeCloseTo(8333, -2);
	});
});
