/**
The worker-thread entry for `--replications R`: runs one replication (or one
replication's sweep) per message and posts the plain-data result back. Built
by esbuild as `dist/sim-worker.js`; the command falls back to running
replications itself when this file is not there (e.g. under the test runner).
*/
import {parentPort, workerData} from 'node:worker_threads';
import {runOne, simulateWithProgress, sweepOne, type RunJob, type SimInput, type SimOptions, type SweepOptions} from './sim/index.js';
import {ModelError} from './sim/model-error.js';

/** A task the main thread sends: one replication, one sweep, or a whole simulation that reports its progress (the interview's runs). */
export type WorkerTask =
	| {id: number; task: 'run'; job: RunJob}
	| {id: number; task: 'sweep'; input: SimInput; options: SweepOptions; replication: number}
	| {id: number; task: 'simulate'; input: SimInput; options: SimOptions};

/**
The id of the run the main thread wants stopped, when it gave one (the round's
pool does): a run no longer wanted stops at its next progress report. Ending
the worker instead (terminate) can abort the whole process while V8 compiles
on a background thread for it (Node asserts in NodePlatform::ForIsolate).
*/
const stopRequest: Int32Array | undefined = (workerData as {stop?: Int32Array} | null)?.stop;

/** Thrown from a progress report to unwind a run that was asked to stop. */
class Stopped extends Error {}

function perform(message: WorkerTask): unknown {
	// Progress goes back as it comes ({id, progress}); the main thread may draw it or ignore it.
	const onProgress = (done: number) => {
		if (stopRequest && Atomics.load(stopRequest, 0) === message.id) throw new Stopped();
		parentPort!.postMessage({id: message.id, progress: done});
	};
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
		if (error instanceof Stopped) parentPort!.postMessage({id: message.id, stopped: true});
		// A model the simulator refuses goes back as the user's error (exit 2), with its lines.
		else if (error instanceof ModelError) parentPort!.postMessage({id: message.id, error: error.message, lines: error.lines});
		else parentPort!.postMessage({id: message.id, error: error instanceof Error ? error.message : String(error)});
	}
});
