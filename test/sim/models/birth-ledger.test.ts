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

	test('events added to a pending earlier tick (a feed bucket) keep it pending until they settle too; a settled or future tick counts as now', () => {
		const ledger = new BirthLedger(TICK);
		ledger.born(1, 10);
		ledger.born(2, 10);
		ledger.addTo(1, 2, 5);
		ledger.settle(bornIn(1), 10);
		// 5 of tick 1's 15 are still out.
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(1), 12);
		ledger.settle(bornIn(1), 5);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(2), 12);
		// Tick 1 is no longer pending: 7 more for it are recorded under the latest tick, 3.
		ledger.addTo(1, 3, 7);
		ledger.settle(bornIn(2), 10);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(3), 12);
		// The newest pending tick (3) still takes additions; one past it (4) goes to the latest tick given.
		ledger.addTo(3, 3, 1);
		ledger.addTo(4, 5, 2);
		ledger.settle(bornIn(3), 7);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(3), 12);
		ledger.settle(bornIn(3), 1);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(5), 12);
	});

	test('a tick born right after everything settled is pending', () => {
		const ledger = new BirthLedger(TICK);
		ledger.born(1, 1);
		ledger.settle(bornIn(1), 1);
		ledger.born(2, 1);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(2), 12);
	});

	test("a tick's leftover is judged against its own births, not those of an earlier tick in the same ring slot", () => {
		const ledger = new BirthLedger(TICK);
		ledger.born(1, 1e6);
		ledger.settle(bornIn(1), 1e6);
		// Tick 1,025 lands in tick 1's slot of the 1,024-tick ring: half of its 1 event left is pending.
		ledger.born(1025, 1);
		ledger.settle(bornIn(1025), 0.5);
		expect(ledger.completeUpTo(100)).toBeCloseTo(bornIn(1025), 9);
	});

	test('settling a tick one ring-length past the newest does not touch the tick in its slot', () => {
		const ledger = new BirthLedger(TICK);
		ledger.born(5, 2);
		ledger.born(9, 1);
		ledger.settle(bornIn(5 + 1024), 1);
		ledger.settle(bornIn(5), 1);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(5), 12);
		// A full ring (ticks 1 … 1,024): one past the newest is tick 1's slot.
		const full = new BirthLedger(TICK);
		for (let tick = 1; tick <= 1024; tick++) full.born(tick, 2);
		full.settle(bornIn(1025), 1);
		full.settle(bornIn(1), 1);
		expect(full.completeUpTo(1)).toBeCloseTo(bornIn(1), 12);
	});

	test('growing the ring keeps every pending tick where it was, with its own births', () => {
		// Ticks 1 … 1,100 of weight = tick; settle 1 … 600: tick 601 is the oldest pending.
		const ledger = new BirthLedger(TICK);
		for (let tick = 1; tick <= 1100; tick++) ledger.born(tick, tick);
		for (let tick = 1; tick <= 600; tick++) ledger.settle(bornIn(tick), tick);
		expect(ledger.completeUpTo(100)).toBeCloseTo(bornIn(601), 9);
		// Grown while head was at 600 (600 … 1,624 is a full ring): tick 600's weight is its own, not tick 1,624's.
		const later = new BirthLedger(TICK);
		for (let tick = 1; tick <= 600; tick++) later.born(tick, tick);
		for (let tick = 1; tick < 600; tick++) later.settle(bornIn(tick), tick);
		for (let tick = 601; tick <= 1700; tick++) later.born(tick, tick);
		later.settle(bornIn(600), 600);
		expect(later.completeUpTo(100)).toBeCloseTo(bornIn(601), 9);
		// A leftover below a millionth of a big tick is settled after growing too (its births are copied).
		const big = new BirthLedger(TICK);
		big.born(1, 1e6);
		for (let tick = 2; tick <= 1100; tick++) big.born(tick, 1);
		big.settle(bornIn(1), 1e6 - 0.5);
		expect(big.completeUpTo(100)).toBeCloseTo(bornIn(2), 9);
	});

	test('events added to a pending tick raise the share below which its leftover counts as settled', () => {
		// 1e6 born and 1e6 added: a leftover of 1.5 is under a millionth of 2e6 (2), so tick 1 is settled.
		const ledger = new BirthLedger(TICK);
		ledger.born(1, 1e6);
		ledger.born(2, 1);
		ledger.addTo(1, 2, 1e6);
		ledger.settle(bornIn(1), 2e6 - 1.5);
		expect(ledger.completeUpTo(1)).toBeCloseTo(bornIn(2), 12);
	});

	test('settling a tick older than the oldest pending one does not touch the tick now in its slot', () => {
		const ledger = new BirthLedger(TICK);
		ledger.born(1, 1);
		ledger.settle(bornIn(1), 1);
		ledger.born(1025, 2);
		ledger.settle(bornIn(1), 1);
		ledger.settle(bornIn(1025), 1);
		expect(ledger.completeUpTo(100)).toBeCloseTo(bornIn(1025), 9);
	});
});

