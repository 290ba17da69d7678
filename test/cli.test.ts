import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {hasStackTrace, root, runCli} from './helpers/run-cli.js';

const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string}).version;

describe('dojo (top level)', () => {
	it('prints the package version', () => {
		const run = runCli(['--version']);
		expect(run.stdout.trim()).toBe(version);
		expect(run.status).toBe(0);
	});

	it('lists every command in --help', () => {
		const run = runCli(['--help']);
		expect(run.status).toBe(0);
		for (const command of ['list', 'validate', 'sim', 'sweep', 'bench', 'exercise']) expect(run.stdout).toMatch(new RegExp(`^ {4}${command} `, 'm'));
	});

	it('without a terminal, points to the non-interactive commands and exits 2 instead of crashing in raw mode', () => {
		const run = runCli([]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/needs a terminal/);
		expect(run.stderr).toMatch(/dojo list --json/);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});

	it('rejects an unknown command, naming the valid ones', () => {
		const run = runCli(['simulate']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/unknown command "simulate"; expected one of practice, list, validate, sim, sweep, bench, exercise/);
	});

	it('rejects an unknown flag with exit 2', () => {
		const run = runCli(['list', '--jsn']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/jsn/);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});

	it('shows per-command help with an example', () => {
		const run = runCli(['list', '--help']);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/\$ dojo list --json/);
	});

	it('reports a broken --scenarios file with file:line:col and exit 2 on any command', () => {
		const run = runCli(['list', '--scenarios', 'test/fixtures/broken/wrong-phase.yaml']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^dojo: test\/fixtures\/broken\/wrong-phase.yaml:18:16 scenarios\[0\]\.questions\[0\]\.phase: expected one of/);
		expect(run.stdout).toBe('');
	});
});

describe('dojo list', () => {
	type Listing = {scenarios: Array<Record<string, string>>; exercises: Array<Record<string, string>>};

	it('lists the built-in scenarios as JSON with id, title, kind and summary', () => {
		const run = runCli(['list', '--json']);
		expect(run.status).toBe(0);
		const listing = JSON.parse(run.stdout) as Listing;
		const ids = listing.scenarios.map((scenario) => scenario.id);
		expect(ids).toEqual(expect.arrayContaining(['login-counter', 'marketing-pipeline', 'finance-reconciliation', 'user-engagement', 'data-modeling']));
		for (const scenario of listing.scenarios) {
			expect(Object.keys(scenario).sort()).toEqual(['id', 'kind', 'summary', 'title']);
			expect(scenario.summary ?? '').toMatch(/^.{10,}/);
		}
		for (const exercise of listing.exercises) expect(Object.keys(exercise).sort()).toEqual(['id', 'scenario', 'summary', 'title']);
	});

	it('adds a user file given with --scenarios after the built-in ones', () => {
		const run = runCli(['list', '--json', '--scenarios', 'test/fixtures/my-scenarios.yaml']);
		expect(run.status).toBe(0);
		const ids = (JSON.parse(run.stdout) as Listing).scenarios.map((scenario) => scenario.id);
		expect(ids.at(-1)).toBe('clickstream');
		expect(ids[0]).toBe('login-counter');
	});

	it('prints a readable table by default', () => {
		const run = runCli(['list']);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^Scenarios\n {2}login-counter +system-design\n {6}Count login events/);
		expect(run.stdout).toMatch(/Coding problems \(Python\)\n {2}\S+ +python/);
		// It fits 80 columns when not on a terminal.
		expect(run.stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
	});
});
