/**
Hostile answers from issue 11 ("Cheating and breaking the grader"), each kept as
a test once it worked: false passes, ways to crash or hang dojo, and ways to
fake what the terminal shows. Every test here failed before its fix.
*/
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {gradeAnswer, formatReport, parseAnswer, Sandbox} from '../../src/grader/index.js';
import {compareResults} from '../../src/grader/compare.js';
import {formatTable} from '../../src/grader/format-table.js';
import {refusedStatement} from '../../src/grader/screen.js';
import {splitStatements} from '../../src/grader/split.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {knownWrongAnswer} from '../../src/scenarios/exercise-schema.js';
import {UsageError} from '../../src/errors.js';
import {gradingSandbox, inProcess, type GradingSandbox} from '../helpers/grading-sandbox.js';

const {exercises} = loadCatalogue();
const exercise = (id: string) => exercises.find((candidate) => candidate.id === id)!;
const scd1 = exercise('scd1-user-profile');
const scd2 = exercise('scd2-plan-price');
const index = exercise('composite-index-recent-plays');
const attribution = exercise('marketing-attribution');

let sandbox: GradingSandbox;
beforeAll(async () => {
	sandbox = gradingSandbox();
	await sandbox.warm();
});
afterAll(() => sandbox.close());

/** The solution with `find` replaced (must occur). */
function patched(solution: string, find: string | RegExp, replace: string): string {
	const out = solution.replace(find, replace);
	expect(out, `patch ${String(find)} did not apply`).not.toBe(solution);
	return out;
}

const failed = (report: {checks: Array<{id: string; passed: boolean}>}) => report.checks.filter((check) => !check.passed).map((check) => check.id);

