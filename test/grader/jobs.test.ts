/**
The jobs the grader sends to the sandbox (src/grader/jobs.ts), played in this
process: staging that replaces or accumulates, batches that include others,
the section and setup names a failure is reported under, not_null checks, and
the words for what the harness was reading when a run was stopped.
*/
import {describe, expect, it} from 'vitest';
import {parseAnswer} from '../../src/grader/answer.js';
import {batchRows, buildJob, describeLabel, labels, propertyQueries} from '../../src/grader/jobs.js';
import {runJob} from '../../src/grader/run-job.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import type {Check, Exercise} from '../../src/scenarios/exercise-schema.js';

const {exercises} = loadCatalogue();
const scd2 = exercises.find((candidate) => candidate.id === 'scd2-plan-price')!;

/** Plays run "visible" (batches b1 then b2, three rows each) of scd2 with `staging`, and counts the staging rows at the end. */
function stagingRowsAtEnd(staging: Exercise['staging']): unknown {
	const job = buildJob({...scd2, staging}, 'visible', parseAnswer(scd2.solution, 'pipeline'), 'candidate');
	const result = runJob({...job, steps: [...job.steps, {kind: 'query', label: 'count', sql: 'SELECT count(*) FROM src_plan_changes'}]});
	expect(result.failure).toBeUndefined();
	return result.results['count'];
}

describe('buildJob', () => {
	it('empties the staging tables before each batch in replace mode, and lets them accumulate in append mode', () => {
		expect(stagingRowsAtEnd('replace')).toMatchObject({rows: [[3]]});
		expect(stagingRowsAtEnd('append')).toMatchObject({rows: [[6]]});
	});

	it("reports a failing setup as the exercise's setup, and a failing answer statement by its section", () => {
		const broken = runJob(buildJob({...scd2, setup_sql: 'CREATE TABLE src_plan_changes (x); CREATE TABLE src_plan_changes (y);'}, 'visible', parseAnswer(scd2.solution, 'pipeline'), 'reference'));
		expect(broken.failure?.message).toBe("the exercise's setup SQL failed: table src_plan_changes already exists");
		const answer = parseAnswer('-- @schema\nCREATE TABLE dim_plan (plan_id TEXT);\nCREATE TABLE dim_plan (x);\n-- @load\nSELECT 1;', 'pipeline');
		expect(runJob(buildJob(scd2, 'visible', answer, 'candidate')).failure).toMatchObject({kind: 'sql', section: 'schema', statement: {index: 2, line: 3}});
	});

	it('names the run it does not know', () => {
		expect(() => buildJob(scd2, 'nope', parseAnswer(scd2.solution, 'pipeline'), 'candidate')).toThrow('no run nope in exercise scd2-plan-price');
	});

	it('reads a not_null check as the rows with a NULL in its columns', () => {
		// The current versions have valid_to NULL: a not_null check on it finds one row per plan.
		const notNull = {id: 'prices-set', title: 'every version has an end', type: 'not_null', table: 'dim_plan', columns: ['valid_to']} as unknown as Check;
		const exercise: Exercise = {...scd2, checks: [notNull]};
		const queries = propertyQueries(exercise, notNull);
		expect(Object.keys(queries)).toEqual(['dim_plan']);
		const result = runJob(buildJob(exercise, 'visible', parseAnswer(scd2.solution, 'pipeline'), 'candidate'));
		const read = result.results[labels.check('prices-set', 'dim_plan')];
		expect(read && 'rows' in read ? read.rows.length : read).toBe(3);
	});
});

describe('batchRows', () => {
	it("puts an included batch's rows first, and survives batches that include each other", () => {
		const looped: Exercise = {
			...scd2,
			batches: {
				a: {hidden: false, include: ['b'], tables: {src_plan_changes: [[1, 'a', 1, 'x', 0]]}},
				b: {hidden: false, include: ['a'], tables: {src_plan_changes: [[2, 'b', 1, 'x', 0]]}},
			},
		};
		expect(batchRows(looped, 'a')).toEqual({src_plan_changes: [[2, 'b', 1, 'x', 0], [1, 'a', 1, 'x', 0]]});
		expect(batchRows(looped, 'missing')).toEqual({});
	});
});

describe('describeLabel', () => {
	it('names what the harness was reading, for the message of a run stopped after the answer', () => {
		expect(describeLabel(labels.snapshot('dim_plan'))).toBe('dim_plan to compare it');
		expect(describeLabel(labels.check('one-row', 'dim_plan'))).toBe('dim_plan for the check one-row');
		expect(describeLabel(labels.check('custom', 'all'))).toBe('for the check custom');
		expect(describeLabel(labels.surrogateKeys('dim_plan', 2))).toBe('the surrogate keys of dim_plan');
		expect(describeLabel(labels.question('churn'))).toBe('the business question churn');
		expect(describeLabel(labels.columns)).toBe("the output tables' columns");
	});
});
