/**
`dojo exercise`: list the SQL exercises, grade an answer file (`--answer`,
scriptable, `--json`), or practise one interactively in a terminal: read the
task, edit a template in $EDITOR or paste SQL, see every check with its diff.
*/
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {createInterface} from 'node:readline/promises';
import {UsageError} from '../errors.js';
import type {Exercise} from '../scenarios/exercise-schema.js';
import type {Command} from './command.js';

/** The largest answer file read: answers are a few kilobytes of SQL, and the whole file is held in memory. */
const maxAnswerBytes = 2 ** 20;

/** Reads an answer file, turning a missing, unreadable or oversized path into a usage error. */
function readAnswer(file: string): string {
	try {
		const stat = statSync(file);
		if (stat.isDirectory()) throw new UsageError(`the answer file ${file} is a directory; expected a .sql file`);
		if (stat.size > maxAnswerBytes) throw new UsageError(`the answer file ${file} holds ${(stat.size / 2 ** 20).toFixed(1)} MB; an answer is SQL text of at most 1 MB`);
		return readFileSync(file, 'utf8');
	} catch (error) {
		if (error instanceof UsageError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
		throw new UsageError(`cannot read the answer file ${file}: ${why}`);
	}
}

/** Finds an exercise by id, or throws a usage error naming the ones that exist. */
function findExercise(exercises: readonly Exercise[], id: string): Exercise {
	const exercise = exercises.find((candidate) => candidate.id === id);
	if (!exercise) throw new UsageError(`unknown exercise "${id}"; expected one of ${exercises.map((candidate) => candidate.id).join(', ')} (see \`dojo exercise\`)`);
	return exercise;
}

function listExercises(exercises: readonly Exercise[], json: boolean): string {
	if (json) return JSON.stringify({exercises: exercises.map(({id, title, scenario, kind, summary}) => ({id, title, scenario, kind, summary}))}, null, 2);
	const width = Math.max(...exercises.map((exercise) => exercise.id.length), 2) + 2;
	const lines = ['Exercises', ...exercises.map((exercise) => `  ${exercise.id.padEnd(width)}${exercise.kind.padEnd(10)}${exercise.summary}`)];
	lines.push('', 'Practise one:  dojo exercise <id>', 'Grade a file:  dojo exercise <id> --answer FILE.sql [--json]');
	return lines.join('\n');
}

async function ask(question: string): Promise<string | undefined> {
	const rl = createInterface({input: process.stdin, output: process.stdout});
	try {
		return await new Promise<string | undefined>((done) => {
			rl.once('close', () => done(undefined));
			rl.question(question).then(done, () => done(undefined));
		});
	} finally {
		rl.close();
	}
}

/** Reads pasted SQL until a line holding only "." or the end of input (Ctrl-D). */
async function readPaste(): Promise<string> {
	const rl = createInterface({input: process.stdin, output: process.stdout, terminal: false});
	const lines: string[] = [];
	try {
		for await (const line of rl) {
			if (line.trim() === '.') break;
			lines.push(line);
		}
	} finally {
		rl.close();
	}
	return `${lines.join('\n')}\n`;
}

async function interactive(exercise: Exercise, write: (text: string) => void): Promise<number> {
	const {Sandbox, answerTemplate, formatReport, formatTask, gradeAnswer} = await import('../grader/index.js');
	const sandbox = new Sandbox();
	try {
		write(`${(await formatTask(exercise, sandbox)).join('\n')}\n\n`);
		const file = resolve(`${exercise.id}.sql`);
		if (existsSync(file)) write(`Your answer file: ${file} (already there; kept as it is)\n`);
		else {
			writeFileSync(file, answerTemplate(exercise));
			write(`Your answer file: ${file} (a template to fill in)\n`);
		}
		let outcome: number | undefined;
		const grade = async () => {
			try {
				const report = await gradeAnswer(exercise, readFileSync(file, 'utf8'), {sandbox});
				write(`\n${formatReport(exercise, report).join('\n')}\n\n`);
				outcome = report.passed ? 0 : 1;
			} catch (error) {
				if (!(error instanceof UsageError)) throw error;
				write(`\n${error.lines.map((line) => `✗ ${line}`).join('\n')}\n\n`);
				outcome = 2;
			}
		};
		for (;;) {
			const choice = (await ask('[e] edit in your editor  [p] paste SQL  [g] grade the file  [q] quit > '))?.trim().toLowerCase();
			if (choice === undefined || choice === 'q') break;
			if (choice === 'e') {
				const editor = process.env['VISUAL'] || process.env['EDITOR'] || (process.platform === 'win32' ? 'notepad' : 'vi');
				// $EDITOR may carry arguments ("code --wait"), so a shell runs it; the path goes in as "$1", never spliced into the command.
				const result =
					process.platform === 'win32'
						? spawnSync(`${editor} "${file}"`, {stdio: 'inherit', shell: true})
						: spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'editor', file], {stdio: 'inherit'});
				if (result.status !== 0) {
					write(`The editor "${editor}" did not finish cleanly (set $EDITOR, or choose [p] to paste instead).\n`);
					continue;
				}
				await grade();
			} else if (choice === 'p') {
				write('Paste your SQL; finish with a line holding only "." (or Ctrl-D):\n');
				writeFileSync(file, await readPaste());
				write(`Saved to ${file}.\n`);
				await grade();
			} else if (choice === 'g') {
				await grade();
			}
		}
		return outcome ?? 0;
	} finally {
		sandbox.close();
	}
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

  Each exercise gives staging tables and a contract (tables, columns, keys,
  grain, conventions). Your SQL runs in a sandbox, a fresh in-memory SQLite
  database per run, over sample and hidden batches (duplicates, late events,
  re-runs, NULLs, ties, deletes), and is graded by checks: properties such as
  grain uniqueness or SCD2 intervals, re-runs that must change nothing, and the
  reference solution's result with surrogate keys compared through natural keys.

  A pipeline answer has two sections marked by comment lines: "-- @schema"
  (runs once) and "-- @load" (runs after every batch). A query answer ends with
  the query that is graded. An index answer is the DDL.

  Interactive mode shows the task, the staging schema and sample rows, writes
  <id>.sql (a template) in the current directory, and lets you edit it in
  $EDITOR or paste SQL, then shows every check with its diff.

  Options
    --answer FILE  grade this file and exit (no terminal needed)
    --json         print {exercise, passed, wall_s, checks: [{id, passed,
                   message, missing_rows?, unexpected_rows?}]}

  Limits
    3 s per run (the process running it is killed), 64 MB of database, 10,000
    rows per query, 1 MB of answer file. ATTACH, DETACH, VACUUM, load_extension
    and most PRAGMAs are refused. The staging tables are the harness's: read
    (and index) them, but do not change, drop, alter, hide or trigger on them.

  Exit code
    0 every check passed, 1 some check failed, 2 bad input (unknown exercise,
    missing or empty answer file, a statement the sandbox refuses).

  Examples
    $ dojo exercise scd2-plan-price
    $ dojo exercise scd2-plan-price --answer scd2.sql --json | jq '.checks[] | select(.passed | not)'
