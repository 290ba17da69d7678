/**
Runs the round's simulation requests off the UI thread: warm worker threads
(the build's `dist/sim-worker.js`, one per core up to two) take the runs of a
request side by side and report progress, so the screen keeps drawing while a
10x what-if runs. Without a
built worker (under the test runner) runs happen in this thread, one per
macrotask, so the screen still updates between them.
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

type Job = {input: SimInput; options: SimOptions; onProgress: (done: number) => void; resolve: (result: SimResult) => void; reject: (error: Error) => void};

/** One warm worker and the runs it has in hand. */
type Slot = {worker: Worker; jobs: Map<number, Job>};

/** Workers kept warm: a request's runs (1x and the daily peak) go side by side, one per core, two at most (more would only compete with the screen). */
export function poolSize(cores = availableParallelism()): number {
	return Math.max(1, Math.min(2, cores));
}

/** A simulator for the round: start it early (the workers warm up), close it when the app ends. */
export class SimClient {
	private readonly slots: Slot[] = [];
	private nextId = 1;
	/** `script` is the worker entry (the build's, found next to the bundle); with null, runs happen in this thread. */
	constructor(
		private readonly size = poolSize(),
		private readonly script: string | null = workerPath() ?? null,
	) {}

	/** Starts the workers now, so the first run does not wait for them. */
	warm(): void {
		if (!this.script) return;
		while (this.slots.length < this.size) this.slots.push(this.startSlot(this.script));
	}

	private startSlot(script: string): Slot {
		const worker = new Worker(script);
		const slot: Slot = {worker, jobs: new Map()};
		worker.unref();
		worker.on('message', (message: {id: number; progress?: number; result?: SimResult; error?: string}) => {
			const job = slot.jobs.get(message.id);
			if (!job) return;
			if (message.progress !== undefined) return job.onProgress(message.progress);
			slot.jobs.delete(message.id);
			if (message.error !== undefined) job.reject(new Error(message.error));
			else job.resolve(message.result!);
		});
		worker.on('error', (error) => this.fail(slot, error));
		worker.on('exit', () => this.fail(slot, new Error('the simulation worker stopped')));
		return slot;
	}

	/** A worker that stopped fails its runs and leaves the pool; the next run starts a fresh one. */
	private fail(slot: Slot, error: Error): void {
		const index = this.slots.indexOf(slot);
		if (index >= 0) this.slots.splice(index, 1);
		for (const job of slot.jobs.values()) job.reject(error);
		slot.jobs.clear();
	}

	/** Runs one simulation on the least busy worker, reporting progress. */
	run(input: SimInput, options: SimOptions, onProgress: (done: number) => void): Promise<SimResult> {
		this.warm();
		const slot = [...this.slots].sort((a, b) => a.jobs.size - b.jobs.size)[0];
		if (!slot) {
			// No built worker (under the test runner): run here, after the current frame.
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
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			slot.jobs.set(id, {input, options, onProgress, resolve, reject});
			slot.worker.postMessage({id, task: 'simulate', input, options});
		});
	}

	/**
	The round's `simulate` helper: every run of a request starts at once (side by
	side on the pool), results are reported in the request's order as each is
	ready, then done; an abandoned request stops reporting.
	*/
	readonly simulate: SimulateFn = (request, emit) => {
		let cancelled = false;
		void (async () => {
			const count = request.runs.length;
			const done = request.runs.map(() => 0);
			const started = performance.now();
			try {
				const pending = request.runs.map((run, index) => {
					const {input, options} = runInput(run, request.seed);
					return this.run(input, options, (share) => {
						done[index] = share;
						if (!cancelled) emit({type: 'sim.progress', requestId: request.requestId, done: done.reduce((sum, value) => sum + value, 0) / count});
					}).then((result) => ({result, wall_s: Math.round((performance.now() - started) / 10) / 100}));
				});
				// Each is awaited in turn below; a later one failing first must not go unhandled meanwhile.
				for (const promise of pending) promise.catch(() => undefined);
				for (const [index, run] of request.runs.entries()) {
					const {result, wall_s} = await pending[index]!;
					if (cancelled) return;
					emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: {...result, wall_s}});
				}
				if (!cancelled) emit({type: 'sim.done', requestId: request.requestId});
			} catch (error) {
				if (!cancelled) emit({type: 'sim.failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error)});
			}
		})();
		return () => {
			cancelled = true;
		};
	};

	/** Stops the workers. */
	async close(): Promise<void> {
		const slots = this.slots.splice(0);
		await Promise.all(slots.map((slot) => slot.worker.terminate()));
	}
}
