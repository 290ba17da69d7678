/**
What kind of failure a check's result shows (rows missing, rows extra, wrong
values, duplicates, …), so a hint is shown only when the failure matches the
cause it names (issue 11: "use 1.0 / n" was shown for a double credit, and
"SELECT DISTINCT" for a missing row). The kinds are FailureKindSchema's.
*/
import type {FailureKind} from '../scenarios/exercise-schema.js';
import type {Comparison, ResultTable} from './compare.js';
import type {Value} from './protocol.js';

/** The kinds a sql check's violating row may name in its `failure` column. */
const rowKinds: ReadonlySet<string> = new Set<FailureKind>(['missing_rows', 'extra_rows', 'wrong_values', 'duplicates', 'violations']);

/** The column in which a sql check's query names the kind of each violating row. */
export const failureColumn = 'failure';

/**
The kinds of a property check's violating rows: each row's `failure` column when
the query returns one and it names a kind, else `violations`. A grain check's
violations are duplicates by definition.
*/
export function violationKinds(checkType: string, table: ResultTable): Set<FailureKind> {
	if (checkType === 'grain') return new Set(['duplicates']);
	const at = table.columns.findIndex((column) => column.toLowerCase() === failureColumn);
	const kinds = new Set<FailureKind>();
	for (const row of table.rows) {
		const named = at >= 0 ? row[at] : undefined;
		kinds.add(typeof named === 'string' && rowKinds.has(named) ? (named as FailureKind) : 'violations');
	}
	return kinds;
}

/**
The kinds a failed comparison of `actual` with `expected` shows, read by the
grain (the columns that identify a row, matched case-insensitively):
missing_rows when a key of `expected` is absent or rarer in `actual`,
extra_rows when `actual` has a key `expected` lacks, duplicates when a key
comes more often in `actual` than in `expected` and more than once, and
wrong_values when a key is both among the missing and the unexpected rows (a
row that is there with other values). Without the grain in both tables, rows
are told apart only as missing or unexpected.
*/
export function diffKinds(expected: ResultTable, actual: ResultTable, comparison: Comparison, grain: readonly string[]): Set<FailureKind> {
	const kinds = new Set<FailureKind>();
	if (comparison.equal || comparison.step === 'columns') return kinds;
	const keyOf = keyReader(grain);
	const wantKey = keyOf(expected.columns);
	const gotKey = keyOf(actual.columns);
	const shownKey = keyOf(grain);
	if (!wantKey || !gotKey || !shownKey) {
		if (comparison.missingCount > 0) kinds.add('missing_rows');
		if (comparison.unexpectedCount > 0) kinds.add('extra_rows');
		return kinds;
	}
	const want = countKeys(expected.rows, wantKey);
	const got = countKeys(actual.rows, gotKey);
	for (const [key, count] of want) if ((got.get(key) ?? 0) < count) kinds.add('missing_rows');
	for (const [key, count] of got) {
		const wanted = want.get(key) ?? 0;
		if (wanted === 0) kinds.add('extra_rows');
		else if (count > wanted) kinds.add('duplicates');
	}
	const rowKey = (row: Record<string, Value>) => shownKey(grain.map((column) => row[Object.keys(row).find((name) => name.toLowerCase() === column.toLowerCase()) ?? column] ?? null));
	const missing = new Set(comparison.missing.map((row) => rowKey(row)));
	if (comparison.unexpected.some((row) => missing.has(rowKey(row)))) kinds.add('wrong_values');
	return kinds;
}

/** Reads a row's grain as one key; undefined when a grain column is absent from the columns. */
function keyReader(grain: readonly string[]): (columns: readonly string[]) => ((row: readonly Value[]) => string) | undefined {
	return (columns) => {
		if (grain.length === 0) return undefined;
		const at = grain.map((column) => columns.findIndex((name) => name.toLowerCase() === column.toLowerCase()));
		if (at.some((index) => index < 0)) return undefined;
		return (row) => JSON.stringify(at.map((index) => normalize(row[index] ?? null)));
	};
}

/** A key value as compared: numbers as numbers (1 and 1.0 are one key), text as text. */
function normalize(value: Value): Value {
	return typeof value === 'number' ? Number(value.toPrecision(12)) : value;
}

function countKeys(rows: ReadonlyArray<readonly Value[]>, key: (row: readonly Value[]) => string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const row of rows) {
		const k = key(row);
		counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	return counts;
}
