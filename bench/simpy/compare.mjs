#!/usr/bin/env node
// Runs login-counter's first architecture (kds-lambda-redis) through the project's simulator
// (`node dist/cli.js sim login-counter --json`) and through the independent SimPy model beside
// this file (bench/simpy/login_counter.py, system python with Debian's python3-simpy3), at the
// same load, shard counts, duration, warm-up and seeds, and prints the figures side by side:
// latency p50 and p99, freshness (newest data on screen) and completeness (oldest event not yet
// counted), each as mean and p99 over screen time. Exit 1 when a figure differs by more than
// --tolerance (default 20%, issue 10's goal), 2 on bad usage or a run that failed.
//
//   node bench/simpy/compare.mjs [--shards 10,4] [--seeds 1,2,3] [--duration 10m] [--warmup 1m] [--jobs 2]
//                                [--py --window-read-s=0.2 ...] [--tolerance 0.2] [--json]
// --py passes an option to the SimPy model (NAME=VALUE), e.g. to show how sensitive a figure is to an
// undocumented behaviour.
//
// Needs `npm run build` first (dist/cli.js). A measuring stick, not shipped.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const model = join(here, 'login_counter.py');
/** The interpreter Debian's python3-simpy3 installs for (a pyenv/venv python3 will not find it). */
export const systemPython = '/usr/bin/python3';

/** The figures compared, as [label, path in the simulator's JSON, key in the SimPy model's JSON]. */
export const figures = [
	['latency p50 (ms)', (s) => s.end_to_end.latency_ms.p50, (p) => p.latency_ms.p50],
	['latency p99 (ms)', (s) => s.end_to_end.latency_ms.p99, (p) => p.latency_ms.p99],
	['freshness mean (s)', (s) => s.end_to_end.freshness_s, (p) => p.freshness_s],
	['freshness p99 (s)', (s) => s.end_to_end.freshness_p99_s, (p) => p.freshness_p99_s],
	['completeness mean (s)', (s) => s.end_to_end.completeness_s, (p) => p.completeness_s],
	['completeness p99 (s)', (s) => s.end_to_end.completeness_p99_s, (p) => p.completeness_p99_s],
];

function usage(message) {
	process.stderr.write(`compare.mjs: ${message}\n`);
	process.exit(2);
}

function parseDuration(text) {
	const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text);
	if (!m) usage(`--duration: expected e.g. 600, 90s, 10m or 1h; got "${text}"`);
	return Number(m[1]) * ({s: 1, m: 60, h: 3600}[m[2] ?? 's']);
}

function parseList(name, text) {
	const xs = text.split(',').map((x) => Number(x));
	if (xs.some((x) => !Number.isInteger(x) || x < 1)) usage(`${name}: expected positive integers separated by commas; got "${text}"`);
	return xs;
}

function run(cmd, args) {
	return new Promise((resolve, reject) => {
		execFile(cmd, args, {maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
			// dojo sim exits 1 when the design misses its SLO: the JSON is still the result.
			if (error && !(cmd === process.execPath && error.code === 1 && stdout.trim())) {
				reject(new Error(`${cmd} ${args.join(' ')} failed (${error.code ?? error.signal}): ${stderr.trim().slice(0, 400)}`));
				return;
			}
			resolve(JSON.parse(stdout));
		});
	});
}

