// First frame of `dojo practice login-counter` in an 80x24 pseudo-terminal,
// against `node -e 0` in the same harness: pairs alternate, the ratio is the
// median of the per-pair ratios. Goal: at most 3x. Needs python3 (for the pty).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {median} from './median.mjs';

const runs = Number(process.env.BENCH_FIRST_FRAME_RUNS ?? 15);
const harness = fileURLToPath(new URL('./pty-time.py', import.meta.url));
// Each run starts with an empty progress database, so no earlier (killed) round is offered for resuming.
function freshHome() {
	const home = mkdtempSync(join(tmpdir(), 'dojo-bench-'));
	return {env: {...process.env, DOJO_HOME: home}, done: () => rmSync(home, {recursive: true, force: true})};
}

const python = ['/usr/bin/python3', 'python3'].find((candidate) => spawnSync(candidate, ['-c', 'import pty'], {stdio: 'ignore'}).status === 0);

function time(marker, command) {
	const home = freshHome();
	const result = spawnSync(python, [harness, marker, ...command], {encoding: 'utf8', env: home.env});
	home.done();
	const [wall, cpu] = result.stdout.trim().split(' ').map(Number);
	if (!Number.isFinite(wall) || !Number.isFinite(cpu)) throw new Error(`${command.join(' ')} never showed ${JSON.stringify(marker)}: ${result.stdout}${result.stderr}`);
	return {wall, cpu};
}

/** Rows for the bench harness. */
export async function run() {
	if (!python) return [{name: 'first frame: dojo practice', skipped: 'no python3 with the pty module'}];
	const floor = [];
	const practice = [];
	const wallRatios = [];
	const cpuRatios = [];
	for (let index = 0; index < runs; index++) {
		const a = time('', [process.execPath, '-e', '0']);
		const b = time('ask›', [process.execPath, 'dist/cli.js', 'practice', 'login-counter']);
		floor.push(a.wall);
		practice.push(b.wall);
		wallRatios.push(b.wall / a.wall);
		cpuRatios.push(b.cpu / a.cpu);
	}
	const ratio = median(wallRatios);
	return [
		{name: 'first frame: node -e 0 in a pty (anchor)', value: median(floor), unit: 's'},
		{name: 'first frame: dojo practice login-counter', value: median(practice), unit: 's', anchor: 'node -e 0', ratio, goal: '<= 3x', pass: ratio <= 3},
		{name: 'first frame: same, CPU seconds', value: median(cpuRatios), unit: 'x', anchor: 'node -e 0 CPU', ratio: median(cpuRatios)},
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const row of await run()) console.log(row.skipped ? `${row.name}: skipped (${row.skipped})` : `${row.name.padEnd(44)} ${row.value.toFixed(3)} ${row.unit}${row.ratio ? `  ${row.ratio.toFixed(2)}x ${row.anchor} (goal ${row.goal})` : ''}`);
}
