/**
Compares a result with the expected one the way careful SQL judges do: rows as
a bag, column names matched case-insensitively and in any order, numbers equal
within a tolerance (1 equals 1.0), NULL equal to NULL. Feedback comes in steps,
the first that fails: columns → row count → up to 10 missing and 10 unexpected
rows. Order is a check of its own (`firstUnsorted`), made only when the task
asks for one.
*/
import type {Value} from './protocol.js';

/** A result set: column names and rows in column order. */
export type ResultTable = {
	readonly columns: readonly string[];
	readonly rows: ReadonlyArray<readonly Value[]>;
};

/** A row shown to the candidate: column → value. */
export type ShownRow = Record<string, Value>;

/** How to compare. */
export type CompareOptions = {
	/**
	Absolute tolerance for numbers, scaled up for large magnitudes.

	@default 1e-6
	*/
	readonly tolerance?: number;
	/** Columns the actual result may have beyond the expected ones (tables may carry extra columns; a query result may not). */
	readonly allowExtraColumns?: boolean;
};

/** The outcome: equal, or the first step that failed with what to show. */
export type Comparison =
	| {readonly equal: true}
	| {
			readonly equal: false;
			readonly step: 'columns' | 'row_count' | 'rows';
			readonly message: string;
			readonly missing: readonly ShownRow[];
			readonly unexpected: readonly ShownRow[];
			readonly missingCount: number;
			readonly unexpectedCount: number;
	  };

const defaultTolerance = 1e-6;

/** True when two values are equal under the comparison rules. */
function sameValue(a: Value, b: Value, tolerance = defaultTolerance): boolean {
	if (a === null || b === null) return a === b;
	if (typeof a === 'number' && typeof b === 'number') {
		// Infinity (SQLite's 9e999) would be within any tolerance scaled by itself: only an equal infinity matches it.
		if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
		return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
	}
	return a === b;
}

/** A hash key that equal values share, except numbers near a rounding boundary (caught by the tolerant pass). */
function valueKey(value: Value, tolerance: number): string {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return `n${value}`;
		// A grid step shared by all values of one binary magnitude, so near-equal values share a key (a step scaled by the value itself would not).
		const scale = tolerance * 2 ** Math.ceil(Math.log2(Math.max(1, Math.abs(value))));
		return `n${Math.round(value / scale)}:${scale}`;
	}
	return value === null ? 'null' : `s${value}`;
}

/** Renders a value for a message: text quoted, numbers bare, NULL as NULL. */
export function showValue(value: Value): string {
	if (value === null) return 'NULL';
	return typeof value === 'string' ? `'${value}'` : String(value);
}

/** Orders values as SQLite does: NULL, then numbers, then text. */
function compareValues(a: Value, b: Value): number {
	const rank = (value: Value) => (value === null ? 0 : typeof value === 'number' ? 1 : 2);
	if (rank(a) !== rank(b)) return rank(a) - rank(b);
	if (a === null || b === null) return 0;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows shown per list of missing or unexpected rows, here and in the checks' messages. */
export const maxShown = 10;

/** "1 row", "2 rows": a count with its noun, for messages. */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Characters of one text value shown in a report; the rest is cut, so a report stays small whatever an answer returns. */
export const maxValueChars = 200;

/** A value as a report shows it: text longer than `maxValueChars` is cut, saying how long it was. */
export function boundValue(value: Value): Value {
	if (typeof value !== 'string' || value.length <= maxValueChars) return value;
	return `${value.slice(0, maxValueChars)}… (${value.length} characters)`;
}

/** Turns rows into objects keyed by column name, for display, with long text values cut (`boundValue`). */
export function showRows(columns: readonly string[], rows: ReadonlyArray<readonly Value[]>): ShownRow[] {
	return rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, boundValue(row[i] ?? null)])));
}

/**
The index of the first row that sorts before the row above it by `orderBy`
(column names, case-insensitive; ties in any order), or undefined when the
rows are in order. Columns the table lacks are ignored.
*/
export function firstUnsorted(table: ResultTable, orderBy: readonly string[]): number | undefined {
	const keys = orderBy.map((column) => table.columns.findIndex((name) => name.toLowerCase() === column.toLowerCase())).filter((k) => k >= 0);
	for (let i = 1; i < table.rows.length; i++) {
		for (const k of keys) {
			const cmp = compareValues(table.rows[i - 1]![k] ?? null, table.rows[i]![k] ?? null);
			if (cmp < 0) break;
			if (cmp > 0) return i;
		}
	}
	return undefined;
}

