/**
The sandbox child's message loop (src/grader/child-loop.ts), in this process:
a fake port stands in for the IPC channel, and a fake job runner for runJob.
*/
import {describe, expect, it} from 'vitest';
import {ownWorkDir, serveRuns, type ChildPort, type PlayJob} from '../../src/grader/child-loop.js';
import type {ChildMessage, ParentMessage, RunJob} from '../../src/grader/protocol.js';

/** A port that records what the loop sends, and lets the test deliver parent messages. */
function fakePort(): ChildPort & {sent: ChildMessage[]; deliver(message: ParentMessage | {type: string}): void; listeners: number} {
	const listeners: Array<(message: ParentMessage) => void> = [];
	const port = {
		sent: [] as ChildMessage[],
		send: (message: ChildMessage) => port.sent.push(message),
		onMessage: (listener: (message: ParentMessage) => void) => listeners.push(listener),
		deliver: (message: ParentMessage | {type: string}) => {
			for (const listener of listeners) listener(message as ParentMessage);
		},
		get listeners() {
			return listeners.length;
		},
	};
	return port;
}

const job: RunJob = {maxRows: 5, maxPages: 10, steps: [{kind: 'query', label: 'one', sql: 'SELECT 1'}]};
const progress = {type: 'progress', section: 'load', statement: {sql: 'SELECT 1', line: 3, index: 1}, batch: 'b1'} satisfies ChildMessage;

describe('the sandbox child loop', () => {
	it('listens before it says ready, and says it once', () => {
		const port = fakePort();
		const order: string[] = [];
		const watched: ChildPort = {
			send: (message) => order.push(`send ${message.type}`),
			onMessage: () => order.push('listen'),
		};
		serveRuns(watched, () => ({results: {}, ms: 0}));
		expect(order).toEqual(['listen', 'send ready']);
		serveRuns(port, () => ({results: {}, ms: 0}));
		expect(port.sent).toEqual([{type: 'ready'}]);
		expect(port.listeners).toBe(1);
	});

	it('plays each run with the runner, forwards its progress, and answers done with the run id and the result', () => {
		const port = fakePort();
		const played: RunJob[] = [];
		const play: PlayJob = (given, send) => {
			played.push(given);
			send(progress);
			send({type: 'reading', label: 'snapshot'});
			return {results: {one: {columns: ['x'], rows: [[1]], truncated: false}}, ms: 7};
		};
		serveRuns(port, play);
		port.deliver({type: 'run', id: 41, job});
		expect(played).toEqual([job]);
		expect(port.sent).toEqual([
			{type: 'ready'},
			progress,
			{type: 'reading', label: 'snapshot'},
			{type: 'done', id: 41, result: {results: {one: {columns: ['x'], rows: [[1]], truncated: false}}, ms: 7}},
		]);
	});

	it('ignores messages that are not runs', () => {
		const port = fakePort();
		let plays = 0;
		serveRuns(port, () => {
			plays++;
			return {results: {}, ms: 0};
		});
		port.deliver({type: 'stop'});
		expect(plays).toBe(0);
		expect(port.sent).toEqual([{type: 'ready'}]);
	});

	it('answers a runner that throws with a crash, in the words of what it threw, and keeps serving', () => {
		const port = fakePort();
		const throws: unknown[] = [new Error('database is locked'), 'a thrown string'];
		serveRuns(port, () => {
			if (throws.length > 0) throw throws.shift();
			return {results: {}, ms: 2};
		});
		port.deliver({type: 'run', id: 1, job});
		port.deliver({type: 'run', id: 2, job});
		port.deliver({type: 'run', id: 3, job});
		expect(port.sent.slice(1)).toStrictEqual([
			{type: 'done', id: 1, result: {failure: {kind: 'crashed', message: 'the sandbox failed: database is locked'}, results: {}, ms: 0}},
			{type: 'done', id: 2, result: {failure: {kind: 'crashed', message: 'the sandbox failed: a thrown string'}, results: {}, ms: 0}},
			{type: 'done', id: 3, result: {results: {}, ms: 2}},
		]);
	});
});

describe('the work directory a child may remove', () => {
	it('is its working directory only when that is named like the sandbox work directory', () => {
		expect(ownWorkDir('/tmp/dojo-sandbox-a1B2c3')).toBe('/tmp/dojo-sandbox-a1B2c3');
		expect(ownWorkDir('/tmp')).toBeUndefined();
		expect(ownWorkDir('/home/me/project')).toBeUndefined();
		// The prefix must start the directory's own name, not a parent's or the middle of it.
		expect(ownWorkDir('/tmp/dojo-sandbox-x/inner')).toBeUndefined();
		expect(ownWorkDir('/tmp/my-dojo-sandbox-x')).toBeUndefined();
	});
});
