/**
The parent side of the Python runtime: one warm pyodide child process at a
time, started in the background as soon as someone may need it (cold start is
about 3 s), that grades one answer at a time.

The parent enforces every limit the child cannot be trusted with: a wall-clock
limit per case, ended with SIGKILL (an interrupt buffer cannot stop C-level
loops such as `sum(range(10**13))`), after which a new child is started and the
remaining cases go on; a child that ran out of memory or died is replaced too.
*/
import {fork} from 'node:child_process';
import type {EventEmitter} from 'node:events';
import type {Readable} from 'node:stream';
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import type {ChildMessage, GradeRequest, LoadOutcome, CaseOutcome, WireCase} from './protocol.js';
import {SystemPythonChild} from './system-python.js';

/** How to start and bound the runtime. */
export type RuntimeOptions = {
	/**
	The wasm heap cap, in MiB: growing past it raises MemoryError in Python.

	@default 512
	*/
	readonly heapMb?: number;
	/**
	How long a cold start may take before the runtime gives up, in ms.

	@default 60000
	*/
	readonly startTimeoutMs?: number;
	/**
	Which Python: pyodide in a sandboxed child, or the user's own `python3`
	(not sandboxed; for pandas).

	@default 'pyodide'
	*/
	readonly python?: 'pyodide' | 'system';
	/**
	Grade several answers in one child. Only for trusted answers (the shipped
	references, in tests): a hostile answer could tamper with the next grading.

	@default false
	*/
	readonly reuse?: boolean;
};

/** One case to run, with its wall-clock limit. */
export type RunCase = WireCase & {readonly timeoutMs: number};

/** An answer and the cases to run it on. */
export type RunRequest = {
	readonly source: string;
	/** The name tracebacks and syntax errors show: the candidate's file. */
	readonly filename: string;
	readonly function: string;
	readonly cases: readonly RunCase[];
	/** Limit for running the file's top level. */
	readonly loadTimeoutMs: number;
};

/** What happened to one case. */
export type CaseRun =
	| {readonly kind: 'ran'; readonly outcome: CaseOutcome; readonly ms: number}
	| {readonly kind: 'timeout'; readonly limitMs: number}
	| {readonly kind: 'crashed'; readonly message: string}
	| {readonly kind: 'skipped'; readonly message: string};

/** What happened when the answer was loaded. */
export type LoadRun = {readonly kind: 'loaded'; readonly outcome: LoadOutcome} | {readonly kind: 'timeout'; readonly limitMs: number} | {readonly kind: 'crashed'; readonly message: string};

/** The outcome of one request: the load, then one entry per case in request order. */
export type RunResult = {readonly load: LoadRun; readonly cases: readonly CaseRun[]};

/** What the runtime needs of a child process: messages, exit, kill. A forked child fits, and so does SystemPythonChild. */
type ChildHandle = EventEmitter & {send(message: unknown): boolean; kill(signal?: NodeJS.Signals): boolean; ref(): void; unref(): void; readonly stderr: Readable | null; readonly channel?: unknown};

type Child = {readonly process: ChildHandle; readonly ready: Promise<void>; stderr: string; exited: boolean};

/** Where the built child script and its preload are: beside the bundle in dist/, or dist/ from src/coding under tests. */
function builtFile(name: string): string {
	const here = dirname(fileURLToPath(import.meta.url));
	const candidates = [join(here, name), join(here, '..', name), join(here, '..', '..', 'dist', name)];
	const found = candidates.find((candidate) => existsSync(candidate));
	if (!found) throw new Error(`the Python runtime's ${name} is missing; looked for ${candidates.join(', ')} (run \`npm run build\`)`);
	return found;
}

