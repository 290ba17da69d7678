/**
Hostile and broken answers are contained: they stop at the time, size, row or
memory limit with a clear message, the next run works, and nothing they do
creates a file. Time limits are lowered here to keep the suite fast; the CLI
test runs the default 3 s limit once.
*/
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {gradeAnswer, parseAnswer, Sandbox} from '../../src/grader/index.js';
import {buildJob, maxPages} from '../../src/grader/jobs.js';
import type {RunJob} from '../../src/grader/protocol.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {UsageError} from '../../src/errors.js';

const {exercises} = loadCatalogue();
const exercise = (id: string) => exercises.find((candidate) => candidate.id === id)!;
const attribution = exercise('marketing-attribution');
const scd2 = exercise('scd2-plan-price');

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = new Sandbox();
	await sandbox.warm();
});
afterAll(() => sandbox.close());

/** A bare job: no setup, just the statements, as the sandbox would play an answer's load section. */
function rawJob(sql: string, options: Partial<RunJob> = {}): RunJob {
	return {
		maxRows: 1000,
		maxPages,
		...options,
		steps: [{kind: 'answer', section: 'load', statements: [{sql, line: 1, index: 1}]}],
	};
}

const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c';

describe('the sandbox', () => {
	it('stops an endless recursive CTE at the time limit, names the statement, and the next run works', async () => {
		const spawned = sandbox.spawnCount;
		const started = performance.now();
		const report = await gradeAnswer(attribution, `-- counts forever\n${endless}`, {sandbox, timeoutMs: 600});
		const elapsed = performance.now() - started;
		expect(report.passed).toBe(false);
		for (const check of report.checks) {
			expect(check.passed).toBe(false);
			expect(check.message).toMatch(/stopped after 0.6 s, the time limit for one run/);
		}
		expect(report.checks[0]!.message).toMatch(/while running statement 1 of the load section \(line 2\)/);
		// One run times out; the others are not played, so grading does not take runs × limit.
		expect(elapsed).toBeLessThan(5000);
		expect(sandbox.spawnCount).toBe(spawned + 1);
		const next = await gradeAnswer(attribution, attribution.solution, {sandbox});
		expect(next.passed).toBe(true);
	});

	it('refuses ATTACH and VACUUM INTO before running them, and even a direct run of them creates no file', async () => {
		expect(() => parseAnswer("ATTACH 'evil.db' AS evil; SELECT 1", 'query')).toThrow(/ATTACH is not allowed/);
		expect(() => parseAnswer("VACUUM INTO 'copy.db'; SELECT 1", 'query')).toThrow(/VACUUM is not allowed/);
		await expect(gradeAnswer(attribution, "ATTACH 'evil.db' AS evil;\nSELECT 1", {sandbox})).rejects.toThrow(UsageError);
		// Past the keyword screen, the EXPLAIN opcode screen inside the child still refuses them.
		for (const sql of ["ATTACH 'evil.db' AS evil", "VACUUM INTO 'copy.db'", "DETACH evil", "SELECT load_extension('x')"]) {
			const result = await sandbox.run(rawJob(sql), 2000);
			expect(result.failure?.kind, sql).toBe('refused');
			expect(result.failure?.message, sql).toMatch(/not allowed/);
		}
		for (const name of ['evil.db', 'copy.db']) {
			expect(existsSync(join(sandbox.workDir, name))).toBe(false);
			expect(existsSync(join(process.cwd(), name))).toBe(false);
		}
	});

	it('refuses load_extension and PRAGMAs that would lift its limits', async () => {
		await expect(gradeAnswer(attribution, "SELECT load_extension('/tmp/evil.so')", {sandbox})).rejects.toThrow(/load_extension is not allowed/);
		await expect(gradeAnswer(attribution, 'PRAGMA max_page_count = 2147483647;\nSELECT 1', {sandbox})).rejects.toThrow(/PRAGMA max_page_count is not allowed/);
		await expect(gradeAnswer(attribution, 'PRAGMA temp_store = FILE;\nSELECT 1', {sandbox})).rejects.toThrow(/PRAGMA temp_store is not allowed/);
	});

	it('caps a huge result and says so', async () => {
		const huge = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
SELECT x AS conversion_id, 'linear' AS model, 'direct' AS channel, 1.0 AS credit, 0 AS revenue_cents FROM c`;
		const report = await gradeAnswer(attribution, huge, {sandbox, timeoutMs: 2000});
		expect(report.passed).toBe(false);
		expect(report.checks[0]!.message).toMatch(/returned more than 10000 rows, so reading stopped there/);
	});

	it('caps the database size', async () => {
		const result = await sandbox.run(
			rawJob('CREATE TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT randomblob(1000) AS b FROM c', {maxPages: 2000}),
			5000,
		);
		expect(result.failure).toMatchObject({kind: 'too_big'});
		expect(result.failure?.message).toMatch(/size cap \(8 MB\)/);
	});

	it('kills a run that takes too much memory, and the next run works', async () => {
		const small = new Sandbox({memoryLimitMb: 300});
		try {
			await small.warm();
			const grow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 400) SELECT length(group_concat(hex(randomblob(1000000)))) FROM c";
			const result = await small.run(rawJob(grow), 20_000);
			expect(result.failure?.kind).toBe('memory');
			expect(result.failure?.message).toMatch(/over the 300 MB cap/);
			expect((await small.run(rawJob('SELECT 1'), 5000)).failure).toBeUndefined();
		} finally {
			small.close();
		}
	});

	it('names the statement and line of a syntax error', async () => {
		const answer = '-- @schema\nCREATE TABLE dim_plan (plan_id TEXT);\n\n-- @load\nINSERT INTO dim_plan\n  SELEC plan_id FROM src_plan_changes;';
		const report = await gradeAnswer(scd2, answer, {sandbox});
		expect(report.checks[0]!.message).toMatch(/statement 1 of the load section \(line 5\) failed after batch "b1" was loaded: near "SELEC": syntax error/);
	});

	it('keeps sorts and temp tables in memory: a large sort writes no file', async () => {
		const result = await sandbox.run(
			rawJob('CREATE TEMP TABLE t AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000) SELECT x, randomblob(200) AS pad FROM c ORDER BY random()'),
			10_000,
		);
		expect(result.failure).toBeUndefined();
		expect(readdirSync(sandbox.workDir)).toEqual([]);
	});

	it('gives the candidate a database with the staging tables only: no expected rows, no reference run', async () => {
		const probe = parseAnswer("SELECT group_concat(name, ',') AS names FROM (SELECT name FROM sqlite_schema UNION ALL SELECT name FROM sqlite_temp_schema)", 'query');
		const result = await sandbox.run(buildJob(attribution, 'sample', probe, 'candidate'), 5000);
		const capture = result.results['capture'];
		expect(capture && !('error' in capture) ? capture.rows : undefined).toEqual([['touches,conversions']]);
	});

	it('created no file in its working directory, the only place a relative path could reach', () => {
		expect(readdirSync(sandbox.workDir)).toEqual([]);
	});
});
