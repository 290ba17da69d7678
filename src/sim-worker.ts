/**
The worker-thread entry for `--replications R`: runs one replication (or one
replication's sweep) per message and posts the plain-data result back. Built
by esbuild as `dist/sim-worker.js`; the command falls back to running
replications itself when this file is not there (e.g. under the test runner).
*/
import {parentPort} from 'node:worker_threads';
import {runOne, simulateWithProgress, sweepOne, type RunJob, type SimInput, type SimOptions, type SweepOptions} from './sim/index.js';

/** A task the main thread sends: one replication, one sweep, or a whole simulation that reports its progress (the interview's runs). */
export type WorkerTask =
	| {id: number; task: 'run'; job: RunJob}
	| {id: number; task: 'sweep'; input: SimInput; options: SweepOptions; replication: number}
	| {id: number; task: 'simulate'; input: SimInput; options: SimOptions};

function perform(message: WorkerTask): unknown {
	// Progress goes back as it comes ({id, progress}); the main thread may draw it or ignore it.
	const onProgress = (done: number) => parentPort!.postMessage({id: message.id, progress: done});
	switch (message.task) {
		case 'run':
			return runOne(message.job, {onProgress});
		case 'sweep':
			return sweepOne(message.input, message.options, message.replication, {onProgress});
		case 'simulate':
			return simulateWithProgress(message.input, message.options, onProgress);
	}
}

parentPort?.on('message', (message: WorkerTask) => {
	try {
		const result = perform(message);
		parentPort!.postMessage({id: message.id, result});
	} catch (error) {
		parentPort!.postMessage({id: message.id, error: error instanceof Error ? error.message : String(error)});
	}
});