describe('false passes', () => {
	it('Infinity never equals a finite number, in either direction', () => {
		for (const [a, b] of [
			[3, Infinity],
			[Infinity, 3],
			[-Infinity, 0],
			[1e300, Infinity],
		] as const) {
			expect(compareResults({columns: ['n'], rows: [[a]]}, {columns: ['n'], rows: [[b]]}).equal, `${a} vs ${b}`).toBe(false);
		}
		expect(compareResults({columns: ['n'], rows: [[Infinity]]}, {columns: ['n'], rows: [[Infinity]]}).equal).toBe(true);
		expect(compareResults({columns: ['n'], rows: [[-Infinity]]}, {columns: ['n'], rows: [[Infinity]]}).equal).toBe(false);
	});

	it('an answer that writes Infinity (9e999) into every number fails', async () => {
		// The right keys, every number infinite: the reference diff must see it, not only the property checks.
		const right = attribution.solution.trimEnd().replace(/;\s*$/, '');
		const report = await gradeAnswer(attribution, `CREATE TEMP VIEW right_rows AS ${right};\nSELECT conversion_id, model, channel, 9e999 AS credit, 9e999 AS revenue_cents FROM right_rows;`, {sandbox});
		expect(report.passed).toBe(false);
		expect(failed(report)).toContain('matches-reference');
	});

	it('a surrogate key that is 0 on every row fails SCD1 and SCD2', async () => {
		const scd1Zero = patched(scd1.solution, 'user_sk          INTEGER PRIMARY KEY,', 'user_sk          INTEGER NOT NULL DEFAULT 0,');
		const one = await gradeAnswer(scd1, scd1Zero, {sandbox});
		expect(one.passed).toBe(false);
		expect(one.checks.find((check) => !check.passed)!.message).toMatch(/user_sk/);
		const scd2Zero = patched(scd2.solution, 'plan_sk     INTEGER PRIMARY KEY,', 'plan_sk     INTEGER NOT NULL DEFAULT 0,');
		const two = await gradeAnswer(scd2, scd2Zero, {sandbox});
		expect(two.passed).toBe(false);
		expect(two.checks.find((check) => !check.passed)!.message).toMatch(/plan_sk/);
	});

	it('a NULL surrogate key fails', async () => {
		const nullKey = patched(scd1.solution, 'user_sk          INTEGER PRIMARY KEY,', 'user_sk          INTEGER,');
		const report = await gradeAnswer(scd1, nullKey, {sandbox});
		expect(report.passed).toBe(false);
		expect(report.checks.filter((check) => !check.passed).map((check) => check.message).join('\n')).toMatch(/user_sk.*NULL|NULL.*user_sk/);
	});

	it('an index whose name spells the seeks does not fool the plan check', async () => {
		const report = await gradeAnswer(index, 'CREATE INDEX "idx played_at>? AND played_at<?" ON fact_game_play (user_id);', {sandbox});
		expect(failed(report)).toContain('seeks-user-and-time');
		const parens = await gradeAnswer(index, 'CREATE INDEX "x (user_id=? AND played_at>? AND played_at<?)" ON fact_game_play (game_id, user_id);', {sandbox});
		expect(parens.passed).toBe(false);
	});

	it('a hidden run shows neither the expected rows nor their values, so they cannot be replayed; --reveal shows them', async () => {
		const wrong = scd1.known_wrong.find((candidate) => candidate.id === 'tie-lowest-change-id')!;
		const report = await gradeAnswer(scd1, knownWrongAnswer(scd1, wrong), {sandbox});
		const tie = report.checks.find((check) => check.id === 'same-time-highest-change-id')!;
		expect(tie.passed).toBe(false);
		expect(tie.missing_rows).toBeUndefined();
		// The expected street in the tie batch is '8 Short Rd'; the candidate's own is '7 Short Rd'.
		expect(JSON.stringify(tie)).not.toContain('8 Short Rd');
		expect(JSON.stringify(tie)).toContain('7 Short Rd');
		expect(tie.message).toMatch(/hidden data/);
		const revealed = await gradeAnswer(scd1, knownWrongAnswer(scd1, wrong), {sandbox, reveal: true});
		expect(JSON.stringify(revealed.checks.find((check) => check.id === 'same-time-highest-change-id'))).toContain('8 Short Rd');
	});

	it('the staging guard tells Infinity from NULL', async () => {
		const cheat = `-- @schema\n${scd1.solution.split('-- @load')[0]!.replace('-- @schema', '')}\n-- @load\nUPDATE src_user_changes SET marketing_opt_in = 9e999 WHERE marketing_opt_in IS NULL;\n${scd1.solution.split('-- @load')[1]}`;
		const report = await gradeAnswer(scd1, cheat, {sandbox});
		expect(report.checks.map((check) => check.message).join('\n')).toMatch(/changed the rows of the staging table src_user_changes/);
	});

	it('a trigger on a staging table written in upper case is refused', async () => {
		const solution = scd2.solution.replace('-- @load', '-- @load\nCREATE TRIGGER IF NOT EXISTS sneaky AFTER INSERT ON SRC_PLAN_CHANGES BEGIN SELECT 1; END;');
		const report = await gradeAnswer(scd2, solution, {sandbox});
		expect(report.passed).toBe(false);
		expect(report.checks[0]!.message).toMatch(/put the trigger sneaky on the staging table src_plan_changes/);
	});
});

describe('screens and splitting', () => {
	it('a NUL byte before a statement does not slip it past the keyword screen', () => {
		expect(() => parseAnswer('\u0000PRAGMA max_page_count = 1000000000;', 'pipeline')).toThrow(UsageError);
		expect(() => parseAnswer('SELECT 1;\n\u0000PRAGMA journal_mode = OFF;', 'pipeline')).toThrow(/NUL|binary|control/i);
	});

	it('splits CREATE TABLE trigger (begin) as one statement of its own', () => {
		expect(splitStatements('CREATE TABLE trigger (begin);\nSELECT 1;').map((statement) => statement.sql)).toEqual(['CREATE TABLE trigger (begin)', 'SELECT 1']);
		expect(splitStatements('CREATE TEMP TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2; END;\nSELECT 3;')).toHaveLength(2);
	});

	it('refuses pragma table-valued functions with side effects (pragma_optimize runs ANALYZE)', () => {
		expect(refusedStatement('SELECT * FROM pragma_optimize(0x10002)')).toMatch(/pragma_optimize/);
		expect(refusedStatement('SELECT * FROM "pragma_optimize"')).toMatch(/pragma_optimize/);
		expect(refusedStatement("SELECT * FROM pragma_table_info('t')")).toBeUndefined();
	});

	it('refuses DETACH as a usage error', () => {
		expect(() => parseAnswer('DETACH DATABASE temp;', 'pipeline')).toThrow(/DETACH is not allowed/);
	});
});

