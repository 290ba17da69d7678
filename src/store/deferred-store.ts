/**
A progress store opened after the first frame, for a first run. Opening the
database loads SQLite's addon and, for a new file, sets up WAL and the schema:
about 10 ms that a newcomer's first screen would otherwise wait for, though a
database that did not exist when the app started can hold no round to resume
and no progress to show. So until the store is opened (by `open()`, or by the
first write), reads answer from that fact: nothing yet. When the database is
already there, or its folder cannot be written (the warning must come before
the app takes the screen), `openStoreSoon` opens it at once.
*/
import {accessSync, constants, existsSync, mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {databaseName, progressFolder} from './location.js';
import {openStore, type OpenOptions} from './open-store.js';
import type {ProgressStore} from './types.js';

/** A store that may not be open yet: `open()` opens it now (once). */
export type DeferredStore = ProgressStore & {open(): void; readonly opened: boolean};

/** Whether the progress folder exists or can be made, and can be written: then a new database can be made there later. */
function folderWritable(folder: string): boolean {
	try {
		mkdirSync(folder, {recursive: true});
		accessSync(folder, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

/** The store of the environment: open now when its database exists (or cannot be made), else opened on `open()` or the first write. */
export function openStoreSoon(options: OpenOptions): DeferredStore {
	const folder = progressFolder(options.env);
	const path = join(folder, databaseName);
	let store: ProgressStore | undefined = existsSync(path) || !folderWritable(folder) ? openStore(options) : undefined;
	let closed = false;
	const opened = () => (store ??= openStore(options));
	return {
		get saving() {
			return store?.saving ?? true;
		},
		path,
		get opened() {
			return store !== undefined;
		},
		open: () => {
			if (!closed) opened();
		},
		startRound: (round) => opened().startRound(round),
		appendEvent: (roundId, event) => opened().appendEvent(roundId, event),
		setPhase: (roundId, phase) => opened().setPhase(roundId, phase),
		finishRound: (roundId, finishedAt, phase, score) => opened().finishRound(roundId, finishedAt, phase, score),
		recordAttempt: (attempt) => opened().recordAttempt(attempt),
		// The database did not exist at start: until it is opened, nothing is stored in it.
		rounds: () => store?.rounds() ?? [],
		round: (id) => store?.round(id),
		events: (roundId) => store?.events(roundId) ?? [],
		unfinished: (scenario) => store?.unfinished(scenario) ?? [],
		attempts: () => store?.attempts() ?? [],
		close: () => {
			closed = true;
			store?.close();
		},
	};
}
