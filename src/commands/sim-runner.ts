/**
Runs simulation tasks (replications, or one replication's sweep each) across
worker threads (one task too, so the main thread stays free for Ctrl-C), or one
after another in this thread when there is no built worker script (under the
test runner). Results come back in task order,
so the report is the same however the work was spread.
*/
import {UsageError} from '../errors.js';
import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {blockingWork} from '../interrupt.js';
import {runOne, simulateWithProgress, sweepOne} from '../sim/index.js';
import type {WorkerTask} from '../sim-worker.js';

/** A task without its id. */
export type Task = WorkerTask extends infer T ? (T extends {id: number} ? Omit<T, 'id'> : never) : never;

/** Where the bundled worker script is, if it was built. */
export function workerScript(): string | undefined {
	for (const relative of ['./sim-worker.js', '../sim-worker.js']) {
		const path = fileURLToPath(new URL(relative, import.meta.url));
		if (existsSync(path)) return path;
	}
	return undefined;
}

function runHere(task: Task, onProgress: (done: number) => void): unknown {
	if (task.task === 'run') return runOne(task.job, {onProgress});
	if (task.task === 'sweep') return sweepOne(task.input, task.options, task.replication, {onProgress});
	return simulateWithProgress(task.input, task.options, onProgress);
}

/**
Runs every task, in parallel on up to `workers` threads (default: one per core),
and returns results in order. `onProgress` gets the share of all the work done
(0–1), the mean of each task's own share, as the tasks report it.
*/
export async function runTasks<R>(tasks: readonly Task[], workers?: number, onProgress?: (done: number) => void): Promise<R[]> {
	const threads = Math.min(tasks.length, workers ?? availableParallelism());
	// Even one task runs on a worker when the script is built: the main thread stays free to answer Ctrl-C.
	const script = threads >= 1 ? workerScript() : undefined;
	const shares = new Array<number>(tasks.length).fill(0);
	const report = (index: number, done: number) => {
		if (!onProgress) return;
		shares[index] = done;
		onProgress(shares.reduce((sum, share) => sum + share, 0) / Math.max(1, tasks.length));
	};
	if (!script) return blockingWork(() => tasks.map((task, index) => runHere(task, (done) => report(index, done)) as R));
	const results: R[] = new Array(tasks.length);
	let next = 0;
	const pool = Array.from({length: threads}, () => new Worker(script));
	try {
		await Promise.all(
			pool.map(
				(worker) =>
					new Promise<void>((resolve, reject) => {
						const feed = () => {
							if (next >= tasks.length) {
								resolve();
								return;
							}
							const id = next++;
							worker.postMessage({id, ...tasks[id]!});
						};
						worker.on('message', (message: {id: number; result?: unknown; error?: string; lines?: string[]; progress?: number}) => {
							if (message.progress !== undefined) {
								report(message.id, message.progress);
								return;
							}
							if (message.error !== undefined) {
								reject(message.lines ? new UsageError(message.lines) : new Error(message.error));
								return;
							}
							results[message.id] = message.result as R;
							report(message.id, 1);
							feed();
						});
						worker.on('error', reject);
						feed();
					}),
			),
		);
	} finally {
		await Promise.all(pool.map((worker) => worker.terminate()));
	}
	return results;
}
