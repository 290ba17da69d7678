import {describe, expect, test} from 'vitest';
import {EventQueue} from '../../../src/sim/kernel/event-queue.js';
import {Random} from '../../../src/sim/kernel/random.js';

function drain(queue: EventQueue): Array<[number, number, number]> {
	const out: Array<[number, number, number]> = [];
	while (queue.pop()) out.push([queue.time, queue.kind, queue.target]);
	return out;
}

describe('EventQueue', () => {
	test('pops in time order, whatever the push order, and grows past its initial capacity', () => {
		const rng = new Random(3, 0);
		const queue = new EventQueue(4);
		const times = Array.from({length: 5000}, () => Math.floor(rng.next() * 1e6) / 1e3);
		times.forEach((time, index) => queue.push(time, index % 7, index));
		expect(queue.size).toBe(5000);
		expect(drain(queue).map(([time]) => time)).toEqual([...times].sort((a, b) => a - b));
		expect(queue.size).toBe(0);
		expect(queue.pop()).toBe(false);
		expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
	});

	test('equal times come out in push order (FIFO), also through replaceTop', () => {
		const queue = new EventQueue();
		for (let target = 0; target < 100; target++) queue.push(target % 3 === 0 ? 1 : 2, 0, target);
		const popped = drain(queue).map(([, , target]) => target);
		const expected = [...Array.from({length: 100}, (_, i) => i).filter((i) => i % 3 === 0), ...Array.from({length: 100}, (_, i) => i).filter((i) => i % 3 !== 0)];
		expect(popped).toEqual(expected);

		// An event rescheduled to an occupied time goes behind the ones already there.
		queue.push(1, 0, 10);
		queue.push(5, 0, 11);
		queue.push(5, 0, 12);
		expect(queue.peek()).toBe(true);
		expect(queue.target).toBe(10);
		queue.replaceTop(5, 0, 13);
		expect(drain(queue).map(([, , target]) => target)).toEqual([11, 12, 13]);
	});

	test('a handler may push while its event is on top; the top stays until replaced', () => {
		const queue = new EventQueue();
		queue.push(3, 1, 1);
		expect(queue.peek()).toBe(true);
		queue.push(3, 2, 2);
		queue.push(4, 2, 3);
		expect(queue.peek()).toBe(true);
		expect([queue.time, queue.kind, queue.target]).toEqual([3, 1, 1]);
		queue.replaceTop(3.5, 1, 4);
		expect(drain(queue)).toEqual([
			[3, 2, 2],
			[3.5, 1, 4],
			[4, 2, 3],
		]);
	});

	test('interleaved random pushes, pops and replaceTops match a sorted reference with FIFO ties', () => {
		const rng = new Random(11, 0);
		const queue = new EventQueue(2);
		type Item = {time: number; seq: number; target: number};
		let reference: Item[] = [];
		let seq = 0;
		let now = 0;
		for (let step = 0; step < 20_000; step++) {
			const action = rng.int(3);
			if (action === 0 || reference.length === 0) {
				const time = now + rng.int(5);
				queue.push(time, 0, step);
				reference.push({time, seq: seq++, target: step});
			} else {
				reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
				const top = reference.shift()!;
				if (action === 1) {
					expect(queue.pop()).toBe(true);
				} else {
					expect(queue.peek()).toBe(true);
					const time = top.time + rng.int(5);
					queue.replaceTop(time, 0, step);
					reference.push({time, seq: seq++, target: step});
				}
				expect([queue.time, queue.target]).toEqual([top.time, top.target]);
				now = top.time;
			}
		}
		reference = reference.sort((a, b) => a.time - b.time || a.seq - b.seq);
		expect(drain(queue).map(([time, , target]) => [time, target])).toEqual(reference.map((item) => [item.time, item.target]));
	});
});