`,
	flags: {answer: {type: 'string'}},
	async run({input, flags, catalogue, stdout}) {
		const json = Boolean(flags['json']);
		const answerFile = flags['answer'] as string | undefined;
		const [id, ...extra] = input;
		if (extra.length > 0) throw new UsageError(`expected one exercise id; got ${input.join(' ')}`);
		if (id !== undefined && answerFile !== undefined) {
			// Start the sandbox child first, so it boots while this process parses the catalogue.
			const grader = await import('../grader/index.js');
			const sandbox = new grader.Sandbox();
			sandbox.warm().catch(() => undefined);
			try {
				const exercise = findExercise(catalogue().exercises, id);
				const report = await grader.gradeAnswer(exercise, readAnswer(answerFile), {sandbox});
				stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${grader.formatReport(exercise, report).join('\n')}\n`);
				return report.passed ? 0 : 1;
			} finally {
				sandbox.close();
			}
		}
		const {exercises} = catalogue();
		if (id === undefined) {
			if (answerFile !== undefined) throw new UsageError(`--answer needs an exercise id: dojo exercise <id> --answer ${answerFile}`);
			stdout.write(`${listExercises(exercises, json)}\n`);
			return 0;
		}
		const exercise = findExercise(exercises, id);
		if (json || !process.stdin.isTTY || !process.stdout.isTTY) {
			throw new UsageError([
				`dojo exercise ${id} is interactive and needs a terminal${json ? ' (and --json needs --answer)' : ''}; to grade a file without one:`,
				`  dojo exercise ${id} --answer FILE.sql [--json]`,
			]);
		}
		return interactive(exercise, (text) => stdout.write(text));
	},
};
