/**
The checks design exercises add, each shown able to fail on the mistake it names
and to pass on an equivalent correct spelling: keys declared (PRIMARY KEY or a
full UNIQUE index, not a partial or expression index, not a wider composite),
integer keys in the fact (declared and stored), and business questions answered
on the candidate's model (expected rows of hidden runs held back unless revealed).
*/
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {gradeAnswer} from '../../src/grader/index.js';
import {gradingSandbox, type GradingSandbox} from '../helpers/grading-sandbox.js';
import {answerTemplate, formatTask} from '../../src/grader/present-task.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';
import {roundExercises} from '../../src/scenarios/builtin.js';
import {ExerciseSchema, exerciseProblems, type Exercise} from '../../src/scenarios/exercise-schema.js';

const catalogue = loadCatalogue();
const {exercises} = catalogue;
const designIds = ['design-attribution-model', 'design-subscription-model', 'design-feature-usage-model', 'improve-game-events-model'];
const attribution = exercises.find((exercise) => exercise.id === 'design-attribution-model')!;
let sandbox: GradingSandbox;

beforeAll(async () => {
	sandbox = gradingSandbox();
	await sandbox.warm();
});
afterAll(() => sandbox.close());

/** The reference solution with one text replaced (it must occur). */
function edit(exercise: Exercise, find: string, replace: string): string {
	expect(exercise.solution.includes(find), find).toBe(true);
	return exercise.solution.replace(find, replace);
}

async function check(exercise: Exercise, answer: string, id: string, reveal = false) {
	const report = await gradeAnswer(exercise, answer, {sandbox, reveal});
	return report.checks.find((candidate) => candidate.id === id)!;
}

describe('keys_declared', () => {
	const noUnique = (text: string) => edit(attribution, '  user_id     TEXT NOT NULL UNIQUE,', '  user_id     TEXT NOT NULL,').replace('-- @load', `${text}\n-- @load`);

	it('accepts a UNIQUE index created apart from the table', async () => {
		expect(await check(attribution, noUnique('CREATE UNIQUE INDEX dim_users_id ON dim_users (user_id);'), 'keys-declared')).toMatchObject({passed: true});
	});

	it('refuses a partial UNIQUE index, an expression index and a composite that only makes a wider key unique', async () => {
		for (const index of [
			"CREATE UNIQUE INDEX dim_users_id ON dim_users (user_id) WHERE user_id <> 'x';",
			'CREATE UNIQUE INDEX dim_users_id ON dim_users (lower(user_id));',
			'CREATE UNIQUE INDEX dim_users_id ON dim_users (user_id, country);',
		]) {
			const result = await check(attribution, noUnique(index), 'keys-declared');
			expect(result.passed, index).toBe(false);
			expect(result.message, index).toMatch(/violating row in dim_users .*key_name 'grain', key_columns 'user_id', expected 'PRIMARY KEY or UNIQUE on these columns'/);
		}
	});

	it('refuses a fact without a declared grain, naming the fact', async () => {
		const result = await check(attribution, edit(attribution, '  conversion_id TEXT PRIMARY KEY,', '  conversion_id TEXT,'), 'keys-declared');
		expect(result.passed).toBe(false);
		expect(result.message).toMatch(/in fact_conversions .*key_columns 'conversion_id'/);
	});
});

describe('integer_keys', () => {
	it('refuses a key declared INTEGER that holds strings, quoting a value', async () => {
		// No foreign keys, so the strings are stored; INTEGER affinity keeps 'u1' as text.
		const answer = edit(attribution, '  user_sk       INTEGER NOT NULL REFERENCES dim_users (user_sk),', '  user_sk       INTEGER NOT NULL,').replace(
			'SELECT DISTINCT c.conversion_id, u.user_sk,',
			'SELECT DISTINCT c.conversion_id, c.user_id,',
		);
		const result = await check(attribution, answer, 'integer-keys');
		expect(result.passed).toBe(false);
		expect(result.message).toMatch(/in fact_conversions .*column_name 'user_sk', found 'text 'u1'', expected 'integer values'/);
	});

	it('accepts BIGINT: any declared type with INTEGER affinity', async () => {
		const answer = edit(attribution, '  channel_sk  INTEGER NOT NULL REFERENCES dim_channels (channel_sk),', '  channel_sk  BIGINT NOT NULL REFERENCES dim_channels (channel_sk),');
		expect(await check(attribution, answer, 'integer-keys')).toMatchObject({passed: true});
	});

	it('cannot be pointed at a table without keys (the schema says so)', () => {
		const broken = {...attribution, checks: [...attribution.checks, {id: 'keys-of-nothing', type: 'integer_keys' as const, title: 't', tables: ['dim_channels']}]};
		const plain = {...broken, output: broken.output.map((table) => (table.name === 'dim_channels' ? {...table, surrogate_key: undefined} : table))};
		expect(exerciseProblems(plain).map((problem) => problem.message)).toContainEqual('integer_keys needs dim_channels to declare references or a surrogate_key: those are the key columns it reads');
	});
});

