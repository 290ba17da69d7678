/**
The sandbox process: runs one job at a time on a fresh in-memory SQLite
database (run-job.ts) and reports back. The parent kills it with SIGKILL when a job runs
past its time limit, because nothing inside better-sqlite3 can interrupt a
running statement (see reference/sql-grading.md §6).

It is started with its working directory and TMPDIR set to an empty
directory, uses in-memory temp storage, and caps the database size, so an
answer can neither write files nor grow without bound. After every answer
statement that writes, it checks that the staging tables are as the harness
left them, so an answer cannot tamper with the batches loaded after it.
*/
import {rmSync} from 'node:fs';
import {basename} from 'node:path';
import {Worker} from 'node:worker_threads';
import {workDirPrefix, type ChildMessage, type ParentMessage, type RunResult} from './protocol.js';
import {runJob} from './run-job.js';

function send(message: ChildMessage): void {
	process.send?.(message);
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
Kills this process when its parent dies, even while a statement runs: the main
thread is then inside SQLite and cannot see the IPC channel close, so a worker
thread watches the parent's pid instead.
*/
function watchParent(): void {
	const source = `
const {workerData} = require('node:worker_threads');
const {rmSync} = require('node:fs');
setInterval(() => {
	if (process.ppid === workerData.parent) return;
	if (workerData.dir) rmSync(workerData.dir, {recursive: true, force: true});
	process.kill(workerData.self, 'SIGKILL');
}, 250);`;
	const dir = basename(process.cwd()).startsWith(workDirPrefix) ? process.cwd() : undefined;
	const watcher = new Worker(source, {eval: true, workerData: {parent: process.ppid, self: process.pid, dir}});
	watcher.unref();
}

if (process.send) {
	process.on('message', (message: ParentMessage) => {
		if (message.type !== 'run') return;
		let result: RunResult;
		try {
			result = runJob(message.job, send);
		} catch (error) {
			result = {failure: {kind: 'crashed', message: `the sandbox failed: ${errorMessage(error)}`}, results: {}, ms: 0};
		}
		send({type: 'done', id: message.id, result});
	});
	// Ctrl-C reaches the whole process group: the parent cleans up and kills us; dying first would leave its folder behind.
	process.on('SIGINT', () => undefined);
	watchParent();
	process.on('disconnect', () => {
		// The parent is gone, perhaps killed before it could clean up: nothing will read our answers, and nobody else removes our empty work directory.
		if (basename(process.cwd()).startsWith(workDirPrefix)) rmSync(process.cwd(), {recursive: true, force: true});
		process.exit(0);
	});
	send({type: 'ready'});
}
