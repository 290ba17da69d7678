/** `dojo exercise` as a user runs it: the built CLI, no TTY (`npm test` builds first). */
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {knownWrongAnswer} from '../../src/scenarios/exercise-schema.js';
import {hasStackTrace, root, runCli} from '../helpers/run-cli.js';

const {exercises} = loadCatalogue();
const scd2 = exercises.find((exercise) => exercise.id === 'scd2-plan-price')!;
const dir = mkdtempSync(join(tmpdir(), 'dojo-exercise-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function answerFile(name: string, text: string): string {
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

describe('dojo exercise', () => {
	it('with no id lists every exercise', () => {
		const run = runCli(['exercise']);
		expect(run.status).toBe(0);
		for (const exercise of exercises) expect(run.stdout).toContain(exercise.id);
	});

	it('grades the reference solution: exit 0 and the JSON of DESIGN.md', () => {
		const run = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('good.sql', scd2.solution), '--json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const json = JSON.parse(run.stdout) as {exercise: string; passed: boolean; wall_s: number; checks: Array<Record<string, unknown>>};
		expect(Object.keys(json)).toEqual(['exercise', 'passed', 'wall_s', 'checks']);
		expect(json).toMatchObject({exercise: 'scd2-plan-price', passed: true});
		expect(json.checks.map((check) => check['id'])).toEqual(scd2.checks.map((check) => check.id));
		for (const check of json.checks) expect(Object.keys(check)).toEqual(['id', 'passed', 'message']);
	});

	it('grades a wrong answer: exit 1, the failed check with its diff rows', () => {
		const wrong = scd2.known_wrong.find((candidate) => candidate.id === 'version-every-change')!;
		const run = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('wrong.sql', knownWrongAnswer(scd2, wrong)), '--json']);
		expect(run.status).toBe(1);
		const json = JSON.parse(run.stdout) as {passed: boolean; checks: Array<{id: string; passed: boolean; message: string; unexpected_rows?: unknown[]}>};
		expect(json.passed).toBe(false);
		const noop = json.checks.find((check) => check.id === 'no-noop-versions')!;
		expect(noop).toMatchObject({passed: false, unexpected_rows: [{plan_id: 'pro', valid_from: '2024-03-01 00:00:00', price_cents: 2000}]});
		// The message alone teaches: it quotes the first violating row.
		expect(noop.message).toMatch(/1 violating row in dim_plan after run "visible" \(sample data: two batches in a row\); the first: plan_id 'pro', valid_from '2024-03-01 00:00:00', price_cents 2000\. Hint: /);
	});

	it('prints a readable report without --json', () => {
		const run = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('text.sql', knownWrongAnswer(scd2, scd2.known_wrong[0]!))]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/^✗ intervals-contiguous: /m);
		expect(run.stdout).toMatch(/^✓ columns: /m);
		expect(run.stdout).toMatch(/missing \(expected, not in yours\):/);
	});

	it('rejects an unknown exercise, naming the valid ones, with exit 2', () => {
		const run = runCli(['exercise', 'scd3-plan-price', '--answer', answerFile('x.sql', 'SELECT 1')]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^dojo: unknown exercise "scd3-plan-price"; expected one of star-schema-game-events, incremental-watermark, .*scd2-plan-price/m);
	});

	it('rejects a missing, empty or oversized answer file with exit 2 and no stack trace', () => {
		const missing = runCli(['exercise', 'scd2-plan-price', '--answer', join(dir, 'nope.sql')]);
		expect(missing.status).toBe(2);
		expect(missing.stderr).toMatch(/cannot read the answer file .*nope\.sql: no such file/);
		const empty = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('empty.sql', '-- nothing yet\n')]);
		expect(empty.status).toBe(2);
		expect(empty.stderr).toMatch(/the answer has no SQL statements/);
		const huge = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('huge.sql', 'SELECT 1;\n'.repeat(200_000))]);
		expect(huge.status).toBe(2);
		expect(huge.stderr).toMatch(/the answer file .*huge\.sql holds 1\.9 MB; an answer is SQL text of at most 1 MB/);
		expect(hasStackTrace(missing.stderr + empty.stderr + huge.stderr)).toBe(false);
	});

	it('without a terminal and without --answer, says how to grade a file and exits 2', () => {
		const run = runCli(['exercise', 'scd2-plan-price']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/needs a terminal/);
		expect(run.stderr).toMatch(/dojo exercise scd2-plan-price --answer FILE\.sql/);
	});

	it('refuses ATTACH with exit 2 and creates no file', () => {
		const run = runCli(['exercise', 'marketing-attribution', '--answer', answerFile('attach.sql', "ATTACH 'stolen.db' AS s;\nSELECT 1;")]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/refused: statement 1 of the load section \(line 1\): ATTACH is not allowed/);
		expect(existsSync(join(root, 'stolen.db'))).toBe(false);
		expect(readdirSync(dir)).not.toContain('stolen.db');
	});

	it('stops an endless query at the default 3 s limit and exits 1 with the statement named', () => {
		const started = performance.now();
		const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)\nSELECT COUNT(*) FROM c;';
		const run = runCli(['exercise', 'marketing-attribution', '--answer', answerFile('endless.sql', endless), '--json']);
		expect(run.status).toBe(1);
		const json = JSON.parse(run.stdout) as {checks: Array<{message: string}>};
		expect(json.checks[0]!.message).toMatch(/stopped after 3 s, the time limit for one run, while running statement 1 of the load section \(line 1\)/);
		expect(performance.now() - started).toBeLessThan(15_000);
	});

	it('is listed by dojo list --json with its scenario', () => {
		const run = runCli(['list', '--json']);
		const json = JSON.parse(run.stdout) as {exercises: Array<{id: string; scenario: string}>};
		expect(json.exercises).toContainEqual(expect.objectContaining({id: 'payment-reconciliation', scenario: 'finance-reconciliation'}));
		expect(json.exercises).toHaveLength(exercises.length);
	});
});
