/**
Runs the round's simulation requests off the UI thread: worker threads (the
build's `dist/sim-worker.js`, one per core up to two) take the runs of a
request side by side and report progress, so the screen keeps drawing while a
10x what-if runs. A worker's first run is also when V8 compiles the simulator
for it, on background threads: two such first runs at once took 1.15–1.27 s
each for marketing's webhooks design where one alone took 0.80 s, while two
runs on workers past their first did not slow each other (0.65 s each). So a
worker that has not finished a run yet starts one only when no other worker is
running, and once the pool is idle it warms up by repeating the last run, a
warm-up dropped as soon as real work comes. Without a built worker (under the
test runner) runs happen in this thread, one per macrotask, so the screen
still updates between them.
*/
import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {SimulateFn} from '../flow/round-actor.js';
import type {SimRunRequest} from '../flow/round-events.js';
import {defaultDuration, type SimInput, type SimOptions, type SimResult} from '../sim/light.js';

/** The worker script next to the bundle, when built. */
function workerPath(): string | undefined {
	for (const relative of ['./sim-worker.js', '../sim-worker.js']) {
		const path = fileURLToPath(new URL(relative, import.meta.url));
		if (existsSync(path)) return path;
	}
	return undefined;
}

/** What one run of a request simulates, as the `dojo sim` command would run it. */
export function runInput(run: SimRunRequest, seed: number): {input: SimInput; options: SimOptions} {
	return {
		input: {scenario: null, arch: run.label, model: run.model},
		options: {seed, durationS: defaultDuration(run.model), replications: 1, ...(run.scale === undefined ? {} : {scale: run.scale}), ...(run.peak ? {peak: true} : {})},
	};
}

/** A request's seed and runs, as `prefetch` takes them (the round's request without its id and purpose). */
export type RunsAhead = {readonly seed: number; readonly runs: readonly SimRunRequest[]};

/**
One simulation the pool knows of: waiting, running on a worker, or done (kept
so that the same run asked again is answered at once). `holders` counts the
requests waiting for it; `ahead` marks a run started before anyone asked,
for the design on screen.
*/
type Entry = {
	readonly key: string;
	readonly input: SimInput;
	readonly options: SimOptions;
	state: 'queued' | 'running' | 'done';
	holders: number;
	ahead: boolean;
	progress: number;
	readonly listeners: Set<(done: number) => void>;
	readonly promise: Promise<SimResult>;
	readonly settle: {resolve: (result: SimResult) => void; reject: (error: Error) => void};
};

/** One worker and the run it has in hand (one at a time, so a run no longer wanted can be stopped). */
type Slot = {
	worker: Worker;
	current: Entry | null;
	retired: boolean;
	/** It has finished a run (a stopped one may have compiled little), so V8 has compiled the simulator for it. */
	warm: boolean;
	/** It is repeating the last run only to compile the simulator (its result is dropped). */
	warming: boolean;
	/** Shared with the worker: the id of the run it should stop (it checks at each progress report). */
	readonly stopRequest: Int32Array;
	/** The message id of the run in hand. */
	runId: number;
	/** The run in hand was stopped: the slot is free once the worker says it has stopped (or finished). */
	stopping: boolean;
};

/** Finished runs kept for reuse: a what-if's "before" and a design run again after an undo are answered from here. */
const KEPT_RESULTS = 16;

/** The least time between two progress reports of a request to the round (a progress bar needs no more than ten frames a second). */
export const PROGRESS_EVERY_MS = 100;

/** Workers kept warm: a request's runs (1x and the daily peak) go side by side, one per core, two at most (more would only compete with the screen). */
export function poolSize(cores = availableParallelism()): number {
	return Math.max(1, Math.min(2, cores));
}

/** The identity of a run: the same model and options always give the same numbers (the simulator is deterministic per seed). */
function runKey(input: SimInput, options: SimOptions): string {
	return JSON.stringify([input.model, options]);
}