async function pool(tasks, jobs) {
	const results = new Array(tasks.length);
	let next = 0;
	async function worker() {
		while (next < tasks.length) {
			const i = next++;
			results[i] = await tasks[i]();
		}
	}
	await Promise.all(Array.from({length: Math.min(jobs, tasks.length)}, worker));
	return results;
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Runs both models for each shard count and seed and returns one row per shard count and figure:
 * the per-seed values of each model, their means and the relative difference SimPy/simulator - 1.
 */
export async function compare({shards = [10, 4], seeds = [1, 2, 3], durationS = 600, warmupS, jobs = 2, pyArgs = []} = {}) {
	if (!existsSync(cli)) throw new Error(`${cli} not found: run \`npm run build\` first`);
	const tasks = [];
	for (const n of shards) {
		for (const seed of seeds) {
			tasks.push(async () => {
				const sim = await run(process.execPath, [cli, 'sim', 'login-counter', '--arch', 'kds-lambda-redis',
					'--set', `ingest.shards=${n}`, '--seed', String(seed), '--duration', `${durationS}s`,
					...(warmupS === undefined ? [] : ['--warmup', `${warmupS}s`]), '--json']);
				const py = await run(systemPython, [model, '--shards', String(n), '--seed', String(seed),
					'--duration-s', String(durationS), '--warmup-s', String(sim.warmup_s), ...pyArgs]);
				return {shards: n, seed, sim, py};
			});
		}
	}
	const runs = await pool(tasks, jobs);
	const rows = [];
	for (const n of shards) {
		const mine = runs.filter((r) => r.shards === n);
		for (const [label, fromSim, fromPy] of figures) {
			const simValues = mine.map((r) => fromSim(r.sim));
			const pyValues = mine.map((r) => fromPy(r.py));
			const simMean = mean(simValues);
			const pyMean = mean(pyValues);
			rows.push({shards: n, figure: label, simulator: simValues, simpy: pyValues,
				simulator_mean: simMean, simpy_mean: pyMean, rel_diff: pyMean / simMean - 1});
		}
	}
	const side = runs.map((r) => ({shards: r.shards, seed: r.seed,
		simulator: {lost_share: r.sim.slo.checks.find((c) => c.name === 'loss')?.actual ?? null,
			throttled_per_s: r.sim.components[0].throttled / (r.sim.duration_s - r.sim.warmup_s),
			invocations_per_s: r.sim.components[1].details?.invocations_per_s ?? null,
			mean_batch_records: r.sim.components[1].details?.mean_batch_records ?? null},
		simpy: {lost_share: r.py.lost_share, throttled_per_s: r.py.throttled_per_s,
			invocations_per_s: r.py.invocations_per_s, mean_batch_records: r.py.mean_batch_records}}));
	return {shards, seeds, duration_s: durationS, warmup_s: runs[0]?.sim.warmup_s, simpy_args: pyArgs, rows, side};
}

function fmt(x) {
	return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2);
}

function table(result, tolerance) {
	const lines = [];
	lines.push(`login-counter kds-lambda-redis, 500k/min, ${result.duration_s} s (warm-up ${result.warmup_s} s), seeds ${result.seeds.join(',')}; mean over seeds${result.simpy_args.length ? `; SimPy ${result.simpy_args.join(' ')}` : ''}`);
	lines.push(`${'shards'.padEnd(7)}${'figure'.padEnd(24)}${'simulator'.padStart(11)}${'SimPy'.padStart(11)}${'diff'.padStart(9)}  per seed (simulator | SimPy)`);
	for (const r of result.rows) {
		const flag = Math.abs(r.rel_diff) > tolerance ? '  <-- over tolerance' : '';
		lines.push(`${String(r.shards).padEnd(7)}${r.figure.padEnd(24)}${fmt(r.simulator_mean).padStart(11)}${fmt(r.simpy_mean).padStart(11)}${`${(r.rel_diff * 100).toFixed(1)}%`.padStart(9)}  ${r.simulator.map(fmt).join(' ')} | ${r.simpy.map(fmt).join(' ')}${flag}`);
	}
	return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const argv = process.argv.slice(2);
	const opts = {shards: [10, 4], seeds: [1, 2, 3], durationS: 600, jobs: 2};
	let json = false;
	let tolerance = 0.2;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => argv[++i] ?? usage(`${a} needs a value`);
		if (a === '--json') json = true;
		else if (a === '--shards') opts.shards = parseList(a, value());
		else if (a === '--seeds') opts.seeds = parseList(a, value());
		else if (a === '--duration') opts.durationS = parseDuration(value());
		else if (a === '--warmup') opts.warmupS = parseDuration(value());
		else if (a === '--py') opts.pyArgs = [...(opts.pyArgs ?? []), ...value().split('=')];
		else if (a === '--jobs') [opts.jobs] = parseList(a, value());
		else if (a === '--tolerance') tolerance = Number(value());
		else usage(`unknown option ${a}; expected --shards, --seeds, --duration, --warmup, --jobs, --tolerance, --py, --json`);
	}
	const result = await compare(opts).catch((error) => usage(error.message));
	process.stdout.write(json ? `${JSON.stringify(result, null, 1)}\n` : `${table(result, tolerance)}\n`);
	process.exitCode = result.rows.some((r) => Math.abs(r.rel_diff) > tolerance) ? 1 : 0;
}
