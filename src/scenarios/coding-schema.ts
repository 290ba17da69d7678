/**
The shape of a Python live-coding problem (the `coding:` block of a scenarios
file; the built-in problems ship in `coding.yaml`): the single source of truth
for problem types, for `dojo validate` and for the editor JSON Schema.

A problem asks for one function. Each *case* calls it with arguments given as
JSON values (null is None) or built by a Python expression (large inputs), and
expects a value, a value built by a Python expression, or an exception class.
Like the SQL exercises, every problem carries a reference solution and
known-wrong answers, each naming the cases it must fail, so the tests prove
that every hidden case can catch a real mistake.
*/
import {z} from 'zod';
import {Id} from './model-schema.js';

const pythonName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a Python identifier');

/** One call of the candidate's function and what it must return or raise. */
export const CodingCaseSchema = z.strictObject({
	id: Id,
	about: z.string().min(1).describe('the edge case it covers, shown when it fails'),
	hidden: z.boolean().default(false).describe('hidden cases run after the visible ones and are not shown beforehand'),
	args: z.array(z.unknown()).optional().describe('positional arguments as JSON values (null is None)'),
	args_py: z.string().min(1).optional().describe('or: a Python expression evaluating to the list of arguments (large inputs)'),
	kwargs: z.record(z.string(), z.unknown()).default({}).describe('keyword arguments as JSON values'),
	expect: z.unknown().optional().describe('the expected result as a JSON value; tuples compare as lists'),
	expect_py: z.string().min(1).optional().describe('or: a Python expression evaluating to the expected result'),
	raises: pythonName.optional().describe('or: the exception class the call must raise (a subclass passes too)'),
	unordered: z.boolean().optional().describe("overrides the problem's compare.unordered for this case"),
	timeout_ms: z.number().int().positive('timeout_ms must be > 0').optional().describe("overrides the problem's limit for this case"),
});

/** How results are compared. */
export const CodingCompareSchema = z.strictObject({
	unordered: z.boolean().default(false).describe('the order of the returned list does not matter (the statement must say so)'),
	float_tolerance: z.number().nonnegative('float_tolerance must be >= 0').default(1e-6).describe('absolute and relative tolerance for floats'),
});

/** An answer that looks plausible but is wrong, and the cases that must catch it. */
export const CodingKnownWrongSchema = z.strictObject({
	id: Id,
	why: z.string().min(1).describe('the mistake, as a reviewer would name it'),
	fails: z.array(Id).min(1, 'name at least one case the answer fails').describe('exactly the cases it fails'),
	answer: z.string().min(1).describe('the whole wrong answer'),
});

const problemFields = z.strictObject({
	id: Id,
	title: z.string().min(1),
	summary: z.string().min(1).describe('one line shown in `dojo list` and `dojo code`'),
	statement: z.string().min(1).describe('the task as shown to the candidate'),
	function: pythonName.describe('the function the answer must define'),
	signature: z.string().min(1).describe('how the function is called, e.g. "sessionize(events, gap_s)"'),
	template: z.string().min(1).optional().describe('the starting file; by default a stub of the signature'),
	compare: CodingCompareSchema.default({unordered: false, float_tolerance: 1e-6}),
	timeout_ms: z.number().int().positive('timeout_ms must be > 0').default(2000).describe('wall-clock limit per case'),
	cases: z.array(CodingCaseSchema).min(2, 'a problem needs at least one visible and one hidden case'),
	solution: z.string().min(1).describe('the reference solution, written as a candidate would write it'),
	known_wrong: z.array(CodingKnownWrongSchema).min(2, 'a problem needs at least two known-wrong answers, each proving a case can fail'),
});

type ProblemFields = z.infer<typeof problemFields>;
type Problem = {path: Array<string | number>; message: string};

/** References inside one problem that the schema cannot express. */
export function codingProblems(problem: ProblemFields): Problem[] {
	const problems: Problem[] = [];
	if (!problem.signature.startsWith(`${problem.function}(`)) {
		problems.push({path: ['signature'], message: `must start with the function name, as in "${problem.function}(…)"`});
	}
	const ids = new Set<string>();
	for (const [c, item] of problem.cases.entries()) {
		if (ids.has(item.id)) problems.push({path: ['cases', c, 'id'], message: `duplicate case id "${item.id}"`});
		ids.add(item.id);
		if ((item.args === undefined) === (item.args_py === undefined)) problems.push({path: ['cases', c], message: 'give exactly one of `args` or `args_py`'});
		const expectations = ['expect' in item, item.expect_py !== undefined, item.raises !== undefined].filter(Boolean).length;
		if (expectations !== 1) problems.push({path: ['cases', c], message: 'give exactly one of `expect`, `expect_py` or `raises`'});
	}
	if (!problem.cases.some((item) => !item.hidden)) problems.push({path: ['cases'], message: 'a problem needs at least one visible case (an example)'});
	if (!problem.cases.some((item) => item.hidden)) problems.push({path: ['cases'], message: 'a problem needs at least one hidden case'});
	const wrongIds = new Set<string>();
	for (const [w, wrong] of problem.known_wrong.entries()) {
		if (wrongIds.has(wrong.id)) problems.push({path: ['known_wrong', w, 'id'], message: `duplicate known-wrong id "${wrong.id}"`});
		wrongIds.add(wrong.id);
		for (const [f, id] of wrong.fails.entries()) {
			if (!ids.has(id)) problems.push({path: ['known_wrong', w, 'fails', f], message: `no case "${id}"; expected one of ${[...ids].join(', ')}`});
		}
	}
	return problems;
}

/** One Python live-coding problem. */
export const CodingProblemSchema = problemFields.superRefine((problem, context) => {
	for (const found of codingProblems(problem)) context.addIssue({code: 'custom', path: found.path, message: found.message});
});

/** A validated problem, defaults applied. */
export type CodingProblem = z.infer<typeof CodingProblemSchema>;
/** One case of a problem. */
export type CodingCase = z.infer<typeof CodingCaseSchema>;
/** A known-wrong answer of a problem. */
export type CodingKnownWrong = z.infer<typeof CodingKnownWrongSchema>;

/** The file a candidate starts from: the problem's template, or a stub of its signature. */
export function codingTemplate(problem: Pick<CodingProblem, 'id' | 'title' | 'signature' | 'template'>): string {
	if (problem.template) return problem.template.endsWith('\n') ? problem.template : `${problem.template}\n`;
	return `# ${problem.title} (dojo code ${problem.id})\n\n\ndef ${problem.signature}:\n    raise NotImplementedError\n`;
}
