/**
The staging guard (src/grader/staging-guard.ts) through runJob, in this
process: an answer may read and index the staging tables, and change the rows
of one that is also an output table, but any other change to them, however
small, is refused with a message naming the table and what was done.
*/
import {describe, expect, it} from 'vitest';
import {maxPages} from '../../src/grader/jobs.js';
import type {StagingRules} from '../../src/grader/protocol.js';
import {runJob} from '../../src/grader/run-job.js';

/** Values of every storage class, some that print alike in JSON or in JavaScript numbers. */
const setup = `CREATE TABLE src (id INTEGER, v);
INSERT INTO src VALUES (1, 1), (2, 0.0), (3, 'x'), (4, NULL), (5, 9007199254740993), (6, x'ff'), (7, '1'), (9, '120');
CREATE TABLE Other (id INTEGER);`;

/** Plays `statements` as the answer's load section after a batch, with src guarded (frozen unless `frozenRows` says otherwise). */
function play(statements: string[], rules: StagingRules = {tables: ['src'], frozenRows: ['src']}) {
	return runJob({
		maxRows: 100,
		maxPages,
		staging: rules,
		steps: [
			{kind: 'exec', label: 'setup', sql: setup},
			{kind: 'load', batch: 'b1', clear: [], tables: {src: [[8, 'loaded']]}},
			{kind: 'answer', section: 'load', batch: 'b1', statements: statements.map((sql, position) => ({sql, line: position + 1, index: position + 1}))},
		],
	});
}

const changedRows = /^it changed the rows of the staging table src \(copy them into a table of your own to change them\); staging tables belong to the harness/;

describe('the staging guard', () => {
	it('lets an answer read and index the staging tables, and write its own', () => {
		const result = play(['CREATE INDEX by_v ON src (v)', 'CREATE TABLE mine AS SELECT * FROM src', 'UPDATE mine SET v = 2', 'CREATE TRIGGER t AFTER INSERT ON mine BEGIN SELECT 1; END', 'CREATE TEMP TABLE scratch AS SELECT 1']);
		expect(result.failure).toBeUndefined();
	});

	it('sees a value change its storage class even where it prints alike: 1 to 1.0, 0.0 to -0.0 or text 0, text to blob, NULL to text, and integers past 2^53', () => {
		for (const sql of [
			'UPDATE src SET v = 1.0 WHERE id = 1',
			'UPDATE src SET v = -0.0 WHERE id = 2',
			"UPDATE src SET v = CAST('x' AS BLOB) WHERE id = 3",
			"UPDATE src SET v = 'null' WHERE id = 4",
			"UPDATE src SET v = 'n' WHERE id = 4",
			'UPDATE src SET v = 9007199254740992 WHERE id = 5',
			"UPDATE src SET v = x'fe' WHERE id = 6",
			'UPDATE src SET v = 1 WHERE id = 7',
			"UPDATE src SET v = 'loaded!' WHERE id = 8",
			"UPDATE src SET v = '0' WHERE id = 2",
			"UPDATE src SET v = x'78' WHERE id = 9",
		]) {
			const result = play([sql]);
			expect(result.failure, sql).toMatchObject({kind: 'refused', section: 'load', batch: 'b1', statement: {index: 1, line: 1}});
			expect(result.failure?.message, sql).toMatch(changedRows);
		}
	});

	it('lets the rows of a staging table that is also an output table change', () => {
		expect(play(['DELETE FROM src WHERE id = 1'], {tables: ['src'], frozenRows: []}).failure).toBeUndefined();
	});

	it('names a dropped, renamed or altered staging table', () => {
		expect(play(['DROP TABLE src']).failure?.message).toMatch(/^it dropped or renamed the staging table src;/);
		expect(play(['ALTER TABLE src RENAME TO gone']).failure?.message).toMatch(/^it dropped or renamed the staging table src;/);
		expect(play(['ALTER TABLE src ADD COLUMN w']).failure?.message).toMatch(/^it altered the staging table src;/);
	});

	it('names a trigger put on a staging table, in any case and in either schema, by the name the harness gave the table', () => {
		expect(play(['CREATE TRIGGER t1 AFTER INSERT ON SRC BEGIN SELECT 1; END']).failure?.message).toMatch(/^it put the trigger t1 on the staging table src;/);
		expect(play(['CREATE TEMP TRIGGER t2 AFTER DELETE ON main.Src BEGIN SELECT 1; END']).failure?.message).toMatch(/^it put the trigger t2 on the staging table src;/);
		expect(play(['CREATE TRIGGER t3 AFTER INSERT ON other BEGIN SELECT 1; END'], {tables: ['src', 'Other'], frozenRows: ['src']}).failure?.message).toMatch(/^it put the trigger t3 on the staging table Other;/);
	});

	it('names a temp table or view that hides a staging table, in any case', () => {
		expect(play(['CREATE TEMP VIEW SRC AS SELECT 1']).failure?.message).toMatch(/^it created a temp view named SRC, which hides the staging table of that name;/);
		expect(play(['CREATE TEMP TABLE src AS SELECT 1']).failure?.message).toMatch(/^it created a temp table named src, which hides the staging table of that name;/);
	});

	it('does not check the staging tables when the job names none', () => {
		const result = runJob({maxRows: 10, maxPages, steps: [{kind: 'exec', label: 'setup', sql: setup}, {kind: 'answer', section: 'load', statements: [{sql: 'DROP TABLE src', line: 1, index: 1}]}]});
		expect(result.failure).toBeUndefined();
	});
});