/** Compares `actual` with `expected`; see the module comment for the rules. */
export function compareResults(expected: ResultTable, actual: ResultTable, options: CompareOptions = {}): Comparison {
	const tolerance = options.tolerance ?? defaultTolerance;
	const fail = (step: 'columns' | 'row_count' | 'rows', message: string, missing: ShownRow[] = [], unexpected: ShownRow[] = [], counts = {missing: 0, unexpected: 0}): Comparison => ({
		equal: false,
		step,
		message,
		missing,
		unexpected,
		missingCount: counts.missing,
		unexpectedCount: counts.unexpected,
	});

	// Step 1: columns, by name, case-insensitively, in any order.
	const actualIndex = new Map<string, number>();
	for (const [i, column] of actual.columns.entries()) {
		const key = column.toLowerCase();
		if (actualIndex.has(key)) return fail('columns', `the result has two columns named ${column}; give every column its own name`);
		actualIndex.set(key, i);
	}
	const missingColumns = expected.columns.filter((column) => !actualIndex.has(column.toLowerCase()));
	const expectedNames = new Set(expected.columns.map((column) => column.toLowerCase()));
	const extraColumns = actual.columns.filter((column) => !expectedNames.has(column.toLowerCase()));
	if (missingColumns.length > 0 || (extraColumns.length > 0 && !options.allowExtraColumns)) {
		const parts = [];
		if (missingColumns.length > 0) parts.push(`missing ${missingColumns.length === 1 ? 'column' : 'columns'} ${missingColumns.join(', ')}`);
		if (extraColumns.length > 0 && !options.allowExtraColumns) parts.push(`unexpected ${extraColumns.length === 1 ? 'column' : 'columns'} ${extraColumns.join(', ')}`);
		return fail('columns', `${parts.join('; ')} (expected ${expected.columns.join(', ')}; got ${actual.columns.join(', ') || 'none'})`);
	}
	const order = expected.columns.map((column) => actualIndex.get(column.toLowerCase())!);
	const actualRows = actual.rows.map((row) => order.map((i) => row[i] ?? null));

	// Step 2 and 3: the rows as a bag; first by hash, then a tolerant pass over what is left.
	const rowKey = (row: readonly Value[]) => row.map((value) => valueKey(value, tolerance)).join('\u0000');
	const pool = new Map<string, number[]>();
	for (const [i, row] of expected.rows.entries()) {
		const key = rowKey(row);
		const list = pool.get(key);
		if (list) list.push(i);
		else pool.set(key, [i]);
	}
	const unexpectedIdx: number[] = [];
	for (const [i, row] of actualRows.entries()) {
		const list = pool.get(rowKey(row));
		if (list && list.length > 0) list.pop();
		else unexpectedIdx.push(i);
	}
	let missingIdx = [...pool.values()].flat().sort((a, b) => a - b);
	if (missingIdx.length > 0 && unexpectedIdx.length > 0 && missingIdx.length * unexpectedIdx.length <= 4_000_000) {
		const stillUnexpected: number[] = [];
		const open = new Set(missingIdx);
		for (const i of unexpectedIdx) {
			const match = [...open].find((m) => expected.rows[m]!.every((value, c) => sameValue(value, actualRows[i]![c]!, tolerance)));
			if (match === undefined) stillUnexpected.push(i);
			else open.delete(match);
		}
		unexpectedIdx.splice(0, unexpectedIdx.length, ...stillUnexpected);
		missingIdx = [...open].sort((a, b) => a - b);
	}
	if (missingIdx.length > 0 || unexpectedIdx.length > 0) {
		const missing = showRows(expected.columns, missingIdx.slice(0, maxShown).map((i) => expected.rows[i]!));
		const unexpected = showRows(expected.columns, unexpectedIdx.slice(0, maxShown).map((i) => actualRows[i]!));
		const counts = {missing: missingIdx.length, unexpected: unexpectedIdx.length};
		const diff = `${plural(missingIdx.length, 'missing row')}, ${plural(unexpectedIdx.length, 'unexpected row')}`;
		if (expected.rows.length !== actualRows.length) {
			return fail('row_count', `expected ${plural(expected.rows.length, 'row')}, got ${actualRows.length} (${diff})`, missing, unexpected, counts);
		}
		return fail('rows', `same row count (${expected.rows.length}) but different rows: ${diff}`, missing, unexpected, counts);
	}

	return {equal: true};
}