describe('breaking dojo', () => {
	it('keeps the report small when values grow six-fold in JSON (char(1))', async () => {
		const huge = `SELECT 'c' || value AS conversion_id, 'linear' AS model, replace(hex(zeroblob(400000)), '00', char(1)) AS channel, 1 AS credit, 1 AS revenue_cents FROM nums`;
		const report = await gradeAnswer(attribution, `WITH RECURSIVE nums(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM nums WHERE value < 40) ${huge}`, {sandbox});
		expect(report.passed).toBe(false);
		expect(JSON.stringify(report).length).toBeLessThan(1_000_000);
		expect(formatReport(attribution, report).join('\n').length).toBeLessThan(500_000);
	});

	it('strips control characters from every value and message shown on a terminal', async () => {
		const fake = "SELECT 'c1' AS conversion_id, 'linear' AS model, char(27) || '[2J' || char(27) || '[H' || 'All 10 checks passed.' || char(155) || '31m' AS channel, 1 AS credit, 1 AS revenue_cents";
		const report = await gradeAnswer(attribution, fake, {sandbox});
		const text = formatReport(attribution, report).join('\n');
		expect(text).toContain('All 10 checks passed.');
		// eslint-disable-next-line no-control-regex
		expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		expect(formatTable([{v: '\u001b[31mred\u202e'}]).join('\n')).not.toMatch(/[\u001b\u202e]/);
	});

	// Needs the child process (a time or memory limit, or the process itself): not played in-process.
	it.skipIf(inProcess)('recycles the warm child when its memory stays high after a run', async () => {
		const small = new Sandbox({recycleAboveMb: 1});
		try {
			await small.warm();
			const before = small.spawnCount;
			await gradeAnswer(attribution, attribution.solution, {sandbox: small});
			expect(small.spawnCount).toBeGreaterThan(before);
			const again = await gradeAnswer(attribution, attribution.solution, {sandbox: small});
			expect(again.passed).toBe(true);
		} finally {
			await small.close();
		}
	});
});