/**
A simulator for the round: start it early (the workers warm up), close it when
the app ends. It runs what the round asks for and, told what the design on
screen would run (`prefetch`), starts those runs before r is pressed; a run
nobody wants any more is stopped (the worker is asked to drop it at its next progress report), not left to finish.
*/
export class SimClient {
	private readonly slots: Slot[] = [];
	private readonly entries = new Map<string, Entry>();
	private readonly queue: Entry[] = [];
	private readonly kept: string[] = [];
	private nextId = 1;
	private started = 0;
	/** The last run given to a worker: what a cold worker repeats to warm up. */
	private lastJob: {input: SimInput; options: SimOptions} | null = null;
	/** Set by close(): a run asked for later (a design change in the last moment) must not start workers again. */
	private closed = false;
	/** `script` is the worker entry (the build's, found next to the bundle); with null, runs happen in this thread. */
	constructor(
		private readonly size = poolSize(),
		private readonly script: string | null = workerPath() ?? null,
	) {}

	/** Starts the workers now, so the first run does not wait for them. */
	warm(): void {
		if (!this.script || this.closed) return;
		while (this.slots.length < this.size) this.slots.push(this.startSlot(this.script));
	}

	/** What the pool is doing: the labels of the runs on a worker and waiting for one, how many runs it has started in all, and how many workers are warming up. */
	busy(): {running: string[]; queued: string[]; started: number; warming: number} {
		const label = (entry: Entry) => entry.input.arch ?? '';
		return {
			running: this.slots.flatMap((slot) => (slot.current && !slot.stopping ? [label(slot.current)] : [])),
			queued: this.queue.map(label),
			started: this.started,
			warming: this.slots.filter((slot) => slot.warming).length,
		};
	}

	private startSlot(script: string): Slot {
		const stopRequest = new Int32Array(new SharedArrayBuffer(4));
		const worker = new Worker(script, {workerData: {stop: stopRequest}});
		const slot: Slot = {worker, current: null, retired: false, warm: false, warming: false, stopRequest, runId: 0, stopping: false};
		worker.unref();
		worker.on('message', (message: {id: number; progress?: number; result?: SimResult; error?: string; stopped?: boolean}) => {
			if (message.result !== undefined || message.error !== undefined) slot.warm = true;
			if (slot.warming) {
				if (message.progress !== undefined) return;
				slot.warming = false;
				slot.stopping = false;
				this.dispatch();
				return;
			}
			const entry = slot.current;
			if (!entry) return;
			if (slot.stopping) {
				// The stopped run's last word (stopped, or finished first): the worker is free again.
				if (message.progress !== undefined) return;
				// A run put back in the queue that finished before it saw the request to stop is done after all.
				const putBack = this.queue.indexOf(entry);
				if (message.result !== undefined && putBack >= 0) {
					this.queue.splice(putBack, 1);
					this.finish(entry, message.result);
				}
				slot.stopping = false;
				slot.current = null;
				this.dispatch();
				return;
			}
			if (message.progress !== undefined) {
				entry.progress = message.progress;
				for (const listener of entry.listeners) listener(message.progress);
				return;
			}
			slot.current = null;
			if (message.error !== undefined) this.forget(entry, new Error(message.error));
			else this.finish(entry, message.result!);
			this.dispatch();
		});
		worker.on('error', (error) => this.lose(slot, error));
		worker.on('exit', () => this.lose(slot, new Error('the simulation worker stopped')));
		return slot;
	}

	/** A worker that stopped by itself fails its run and is replaced; one retired on purpose is already gone. */
	private lose(slot: Slot, error: Error): void {
		if (slot.retired) return;
		slot.retired = true;
		const index = this.slots.indexOf(slot);
		if (index >= 0) this.slots.splice(index, 1);
		if (slot.current) this.forget(slot.current, error);
		slot.current = null;
		this.dispatch();
	}

	private finish(entry: Entry, result: SimResult): void {
		entry.state = 'done';
		entry.settle.resolve(result);
		this.kept.push(entry.key);
		while (this.kept.length > KEPT_RESULTS) this.entries.delete(this.kept.shift()!);
	}

	/** Drops a run that failed or was stopped; whoever still waits for it gets the error. */
	private forget(entry: Entry, error: Error): void {
		this.entries.delete(entry.key);
		const queued = this.queue.indexOf(entry);
		if (queued >= 0) this.queue.splice(queued, 1);
		entry.settle.reject(error);
	}

