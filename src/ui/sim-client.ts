/**
Runs the round's simulation requests off the UI thread: one warm worker
thread (the build's `dist/sim-worker.js`) takes one run at a time and reports
its progress, so the screen keeps drawing while a 10x what-if runs. Without a
built worker (under the test runner) runs happen in this thread, one per
macrotask, so the screen still updates between them.
*/
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {SimulateFn} from '../flow/round-actor.js';
import type {SimRunRequest} from '../flow/round-events.js';
import {defaultDuration, type SimInput, type SimOptions, type SimResult} from '../sim/index.js';

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

/** A simulator for the round: start it early (the worker warms up), close it when the app ends. */
export class SimClient {
	private worker: Worker | undefined;
	private nextId = 1;
	private readonly jobs = new Map<number, Job>();
	private readonly script = workerPath();

	/** Starts the worker now, so the first run does not wait for it. */
	warm(): void {
		if (!this.script || this.worker) return;
		const worker = new Worker(this.script);
		worker.unref();
		worker.on('message', (message: {id: number; progress?: number; result?: SimResult; error?: string}) => {
			const job = this.jobs.get(message.id);
			if (!job) return;
			if (message.progress !== undefined) return job.onProgress(message.progress);
			this.jobs.delete(message.id);
			if (message.error !== undefined) job.reject(new Error(message.error));
			else job.resolve(message.result!);
		});
		worker.on('error', (error) => this.failAll(error));
		worker.on('exit', () => {
			this.worker = undefined;
			this.failAll(new Error('the simulation worker stopped'));
		});
		this.worker = worker;
	}

	private failAll(error: Error): void {
		for (const job of this.jobs.values()) job.reject(error);
		this.jobs.clear();
	}

	/** Runs one simulation, reporting progress. */
	run(input: SimInput, options: SimOptions, onProgress: (done: number) => void): Promise<SimResult> {
		this.warm();
		if (!this.worker) {
			// No built worker (under the test runner): run here, after the current frame.
			return import('../sim/index.js').then(({simulateWithProgress}) => new Promise<SimResult>((resolve) => setImmediate(() => resolve(simulateWithProgress(input, options, onProgress)))));
		}
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.jobs.set(id, {input, options, onProgress, resolve, reject});
			this.worker!.postMessage({id, task: 'simulate', input, options});
		});
	}

	/** The round's `simulate` helper: every run of a request in turn, then done; an abandoned request stops reporting. */
	readonly simulate: SimulateFn = (request, emit) => {
		let cancelled = false;
		void (async () => {
			const count = request.runs.length;
			try {
				for (const [index, run] of request.runs.entries()) {
					const {input, options} = runInput(run, request.seed);
					const started = performance.now();
					const result = await this.run(input, options, (done) => cancelled || emit({type: 'sim.progress', requestId: request.requestId, done: (index + done) / count}));
					if (cancelled) return;
					emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: {...result, wall_s: Math.round((performance.now() - started) / 10) / 100}});
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

	/** Stops the worker. */
	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = undefined;
		if (worker) await worker.terminate();
	}
}
