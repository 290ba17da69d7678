/**
`dojo code`: the Python live-coding round. Lists the problems, grades an answer
file (`--answer`, scriptable, `--json`), or runs a round in a terminal: the
statement and examples, a template `<id>.py` opened in $EDITOR, the visible then
the hidden cases graded in the sandboxed runtime, a timer and think-aloud notes.
*/
import {appendFileSync, existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {basename} from 'node:path';
import {createInterface} from 'node:readline/promises';
import {UsageError} from '../errors.js';
import {codingTemplate, type CodingProblem} from '../scenarios/coding-schema.js';
import type {Command} from './command.js';
import {recordCodingAttempt} from './app-recorder.js';

/** The largest answer file read: an answer is a page of Python. */
const maxAnswerBytes = 2 ** 20;

function readAnswer(file: string): string {
	try {
		const stat = statSync(file);
		if (stat.isDirectory()) throw new UsageError(`the answer file ${file} is a directory; expected a .py file`);
		if (stat.size > maxAnswerBytes) throw new UsageError(`the answer file ${file} holds ${(stat.size / 2 ** 20).toFixed(1)} MB; an answer is Python text of at most 1 MB`);
		const text = readFileSync(file, 'utf8');
		if (text.trim() === '') throw new UsageError(`the answer file ${file} is empty; expected a Python file defining the function`);
		return text;
	} catch (error) {
		if (error instanceof UsageError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
		throw new UsageError(`cannot read the answer file ${file}: ${why}`);
	}
}

function findProblem(problems: readonly CodingProblem[], id: string): CodingProblem {
	const problem = problems.find((candidate) => candidate.id === id);
	if (!problem) throw new UsageError(`unknown coding problem "${id}"; expected one of ${problems.map((candidate) => candidate.id).join(', ')} (see \`dojo code\`)`);
	return problem;
}

function listProblems(problems: readonly CodingProblem[], json: boolean): string {
	if (json) return JSON.stringify({coding: problems.map(({id, title, summary}) => ({id, title, summary}))}, null, 2);
	const width = Math.max(...problems.map((problem) => problem.id.length), 2) + 2;
	const lines = ['Coding problems (Python)', ...problems.map((problem) => `  ${problem.id.padEnd(width)}${problem.summary}`)];
	lines.push('', 'Practise one:  dojo code <id>', 'Grade a file:  dojo code <id> --answer FILE.py [--json]');
	return lines.join('\n');
}

const clock = (ms: number) => {
	const total = Math.floor(ms / 1000);
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/** Reads --python: pyodide (the default, sandboxed) or system (the user's python3, not sandboxed, said on stderr). */
function pythonChoice(value: unknown, stderr: NodeJS.WritableStream): 'pyodide' | 'system' {
	if (value === undefined || value === 'pyodide') return 'pyodide';
	if (value !== 'system') throw new UsageError(`--python must be pyodide or system; got "${String(value)}"`);
	const probe = spawnSync('python3', ['-I', '-c', 'import sys; print(sys.version_info[0])'], {encoding: 'utf8', timeout: 10_000});
	if (probe.status !== 0 || probe.stdout.trim() !== '3') throw new UsageError('--python system needs python3 on PATH; it was not found (or is not Python 3). Leave out --python to use the bundled pyodide');
	stderr.write('warning: --python system runs your answer with your own python3, NOT sandboxed: it can read and write your files and use the network. Isolated mode, a temporary directory, a scrubbed environment and a time limit only.\n');
	return 'system';
}

/** The terminal round: statement, template, editor, grading, timer and notes. */
async function playRound(problem: CodingProblem, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, python: 'pyodide' | 'system'): Promise<number> {
	const coding = await import('../coding/index.js');
	const {formatReport, formatStatement} = coding;
	// Start Python now: a cold start takes seconds, which the candidate spends reading.
	const runtime = new coding.PythonRuntime({python});
	runtime.warm().catch(() => undefined);
	const file = `${problem.id}.py`;
	const notesFile = `${problem.id}.notes.md`;
	const started = Date.now();
	stdout.write(`${formatStatement(problem)}\n\n`);
	if (existsSync(file)) stdout.write(`Your answer: ${file} (kept from before)\n`);
	else {
		writeFileSync(file, codingTemplate(problem));
		stdout.write(`Your answer: ${file} (written from a template)\n`);
	}
	const editor = process.env['VISUAL']?.trim() || process.env['EDITOR']?.trim();
	stdout.write(editor ? `e opens it in ${editor} ($${process.env['VISUAL']?.trim() ? 'VISUAL' : 'EDITOR'}).\n` : `No $EDITOR is set: edit ${file} in another window (or run with EDITOR=nano).\n`);
	const readline = createInterface({input: process.stdin, output: stdout as NodeJS.WriteStream});
	let lastPassed = false;
	let interrupted = false;
	try {
		for (;;) {
			const choice = (await readline.question(`\n[${clock(Date.now() - started)}] ${editor ? 'e edit, ' : ''}r run the tests, n add a think-aloud note, q quit > `)).trim().toLowerCase();
			if (choice === 'q' || choice === 'quit') break;
			if (choice === 'e' && editor) {
				readline.pause();
				spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'editor', file], {stdio: 'inherit'});
				readline.resume();
			} else if (choice === 'n') {
				const note = (await readline.question('note> ')).trim();
				if (note) {
					appendFileSync(notesFile, `- [${clock(Date.now() - started)}] ${note}\n`);
					stdout.write(`saved to ${notesFile}\n`);
				}
			} else if (choice === 'r' || choice === '') {
				stdout.write('grading… (visible cases, then hidden)\n');
				const source = readFileSync(file, 'utf8');
				const report = await coding.gradeAnswer(runtime, {problem, source, filename: basename(file)});
				lastPassed = report.passed;
				stdout.write(`${formatReport(report)}\n`);
				appendFileSync(notesFile, `- [${clock(Date.now() - started)}] graded: ${report.cases.filter((item) => item.passed).length}/${report.cases.length} cases passed\n`);
				// The attempt is saved with the notes so far, as `dojo history` lists it.
				recordCodingAttempt(stderr, {problem: problem.id, at: Date.now(), answer: source, passed: report.passed, cases: report.cases, notes: existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '', seconds: (Date.now() - started) / 1000});
			}
		}
	} catch (error) {
		// Ctrl-C at a prompt: readline rejects with an AbortError. It is the user leaving (exit 130), not a crash.
		if ((error as {code?: unknown}).code !== 'ABORT_ERR') throw error;
		interrupted = true;
	} finally {
		readline.close();
		await runtime.stop();
	}
	stdout.write(`${interrupted ? '\n' : ''}Time: ${clock(Date.now() - started)}. Notes: ${existsSync(notesFile) ? notesFile : 'none'}.\n`);
	if (interrupted) return 130;
	return lastPassed ? 0 : 1;
}

/** `dojo code`. */
export const codeCommand: Command = {
	name: 'code',
	summary: 'grade a Python live-coding answer',
	help: `
  Usage
    $ dojo code                         list the problems
    $ dojo code <id>                    practise one in a terminal
    $ dojo code <id> --answer FILE.py   grade an answer file [--json]

  Data-engineering coding problems (parse logs, sessionize, dedupe, top-k per
  group, CDC diffs, …) answered in Python. Your file must define the function
  the problem names; it runs on the visible examples, then on hidden cases for
  the edge cases interviewers probe. Python is pyodide (3.14, the standard
  library, no numpy or pandas), bundled with dojo: nothing to install, nothing
  fetched. Results compare tuples as lists, floats within 1e-6, and ignore
  order where the statement says so.

  The answer runs in a sandbox: a separate Node process under the permission
  model (no file writes, no reads outside pyodide, no programs, an empty
  environment), 512 MB of memory, and a time limit per case (2 s unless the
  problem says otherwise), after which the process is killed.

  In a terminal, dojo writes <id>.py from a template in the current directory,
  opens it in $VISUAL or $EDITOR with e, grades it with r, and saves
  think-aloud notes (n) and each grading to <id>.notes.md.

  Options
    --answer FILE    grade this file and exit (no terminal needed)
    --python system  use your own python3 instead (for pandas): isolated mode,
                     a temporary directory, a scrubbed environment, the process
                     group killed at the time limit, an address-space rlimit.
                     NOT sandboxed: the answer can do anything you can
    --json         print {problem, passed, wall_s, cases: [{id, hidden,
                   passed, message?, expected?, got?}]}

  Exit code
    0 every case passed, 1 some case failed (a syntax error or a missing
    function fails every case), 2 bad input (unknown problem, missing file).

  Examples
    $ dojo code sessionize
    $ dojo code sessionize --answer sessionize.py --json | jq '.cases[] | select(.passed | not)'
`,
	flags: {answer: {type: 'string'}, python: {type: 'string'}},
	async run({input, flags, catalogue, stdout, stderr}) {
		const json = Boolean(flags['json']);
		const answerFile = flags['answer'] as string | undefined;
		const [id, ...extra] = input;
		if (extra.length > 0) throw new UsageError(`expected one problem id; got ${input.join(' ')}`);
		const python = pythonChoice(flags['python'], stderr);
		if (id !== undefined && answerFile !== undefined) {
			// Start Python first, so it boots while this process reads the catalogue and the file.
			const coding = await import('../coding/index.js');
			// One grading and done: no fresh child is needed after it.
			const runtime = new coding.PythonRuntime({python, reuse: true});
			runtime.warm().catch(() => undefined);
			try {
				const problem = findProblem(catalogue().coding, id);
				const source = readAnswer(answerFile);
				const report = await coding.gradeAnswer(runtime, {problem, source, filename: basename(answerFile)});
				recordCodingAttempt(stderr, {problem: problem.id, at: Date.now(), answer: source, passed: report.passed, cases: report.cases});
				if (json) {
					const cases = report.cases.map(({id: caseId, hidden, passed, message, expected, got}) => ({id: caseId, hidden, passed, ...(message ? {message} : {}), ...(expected !== undefined ? {expected} : {}), ...(got !== undefined ? {got} : {})}));
					stdout.write(`${JSON.stringify({problem: report.problem, passed: report.passed, wall_s: report.wall_s, ...(report.error ? {error: report.error} : {}), cases}, null, 2)}\n`);
				} else {
					const {formatReport} = coding;
					stdout.write(`${formatReport(report)}\n`);
				}
				return report.passed ? 0 : 1;
			} finally {
				await runtime.stop();
			}
		}
		const problems = catalogue().coding;
		if (id === undefined) {
			if (answerFile !== undefined) throw new UsageError(`--answer needs a problem id: dojo code <id> --answer ${answerFile}`);
			stdout.write(`${listProblems(problems, json)}\n`);
			return 0;
		}
		const problem = findProblem(problems, id);
		if (json || !process.stdin.isTTY || !process.stdout.isTTY) {
			throw new UsageError([`dojo code ${id} is interactive and needs a terminal${json ? ' (and --json needs --answer)' : ''}; to grade a file without one:`, `  dojo code ${id} --answer FILE.py [--json]`]);
		}
		return playRound(problem, stdout, stderr, python);
	},
};
