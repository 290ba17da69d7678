/**
`dojo code` as a user runs it from the built CLI: the list, grading a file with
--json and the exit codes, the feedback a failing answer gets (a missing
function named, a syntax error at its line, an exception at its line), and the
coding field of `dojo list --json`.
*/
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';
import {afterAll, describe, expect, it} from 'vitest';
import {hasStackTrace, root, runCli} from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dojo-code-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const file = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};

const merge = `def merge_intervals(intervals):
    inf = float("inf")
    merged = []
    for start, end in sorted(intervals, key=lambda pair: pair[0]):
        end = inf if end is None else end
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, None if end == inf else end) for start, end in merged]
`;

type Report = {problem: string; passed: boolean; wall_s: number; error?: string; cases: Array<{id: string; hidden: boolean; passed: boolean; message?: string; expected?: unknown; got?: unknown}>};

describe('dojo code', () => {
	it('lists the problems, and dojo list --json carries them as coding', () => {
		const run = runCli(['code']);
		expect(run.status).toBe(0);
		for (const id of ['parse-access-log', 'sessionize', 'dedupe-latest', 'top-k-per-group', 'merge-intervals', 'flatten-json', 'moving-average', 'rate-limit', 'cdc-diff', 'parse-csv']) expect(run.stdout).toContain(id);
		const list = JSON.parse(runCli(['list', '--json']).stdout) as {coding: Array<{id: string; title: string; summary: string}>};
		expect(list.coding.length).toBeGreaterThanOrEqual(10);
		expect(Object.keys(list.coding[0]!).sort()).toEqual(['id', 'summary', 'title']);
	});

	it('grades a right answer with --json and exits 0', {timeout: 120_000}, () => {
		const run = runCli(['code', 'merge-intervals', '--answer', file('right.py', merge), '--json']);
		expect(run.stderr).toBe('');
		const report = JSON.parse(run.stdout) as Report;
		expect(report.problem).toBe('merge-intervals');
		expect(report.passed).toBe(true);
		expect(report.cases.some((item) => item.hidden)).toBe(true);
		expect(report.cases.every((item) => item.passed)).toBe(true);
		expect(run.status).toBe(0);
	});

	it('a wrong answer exits 1 and names the failing hidden case with expected and got', {timeout: 120_000}, () => {
		const run = runCli(['code', 'merge-intervals', '--answer', file('wrong.py', merge.replace('start <= merged', 'start < merged')), '--json']);
		expect(run.status).toBe(1);
		const report = JSON.parse(run.stdout) as Report;
		const failing = report.cases.filter((item) => !item.passed);
		expect(failing.map((item) => item.id)).toEqual(['touching']);
		expect(failing[0]).toMatchObject({hidden: true, expected: [[1, 3], [5, 6]], got: [[1, 2], [2, 3], [5, 6]]});
	});

	it('saves each graded answer as a python attempt that dojo history lists', {timeout: 120_000}, () => {
		const home = mkdtempSync(join(tmpdir(), 'dojo-code-history-'));
		try {
			const env = {DOJO_HOME: home};
			expect(runCli(['code', 'merge-intervals', '--answer', file('right.py', merge)], {env}).status).toBe(0);
			expect(runCli(['code', 'merge-intervals', '--answer', file('wrong.py', merge.replace('start <= merged', 'start < merged'))], {env}).status).toBe(1);
			const history = JSON.parse(runCli(['history', '--json'], {env}).stdout) as {attempts: Array<{kind: string; id: string; passed: boolean; checks_passed: number; checks_total: number}>};
			expect(history.attempts.map(({kind, id, passed}) => ({kind, id, passed}))).toEqual([
				{kind: 'python', id: 'merge-intervals', passed: true},
				{kind: 'python', id: 'merge-intervals', passed: false},
			]);
			expect(history.attempts[1]!.checks_passed).toBe(history.attempts[1]!.checks_total - 1);
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});

	it('names the function a file lacks', {timeout: 120_000}, () => {
		const run = runCli(['code', 'sessionize', '--answer', file('other.py', 'def sessions(events):\n    return []\n'), '--json']);
		expect(run.status).toBe(1);
		const report = JSON.parse(run.stdout) as Report;
		expect(report.error).toBe('expected a function `sessionize(events, gap_s)`; other.py defines `sessions`');
		expect(report.cases.every((item) => !item.passed)).toBe(true);
	});

	it('points a syntax error at its line of the candidate file', {timeout: 120_000}, () => {
		const run = runCli(['code', 'merge-intervals', '--answer', file('broken.py', 'def merge_intervals(intervals):\n    x = [1, 2\n    return x\n')]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/^broken\.py:2:\d+: SyntaxError: /);
		expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
	});

	it('shows a failing case with its call, expectation, printed output and the exception line', {timeout: 120_000}, () => {
		const run = runCli(['code', 'merge-intervals', '--answer', file('crash.py', 'def merge_intervals(intervals):\n    print("debug", len(intervals))\n    return intervals[0]\n')]);
		expect(run.status).toBe(1);
		expect(run.stdout).toContain('FAIL  empty');
		expect(run.stdout).toContain('call:      merge_intervals([])');
		expect(run.stdout).toContain('expected:  []');
		expect(run.stdout).toContain('why:       raised IndexError: list index out of range at crash.py line 3: return intervals[0]');
		expect(run.stdout).toContain('| debug 0');
	});

	it('bad input exits 2 with a message and no stack trace', () => {
		const unknown = runCli(['code', 'no-such-problem', '--answer', 'x.py']);
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toMatch(/unknown coding problem "no-such-problem"; expected one of .*sessionize/);
		const missing = runCli(['code', 'sessionize', '--answer', join(dir, 'absent.py')]);
		expect(missing.status).toBe(2);
		expect(missing.stderr).toMatch(/cannot read the answer file .*absent\.py: no such file/);
		const noTerminal = runCli(['code', 'sessionize']);
		expect(noTerminal.status).toBe(2);
		expect(noTerminal.stderr).toContain('dojo code sessionize --answer FILE.py');
		for (const run of [unknown, missing, noTerminal]) expect(hasStackTrace(run.stderr)).toBe(false);
	});

	const hasPython = spawnSync('python3', ['--version']).status === 0;
	it.skipIf(!hasPython)('--python system grades with the own python3, says it is not sandboxed, and still stops a loop', {timeout: 120_000}, () => {
		const right = runCli(['code', 'merge-intervals', '--answer', file('system.py', merge), '--python', 'system', '--json']);
		expect(right.stderr).toMatch(/NOT sandboxed/);
		expect((JSON.parse(right.stdout) as Report).passed).toBe(true);
		expect(right.status).toBe(0);
		const env = runCli(['code', 'merge-intervals', '--answer', file('env.py', 'import os\ndef merge_intervals(x):\n    return [sorted(os.environ), os.getcwd()]\n'), '--python', 'system', '--json'], {env: {DOJO_TEST_SECRET: 'in-the-parent'}});
		expect(env.stdout).not.toContain('in-the-parent');
		expect(env.stdout).not.toContain(process.cwd());
		const loop = runCli(['code', 'merge-intervals', '--answer', file('spin.py', 'def merge_intervals(x):\n    while True:\n        pass\n'), '--python', 'system', '--json']);
		expect(loop.status).toBe(1);
		expect((JSON.parse(loop.stdout) as Report).cases[0]!.message).toBe('stopped at the time limit of 2 s');
	});

	const hasScript = spawnSync('script', ['--version']).status === 0;
	it.skipIf(!hasScript)('in a terminal: statement, template, $EDITOR named, a note, a grading, exit 0 after a passing one', {timeout: 120_000}, () => {
		const round = mkdtempSync(join(dir, 'round-'));
		const answer = file('typed-in-editor.py', merge);
		// The "editor" copies a right answer over the template; keystrokes arrive a little apart, as typed.
		const keys = `sleep 1; printf 'n\\n'; sleep 0.5; printf 'sort first, then sweep\\n'; sleep 0.5; printf 'e\\n'; sleep 1; printf 'r\\n'; sleep 20; printf 'q\\n'`;
		const run = spawnSync('sh', ['-c', `(${keys}) | script -eqc "${process.execPath} ${join(root, 'dist/cli.js')} code merge-intervals" /dev/null`], {
			cwd: round,
			encoding: 'utf8',
			env: {...process.env, EDITOR: `cp ${answer}`, VISUAL: '', FORCE_COLOR: '0'},
			timeout: 90_000,
		});
		const screen = run.stdout.replace(/\r/g, '');
		expect(screen).toContain('Merge overlapping intervals');
		expect(screen).toContain('merge_intervals([[1,3],[2,6],[8,10]])');
		expect(screen).toContain('Your answer: merge-intervals.py (written from a template)');
		expect(screen).toContain(`e opens it in cp ${answer} ($EDITOR)`);
		expect(screen).toContain('PASSED: 7/7 cases');
		expect(readFileSync(join(round, 'merge-intervals.notes.md'), 'utf8')).toMatch(/sort first, then sweep\n.*graded: 7\/7 cases passed/);
		expect(run.status).toBe(0);
	});
});
