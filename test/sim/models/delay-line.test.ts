/** Writes with their own random latency finish out of order: the delay line hands them on by due time. */
import {describe, expect, test} from 'vitest';
import {DelayLine} from '../../../src/sim/models/delay-line.js';

const drained = (line: DelayLine, now: number) => {
	const out: Array<[number, number, number, number]> = [];
	line.drain(now, (born, arrived, count, weight) => out.push([born, arrived, count, weight]));
	return out;
};

describe('DelayLine', () => {
	test('empty: nothing is due, ever', () => {
		const line = new DelayLine(4);
		expect(line.first).toBe(Number.POSITIVE_INFINITY);
		expect(drained(line, 1e9)).toEqual([]);
	});

	test('hands groups on earliest due first, only those due by now, with their fields', () => {
		const line = new DelayLine(2);
		const dues = [5, 1, 4, 2, 3, 9, 0.5, 7, 6, 8];
		dues.forEach((due, i) => line.push(due, i, i + 100, i + 1, 10 * (i + 1)));
		expect(line.size).toBe(10);
		expect(line.records).toBe(55);
		expect(line.first).toBe(0.5);
		expect(drained(line, 3)).toEqual([
			[6, 106, 7, 70],
			[1, 101, 2, 20],
			[3, 103, 4, 40],
			[4, 104, 5, 50],
		]);
		expect(line.first).toBe(4);
		expect(line.records).toBe(55 - 18);
		expect(drained(line, 100).map(([born]) => dues[born])).toEqual([4, 5, 6, 7, 8, 9]);
		expect(line.size).toBe(0);
		expect(line.records).toBe(0);
	});

	test('a group due exactly now is due (to within rounding)', () => {
		const line = new DelayLine();
		line.push(0.1 + 0.2, 0, 0, 1, 1);
		expect(drained(line, 0.3)).toHaveLength(1);
	});

	test('many random due times come out sorted', () => {
		const line = new DelayLine(4);
		let x = 12345;
		const dues: number[] = [];
		for (let i = 0; i < 500; i++) {
			x = (x * 1103515245 + 12345) % 2147483648;
			dues.push(x / 2147483648);
			line.push(dues[i]!, i, 0, 1, 1);
			if (i % 7 === 6) line.pop();
		}
		const out: number[] = [];
		let last = -1;
		while (line.size > 0) {
			const due = line.first;
			expect(due).toBeGreaterThanOrEqual(last);
			last = due;
			out.push(due);
			line.pop();
		}
		expect(out.length).toBe(500 - Math.floor(500 / 7));
	});

	test('hands on 300 groups of random due times in order, pushed and drained in waves', () => {
		const line = new DelayLine(2);
		let seed = 12345;
		const next = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
			return seed / 2 ** 31;
		};
		const out: number[] = [];
		let now = 0;
		for (let wave = 0; wave < 3; wave++) {
			for (let i = 0; i < 100; i++) {
				const due = now + next() * 100;
				line.push(due, due, 0, 1, 1);
			}
			now += 50;
			line.drain(now, (born) => out.push(born));
		}
		line.drain(1e9, (born) => out.push(born));
		expect(out).toHaveLength(300);
		for (let i = 1; i < out.length; i++) expect(out[i]!).toBeGreaterThanOrEqual(out[i - 1]!);
	});

	test('records are exactly 0 once the line is empty, whatever fractions were in it', () => {
		const line = new DelayLine(4);
		line.push(1, 0, 0, 0.1, 1);
		line.push(2, 0, 0, 0.2, 1);
		drained(line, 10);
		expect(line.records).toBe(0);
		expect(line.size).toBe(0);
	});
});
