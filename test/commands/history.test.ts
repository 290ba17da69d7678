/** `dojo history` as a user runs it, over a progress database filled as the app would fill it. */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {createQuestionMatcher} from '../../src/flow/match-question.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';
import {openStore} from '../../src/store/index.js';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

const home = mkdtempSync(join(tmpdir(), 'dojo-history-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));
const env = {DOJO_HOME: home};
const t0 = Date.UTC(2026, 11, 3, 9, 0, 0);
// The matcher is replaced on its own branch: expect what it answers, so this test checks history's wiring, not the matcher.
const matcher = createQuestionMatcher(findScenario(loadCatalogue(), 'login-counter').questions);
const matched = (text: string) => {
	const outcome = matcher.match(text, new Set());
	return outcome.kind === 'answer' ? outcome.questions[0]!.id : null;
};
const texts = ['How many events do we get per minute?', 'zzz qqq', 'What is the schema of an event?'];

function fill() {
	const store = openStore({env, warn: (message) => { throw new Error(message); }});
	const finished = store.startRound({scenario: 'login-counter', mode: 'candidate', seed: 1, timer: true, startedAt: t0, phase: 'problem'})!;
	store.appendEvent(finished, {type: 'clarify.ask', text: 'What exactly is the metric?', at: t0 + 1_000} as never);
	store.finishRound(finished, t0 + 60_000, 'review', {total: 55, areas: {clarify: 10, estimates: 100}});
	const open = store.startRound({scenario: 'login-counter', mode: 'candidate', seed: 1, timer: true, startedAt: t0 + 120_000, phase: 'problem'})!;
	for (const [index, text] of texts.entries()) store.appendEvent(open, {type: 'clarify.ask', text, at: t0 + 121_000 + index * 1000} as never);
	store.appendEvent(open, {type: 'phase.next', at: t0 + 130_000} as never);
	store.setPhase(open, 'requirements');
	store.recordAttempt({kind: 'sql', exercise: 'scd2-plan-price', at: t0 + 200_000, roundId: null, answer: 'SELECT 1', passed: false, checks: [{id: 'a', passed: true, message: ''}, {id: 'b', passed: false, message: 'x'}]});
	store.close();
	return {finished, open};
}

describe('dojo history', () => {
	it('with nothing saved says how to start', () => {
		const run = runCli(['history'], {env: {DOJO_HOME: join(home, 'empty')}});
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/Nothing played yet/);
	});

	it('--json gives rounds and attempts exactly as DESIGN.md says, questions matched to the bank', () => {
		const {finished, open} = fill();
		const run = runCli(['history', '--json'], {env});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const json = JSON.parse(run.stdout) as {rounds: Array<Record<string, unknown>>; attempts: Array<Record<string, unknown>>};
		expect(Object.keys(json)).toEqual(['rounds', 'attempts']);
		expect(json.rounds.map((round) => Object.keys(round))).toEqual([
			['id', 'scenario', 'mode', 'started_at', 'finished_at', 'phase', 'score', 'questions'],
			['id', 'scenario', 'mode', 'started_at', 'finished_at', 'phase', 'score', 'questions'],
		]);
		expect(json.rounds[0]).toEqual({id: finished, scenario: 'login-counter', mode: 'candidate', started_at: '2026-12-03T09:00:00.000Z', finished_at: '2026-12-03T09:01:00.000Z', phase: 'review', score: {total: 55, areas: {clarify: 10, estimates: 100}}, questions: [{text: 'What exactly is the metric?', question_id: 'metric', at: '2026-12-03T09:00:01.000Z'}]});
		expect(json.rounds[1]).toMatchObject({id: open, finished_at: null, phase: 'requirements', score: null});
		expect(matched('zzz qqq')).toBeNull();
		expect(json.rounds[1]!['questions']).toEqual([
			{text: texts[0], question_id: matched(texts[0]!), at: '2026-12-03T09:02:01.000Z'},
			{text: 'zzz qqq', question_id: null, at: '2026-12-03T09:02:02.000Z'},
			{text: texts[2], question_id: 'schema', at: '2026-12-03T09:02:03.000Z'},
		]);
		expect(json.attempts).toEqual([{kind: 'sql', id: 'scd2-plan-price', at: '2026-12-03T09:03:20.000Z', passed: false, checks_passed: 1, checks_total: 2}]);
	});

	it('prints a table by default: unfinished rounds, scores by area, attempts', () => {
		const run = runCli(['history'], {env});
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^Rounds \(2\)/m);
		expect(run.stdout).toMatch(/login-counter .*unfinished\s+Requirements\s+–\s+3$/m);
		expect(run.stdout).toMatch(/Review\s+55 \(clarify 10, estimates 100\)\s+1$/m);
		expect(run.stdout).toMatch(/scd2-plan-price\s+failed\s+1\/2$/m);
		expect(run.stdout).toContain('dojo practice login-counter');
	});

	it('refuses arguments with exit 2 and no stack trace', () => {
		const run = runCli(['history', 'yesterday'], {env});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/dojo history takes no arguments; got yesterday/);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});
});
