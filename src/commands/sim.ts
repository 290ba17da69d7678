/** `dojo sim`: run a scenario's architecture (or a model file) and report where it breaks. */
import {UsageError} from '../errors.js';
import {num} from '../present/format.js';
import {defaultDuration, roundTo, type RunResult, type SimResult} from '../sim/index.js';
import type {Command} from './command.js';
import {formatComparison, formatReport} from './sim-format.js';
import {progressLine, replicationsLabel, type ProgressStreams} from './progress-line.js';
import {readRunFlags, resolveTargets, sharedFlags, type RunFlags, type Target} from './sim-options.js';
import {runTasks} from './sim-runner.js';

/**
Simulates one target at one scale for `durationS`; wall time is measured here,
outside the pure simulator. With `progress`, a line on stderr follows the run
(`what` names it when several runs follow each other, e.g. "kds at 10x").
*/
export async function simulateTarget(target: Target, run: RunFlags, scale: number, durationS: number, progress?: {streams: ProgressStreams; json: boolean; what?: string}): Promise<SimResult> {
	const {planRuns, summarize, otherPaths, withOtherPaths} = await import('../sim/index.js');
	if (run.warmupS !== undefined && run.warmupS >= durationS) throw new UsageError(`--warmup: must be shorter than the simulated time (${durationS} s); got ${run.warmupS} s`);
	const options = {
		seed: run.seed,
		scale: run.scale * scale,
		peak: run.peak,
		durationS,
		replications: run.replications,
		...(run.loadPerS !== undefined ? {loadPerS: run.loadPerS} : {}),
		...(run.warmupS !== undefined ? {warmupS: run.warmupS} : {}),
	};
	const start = performance.now();
	const jobs = planRuns(target, options);
	const line = progress ? progressLine(progress.streams, progress.json, replicationsLabel('simulating', jobs.length, progress.what)) : undefined;
	let results: RunResult[];
	try {
		results = await runTasks<RunResult>(
			jobs.map((job) => ({task: 'run' as const, job})),
			run.workers,
			line ? (done) => line.update(done) : undefined,
		);
	} finally {
		line?.end();
	}
	const judged = summarize(target, options, results, 0);
	// With fan-out, every other reader's path is simulated too (each its own linear run) and reported beside it.
	const others = new Map<string, SimResult>();
	for (const path of otherPaths(target.model)) {
		others.set(path.id, await simulateTarget({...target, model: path.model}, run, scale, durationS, progress ? {...progress, what: `${progress.what ? `${progress.what}, ` : ''}path ${path.id}`} : undefined));
	}
	const combined = withOtherPaths(target, judged, (path) => others.get(path.id)!);
	const wall = (performance.now() - start) / 1000;
	return {...combined, wall_s: roundTo(wall, 3)};
}

