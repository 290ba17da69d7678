/**
A hint is shown only when the failure matches the cause it names (issue 11):
"use 1.0 / n" is not shown for a double credit, "SELECT DISTINCT" not for a
missing row, and each hint still appears for its own failure (the known-wrong
answers in exercises.test.ts show that for every hint).
*/
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compareResults} from '../../src/grader/compare.js';
import {diffKinds, violationKinds} from '../../src/grader/failure-kinds.js';
import {gradeAnswer, Sandbox} from '../../src/grader/index.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {ExerciseSchema} from '../../src/scenarios/exercise-schema.js';

const {exercises} = loadCatalogue();
const exercise = (id: string) => exercises.find((candidate) => candidate.id === id)!;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = new Sandbox();
	await sandbox.warm();
});
afterAll(() => sandbox.close());

const graded = async (id: string, find: string, replace: string, check: string) => {
	const solution = exercise(id).solution;
	expect(solution.split(find)).toHaveLength(2);
	const report = await gradeAnswer(exercise(id), solution.replace(find, replace), {sandbox});
	return report.checks.find((candidate) => candidate.id === check)!;
};

describe('hints shown only for the failure they explain', () => {
	it('a double credit fails credit-sums-to-one without the "use 1.0 / n" hint', async () => {
		const credit = await graded('marketing-attribution', "'linear', channel, 1.0 / touches", "'linear', channel, 2.0 / touches", 'credit-sums-to-one');
		expect(credit.passed).toBe(false);
		expect(credit.message).toMatch(/total_credit 2/);
		expect(credit.message).not.toMatch(/Hint/);
	});

	it('credit lost to integer division gets the "use 1.0 / n" hint', async () => {
		const credit = await graded('marketing-attribution', "'linear', channel, 1.0 / touches", "'linear', channel, 1 / touches", 'credit-sums-to-one');
		expect(credit.passed).toBe(false);
		expect(credit.message).toMatch(/Hint: use 1\.0 \/ n/);
	});

	it('a missing settlement fails each-settlement-once without the SELECT DISTINCT hint', async () => {
		const once = await graded(
			'payment-reconciliation',
			'FULL OUTER JOIN psp AS p ON p.order_id = a.order_id;',
			'FULL OUTER JOIN psp AS p ON p.order_id = a.order_id\nWHERE p.psp_ref IS NULL OR p.psp_ref <> (SELECT MIN(psp_ref) FROM psp_settlements);',
			'each-settlement-once',
		);
		expect(once.passed).toBe(false);
		expect(once.message).toMatch(/rows_in_result 0/);
		expect(once.message).not.toMatch(/DISTINCT/);
		// The grader's own classification column is not quoted as if it were the answer's.
		expect(once.message).not.toMatch(/failure '/);
	});

	it('a settlement joined twice gets the SELECT DISTINCT hint', async () => {
		const once = await graded('payment-reconciliation', 'SELECT DISTINCT psp_ref, order_id', 'SELECT psp_ref, order_id', 'each-settlement-once');
		expect(once.passed).toBe(false);
		expect(once.message).toMatch(/Hint: deduplicate the settlements \(SELECT DISTINCT\)/);
	});
});

describe('violationKinds', () => {
	it('reads each row\'s failure column, case-insensitively, and calls a row without one a violation', () => {
		expect([...violationKinds('sql', {columns: ['id', 'FAILURE'], rows: [['a', 'duplicates'], ['b', 'missing_rows']]})].sort()).toEqual(['duplicates', 'missing_rows']);
		expect([...violationKinds('sql', {columns: ['id', 'failure'], rows: [['a', 'not-a-kind'], ['b', null]]})]).toEqual(['violations']);
		expect([...violationKinds('sql', {columns: ['id'], rows: [['a']]})]).toEqual(['violations']);
		expect([...violationKinds('not_null', {columns: ['failure'], rows: [['full_scan']]})]).toEqual(['violations']);
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
