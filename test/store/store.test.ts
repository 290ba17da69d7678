/** The progress database: what is written comes back, in order; versions migrate; broken and unwritable places degrade. */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {afterAll, describe, expect, it} from 'vitest';
import {openStore, progressFolder} from '../../src/store/index.js';
import {migrate, migrations as migrationsForTest, schemaVersion} from '../../src/store/schema.js';
import {SqliteStore} from '../../src/store/sqlite-store.js';

const root = mkdtempSync(join(tmpdir(), 'dojo-store-test-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));
let n = 0;
const freshHome = () => join(root, `home-${++n}`);

function open(home: string) {
	const warnings: string[] = [];
	const store = openStore({env: {DOJO_HOME: home}, warn: (message) => warnings.push(message), now: () => new Date('2026-01-02T03:04:05.678Z')});
	return {store, warnings};
}

const newRound = {scenario: 'login-counter', mode: 'candidate' as const, seed: 1, timer: true, startedAt: 1_000, phase: 'problem'};

describe('where the database lives', () => {
	it('DOJO_HOME wins, then XDG_DATA_HOME, then ~/.local/share', () => {
		expect(progressFolder({DOJO_HOME: '/x', XDG_DATA_HOME: '/y', HOME: '/h'})).toBe('/x');
		expect(progressFolder({XDG_DATA_HOME: '/y', HOME: '/h'})).toBe('/y/pipeline-dojo');
		expect(progressFolder({HOME: '/h'})).toBe('/h/.local/share/pipeline-dojo');
	});
});

describe('the progress store', () => {
	it('keeps a round, its events in order, its phase and its score', () => {
		const home = freshHome();
		const {store, warnings} = open(home);
		const id = store.startRound(newRound)!;
		store.appendEvent(id, {type: 'clarify.ask', text: 'how many users?', at: 1_100} as {type: string; at: number});
		store.appendEvent(id, {type: 'sim.done', requestId: 3} as {type: string});
		store.appendEvent(id, {type: 'clarify.ask', text: 'what is the schema?', at: 1_200} as {type: string; at: number});
		store.setPhase(id, 'requirements');
		store.close();

		const again = open(home).store;
		expect(again.unfinished('login-counter').map((round) => [round.id, round.phase, round.questions])).toEqual([[id, 'requirements', 2]]);
		expect(again.events(id)).toEqual([
			{type: 'clarify.ask', text: 'how many users?', at: 1_100},
			{type: 'sim.done', requestId: 3},
			{type: 'clarify.ask', text: 'what is the schema?', at: 1_200},
		]);
		again.finishRound(id, 9_000, 'review', {total: 70, areas: {clarify: 80, estimates: 60}});
		expect(again.unfinished()).toEqual([]);
		expect(again.round(id)).toMatchObject({finishedAt: 9_000, phase: 'review', score: {total: 70, areas: {clarify: 80}}});
		expect(warnings).toEqual([]);
		again.close();
	});

	it('keeps attempts with the answer and every check', () => {
		const {store} = open(freshHome());
		store.recordAttempt({kind: 'sql', exercise: 'scd2-plan-price', at: 5, roundId: null, answer: 'SELECT 1;', passed: false, checks: [{id: 'a', passed: true, message: 'ok'}, {id: 'b', passed: false, message: 'no'}]});
		expect(store.attempts()).toEqual([{id: 1, kind: 'sql', exercise: 'scd2-plan-price', at: 5, roundId: null, answer: 'SELECT 1;', passed: false, checksPassed: 1, checksTotal: 2, checks: [{id: 'a', passed: true, message: 'ok'}, {id: 'b', passed: false, message: 'no'}]}]);
		store.close();
	});

	it('is a WAL database at the current schema version', () => {
		const home = freshHome();
		open(home).store.close();
		const db = new Database(join(home, 'progress.db'), {readonly: true});
		expect(db.pragma('journal_mode', {simple: true})).toBe('wal');
		expect(db.pragma('user_version', {simple: true})).toBe(schemaVersion);
		db.close();
	});

	it('leaves a database from a newer dojo alone and saves nothing, saying why', () => {
		const home = freshHome();
		open(home).store.close();
		const db = new Database(join(home, 'progress.db'));
		db.pragma(`user_version = ${schemaVersion + 1}`);
		db.close();
		const {store, warnings} = open(home);
		expect(store.saving).toBe(false);
		expect(warnings.join('\n')).toMatch(new RegExp(`schema version ${schemaVersion + 1}.*upgrade`));
	});

	it('moves a garbage file aside, never deleting it, names where, and starts afresh', () => {
		const home = freshHome();
		open(home).store.close();
		const file = join(home, 'progress.db');
		rmSync(`${file}-wal`, {force: true});
		rmSync(`${file}-shm`, {force: true});
		writeFileSync(file, 'this is not a database '.repeat(500));
		const {store, warnings} = open(home);
		const moved = join(home, 'progress.db.corrupt-2026-01-02T03-04-05-678Z');
		expect(warnings).toEqual([`the progress database ${file} was not a readable database; moved it to ${moved} and started a fresh one`]);
		expect(readFileSync(moved, 'utf8')).toContain('this is not a database');
		expect(store.saving).toBe(true);
		expect(store.startRound(newRound)).toBe(1);
		store.close();
	});

	it('a folder that cannot be made: one warning, nothing saved, nothing thrown', () => {
		const blocker = join(root, 'a-file');
		writeFileSync(blocker, '');
		const {store, warnings} = open(join(blocker, 'dojo'));
		expect(store.saving).toBe(false);
		expect(warnings).toEqual([`progress is not saved: the folder is not writable (${join(blocker, 'dojo', 'progress.db')}); this session works in memory and is lost when dojo exits`]);
		expect(store.startRound(newRound)).toBeNull();
		expect(store.rounds()).toEqual([]);
	});

	it('a healthy database is never moved', () => {
		const home = freshHome();
		open(home).store.close();
		const {warnings} = open(home);
		expect(warnings).toEqual([]);
		expect(readdirSync(home).filter((name) => name.includes('corrupt'))).toEqual([]);
		expect(existsSync(join(home, 'progress.db'))).toBe(true);
	});

	it('a full disk mid-round: one warning, saving stops, nothing is thrown at the round', () => {
		const home = freshHome();
		open(home).store.close();
		const path = join(home, 'progress.db');
		const db = new Database(path);
		migrate(db);
		// The database may not grow past the pages it has: the next big write fails as on a full disk.
		db.pragma(`max_page_count = ${db.pragma('page_count', {simple: true}) as number}`);
		const warnings: string[] = [];
		const store = new SqliteStore(db, path, (message) => warnings.push(message));
		const id = store.startRound(newRound);
		expect(id).not.toBeNull();
		expect(() => store.appendEvent(id!, {type: 'clarify.ask', text: 'x'.repeat(100_000), at: 1} as {type: string; at: number})).not.toThrow();
		expect(() => store.appendEvent(id!, {type: 'clarify.ask', text: 'again', at: 2} as {type: string; at: number})).not.toThrow();
		expect(store.saving).toBe(false);
		expect(warnings).toEqual([`progress is no longer saved: the disk is full (${path}); what you do now stays in memory and is lost when dojo exits`]);
		store.close();
	});

	it('an error that is not about the disk is not swallowed', () => {
		const home = freshHome();
		const {store} = open(home);
		expect(() => store.appendEvent(12345, {type: 'clarify.ask', at: 1} as {type: string; at: number})).toThrow(/FOREIGN KEY/);
		store.close();
	});
});

describe('schema version 2: notes and time on an attempt', () => {
	it('a version-1 database migrates forward, keeping its attempts; notes and seconds come back as saved', () => {
		const home = mkdtempSync(join(tmpdir(), 'dojo-v1-'));
		try {
			const path = join(home, 'progress.db');
			const old = new Database(path);
			old.exec((migrationsForTest[0])!);
			old.pragma('user_version = 1');
			old.prepare("INSERT INTO attempts (kind, exercise, at, round_id, answer, passed, checks_passed, checks_total, checks) VALUES ('sql', 'x', 1, NULL, 'SELECT 1', 1, 1, 1, '[]')").run();
			old.close();
			const store = openStore({env: {DOJO_HOME: home}, warn: (message) => expect.fail(message)});
			store.recordAttempt({kind: 'python', exercise: 'sessionize', at: 2, roundId: null, answer: 'def f(): pass', passed: false, checks: [{id: 'gap', passed: false, message: 'expected 2 sessions'}], notes: '- [0:42] sort first', seconds: 42});
			const [first, second] = store.attempts();
			expect(first).toMatchObject({kind: 'sql', exercise: 'x'});
			expect(first!.notes).toBeUndefined();
			expect(second).toMatchObject({kind: 'python', notes: '- [0:42] sort first', seconds: 42, checksPassed: 0, checksTotal: 1});
			store.close();
			expect(schemaVersion).toBe(2);
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});
});
