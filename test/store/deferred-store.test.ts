/**
A first run's progress database is made just after the first frame: until then
the store answers that nothing is stored (true: the file did not exist), and it
opens at once when the database exists (a round may be waiting to be resumed)
or its folder cannot be written (the warning must come before the app starts).
*/
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {openStoreSoon} from '../../src/store/index.js';

const root = mkdtempSync(join(tmpdir(), 'dojo-deferred-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));
const round = {scenario: 'login-counter', seed: 1, timer: true, startedAt: 1_000, phase: 'problem', mode: 'candidate' as const};

describe('openStoreSoon', () => {
	it('on a first run makes no database until asked, answers "nothing stored" meanwhile, and saves the first write', () => {
		const home = join(root, 'first');
		const warnings: string[] = [];
		const store = openStoreSoon({env: {DOJO_HOME: home}, warn: (message) => warnings.push(message)});
		expect(store.opened).toBe(false);
		expect(existsSync(join(home, 'progress.db'))).toBe(false);
		expect(store.unfinished('login-counter')).toEqual([]);
		expect(store.rounds()).toEqual([]);
		const id = store.startRound(round);
		expect(store.opened).toBe(true);
		expect(existsSync(join(home, 'progress.db'))).toBe(true);
		store.appendEvent(id!, {type: 'clarify.ask', at: 1_500});
		expect(store.unfinished('login-counter').map((stored) => stored.id)).toEqual([id]);
		store.close();
		expect(warnings).toEqual([]);
	});

	it('must fail: a database already there is opened at once, so the round left unfinished is offered', () => {
		const home = join(root, 'again');
		const first = openStoreSoon({env: {DOJO_HOME: home}, warn: () => undefined});
		first.open();
		const id = first.startRound(round);
		first.close();
		const second = openStoreSoon({env: {DOJO_HOME: home}, warn: () => undefined});
		expect(second.opened).toBe(true);
		expect(second.unfinished('login-counter').map((stored) => stored.id)).toEqual([id]);
		second.close();
	});

	it('opens at once, warning before the app starts, when the folder cannot be made', () => {
		const file = join(root, 'a-file');
		writeFileSync(file, '');
		const warnings: string[] = [];
		const store = openStoreSoon({env: {DOJO_HOME: join(file, 'sub')}, warn: (message) => warnings.push(message)});
		expect(store.opened).toBe(true);
		expect(store.saving).toBe(false);
		expect(warnings.join('\n')).toMatch(/progress is not saved: the folder is not writable/);
	});

	it('opens nothing after it is closed (a timer firing as the app ends)', () => {
		const home = join(root, 'closed');
		const store = openStoreSoon({env: {DOJO_HOME: home}, warn: () => undefined});
		store.close();
		store.open();
		expect(existsSync(join(home, 'progress.db'))).toBe(false);
	});
});
