/** The failure kinds a hint can be scoped to (src/grader/failure-kinds.ts) and the schema's hint_when rules, in-process. */
import {describe, expect, it} from 'vitest';
import {compareResults} from '../../src/grader/compare.js';
import {diffKinds, violationKinds} from '../../src/grader/failure-kinds.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {ExerciseSchema} from '../../src/scenarios/exercise-schema.js';

const {exercises} = loadCatalogue();
const exercise = (id: string) => exercises.find((candidate) => candidate.id === id)!;

describe('violationKinds', () => {
	it('reads each row\'s failure column, case-insensitively, and calls a row without one a violation', () => {
		expect([...violationKinds('sql', {columns: ['id', 'FAILURE'], rows: [['a', 'duplicates'], ['b', 'missing_rows']]})].sort()).toEqual(['duplicates', 'missing_rows']);
		expect([...violationKinds('sql', {columns: ['id', 'failure'], rows: [['a', 'not-a-kind'], ['b', null]]})]).toEqual(['violations']);
		expect([...violationKinds('sql', {columns: ['id'], rows: [['a']]})]).toEqual(['violations']);
		expect([...violationKinds('not_null', {columns: ['failure'], rows: [['full_scan']]})]).toEqual(['violations']);
	});

	it('reads the failure column wherever it stands, first included, and knows every kind a row may name', () => {
		expect([...violationKinds('sql', {columns: ['failure', 'id'], rows: [['extra_rows', 'a']]})]).toEqual(['extra_rows']);
		const named = {columns: ['id', 'failure'], rows: [['a', 'missing_rows'], ['b', 'extra_rows'], ['c', 'wrong_values'], ['d', 'duplicates'], ['e', 'violations']]};
		expect([...violationKinds('sql', named)].sort()).toEqual(['duplicates', 'extra_rows', 'missing_rows', 'violations', 'wrong_values']);
	});

	it('calls every grain violation a duplicate', () => {
		expect([...violationKinds('grain', {columns: ['id'], rows: [['a']]})]).toEqual(['duplicates']);
	});
});

describe('diffKinds', () => {
	const want = {columns: ['id', 'v'], rows: [['a', 1], ['b', 2], ['c', 3]]};
	const kinds = (rows: Array<[string, number]>, grain = ['id']) => {
		const got = {columns: ['ID', 'v'], rows};
		return [...diffKinds(want, got, compareResults(want, got), grain)].sort();
	};

	it('tells a missing row, an extra row, a wrong value and a duplicate apart by the grain', () => {
		expect(kinds([['a', 1], ['b', 2]])).toEqual(['missing_rows']);
		expect(kinds([['a', 1], ['b', 2], ['c', 3], ['d', 4]])).toEqual(['extra_rows']);
		expect(kinds([['a', 1], ['b', 2], ['c', 30]])).toEqual(['wrong_values']);
		expect(kinds([['a', 1], ['b', 2], ['c', 3], ['c', 3]])).toEqual(['duplicates']);
		expect(kinds([['a', 1], ['b', 2], ['b', 2]])).toEqual(['duplicates', 'missing_rows']);
		// One row with a wrong value beside one extra row: both kinds, not only the extra.
		expect(kinds([['a', 1], ['b', 2], ['c', 30], ['d', 4]])).toEqual(['extra_rows', 'wrong_values']);
	});

	it('says nothing of an equal result or of one with the wrong columns', () => {
		expect(kinds([['a', 1], ['b', 2], ['c', 3]])).toEqual([]);
		const got = {columns: ['id'], rows: [['a']]};
		expect([...diffKinds(want, got, compareResults(want, got), ['id'])]).toEqual([]);
	});

	it('without the grain in both tables, tells only missing from unexpected rows', () => {
		expect(kinds([['a', 1], ['b', 2], ['c', 30]], ['name'])).toEqual(['extra_rows', 'missing_rows']);
		expect(kinds([['a', 1], ['b', 2]], [])).toEqual(['missing_rows']);
		expect(kinds([['a', 1], ['b', 2], ['c', 3], ['c', 3]], [])).toEqual(['extra_rows']);
	});

	it('reads the grain of the shown rows in any case and at any position: a missing row and another extra one are no wrong value', () => {
		const upper = {columns: ['V', 'ID'], rows: [[1, 'a'], [2, 'b'], [3, 'c']]};
		const got = {columns: ['V', 'ID'], rows: [[1, 'a'], [2, 'b'], [3, 'd']]};
		expect([...diffKinds(upper, got, compareResults(upper, got), ['id'])].sort()).toEqual(['extra_rows', 'missing_rows']);
	});

	it('without every column of a composite grain, tells only missing from unexpected rows', () => {
		expect(kinds([['a', 1], ['b', 2], ['c', 30]], ['id', 'name'])).toEqual(['extra_rows', 'missing_rows']);
	});

	it('matches numeric keys as numbers (1 and 1.0 are one key)', () => {
		const numbers = {columns: ['k', 'v'], rows: [[1, 'x'], [2, 'y']]};
		const got = {columns: ['k', 'v'], rows: [[1.0000000000001, 'x'], [2, 'z']]};
		expect([...diffKinds(numbers, got, compareResults(numbers, got), ['k'])]).toEqual(['wrong_values']);
	});
});

describe('hint_when in the exercise schema', () => {
	const base = exercise('payment-reconciliation');
	const withCheck = (patch: Record<string, unknown>) => {
		const checks = base.checks.map((check) => (check.id === 'each-settlement-once' ? {...check, ...patch} : check));
		const parsed = ExerciseSchema.safeParse({...base, checks});
		return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
	};

	it('requires a hint to say which failures it explains', () => {
		expect(withCheck({hint_when: undefined})).toEqual([expect.stringMatching(/^checks\.\d+\.hint: a hint needs hint_when: the kinds of failure it explains \(for sql: missing_rows, extra_rows, wrong_values, duplicates, violations\)$/)]);
	});

	it('refuses a kind the check type never shows, and hint_when without a hint', () => {
		expect(withCheck({hint_when: ['full_scan']})).toEqual([expect.stringMatching(/hint_when\.0: a sql check never fails with full_scan; expected one of missing_rows/)]);
		expect(withCheck({hint: undefined})).toEqual([expect.stringMatching(/hint_when: hint_when scopes a hint; this check has none/)]);
	});
});
