// Engine benchmark: `dojo bench --json` (M/M/4 at rho 0.8, 1M customers) against
// the hand-optimised loop `anchors/floor.mjs` (goal >= 0.5x its customers/s) and
// SimPy's `anchors/simpy_mmc.py` (goal >= 20x), run alternately in the same job;
// medians of each. customers/s are event-loop figures from each program's own JSON
// (start-up excluded); whole-process wall times are reported beside them.
//
// Anchors live in ../shared/anchors relative to the repository (where CI has them),
// or wherever BENCH_ANCHORS points. Runs: BENCH_ENGINE_RUNS (default 5),
// BENCH_SIMPY_RUNS (default 3; SimPy takes ~15 s a run). Customers: BENCH_CUSTOMERS.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {median} from './median.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const anchors = resolve(process.env.BENCH_ANCHORS ?? join(root, '..', 'shared', 'anchors'));
const runs = Number(process.env.BENCH_ENGINE_RUNS ?? 5);
const simpyRuns = Number(process.env.BENCH_SIMPY_RUNS ?? 3);
const customers = String(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const python = '/usr/bin/python3';

/** Runs a command that prints one JSON object; returns it with the whole-process wall time. */
function runJson(command, args) {
	const start = process.hrtime.bigint();
	const result = spawnSync(command, args, {cwd: root, encoding: 'utf8', maxBuffer: 1 << 24});
	const processS = Number(process.hrtime.bigint() - start) / 1e9;
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.trim().split('\n').pop()}`);
	return {json: JSON.parse(result.stdout), processS};
}

function hasSimpy() {
	if (!existsSync(python)) return false;
	return spawnSync(python, ['-c', 'import simpy'], {stdio: 'ignore'}).status === 0;
}

/** Rows for the bench harness. */
export async function run() {
	const dojo = [];
	const floor = [];
	const simpy = [];
	const floorScript = join(anchors, 'floor.mjs');
	const simpyScript = join(anchors, 'simpy_mmc.py');
	const haveFloor = existsSync(floorScript);
	const haveSimpy = existsSync(simpyScript) && hasSimpy();
	for (let index = 0; index < runs; index++) {
		dojo.push(runJson(process.execPath, ['dist/cli.js', 'bench', '--json', '--customers', customers]));
		if (haveFloor) floor.push(runJson(process.execPath, [floorScript, customers]));
		if (haveSimpy && index < simpyRuns) simpy.push(runJson(python, [simpyScript, customers]));
	}

	const dojoRate = median(dojo.map((r) => r.json.customers_per_s));
	const last = dojo[dojo.length - 1].json;
	const rows = [
		{name: `engine: dojo bench (${Number(customers).toLocaleString('en-US')} customers)`, value: dojoRate, unit: 'customers/s', note: `median of ${runs}; process ${median(dojo.map((r) => r.processS)).toFixed(2)} s`},
		{
			name: 'engine: dojo bench mean wait',
			value: last.mean_wait,
			unit: 's',
			note: `± ${last.mean_wait_ci95.toFixed(4)} (95% CI), Erlang C ${last.erlang_c_mean_wait.toFixed(4)}`,
			pass: Math.abs(last.mean_wait - last.erlang_c_mean_wait) <= 3 * last.mean_wait_ci95,
			goal: 'within 3 CI of Erlang C',
		},
	];
	if (haveFloor) {
		const floorRate = median(floor.map((r) => r.json.customers_per_s));
		const ratio = dojoRate / floorRate;
		rows.push({name: 'engine: anchors/floor.mjs', value: floorRate, unit: 'customers/s', note: `median of ${runs}; process ${median(floor.map((r) => r.processS)).toFixed(2)} s`});
		rows.push({name: 'engine: dojo / floor', value: ratio, unit: 'x', anchor: 'floor.mjs', ratio, goal: '>= 0.5x', pass: ratio >= 0.5});
	} else {
		rows.push({name: 'engine: dojo / floor', skipped: `anchors/floor.mjs not found in ${anchors}`});
	}
	if (haveSimpy) {
		const simpyRate = median(simpy.map((r) => r.json.customers_per_s));
		const ratio = dojoRate / simpyRate;
		rows.push({name: 'engine: anchors/simpy_mmc.py', value: simpyRate, unit: 'customers/s', note: `median of ${simpy.length}; process ${median(simpy.map((r) => r.processS)).toFixed(2)} s`});
		rows.push({name: 'engine: dojo / SimPy', value: ratio, unit: 'x', anchor: 'SimPy', ratio, goal: '>= 20x', pass: ratio >= 20});
	} else {
		rows.push({name: 'engine: dojo / SimPy', skipped: existsSync(simpyScript) ? 'simpy not installed (apt-get install python3-simpy3; run by /usr/bin/python3)' : `anchors/simpy_mmc.py not found in ${anchors}`});
	}
	return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const row of await run()) console.log(JSON.stringify(row));
}
