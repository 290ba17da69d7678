/** The cohort queue's two ways out, used by every stage: drain (whole cohorts) and take (records, splitting the last). */
import {describe, expect, test} from 'vitest';
import {CohortQueue} from '../../../src/sim/models/cohorts.js';

type Seen = [born: number, arrived: number, stamp: number, count: number, weight: number];

function filled(): CohortQueue {
	const queue = new CohortQueue(4);
	queue.push(1, 10, 100, 3, 30);
	queue.push(2, 20, 200, 4, 8);
	queue.push(3, 30, 300, 5, 5);
	return queue;
}

describe('drain', () => {
	test('hands every cohort on, oldest first, with all its figures, and leaves the queue empty', () => {
		const queue = filled();
		const seen: Seen[] = [];
		queue.drain((...cohort) => seen.push(cohort));
		expect(seen).toEqual([
			[1, 10, 100, 3, 30],
			[2, 20, 200, 4, 8],
			[3, 30, 300, 5, 5],
		]);
		expect(queue.size).toBe(0);
		expect(queue.records).toBe(0);
	});

	test('stops at the first cohort that is not due, and keeps it and those behind it', () => {
		const queue = filled();
		const stamps: number[] = [];
		queue.drain((_born, _arrived, stamp) => stamps.push(stamp), (stamp) => stamp < 250);
		expect(stamps).toEqual([100, 200]);
		expect(queue.size).toBe(1);
		expect(queue.records).toBe(5);
	});
});

describe('take', () => {
	test('takes records oldest first and splits the last cohort it reaches, weight in proportion', () => {
		const queue = filled();
		const seen: Seen[] = [];
		const left = queue.take(5, (...part) => seen.push(part));
		expect(left).toBe(0);
		expect(seen).toEqual([
			[1, 10, 100, 3, 30],
			[2, 20, 200, 2, 4],
		]);
		// The rest of the split cohort stays at the head with its own times.
		expect(queue.records).toBe(7);
		const head = queue.headIndex;
		expect([queue.born[head], queue.count[head], queue.weight[head]]).toEqual([2, 2, 4]);
	});

	test('stops at a cohort stamped after `until` and says how many are still wanted', () => {
		const queue = filled();
		const counts: number[] = [];
		expect(queue.take(10, (_born, _arrived, _stamp, count) => counts.push(count), 250)).toBe(3);
		expect(counts).toEqual([3, 4]);
		expect(queue.size).toBe(1);
	});

	test('an unbounded take empties the queue and still wants ∞; a floor stops it early', () => {
		const queue = filled();
		expect(queue.take(Number.POSITIVE_INFINITY, () => undefined)).toBe(Number.POSITIVE_INFINITY);
		expect(queue.size).toBe(0);
		const small = filled();
		// With 2.5 wanted and a floor of 0.5: 2.5 of the first cohort, then 0 ≤ 0.5 stops it.
		expect(small.take(2.5, () => undefined, Number.POSITIVE_INFINITY, 0.5)).toBe(0);
		expect(small.records).toBeCloseTo(9.5, 12);
		const floored = filled();
		// 3 wanted, floor 3: nothing is taken.
		expect(floored.take(3, () => undefined, Number.POSITIVE_INFINITY, 3)).toBe(3);
		expect(floored.records).toBe(12);
	});
});
