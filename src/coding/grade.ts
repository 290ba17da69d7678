/**
Grades a Python answer to a coding problem: runs the visible cases, then the
hidden ones, in the runtime, and turns each outcome into a verdict a candidate
can act on: the input, what was expected, what came back, what it printed, and
any exception with its line in the candidate's file. A file that cannot load
(syntax error, missing function) fails every case with one message naming why.
*/
import type {CodingCase, CodingProblem} from '../scenarios/coding-schema.js';
import {difference, showValue} from './compare.js';
import type {PyError} from './protocol.js';
import type {CaseRun, LoadRun, PythonRuntime, RunCase} from './runtime.js';

/** One case's verdict. */
export type CaseVerdict = {
	readonly id: string;
	readonly hidden: boolean;
	readonly about: string;
	readonly passed: boolean;
	readonly message?: string;
	readonly expected?: unknown;
	readonly got?: unknown;
	/** The arguments, as the candidate would write the call. */
	readonly input: string;
	readonly stdout?: string;
	readonly ms?: number;
};

/** A graded answer. */
export type GradeReport = {
	readonly problem: string;
	readonly passed: boolean;
	readonly wall_s: number;
	/** Why the file could not be graded at all (syntax error, missing function), when that happened. */
	readonly error?: string;
	readonly cases: readonly CaseVerdict[];
};

/** What to grade. */
export type GradeInput = {
	readonly problem: CodingProblem;
	readonly source: string;
	/** The candidate's file name as they would recognise it. */
	readonly filename: string;
	/** The heap cap the runtime was given, for the out-of-memory message. */
	readonly heapMb?: number;
};

/** Visible cases first, then hidden ones, each in file order. */
export function orderedCases(problem: CodingProblem): CodingCase[] {
	return [...problem.cases.filter((item) => !item.hidden), ...problem.cases.filter((item) => item.hidden)];
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

/** The call as the candidate would write it. */
export function callText(problem: CodingProblem, item: CodingCase): string {
	if (item.args_py !== undefined) return `${problem.function}(*${item.args_py})`;
	const args = (item.args ?? []).map((value) => showValue(value, 400));
	const kwargs = Object.entries(item.kwargs).map(([key, value]) => `${key}=${showValue(value, 200)}`);
	return `${problem.function}(${[...args, ...kwargs].join(', ')})`;
}

/** An exception as one line: type, message, and where in the candidate's file. */
export function errorText(error: PyError, filename: string): string {
	const where = error.line ? ` at ${filename} line ${error.line}${error.text ? `: ${error.text}` : ''}` : '';
	return `${error.type}${error.message ? `: ${error.message}` : ''}${where}`;
}

/** Why the file could not be graded, or undefined when it loaded. */
export function loadProblem(load: LoadRun, problem: CodingProblem, filename: string, heapMb: number): string | undefined {
	if (load.kind === 'timeout') return `running ${filename} itself (its top level) passed the time limit of ${seconds(load.limitMs)}`;
	if (load.kind === 'crashed') return load.message;
	const outcome = load.outcome;
	if (outcome.ok) return undefined;
	if (outcome.syntax) {
		const {line, col, message, text} = outcome.syntax;
		return `${filename}:${line ?? '?'}${col ? `:${col}` : ''}: SyntaxError: ${message}${text ? `\n    ${text.trim()}` : ''}`;
	}
	if (outcome.memory) return `${filename} ran out of memory while loading (the limit is ${heapMb} MB)`;
	if (outcome.error) return `${filename} raised while loading: ${errorText(outcome.error, filename)}`;
	const defined = outcome.missing ?? [];
	return `expected a function \`${problem.signature}\`; ${filename} defines ${defined.length > 0 ? defined.map((name) => `\`${name}\``).join(', ') : 'no function'}`;
}

/** Runs the answer on every case and returns the verdicts. */
export async function gradeAnswer(runtime: PythonRuntime, {problem, source, filename, heapMb = 512}: GradeInput): Promise<GradeReport> {
	const started = performance.now();
	const cases = orderedCases(problem);
	const wire: RunCase[] = cases.map((item) => ({
		id: item.id,
		...(item.args !== undefined ? {args: JSON.stringify(item.args)} : {}),
		...(item.args_py !== undefined ? {args_py: item.args_py} : {}),
		...(Object.keys(item.kwargs).length > 0 ? {kwargs: item.kwargs} : {}),
		...(item.expect_py !== undefined ? {expect_py: item.expect_py} : {}),
		timeoutMs: item.timeout_ms ?? problem.timeout_ms,
	}));
	const result = await runtime.run({source, filename, function: problem.function, cases: wire, loadTimeoutMs: problem.timeout_ms});
	const failure = loadProblem(result.load, problem, filename, heapMb);
	const verdicts = cases.map((item, index): CaseVerdict => {
		const base = {id: item.id, hidden: item.hidden, about: item.about, input: callText(problem, item)};
		if (failure) return {...base, passed: false, message: failure.split('\n')[0]!};
		return {...base, ...judge(problem, item, result.cases[index], filename, heapMb)};
	});
	const wall = (performance.now() - started) / 1000;
	return {problem: problem.id, passed: verdicts.every((verdict) => verdict.passed), wall_s: Number(wall.toFixed(3)), ...(failure ? {error: failure} : {}), cases: verdicts};
}

type Judged = Pick<CaseVerdict, 'passed' | 'message' | 'expected' | 'got' | 'stdout' | 'ms'>;

function judge(problem: CodingProblem, item: CodingCase, run: CaseRun | undefined, filename: string, heapMb: number): Judged {
	if (!run) return {passed: false, message: 'not run'};
	if (run.kind === 'timeout') return {passed: false, message: `stopped at the time limit of ${seconds(run.limitMs)}`};
	if (run.kind !== 'ran') return {passed: false, message: run.message};
	const {outcome, ms} = run;
	const printed = outcome.stdout ? {stdout: outcome.stdout} : {};
	if (outcome.harness) throw new Error(`problem ${problem.id}, case ${item.id}: its args_py or expect_py failed: ${outcome.harness}`);
	const expected = 'expect_py' in item && item.expect_py !== undefined ? outcome.expected : item.expect;
	if (outcome.memory) return {...printed, ms, passed: false, message: `ran out of memory (the limit is ${heapMb} MB)`};
	if (item.raises !== undefined) {
		if (outcome.error?.mro.includes(item.raises)) return {...printed, ms, passed: true};
		if (outcome.error) return {...printed, ms, passed: false, message: `expected ${item.raises} to be raised; got ${errorText(outcome.error, filename)}`, expected: `raises ${item.raises}`};
		return {...printed, ms, passed: false, message: `expected ${item.raises} to be raised; it returned ${showValue(outcome.value, 120)}`, expected: `raises ${item.raises}`, got: outcome.value};
	}
	if (outcome.error) return {...printed, ms, passed: false, message: `raised ${errorText(outcome.error, filename)}`, expected};
	const found = difference(expected, outcome.value, {unordered: item.unordered ?? problem.compare.unordered, tolerance: problem.compare.float_tolerance});
	return found ? {...printed, ms, passed: false, message: found, expected, got: outcome.value} : {...printed, ms, passed: true};
}
