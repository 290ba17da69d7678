/**
The sandbox's job runner (run-job.ts), played in this process: what it tells
the parent while it plays (so a time-out names the statement that was
running), and the bounds that keep an answer from running on inside SQLite.
*/
import {describe, expect, it} from 'vitest';
import {gradeAnswer} from '../../src/grader/index.js';
import {maxPages} from '../../src/grader/jobs.js';
import type {ChildMessage, RunJob} from '../../src/grader/protocol.js';
import {runJob} from '../../src/grader/run-job.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {gradingSandbox} from '../helpers/grading-sandbox.js';

const {exercises} = loadCatalogue();
const attribution = exercises.find((candidate) => candidate.id === 'marketing-attribution')!;

/** A job of answer statements (load section, batch b1), then one harness read. */
function job(statements: string[], options: Partial<RunJob> = {}): RunJob {
	return {
		maxRows: 1000,
		maxPages,
		...options,
		steps: [
			{kind: 'answer', section: 'load', batch: 'b1', statements: statements.map((sql, position) => ({sql, line: position + 1, index: position + 1}))},
			{kind: 'query', label: 'snap:t', sql: 'SELECT 1 AS one'},
		],
	};
}

describe('runJob', () => {
	it('tells the parent each answer statement before it runs, then each harness read, so a time-out names what was running', () => {
		const heard: ChildMessage[] = [];
		const result = runJob(job(['CREATE TABLE t (x)', 'INSERT INTO t VALUES (1)']), (message) => heard.push(message));
		expect(result.failure).toBeUndefined();
		expect(heard).toEqual([
			{type: 'progress', section: 'load', batch: 'b1', statement: {sql: 'CREATE TABLE t (x)', line: 1, index: 1}},
			{type: 'progress', section: 'load', batch: 'b1', statement: {sql: 'INSERT INTO t VALUES (1)', line: 2, index: 2}},
			{type: 'reading', label: 'snap:t'},
		]);
	});

	it('reads blobs back as x\'…\' hex text, so a blob key prints and compares as its bytes', () => {
		const result = runJob({maxRows: 10, maxPages, steps: [{kind: 'query', label: 'q', sql: "SELECT x'00ff10' AS b, 7 AS n, NULL AS z"}]});
		expect(result.results['q']).toEqual({columns: ['b', 'n', 'z'], rows: [["x'00ff10'", 7, null]], truncated: false});
	});

	it('cuts a harness read off at the row cap and says it did', () => {
		const result = runJob({maxRows: 3, maxPages, steps: [{kind: 'query', label: 'q', sql: 'SELECT value FROM json_each(\'[1,2,3,4,5]\')'}]});
		expect(result.results['q']).toEqual({columns: ['value'], rows: [[1], [2], [3]], truncated: true});
		const exact = runJob({maxRows: 5, maxPages, steps: [{kind: 'query', label: 'q', sql: 'SELECT value FROM json_each(\'[1,2,3,4,5]\')'}]});
		expect(exact.results['q']).toMatchObject({truncated: false});
	});

	it('returns a harness read that fails as its error, and plays on', () => {
		const result = runJob({maxRows: 10, maxPages, steps: [{kind: 'query', label: 'bad', sql: 'SELECT * FROM nowhere'}, {kind: 'query', label: 'good', sql: 'SELECT 1 AS one'}]});
		expect(result.failure).toBeUndefined();
		expect(result.results['bad']).toEqual({error: 'no such table: nowhere'});
		expect(result.results['good']).toMatchObject({rows: [[1]]});
	});

	it("stops at the exercise's own setup SQL when it fails, saying so", () => {
		const result = runJob({maxRows: 10, maxPages, steps: [{kind: 'exec', label: 'setup', sql: 'CREATE TABLE t (x); CREATE TABLE t (y)'}, {kind: 'query', label: 'q', sql: 'SELECT 1'}]});
		expect(result.failure).toEqual({kind: 'staging', message: "the exercise's setup SQL failed: table t already exists"});
		expect(result.results).toEqual({});
	});

	it('loads booleans as 1 and 0, skips a table with no rows, and empties the cleared tables first', () => {
		const result = runJob({
			maxRows: 10,
			maxPages,
			steps: [
				{kind: 'exec', label: 'setup', sql: "CREATE TABLE src (id INTEGER, flag INTEGER); CREATE TABLE other (x); INSERT INTO src VALUES (0, 'old')"},
				{kind: 'load', batch: 'b1', clear: ['src'], tables: {src: [[1, true], [2, false]], other: []}},
				{kind: 'query', label: 'src', sql: 'SELECT id, flag, typeof(flag) AS type FROM src ORDER BY id'},
			],
		});
		expect(result.failure).toBeUndefined();
		expect(result.results['src']).toMatchObject({rows: [[1, 1, 'integer'], [2, 0, 'integer']]});
	});

	it('names the batch and the staging table it could not load or empty', () => {
		const load = (clear: string[], tables: Record<string, Array<Array<string | number>>>) =>
			runJob({maxRows: 10, maxPages, steps: [{kind: 'exec', label: 'setup', sql: 'CREATE TABLE src (id INTEGER)'}, {kind: 'load', batch: 'b2', clear, tables}]}).failure;
		expect(load([], {src: [[1]], gone: [[1]]})).toEqual({
			kind: 'staging',
			batch: 'b2',
			message: 'could not load batch "b2" into the staging table gone: no such table: gone (staging tables belong to the harness; an answer may read them but not drop, rename or constrain them)',
		});
		expect(load(['missing'], {src: [[1]]})?.message).toMatch(/^could not load batch "b2" into the staging table missing: no such table: missing/);
	});

	it('refuses a captured result whose last statement returns no rows, or has two columns of one name', () => {
		const capture = (sql: string) =>
			runJob({maxRows: 10, maxPages, steps: [{kind: 'answer', section: 'load', statements: [{sql, line: 3, index: 1}], capture: {table: 'out', label: 'capture'}}]}).failure;
		expect(capture('CREATE TABLE t (x)')).toEqual({kind: 'sql', message: 'the last statement must return rows (the result that is graded)', section: 'load', statement: {sql: 'CREATE TABLE t (x)', line: 3, index: 1}});
		expect(capture('SELECT 1 AS a, 2 AS A')).toMatchObject({kind: 'sql', message: 'the result has two columns named "A"; give every column its own name'});
	});

	it('plays EXPLAIN and allowed PRAGMA statements as they are (EXPLAIN cannot be nested inside the opcode screen)', () => {
		const result = runJob(job(['CREATE TABLE t (x)', 'EXPLAIN QUERY PLAN SELECT * FROM t', 'explain SELECT 1', 'PRAGMA table_info(t)']));
		expect(result.failure).toBeUndefined();
	});

	it('caps temp tables at the page cap too', () => {
		const result = runJob(job(['CREATE TEMP TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 50000) SELECT randomblob(1000) AS b FROM c'], {maxPages: 2000}));
		expect(result.failure).toMatchObject({kind: 'too_big', message: 'the database reached its size cap (8 MB); the task needs far less data', statement: {index: 1}});
	});

	it('steps through a read in the load section that never ends only up to the row cap, keeping none of it', async () => {
		// Without the cap an endless read that nobody reads runs until the time limit kills it.
		const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c';
		const result = runJob(job([endless, 'CREATE TABLE t AS SELECT 1 AS x']));
		expect(result.failure).toBeUndefined();
		const sandbox = gradingSandbox();
		try {
			const report = await gradeAnswer(attribution, `${endless};\n${attribution.solution}`, {sandbox, timeoutMs: 5000});
			expect(report.passed).toBe(true);
		} finally {
			await sandbox.close();
		}
	});
});