describe('question', () => {
	const rawTimestamps = edit(attribution, 't.touch_type, datetime(t.touched_at)', 't.touch_type, t.touched_at');

	it('grades the model by its answer and holds back the expected rows of a hidden run', async () => {
		const result = await check(attribution, rawTimestamps, 'last-click-by-channel');
		expect(result.passed).toBe(false);
		expect(result.message).toMatch(/^last-click attribution by channel \("Which channel .*"\): your model answers it differently from the reference model after run "messy" \(hidden data/);
		expect(result.message).toMatch(/held back; --reveal shows them\)$/);
		expect(result.missing_rows).toBeUndefined();
		expect(result.unexpected_rows?.length).toBeGreaterThan(0);
	});

	it('shows the expected rows with --reveal', async () => {
		const result = await check(attribution, rawTimestamps, 'last-click-by-channel', true);
		expect(result.missing_rows).toContainEqual({channel_name: 'social', conversions: 1, revenue_cents: 5000});
	});

	it("says the question's query fails when the model lacks a contract name", async () => {
		const result = await check(attribution, edit(attribution, '  touch_type  TEXT NOT NULL,', '  kind        TEXT NOT NULL,').replace('channel_sk, campaign_sk, touch_type, touched_at)', 'channel_sk, campaign_sk, kind, touched_at)'), 'last-click-by-channel');
		expect(result.passed).toBe(false);
		expect(result.message).toMatch(/the question's query fails on your model after run "sample" .*missing fact_touches\.touch_type \(see the columns check\)/);
	});

	it('refuses an exercise whose reference model cannot answer its own question', async () => {
		const broken = ExerciseSchema.parse({...attribution, checks: [...attribution.checks, {id: 'broken-question', type: 'question', title: 'broken', ask: 'a question', sql: 'SELECT missing FROM nowhere'}]});
		await expect(gradeAnswer(broken, attribution.solution, {sandbox})).rejects.toThrow(/the business question broken-question cannot be answered on the reference model in run "sample": no such table: nowhere; fix the exercise/);
	});
});

describe('the task screen of a design exercise', () => {
	it('shows the business questions with their SQL', async () => {
		const text = (await formatTask(attribution, sandbox)).join('\n');
		expect(text).toContain('Business questions (these queries run on your tables after the hidden batches');
		expect(text).toContain('  last-click-by-channel: Which channel gets each conversion\'s revenue when the last click before it takes all the credit?');
		expect(text).toMatch(/ {4}WITH ranked AS \(/);
		expect(text).not.toContain('The current model');
	});
});

describe('improve this model', () => {
	const improve = exercises.find((exercise) => exercise.id === 'improve-game-events-model')!;

	it('shows the current model, which the harness creates and the batches fill', async () => {
		const text = (await formatTask(improve, sandbox)).join('\n');
		expect(text).toMatch(/The current model \(the harness creates it and the batches fill it; read it, never change it, and build your improved model beside it\):\n {2}-- One wide table/);
		expect(text).toContain('  CREATE TABLE plans (plan_id TEXT PRIMARY KEY, price_cents INTEGER, updated_at TEXT);');
		// Sample rows are read back from the current model's own tables.
		expect(text).toMatch(/ {2}game_events \(8 rows\):/);
	});

	it('refuses to let an answer change the current model', async () => {
		const report = await gradeAnswer(improve, `DELETE FROM game_events WHERE event_type = 'login';\n${improve.solution}`, {sandbox});
		expect(report.passed).toBe(false);
		expect(report.checks[0]!.message).toMatch(/statement 1 of the load section \(line 1\) was refused: it changed the rows of the staging table game_events/);
	});

	it('is the only kind that may carry a current model', () => {
		const attributionWithModel = {...attribution, current_model: 'CREATE TABLE t (a INTEGER);'};
		expect(exerciseProblems(attributionWithModel)).toEqual([]);
		expect(exerciseProblems({...attributionWithModel, kind: 'pipeline'})).toContainEqual({path: ['current_model'], message: 'only a design exercise improves a current model; this one is kind pipeline'});
	});
});

describe('the design exercises in the product', () => {
	it('are played by the data-modeling round', () => {
		const round = roundExercises(catalogue, findScenario(catalogue, 'data-modeling')).map((exercise) => exercise.id);
		expect(round).toEqual(expect.arrayContaining(designIds));
	});

	it('each have at least three known-wrong models, among them a wrong grain, a string key in the fact and a missing dimension', () => {
		for (const id of designIds) {
			const exercise = exercises.find((candidate) => candidate.id === id)!;
			expect(exercise.kind, id).toBe('design');
			expect(exercise.known_wrong.length, id).toBeGreaterThanOrEqual(3);
			const whys = exercise.known_wrong.map((wrong) => wrong.why).join('\n');
			for (const mistake of ['wrong grain', 'a string key in the fact', 'a missing dimension']) expect(whys, `${id}: ${mistake}`).toContain(mistake);
			const checked = new Set(exercise.checks.map((check) => check.type));
			for (const type of ['grain', 'keys_declared', 'foreign_keys', 'no_orphans', 'integer_keys', 'question', 'reference']) expect(checked.has(type as never), `${id}: ${type}`).toBe(true);
		}
	});

	it('where history is asked, grade SCD2 and fail the model without it on a business question', () => {
		for (const id of ['design-subscription-model', 'improve-game-events-model']) {
			const exercise = exercises.find((candidate) => candidate.id === id)!;
			const types = new Set(exercise.checks.map((check) => check.type));
			for (const type of ['scd2_one_current', 'scd2_intervals', 'scd2_no_noop'] as const) expect(types.has(type), `${id}: ${type}`).toBe(true);
			const noHistory = exercise.known_wrong.find((wrong) => wrong.id === 'no-history')!;
			expect(exercise.checks.find((check) => check.id === noHistory.fails)?.type, id).toBe('question');
		}
	});

	it('start from a template with the two sections', () => {
		const template = answerTemplate(attribution);
		expect(template).toContain('-- @schema\n-- CREATE TABLE fact_touches, fact_conversions, dim_users, dim_channels, dim_campaigns and the other tables of your design');
		expect(template).toContain('-- @load\n');
	});
});