	/**
	Gives idle workers the next runs, runs someone waits for before runs started
	ahead, warm workers first; a cold worker starts a run only when no other is
	running (see the file comment). A run someone waits for takes the worker of
	a run started ahead (which goes back in the queue); work waiting stops a
	warm-up; an idle pool with a cold worker starts one.
	*/
	private dispatch(): void {
		if (!this.script) return;
		this.warm();
		const occupied = (slot: Slot) => slot.current !== null || slot.warming;
		if (this.queue.length > 0) for (const slot of this.slots) if (slot.warming && !slot.stopping) this.ask(slot, 'stop');
		for (const slot of [...this.slots].sort((a, b) => Number(b.warm) - Number(a.warm))) {
			if (occupied(slot) || this.queue.length === 0) continue;
			if (!slot.warm && this.slots.some((other) => other !== slot && occupied(other))) continue;
			const wanted = this.queue.findIndex((entry) => entry.holders > 0);
			const [entry] = this.queue.splice(wanted >= 0 ? wanted : 0, 1);
			entry!.state = 'running';
			this.started++;
			slot.current = entry!;
			this.lastJob = {input: entry!.input, options: entry!.options};
			this.ask(slot, 'run');
		}
		// A run someone waits for does not wait behind runs nobody has asked for yet: those go back in the queue.
		let waiting = this.queue.filter((entry) => entry.holders > 0).length - this.slots.filter((slot) => slot.stopping).length;
		for (const slot of this.slots) {
			if (waiting <= 0) break;
			const entry = slot.current;
			if (!entry || slot.stopping || entry.holders > 0) continue;
			entry.state = 'queued';
			entry.progress = 0;
			this.queue.unshift(entry);
			this.ask(slot, 'stop');
			waiting--;
		}
		const cold = this.slots.find((slot) => !slot.warm);
		if (cold && this.lastJob && this.queue.length === 0 && !this.slots.some(occupied)) {
			cold.warming = true;
			this.ask(cold, 'run');
		}
	}

	/** Sends a worker its run (the run in hand, or the warm-up), or asks it to stop it at its next progress report. */
	private ask(slot: Slot, what: 'run' | 'stop'): void {
		if (what === 'stop') {
			slot.stopping = true;
			Atomics.store(slot.stopRequest, 0, slot.runId);
			return;
		}
		const job = slot.current ?? this.lastJob!;
		slot.runId = this.nextId++;
		slot.worker.postMessage({id: slot.runId, task: 'simulate', input: job.input, options: job.options});
	}

	/** Stops a run nobody wants: out of the queue, or dropped by its worker at the next progress report (never by ending the worker mid-run). */
	private stop(entry: Entry): void {
		if (entry.state === 'done') return;
		if (entry.state === 'running') {
			const slot = this.slots.find((candidate) => candidate.current === entry && !candidate.stopping);
			// Asked, not forced: the run stops at its next progress report, within a few milliseconds.
			if (slot) this.ask(slot, 'stop');
		}
		this.forget(entry, new Error('the simulation was stopped'));
		this.dispatch();
	}

	private entryFor(input: SimInput, options: SimOptions): Entry {
		const key = runKey(input, options);
		const known = this.entries.get(key);
		if (known) return known;
		let settle!: Entry['settle'];
		const promise = new Promise<SimResult>((resolve, reject) => {
			settle = {resolve, reject};
		});
		// A run stopped before anyone asked for it has nobody to tell.
		promise.catch(() => undefined);
		const entry: Entry = {key, input, options, state: 'queued', holders: 0, ahead: false, progress: 0, listeners: new Set(), promise, settle};
		this.entries.set(key, entry);
		this.queue.push(entry);
		return entry;
	}

