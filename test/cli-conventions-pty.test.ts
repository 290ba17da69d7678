/**
NO_COLOR and Ctrl-C on every command (issue 11), run as a person would: the
built CLI (dist/cli.js) in a real pseudo-terminal (test/helpers/pty-run.py).

- NO_COLOR=1: no colour codes (SGR 30–49, 90–107) anywhere in what a command
  draws; bold and dim are attributes, not colours, and stay. Without NO_COLOR,
  the commands that colour at all (the Ink screens) do colour, so the first
  check is not passing by accident.
- Ctrl-C (byte 0x03 typed at the terminal): a command that runs long enough is
  interrupted mid-run and exits 130 (the practice round uses a scenario with no
  saved round, so it opens on the round rather than on "resume it?"). The bench's in-thread run cannot answer a
  JavaScript handler, so it ends at once by SIGINT instead (a shell reports 130
  for both); that exception is named below. Quick commands get the Ctrl-C right
  after their first output: they exit 130, or finish with their own code, or,
  when the Ctrl-C lands while Node is already tearing down, end by SIGINT.

All runs go in parallel, a few at a time, so the file stays fast.
*/
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {commands} from '../src/commands/index.js';
import {openStore} from '../src/store/index.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const driver = fileURLToPath(new URL('./helpers/pty-run.py', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'dojo-pty-conventions-'));
// Commands run in a folder of their own: dojo code writes its starter file (merge-intervals.py) where it runs.
const workDir = mkdtempSync(join(tmpdir(), 'dojo-pty-cwd-'));
afterAll(() => {
	rmSync(home, {recursive: true, force: true});
	rmSync(workDir, {recursive: true, force: true});
});

/** What pty-run.py reports. */
type PtyRun = {code: number | null; signal: number | null; seen: boolean; interrupted_at_s: number | null; timed_out: boolean; output: string};

type Case = {
	command: string;
	args: string[];
	/** Text the command draws once it is running (then Ctrl-C is typed); '' types it after 2.5 s (the command draws nothing while it works). */
	waitFor: string;
	/** How Ctrl-C must end it: 130; 'signal' (ended by SIGINT at once); or 'quick' (130, or it had already finished with `finishes`). */
	ctrlC: 130 | 'signal' | 'quick';
	/** The exit code of a quick command that finishes before Ctrl-C arrives. */
	finishes?: number;
	/** Whether the command colours its output on a terminal (only the Ink screens do). */
	colours: boolean;
};

const cases = (): Case[] => [
	{command: 'list', args: ['list'], waitFor: 'Scenarios', ctrlC: 'quick', finishes: 0, colours: false},
	{command: 'validate', args: ['validate'], waitFor: 'ok:', ctrlC: 'quick', finishes: 0, colours: false},
	// Eight replications of a day take about 20 s of CPU, so they still run when Ctrl-C comes at 2.5 s on a quiet machine
	// (3 h of simulated time once finished in 1.3 s, before it).
	{command: 'sim', args: ['sim', 'login-counter', '--duration', '24h', '--replications', '8'], waitFor: '', ctrlC: 130, colours: false},
	{command: 'sweep', args: ['sweep', 'login-counter'], waitFor: '', ctrlC: 130, colours: false},
	// The measured run is in-thread (its timing is the engine's alone): Ctrl-C ends it at once by the signal.
	{command: 'bench', args: ['bench', '--customers', '50000000'], waitFor: '', ctrlC: 'signal', colours: false},
	{command: 'exercise', args: ['exercise', 'scd2-plan-price'], waitFor: 'paste SQL', ctrlC: 130, colours: true},
	{command: 'practice', args: ['practice', 'finance-reconciliation'], waitFor: 'ask›', ctrlC: 130, colours: true},
	{command: 'ask', args: ['ask', 'login-counter'], waitFor: 'Ctrl-D ends', ctrlC: 130, colours: false},
	{command: 'history', args: ['history'], waitFor: 'Rounds', ctrlC: 'quick', finishes: 0, colours: false},
	{command: 'report', args: ['report', '--last'], waitFor: '#', ctrlC: 'quick', finishes: 0, colours: false},
	{command: 'screen', args: ['screen', '--last'], waitFor: 'followed live', ctrlC: 130, colours: true},
	{command: 'code', args: ['code', 'merge-intervals'], waitFor: 'quit >', ctrlC: 130, colours: false},
];

