/** `dojo screen` as a user runs it: which round it follows, and what it says when it cannot. */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {pickRound} from '../../src/commands/screen.js';
import type {StoredRound} from '../../src/store/index.js';
import {openStore} from '../../src/store/index.js';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'dojo-screen-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));

const round = (id: number, startedAt: number, finishedAt: number | null, mode: 'candidate' | 'interviewer' = 'interviewer'): StoredRound => ({id, startedAt, finishedAt, scenario: 'login-counter', mode, seed: 1, timer: true, phase: 'problem', score: null, questions: 0});

describe('dojo screen', () => {
	it('--last follows the round being interviewed, else the newest interviewed one, else the newest unfinished, else the newest', () => {
		expect(pickRound([round(1, 10, null), round(2, 20, 30)], undefined).id).toBe(1);
		expect(pickRound([round(1, 10, 15), round(2, 20, 30)], undefined).id).toBe(2);
		expect(pickRound([round(1, 10, null), round(3, 30, null)], undefined).id).toBe(3);
		expect(pickRound([round(1, 10, null), round(2, 20, 30)], '2').id).toBe(2);
		// An abandoned solo round does not win over the round being interviewed.
		expect(pickRound([round(1, 10, null), round(2, 5, null, 'candidate'), round(3, 50, null, 'candidate')], undefined).id).toBe(1);
		expect(pickRound([round(1, 10, 20), round(3, 50, null, 'candidate')], undefined).id).toBe(1);
		expect(pickRound([round(2, 5, 9, 'candidate'), round(3, 50, null, 'candidate')], undefined).id).toBe(3);
		expect(() => pickRound([round(1, 10, null)], '7')).toThrow(/no round 7; saved rounds are 1/);
		expect(() => pickRound([], undefined)).toThrow(/no rounds are saved yet/);
	});

	it('exits 2 with what to do: no rounds, a bad id, both an id and --last, or no terminal', () => {
		const env = {DOJO_HOME: home};
		let run = runCli(['screen', '--last'], {env});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/no rounds are saved yet: start one with `dojo practice <scenario> --mode interviewer`/);
		const store = openStore({env, warn: () => undefined});
		store.startRound({scenario: 'login-counter', mode: 'interviewer', seed: 1, timer: true, startedAt: 1, phase: 'problem'});
		store.close();
		run = runCli(['screen', 'abc'], {env});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/round id: expected a whole number/);
		run = runCli(['screen', '1', '--last'], {env});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/--last takes no round id/);
		run = runCli(['screen', '--last'], {env});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/screen needs a terminal.*\n.*dojo report 1/);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});
});
