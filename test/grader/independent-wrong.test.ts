/**
Independent wrong answers (test/fixtures/answers/wrong/independent.yaml): mistakes
written from the task text alone. Each is first shown wrong on a small dataset of
its own (the correct answer it edits passes every check there, the wrong one
fails one), then graded against the real exercise, whose hidden batches must
catch it. The last test prints how many were caught.
*/
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {gradeAnswer} from '../../src/grader/index.js';
import {gradingSandbox, type GradingSandbox} from '../helpers/grading-sandbox.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import type {Cell, Exercise} from '../../src/scenarios/exercise-schema.js';
import {root} from '../helpers/run-cli.js';

type Wrong = {
	id: string;
	why: string;
	patch?: Array<{find: string; replace: string}>;
	answer?: string;
	dataset: Array<Record<string, Cell[][]>>;
};

const {exercises} = loadCatalogue();
const wrongs = parse(readFileSync(`${root}test/fixtures/answers/wrong/independent.yaml`, 'utf8')) as Record<string, Wrong[]>;
let sandbox: GradingSandbox;
const caught: string[] = [];
/** Wrong answers the exercises let pass (before this work: 23 of 27 caught; the scd2 one exposed a check that contradicted the task). */
const knownMissed = new Set<string>([]);
const missed: string[] = [];

beforeAll(async () => {
	sandbox = gradingSandbox();
	await sandbox.warm();
});
afterAll(async () => {
	await sandbox.close();
	console.log(`independent wrong answers caught by the exercises' checks: ${caught.length}/${caught.length + missed.length}${missed.length > 0 ? `; missed: ${missed.join(', ')}` : ''}`);
});

/** The wrong answer's SQL: its own, or the other-style correct answer with its patches. */
function wrongAnswer(base: string, wrong: Wrong): string {
	if (wrong.answer !== undefined) return wrong.answer;
	let text = base;
	for (const {find, replace} of wrong.patch ?? []) {
		expect(text.split(find).length - 1, `patch of ${wrong.id} must occur exactly once: ${find}`).toBe(1);
		text = text.replace(find, () => replace);
	}
	return text;
}

/** The exercise played on `dataset` alone: one visible run of its batches, every check but run-to-run ones applying to it. */
function onOwnData(exercise: Exercise, dataset: Wrong['dataset']): Exercise {
	const batches = Object.fromEntries(dataset.map((tables, i) => [`own${i + 1}`, {hidden: false, include: [], tables}]));
	const checks = exercise.checks
		.filter((check) => check.type !== 'same_as_run')
		.map((check) => {
			const {runs: _runs, ...rest} = check;
			return rest;
		}) as Exercise['checks'];
	return {...exercise, batches, runs: {own: {batches: Object.keys(batches), about: 'its own small dataset'}}, checks};
}

describe('independent wrong answers', () => {
	it('come three or more per exercise', () => {
		for (const exercise of exercises) expect(wrongs[exercise.id]?.length ?? 0, exercise.id).toBeGreaterThanOrEqual(3);
	});

	for (const exercise of exercises) {
		const base = readFileSync(`${root}test/fixtures/answers/${exercise.id}.sql`, 'utf8');
		for (const wrong of wrongs[exercise.id] ?? []) {
			const test = knownMissed.has(`${exercise.id}/${wrong.id}`) ? it.fails : it;
			test(`${exercise.id} / ${wrong.id}: wrong on its own dataset, and caught by the exercise`, async () => {
				const answer = wrongAnswer(base, wrong);
				const own = onOwnData(exercise, wrong.dataset);
				const right = await gradeAnswer(own, base, {sandbox});
				expect(right.checks.filter((check) => !check.passed), 'the correct answer must pass on the dataset').toEqual([]);
				const shown = await gradeAnswer(own, answer, {sandbox});
				expect(shown.passed, `${wrong.id} must be wrong on its own dataset`).toBe(false);
				const graded = await gradeAnswer(exercise, answer, {sandbox});
				(graded.passed ? missed : caught).push(`${exercise.id}/${wrong.id}`);
				expect(graded.passed, `${wrong.why}: the exercise's checks let it pass`).toBe(false);
			});
		}
	}
});
