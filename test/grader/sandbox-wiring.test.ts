/**
The parent side of the sandbox (src/grader/sandbox.ts) with stand-in children:
small plain-JavaScript scripts (test/fixtures/sandbox-children/) that speak
the protocol and start in a few tens of milliseconds, so the spawning, the
time and memory kills, the recycling, the crash messages and close() can be
tested, and mutation tested, without SQLite. The real child is started once,
to see that the default script is found and plays a job.
*/
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {Sandbox, type SandboxOptions} from '../../src/grader/sandbox.js';
import type {ChildMessage, RunJob, RunResult} from '../../src/grader/protocol.js';

const children = fileURLToPath(new URL('../fixtures/sandbox-children/', import.meta.url));
const scripted = `${children}scripted-child.cjs`;

const opened: Sandbox[] = [];
afterEach(async () => {
	await Promise.all(opened.splice(0).map((sandbox) => sandbox.close()));
});

/** A sandbox on a stand-in child (the scripted one unless told), closed after the test. */
function standIn(options: SandboxOptions = {}): Sandbox {
	const sandbox = new Sandbox({childPath: scripted, ...options});
	opened.push(sandbox);
	return sandbox;
}

/** A job the scripted child acts on: its first step's label is the command, its sql the arguments. */
function command(label: string, args: Record<string, unknown> = {}): RunJob {
	return {maxRows: 10, maxPages: 100, steps: [{kind: 'exec', label, sql: JSON.stringify(args)}]};
}

type Echo = {env: Record<string, string>; argv: string[]; execArgv: string[]; cwd: string; pid: number; runs: number; overlap: boolean; job: RunJob};

/** What the scripted child said about itself in an `echo` run. */
function echoOf(result: RunResult): Echo {
	expect(result.failure).toBeUndefined();
	const read = result.results['echo'];
	if (!read || 'error' in read) throw new Error(`no echo in ${JSON.stringify(result)}`);
	return JSON.parse(String(read.rows[0]![0])) as Echo;
}

async function echo(sandbox: Sandbox): Promise<Echo> {
	return echoOf(await sandbox.run(command('echo'), 10_000));
}

/** Whether a process with this pid exists (a reaped child no longer does). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The pids of this process's children running `script`. */
function childrenRunning(script: string): number[] {
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(script)) pids.push(Number(entry));
		} catch {
			// The process ended while we looked.
		}
	}
	return pids;
}

function residentMb(pid: number): number {
	return (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096) / 2 ** 20;
}

const progress = {type: 'progress', section: 'load', statement: {sql: 'INSERT INTO t SELECT 1', line: 7, index: 2}, batch: 'b2'} satisfies ChildMessage;
const progressNoBatch = {type: 'progress', section: 'schema', statement: {sql: 'CREATE TABLE t (x)', line: 2, index: 1}} satisfies ChildMessage;
const reading = {type: 'reading', label: 'the rows of dim_plan after batch b2'} satisfies ChildMessage;
const timeLimit = 'stopped after 0.3 s, the time limit for one run';
const heapFull = "stopped when the sandbox's 256 MB heap filled up, holding the rows a statement returned; the expected results are far smaller";

