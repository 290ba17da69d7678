/**
The promise of saved progress, with real processes: `dojo practice` in a
pseudo-terminal, three questions and the estimates typed, the process killed
with SIGKILL, then `dojo practice` again offers to resume, and the resumed
round has every question, answer and estimate; `dojo history --json` too.
*/
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {root, runCli} from '../helpers/run-cli.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const driver = fileURLToPath(new URL('./pty-drive.py', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'dojo-kill-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));

type Step = ['wait', string, number] | ['send', string] | ['kill'];

/** Plays `steps` against `dojo ...args` in a 100x32 pty; returns what the driver printed. */
function drive(args: string[], steps: Step[], dojoHome = home): {status: number | null; out: string} {
	const run = spawnSync('python3', [driver, '100', '32', process.execPath, cli, ...args], {cwd: root, input: JSON.stringify(steps), encoding: 'utf8', env: {...process.env, DOJO_HOME: dojoHome, FORCE_COLOR: '0'}, timeout: 90_000});
	return {status: run.status, out: run.stdout + run.stderr};
}

const questions = ['what is the schema of an event', 'how many events per minute', 'where does the input data come from'];
const ctrlN = '\u000E';

describe('a round killed with SIGKILL', () => {
	it('is offered for resuming, and comes back with every question, answer and estimate', () => {
		const first = drive(['practice', 'login-counter', '--no-timer'], [
			['wait', 'asked so far', 20],
			...questions.flatMap((question): Step[] => [['send', `${question}\r`], ['wait', `You: ${question}`, 10]]),
			['send', ctrlN],
			['wait', 'Pin down clients', 10],
			['send', '\t'],
			['wait', 'Back-of-envelope numbers', 10],
			['send', '8.3k\r16.7k\r3.3 MB/s\r144\r4\r'],
			['wait', 'estimates handed in', 10],
			['kill'],
		]);
		expect(first.out).toMatch(/^ok/);
		expect(first.status).toBe(0);

		const history = JSON.parse(runCli(['history', '--json'], {env: {DOJO_HOME: home}}).stdout) as {rounds: Array<{id: number; finished_at: string | null; phase: string; questions: Array<{text: string}>}>};
		expect(history.rounds).toHaveLength(1);
		expect(history.rounds[0]).toMatchObject({finished_at: null, phase: 'requirements'});
		expect(history.rounds[0]!.questions.map((question) => question.text)).toEqual(questions);

		const second = drive(['practice', 'login-counter', '--no-timer'], [
			['wait', 'an unfinished round from', 20],
			['wait', '3 questions asked, reached Requirements', 5],
			['send', '\r'],
			// The transcript is back: each question, and the interviewer's answer after it.
			...questions.flatMap((question): Step[] => [['wait', `You: ${question}`, 15], ['wait', 'Interviewer:', 5]]),
			['send', '\t'],
			['wait', '✓ 8,300 events/s: right', 10],
			['wait', '✗ 4 shards: 4.25x too low', 5],
			['send', '\t'],
			['wait', '[questions]', 5],
			['send', 'what is the retention\r'],
			['wait', 'You: what is the retention', 10],
			['kill'],
		]);
		expect(second.out).toMatch(/^ok/);
		const after = JSON.parse(runCli(['history', '--json'], {env: {DOJO_HOME: home}}).stdout) as typeof history;
		expect(after.rounds).toHaveLength(1);
		expect(after.rounds[0]!.questions.map((question) => question.text)).toEqual([...questions, 'what is the retention']);
	}, 120_000);

	it('in a folder that cannot be written, the round plays on in memory and the warning is on screen after quitting', () => {
		const blocker = join(home, 'a-file');
		writeFileSync(blocker, '');
		const run = drive(['practice', 'login-counter', '--no-timer'], [
			['wait', 'asked so far', 20],
			['send', 'what is the schema of an event\r'],
			['wait', 'Interviewer: Each event has user_id', 10],
			['send', '\u0003'],
			['wait', `progress is not saved: the folder is not writable (${join(blocker, 'dojo', 'progress.db')}); this session works in memory`, 10],
		], join(blocker, 'dojo'));
		expect(run.out).toMatch(/^ok/);
	}, 60_000);
});
