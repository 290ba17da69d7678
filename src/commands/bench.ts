/**
`dojo bench`: how fast the simulation engine runs the standard M/M/4 model
(ρ = 0.8, the model of the shared `anchors/floor.mjs`), and whether the answer
is still right (mean wait against Erlang C).
*/
import {UsageError} from '../errors.js';
import {blockingWork} from '../interrupt.js';
import type {Model} from '../scenarios/model-schema.js';
import type {Command} from './command.js';

/** The JSON `dojo bench --json` prints (DESIGN.md). */
export type BenchResult = {
	model: string;
	customers: number;
	events: number;
	wall_s: number;
	customers_per_s: number;
	events_per_s: number;
	/** Mean wait in queue Wq, in seconds (mean service is 1 s). */
	mean_wait: number;
	mean_wait_ci95: number;
	erlang_c_mean_wait: number;
};

const SERVERS = 4;
const RHO = 0.8;
const MU = 1;
const LAMBDA = RHO * SERVERS * MU;

/** M/M/4 at ρ = 0.8 as a model file would say it: λ = 3.2/s, exponential service of 1 s. */
const benchModel: Model = {
	source: {rate_per_s: LAMBDA, arrivals: 'poisson', event_bytes: 200, peak_multiplier: 1, keys: {}},
	stages: [{id: 'station', kind: 'queue', servers: SERVERS, service: {dist: 'exp', mean_ms: 1000 / MU}}],
	injections: [],
};

/** Reads a whole-number flag given as text, so "fast" or "-5" is named in the error rather than becoming NaN. */
function wholeNumber(flag: string, raw: unknown, fallback: number, min: number, max: number, expected: string): number {
	if (raw === undefined) return fallback;
	const text = String(raw).trim().replaceAll('_', '');
	const value = /^-?\d+(e\d+)?$/i.test(text) ? Number(text) : Number.NaN;
	if (!Number.isSafeInteger(value) || value < min || value > max) throw new UsageError(`--${flag}: expected ${expected}; got "${String(raw)}"`);
	return value;
}

function format(value: number, digits: number): string {
	if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
	if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k`;
	return value.toFixed(digits);
}

/** Runs the benchmark model once and times it (the simulator reads no clock; the command does). */
export async function runBench(customers: number, seed: number): Promise<BenchResult> {
	const {runQueueNetwork, mmc} = await import('../sim/index.js');
	const start = performance.now();
	// In-thread, so the timing is the engine's alone; Ctrl-C meanwhile ends the process at once (src/interrupt.ts).
	const result = blockingWork(() => runQueueNetwork(benchModel, {customers, seed}));
	const wall = (performance.now() - start) / 1000;
	const station = result.components[0]!;
	return {
		model: `M/M/${SERVERS} FIFO, rho ${RHO}, lam ${LAMBDA}, mu ${MU}`,
		customers: result.customers,
		events: result.events_simulated,
		wall_s: Number(wall.toFixed(4)),
		customers_per_s: Math.round(result.customers / wall),
		events_per_s: Math.round(result.events_simulated / wall),
		mean_wait: station.wait_ms.mean / 1000,
		mean_wait_ci95: station.wait_ms.mean_ci95 / 1000,
		erlang_c_mean_wait: mmc(LAMBDA, MU, SERVERS).wq,
	};
}

/** `dojo bench [--customers N] [--seed N] [--json]`. */
export const benchCommand: Command = {
	name: 'bench',
	summary: 'simulation-engine throughput on a standard M/M/c model',
	help: `
  Usage
    $ dojo bench [--customers N] [--seed N] [--json]

  Runs the standard benchmark model, an M/M/4 queue at utilisation 0.8
  (arrivals 3.2/s, exponential service of 1 s), and reports how many
  customers and events per second the engine simulates, with the mean wait
  and its 95% confidence interval beside the Erlang C answer.

  Options
    --customers N  customers to simulate (default 1000000)
    --seed N       random seed (default 1)
    --json         print {model, customers, events, wall_s, customers_per_s,
                   events_per_s, mean_wait, mean_wait_ci95, erlang_c_mean_wait}

  Examples
    $ dojo bench
    $ dojo bench --customers 10000000 --json
`,
	flags: {
		customers: {type: 'string'},
		seed: {type: 'string'},
	},
	async run({flags, stdout}) {
		const customers = wholeNumber('customers', flags['customers'], 1_000_000, 1, 1e9, 'a whole number of customers from 1 to 1e9, e.g. 1000000');
		const seed = wholeNumber('seed', flags['seed'], 1, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'a whole number, e.g. 42');
		const result = await runBench(customers, seed);
		if (flags['json']) {
			stdout.write(`${JSON.stringify(result, null, 2)}\n`);
			return 0;
		}
		const error = result.mean_wait / result.erlang_c_mean_wait - 1;
		const within = Math.abs(result.mean_wait - result.erlang_c_mean_wait) <= result.mean_wait_ci95;
		const rows: Array<[string, string]> = [
			['customers', result.customers.toLocaleString('en-US')],
			['events', result.events.toLocaleString('en-US')],
			['wall time', `${result.wall_s.toFixed(3)} s`],
			['customers/s', format(result.customers_per_s, 0)],
			['events/s', format(result.events_per_s, 0)],
			['mean wait Wq', `${result.mean_wait.toFixed(4)} s ± ${result.mean_wait_ci95.toFixed(4)} (95% CI)`],
			['Erlang C Wq', `${result.erlang_c_mean_wait.toFixed(4)} s (${error >= 0 ? '+' : ''}${(error * 100).toFixed(2)}%, ${within ? 'within' : 'outside'} the CI)`],
		];
		stdout.write(`dojo bench: M/M/${SERVERS} at utilisation ${RHO} (arrivals ${LAMBDA}/s, service 1 s), seed ${seed}\n`);
		for (const [label, value] of rows) stdout.write(`  ${label.padEnd(14)}${value}\n`);
		return 0;
	},
};
