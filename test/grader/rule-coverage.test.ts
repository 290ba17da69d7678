/**
Rule coverage: every rule a task states (each bullet of its text, and the output
contract) is listed in the exercise's `rules`, with the checks that enforce it, a
hidden run that exercises it, and a known-wrong answer that breaks it and fails
one of those checks. An uncovered bullet fails here, so coverage is gated.
*/
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {gradeAnswer} from '../../src/grader/index.js';
import {gradingSandbox, type GradingSandbox} from '../helpers/grading-sandbox.js';
import {checkRuns} from '../../src/grader/jobs.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {exerciseProblems, knownWrongAnswer, type Exercise, type ExerciseFields} from '../../src/scenarios/exercise-schema.js';

const {exercises} = loadCatalogue();
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The task's bullets ("- …", continued on indented lines), normalized. */
function bullets(task: string): string[] {
	const out: string[] = [];
	let open = false;
	for (const line of task.split('\n')) {
		if (/^- /.test(line)) {
			out.push(line.slice(2));
			open = true;
		} else if (open && /^\s+\S/.test(line)) out[out.length - 1] += ` ${line.trim()}`;
		else open = false;
	}
	return out.map(normalize);
}

/** Bullets of the task that no rule quotes: the rules a candidate may read that nothing is known to enforce. */
export function uncoveredBullets(exercise: Pick<Exercise, 'task' | 'rules'>): string[] {
	return bullets(exercise.task).filter((bullet) => !exercise.rules.some((rule) => !rule.text.startsWith('contract: ') && bullet.includes(normalize(rule.text))));
}

const hiddenRun = (exercise: Exercise, runId: string) => exercise.runs[runId]!.batches.some((batch) => exercise.batches[batch]?.hidden);

let sandbox: GradingSandbox;
beforeAll(async () => {
	sandbox = gradingSandbox();
	await sandbox.warm();
});
afterAll(() => sandbox.close());

describe('rule coverage', () => {
	it('finds an uncovered bullet (the gate itself can fail)', () => {
		const exercise = exercises.find((candidate) => candidate.id === 'scd1-user-profile')!;
		expect(uncoveredBullets(exercise)).toEqual([]);
		const fewer = {...exercise, rules: exercise.rules.filter((rule) => !'An upsert overwrites every attribute; a NULL means the user cleared the field.'.includes(rule.text))};
		expect(uncoveredBullets(fewer)).toEqual([expect.stringContaining('a NULL means the user cleared the field')]);
	});

	it('refuses a rule whose known-wrong answer targets another check, or that does not quote the task', () => {
		const exercise = exercises.find((candidate) => candidate.id === 'scd1-user-profile')!;
		const broken: ExerciseFields = {...exercise, rules: [{text: 'A delete keeps the row', checks: ['delete-keeps-row'], wrong: 'coalesce-keeps-old'}, {text: 'users may fly', checks: ['columns'], wrong: 'missing-preferences'}]};
		const messages = exerciseProblems(broken).map((problem) => `${problem.path.join('.')}: ${problem.message}`);
		expect(messages).toContainEqual(expect.stringMatching(/^rules\.0\.wrong: known-wrong "coalesce-keeps-old" targets the check null-clears-field/));
		expect(messages).toContainEqual(expect.stringMatching(/^rules\.1\.text: must quote the task text/));
	});

	for (const exercise of exercises) {
		describe(exercise.id, () => {
			it('lists a rule for every bullet of its task and for its output contract', () => {
				expect(exercise.rules.length).toBeGreaterThanOrEqual(4);
				expect(uncoveredBullets(exercise)).toEqual([]);
				expect(exercise.rules.some((rule) => rule.text.startsWith('contract: ')) || exercise.kind === 'index', 'a rule for the output contract').toBe(true);
			});

			it('exercises every rule on hidden data (the index exercise has none: its plan is the data)', () => {
				if (exercise.kind === 'index') return;
				for (const rule of exercise.rules) {
					const checks = exercise.checks.filter((check) => rule.checks.includes(check.id));
					expect(checks.some((check) => checkRuns(exercise, check).some((run) => hiddenRun(exercise, run))), rule.text).toBe(true);
				}
			});

			it("breaks every rule with a known-wrong answer that fails one of the rule's checks", async () => {
				for (const rule of exercise.rules) {
					const wrong = exercise.known_wrong.find((candidate) => candidate.id === rule.wrong)!;
					const report = await gradeAnswer(exercise, knownWrongAnswer(exercise, wrong), {sandbox});
					const failed = report.checks.filter((check) => !check.passed).map((check) => check.id);
					expect(failed.filter((id) => rule.checks.includes(id)), `${rule.text} (${wrong.id})`).not.toEqual([]);
				}
			});
		});
	}
});