	/**
	Starts, ahead of r, the runs the design on screen would make, and stops the
	runs started ahead for a design that has changed since (unless a request
	now waits for them). Does nothing without built workers: in this thread a
	run nobody asked for would only hold up the screen.
	*/
	prefetch(ahead: RunsAhead | null): void {
		if (!this.script) return;
		const jobs = (ahead?.runs ?? []).map((run) => runInput(run, ahead!.seed));
		const keys = new Set(jobs.map(({input, options}) => runKey(input, options)));
		for (const entry of [...this.entries.values()]) {
			if (!entry.ahead || keys.has(entry.key)) continue;
			entry.ahead = false;
			if (entry.holders === 0) this.stop(entry);
		}
		for (const {input, options} of jobs) this.entryFor(input, options).ahead = true;
		this.dispatch();
	}

	/**
	Runs one simulation, reporting progress; the same run already started or
	finished is joined, not repeated. `release` says the caller no longer
	waits: a run that nobody waits for and that was not started ahead is stopped.
	*/
	run(input: SimInput, options: SimOptions, onProgress: (done: number) => void): {result: Promise<SimResult>; release: () => void} {
		if (!this.script) return {result: this.runHere(input, options, onProgress), release: () => undefined};
		const entry = this.entryFor(input, options);
		entry.holders++;
		entry.listeners.add(onProgress);
		if (entry.progress > 0) onProgress(entry.progress);
		this.dispatch();
		let released = false;
		return {
			result: entry.promise,
			release: () => {
				if (released) return;
				released = true;
				entry.holders--;
				entry.listeners.delete(onProgress);
				if (entry.holders === 0 && !entry.ahead) this.stop(entry);
			},
		};
	}

	/** No built worker (under the test runner): runs here, after the current frame. */
	private runHere(input: SimInput, options: SimOptions, onProgress: (done: number) => void): Promise<SimResult> {
		return import('../sim/index.js').then(
			({simulateWithProgress}) =>
				new Promise<SimResult>((resolve, reject) =>
					setImmediate(() => {
						// A throw inside setImmediate would escape the promise and end the app; it fails the run instead.
						try {
							resolve(simulateWithProgress(input, options, onProgress));
						} catch (error) {
							reject(error instanceof Error ? error : new Error(String(error)));
						}
					}),
				),
		);
	}

	/**
	The round's `simulate` helper: every run of a request starts at once (side by
	side on the pool), results are reported in the request's order as each is
	ready, then done; an abandoned request stops reporting. Progress is passed
	on at most every PROGRESS_EVERY_MS: each report redraws the screen, and a
	worker reports a hundred times a run, which would take the main thread's
	core from the runs themselves.
	*/
	readonly simulate: SimulateFn = (request, emit) => {
		let cancelled = false;
		const count = request.runs.length;
		const done = request.runs.map(() => 0);
		const started = performance.now();
		let reported = Number.NEGATIVE_INFINITY;
		const pending = request.runs.map((run, index) => {
			const {input, options} = runInput(run, request.seed);
			return this.run(input, options, (share) => {
				done[index] = share;
				const now = performance.now();
				if (cancelled || now - reported < PROGRESS_EVERY_MS) return;
				reported = now;
				emit({type: 'sim.progress', requestId: request.requestId, done: done.reduce((sum, value) => sum + value, 0) / count});
			});
		});
		// Each is awaited in turn below; a later one failing first must not go unhandled meanwhile.
		for (const {result} of pending) result.catch(() => undefined);
		void (async () => {
			try {
				for (const [index, run] of request.runs.entries()) {
					const result = await pending[index]!.result;
					if (cancelled) return;
					emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: {...result, wall_s: Math.round((performance.now() - started) / 10) / 100}});
				}
				if (!cancelled) emit({type: 'sim.done', requestId: request.requestId});
			} catch (error) {
				if (!cancelled) emit({type: 'sim.failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error)});
			} finally {
				for (const {release} of pending) release();
			}
		})();
		return () => {
			cancelled = true;
			for (const {release} of pending) release();
		};
	};

	/** Stops the workers. */
	async close(): Promise<void> {
		this.closed = true;
		const slots = this.slots.splice(0);
		for (const slot of slots) slot.retired = true;
		this.queue.length = 0;
		await Promise.all(slots.map((slot) => slot.worker.terminate()));
	}
}
