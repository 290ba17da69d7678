/**
The sandbox process: runs one job at a time on a fresh in-memory SQLite
database (run-job.ts) and reports back; the message loop is child-loop.ts, and this file
only wires it to the process. The parent kills it with SIGKILL when a job runs
past its time limit, because nothing inside better-sqlite3 can interrupt a
running statement (see reference/sql-grading.md §6).

It is started with its working directory and TMPDIR set to an empty
directory, uses in-memory temp storage, and caps the database size, so an
answer can neither write files nor grow without bound. After every answer
statement that writes, it checks that the staging tables are as the harness
left them, so an answer cannot tamper with the batches loaded after it.
*/
import {rmSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import {ownWorkDir, serveRuns} from './child-loop.js';
import type {ChildMessage, ParentMessage} from './protocol.js';
import {runJob} from './run-job.js';

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
	const watcher = new Worker(source, {eval: true, workerData: {parent: process.ppid, self: process.pid, dir: ownWorkDir(process.cwd())}});
	watcher.unref();
}

if (process.send) {
	// Ctrl-C reaches the whole process group: the parent cleans up and kills us; dying first would leave its folder behind.
	process.on('SIGINT', () => undefined);
	watchParent();
	process.on('disconnect', () => {
		// The parent is gone, perhaps killed before it could clean up: nothing will read our answers, and nobody else removes our empty work directory.
		const dir = ownWorkDir(process.cwd());
		if (dir) rmSync(dir, {recursive: true, force: true});
		process.exit(0);
	});
	serveRuns({send: (message: ChildMessage) => process.send?.(message), onMessage: (listener) => process.on('message', (message: ParentMessage) => listener(message))}, runJob);
}
