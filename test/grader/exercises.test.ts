/**
Every built-in exercise is graded three ways: its reference solution passes
every check; every known-wrong answer fails exactly the checks it names (so
each check is proven able to fail); and a correct answer written in another
style (test/fixtures/answers/<id>.sql) passes.
*/
import {existsSync, readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {gradeAnswer} from '../../src/grader/index.js';
import {gradingSandbox, type GradingSandbox} from '../helpers/grading-sandbox.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {knownWrongAnswer} from '../../src/scenarios/exercise-schema.js';
import {root} from '../helpers/run-cli.js';

const {exercises} = loadCatalogue();
let sandbox: GradingSandbox;

beforeAll(async () => {
	sandbox = gradingSandbox();
	await sandbox.warm();
});
afterAll(() => sandbox.close());

const failedChecks = (report: {checks: Array<{id: string; passed: boolean}>}) =>
	report.checks
		.filter((check) => !check.passed)
		.map((check) => check.id)
		.sort();

describe('the built-in exercises', () => {
	it('explain a check that cannot run because the answer lacks a column, instead of passing on SQLite\'s error', async () => {
		const attribution = exercises.find((exercise) => exercise.id === 'marketing-attribution')!;
		const report = await gradeAnswer(attribution, "SELECT 'c1' AS conversion_id, 'linear' AS model, 'direct' AS channel, 1 AS revenue_cents", {sandbox});
		const credit = report.checks.find((check) => check.id === 'credit-sums-to-one')!;
		expect(credit).toMatchObject({passed: false});
		expect(credit.message).toMatch(/cannot be checked after run "sample" .*: the result's columns are wrong: missing column credit .*\(see the columns check\)$/);
	});

	it('cover the issue: star schema, incremental load, SCD1, SCD2, composite index, attribution, MRR, reconciliation, cohorts, and the design-your-model case studies', () => {
		expect(exercises.map((exercise) => exercise.id)).toEqual([
			'star-schema-game-events',
			'incremental-watermark',
			'scd1-user-profile',
			'scd2-plan-price',
			'composite-index-recent-plays',
			'marketing-attribution',
			'subscription-mrr-churn',
			'payment-reconciliation',
			'retention-cohorts',
			'design-attribution-model',
			'design-subscription-model',
			'design-feature-usage-model',
			'improve-game-events-model',
		]);
		const star = exercises.find((exercise) => exercise.id === 'star-schema-game-events')!;
		expect(star.output.map((table) => table.name).sort()).toEqual(['dim_games', 'dim_users', 'fact_game_play', 'fact_user_level']);
		expect(exercises.find((exercise) => exercise.id === 'composite-index-recent-plays')!.checks.some((check) => check.type === 'query_plan')).toBe(true);
	});

	it('each hide some batches and offer at least two known-wrong answers', () => {
		for (const exercise of exercises) {
			expect(Object.values(exercise.batches).some((batch) => batch.hidden) || exercise.kind === 'index', exercise.id).toBe(true);
			expect(exercise.known_wrong.length, exercise.id).toBeGreaterThanOrEqual(2);
		}
	});
});

for (const exercise of exercises) {
	describe(exercise.id, () => {
		/** Hinted checks whose hint a known-wrong answer's failure showed (each hint must still appear for the failure it names). */
		const hintShown = new Set<string>();

		it('the reference solution passes every check', async () => {
			const report = await gradeAnswer(exercise, exercise.solution, {sandbox});
			expect(failedChecks(report), JSON.stringify(report.checks.filter((check) => !check.passed), null, 1)).toEqual([]);
			expect(report.passed).toBe(true);
		});

		for (const wrong of exercise.known_wrong) {
			it(`known-wrong "${wrong.id}" fails exactly ${[wrong.fails, ...wrong.also_fails].join(', ')}`, async () => {
				const report = await gradeAnswer(exercise, knownWrongAnswer(exercise, wrong), {sandbox});
				expect(failedChecks(report)).toEqual([wrong.fails, ...wrong.also_fails].sort());
				expect(report.passed).toBe(false);
				for (const check of report.checks.filter((candidate) => !candidate.passed)) {
					expect(check.message.length, check.id).toBeGreaterThan(20);
					const hint = exercise.checks.find((candidate) => candidate.id === check.id)?.hint;
					if (hint && check.message.includes(`Hint: ${hint}`)) hintShown.add(check.id);
				}
			});
		}

		it('every hint is shown for the failure it names by some known-wrong answer', () => {
			const hinted = exercise.checks.filter((check) => check.hint).map((check) => check.id);
			expect(hinted.filter((id) => !hintShown.has(id)), 'hinted checks whose hint no known-wrong answer showed').toEqual([]);
		});

		it('every check is failed by at least one known-wrong answer', () => {
			const covered = new Set(exercise.known_wrong.flatMap((wrong) => [wrong.fails, ...wrong.also_fails]));
			expect(exercise.checks.map((check) => check.id).filter((id) => !covered.has(id))).toEqual([]);
		});

		it('a correct answer in another style passes (test/fixtures/answers)', async () => {
			const file = `${root}test/fixtures/answers/${exercise.id}.sql`;
			expect(existsSync(file), `${file} is missing`).toBe(true);
			const alternative = readFileSync(file, 'utf8');
			expect(alternative).not.toBe(exercise.solution);
			const report = await gradeAnswer(exercise, alternative, {sandbox});
			expect(failedChecks(report), JSON.stringify(report.checks.filter((check) => !check.passed), null, 1)).toEqual([]);
		});
	});
}
