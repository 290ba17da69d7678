import {describe, expect, it} from 'vitest';
import {compareResults, firstUnsorted} from '../../src/grader/compare.js';

const expected = {
	columns: ['month', 'plan', 'mrr'],
	rows: [
		['2024-01', 'basic', 1000],
		['2024-01', 'pro', 3000],
		['2024-02', 'basic', null],
	],
};

describe('compareResults', () => {
	it('ignores row order and column order, and matches column names case-insensitively', () => {
		const actual = {columns: ['MRR', 'Plan', 'MONTH'], rows: [[null, 'basic', '2024-02'], [3000, 'pro', '2024-01'], [1000, 'basic', '2024-01']]};
		expect(compareResults(expected, actual)).toEqual({equal: true});
	});

	it('treats 1 and 1.0 as equal, allows a small numeric tolerance, and treats NULL as equal to NULL', () => {
		const nearly = {columns: expected.columns, rows: [['2024-01', 'basic', 1000.0000000001], ['2024-01', 'pro', 3000.0], ['2024-02', 'basic', null]]};
		expect(compareResults(expected, nearly)).toEqual({equal: true});
		const thirds = {columns: ['x'], rows: [[1 / 3]]};
		expect(compareResults(thirds, {columns: ['x'], rows: [[0.3333333333]]})).toEqual({equal: true});
		expect(compareResults(thirds, {columns: ['x'], rows: [[0.33]]}).equal).toBe(false);
	});

	it("tells NULL from '' (COALESCE(x, '') must not pass a reference check), and 'null' text from NULL", () => {
		expect(compareResults({columns: ['x'], rows: [[null]]}, {columns: ['x'], rows: [['']]}).equal).toBe(false);
		expect(compareResults({columns: ['x'], rows: [['']]}, {columns: ['x'], rows: [[null]]}).equal).toBe(false);
		expect(compareResults({columns: ['x'], rows: [[null]]}, {columns: ['x'], rows: [['null']]}).equal).toBe(false);
	});

	it('keeps the tolerance at 1e-6: 0.3333 is not 1/3, 0.333333 is not either, 0.3333333 is', () => {
		const third = {columns: ['x'], rows: [[1 / 3]]};
		expect(compareResults(third, {columns: ['x'], rows: [[0.3333]]}).equal).toBe(false);
		expect(compareResults(third, {columns: ['x'], rows: [[0.33333]]}).equal).toBe(false);
		expect(compareResults(third, {columns: ['x'], rows: [[0.3333333]]}).equal).toBe(true);
		// Scaled for large values: 1e9 and 1e9 + 1 are within 1e-6 relative, 1e9 + 10000 is not.
		expect(compareResults({columns: ['x'], rows: [[1e9]]}, {columns: ['x'], rows: [[1e9 + 1]]}).equal).toBe(true);
		expect(compareResults({columns: ['x'], rows: [[1e9]]}, {columns: ['x'], rows: [[1e9 + 10_000]]}).equal).toBe(false);
	});

	it('does not equate text with a number or NULL with 0', () => {
		const result = compareResults({columns: ['x'], rows: [[10], [null]]}, {columns: ['x'], rows: [['10'], [0]]});
		expect(result.equal).toBe(false);
		if (!result.equal) expect(result.step).toBe('rows');
	});

	it('stops at the columns step first, naming missing and unexpected columns', () => {
		const result = compareResults(expected, {columns: ['month', 'plan', 'revenue'], rows: []});
		expect(result).toMatchObject({equal: false, step: 'columns'});
		if (!result.equal) expect(result.message).toMatch(/missing column mrr; unexpected column revenue/);
	});

	it('allows extra columns when asked (tables may carry more than the contract)', () => {
		const actual = {columns: ['month', 'plan', 'mrr', 'loaded_at'], rows: expected.rows.map((row) => [...row, 'x'])};
		expect(compareResults(expected, actual, {allowExtraColumns: true})).toEqual({equal: true});
		expect(compareResults(expected, actual).equal).toBe(false);
	});

	it('reports a row-count difference with the missing and unexpected rows, duplicates included', () => {
		const actual = {columns: expected.columns, rows: [...expected.rows, ['2024-01', 'pro', 3000]]};
		const result = compareResults(expected, actual);
		expect(result).toMatchObject({equal: false, step: 'row_count', missingCount: 0, unexpectedCount: 1});
		if (!result.equal) {
			expect(result.message).toBe('expected 3 rows, got 4 (0 missing rows, 1 unexpected row)');
			expect(result.unexpected).toEqual([{month: '2024-01', plan: 'pro', mrr: 3000}]);
		}
	});

	it('reports different rows of the same count, showing at most 10 of each', () => {
		const many = (offset: number) => ({columns: ['n'], rows: Array.from({length: 25}, (_, i) => [i + offset])});
		const result = compareResults(many(0), many(100));
		expect(result).toMatchObject({equal: false, step: 'rows', missingCount: 25, unexpectedCount: 25});
		if (!result.equal) {
			expect(result.missing).toHaveLength(10);
			expect(result.unexpected).toHaveLength(10);
		}
	});

	it('ignores order; firstUnsorted finds the first row out of the declared order, ties in any order', () => {
		const reversed = {columns: expected.columns, rows: [...expected.rows].reverse()};
		expect(compareResults(expected, reversed)).toEqual({equal: true});
		expect(firstUnsorted(expected, ['month'])).toBeUndefined();
		expect(firstUnsorted(reversed, ['MONTH'])).toBe(1);
		const tiesSwapped = {columns: expected.columns, rows: [expected.rows[1]!, expected.rows[0]!, expected.rows[2]!]};
		expect(firstUnsorted(tiesSwapped, ['month'])).toBeUndefined();
		expect(firstUnsorted(tiesSwapped, ['month', 'plan'])).toBe(1);
		// NULL sorts first, then numbers (1 equals 1.0), then text, as in SQLite.
		expect(firstUnsorted({columns: ['x'], rows: [[null], [1], [1.0], [2], ['a']]}, ['x'])).toBeUndefined();
		expect(firstUnsorted({columns: ['x'], rows: [[1], [null]]}, ['x'])).toBe(1);
	});
});
