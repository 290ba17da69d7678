/**
The sandbox child's message loop, apart from the process it runs in
(sandbox-child.ts) so it can be tested, and mutation tested, in the test
process: it plays each `run` it hears with the job runner it is given and
answers `done` with the result, or with a crash when the runner throws.
*/
import {basename} from 'node:path';
import {workDirPrefix, type ChildMessage, type ParentMessage, type RunJob, type RunResult} from './protocol.js';
import type {ProgressReporter} from './run-job.js';

/** The child's side of the IPC channel: what the loop sends on and hears from (process.send and process.on('message') in the child). */
export type ChildPort = {
	send(message: ChildMessage): void;
	onMessage(listener: (message: ParentMessage) => void): void;
};

/** Plays one job, reporting progress as it goes (runJob in the child). */
export type PlayJob = (job: RunJob, send: ProgressReporter) => RunResult;

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
Answers every `run` message with `done` and the result of playing its job, and
then says `ready`: the parent sends no run before it hears that. A runner that
throws is reported as a crash of the sandbox, so the parent's run still settles.
*/
export function serveRuns(port: ChildPort, play: PlayJob): void {
	port.onMessage((message) => {
		if (message.type !== 'run') return;
		let result: RunResult;
		try {
			result = play(message.job, (progress) => port.send(progress));
		} catch (error) {
			result = {failure: {kind: 'crashed', message: `the sandbox failed: ${errorMessage(error)}`}, results: {}, ms: 0};
		}
		port.send({type: 'done', id: message.id, result});
	});
	port.send({type: 'ready'});
}

/**
The directory `cwd` when it is the sandbox's own work directory (its name
starts with workDirPrefix), which the child removes when its parent dies
without doing so; undefined otherwise, so a child started anywhere else never
removes the directory it was started in.
*/
export function ownWorkDir(cwd: string): string | undefined {
	return basename(cwd).startsWith(workDirPrefix) ? cwd : undefined;
}
