/** `dojo practice` without a terminal, as a script would run it. */
import {describe, expect, it} from 'vitest';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

describe('dojo practice without a terminal', () => {
	it('exits 2 and points to dojo ask, dojo sim and dojo exercise', () => {
		const run = runCli(['practice', 'login-counter']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/practice needs a terminal/);
		expect(run.stderr).toMatch(/dojo ask login-counter "/);
		expect(run.stderr).toMatch(/dojo sim login-counter --json/);
		expect(run.stderr).toMatch(/dojo exercise <id> --answer FILE\.sql/);
		expect(hasStackTrace(run.stderr)).toBe(false);
		// The three descriptions start in one column, whatever the scenario id's length.
		const columns = ["the interviewer's answers", 'simulate an architecture', 'grade a data-modeling answer'].map((what) => run.stderr.split('\n').find((line) => line.includes(what))!.indexOf(what));
		expect(new Set(columns).size).toBe(1);
	});

	it('rejects a wrong --mode and an unknown scenario with exit 2, naming what was expected', () => {
		let run = runCli(['practice', 'login-counter', '--mode', 'boss']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/--mode: expected candidate or interviewer; got "boss"/);
		run = runCli(['practice', 'no-such-scenario']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/login-counter/);
	});
});
