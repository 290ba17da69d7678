/** Completeness: the data counted so far is complete up to the oldest tick with events still in flight. */
import {describe, expect, test} from 'vitest';
import {BirthLedger} from '../../../src/sim/models/birth-ledger.js';

// Ticks of 0.02 s: an event born in tick i has born = (i − ½) × 0.02.
const TICK = 0.02;
const bornIn = (tick: number) => (tick - 0.5) * TICK;

describe('BirthLedger', () => {
	test('with nothing pending, everything is complete up to now', () => {
		const ledger = new BirthLedger(TICK);
		expect(ledger.completeUpTo(5)).toBe(5);
		ledger.born(1, 10);
		ledger.settle(bornIn(1), 10);
		expect(ledger.completeUpTo(7)).toBe(7);
	});

	test('the oldest unsettled tick bounds completeness, and moves on when it settles', () => {
		const ledger = new BirthLedger(TICK);
		ledger.born(1, 10);
		ledger.born(2, 10);
		ledger.born(3, 10);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(1), 12);
		// Settling a later tick does not help while tick 1 is pending.
		ledger.settle(bornIn(2), 10);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(1), 12);
		ledger.settle(bornIn(1), 4);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(1), 12);
		ledger.settle(bornIn(1), 6);
		// Ticks 1 and 2 are done: tick 3 is the oldest pending.
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(3), 12);
		ledger.settle(bornIn(3), 10);
		expect(ledger.completeUpTo(1)).toBe(1);
	});

	test('a leftover below a millionth of the tick (rounding from splits) counts as settled', () => {
		const ledger = new BirthLedger(TICK);
		ledger.born(1, 1e6);
		ledger.born(2, 1);
		// 2 of a million left: pending. Half of one left (below a millionth): settled.
		ledger.settle(bornIn(1), 1e6 - 2);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(1), 12);
		ledger.settle(bornIn(1), 1.5);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(2), 12);
	});

	test('ticks skipped between births have nothing pending; settlements outside the ledger are ignored', () => {
		const ledger = new BirthLedger(TICK);
		ledger.born(5, 1);
		ledger.born(9, 1);
		ledger.settle(bornIn(2), 1);
		ledger.settle(bornIn(30), 1);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(5), 12);
		ledger.settle(bornIn(5), 1);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(9), 12);
	});

	test('keeps track past its initial 1,024 ticks of backlog', () => {
		const ledger = new BirthLedger(TICK);
		for (let tick = 1; tick <= 3000; tick++) ledger.born(tick, 1);
		expect(ledger.completeUpTo(100)).toBeCloseTo(bornIn(1), 12);
		for (let tick = 1; tick <= 2500; tick++) ledger.settle(bornIn(tick), 1);
		expect(ledger.completeUpTo(100)).toBeCloseTo(bornIn(2501), 9);
		for (let tick = 2501; tick <= 3000; tick++) ledger.settle(bornIn(tick), 1);
		expect(ledger.completeUpTo(100)).toBe(100);
	});
});
