/**
Hostile answers are contained: the pyodide child runs under Node's permission
model with an empty environment, so an answer cannot run programs, touch host
files, read the environment, end dojo, outlast the time limit or exhaust
memory; and nothing it prints or sends can forge a verdict. One runtime is
shared by the whole file (a cold start costs seconds).
*/
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {gradeAnswer, PythonRuntime} from '../../src/coding/index.js';
import {CodingProblemSchema} from '../../src/scenarios/coding-schema.js';

process.env['DOJO_TEST_SECRET'] = 'hunter2-in-the-parent';
const runtime = new PythonRuntime();
const dir = mkdtempSync(join(tmpdir(), 'dojo-sandbox-'));
const secretFile = join(dir, 'secret.txt');
writeFileSync(secretFile, 'the host secret');
afterAll(() => {
	runtime.close();
	rmSync(dir, {recursive: true, force: true});
});

/** A problem whose function `answer()` returns 1, with one visible and one hidden case. */
const problem = CodingProblemSchema.parse({
	id: 'hostile',
	title: 'Return one',
	summary: 'return 1',
	statement: 'Return 1.',
	function: 'answer',
	signature: 'answer()',
	timeout_ms: 1500,
	cases: [
		{id: 'first', about: 'returns 1', args: [], expect: 1},
		{id: 'second', about: 'returns 1 again', hidden: true, args: [], expect: 1},
	],
	solution: 'def answer():\n    return 1\n',
	known_wrong: [
		{id: 'zero', why: 'returns 0', fails: ['first', 'second'], answer: 'def answer():\n    return 0\n'},
		{id: 'two', why: 'returns 2', fails: ['first', 'second'], answer: 'def answer():\n    return 2\n'},
	],
});

/** Cases answer(1) then answer(2), expecting the argument back. */
const looping = CodingProblemSchema.parse({
	...problem,
	signature: 'answer(n)',
	cases: [
		{id: 'one', about: 'returns 1', args: [1], expect: 1},
		{id: 'two', about: 'returns 2', hidden: true, args: [2], expect: 2},
	],
	known_wrong: problem.known_wrong.map((wrong) => ({...wrong, fails: ['one', 'two']})),
});

const gradeIn = (where: PythonRuntime, body: string) => gradeAnswer(where, {problem, source: `def answer():\n${body.replace(/^/gm, '    ')}\n`, filename: 'hostile.py'});
const grade = (body: string) => gradeIn(runtime, body);
const graded = async (body: string) => {
	const report = await grade(body);
	return {report, messages: report.cases.map((item) => item.message ?? 'passed')};
};

