/** `dojo sweep`: the load multiple where a design stops meeting its SLO, with a confidence interval. */
import {describe, expect, test} from 'vitest';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

function sweep(args: readonly string[]): Record<string, any> {
	const run = runCli(['sweep', 'login-counter', '--duration', '2m', '--replications', '2', ...args, '--json']);
	expect(run.stderr).toBe('');
	expect(run.status).toBe(0);
	return JSON.parse(run.stdout) as Record<string, any>;
}

describe('dojo sweep', () => {
	test('10 shards at 8,333 events/s break at about 1.2x, where 10 × 1,000 records/s runs out', () => {
		const result = sweep([]);
		expect(result['break_multiple']).toBeGreaterThan(1.1);
		expect(result['break_multiple']).toBeLessThan(1.25);
		expect(result['break_multiple_ci95']).not.toBeNull();
		expect(result['capacity']).toMatchObject({limited_by: 'ingest'});
		expect(result['capacity'].multiple).toBeCloseTo(1.2, 2);
		expect(result['bottleneck'].component).toBe('ingest');
		expect(result['per_replication']).toHaveLength(2);
	});

	test('the interval is never narrower than the bisection bracket, even when every replication lands in the same one', () => {
		const result = sweep([]);
		const reps = result['per_replication'] as Array<{last_met: number; first_missed: number}>;
		const bracket = Math.max(...reps.map((rep) => (rep.first_missed - rep.last_met) / 2));
		expect(bracket).toBeGreaterThan(0);
		expect(result['break_multiple_ci95']).toBeGreaterThanOrEqual(bracket - 1e-9);
	});

	test('must fail: with 20 shards the break moves to about 2.4x', () => {
		const result = sweep(['--set', 'ingest.shards=20']);
		expect(result['break_multiple']).toBeGreaterThan(2.2);
		expect(result['break_multiple']).toBeLessThan(2.5);
	});

	test('a stage at capacity whose backlog grows breaks the SLO: finance capture saturates at 12.5x, the sweep agrees', () => {
		// 50 concurrent Lambdas × 1 / (10 ms + 30 ms) = 1,250 records/s = 12.5 × 100/s. Before the keeps_up check, "holds at 20x".
		const run = runCli(['sweep', 'finance-reconciliation', '--replications', '1', '--json']);
		const result = JSON.parse(run.stdout) as Record<string, any>;
		expect(result['holds_at_to']).toBe(false);
		expect(result['capacity'].multiple).toBeCloseTo(12.5, 1);
		expect(result['break_multiple']).toBeGreaterThan(11);
		expect(result['break_multiple']).toBeLessThan(13);
	});

	test('a short sweep (--duration 1m) never breaks above the capacity on paper', () => {
		const run = runCli(['sweep', 'login-counter', '--duration', '1m', '--replications', '2', '--json']);
		const result = JSON.parse(run.stdout) as Record<string, any>;
		// 10 shards × 1,000 records/s = 1.2 × 8,333/s: a longer run would lose more above it, a short one must not hide that.
		expect(result['break_multiple'] - result['break_multiple_ci95']).toBeLessThanOrEqual(result['capacity'].multiple + 1e-9);
		expect(result['per_replication'].every((rep: {last_met: number}) => rep.last_met <= result['capacity'].multiple)).toBe(true);
	});

	test('exits 1 when the design misses its SLO already at --from', () => {
		const run = runCli(['sweep', 'login-counter', '--set', 'ingest.shards=4', '--duration', '2m', '--replications', '1']);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/missed already at 1x/);
	});

	test.each([
		[['--from', '5', '--to', '2'], /--to \(2\) must be above --from \(5\)/],
		[['--from', 'abc'], /--from: expected a load multiple above 0, e.g. 1; got "abc"/],
		[['--arch', 'kds-lambda-redis', '--arch', 'kafka-flink-redis'], /one architecture at a time/],
	])('rejects %j with exit 2', (args, says) => {
		const run = runCli(['sweep', 'login-counter', ...args]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(says);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});
});
