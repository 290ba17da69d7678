// Pipeline benchmark: `dojo sim login-counter --load 5M/min --duration 10m` must take
// less wall time than `anchors/floor.mjs 10000000` (10M customers of M/M/4, the
// hand-optimised event loop) measured in the same job, with peak memory under
// 300 MB; the same at `--scale 10` (50M events/min) must take under 3x the 1x run.
//
// Whole-process wall time and peak RSS come from /usr/bin/time (GNU time: "%e %M"),
// or, without it, from the wall clock alone. Runs alternate (floor, 1x, 10x) and
// each figure is the median: BENCH_SIM_RUNS (default 5). Anchors live in
// ../shared/anchors or wherever BENCH_ANCHORS points.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {median} from './median.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const anchors = resolve(process.env.BENCH_ANCHORS ?? join(root, '..', 'shared', 'anchors'));
const runs = Number(process.env.BENCH_SIM_RUNS ?? 5);
const gnuTime = '/usr/bin/time';
const MEMORY_GOAL_MB = 300;

const haveTime = existsSync(gnuTime) && spawnSync(gnuTime, ['-f', '%e %M', 'true'], {encoding: 'utf8'}).status === 0;

/** Runs `node args…`; returns whole-process wall seconds and peak RSS in MB (NaN without GNU time). */
function measure(args, okStatuses = [0]) {
	const start = process.hrtime.bigint();
	const result = haveTime
		? spawnSync(gnuTime, ['-f', 'DOJO_TIME %e %M', process.execPath, ...args], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 26})
		: spawnSync(process.execPath, args, {cwd: root, encoding: 'utf8', maxBuffer: 1 << 26});
	const wallS = Number(process.hrtime.bigint() - start) / 1e9;
	if (!okStatuses.includes(result.status)) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.trim().split('\n').pop()}`);
	const line = result.stderr.split('\n').find((text) => text.startsWith('DOJO_TIME '));
	const memoryMb = line ? Number(line.split(' ')[2]) / 1024 : Number.NaN;
	return {wallS, memoryMb, stdout: result.stdout};
}

/** Rows for the bench harness. */
export async function run() {
	const floorScript = join(anchors, 'floor.mjs');
	if (!existsSync(floorScript)) return [{name: 'sim: login-counter 5M/min', skipped: `anchor ${floorScript} not found (set BENCH_ANCHORS)`}];
	const sim = ['dist/cli.js', 'sim', 'login-counter', '--load', '5M/min', '--duration', '10m', '--json'];
	// The design misses its SLO at 5M/min (exit 1): that is the point of the what-if.
	const simOk = [0, 1];
	const floor = [];
	const oneX = [];
	const tenX = [];
	let events1 = 0;
	let events10 = 0;
	for (let index = 0; index < runs; index++) {
		floor.push(measure([floorScript, '10000000']));
		const a = measure(sim, simOk);
		const b = measure([...sim, '--scale', '10'], simOk);
		oneX.push(a);
		tenX.push(b);
		events1 = JSON.parse(a.stdout).events_simulated;
		events10 = JSON.parse(b.stdout).events_simulated;
	}
	const floorS = median(floor.map((r) => r.wallS));
	const oneS = median(oneX.map((r) => r.wallS));
	const tenS = median(tenX.map((r) => r.wallS));
	const oneMb = Math.max(...oneX.map((r) => r.memoryMb));
	const tenMb = Math.max(...tenX.map((r) => r.memoryMb));
	const memoryRow = (name, mb) =>
		Number.isFinite(mb)
			? {name, value: mb, unit: 'MB', goal: `< ${MEMORY_GOAL_MB} MB`, pass: mb < MEMORY_GOAL_MB, note: 'peak RSS of the whole process (max over runs)'}
			: {name, skipped: '/usr/bin/time not available'};
	return [
		{name: 'sim: floor.mjs 10M customers (anchor)', value: floorS, unit: 's', note: `median of ${runs}, whole process`},
		{name: 'sim: login-counter 5M/min 10m', value: oneS, unit: 's', anchor: 'floor.mjs 1e7', ratio: oneS / floorS, goal: '< 1x', pass: oneS < floorS, note: `${events1.toLocaleString('en-US')} events`},
		memoryRow('sim: login-counter 5M/min memory', oneMb),
		{name: 'sim: login-counter 50M/min 10m (--scale 10)', value: tenS, unit: 's', anchor: '5M/min run', ratio: tenS / oneS, goal: '< 3x', pass: tenS < 3 * oneS, note: `${events10.toLocaleString('en-US')} events; ${(tenS / floorS).toFixed(2)}x floor`},
		memoryRow('sim: login-counter 50M/min memory', tenMb),
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const row of await run()) console.log(row.skipped ? `${row.name}: skipped (${row.skipped})` : `${row.name.padEnd(44)} ${row.value.toFixed(3)} ${row.unit}${row.ratio ? `  ${row.ratio.toFixed(2)}x ${row.anchor} (goal ${row.goal})` : row.goal ? ` (goal ${row.goal})` : ''}`);
}