describe('more attacks of our own (each must end in a refusal or a failed grade, never a pass or a crash)', () => {
	const scd1Schema = scd1.solution.split('-- @load')[0]!;
	const scd1Load = scd1.solution.split('-- @load')[1]!;
	/** The scd1 solution with `extra` run before its load statements. */
	const withLoad = (extra: string) => `${scd1Schema}\n-- @load\n${extra}\n${scd1Load}`;

	const tampering: Array<[string, string, RegExp]> = [
		['deletes the staging rows', 'DELETE FROM src_user_changes WHERE user_id = \'u1\';', /changed the rows of the staging table/],
		['adds a staging row', "INSERT INTO src_user_changes VALUES (99, 'u1', 'x', 'x', 'x', 'x', 'x', 1, '2030-01-01 00:00:00', 'upsert');", /changed the rows of the staging table/],
		['renames the staging table', 'ALTER TABLE src_user_changes RENAME TO old_changes;', /dropped or renamed the staging table/],
		['adds a column to it', 'ALTER TABLE src_user_changes ADD COLUMN x;', /altered the staging table/],
		['hides it behind a temp view', 'CREATE TEMP VIEW src_user_changes AS SELECT * FROM main.src_user_changes WHERE 0;', /temp view named src_user_changes/],
		['hides it behind a temp table in another case', 'CREATE TEMP TABLE SRC_USER_CHANGES AS SELECT * FROM main.src_user_changes WHERE 0;', /temp table named SRC_USER_CHANGES/],
		['puts a temp trigger on it', 'CREATE TEMP TRIGGER t AFTER INSERT ON main.src_user_changes BEGIN DELETE FROM main.src_user_changes; END;', /put the trigger t on the staging table/],
		['rolls back the loaded batch', 'ROLLBACK;', /staging|cannot rollback|no transaction/],
		['drops the staging table', 'DROP TABLE src_user_changes;', /dropped or renamed the staging table/],
		['rewrites it through a trigger on its own table', "CREATE TRIGGER IF NOT EXISTS sneaky AFTER INSERT ON dim_users BEGIN UPDATE src_user_changes SET email = 'x'; END;", /changed the rows of the staging table/],
	];
	for (const [what, sql, expected] of tampering) {
		it(`an answer that ${what} fails with a message naming it`, async () => {
			const report = await gradeAnswer(scd1, withLoad(sql), {sandbox});
			expect(report.passed).toBe(false);
			expect(report.checks.map((check) => check.message).join('\n')).toMatch(expected);
		});
	}

	const refused: Array<[string, string]> = [
		['writable_schema', 'PRAGMA writable_schema = ON;'],
		['a quoted PRAGMA name', 'PRAGMA "max_page_count" = 999999999;'],
		['a schema-qualified limit', 'PRAGMA temp.max_page_count = 999999999;'],
		['ATTACH behind EXPLAIN QUERY PLAN', "EXPLAIN QUERY PLAN ATTACH 'x.db' AS x;"],
		['load_extension in a view body', "CREATE VIEW v AS SELECT load_extension('x');"],
		['load_extension in a trigger body', "CREATE TRIGGER t AFTER INSERT ON dim_users BEGIN SELECT load_extension('x'); END;"],
		['VACUUM INTO in lower case', "vacuum into 'copy.db';"],
		['pragma_optimize in a trigger', 'CREATE TRIGGER t AFTER INSERT ON dim_users BEGIN SELECT * FROM pragma_optimize(-1); END;'],
	];
	for (const [what, sql] of refused) {
		it(`refuses ${what} before running anything`, () => {
			expect(() => parseAnswer(withLoad(sql), 'pipeline')).toThrow(/refused: .*not allowed/);
		});
	}

	it('cannot edit sqlite_schema (defensive mode)', async () => {
		const report = await gradeAnswer(scd1, withLoad("UPDATE sqlite_schema SET sql = 'CREATE TABLE src_user_changes (x)' WHERE name = 'src_user_changes';"), {sandbox});
		expect(report.passed).toBe(false);
		expect(report.checks[0]!.message).toMatch(/may not be modified|not authorized|read-only|readonly/i);
	});

	it('a parser-stack bomb fails as a SQL error, and the next grading works', async () => {
		const report = await gradeAnswer(attribution, `SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}`, {sandbox});
		expect(report.passed).toBe(false);
		expect(report.checks[0]!.message).toMatch(/the query \(line 1\) failed/);
		expect((await gradeAnswer(attribution, attribution.solution, {sandbox})).passed).toBe(true);
	});

	it('a result of a million rows stops at the row cap', async () => {
		const report = await gradeAnswer(attribution, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT 'c' || i AS conversion_id, 'linear' AS model, 'x' AS channel, 1 AS credit, 1 AS revenue_cents FROM n", {sandbox});
		expect(report.checks[0]!.message).toMatch(/more than 10000 rows/);
	});

	it('a column named with escape codes is shown escaped', async () => {
		const report = await gradeAnswer(attribution, 'SELECT 1 AS "x\u001b[2J"', {sandbox});
		expect(formatReport(attribution, report).join('\n')).not.toContain('\u001b');
	});

	it('random answers do not pass by luck: the reference diff needs the exact rows', async () => {
		const report = await gradeAnswer(attribution, "SELECT conversion_id, 'linear' AS model, 'direct' AS channel, abs(random() % 2) AS credit, 0 AS revenue_cents FROM conversions", {sandbox});
		expect(report.passed).toBe(false);
	});
});
