/** `dojo exercise` as a user runs it: the built CLI, no TTY (`npm test` builds first). */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {knownWrongAnswer} from '../../src/scenarios/exercise-schema.js';
import {hasStackTrace, root, runCli} from '../helpers/run-cli.js';

const {exercises} = loadCatalogue();
const scd2 = exercises.find((exercise) => exercise.id === 'scd2-plan-price')!;
const dir = mkdtempSync(join(tmpdir(), 'dojo-exercise-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function answerFile(name: string, text: string): string {
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

describe('dojo exercise', () => {
	it('with no id lists every exercise', () => {
		const run = runCli(['exercise']);
		expect(run.status).toBe(0);
		for (const exercise of exercises) expect(run.stdout).toContain(exercise.id);
	});

	it('grades the reference solution: exit 0 and the JSON of DESIGN.md', () => {
		const run = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('good.sql', scd2.solution), '--json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const json = JSON.parse(run.stdout) as {exercise: string; passed: boolean; wall_s: number; checks: Array<Record<string, unknown>>};
		expect(Object.keys(json)).toEqual(['exercise', 'passed', 'wall_s', 'checks']);
		expect(json).toMatchObject({exercise: 'scd2-plan-price', passed: true});
		expect(json.checks.map((check) => check['id'])).toEqual(scd2.checks.map((check) => check.id));
		for (const check of json.checks) expect(Object.keys(check)).toEqual(['id', 'passed', 'message']);
	});

	it('grades a wrong answer: exit 1, the failed check with its diff rows', () => {
		const wrong = scd2.known_wrong.find((candidate) => candidate.id === 'version-every-change')!;
		const run = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('wrong.sql', knownWrongAnswer(scd2, wrong)), '--json']);
		expect(run.status).toBe(1);
		const json = JSON.parse(run.stdout) as {passed: boolean; checks: Array<{id: string; passed: boolean; message: string; unexpected_rows?: unknown[]}>};
		expect(json.passed).toBe(false);
		const noop = json.checks.find((check) => check.id === 'no-noop-versions')!;
		expect(noop).toMatchObject({passed: false, unexpected_rows: [{plan_id: 'pro', valid_from: '2024-03-01 00:00:00', price_cents: 2000}]});
		// The message alone teaches: it quotes the first violating row.
		expect(noop.message).toMatch(/1 violating row in dim_plan after run "visible" \(sample data: two batches in a row\); the first: plan_id 'pro', valid_from '2024-03-01 00:00:00', price_cents 2000\. Hint: /);
	});

	it('prints a readable report without --json', () => {
		const run = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('text.sql', knownWrongAnswer(scd2, scd2.known_wrong.find((candidate) => candidate.id === 'closed-intervals')!))]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/^✗ intervals-contiguous: /m);
		expect(run.stdout).toMatch(/^✓ columns: /m);
		expect(run.stdout).toMatch(/missing \(expected, not in yours\):/);
	});

	it('rejects an unknown exercise, naming the valid ones, with exit 2', () => {
		const run = runCli(['exercise', 'scd3-plan-price', '--answer', answerFile('x.sql', 'SELECT 1')]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^dojo: unknown exercise "scd3-plan-price" \(did you mean scd2-plan-price\?\); expected one of star-schema-game-events, incremental-watermark, .*scd2-plan-price/m);
	});

	it('rejects a missing, empty or oversized answer file with exit 2 and no stack trace', () => {
		const missing = runCli(['exercise', 'scd2-plan-price', '--answer', join(dir, 'nope.sql')]);
		expect(missing.status).toBe(2);
		expect(missing.stderr).toMatch(/cannot read the answer file .*nope\.sql: no such file/);
		const empty = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('empty.sql', '-- nothing yet\n')]);
		expect(empty.status).toBe(2);
		expect(empty.stderr).toMatch(/the answer has no SQL statements/);
		const huge = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('huge.sql', 'SELECT 1;\n'.repeat(200_000))]);
		expect(huge.status).toBe(2);
		expect(huge.stderr).toMatch(/the answer file .*huge\.sql holds 1\.9 MB; an answer is SQL text of at most 1 MB/);
		expect(hasStackTrace(missing.stderr + empty.stderr + huge.stderr)).toBe(false);
	});

	it('without a terminal and without --answer, says how to grade a file and exits 2', () => {
		const run = runCli(['exercise', 'scd2-plan-price']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/needs a terminal/);
		expect(run.stderr).toMatch(/dojo exercise scd2-plan-price --answer FILE\.sql/);
	});

	it('refuses ATTACH with exit 2 and creates no file', () => {
		const run = runCli(['exercise', 'marketing-attribution', '--answer', answerFile('attach.sql', "ATTACH 'stolen.db' AS s;\nSELECT 1;")]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/refused: statement 1 before the query \(line 1\): ATTACH is not allowed/);
		expect(existsSync(join(root, 'stolen.db'))).toBe(false);
		expect(readdirSync(dir)).not.toContain('stolen.db');
	});

	it('stops an endless query at the default 3 s limit and exits 1 with the statement named', () => {
		const started = performance.now();
		const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)\nSELECT COUNT(*) FROM c;';
		const run = runCli(['exercise', 'marketing-attribution', '--answer', answerFile('endless.sql', endless), '--json']);
		expect(run.status).toBe(1);
		const json = JSON.parse(run.stdout) as {checks: Array<{message: string}>};
		expect(json.checks[0]!.message).toMatch(/stopped after 3 s, the time limit for one run, while running the query \(line 1\)/);
		expect(performance.now() - started).toBeLessThan(15_000);
	});

	it('is listed by dojo list --json with its scenario', () => {
		const run = runCli(['list', '--json']);
		const json = JSON.parse(run.stdout) as {exercises: Array<{id: string; scenario: string}>};
		expect(json.exercises).toContainEqual(expect.objectContaining({id: 'payment-reconciliation', scenario: 'finance-reconciliation'}));
		// The SQL exercises, and the Redshift table designs kept in their scenarios.
		expect(json.exercises).toHaveLength(exercises.length + loadCatalogue().scenarios.flatMap((scenario) => scenario.table_designs).length);
	});

	it('refuses a FIFO, a symlink to /dev/zero and a symlink to a host file quickly, with exit 2 and nothing of their content', () => {
		const fifo = join(dir, 'answer.fifo');
		spawnSync('mkfifo', [fifo]);
		const zero = join(dir, 'zero.sql');
		symlinkSync('/dev/zero', zero);
		const passwd = join(dir, 'passwd.sql');
		symlinkSync('/etc/passwd', passwd);
		for (const file of [fifo, zero, passwd]) {
			const started = performance.now();
			const run = runCli(['exercise', 'scd2-plan-price', '--answer', file], {timeoutMs: 15_000});
			expect(run.status, file).toBe(2);
			expect(run.stderr).toMatch(/not a regular file|symbolic link/);
			expect(run.stderr).not.toMatch(/root:/);
			expect(performance.now() - started).toBeLessThan(10_000);
		}
	});

	it('refuses a binary answer file with exit 2', () => {
		const run = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('binary.sql', Buffer.from([0x53, 0x45, 0x4c, 0x00, 0xff, 0xfe, 0x01, 0x02]).toString('latin1'))]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/binary|not SQL text/);
	});

	it('names a near-miss section marker (-- @schem, -- @laod) with exit 2', () => {
		const schem = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('schem.sql', scd2.solution.replace('-- @schema', '-- @schem'))]);
		expect(schem.status).toBe(2);
		expect(schem.stderr).toMatch(/line 1: "-- @schem" is not a section marker; did you mean "-- @schema"\?/);
		const laod = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('laod.sql', scd2.solution.replace('-- @load', '-- @laod'))]);
		expect(laod.stderr).toMatch(/"-- @laod" is not a section marker; did you mean "-- @load"\?/);
	});

	it('leaves no sandbox child alive and no sandbox folder behind when it exits', () => {
		const tmp = mkdtempSync(join(tmpdir(), 'dojo-exercise-tmp-'));
		try {
			const run = runCli(['exercise', 'scd2-plan-price', '--answer', answerFile('alive.sql', scd2.solution)], {env: {TMPDIR: tmp}});
			expect(run.status).toBe(0);
			expect(processesIn(tmp)).toEqual([]);
			expect(readdirSync(tmp)).toEqual([]);
		} finally {
			rmSync(tmp, {recursive: true, force: true});
		}
	});

	it('exits 130 on Ctrl-C while grading, killing the child and removing the sandbox folder', async () => {
		const tmp = mkdtempSync(join(tmpdir(), 'dojo-exercise-tmp-'));
		try {
			const endless = answerFile('ctrl-c.sql', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)\nSELECT COUNT(*) FROM c;');
			const child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'exercise', 'marketing-attribution', '--answer', endless], {env: {...process.env, TMPDIR: tmp}, stdio: ['ignore', 'pipe', 'pipe']});
			await new Promise((resolve) => setTimeout(resolve, 1500));
			child.kill('SIGINT');
			const code = await new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
			expect(code).toBe(130);
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(processesIn(tmp)).toEqual([]);
			expect(readdirSync(tmp)).toEqual([]);
		} finally {
			rmSync(tmp, {recursive: true, force: true});
		}
	});

	it('ends quietly when its output pipe is closed (EPIPE)', () => {
		const wrong = answerFile('pipe.sql', knownWrongAnswer(scd2, scd2.known_wrong[0]!));
		for (const args of [`exercise --json`, `exercise scd2-plan-price --answer ${wrong} --json`, `exercise scd2-plan-price --answer ${wrong}`]) {
			const run = spawnSync('sh', ['-c', `${process.execPath} ${join(root, 'dist/cli.js')} ${args} | true`], {encoding: 'utf8', timeout: 60_000});
			expect(run.stderr, args).toBe('');
		}
	});

	it('prints its help for --help anywhere and runs nothing', () => {
		for (const args of [['exercise', 'scd2-plan-price', '--help'], ['exercise', 'scd2-plan-price', '--answer', join(dir, 'nope.sql'), '--help'], ['exercise', '--json', '--help']]) {
			const run = runCli(args);
			expect(run.status, args.join(' ')).toBe(0);
			expect(run.stdout).toMatch(/dojo exercise <id> --answer FILE\.sql/);
			expect(run.stderr).toBe('');
		}
	});

	it('names an unknown flag with a suggestion and a pointer to --help', () => {
		const run = runCli(['exercise', 'scd2-plan-price', '--answr', 'x.sql']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^dojo: unknown flag --answr \(did you mean --answer\?\)/m);
		expect(run.stderr).toMatch(/dojo exercise --help/);
	});

	it('suggests the exercise id a typo was meant to be', () => {
		const run = runCli(['exercise', 'scd2-plan-prize', '--answer', answerFile('typo.sql', 'SELECT 1')]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/unknown exercise "scd2-plan-prize" \(did you mean scd2-plan-price\?\)/);
	});

	it('honours NO_COLOR in a pseudo-terminal: no escape codes in the report', () => {
		const wrong = answerFile('color.sql', knownWrongAnswer(scd2, scd2.known_wrong[0]!));
		const script = `import os, pty, sys\npid, fd = pty.fork()\nif pid == 0:\n    os.execvp(sys.argv[1], sys.argv[1:])\nout = b''\nwhile True:\n    try:\n        chunk = os.read(fd, 65536)\n    except OSError:\n        break\n    if not chunk:\n        break\n    out += chunk\n_, status = os.waitpid(pid, 0)\nsys.stdout.write(out.decode('utf8', 'replace'))\nsys.exit(os.waitstatus_to_exitcode(status))\n`;
		const run = spawnSync('python3', ['-c', script, process.execPath, join(root, 'dist/cli.js'), 'exercise', 'scd2-plan-price', '--answer', wrong], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', FORCE_COLOR: ''}, timeout: 60_000});
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/intervals-contiguous/);
		expect(run.stdout).not.toContain('\u001b');
	});

	it('--reveal shows the expected rows of hidden runs, which are held back otherwise', () => {
		const scd1 = exercises.find((exercise) => exercise.id === 'scd1-user-profile')!;
		const wrong = answerFile('tie.sql', knownWrongAnswer(scd1, scd1.known_wrong.find((candidate) => candidate.id === 'tie-lowest-change-id')!));
		const hidden = runCli(['exercise', 'scd1-user-profile', '--answer', wrong]);
		expect(hidden.status).toBe(1);
		expect(hidden.stdout).not.toContain('8 Short Rd');
		const revealed = runCli(['exercise', 'scd1-user-profile', '--answer', wrong, '--reveal']);
		expect(revealed.status).toBe(1);
		expect(revealed.stdout).toContain('8 Short Rd');
	});
});