describe('the sandbox with a stand-in child', () => {
	it('starts one child in its empty work directory, with only the environment and flags it needs, and plays runs there', async () => {
		const sandbox = standIn();
		expect(sandbox.spawnCount).toBe(0);
		await sandbox.warm();
		await sandbox.warm();
		expect(sandbox.spawnCount).toBe(1);
		const job = command('echo', {some: 'argument'});
		const result = await sandbox.run(job, 10_000);
		expect(result.ms).toBe(1);
		const first = echoOf(result);
		expect(first.job).toEqual(job);
		expect(first.cwd).toBe(sandbox.workDir);
		expect(first.env).toEqual({PATH: process.env['PATH'], TMPDIR: sandbox.workDir, SQLITE_TMPDIR: sandbox.workDir, TSX_DISABLE_CACHE: '1'});
		expect(first.execArgv).toEqual(['--max-old-space-size=256', '--no-warnings']);
		expect(first.argv).toEqual([]);
		expect(first.runs).toBe(1);
		const second = await echo(sandbox);
		expect(second).toMatchObject({pid: first.pid, runs: 2});
		// A small child is not recycled under the default 160 MB.
		expect(sandbox.spawnCount).toBe(1);
		expect(readdirSync(sandbox.workDir)).toEqual([]);
	});

	it('gives the child an empty PATH when this process has none', async () => {
		const path = process.env['PATH'];
		delete process.env['PATH'];
		const sandbox = standIn();
		try {
			await sandbox.warm();
		} finally {
			process.env['PATH'] = path;
		}
		expect((await echo(sandbox)).env['PATH']).toBe('');
	});

	it('starts a TypeScript child through tsx, loaded by absolute URL', async () => {
		const sandbox = standIn({childPath: `${children}echo-child.ts`});
		const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
		expect((await echo(sandbox)).execArgv).toEqual(['--import', tsx, '--max-old-space-size=256', '--no-warnings']);
	});

	it('says which script is missing', () => {
		const sandbox = standIn({childPath: '/nonexistent/sandbox-child.cjs'});
		expect(() => sandbox.warm()).toThrow(new Error('the SQL sandbox script is missing; looked for /nonexistent/sandbox-child.cjs (run `npm run build`)'));
	});

	it('stops a run at its time limit, starts the next child at once, and leaves the killed one dead', async () => {
		const sandbox = standIn();
		const {pid} = await echo(sandbox);
		const result = await sandbox.run(command('hang'), 300);
		expect(result).toStrictEqual({failure: {kind: 'timeout', message: timeLimit}, results: {}, ms: 0});
		expect(sandbox.spawnCount).toBe(2);
		await vi.waitFor(() => expect(alive(pid)).toBe(false), {timeout: 10_000, interval: 20});
		const next = await echo(sandbox);
		expect(next.pid).not.toBe(pid);
		expect(next.runs).toBe(1);
		expect(sandbox.spawnCount).toBe(2);
		expect(childrenRunning(scripted)).toEqual([next.pid]);
	});

	it('names the answer statement or the harness read that was playing when the run was stopped, from the last progress message', async () => {
		const sandbox = standIn();
		const stopped = async (messages: ChildMessage[]) => (await sandbox.run(command('hang', {progress: messages}), 300)).failure;
		expect(await stopped([progress])).toStrictEqual({kind: 'timeout', message: timeLimit, section: 'load', statement: progress.statement, batch: 'b2'});
		expect(await stopped([progress, progressNoBatch])).toStrictEqual({kind: 'timeout', message: timeLimit, section: 'schema', statement: progressNoBatch.statement});
		expect(await stopped([progress, reading])).toStrictEqual({kind: 'timeout', message: timeLimit, reading: reading.label});
		expect(await stopped([reading, progress])).toStrictEqual({kind: 'timeout', message: timeLimit, section: 'load', statement: progress.statement, batch: 'b2'});
		// The progress of an earlier run is not blamed on this one.
		expect(await stopped([])).toStrictEqual({kind: 'timeout', message: timeLimit});
	});

	it('kills a run over its memory cap, names the statement, and starts the next child at once', async () => {
		const sandbox = standIn({memoryLimitMb: 100});
		const {pid} = await echo(sandbox);
		const result = await sandbox.run(command('grow', {mb: 250, progress: [progress]}), 10_000);
		const {message, ...rest} = result.failure!;
		expect(rest).toStrictEqual({kind: 'memory', section: 'load', statement: progress.statement, batch: 'b2'});
		const [, mb] = /^stopped at (\d+) MB of memory, over the 100 MB cap$/.exec(message) ?? [];
		expect(Number(mb)).toBeGreaterThan(100);
		expect(Number(mb)).toBeLessThan(400);
		expect(result.results).toEqual({});
		expect(result.ms).toBe(0);
		expect(sandbox.spawnCount).toBe(2);
		await vi.waitFor(() => expect(alive(pid)).toBe(false), {timeout: 10_000, interval: 20});
		expect((await echo(sandbox)).pid).not.toBe(pid);
	});

	it('lets a run use up to 512 MB by default, and then replaces the child that kept over 160 MB', async () => {
		const sandbox = standIn();
		const {pid} = await echo(sandbox);
		expect(await sandbox.run(command('bloat', {mb: 200}), 10_000)).toStrictEqual({results: {}, ms: 2});
		expect(sandbox.spawnCount).toBe(2);
		await vi.waitFor(() => expect(alive(pid)).toBe(false), {timeout: 10_000, interval: 20});
		const next = await echo(sandbox);
		expect(next.pid).not.toBe(pid);
		expect(sandbox.spawnCount).toBe(2);
	});

	it('replaces the warm child only when it keeps more than recycleAboveMb after a run', async () => {
		const keeps = standIn({recycleAboveMb: 300});
		const {pid} = await echo(keeps);
		expect(await keeps.run(command('bloat', {mb: 150}), 10_000)).toStrictEqual({results: {}, ms: 2});
		expect(keeps.spawnCount).toBe(1);
		expect((await echo(keeps)).pid).toBe(pid);

		const recycles = standIn({recycleAboveMb: 100});
		const before = await echo(recycles);
		expect(recycles.spawnCount).toBe(1);
		await recycles.run(command('bloat', {mb: 150}), 10_000);
		expect(recycles.spawnCount).toBe(2);
		await vi.waitFor(() => expect(alive(before.pid)).toBe(false), {timeout: 10_000, interval: 20});
		expect((await echo(recycles)).pid).not.toBe(before.pid);
	});

	it('stops timing a run once it is done', async () => {
		const sandbox = standIn();
		const {pid} = await echo(sandbox);
		expect(await sandbox.run(command('slow', {ms: 0}), 300)).toStrictEqual({results: {}, ms: 0});
		// Well past the first run's time limit: its timer must not kill the child in this run.
		expect(await sandbox.run(command('slow', {ms: 1000}), 20_000)).toStrictEqual({results: {}, ms: 1000});
		expect(sandbox.spawnCount).toBe(1);
		expect((await echo(sandbox)).pid).toBe(pid);
	});

	it('stops watching the memory of a run once it is done', async () => {
		const sandbox = standIn({memoryLimitMb: 100});
		const {pid} = await echo(sandbox);
		// The child grows after it answered: nothing is playing, so nothing is killed (the next run would find it over the cap).
		expect(await sandbox.run(command('grow-after-done', {mb: 200}), 10_000)).toStrictEqual({results: {}, ms: 3});
		await vi.waitFor(() => expect(residentMb(pid)).toBeGreaterThanOrEqual(200), {timeout: 10_000, interval: 20});
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(alive(pid)).toBe(true);
		expect(sandbox.spawnCount).toBe(1);
	});

	it('reports a child that dies in a run as a crash, in the words of its error line, and starts a new one for the next run', async () => {
		const sandbox = standIn();
		const died = async (args: Record<string, unknown>) => (await sandbox.run(command('die', args), 10_000)).failure;
		expect(await died({stderr: 'starting up\n  TypeError: boom  \n    at run (child.js:1:1)\n', code: 3})).toStrictEqual({
			kind: 'crashed',
			message: 'the sandbox process died (exit code 3): TypeError: boom',
		});
		// A crash is not a kill: the next run starts the next child.
		expect(sandbox.spawnCount).toBe(1);
		expect(await died({stderr: 'all fine\nsomething ERRORED here\nbye\n', code: 2, progress: [progress]})).toStrictEqual({
			kind: 'crashed',
			message: 'the sandbox process died (exit code 2): something ERRORED here',
			section: 'load',
			statement: progress.statement,
			batch: 'b2',
		});
		expect(sandbox.spawnCount).toBe(2);
		expect(await died({stderr: 'first\n  last words\n', code: 1})).toStrictEqual({kind: 'crashed', message: 'the sandbox process died (exit code 1): last words'});
		expect(await died({code: 5})).toStrictEqual({kind: 'crashed', message: 'the sandbox process died (exit code 5)'});
		expect(await died({signal: 'SIGTERM'})).toStrictEqual({kind: 'crashed', message: 'the sandbox process died (SIGTERM)'});
		// Only the last 2000 characters of its output are kept.
		expect(await died({stderr: `Error: early\n${'x'.repeat(2500)}\nlate words\n`, code: 6})).toStrictEqual({kind: 'crashed', message: 'the sandbox process died (exit code 6): late words'});
		expect(sandbox.spawnCount).toBe(6);
		expect((await echo(sandbox)).runs).toBe(1);
		expect(sandbox.spawnCount).toBe(7);
	});

	it('reports a child whose JavaScript heap filled up as out of memory, naming the statement', async () => {
		const sandbox = standIn();
		const died = async (stderr: string, messages: ChildMessage[] = []) => (await sandbox.run(command('die', {stderr, code: 134, progress: messages}), 10_000)).failure;
		const v8 = '\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb8ced1 node::Abort() [node]\n';
		expect(await died(v8, [progress])).toStrictEqual({kind: 'memory', message: heapFull, section: 'load', statement: progress.statement, batch: 'b2'});
		expect(await died('JavaScript Heap Out Of Memory\n')).toStrictEqual({kind: 'memory', message: heapFull});
		expect(await died('FATAL ERROR: invalid array length ALLOCATION FAILED\n')).toStrictEqual({kind: 'memory', message: heapFull});
		expect(await died('heap is out of memory\n')).toStrictEqual({kind: 'crashed', message: 'the sandbox process died (exit code 134): heap is out of memory'});
	});

	it('takes the done of the run that is playing only, once', async () => {
		const sandbox = standIn();
		const marker = join(mkdtempSync(join(tmpdir(), 'dojo-wiring-')), 'again');
		try {
			expect(await sandbox.run(command('stale', {marker}), 10_000)).toStrictEqual({results: {}, ms: 4});
			// The child sends the done again while nothing is pending, then writes the marker; it is dropped.
			await vi.waitFor(() => expect(existsSync(marker)).toBe(true), {timeout: 10_000, interval: 20});
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect((await echo(sandbox)).runs).toBe(2);
		} finally {
			rmSync(dirname(marker), {recursive: true, force: true});
		}
	});

	it('checks for recycling after a done only, not after progress', async () => {
		const sandbox = standIn({recycleAboveMb: 100});
		const marker = join(mkdtempSync(join(tmpdir(), 'dojo-wiring-')), 'chatted');
		try {
			expect(await sandbox.run(command('bloat-then-chat', {mb: 150, marker}), 10_000)).toStrictEqual({results: {}, ms: 6});
			await vi.waitFor(() => expect(existsSync(marker)).toBe(true), {timeout: 10_000, interval: 20});
			// A moment for this process to read the progress message sent before the marker.
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(sandbox.spawnCount).toBe(1);
		} finally {
			rmSync(dirname(marker), {recursive: true, force: true});
		}
	});

	it('stops the start timer once the child is ready', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		try {
			const sandbox = standIn();
			await sandbox.warm();
			expect(vi.getTimerCount()).toBe(0);
		} finally {
			vi.useRealTimers();
		}
	});

	it('ignores progress sent when no run is playing', async () => {
		const sandbox = standIn();
		expect(await sandbox.run(command('chatty'), 10_000)).toStrictEqual({results: {}, ms: 5});
		// The late messages arrive while nothing is pending (had they come in the next run, they would be its progress).
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect((await echo(sandbox)).runs).toBe(2);
		expect(sandbox.spawnCount).toBe(1);
	});

	it('plays runs one at a time, in the order they were asked for', async () => {
		const sandbox = standIn();
		const settled: string[] = [];
		const slow = sandbox.run(command('slow', {ms: 300}), 10_000).then((result) => {
			settled.push('slow');
			return result;
		});
		const quick = sandbox.run(command('echo'), 10_000).then((result) => {
			settled.push('echo');
			return result;
		});
		expect(await slow).toStrictEqual({results: {}, ms: 300});
		expect(echoOf(await quick)).toMatchObject({runs: 2, overlap: false});
		expect(settled).toEqual(['slow', 'echo']);
	});

	it('fails the run, not the queue, when the child exits before it is ready', async () => {
		const sandbox = standIn({childPath: `${children}exit-at-start-child.cjs`});
		const exited = 'the SQL sandbox exited before it was ready (code 3, signal null): loading the SQLite binding\nError: cannot open shared object file';
		await expect(sandbox.warm()).rejects.toThrow(new Error(exited));
		await expect(sandbox.run(command('echo'), 10_000)).rejects.toThrow(new Error(exited));
		await expect(sandbox.run(command('echo'), 10_000)).rejects.toThrow(new Error(exited));
		expect(sandbox.spawnCount).toBe(3);
		const quiet = standIn({childPath: `${children}quiet-exit-child.cjs`});
		await expect(quiet.run(command('echo'), 10_000)).rejects.toThrow(new Error('the SQL sandbox exited before it was ready (code 4, signal null): no output'));
	});

	it('gives up on a child that does not say ready within startTimeoutMs, and close() kills it', async () => {
		const silent = `${children}silent-child.cjs`;
		const sandbox = standIn({childPath: silent, startTimeoutMs: 300});
		await expect(sandbox.warm()).rejects.toThrow(new Error('the SQL sandbox did not start within 0.3 s'));
		await expect(sandbox.run(command('echo'), 10_000)).rejects.toThrow(new Error('the SQL sandbox did not start within 0.3 s'));
		expect(sandbox.spawnCount).toBe(1);
		const [pid] = childrenRunning(silent);
		expect(pid).toBeDefined();
		await sandbox.close();
		expect(alive(pid!)).toBe(false);
		expect(childrenRunning(silent)).toEqual([]);
	});

	it('waits 30 s by default for a child to say ready', async () => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
		try {
			const sandbox = standIn({childPath: `${children}silent-child.cjs`});
			const warm = sandbox.warm();
			const settled = vi.fn();
			warm.then(settled, settled);
			await vi.advanceTimersByTimeAsync(29_999);
			expect(settled).not.toHaveBeenCalled();
			await vi.advanceTimersByTimeAsync(1);
			await expect(warm).rejects.toThrow(new Error('the SQL sandbox did not start within 30 s'));
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('closing the sandbox', () => {
	it('during a run settles the run as closed, naming what was playing, kills the child and removes the work directory', async () => {
		const sandbox = standIn();
		const {pid} = await echo(sandbox);
		const marker = join(mkdtempSync(join(tmpdir(), 'dojo-wiring-')), 'playing');
		const run = sandbox.run(command('hang', {progress: [progress], marker}), 20_000);
		// The child writes the marker after its progress messages are sent; a moment more lets this process read them.
		await vi.waitFor(() => expect(existsSync(marker)).toBe(true), {timeout: 10_000, interval: 20});
		await new Promise((resolve) => setTimeout(resolve, 100));
		await sandbox.close();
		rmSync(dirname(marker), {recursive: true, force: true});
		expect(await run).toStrictEqual({
			failure: {kind: 'crashed', message: 'the sandbox was closed while the run was playing', reading: 'marker'},
			results: {},
			ms: 0,
		});
		expect(alive(pid)).toBe(false);
		expect(existsSync(sandbox.workDir)).toBe(false);
		expect(sandbox.spawnCount).toBe(1);
		expect(childrenRunning(scripted)).toEqual([]);
	});

	it('when idle kills the warm child before it settles, and refuses runs after', async () => {
		const sandbox = standIn();
		const {pid} = await echo(sandbox);
		await sandbox.close();
		expect(alive(pid)).toBe(false);
		expect(existsSync(sandbox.workDir)).toBe(false);
		await expect(sandbox.run(command('echo'), 10_000)).rejects.toThrow(new Error('the sandbox is closed'));
		expect(() => sandbox.warm()).toThrow(new Error('the sandbox is closed'));
		await sandbox.close();
		expect(sandbox.spawnCount).toBe(1);
	});

	it('that never started, or whose child died, settles at once', async () => {
		const never = standIn();
		expect(existsSync(never.workDir)).toBe(true);
		await never.close();
		expect(existsSync(never.workDir)).toBe(false);
		expect(never.spawnCount).toBe(0);
		const crashed = standIn();
		await crashed.run(command('die', {code: 1}), 10_000);
		await crashed.close();
		expect(existsSync(crashed.workDir)).toBe(false);
	});
});

describe('the sandbox with its real child', () => {
	it('finds the child script beside it and plays a job there', async () => {
		const sandbox = new Sandbox();
		opened.push(sandbox);
		const result = await sandbox.run({maxRows: 10, maxPages: 100, steps: [{kind: 'query', label: 'one', sql: 'SELECT 1 AS x'}]}, 20_000);
		expect(result.failure).toBeUndefined();
		expect(result.results['one']).toEqual({columns: ['x'], rows: [[1]], truncated: false});
		expect(sandbox.spawnCount).toBe(1);
	});
});
