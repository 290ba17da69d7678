/**
Hostile and broken answers are contained: they stop at the time, size, row or
memory limit with a clear message, the next run works, and nothing they do
creates a file. Time limits are lowered here to keep the suite fast; the CLI
test runs the default 3 s limit once.
*/
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {gradeAnswer, parseAnswer, Sandbox} from '../../src/grader/index.js';
import {buildJob, maxPages} from '../../src/grader/jobs.js';
import type {RunJob} from '../../src/grader/protocol.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {UsageError} from '../../src/errors.js';
import {gradingSandbox, inProcess, type GradingSandbox} from '../helpers/grading-sandbox.js';
import {root} from '../helpers/run-cli.js';

const {exercises} = loadCatalogue();
const exercise = (id: string) => exercises.find((candidate) => candidate.id === id)!;
const attribution = exercise('marketing-attribution');
const scd2 = exercise('scd2-plan-price');

let sandbox: GradingSandbox;

beforeAll(async () => {
	sandbox = gradingSandbox();
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
	// Needs the child process (a time or memory limit, or the process itself): not played in-process.
	it.skipIf(inProcess)('stops an endless recursive CTE at the time limit, names the statement, and the next run works', async () => {
		const spawned = sandbox.spawnCount;
		const started = performance.now();
		const report = await gradeAnswer(attribution, `-- counts forever\n${endless}`, {sandbox, timeoutMs: 600});
		const elapsed = performance.now() - started;
		expect(report.passed).toBe(false);
		for (const check of report.checks) {
			expect(check.passed).toBe(false);
			expect(check.message).toMatch(/stopped after 0.6 s, the time limit for one run/);
		}
		expect(report.checks[0]!.message).toMatch(/while running the query \(line 2\)/);
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

	// Needs the child process (a time or memory limit, or the process itself): not played in-process.
	it.skipIf(inProcess)('kills a run that takes too much memory, and the next run works', async () => {
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

	// Needs the child process (a time or memory limit, or the process itself): not played in-process.
	it.skipIf(inProcess)('reports a child killed by a full JavaScript heap as out of memory, not as a crash', async () => {
		const dying = new Sandbox({childPath: join(root, 'test/fixtures/sandbox/heap-out-of-memory-child.mjs')});
		try {
			const result = await dying.run(rawJob('SELECT 1'), 5000);
			expect(result.failure?.kind).toBe('memory');
			expect(result.failure?.message).toMatch(/stopped when the sandbox's 256 MB heap filled up/);
		} finally {
			dying.close();
		}
	});

	// Needs the child process (a time or memory limit, or the process itself): not played in-process.
	it.skipIf(inProcess)('removes its work directory when the process that started it dies without closing it', async () => {
		const script = `import {Sandbox} from ${JSON.stringify(pathToFileURL(join(root, 'src/grader/sandbox.ts')).href)};
const sandbox = new Sandbox();
await sandbox.warm();
console.log(sandbox.workDir);
process.exit(0);`;
		const parent = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'});
		const dir = parent.stdout.trim();
		expect(dir, parent.stderr).toMatch(/dojo-sandbox-/);
		await vi.waitFor(() => expect(existsSync(dir)).toBe(false), {timeout: 10_000, interval: 50});
	});

	it('names the statement and line of a syntax error', async () => {
		const answer = '-- @schema\nCREATE TABLE dim_plan (plan_id TEXT);\n\n-- @load\nINSERT INTO dim_plan\n  SELEC plan_id FROM src_plan_changes;';
		const report = await gradeAnswer(scd2, answer, {sandbox});
		expect(report.checks[0]!.message).toMatch(/statement 1 of the load section \(line 5\) failed after batch "b1" was loaded: near "SELEC": syntax error/);
	});

	it('keeps sorts and temp tables in memory: temp_store is MEMORY, and a large sort writes no file', async () => {
		// SQLite unlinks a temp file as soon as it opens it, so an empty directory alone would not prove that none was written.
		const job = rawJob('CREATE TEMP TABLE t AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 100000) SELECT x, randomblob(200) AS pad FROM c ORDER BY random()');
		const result = await sandbox.run({...job, steps: [...job.steps, {kind: 'query', label: 'store', sql: 'SELECT * FROM pragma_temp_store'}]}, 10_000);
		expect(result.failure).toBeUndefined();
		expect(result.results['store']).toMatchObject({rows: [[2]]});
		expect(readdirSync(sandbox.workDir)).toEqual([]);
	});

	it('lets pragma table-valued functions read, but not set: the page cap cannot be lifted through them', async () => {
		const result = await sandbox.run(rawJob('SELECT * FROM pragma_max_page_count(2147483647)'), 5000);
		expect(result.failure).toMatchObject({kind: 'sql', message: "unknown database '2147483647'"});
	});

	it('refuses an answer that tampers with a staging table, naming the statement and what it did', async () => {
		const tamperings: Array<[string, RegExp]> = [
			['CREATE TRIGGER hide AFTER INSERT ON src_plan_changes BEGIN DELETE FROM src_plan_changes WHERE rowid = new.rowid; END', /put the trigger hide on the staging table src_plan_changes/],
			['CREATE TEMP VIEW src_plan_changes AS SELECT * FROM main.src_plan_changes WHERE 0', /created a temp view named src_plan_changes, which hides the staging table/],
			['DROP TABLE src_plan_changes', /dropped or renamed the staging table src_plan_changes/],
			['ALTER TABLE src_plan_changes ADD COLUMN note TEXT', /altered the staging table src_plan_changes/],
			['DELETE FROM src_plan_changes WHERE change_id = 2', /changed the rows of the staging table src_plan_changes/],
		];
		for (const [sql, why] of tamperings) {
			const answer = parseAnswer(`-- @schema\nCREATE TABLE dim_plan (plan_id TEXT);\n-- @load\nCREATE INDEX IF NOT EXISTS by_plan ON src_plan_changes (plan_id);\n${sql};`, 'pipeline');
			const result = await sandbox.run(buildJob(scd2, 'visible', answer, 'candidate'), 5000);
			expect(result.failure, sql).toMatchObject({kind: 'refused', section: 'load', statement: {index: 2, line: 5}, batch: 'b1'});
			expect(result.failure?.message, sql).toMatch(why);
		}
	});

	it('catches a ROLLBACK that undoes a batch the harness loaded inside a transaction the answer left open', async () => {
		const answer = parseAnswer('-- @schema\nCREATE TABLE dim_plan (plan_id TEXT);\nBEGIN;\n-- @load\nROLLBACK;\nBEGIN;', 'pipeline');
		const result = await sandbox.run(buildJob(scd2, 'visible', answer, 'candidate'), 5000);
		expect(result.failure).toMatchObject({kind: 'refused', statement: {index: 1}, batch: 'b1'});
		expect(result.failure?.message).toMatch(/changed the rows of the staging table src_plan_changes/);
	});

	// Needs the child process (a time or memory limit, or the process itself): not played in-process.
	it.skipIf(inProcess)('blames a time-out after the answer on the harness read it stopped, not on the last answer statement', async () => {
		const endlessView = '-- @schema\nCREATE VIEW dim_plan AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS plan_sk, \'p\' AS plan_id, 1 AS price_cents, \'a\' AS valid_from, NULL AS valid_to, 1 AS is_current FROM c WHERE x < 0;\n-- @load\nSELECT 1;';
		const report = await gradeAnswer(scd2, endlessView, {sandbox, timeoutMs: 600});
		expect(report.checks[0]!.message).toMatch(/stopped after 0.6 s, the time limit for one run, while the harness read the surrogate keys of dim_plan after the answer had run/);
		expect(report.checks[0]!.message).not.toMatch(/statement 1 of the load section/);
	});

	it('stops at a string or blob over SQLite\'s 1 GB limit, and plays no further run', async () => {
		const report = await gradeAnswer(attribution, 'SELECT zeroblob(1000000001) AS conversion_id, 1 AS model, 1 AS channel, 1 AS credit, 1 AS revenue_cents', {sandbox});
		expect(report.checks[0]!.message).toMatch(/the query \(line 1\) failed after batch "sample" was loaded: a string or blob grew past SQLite's 1 GB limit/);
		const later = report.checks.find((check) => check.id === 'no-touch-is-direct')!;
		expect(later.message).toMatch(/not played, because an earlier run was stopped/);
	});

	it('caps the data a result may hold, before it fills the sandbox heap', async () => {
		const wide = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 9000)
SELECT printf('%.*c', 100000, 'x') || x AS conversion_id, 'linear' AS model, 'x' AS channel, 1 AS credit, 1 AS revenue_cents FROM c`;
		const report = await gradeAnswer(attribution, wide, {sandbox});
		expect(report.checks[0]!.message).toMatch(/the result holds more than 32 MB of data; the expected result is far smaller/);
		// A result too large is a limit, like the 1 GB one: the later runs would hit it too, so they are not played.
		expect(report.checks.find((check) => check.id === 'no-touch-is-direct')!.message).toMatch(/not played, because an earlier run was stopped/);
	});

	it('grades a result built as a temp view of the output table\'s own name', async () => {
		const view = `CREATE TEMP VIEW attribution AS ${attribution.solution.trim().replace(/;$/, '')};\nSELECT * FROM attribution;`;
		expect((await gradeAnswer(attribution, view, {sandbox})).passed).toBe(true);
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
