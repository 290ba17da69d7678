import {describe, expect, it} from 'vitest';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

describe('dojo bench', () => {
	it('prints the DESIGN.md JSON, with a mean wait that agrees with Erlang C', () => {
		const run = runCli(['bench', '--customers', '200000', '--seed', '3', '--json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const json = JSON.parse(run.stdout);
		expect(Object.keys(json)).toEqual(['model', 'customers', 'events', 'wall_s', 'customers_per_s', 'events_per_s', 'mean_wait', 'mean_wait_ci95', 'erlang_c_mean_wait']);
		expect(json.customers).toBe(200_000);
		expect(json.events).toBe(400_000);
		expect(json.erlang_c_mean_wait).toBeCloseTo(0.74554, 5);
		expect(Math.abs(json.mean_wait - json.erlang_c_mean_wait)).toBeLessThanOrEqual(3 * json.mean_wait_ci95);
		expect(json.customers_per_s).toBeGreaterThan(0);
	});

	it('prints a short table for people', () => {
		const run = runCli(['bench', '--customers', '20000']);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^dojo bench: M\/M\/4 at utilisation 0\.8/);
		expect(run.stdout).toMatch(/customers\s+20,000\n/);
		expect(run.stdout).toMatch(/Erlang C Wq\s+0\.7455 s/);
	});

	it.each([
		[['--customers', '-5'], /^dojo: --customers: expected a whole number of customers from 1 to 1e9, e\.g\. 1000000; got "-5"\n$/],
		[['--customers', 'fast'], /^dojo: --customers: .*; got "fast"\n$/],
		[['--customers', '0'], /^dojo: --customers: .*; got "0"\n$/],
		[['--seed', 'x'], /^dojo: --seed: expected a whole number, e\.g\. 42; got "x"\n$/],
	])('rejects bench %j with exit 2, naming the flag', (args, says) => {
		const run = runCli(['bench', ...args]);
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(says);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});
});
