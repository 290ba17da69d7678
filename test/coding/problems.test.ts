/**
The discipline of the coding problems, as for the SQL exercises: every
reference solution passes every case, every known-wrong answer fails exactly
the cases it names (so each hidden case can catch a real mistake), and answers
written in another style (generators, classes, itertools) pass too.
*/
import {readdirSync, readFileSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {gradeAnswer, PythonRuntime} from '../../src/coding/index.js';
import {builtinCodingPath} from '../../src/scenarios/builtin.js';
import {loadYamlFile} from '../../src/scenarios/load.js';
import {scenarioFileChecks} from '../../src/scenarios/rules.js';
import {ScenarioFileSchema} from '../../src/scenarios/schema.js';

const loaded = loadYamlFile(builtinCodingPath(), ScenarioFileSchema, scenarioFileChecks());
if (!loaded.ok) throw new Error(loaded.errors.map((error) => `${error.line}:${error.col} ${error.path}: ${error.message}`).join('\n'));
const problems = loaded.value.coding;
// The shipped answers are trusted, so one child grades them all.
const runtime = new PythonRuntime({reuse: true});
afterAll(() => runtime.close());

const answersDir = new URL('./answers/', import.meta.url);
const alternatives = readdirSync(answersDir).filter((file) => file.endsWith('.py'));

describe('coding problems', () => {
	it('ships at least ten problems, each with hidden cases and two known-wrong answers', () => {
		expect(problems.length).toBeGreaterThanOrEqual(10);
		for (const problem of problems) {
			expect(problem.cases.some((item) => item.hidden), problem.id).toBe(true);
			expect(problem.known_wrong.length, problem.id).toBeGreaterThanOrEqual(2);
		}
	});

	describe.each(problems.map((problem) => [problem.id, problem] as const))('%s', (_id, problem) => {
		it('the reference solution passes every case', {timeout: 120_000}, async () => {
			const report = await gradeAnswer(runtime, {problem, source: problem.solution, filename: 'solution.py'});
			const failing = report.cases.filter((item) => !item.passed).map((item) => `${item.id}: ${item.message}`);
			expect(failing).toEqual([]);
		});

		// A typical answer within 0.5 s once Python is up; a problem with a 100,000-row case gets 2 s.
		const bound = problem.cases.some((item) => item.args_py !== undefined) ? 2 : 0.5;
		it(`a warm grading of the reference takes at most ${bound} s`, {timeout: 120_000}, async () => {
			await runtime.warm();
			const report = await gradeAnswer(runtime, {problem, source: problem.solution, filename: 'solution.py'});
			expect(report.passed).toBe(true);
			expect(report.wall_s).toBeLessThanOrEqual(bound);
		});

		it.each(problem.known_wrong.map((wrong) => [wrong.id, wrong] as const))('known-wrong %s fails exactly its named cases', {timeout: 120_000}, async (_wrongId, wrong) => {
			const report = await gradeAnswer(runtime, {problem, source: wrong.answer, filename: 'wrong.py'});
			const failing = report.cases.filter((item) => !item.passed).map((item) => item.id);
			expect(failing.sort(), report.cases.filter((item) => !item.passed).map((item) => `${item.id}: ${item.message}`).join('\n')).toEqual([...wrong.fails].sort());
		});
	});

	it.each(alternatives)('the answer in another style %s passes', {timeout: 120_000}, async (file) => {
		const id = file.replace(/--.*$/, '');
		const problem = problems.find((candidate) => candidate.id === id);
		expect(problem, `no problem ${id} for ${file}`).toBeDefined();
		const report = await gradeAnswer(runtime, {problem: problem!, source: readFileSync(new URL(file, answersDir), 'utf8'), filename: file});
		expect(report.cases.filter((item) => !item.passed).map((item) => `${item.id}: ${item.message}`)).toEqual([]);
	});
});