/** The permission-model flag of this Node: `--permission` from 22.13, `--experimental-permission` before. */
export function permissionFlag(version = process.versions.node): string {
	const [major = 0, minor = 0] = version.split('.').map(Number);
	return major > 22 || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

/** pyodide's installed folder, resolved at run time: it stays in node_modules, outside the bundle. */
export function pyodideFolder(): string {
	return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

/** The Python runtime: call `warm()` early, `run()` per answer, `close()` at the end. */
export class PythonRuntime {
	private child: Child | undefined;
	private queue: Promise<unknown> = Promise.resolve();
	/** Children started so far (the first, then one per kill or recycle). */
	starts = 0;

	constructor(private readonly options: RuntimeOptions = {}) {}

	/** Starts a child in the background when none is running; resolves when it is ready. */
	warm(): Promise<void> {
		return this.current().ready;
	}

	/** Runs one answer on its cases; requests queue one behind the other. */
	run(request: RunRequest): Promise<RunResult> {
		const result = this.queue.then(() => this.play(request));
		this.queue = result.catch(() => undefined);
		return result;
	}

	/** Stops the child and waits until it has exited, so a command leaves no process behind. */
	async stop(): Promise<void> {
		const child = this.child;
		// Referenced again, so this process lives until the child is reaped.
		child?.process.ref();
		this.close();
		if (child && !child.exited) await new Promise((resolve) => child.process.once('exit', resolve));
	}

	/** Stops the child without waiting. The runtime starts a new one if used again. */
	close(): void {
		if (this.child && !this.child.exited) this.child.process.kill('SIGKILL');
		this.child = undefined;
	}

	private current(): Child {
		if (!this.child || this.child.exited) this.child = this.spawn();
		return this.child;
	}

	private spawn(): Child {
		this.starts += 1;
		const heapBytes = Math.round((this.options.heapMb ?? 512) * 1024 * 1024);
		const child: ChildHandle = this.options.python === 'system' ? new SystemPythonChild(heapBytes) : this.forkPyodide(heapBytes);
		const entry: Child = {process: child, stderr: '', exited: false, ready: Promise.resolve()};
		child.stderr?.on('data', (chunk: Buffer) => {
			if (entry.stderr.length < 4000) entry.stderr += chunk.toString();
		});
		const startTimeout = this.options.startTimeoutMs ?? 60_000;
		const ready = new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`the Python runtime did not start within ${startTimeout / 1000} s`));
			}, startTimeout);
			child.on('message', (message: ChildMessage) => {
				if (message?.type !== 'ready') return;
				clearTimeout(timer);
				resolve();
			});
			child.on('exit', (code, signal) => {
				entry.exited = true;
				clearTimeout(timer);
				reject(new Error(`the Python runtime stopped while starting (${signal ?? `exit code ${code}`})${entry.stderr ? `: ${entry.stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`));
			});
		});
		ready.catch(() => undefined);
		(entry as {ready: Promise<void>}).ready = ready;
		// An idle child never keeps dojo running; a pending case has its own timer.
		child.unref();
		(child.channel as {unref?: () => void} | undefined)?.unref?.();
		return entry;
	}

	/** The sandboxed pyodide child: permission model, empty environment, the preload. */
	private forkPyodide(heapBytes: number): ChildHandle {
		const script = builtFile('coding-child.mjs');
		const preload = builtFile('coding-preload.mjs');
		const folder = pyodideFolder();
		// Written by the build beside the child script; optional (the child boots plainly without it).
		const snapshot = join(dirname(script), 'pyodide-snapshot.bin');
		return fork(script, [folder, String(heapBytes), snapshot], {
			cwd: folder,
			env: {},
			execArgv: [permissionFlag(), `--allow-fs-read=${folder}`, `--allow-fs-read=${script}`, `--allow-fs-read=${preload}`, `--allow-fs-read=${snapshot}`, '--no-warnings', '--import', pathToFileURL(preload).href],
			stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
		});
	}

	private recycle(): void {
		this.close();
		this.current().ready.catch(() => undefined);
	}

	private async play(request: RunRequest): Promise<RunResult> {
		const cases: CaseRun[] = [];
		let load: LoadRun | undefined;
		let losses = 0;
		let spent = false;
		while (cases.length < request.cases.length || load === undefined) {
			const child = this.current();
			await child.ready;
			const remaining = request.cases.slice(cases.length);
			const pass = await this.pass(child, request, remaining);
			load ??= pass.load ?? {kind: 'crashed', message: 'the Python runtime stopped'};
			cases.push(...pass.cases);
			if (pass.memory) spent = true;
			if (pass.lost === undefined) break;
			this.close();
			if (load.kind !== 'loaded' || !load.outcome.ok) break;
			losses += 1;
			if (losses >= 2) {
				const message = 'not run: two cases already hit the time limit or crashed';
				while (cases.length < request.cases.length) cases.push({kind: 'skipped', message});
				break;
			}
		}
		if (load?.kind === 'loaded' && load.outcome.ok) {
			while (cases.length < request.cases.length) cases.push({kind: 'skipped', message: 'not run: the Python runtime was restarted'});
		}
		// One answer could leave a listener or a patched harness behind for the next; by default every
		// grading gets a fresh child, started in the background at once so the next one finds it ready.
		if (spent || !this.options.reuse) this.recycle();
		else if (!this.child) this.current().ready.catch(() => undefined);
		return {load: load ?? {kind: 'crashed', message: 'the Python runtime stopped'}, cases};
	}

	/** One grading pass in one child; `lost` says the child was killed or died, at the last case in `cases` or at the load. */
	private pass(child: Child, request: RunRequest, remaining: readonly RunCase[]): Promise<{load?: LoadRun; cases: CaseRun[]; lost?: 'timeout' | 'crashed'; memory: boolean}> {
		const nonce = randomBytes(16).toString('hex');
		const message: GradeRequest = {type: 'grade', nonce, source: request.source, filename: request.filename, function: request.function, cases: remaining.map(({timeoutMs: _limit, ...wire}) => wire)};
		return new Promise((resolve) => {
			const cases: CaseRun[] = [];
			let load: LoadRun | undefined;
			let memory = false;
			let timer: NodeJS.Timeout | undefined;
			const arm = (limitMs: number) => {
				clearTimeout(timer);
				timer = setTimeout(() => {
					child.process.kill('SIGKILL');
					if (load === undefined) load = {kind: 'timeout', limitMs};
					else cases.push({kind: 'timeout', limitMs});
					finish('timeout');
				}, limitMs);
			};
			const onMessage = (reply: ChildMessage) => {
				if (reply?.nonce !== nonce) return;
				if (reply.type === 'loaded') {
					load = {kind: 'loaded', outcome: reply.outcome};
					if (reply.outcome.memory) memory = true;
					if (reply.outcome.ok && remaining[0]) arm(remaining[0].timeoutMs);
				} else if (reply.type === 'case') {
					cases.push({kind: 'ran', outcome: reply.outcome, ms: reply.ms});
					if (reply.outcome.memory) memory = true;
					const next = remaining[cases.length];
					if (next) arm(next.timeoutMs);
				} else if (reply.type === 'done') {
					finish();
				} else if (reply.type === 'fatal') {
					child.process.kill('SIGKILL');
					lose(`the Python runtime failed: ${reply.message}`);
				}
			};
			const lose = (message: string) => {
				if (load === undefined) load = {kind: 'crashed', message};
				else if (cases.length < remaining.length) cases.push({kind: 'crashed', message});
				finish('crashed');
			};
			const onExit = (code: number | null, signal: string | null) => lose(`the answer ended the Python process (${signal ?? `exit code ${code}`})`);
			const finish = (lost?: 'timeout' | 'crashed') => {
				clearTimeout(timer);
				child.process.off('message', onMessage);
				child.process.off('exit', onExit);
				resolve({load, cases, lost, memory});
			};
			child.process.on('message', onMessage);
			child.process.on('exit', onExit);
			arm(request.loadTimeoutMs);
			child.process.send(message);
		});
	}
}
