/** The cohort queue keeps exact record counts and source-event weights, oldest first. */
import {describe, expect, test} from 'vitest';
import {CohortQueue} from '../../../src/sim/models/cohorts.js';

const head = (queue: CohortQueue) => {
	const i = queue.headIndex;
	return {born: queue.born[i], arrived: queue.arrived[i], stamp: queue.stamp[i], count: queue.count[i], weight: queue.weight[i]};
};

describe('CohortQueue', () => {
	test('first in, first out, with every field kept; empty cohorts are ignored', () => {
		const queue = new CohortQueue(4);
		queue.push(1, 2, 3, 10, 20);
		queue.push(4, 5, 6, 0, 0);
		queue.push(7, 8, 9, 5, 5);
		expect(queue.size).toBe(2);
		expect(queue.records).toBe(15);
		expect(head(queue)).toEqual({born: 1, arrived: 2, stamp: 3, count: 10, weight: 20});
		queue.shift();
		expect(head(queue)).toEqual({born: 7, arrived: 8, stamp: 9, count: 5, weight: 5});
		expect(queue.records).toBe(5);
		queue.shift();
		expect(queue.size).toBe(0);
		expect(queue.records).toBe(0);
	});

	test('a cohort of weight only (records aggregated away) is kept, so its events are still followed', () => {
		const queue = new CohortQueue();
		queue.push(1, 1, 1, 0, 3);
		expect(queue.size).toBe(1);
		expect(queue.takeFromHead(1)).toBe(3);
		expect(queue.size).toBe(0);
	});

	test('taking part of the head splits its weight in proportion and leaves the rest first in line', () => {
		const queue = new CohortQueue();
		queue.push(0, 0, 0, 10, 40);
		queue.push(1, 1, 1, 10, 10);
		expect(queue.takeFromHead(4)).toBeCloseTo(16, 12);
		expect(head(queue)).toEqual({born: 0, arrived: 0, stamp: 0, count: 6, weight: 24});
		expect(queue.records).toBe(16);
		// Taking exactly what is left takes the cohort whole; taking more takes only that cohort.
		expect(queue.takeFromHead(6)).toBe(24);
		expect(head(queue).born).toBe(1);
		expect(queue.takeFromHead(50)).toBe(10);
		expect(queue.size).toBe(0);
		expect(queue.records).toBe(0);
	});

	test('a NaN request takes the whole head rather than stalling a loop', () => {
		const queue = new CohortQueue();
		queue.push(0, 0, 0, 3, 3);
		expect(queue.takeFromHead(Number.NaN)).toBe(3);
		expect(queue.size).toBe(0);
	});

	test('grows past its capacity while wrapped around, keeping the order', () => {
		const queue = new CohortQueue(4);
		for (let i = 0; i < 3; i++) queue.push(i, i, i, 1, 1);
		queue.shift();
		queue.shift();
		for (let i = 3; i < 40; i++) queue.push(i, i, i, 1, 1);
		expect(queue.size).toBe(38);
		expect(queue.records).toBe(38);
		for (let i = 0; i < 38; i++) expect(queue.born[queue.at(i)]).toBe(i + 2);
		for (let i = 2; i < 40; i++) {
			expect(head(queue)).toEqual({born: i, arrived: i, stamp: i, count: 1, weight: 1});
			queue.shift();
		}
		expect(queue.size).toBe(0);
	});

	test('the last shift clears rounding drift: thirds taken off leave exactly zero records', () => {
		const queue = new CohortQueue();
		queue.push(0, 0, 0, 0.1, 1);
		queue.push(0, 0, 0, 0.2, 1);
		queue.shift();
		queue.shift();
		expect(queue.records).toBe(0);
	});

	test('a cohort with records but no source weight (after a filter) is kept; one with neither is not', () => {
		const queue = new CohortQueue(4);
		queue.push(1, 1, 1, 5, 0);
		queue.push(2, 2, 2, 0, 0);
		queue.push(3, 3, 3, 0, 2);
		expect(queue.size).toBe(2);
		expect(queue.records).toBe(5);
	});

	test('the head wraps round the ring: oldest first across the end of the arrays', () => {
		const queue = new CohortQueue(4);
		for (let i = 1; i <= 4; i++) queue.push(i, i, i, 1, 1);
		queue.shift();
		queue.shift();
		queue.shift();
		queue.push(5, 5, 5, 1, 1);
		queue.push(6, 6, 6, 1, 1);
		const order: number[] = [];
		while (queue.size > 0) {
			order.push(head(queue).born!);
			queue.shift();
		}
		expect(order).toEqual([4, 5, 6]);
	});

	test('a queue made with room for none still holds what is pushed', () => {
		const queue = new CohortQueue(0);
		for (let i = 1; i <= 9; i++) queue.push(i, i, i, i, i);
		expect(queue.size).toBe(9);
		expect(queue.records).toBe(45);
		expect(head(queue).born).toBe(1);
	});
});