/** `dojo sim`. */
export const simCommand: Command = {
	name: 'sim',
	summary: "simulate a scenario's architecture (or --model FILE) at a load",
	help: `
  Usage
    $ dojo sim <scenario> [--arch ID ...] [options]
    $ dojo sim --model FILE.yaml [options]

  Runs the architecture through the discrete-event simulator at the scenario's
  load (or --load) and reports, per stage: utilization, throughput, queue,
  waits (p50/p99), throttled, dropped and lost records; end to end: latency,
  freshness; the SLO verdict; capacity (the most load it sustains and the stage
  that limits it); the bottleneck with a fix; a rough monthly cost.

  Options
    --arch ID          an architecture of the scenario (default: the first).
                       Give two or more to compare them side by side at 1x, the daily peak and 10x
    --model FILE       simulate a model file instead (errors carry file:line:col)
    --load RATE        source rate, e.g. 500k/min, 5M/min, 8333/s (default: the scenario's)
    --scale N          multiply the load, e.g. 10 for a 10x what-if
    --peak             run at the daily peak (rate × peak_multiplier)
    --duration D       simulated time, e.g. 90s, 10m, 1h (default 10m, or three cycles
                       of the model's slowest trigger, window, buffer or refresh)
    --warmup D         left out of the statistics at the start (default 10% of --duration)
    --seed N           random seed (default 1); the same seed gives the same JSON, apart from wall_s
    --replications R   independent replications, spread over worker threads; figures
                       are means with x_ci95 (95% half-width) beside them
    --workers N        threads for replications (default: one per core; 1 = run serially)
    --set STAGE.KNOB=VALUE
                       change a knob, repeatable: --set ingest.shards=10,
                       --set ingest.partition_key=country, --set count.batch_size=1000,
                       --set source.event_bytes=1000
    --inject STAGE.lose_node[=COUNT]@TIME | source.load_multiplier=FACTOR@TIME | source.bot=FACTOR@TIME
                       inject a fault, repeatable: --inject counters.lose_node@60s,
                       --inject ingest.lose_node=2@5m, --inject source.load_multiplier=3@2m,
                       --inject source.bot=20@3m (one client sends 20x the normal load)
    --json             print the result as JSON (below)

  JSON
    One architecture: {scenario, arch, seed, load_per_s, duration_s, replications,
    events_simulated, wall_s, components[], end_to_end, slo, capacity, bottleneck,
    cost, series, notes}. Two or more --arch: {scenario, scales: [1, 10], peak_multiplier,
    architectures: [{arch, title, results: [<result at 1x>, <result at 10x>], peak: <result at the peak>}]}.
    slo.peak says whether a run at the mean would carry the daily peak (on paper).

  Exit code
    0 when the design meets its SLO (with several --arch: every one of them at 1x),
    1 when it misses it, 2 on bad input.

  Examples
    $ dojo sim login-counter
    $ dojo sim login-counter --set ingest.shards=4
    $ dojo sim login-counter --inject counters.lose_node@60s
    $ dojo sim login-counter --load 5M/min --duration 10m --json
    $ dojo sim login-counter --arch kds-lambda-redis --arch firehose-s3-athena
    $ dojo sim --model my-pipeline.yaml --replications 5
`,
	flags: {...sharedFlags},
	async run({input, flags, catalogue, stdout, stderr}) {
		const targets = resolveTargets(input, flags, catalogue, 'sim');
		const json = flags['json'] === true;
		const streams = {stdout, stderr};
		const run = readRunFlags(flags, {replications: 1});
		// Without --duration, long enough for the slowest cycle of any compared model (10 minutes at least).
		const durationS = run.durationS ?? Math.max(...targets.map((target) => defaultDuration(target.model)));
		if (targets.length === 1) {
			const result = await simulateTarget(targets[0]!, run, 1, durationS, {streams, json});
			stdout.write(flags['json'] ? `${JSON.stringify(result, null, 2)}\n` : formatReport(result, targets[0]!.title));
			return result.slo.met ? 0 : 1;
		}
		const ids = targets.map((target) => target.arch);
		if (new Set(ids).size !== ids.length) throw new UsageError(`--arch: each architecture once; got ${ids.join(', ')}`);
		const scales = [1, 10];
		// The daily peak sits between 1x and 10x in every comparison (not when the run is at --peak already).
		const peakMultiplier = run.peak ? 1 : Math.max(...targets.map((target) => target.model.source.peak_multiplier));
		const entries: Array<{arch: string; title: string; results: SimResult[]; peak?: SimResult}> = [];
		for (const target of targets) {
			const results = [];
			const name = target.arch ?? target.title;
			for (const scale of scales) results.push(await simulateTarget(target, run, scale, durationS, {streams, json, what: `${name} at ${num(scale * run.scale)}x`}));
			const peak = peakMultiplier > 1 ? await simulateTarget(target, {...run, peak: true}, 1, durationS, {streams, json, what: `${name} at the peak`}) : undefined;
			entries.push({arch: target.arch ?? target.title, title: target.title, results, ...(peak ? {peak} : {})});
		}
		if (flags['json']) {
			stdout.write(`${JSON.stringify({scenario: targets[0]!.scenario, scales, ...(peakMultiplier > 1 ? {peak_multiplier: peakMultiplier} : {}), architectures: entries}, null, 2)}\n`);
		} else {
			const labels = scales.map((scale) => `${num(scale * run.scale)}x`);
			if (peakMultiplier > 1) labels.splice(1, 0, `peak ${num(peakMultiplier * run.scale)}x`);
			const runs = (entry: (typeof entries)[number]) => (entry.peak ? [entry.results[0]!, entry.peak, ...entry.results.slice(1)] : entry.results);
			stdout.write(formatComparison(entries.map((entry) => ({arch: entry.arch, title: entry.title, runs: runs(entry)})), labels));
		}
		return entries.every((entry) => entry.results[0]!.slo.met) ? 0 : 1;
	},
};