/** Runs one case in a pty; resolves with pty-run.py's report. */
function runInPty(args: readonly string[], env: NodeJS.ProcessEnv, waitFor: string): Promise<PtyRun> {
	return new Promise((resolve, reject) => {
		// Wait up to 40 s for the text (a loaded machine starts an Ink screen slowly), or 2.5 s when there is none; then up to 40 s for the end.
		const child = spawn('python3', [driver, '100', '32', waitFor, waitFor ? '40' : '2.5', '1', '40', process.execPath, cli, ...args], {
			cwd: workDir,
			env: {...process.env, DOJO_HOME: home, EDITOR: '', VISUAL: '', FORCE_COLOR: '', ...env},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', () => {
			try {
				resolve(JSON.parse(out) as PtyRun);
			} catch {
				reject(new Error(`pty-run.py printed no report for ${args.join(' ')}: ${out.slice(0, 500)}`));
			}
		});
	});
}

/** Runs `tasks` with at most `limit` at once (the machine is shared: a few ptys at a time). */
async function limited<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	await Promise.all(
		Array.from({length: limit}, async () => {
			while (next < tasks.length) {
				const index = next++;
				results[index] = await tasks[index]!();
			}
		}),
	);
	return results;
}

/** SGR sequences that set a colour: foreground/background 30–49 (38/48 extended), bright 90–107. */
function colourCodes(output: string): string[] {
	const found: string[] = [];
	for (const match of output.matchAll(/\u001b\[([0-9;]*)m/g)) {
		const params = match[1]!.split(';').map(Number);
		if (params.some((param) => (param >= 30 && param <= 49) || (param >= 90 && param <= 107))) found.push(match[0]);
	}
	return found;
}

let plain: Map<string, PtyRun>;
let coloured: Map<string, PtyRun>;

beforeAll(async () => {
	// One round being interviewed, for screen, report and history to show.
	const store = openStore({env: {DOJO_HOME: home}, warn: () => undefined});
	const round = store.startRound({scenario: 'login-counter', mode: 'interviewer', seed: 1, timer: true, startedAt: Date.now(), phase: 'problem'})!;
	store.appendEvent(round, {type: 'clarify.ask', text: 'How many events per minute?', at: Date.now()} as never);
	store.close();
	const table = cases();
	const colouring = table.filter((entry) => entry.colours);
	const runs = await limited(
		[
			...table.map((entry) => () => runInPty(entry.args, {NO_COLOR: '1'}, entry.waitFor)),
			...colouring.map((entry) => () => runInPty(entry.args, {NO_COLOR: ''}, entry.waitFor)),
		],
		3,
	);
	plain = new Map(table.map((entry, index) => [entry.command, runs[index]!]));
	coloured = new Map(colouring.map((entry, index) => [entry.command, runs[table.length + index]!]));
}, 300_000);

describe('every command in a terminal', () => {
	it('the table covers every command', () => {
		expect(cases().map((entry) => entry.command).sort()).toEqual(Object.keys(commands).sort());
	});

	for (const entry of cases()) {
		it(`${entry.command}: no colour codes with NO_COLOR=1, and Ctrl-C ${entry.ctrlC === 'quick' ? 'yields 130 or it finishes' : entry.ctrlC === 'signal' ? 'ends it by SIGINT at once' : 'exits 130'}`, () => {
			const run = plain.get(entry.command)!;
			const context = `${entry.args.join(' ')} → ${JSON.stringify({...run, output: run.output.slice(-600)})}`;
			expect(run.timed_out, context).toBe(false);
			expect(colourCodes(run.output), context).toEqual([]);
			if (entry.waitFor) expect(run.seen || entry.ctrlC === 'quick', context).toBe(true);
			if (entry.ctrlC === 130) {
				expect(run.interrupted_at_s, context).not.toBeNull();
				expect(run.code, context).toBe(130);
			} else if (entry.ctrlC === 'signal') {
				expect(run.interrupted_at_s, context).not.toBeNull();
				expect(run.signal, context).toBe(2);
			} else {
				// A quick command has printed all it prints by now: 130, or its own code, or, when Ctrl-C lands while
				// Node is already tearing down (its signal handlers gone), the default end by SIGINT.
				expect(run.code === 130 || run.code === entry.finishes || (run.signal === 2 && (entry.waitFor === '' || run.seen)), context).toBe(true);
			}
			if (entry.colours) {
				const withColour = coloured.get(entry.command)!;
				expect(colourCodes(withColour.output).length, `${entry.args.join(' ')} without NO_COLOR draws no colour at all`).toBeGreaterThan(0);
				expect(withColour.code).toBe(130);
			}
		});
	}
});
