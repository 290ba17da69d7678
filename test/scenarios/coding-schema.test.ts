/** The Python live-coding problems' schema: what `dojo validate` says for each broken problem, and the starting file. */
import {describe, expect, it} from 'vitest';
import {CodingProblemSchema, codingTemplate} from '../../src/scenarios/coding-schema.js';
import {formatIssue} from '../../src/scenarios/format-issue.js';
import {pathToString} from '../../src/scenarios/load.js';

/** A valid problem: one visible and one hidden case, two known-wrong answers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const base = (): Record<string, any> => ({
	id: 'p',
	title: 'Add',
	summary: 'S',
	statement: 'Add two numbers.',
	function: 'add',
	signature: 'add(a, b)',
	cases: [
		{id: 'c1', about: 'small', args: [1, 2], expect: 3},
		{id: 'c2', about: 'big', hidden: true, args_py: '[10**9, 1]', expect_py: '10**9 + 1'},
	],
	solution: 'def add(a, b):\n    return a + b\n',
	known_wrong: [
		{id: 'w1', why: 'subtracts', fails: ['c1'], answer: 'def add(a, b):\n    return a - b\n'},
		{id: 'w2', why: 'off by one', fails: ['c2'], answer: 'def add(a, b):\n    return a + b + 1\n'},
	],
});

/** `path: message` for each problem of the problem once `edit` is applied to a fresh copy. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function problems(edit: (problem: Record<string, any>) => void): string[] {
	const problem = base();
	edit(problem);
	const result = CodingProblemSchema.safeParse(problem, {reportInput: true});
	return result.success ? [] : result.error.issues.map(formatIssue).map(({path, message}) => `${pathToString(path)}: ${message}`);
}

describe('CodingProblemSchema', () => {
	it('accepts a valid problem and fills in its defaults', () => {
		const parsed = CodingProblemSchema.parse(base());
		expect(parsed.compare).toEqual({unordered: false, float_tolerance: 1e-6});
		expect(parsed.timeout_ms).toBe(2000);
		expect(parsed.cases[0]).toEqual({id: 'c1', about: 'small', hidden: false, args: [1, 2], kwargs: {}, expect: 3});
		expect(problems(() => {})).toEqual([]);
		expect(problems((problem) => (problem.cases[1] = {id: 'c2', about: 'raises', hidden: true, args: [], raises: 'TypeError'}))).toEqual([]);
	});

	it('names each field out of range', () => {
		expect(
			problems((problem) => {
				problem.function = '2add';
				problem.timeout_ms = 0;
				problem.compare = {float_tolerance: -1};
				problem.cases[0].timeout_ms = 0;
				problem.known_wrong[0].fails = [];
			}),
		).toEqual([
			'function: expected a Python identifier; got "2add"',
			'compare.float_tolerance: float_tolerance must be >= 0; got number -1',
			'timeout_ms: timeout_ms must be > 0; got number 0',
			'cases[0].timeout_ms: timeout_ms must be > 0; got number 0',
			'known_wrong[0].fails: name at least one case the answer fails; got 0 items',
			// A pattern failure does not stop the problem's own checks.
			'signature: must start with the function name, as in "2add(…)"',
		]);
		expect(problems((problem) => problem.cases.pop())).toContain('cases: a problem needs at least one visible and one hidden case; got 1 item');
		expect(problems((problem) => problem.known_wrong.pop())).toEqual(['known_wrong: a problem needs at least two known-wrong answers, each proving a case can fail; got 1 item']);
	});

	it('checks the signature, the cases and the known-wrong answers against each other', () => {
		expect(
			problems((problem) => {
				problem.signature = 'plus(a, b)';
				problem.cases[1].id = 'c1';
				problem.cases[1].args = [1];
				problem.cases[0].raises = 'ValueError';
				problem.known_wrong[1].id = 'w1';
				problem.known_wrong[1].fails = ['c1', 'c9'];
			}),
		).toEqual([
			'signature: must start with the function name, as in "add(…)"',
			'cases[0]: give exactly one of `expect`, `expect_py` or `raises`',
			'cases[1].id: duplicate case id "c1"',
			'cases[1]: give exactly one of `args` or `args_py`',
			'known_wrong[1].id: duplicate known-wrong id "w1"',
			'known_wrong[1].fails[1]: no case "c9"; expected one of c1',
		]);
	});

	it('needs a case without args, or without an expectation, to say so', () => {
		expect(problems((problem) => delete problem.cases[0].args)).toEqual(['cases[0]: give exactly one of `args` or `args_py`']);
		expect(problems((problem) => delete problem.cases[0].expect)).toEqual(['cases[0]: give exactly one of `expect`, `expect_py` or `raises`']);
		expect(problems((problem) => delete problem.cases[1].expect_py)).toEqual(['cases[1]: give exactly one of `expect`, `expect_py` or `raises`']);
	});

	it('needs a visible case and a hidden one', () => {
		expect(problems((problem) => (problem.cases[1].hidden = false))).toEqual(['cases: a problem needs at least one hidden case']);
		expect(problems((problem) => (problem.cases[0].hidden = true))).toEqual(['cases: a problem needs at least one visible case (an example)']);
	});
});

describe('codingTemplate', () => {
	it('is the problem\'s template, ending in a newline, or a stub of the signature', () => {
		expect(codingTemplate({id: 'p', title: 'Add', signature: 'add(a, b)', template: 'def add(a, b):\n    pass'})).toBe('def add(a, b):\n    pass\n');
		expect(codingTemplate({id: 'p', title: 'Add', signature: 'add(a, b)', template: 'x = 1\n'})).toBe('x = 1\n');
		expect(codingTemplate({id: 'p', title: 'Add', signature: 'add(a, b)'})).toBe('# Add (dojo code p)\n\n\ndef add(a, b):\n    raise NotImplementedError\n');
	});
});
