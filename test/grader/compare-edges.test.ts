/** compareResults at its edges: the tolerant pass (values that round to different hash keys), messages of each step, large bags, and the order check. */
import {describe, expect, it} from 'vitest';
import {compareResults, firstUnsorted, plural} from '../../src/grader/compare.js';

const one = (...values: Array<string | number | null>) => ({columns: values.map((_, i) => `c${i}`), rows: [values]});
// 5e-7 and 4.9e-7 are within the tolerance but hash to different keys, so only the tolerant pass can match them.
const near = 5e-7;
const nearer = 4.9e-7;

describe('the tolerant pass', () => {
	it('matches numbers across a rounding boundary, with the other values compared by the rules', () => {
		expect(compareResults(one(near, null), one(nearer, null)).equal).toBe(true);
		expect(compareResults(one(near, 'a'), one(nearer, 'a')).equal).toBe(true);
		expect(compareResults(one(near, 'a'), one(nearer, 'b')).equal).toBe(false);
		expect(compareResults(one(near, null), one(nearer, 'x')).equal).toBe(false);
		expect(compareResults(one(near, 'x'), one(nearer, null)).equal).toBe(false);
		expect(compareResults(one(near, 0), one(nearer, null)).equal).toBe(false);
		expect(compareResults(one(near, 1), one(nearer, '1')).equal).toBe(false);
		expect(compareResults(one(near, '1'), one(nearer, 1)).equal).toBe(false);
		expect(compareResults(one(near, Infinity), one(nearer, Infinity)).equal).toBe(true);
		expect(compareResults(one(near, Infinity), one(nearer, 1e308)).equal).toBe(false);
		expect(compareResults(one(near, 1e308), one(nearer, Infinity)).equal).toBe(false);
	});

	it('accepts a difference of exactly the tolerance and nothing more', () => {
		expect(compareResults(one(0), one(1e-6)).equal).toBe(true);
		expect(compareResults(one(0), one(1.1e-6)).equal).toBe(false);
		expect(compareResults(one(0), one(1e-6), {tolerance: 1e-7}).equal).toBe(false);
	});

	it('scales the tolerance by the larger magnitude for numbers across a rounding boundary', () => {
		// 1000.0001 and 999.9999 fall on either side of a grid step (1.024e-3 at this magnitude): only the tolerant pass pairs them.
		expect(compareResults(one(1000.0001), one(999.9999)).equal).toBe(true);
		expect(compareResults(one(1000.0006), one(999.9994)).equal).toBe(false);
	});

	it('pairs each row once: two expected rows need two matching actual rows', () => {
		const expected = {columns: ['x'], rows: [[near], [near]]};
		expect(compareResults(expected, {columns: ['x'], rows: [[nearer], [nearer]]}).equal).toBe(true);
		const short = compareResults(expected, {columns: ['x'], rows: [[nearer], [7]]});
		expect(short).toMatchObject({equal: false, step: 'rows', missingCount: 1, unexpectedCount: 1, missing: [{x: near}], unexpected: [{x: 7}]});
	});

	it('lists missing rows in the expected order and unexpected ones in the actual order', () => {
		const result = compareResults({columns: ['x'], rows: [[3], [1], [2]]}, {columns: ['x'], rows: [[9], [8]]});
		expect(result).toMatchObject({equal: false, step: 'row_count', message: 'expected 3 rows, got 2 (3 missing rows, 2 unexpected rows)', missing: [{x: 3}, {x: 1}, {x: 2}], unexpected: [{x: 9}, {x: 8}]});
	});

	it('matches large values within the scaled tolerance by hash alone when the bags are too large for the tolerant pass', () => {
		// Values on the grid of their magnitude (2^20 × 1e-6 between 2^19 and 2^20), moved by 0.3: within 1e-6 of ~629,000, and the same hash key.
		const step = 1e-6 * 2 ** 20;
		const rows = Array.from({length: 2100}, (_, i) => [(600_000 + i) * step]);
		expect(compareResults({columns: ['x'], rows}, {columns: ['x'], rows: rows.map(([x]) => [x! + 0.3])}).equal).toBe(true);
	});

	it('still compares exactly by hash when the bags are too large for the tolerant pass', () => {
		const rows = Array.from({length: 2100}, (_, i) => [i + 0.5]);
		expect(compareResults({columns: ['x'], rows}, {columns: ['x'], rows: rows.map(([x]) => [x! + 1e-9])}).equal).toBe(true);
		const shifted = compareResults({columns: ['x'], rows}, {columns: ['x'], rows: rows.map(([x]) => [x! + 0.25])});
		expect(shifted).toMatchObject({equal: false, step: 'rows', missingCount: 2100, unexpectedCount: 2100});
		if (!shifted.equal) expect(shifted.missing).toHaveLength(10);
	});
});

