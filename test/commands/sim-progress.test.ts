/**
Long runs show how far they have got (issue 10, item 3): one rewriting line on
stderr when it is a terminal ("simulating 2/3 replications… 40%"), cleared
when the run ends; nothing in a pipe, nothing when --json goes to a pipe. The
simulator only calls back; the command draws.
*/
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {progressLine} from '../../src/commands/progress-line.js';
import {runOne, planRuns} from '../../src/sim/index.js';
import {loginModel} from '../sim/helpers/pipeline-models.js';
import {root, runCli} from '../helpers/run-cli.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Runs a command in a pseudo-terminal (stdin, stdout and stderr all the terminal) and returns every byte it drew. */
function inTerminal(command: string[]): string {
	const script = [
		'import fcntl, os, pty, struct, sys, termios',
		'pid, fd = pty.fork()',
		'if pid == 0:',
		'    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))',
		'    os.execvp(sys.argv[1], sys.argv[1:])',
		'out = b""',
		'while True:',
		'    try:',
		'        chunk = os.read(fd, 65536)',
		'    except OSError:',
		'        break',
		'    if not chunk:',
		'        break',
		'    out += chunk',
		'os.waitpid(pid, 0)',
		'sys.stdout.buffer.write(out)',
	].join('\n');
	const run = spawnSync('python3', ['-c', script, ...command], {cwd: root, encoding: 'utf8', timeout: 170_000});
	return run.stdout;
}

const CLEAR = '\r\u001B[2K';

describe('the progress line on a terminal', () => {
	test('replications: "simulating N/3 replications… P%" rewrites one line and is cleared before the report', () => {
		const drawn = inTerminal([process.execPath, cli, 'sim', 'login-counter', '--duration', '20m', '--replications', '3', '--workers', '1']);
		const frames = drawn.split(CLEAR).slice(1, -1);
		expect(frames.length).toBeGreaterThan(2);
		for (const frame of frames) expect(frame).toMatch(/^simulating [1-3]\/3 replications… \d{1,3}%$/);
		// It moves forward: a later replication is named, and the share grows.
		expect(frames.some((frame) => frame.startsWith('simulating 2/3') || frame.startsWith('simulating 3/3'))).toBe(true);
		const shares = frames.map((frame) => Number(/(\d+)%$/.exec(frame)![1]));
		expect(shares).toEqual([...shares].sort((a, b) => a - b));
		// Cleared: the report follows the last clear, with no progress text after it.
		const after = drawn.slice(drawn.lastIndexOf(CLEAR) + CLEAR.length);
		expect(after).toMatch(/^login-counter|^Kinesis|SLO/m);
		expect(after).not.toContain('simulating');
	}, 180_000);

	test('one long run shows the share of simulated time done', () => {
		const drawn = inTerminal([process.execPath, cli, 'sim', 'login-counter', '--duration', '1h']);
		const frames = drawn.split(CLEAR).slice(1, -1);
		expect(frames.length).toBeGreaterThan(1);
		for (const frame of frames) expect(frame).toMatch(/^simulating… \d{1,3}%$/);
	}, 180_000);

	test('--json into a pipe draws nothing on the terminal', () => {
		const drawn = inTerminal(['sh', '-c', `"${process.execPath}" "${cli}" sim login-counter --duration 1h --json | wc -c`]);
		expect(drawn).not.toContain('simulating');
		expect(Number(drawn.trim())).toBeGreaterThan(1000);
	}, 180_000);

	test('a sweep says how many replications it is on', () => {
		const drawn = inTerminal([process.execPath, cli, 'sweep', 'login-counter', '--replications', '2', '--workers', '1']);
		const frames = drawn.split(CLEAR).slice(1, -1);
		expect(frames.length).toBeGreaterThan(1);
		for (const frame of frames) expect(frame).toMatch(/^sweeping [12]\/2 replications… \d{1,3}%$/);
	}, 180_000);
});

describe('no progress line without a terminal', () => {
	test('stderr into a pipe stays empty', () => {
		const run = runCli(['sim', 'login-counter', '--duration', '1h', '--replications', '2', '--workers', '1']);
		expect(run.status).toBe(0);
		expect(run.stderr).toBe('');
		expect(run.stdout).not.toContain('simulating');
	}, 180_000);
});

describe('the line itself', () => {
	type Fake = {stdout: {isTTY?: boolean; write: (text: string) => boolean}; stderr: {isTTY?: boolean; columns?: number; write: (text: string) => boolean}; written: string[]};
	function fake(tty: {stdout: boolean; stderr: boolean}): Fake {
		const written: string[] = [];
		return {stdout: {isTTY: tty.stdout, write: () => true}, stderr: {isTTY: tty.stderr, columns: 40, write: (text) => (written.push(text), true)}, written};
	}
	const streams = (f: Fake) => f as unknown as Parameters<typeof progressLine>[0];

	test('waits 200 ms before drawing, redraws at most every 100 ms, clears on end', () => {
		const f = fake({stdout: true, stderr: true});
		let clock = 0;
		const line = progressLine(streams(f), false, () => 'simulating…', () => clock);
		line.update(0.1);
		clock = 150;
		line.update(0.2);
		expect(f.written).toEqual([]);
		clock = 250;
		line.update(0.3);
		clock = 300;
		line.update(0.4);
		clock = 360;
		line.update(0.55);
		line.end();
		expect(f.written).toEqual([`${CLEAR}simulating… 30%`, `${CLEAR}simulating… 55%`, CLEAR]);
	});

	test('a run that ends before anything was drawn leaves nothing behind', () => {
		const f = fake({stdout: true, stderr: true});
		const line = progressLine(streams(f), false, () => 'x', () => 0);
		line.update(0.5);
		line.end();
		expect(f.written).toEqual([]);
	});

	test('fits the terminal width', () => {
		const f = fake({stdout: true, stderr: true});
		let clock = 0;
		const line = progressLine(streams(f), false, () => 'simulating a-very-long-architecture-name at 10x 1/3 replications…', () => clock);
		clock = 500;
		line.update(0.5);
		expect(f.written[0]!.length - CLEAR.length).toBeLessThanOrEqual(39);
	});

	test('must fail: stderr not a terminal, or --json with stdout not a terminal, draws nothing', () => {
		for (const [tty, json] of [[{stdout: true, stderr: false}, false], [{stdout: false, stderr: true}, true]] as const) {
			const f = fake(tty);
			let clock = 0;
			const line = progressLine(streams(f), json, () => 'x', () => clock);
			clock = 1000;
			line.update(0.5);
			line.end();
			expect(f.written).toEqual([]);
		}
		// --json shown on the terminal itself may still have progress beside it.
		const f = fake({stdout: true, stderr: true});
		let clock = 0;
		const line = progressLine(streams(f), true, () => 'x', () => clock);
		clock = 1000;
		line.update(0.5);
		expect(f.written).toHaveLength(1);
	});
});

describe('the simulator reports progress without changing the run', () => {
	test('a pipeline run calls back with a rising share of simulated time, ending at 1, and gives the same result', () => {
		const job = planRuns({scenario: null, arch: null, model: loginModel('kds-lambda-redis')}, {seed: 3, durationS: 120, replications: 1})[0]!;
		const seen: number[] = [];
		const followed = runOne(job, {onProgress: (done) => seen.push(done)});
		expect(seen.length).toBeGreaterThan(20);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(seen.at(-1)).toBe(1);
		expect(seen.filter((done) => done < 0.5).length).toBeGreaterThan(5);
		expect(followed).toEqual(runOne(job));
	});
});