describe('command-line conventions shared by every command (src/cli.tsx)', () => {
	it('--help anywhere prints that command\'s help and runs nothing: dojo sim login-counter --help does not simulate', () => {
		const started = performance.now();
		const run = runCli(['sim', 'login-counter', '--help']);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/\$ dojo sim <scenario>/);
		expect(performance.now() - started).toBeLessThan(10_000);
	});

	it('an unknown flag of any command is named, with a suggestion when one is near, and a pointer to its help', () => {
		const sim = runCli(['sim', 'login-counter', '--lod', '5M/min']);
		expect(sim.status).toBe(2);
		expect(sim.stderr).toMatch(/^dojo: unknown flag --lod \(did you mean --load\?\)\ndojo: see `dojo sim --help`/m);
		const list = runCli(['list', '--xyzzy']);
		expect(list.status).toBe(2);
		expect(list.stderr).toMatch(/^dojo: unknown flag --xyzzy\ndojo: see `dojo list --help`/m);
		expect(hasStackTrace(sim.stderr + list.stderr)).toBe(false);
	});

	it('dojo list in a closed pipe ends quietly', () => {
		for (const args of ['list', 'list --json']) {
			const run = spawnSync('sh', ['-c', `${process.execPath} ${join(root, 'dist/cli.js')} ${args} | true`], {encoding: 'utf8', timeout: 60_000});
			expect(run.stderr, args).toBe('');
		}
	});
});

/** Processes whose working directory lies under `dir` (the sandbox child runs in a folder made there). */
function processesIn(dir: string): number[] {
	const found: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readlinkSync(`/proc/${entry}/cwd`).startsWith(dir)) found.push(Number(entry));
		} catch {
			// Gone, or not ours to read.
		}
	}
	return found;
}
