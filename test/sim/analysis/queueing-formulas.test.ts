/** The yardstick itself, against figures worked out by hand from the textbook formulas. */
import {describe, expect, test} from 'vitest';
import {erlangB, erlangC, mg1, mmc, mmck, tandemMmcSojourn} from '../../../src/sim/analysis/queueing-formulas.js';

describe('Erlang B and C', () => {
	test('B(2, 1) = (1²/2!) / (1 + 1 + 1²/2!) = 0.2; B(1, 1) = 1/2; no servers block everything', () => {
		expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
		expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
		expect(erlangB(0, 3)).toBe(1);
	});

	test('C(2, 1) = B / (1 − ρ(1 − B)) = 0.2 / 0.6 = 1/3', () => {
		expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
	});

	test('C is undefined at or above saturation, and says which load and servers', () => {
		expect(() => erlangC(2, 2)).toThrow(new RangeError('erlangC: unstable, offered load 2 must be below 2 servers'));
		expect(() => erlangC(2, 3)).toThrow(RangeError);
	});
});

describe('M/M/c and M/G/1', () => {
	test('M/M/1 at λ 1, μ 2: ρ ½, Wq = ρ/(μ − λ) = ½, W = 1, L = 1, Lq = ½', () => {
		const station = mmc(1, 2, 1);
		expect(station.rho).toBeCloseTo(0.5, 12);
		expect(station.pWait).toBeCloseTo(0.5, 12);
		expect(station.wq).toBeCloseTo(0.5, 12);
		expect(station.w).toBeCloseTo(1, 12);
		expect(station.l).toBeCloseTo(1, 12);
		expect(station.lq).toBeCloseTo(0.5, 12);
		expect(station.pBlock).toBe(0);
		expect(station.throughput).toBe(1);
	});

	test('M/M/2 at λ 1, μ 1: P(wait) 1/3, Wq = (1/3)/(2 − 1), W = 4/3', () => {
		const station = mmc(1, 1, 2);
		expect(station.rho).toBeCloseTo(0.5, 12);
		expect(station.wq).toBeCloseTo(1 / 3, 12);
		expect(station.w).toBeCloseTo(4 / 3, 12);
	});

	test('M/D/1 waits half as long as M/M/1: λ ½, E[S] 1 gives Wq ½ (constant) and 1 (exponential)', () => {
		const constant = mg1(0.5, 1, 0);
		expect(constant.wq).toBeCloseTo(0.5, 12);
		expect(constant.w).toBeCloseTo(1.5, 12);
		expect(constant.lq).toBeCloseTo(0.25, 12);
		expect(constant.l).toBeCloseTo(0.75, 12);
		expect(constant.pWait).toBeCloseTo(0.5, 12);
		expect(constant.rho).toBeCloseTo(0.5, 12);
		expect(mg1(0.5, 1, 1).wq).toBeCloseTo(1, 12);
		expect(() => mg1(1, 1, 1)).toThrow(new RangeError('mg1: unstable, utilisation 1 must be below 1'));
	});
});

describe('M/M/c/K', () => {
	test('M/M/1/2 at λ = μ = 1: p0 = p1 = p2 = 1/3, so a third is turned away', () => {
		const station = mmck(1, 1, 1, 2);
		expect(station.pBlock).toBeCloseTo(1 / 3, 12);
		expect(station.throughput).toBeCloseTo(2 / 3, 12);
		expect(station.rho).toBeCloseTo(2 / 3, 12);
		expect(station.l).toBeCloseTo(1, 12);
		expect(station.lq).toBeCloseTo(1 / 3, 12);
		// An accepted arrival waits when it finds 1 (of room for 2): p1 / (1 − p2) = ½.
		expect(station.pWait).toBeCloseTo(0.5, 12);
		expect(station.wq).toBeCloseTo(0.5, 12);
		expect(station.w).toBeCloseTo(1.5, 12);
	});

	test('M/M/2/3 at λ 2, μ 1: p ∝ 1, 2, 2, 2 (ratios λ/μ then λ/2μ), so 2/7 blocked', () => {
		const station = mmck(2, 1, 2, 3);
		expect(station.pBlock).toBeCloseTo(2 / 7, 12);
		expect(station.l).toBeCloseTo((0 + 2 + 4 + 6) / 7, 12);
		expect(station.lq).toBeCloseTo(2 / 7, 12);
		expect(station.pWait).toBeCloseTo(2 / 7 / (5 / 7), 12);
	});

	test('K below the server count is refused with both numbers', () => {
		expect(() => mmck(1, 1, 3, 2)).toThrow(new RangeError('mmck: capacity 2 must be at least the 3 servers'));
		expect(mmck(1, 1, 3, 3).lq).toBe(0);
	});
});

test('a Jackson tandem adds the sojourns: M/M/1 (μ 2) then M/M/2 (μ 1) at λ 1 is 1 + 4/3', () => {
	expect(tandemMmcSojourn(1, [{mu: 2, c: 1}, {mu: 1, c: 2}])).toBeCloseTo(7 / 3, 12);
	expect(tandemMmcSojourn(1, [])).toBe(0);
});

describe('with rates that are not 1 (so a swapped × and ÷ shows)', () => {
	test('M/M/1 at λ 2, μ 5: ρ 0.4, Wq = 0.4 / 3, W = 1/3, L = ρ/(1 − ρ) = 2/3, Lq = 4/15', () => {
		const station = mmc(2, 5, 1);
		expect(station.wq).toBeCloseTo(0.4 / 3, 12);
		expect(station.w).toBeCloseTo(1 / 3, 12);
		expect(station.l).toBeCloseTo(2 / 3, 12);
		expect(station.lq).toBeCloseTo(4 / 15, 12);
	});

	test('M/D/1 at λ 0.125, E[S] 2: ρ 0.25, Wq = 0.25 × 2 / (2 × 0.75) = 1/3, W = 7/3', () => {
		const station = mg1(0.125, 2, 0);
		expect(station.rho).toBeCloseTo(0.25, 12);
		expect(station.wq).toBeCloseTo(1 / 3, 12);
		expect(station.w).toBeCloseTo(7 / 3, 12);
	});

	test('M/M/1/2 at λ 1, μ 2: p ∝ 1, ½, ¼, so 1/7 blocked, ρ 3/7, P(wait) 1/3, Wq 1/6, W 2/3', () => {
		const station = mmck(1, 2, 1, 2);
		expect(station.pBlock).toBeCloseTo(1 / 7, 12);
		expect(station.throughput).toBeCloseTo(6 / 7, 12);
		expect(station.rho).toBeCloseTo(3 / 7, 12);
		expect(station.l).toBeCloseTo(4 / 7, 12);
		expect(station.lq).toBeCloseTo(1 / 7, 12);
		expect(station.pWait).toBeCloseTo(1 / 3, 12);
		expect(station.wq).toBeCloseTo(1 / 6, 12);
		expect(station.w).toBeCloseTo(2 / 3, 12);
	});

	test('M/M/2/2 (Erlang loss) at λ 3, μ 2: ρ of the accepted work is (3 × (1 − B)) / 4', () => {
		const station = mmck(3, 2, 2, 2);
		const blocked = erlangB(2, 1.5);
		expect(station.pBlock).toBeCloseTo(blocked, 12);
		expect(station.rho).toBeCloseTo((3 * (1 - blocked)) / 4, 12);
	});
});