describe('large bags (no tolerant pass): the hash alone must tell values apart', () => {
	const big = (make: (i: number) => Array<string | number | null>) => ({columns: ['a', 'b'], rows: Array.from({length: 2100}, (_, i) => make(i))});

	it('tells +Infinity from -Infinity, text from NULL, and texts from each other', () => {
		expect(compareResults(big((i) => [i, Infinity]), big((i) => [i, -Infinity])).equal).toBe(false);
		expect(compareResults(big((i) => [i, 'x']), big((i) => [i, null])).equal).toBe(false);
		expect(compareResults(big((i) => [i, 'x']), big((i) => [i, 'y'])).equal).toBe(false);
		expect(compareResults(big((i) => [i, 'x']), big((i) => [i, 'x'])).equal).toBe(true);
	});

	it('keeps column values apart: (a, sb) is not (as, b)', () => {
		expect(compareResults(big((i) => [`${i}a`, 'sb']), big((i) => [`${i}as`, 'b'])).equal).toBe(false);
	});

	it('lists missing rows in the expected order, duplicates included', () => {
		const result = compareResults({columns: ['x'], rows: [[1], [2], [1]]}, {columns: ['x'], rows: []});
		expect(result).toMatchObject({equal: false, missing: [{x: 1}, {x: 2}, {x: 1}]});
	});
});

describe('messages', () => {
	it('names duplicate, missing and unexpected columns, singular and plural', () => {
		expect(compareResults(one(1), {columns: ['c0', 'C0'], rows: []})).toMatchObject({step: 'columns', message: 'the result has two columns named C0; give every column its own name'});
		expect(compareResults({columns: ['a', 'b'], rows: []}, {columns: ['c', 'd'], rows: []})).toMatchObject({message: 'missing columns a, b; unexpected columns c, d (expected a, b; got c, d)'});
		expect(compareResults({columns: ['a'], rows: []}, {columns: [], rows: []})).toMatchObject({message: 'missing column a (expected a; got none)'});
		expect(compareResults({columns: ['a'], rows: []}, {columns: ['a', 'z'], rows: []})).toMatchObject({message: 'unexpected column z (expected a; got a, z)'});
		expect(compareResults({columns: ['a'], rows: []}, {columns: ['a', 'z'], rows: []}, {allowExtraColumns: true})).toEqual({equal: true});
		expect(compareResults({columns: ['a', 'b'], rows: []}, {columns: ['a', 'z'], rows: []}, {allowExtraColumns: true})).toMatchObject({message: 'missing column b (expected a, b; got a, z)'});
	});

	it('shows no rows and counts none when the columns differ', () => {
		expect(compareResults({columns: ['a'], rows: [[1]]}, {columns: ['b'], rows: [[1]]})).toEqual({equal: false, step: 'columns', message: 'missing column a; unexpected column b (expected a; got b)', missing: [], unexpected: [], missingCount: 0, unexpectedCount: 0});
	});

	it('says "same row count" when only the values differ', () => {
		expect(compareResults(one(1), one(2))).toMatchObject({step: 'rows', message: 'same row count (1) but different rows: 1 missing row, 1 unexpected row', missingCount: 1, unexpectedCount: 1});
		expect(plural(1, 'row')).toBe('1 row');
		expect(plural(0, 'row')).toBe('0 rows');
	});
});

describe('firstUnsorted', () => {
	const table = (rows: Array<Array<string | number | null>>) => ({columns: ['Month', 'n'], rows});

	it('finds the first row out of order, comparing NULL < numbers < text, ties by the next key', () => {
		expect(firstUnsorted(table([[null, 1], [1, 1], ['a', 1]]), ['month'])).toBeUndefined();
		expect(firstUnsorted(table([['a', 1], [1, 1]]), ['month'])).toBe(1);
		expect(firstUnsorted(table([[1, 1], [null, 1]]), ['month'])).toBe(1);
		expect(firstUnsorted(table([['a', 2], ['a', 1]]), ['month', 'n'])).toBe(1);
		expect(firstUnsorted(table([['a', 2], ['b', 1]]), ['month', 'n'])).toBeUndefined();
		expect(firstUnsorted(table([['a', 1], ['a', 1], ['b', 0], ['a', 5]]), ['month'])).toBe(3);
		expect(firstUnsorted(table([[null, 2], [null, 1]]), ['month'])).toBeUndefined();
		expect(firstUnsorted(table([[2, 1], [1, 1]]), ['nothing', 'month'])).toBe(1);
	});
});