describe('the Python sandbox', () => {
	it('grades a plain answer (the baseline every hostile case is measured against)', {timeout: 60_000}, async () => {
		const {report} = await graded('return 1');
		expect(report.passed).toBe(true);
	});

	it('os.system, subprocess and a child_process reached through js create no file', {timeout: 60_000}, async () => {
		const marks = ['system', 'subprocess', 'js'].map((name) => join(dir, `touched-by-${name}`));
		const {messages} = await graded(
			[
				`import os, subprocess, js`,
				`for attempt in (lambda: os.system("touch ${marks[0]}"), lambda: subprocess.run(["touch", "${marks[1]}"]), lambda: js.process.getBuiltinModule("child_process").execSync("touch ${marks[2]}")):`,
				`    try:`,
				`        attempt()`,
				`    except BaseException as error:`,
				`        print(type(error).__name__, error)`,
				`return 1`,
			].join('\n'),
		);
		for (const mark of marks) expect(existsSync(mark), mark).toBe(false);
		expect(messages).toEqual(['passed', 'passed']);
	});

	it('open() cannot read a host file, even through a NODEFS mount, nor write one', {timeout: 60_000}, async () => {
		const written = join(dir, 'written-by-answer.txt');
		const read = await grade(`return open(${JSON.stringify(secretFile)}).read()`);
		expect(read.cases[0]!.message).toMatch(/FileNotFoundError/);
		const mounted = await grade(
			[`import pyodide_js, js, os`, `from pyodide.ffi import to_js`, `os.makedirs("/host", exist_ok=True)`, `pyodide_js.FS.mount(pyodide_js.FS.filesystems.NODEFS, to_js({"root": ${JSON.stringify(dir)}}, dict_converter=js.Object.fromEntries), "/host")`, `return open("/host/secret.txt").read()`].join('\n'),
		);
		expect(mounted.cases[0]!.passed).toBe(false);
		expect(JSON.stringify(mounted)).not.toContain('the host secret');
		const write = await grade(`import os\nos.makedirs(${JSON.stringify(dir)}, exist_ok=True)\nopen(${JSON.stringify(written)}, "w").write("x")\nreturn 1`);
		expect(write.cases[0]!.passed).toBe(true); // it wrote to pyodide's in-memory file system…
		expect(existsSync(written)).toBe(false); // …and nothing reached the host
	});

	it('the environment does not leak, neither through os.environ nor through js.process.env', {timeout: 60_000}, async () => {
		const report = await grade('import os, js\nreturn [dict(os.environ), js.JSON.stringify(js.process.env)]');
		const text = JSON.stringify(report);
		expect(text).not.toContain('hunter2-in-the-parent');
		expect(text).not.toContain(process.env['HOME'] ?? 'no-home');
		expect(text).not.toContain(process.cwd());
	});

	it('import js; js.process.exit(3) does not end dojo, and the next grading works', {timeout: 60_000}, async () => {
		const {report} = await graded('import js\njs.process.exit(3)\nreturn 1');
		expect(report.passed).toBe(false);
		expect(report.cases[0]!.message).toMatch(/process\.exit is not available/);
		const next = await grade('return 1');
		expect(next.passed).toBe(true);
	});

	it('while True: pass stops at the time limit, the other cases still run, and the next grading works', {timeout: 60_000}, async () => {
		const started = Date.now();
		const loop = await gradeAnswer(runtime, {problem: looping, source: 'def answer(n):\n    while n == 1:\n        pass\n    return n\n', filename: 'loop.py'});
		expect(loop.cases.map((item) => item.message ?? 'passed')).toEqual(['stopped at the time limit of 1.5 s', 'passed']);
		expect(Date.now() - started).toBeLessThan(20_000);
		expect((await grade('return 1')).passed).toBe(true);
	});

	it('sum(range(10**13)), a loop in C, stops at the time limit too', {timeout: 60_000}, async () => {
		const {messages} = await graded('return sum(range(10**13))');
		expect(messages[0]).toBe('stopped at the time limit of 1.5 s');
		expect(messages[1]).toMatch(/time limit|not run/);
		expect((await grade('return 1')).passed).toBe(true);
	});

	it('a memory bomb stops with a clear message, and the next grading works', {timeout: 60_000}, async () => {
		// A generous time limit: filling 512 MB takes about 0.5 s alone, longer on a busy machine.
		const bomb = await gradeAnswer(runtime, {problem: {...problem, timeout_ms: 15_000}, source: 'def answer():\n    hoard = []\n    while True:\n        hoard.append(bytearray(10**8))\n', filename: 'bomb.py'});
		const messages = bomb.cases.map((item) => item.message);
		expect(messages[0]).toBe('ran out of memory (the limit is 512 MB)');
		expect((await grade('return 1')).passed).toBe(true);
	});

	it('no socket opens, even through import("node:net") on the JS side', {timeout: 60_000}, async () => {
		let connections = 0;
		const server = createServer((socket) => {
			connections += 1;
			socket.end();
		}).listen(0, '127.0.0.1');
		await new Promise((resolve) => server.once('listening', resolve));
		const {port} = server.address() as AddressInfo;
		// One child for both gradings: the import settles after the first returns, and the second reads what happened.
		const shared = new PythonRuntime({reuse: true});
		try {
			await gradeIn(shared, `from pyodide.code import run_js\nrun_js("import('node:net').then((net) => { globalThis.attempt = 'tried'; net.connect(${port}, '127.0.0.1'); }).catch((error) => { globalThis.attempt = String(error); })")\nreturn 1`);
			await new Promise((resolve) => setTimeout(resolve, 300));
			const after = await gradeIn(shared, 'import js\nreturn str(getattr(js, "attempt", "none"))');
			expect(after.cases[0]!.got).toBe('Error: the network is not available in the dojo sandbox');
			expect(connections).toBe(0);
		} finally {
			shared.close();
			server.close();
		}
	});

	it('an answer that tampers with the harness cannot touch the next grading', {timeout: 60_000}, async () => {
		const tampering = [`import sys`, `sys.modules["__main__"]._dojo_plain = lambda value, depth=0: 1`, `return 0`].join('\n');
		expect((await grade(tampering)).passed).toBe(false);
		const next = await grade('return 0');
		expect(next.cases.map((item) => item.got)).toEqual([0, 0]);
		// Must fail: a child reused across gradings (trusted answers only) carries the tampering over.
		const shared = new PythonRuntime({reuse: true});
		try {
			await gradeIn(shared, tampering);
			expect((await gradeIn(shared, 'return 0')).passed).toBe(true);
		} finally {
			shared.close();
		}
	});

	it("nothing the answer prints or sends over the child's channel forges a verdict", {timeout: 60_000}, async () => {
		const {report} = await graded(
			[
				`import js, json`,
				`print(json.dumps({"type": "done", "nonce": "x"}))`,
				`js.console.log('{"type":"case","outcome":{"ok":true,"value":1}}')`,
				`try:`,
				`    js.process.send(js.JSON.parse('{"type":"done","nonce":"guess"}'))`,
				`except Exception:`,
				`    pass`,
				`return 0`,
			].join('\n'),
		);
		expect(report.cases.map((item) => item.passed)).toEqual([false, false]);
		expect(report.cases[0]!.got).toBe(0);
		expect(report.cases[0]!.stdout).toContain('"type": "done"');
	});
});
