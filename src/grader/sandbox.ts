/**
The parent side of the SQL sandbox: one warm child process that plays runs,
killed with SIGKILL when a run passes its time limit or its memory cap and
started again right away so the next run finds it ready.

A worker thread would not do: `terminate()` waits for the native SQLite call
to return, which an endless recursive CTE never does.
*/
import {fork, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {workDirPrefix, type ChildMessage, type ParentMessage, type RunFailure, type RunJob, type RunResult} from './protocol.js';

/** How to start and bound the sandbox. */
export type SandboxOptions = {
	/**
	The child script. By default `sandbox-child.ts` beside this file (run through
	tsx, under tests), else the bundle's `dist/grader/sandbox-child.js`.
	*/
	readonly childPath?: string;
	/**
	Resident memory the child may use before it is killed, in MiB.

	@default 512
	*/
	readonly memoryLimitMb?: number;
	/**
	Resident memory the warm child may keep after a run, in MiB; above it the
	child is replaced, so the next answer starts with its full memory cap.

	@default 160
	*/
	readonly recycleAboveMb?: number;
	/**
	How long a starting child may take to say it is ready, in milliseconds (tests
	lower it to see a child that never does).

	@default 30000
	*/
	readonly startTimeoutMs?: number;
};

type Pending = {
	readonly id: number;
	readonly worker: Worker;
	readonly resolve: (result: RunResult) => void;
	readonly timer: NodeJS.Timeout;
	readonly poll?: NodeJS.Timeout;
	lastProgress?: Extract<ChildMessage, {type: 'progress' | 'reading'}>;
};

type Worker = {
	readonly child: ChildProcess;
	readonly ready: Promise<void>;
	stderr: string;
};

/** The child's JavaScript heap, in MiB: rows an answer returns live there until they are sent back. */
const heapLimitMb = 256;

/** Finds the child script and the Node flags it needs, for the dist bundle and for tests run from src/. */
function childScript(explicit?: string): {path: string; execArgv: string[]} {
	const here = dirname(fileURLToPath(import.meta.url));
	// The bundle keeps src/'s layout (dist/grader/sandbox-child.js) while this code may sit in dist/ or dist/chunks/.
	const candidates = explicit
		? [explicit]
		: [
				join(here, 'sandbox-child.ts'),
				join(here, 'sandbox-child.js'),
				join(here, 'grader', 'sandbox-child.js'),
				join(here, '..', 'grader', 'sandbox-child.js'),
				join(here, '..', 'sandbox-child.js'),
			];
	const path = candidates.find((candidate) => existsSync(candidate));
	if (!path) throw new Error(`the SQL sandbox script is missing; looked for ${candidates.join(', ')} (run \`npm run build\`)`);
	if (!path.endsWith('.ts')) return {path, execArgv: []};
	// Under vitest/tsx the child is TypeScript: load tsx by absolute URL, since the child's cwd is an empty directory.
	const loader = createRequire(import.meta.url).resolve('tsx');
	return {path, execArgv: ['--import', pathToFileURL(loader).href]};
}

/** Resident set size of a process in bytes, where /proc tells it (Linux); undefined elsewhere. */
function residentBytes(pid: number): number | undefined {
	try {
		const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
		return Number.isFinite(pages) ? pages * 4096 : undefined;
	} catch {
		return undefined;
	}
}

/** A warm sandbox process. Runs are queued and played one at a time. */
export class Sandbox {
	/** The empty directory the child runs in; nothing an answer does may create a file here (tests check). */
	readonly workDir: string;
	readonly #options: SandboxOptions;
	#worker: Worker | undefined;
	#pending: Pending | undefined;
	#queue: Promise<unknown> = Promise.resolve();
	#nextId = 1;
	#closed = false;
	#spawnCount = 0;

	constructor(options: SandboxOptions = {}) {
		this.#options = options;
		this.workDir = mkdtempSync(join(tmpdir(), workDirPrefix));
	}

	/** How many times a child was started: 1, plus one per kill (the sandbox stays warm). */
	get spawnCount(): number {
		return this.#spawnCount;
	}

	/** Starts the child now, so the first run does not wait for it. */
	warm(): Promise<void> {
		return this.#waitReady(this.#spawn());
	}

	/** Plays one run; never rejects for anything the SQL does (timeouts and crashes come back as failures). */
	run(job: RunJob, timeoutMs: number): Promise<RunResult> {
		const next = this.#queue.then(() => this.#play(job, timeoutMs));
		this.#queue = next.catch(() => undefined);
		return next;
	}

	/**
	Kills the child and removes the work directory. The promise settles once the
	child has exited, so a command that awaits it never leaves one behind.
	*/
	close(): Promise<void> {
		this.#closed = true;
		this.#finish({failure: this.#failure('crashed', 'the sandbox was closed while the run was playing'), results: {}, ms: 0});
		const child = this.#worker?.child;
		this.#worker = undefined;
		rmSync(this.workDir, {recursive: true, force: true});
		if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
		const exited = new Promise<void>((resolve) => {
			// A child that cannot be reaped must not hold the command forever.
			const timer = setTimeout(resolve, 2000);
			child.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
		});
		// Referenced again, so the process waits for the exit instead of ending with the promise unsettled.
		child.ref();
		child.kill('SIGKILL');
		return exited;
	}

	#spawn(): Worker {
		if (this.#worker) return this.#worker;
		if (this.#closed) throw new Error('the sandbox is closed');
		const {path, execArgv} = childScript(this.#options.childPath);
		const child = fork(path, [], {
			cwd: this.workDir,
			env: {PATH: process.env['PATH'] ?? '', TMPDIR: this.workDir, SQLITE_TMPDIR: this.workDir, TSX_DISABLE_CACHE: '1'},
			execArgv: [...execArgv, `--max-old-space-size=${heapLimitMb}`, '--no-warnings'],
			serialization: 'advanced',
			stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
		});
		this.#spawnCount++;
		// An idle sandbox must not keep the CLI alive; a run's timer does while it plays.
		child.unref();
		child.channel?.unref();
		(child.stderr as {unref?: () => void} | null)?.unref?.();
		let markReady!: () => void;
		let fail!: (error: Error) => void;
		const worker: Worker = {
			child,
			stderr: '',
			ready: new Promise<void>((resolve, reject) => {
				markReady = resolve;
				fail = reject;
			}),
		};
		worker.ready.catch(() => undefined);
		child.stderr?.on('data', (chunk: Buffer) => {
			worker.stderr = (worker.stderr + chunk.toString()).slice(-2000);
		});
		child.on('message', (message: ChildMessage) => {
			if (message.type === 'ready') markReady();
			else if ((message.type === 'progress' || message.type === 'reading') && this.#pending) this.#pending.lastProgress = message;
			else if (message.type === 'done' && this.#pending?.id === message.id) {
				this.#finish(message.result);
				this.#recycleIfBloated(worker);
			}
		});
		child.on('exit', (code, signal) => {
			if (this.#worker === worker) this.#worker = undefined;
			fail(new Error(`the SQL sandbox exited before it was ready (code ${code}, signal ${signal}): ${worker.stderr.trim() || 'no output'}`));
			if (this.#pending?.worker === worker) this.#finish({failure: this.#death(worker, code, signal), results: {}, ms: 0});
		});
		this.#worker = worker;
		return worker;
	}

	async #waitReady(worker: Worker): Promise<void> {
		// The child is unref'd, so this timer is also what keeps the process alive while it starts.
		let spawnTimer: NodeJS.Timeout | undefined;
		const limitMs = this.#options.startTimeoutMs ?? 30_000;
		try {
			await Promise.race([
				worker.ready,
				new Promise((_, reject) => {
					spawnTimer = setTimeout(() => reject(new Error(`the SQL sandbox did not start within ${limitMs / 1000} s`)), limitMs);
				}),
			]);
		} finally {
			clearTimeout(spawnTimer);
		}
	}

	async #play(job: RunJob, timeoutMs: number): Promise<RunResult> {
		const worker = this.#spawn();
		await this.#waitReady(worker);
		const id = this.#nextId++;
		return new Promise<RunResult>((resolve) => {
			const timer = setTimeout(() => this.#kill(worker, 'timeout', `stopped after ${timeoutMs / 1000} s, the time limit for one run`), timeoutMs);
			const limit = (this.#options.memoryLimitMb ?? 512) * 2 ** 20;
			const poll = worker.child.pid
				? setInterval(() => {
						const bytes = residentBytes(worker.child.pid!);
						if (bytes !== undefined && bytes > limit) this.#kill(worker, 'memory', `stopped at ${Math.round(bytes / 2 ** 20)} MB of memory, over the ${limit / 2 ** 20} MB cap`);
					}, 100)
				: undefined;
			poll?.unref();
			this.#pending = {id, worker, resolve, timer, ...(poll ? {poll} : {})};
			worker.child.send({type: 'run', id, job} satisfies ParentMessage);
		});
	}

	/** Why a child died on its own: V8 aborts it when the rows an answer returns fill its heap. */
	#death(worker: Worker, code: number | null, signal: NodeJS.Signals | null): RunFailure {
		const lines = worker.stderr.trim().split('\n');
		if (lines.some((line) => /heap out of memory|allocation failed/i.test(line))) {
			return this.#failure('memory', `stopped when the sandbox's ${heapLimitMb} MB heap filled up, holding the rows a statement returned; the expected results are far smaller`);
		}
		const why = lines.find((line) => /error/i.test(line)) ?? lines[lines.length - 1];
		return this.#failure('crashed', `the sandbox process died (${signal ?? `exit code ${code}`})${why ? `: ${why.trim()}` : ''}`);
	}

	#failure(kind: RunFailure['kind'], message: string): RunFailure {
		const progress = this.#pending?.lastProgress;
		if (progress?.type === 'reading') return {kind, message, reading: progress.label};
		return {
			kind,
			message,
			...(progress ? {section: progress.section, statement: progress.statement, ...(progress.batch ? {batch: progress.batch} : {})} : {}),
		};
	}

	/**
	Replaces the warm child when it keeps much memory after a run (SQLite's page
	cache and V8's heap do not shrink): the next answer would otherwise start
	near the memory cap and be killed early, with the kill blamed on it.
	*/
	#recycleIfBloated(worker: Worker): void {
		const pid = worker.child.pid;
		const bytes = pid === undefined ? undefined : residentBytes(pid);
		if (bytes === undefined || bytes <= (this.#options.recycleAboveMb ?? 160) * 2 ** 20 || this.#closed) return;
		if (this.#worker === worker) this.#worker = undefined;
		worker.child.kill('SIGKILL');
		this.#spawn();
	}

	#kill(worker: Worker, kind: RunFailure['kind'], message: string): void {
		const failure = this.#failure(kind, message);
		if (this.#worker === worker) this.#worker = undefined;
		worker.child.kill('SIGKILL');
		this.#finish({failure, results: {}, ms: 0});
		// Keep the sandbox warm: the next run should not pay for the start.
		if (!this.#closed) this.#spawn();
	}

	#finish(result: RunResult): void {
		const pending = this.#pending;
		if (!pending) return;
		this.#pending = undefined;
		clearTimeout(pending.timer);
		if (pending.poll) clearInterval(pending.poll);
		pending.resolve(result);
	}
}
