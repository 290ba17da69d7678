import {describe, expect, test} from 'vitest';
import {Random} from '../../../src/sim/kernel/random.js';

const draw = (rng: Random, n: number) => Array.from({length: n}, () => rng.next());

describe('Random', () => {
	test('the same seed and stream give the same sequence', () => {
		expect(draw(new Random(42, 3), 1000)).toEqual(draw(new Random(42, 3), 1000));
	});

	test('another seed or another stream gives a different sequence', () => {
		const base = draw(new Random(42, 3), 100);
		expect(draw(new Random(43, 3), 100)).not.toEqual(base);
		expect(draw(new Random(42, 4), 100)).not.toEqual(base);
		// Seeds beyond 32 bits and negative seeds are distinct too.
		expect(draw(new Random(42 + 2 ** 32, 3), 100)).not.toEqual(base);
		expect(draw(new Random(-42, 3), 100)).not.toEqual(base);
	});

	test('draws are uniform on [0, 1): mean 1/2 and variance 1/12 within 4 standard errors', () => {
		const n = 200_000;
		const values = draw(new Random(7, 0), n);
		const mean = values.reduce((sum, value) => sum + value, 0) / n;
		const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
		expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
		expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
		// Var of the sample variance of U(0,1) is (1/80 − 1/144)/n.
		expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / n));
	});

	test('neighbouring streams and seeds are uncorrelated (|r| within 4/√n); the check flags a shared stream', () => {
		const n = 100_000;
		const correlation = (a: Random, b: Random) => {
			const x = draw(a, n);
			const y = draw(b, n);
			let r = 0;
			for (let i = 0; i < n; i++) r += (x[i]! - 0.5) * (y[i]! - 0.5);
			return r / (n / 12);
		};
		for (const [s1, s2] of [[0, 1], [1, 2], [5, 6]] as const) expect(Math.abs(correlation(new Random(1, s1), new Random(1, s2)))).toBeLessThan(4 / Math.sqrt(n));
		expect(Math.abs(correlation(new Random(1, 0), new Random(2, 0)))).toBeLessThan(4 / Math.sqrt(n));
		// Lagged by one draw: the stream against itself shifted.
		const lagged = new Random(1, 0);
		lagged.next();
		expect(Math.abs(correlation(new Random(1, 0), lagged))).toBeLessThan(4 / Math.sqrt(n));
		// Two handles on the same stream are perfectly correlated, and the check says so.
		expect(correlation(new Random(1, 0), new Random(1, 0))).toBeGreaterThan(0.99);
	});

	test('nextOpen is in (0, 1] and nextMid in (0, 1) even at the extreme raw outputs', () => {
		class Stuck extends Random {
			constructor(private readonly raw: number) {
				super(1, 0);
			}

			override nextUint32(): number {
				return this.raw;
			}
		}
		expect(new Stuck(0).nextOpen()).toBeGreaterThan(0);
		expect(new Stuck(0xffffffff).nextOpen()).toBe(1);
		expect(new Stuck(0).nextMid()).toBeGreaterThan(0);
		expect(new Stuck(0xffffffff).nextMid()).toBeLessThan(1);
		expect(new Stuck(0xffffffff).next()).toBeLessThan(1);
	});

	test('int(n) covers [0, n) evenly', () => {
		const rng = new Random(9, 0);
		const counts = new Array(10).fill(0);
		const n = 100_000;
		for (let i = 0; i < n; i++) counts[rng.int(10)]++;
		for (const count of counts) expect(Math.abs(count - n / 10)).toBeLessThan(4 * Math.sqrt(n * 0.1 * 0.9));
		expect(counts.reduce((sum, count) => sum + count, 0)).toBe(n);
	});

	test('fork is deterministic and independent of the parent and of other forks', () => {
		const parent = new Random(5, 2);
		expect(draw(parent.fork(1), 50)).toEqual(draw(new Random(5, 2).fork(1), 50));
		expect(draw(parent.fork(1), 50)).not.toEqual(draw(parent.fork(2), 50));
		expect(draw(parent.fork(1), 50)).not.toEqual(draw(new Random(5, 2), 50));
		expect(draw(parent.fork(1), 50)).not.toEqual(draw(new Random(5, 3).fork(1), 50));
	});
});
