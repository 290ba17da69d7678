/**
The worker-thread entry for `--replications R`: runs one replication (or one
replication's sweep) per message and posts the plain-data result back. Built
by esbuild as `dist/sim-worker.js`; the command falls back to running
replications itself when this file is not there (e.g. under the test runner).
*/
import {parentPort} from 'node:worker_threads';
import {runOne, sweepOne, type RunJob, type SimInput, type SweepOptions} from './sim/index.js';

/** A task the main thread sends. */
export type WorkerTask = {id: number; task: 'run'; job: RunJob} | {id: number; task: 'sweep'; input: SimInput; options: SweepOptions; replication: number};

parentPort?.on('message', (message: WorkerTask) => {
	try {
		const result = message.task === 'run' ? runOne(message.job) : sweepOne(message.input, message.options, message.replication);
		parentPort!.postMessage({id: message.id, result});
	} catch (error) {
		parentPort!.postMessage({id: message.id, error: error instanceof Error ? error.message : String(error)});
	}
});
