/**
A hint is shown only when the failure matches the cause it names (issue 11):
"use 1.0 / n" is not shown for a double credit, "SELECT DISTINCT" not for a
missing row, and each hint still appears for its own failure (the known-wrong
answers in exercises.test.ts show that for every hint).
*/
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {gradeAnswer} from '../../src/grader/index.js';
import {gradingSandbox, type GradingSandbox} from '../helpers/grading-sandbox.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';

const {exercises} = loadCatalogue();
const exercise = (id: string) => exercises.find((candidate) => candidate.id === id)!;
let sandbox: GradingSandbox;

beforeAll(async () => {
	sandbox = gradingSandbox();
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

