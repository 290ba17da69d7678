/**
Opens the progress database, whatever state its folder is in: WAL mode and a
busy timeout so several dojo processes share it; the schema migrated forward;
a file that is not a database (or is corrupt) moved aside — never deleted —
and a fresh one made; a folder that cannot be written turned into one warning
and a store that saves nothing, so the command still works.
*/
import {existsSync, mkdirSync, renameSync} from 'node:fs';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {sqliteBinding} from '../sqlite-binding.js';
import {databaseName, progressFolder} from './location.js';
import {migrate, NewerSchemaError} from './schema.js';
import {SqliteStore, unsavedStore} from './sqlite-store.js';
import type {ProgressStore} from './types.js';

/** How long a write waits for another process's lock before giving up, ms. */
export const busyTimeoutMs = 10_000;

/** What opening needs. */
export type OpenOptions = {
	readonly env?: NodeJS.ProcessEnv;
	/** Where messages for the user go (stderr in the CLI). */
	readonly warn: (message: string) => void;
	/** The clock for the name a corrupt file is moved to (tests fix it). */
	readonly now?: () => Date;
};

const isCorrupt = (error: unknown) => /^SQLITE_(NOTADB|CORRUPT)/.test(String((error as {code?: unknown}).code));

function openDatabase(path: string): Database.Database {
	const binding = sqliteBinding();
	const db = new Database(path, {timeout: busyTimeoutMs, ...(binding ? {nativeBinding: binding} : {})});
	try {
		db.pragma(`busy_timeout = ${busyTimeoutMs}`);
		db.pragma('journal_mode = WAL');
		// NORMAL in WAL mode: a commit survives the process being killed; only a power cut may lose the last ones.
		db.pragma('synchronous = NORMAL');
		db.pragma('foreign_keys = ON');
		migrate(db);
		db.prepare('SELECT count(*) FROM rounds').get();
		return db;
	} catch (error) {
		db.close();
		throw error;
	}
}

/** Moves a database that cannot be read (and its WAL files) aside; returns where it went. */
function moveAside(path: string, now: Date): string {
	const stamp = now.toISOString().replace(/[:.]/g, '-');
	let target = `${path}.corrupt-${stamp}`;
	for (let n = 2; existsSync(target); n++) target = `${path}.corrupt-${stamp}-${n}`;
	renameSync(path, target);
	for (const suffix of ['-wal', '-shm']) {
		// Another process may have moved them already: only the main file matters.
		if (existsSync(path + suffix)) {
			try {
				renameSync(path + suffix, target + suffix);
			} catch {}
		}
	}
	return target;
}

function describe(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR' || code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') return 'the folder is not writable';
	if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'the disk is full';
	return error instanceof Error ? error.message : String(error);
}

/** Opens (creating when needed) the progress database of the environment. */
export function openStore(options: OpenOptions): ProgressStore {
	const folder = progressFolder(options.env);
	const path = join(folder, databaseName);
	const unsaved = (why: string) => {
		options.warn(`progress is not saved: ${why} (${path}); this session works in memory and is lost when dojo exits`);
		return unsavedStore(path);
	};
	try {
		mkdirSync(folder, {recursive: true});
	} catch (error) {
		return unsaved(describe(error));
	}
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			return new SqliteStore(openDatabase(path), path, options.warn);
		} catch (error) {
			if (error instanceof NewerSchemaError) return unsaved(error.message);
			if (!isCorrupt(error)) return unsaved(describe(error));
			let where: string;
			try {
				where = moveAside(path, (options.now ?? (() => new Date()))());
			} catch (moveError) {
				// Another process moved it first: open again.
				if ((moveError as NodeJS.ErrnoException).code === 'ENOENT') continue;
				return unsaved(`the database is unreadable and cannot be moved aside: ${describe(moveError)}`);
			}
			options.warn(`the progress database ${path} was not a readable database; moved it to ${where} and started a fresh one`);
		}
	}
	return unsaved('the database could not be opened after moving a broken one aside');
}
