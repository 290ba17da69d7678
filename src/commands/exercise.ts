/**
`dojo exercise`: list the SQL exercises, grade an answer file (`--answer`,
scriptable, `--json`), or practise one interactively in a terminal (the app's
exercise screen: read the task, edit a template in $EDITOR or paste SQL, see
every check with its diff).
*/
import {Buffer, isUtf8} from 'node:buffer';
import {closeSync, constants, fstatSync, lstatSync, openSync, readSync} from 'node:fs';
import {UsageError} from '../errors.js';
import type {Exercise} from '../scenarios/exercise-schema.js';
import type {TableDesign} from '../scenarios/table-design-schema.js';
import type {Catalogue} from '../scenarios/builtin.js';
import {nearest} from '../did-you-mean.js';
import {onInterrupt} from '../interrupt.js';
import type {Command} from './command.js';

/** The largest answer file read: answers are a few kilobytes of SQL, and the whole file is held in memory. */
const maxAnswerBytes = 2 ** 20;

/**
Reads an answer file as a regular file, reading at most the cap (a FIFO would
block, and /dev/zero reports size 0 but never ends), and refuses a symbolic
link (it could point at any file of the host, whose lines SQLite's errors would
echo) and binary data.
*/
function readAnswer(file: string): string {
	let fd: number | undefined;
	try {
		const link = lstatSync(file);
		if (link.isSymbolicLink()) throw new UsageError(`the answer file ${file} is a symbolic link; pass the .sql file itself`);
		if (link.isDirectory()) throw new UsageError(`the answer file ${file} is a directory; expected a .sql file`);
		if (!link.isFile()) throw new UsageError(`the answer file ${file} is not a regular file (a pipe or device); expected a .sql file`);
		fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
		if (!fstatSync(fd).isFile()) throw new UsageError(`the answer file ${file} is not a regular file; expected a .sql file`);
		const buffer = Buffer.alloc(maxAnswerBytes + 1);
		let length = 0;
		for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
		if (length > maxAnswerBytes) throw new UsageError(`the answer file ${file} holds ${(fstatSync(fd).size / 2 ** 20).toFixed(1)} MB; an answer is SQL text of at most 1 MB`);
		const bytes = buffer.subarray(0, length);
		if (bytes.includes(0) || !isUtf8(bytes)) throw new UsageError(`the answer file ${file} is binary, not SQL text (it holds NUL bytes or is not UTF-8)`);
		return bytes.toString('utf8');
	} catch (error) {
		if (error instanceof UsageError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'it is a symbolic link' : String(code ?? error);
		throw new UsageError(`cannot read the answer file ${file}: ${why}`);
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** Finds an exercise by id, or throws a usage error naming the ones that exist. */
function findExercise(exercises: readonly Exercise[], id: string, others: readonly string[] = []): Exercise {
	const exercise = exercises.find((candidate) => candidate.id === id);
	const ids = [...exercises.map((candidate) => candidate.id), ...others];
	const near = nearest(id, ids);
	if (!exercise) throw new UsageError(`unknown exercise "${id}"${near ? ` (did you mean ${near}?)` : ''}; expected one of ${ids.join(', ')} (see \`dojo exercise\`)`);
	return exercise;
}

function listExercises(exercises: readonly Exercise[], json: boolean, designs: ReadonlyArray<TableDesign & {scenario: string}> = []): string {
	const rows = [...exercises.map(({id, title, scenario, kind, summary}) => ({id, title, scenario, kind: kind as string, summary})), ...designs.map(({id, title, scenario, summary}) => ({id, title, scenario, kind: 'redshift', summary}))];
	if (json) return JSON.stringify({exercises: rows}, null, 2);
	const width = Math.max(...rows.map((exercise) => exercise.id.length), 2) + 2;
	const lines = ['Exercises', ...rows.map((exercise) => `  ${exercise.id.padEnd(width)}${exercise.kind.padEnd(10)}${exercise.summary}`)];
	lines.push('', 'Practise one:  dojo exercise <id>', 'Grade a file:  dojo exercise <id> --answer FILE.sql [--json]');
	return lines.join('\n');
}

/** The Redshift table-design exercises of the catalogue's scenarios. */
export function tableDesigns(catalogue: Catalogue): Array<TableDesign & {scenario: string}> {
	return catalogue.scenarios.flatMap((scenario) => scenario.table_designs.map((design) => ({...design, scenario: scenario.id})));
}

/**
A table-design exercise: without an answer it prints the task (a few choices
per table, so no editor session is needed); with one it grades the DDL or
YAML and prints every check with its figures.
*/
async function runTableDesign(design: TableDesign, answerFile: string | undefined, json: boolean, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
	const redshift = await import('../redshift/index.js');
	if (answerFile === undefined) {
		if (json) throw new UsageError(`--json needs --answer: dojo exercise ${design.id} --answer FILE.sql --json`);
		stdout.write(`${redshift.designTaskLines(design).join('\n')}\n`);
		return 0;
	}
	const started = performance.now();
	const text = readAnswer(answerFile);
	const read = redshift.readDesignAnswer(text);
	if (!read.ok) throw new UsageError(read.problems.map((problem) => `${answerFile}: ${problem}`));
	const problems = redshift.answerProblems(design, read.answer);
	if (problems.length > 0) throw new UsageError(problems.map((problem) => `${answerFile}: ${problem}`));
	const report = redshift.gradeDesign(design, read.answer);
	const wall_s = Number(((performance.now() - started) / 1000).toFixed(3));
	const {recordAttempt} = await import('./app-recorder.js');
	recordAttempt(stderr, {exercise: design.id, at: Date.now(), roundId: null, answer: text, report: {exercise: design.id, passed: report.passed, wall_s, checks: [...report.checks]}});
	stdout.write(json ? `${JSON.stringify({exercise: design.id, passed: report.passed, wall_s, checks: report.checks, figures: report.figures}, (_, value) => (value === Number.POSITIVE_INFINITY ? 'Infinity' : value), 2)}\n` : `${redshift.designReportLines(design, report).join('\n')}\n`);
	return report.passed ? 0 : 1;
}

/** `dojo exercise`. */
export const exerciseCommand: Command = {
	name: 'exercise',
	summary: 'grade a data-modeling answer written in SQL',
	help: `
  Usage
    $ dojo exercise                          list the exercises
    $ dojo exercise <id>                     practise one in a terminal
    $ dojo exercise <id> --answer FILE.sql   grade an answer file [--json]
    $ dojo exercise redshift-game-events     a Redshift table design: prints the task

  Each exercise gives staging tables and a contract (tables, columns, keys,
  grain, conventions). Your SQL runs in a sandbox, a fresh in-memory SQLite
  database per run, over sample and hidden batches (duplicates, late events,
  re-runs, NULLs, ties, deletes), and is graded by checks: properties such as
  grain uniqueness or SCD2 intervals, re-runs that must change nothing, and the
  reference solution's result with surrogate keys compared through natural keys.
  A design exercise leaves the model to you (types, keys, constraints, indexes)
  and also grades what it declares (keys, foreign keys, integer keys in the
  facts) and the answers its business questions get on your tables.

  A Redshift table-design exercise (redshift-game-events) asks for DISTSTYLE,
  DISTKEY and SORTKEY per table, as CREATE TABLE statements or YAML; it works
  out the slice skew, each join's distribution and the 1 MB blocks each range
  query reads, beside the best design's.

  A pipeline or design answer has two sections marked by comment lines:
  "-- @schema" (runs once) and "-- @load" (runs after every batch). A query
  answer ends with the query that is graded. An index answer is the DDL.

  Interactive mode shows the task, the staging schema and sample rows; e opens
  <id>.sql in $VISUAL or $EDITOR (a template the first time, in the current
  directory), enter lets you paste SQL instead; every grading shows each check
  with its diff. It exits 0 when the last grading passed, 1 when it did not.

  Options
    --answer FILE  grade this file and exit (no terminal needed)
    --json         print {exercise, passed, wall_s, checks: [{id, passed,
                   message, missing_rows?, unexpected_rows?}]}
    --reveal       also show the expected rows of hidden runs (held back
                   otherwise, so they cannot be replayed): for practice
                   after giving up

  Limits
    3 s per run (the process running it is killed), 64 MB of database, 10,000
    rows per query, 1 MB of answer file. ATTACH, DETACH, VACUUM, load_extension
    and most PRAGMAs are refused. The staging tables are the harness's: read
    (and index) them, but do not change, drop, alter, hide or trigger on them.

  Exit code
    0 every check passed, 1 some check failed, 2 bad input (unknown exercise,
    missing, empty, binary or non-regular answer file, a statement the
    sandbox refuses), 130 interrupted (Ctrl-C), 70 internal error.

  Examples
    $ dojo exercise scd2-plan-price
    $ dojo exercise scd2-plan-price --answer scd2.sql --json | jq '.checks[] | select(.passed | not)'
`,
	flags: {answer: {type: 'string'}, reveal: {type: 'boolean', default: false}},
	async run({input, flags, catalogue, stdout, stderr}) {
		const json = Boolean(flags['json']);
		const answerFile = flags['answer'] as string | undefined;
		const [id, ...extra] = input;
		if (extra.length > 0) throw new UsageError(`expected one exercise id; got ${input.join(' ')}`);
		const design = id === undefined ? undefined : tableDesigns(catalogue()).find((candidate) => candidate.id === id);
		if (design) return runTableDesign(design, answerFile, json, stdout, stderr);
		if (id !== undefined && answerFile !== undefined) {
			// Start the sandbox child first, so it boots while this process parses the catalogue.
			const grader = await import('../grader/index.js');
			const sandbox = new grader.Sandbox();
			sandbox.warm().catch(() => undefined);
			// Ctrl-C: kill the child and remove its folder before leaving with 130 (src/interrupt.ts).
			// close() kills the child and removes the folder at once; waiting for the exit is not needed here.
			const release = onInterrupt(() => void sandbox.close());
			try {
				const exercise = findExercise(catalogue().exercises, id, tableDesigns(catalogue()).map((candidate) => candidate.id));
				const answer = readAnswer(answerFile);
				const report = await grader.gradeAnswer(exercise, answer, {sandbox, reveal: Boolean(flags['reveal'])});
				const {recordAttempt} = await import('./app-recorder.js');
				recordAttempt(stderr, {exercise: exercise.id, at: Date.now(), roundId: null, answer, report});
				stdout.write(json ? `${grader.reportJson(report)}\n` : `${grader.formatReport(exercise, report).join('\n')}\n`);
				return report.passed ? 0 : 1;
			} finally {
				release();
				await sandbox.close();
			}
		}
		const {exercises} = catalogue();
		if (id === undefined) {
			if (answerFile !== undefined) throw new UsageError(`--answer needs an exercise id: dojo exercise <id> --answer ${answerFile}`);
			stdout.write(`${listExercises(exercises, json, tableDesigns(catalogue()))}\n`);
			return 0;
		}
		const exercise = findExercise(exercises, id, tableDesigns(catalogue()).map((candidate) => candidate.id));
		if (json || !process.stdin.isTTY || !process.stdout.isTTY) {
			throw new UsageError([
				`dojo exercise ${id} is interactive and needs a terminal${json ? ' (and --json needs --answer)' : ''}; to grade a file without one:`,
				`  dojo exercise ${id} --answer FILE.sql [--json]`,
			]);
		}
		const {runApp} = await import('../ui/run-app.js');
		const {withRecorder} = await import('./app-recorder.js');
		return withRecorder(stderr, (recorder) => runApp({catalogue: catalogue(), exercise, recorder}));
	},
};
