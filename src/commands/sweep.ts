/** `dojo sweep`: find the load multiple where a design stops meeting its SLO. */
import {UsageError} from '../errors.js';
import {roundTo, type SweepReplication} from '../sim/index.js';
import type {Command} from './command.js';
import {formatSweep} from './sim-format.js';
import {progressLine, replicationsLabel} from './progress-line.js';
import {positiveNumber, readRunFlags, resolveTargets, sharedFlags} from './sim-options.js';
import {runTasks} from './sim-runner.js';

const DEFAULT_DURATION_S = 300;
const DEFAULT_REPLICATIONS = 3;

/** `dojo sweep`. */
export const sweepCommand: Command = {
	name: 'sweep',
	summary: 'find the load multiple where a design stops meeting its SLO',
	help: `
  Usage
    $ dojo sweep <scenario> [--arch ID] [--from 1 --to 20] [options]
    $ dojo sweep --model FILE.yaml [--from 1 --to 20] [options]

  Raises the load by bisection between --from and --to times the base load
  until the design stops meeting its SLO (latency p99, freshness, no loss),
  once per replication, and reports the break point as a mean with a 95%
  confidence interval over the replications, beside the capacity the analysis
  predicts on paper and the stage that breaks first, with its fix.

  Options
    --arch ID          the scenario's architecture (default: the first)
    --model FILE       sweep a model file instead
    --from N           smallest load multiple (default 1)
    --to N             largest load multiple (default 20)
    --load RATE        base load, e.g. 500k/min (default: the scenario's)
    --duration D       simulated time per run (default 5m, or three cycles of the
                       model's slowest trigger, window, buffer or refresh)
    --replications R   independent bisections, spread over worker threads (default 3)
    --workers N        threads (default: one per core; 1 = serially)
    --seed N           random seed (default 1)
    --set STAGE.KNOB=VALUE   change a knob first (repeatable)
    --json             print {scenario, arch, base_load_per_s, break_multiple,
                       break_multiple_ci95, break_load_per_s, capacity, bottleneck,
                       per_replication[], ...}

  Exit code
    0 when the design meets its SLO at --from, 1 when it misses it already there,
    2 on bad input.

  Examples
    $ dojo sweep login-counter
    $ dojo sweep login-counter --arch kafka-flink-redis --to 50 --json
`,
	flags: {...sharedFlags, from: {type: 'string'}, to: {type: 'string'}},
	async run({input, flags, catalogue, stdout, stderr}) {
		const targets = resolveTargets(input, flags, catalogue, 'sweep');
		if (targets.length > 1) throw new UsageError('--arch: dojo sweep takes one architecture at a time');
		const target = targets[0]!;
		const run = readRunFlags(flags, {replications: DEFAULT_REPLICATIONS});
		const {defaultDuration, longestCycle} = await import('../sim/index.js');
		// Short runs by default (many are needed); long enough for a slow batch cycle when the model has one.
		const durationS = run.durationS ?? (longestCycle(target.model).seconds > 100 ? defaultDuration(target.model) : DEFAULT_DURATION_S);
		if (run.warmupS !== undefined && run.warmupS >= durationS) throw new UsageError(`--warmup: must be shorter than the simulated time (${durationS} s)`);
		const from = flags['from'] === undefined ? 1 : positiveNumber('--from', String(flags['from']), 'a load multiple above 0, e.g. 1');
		const to = flags['to'] === undefined ? 20 : positiveNumber('--to', String(flags['to']), 'a load multiple above 0, e.g. 20');
		if (!(to > from)) throw new UsageError(`--to (${to}) must be above --from (${from})`);
		const {summarizeSweep} = await import('../sim/index.js');
		const options = {
			seed: run.seed,
			scale: run.scale,
			peak: run.peak,
			durationS,
			replications: run.replications,
			from,
			to,
			...(run.loadPerS !== undefined ? {loadPerS: run.loadPerS} : {}),
			...(run.warmupS !== undefined ? {warmupS: run.warmupS} : {}),
		};
		const start = performance.now();
		const input_ = {scenario: target.scenario, arch: target.arch, model: target.model};
		const line = progressLine({stdout, stderr}, flags['json'] === true, replicationsLabel('sweeping', run.replications));
		let reps: SweepReplication[];
		try {
			reps = await runTasks<SweepReplication>(
				Array.from({length: run.replications}, (_, replication) => ({task: 'sweep' as const, input: input_, options, replication})),
				run.workers,
				(done) => line.update(done),
			);
		} finally {
			line.end();
		}
		const wall = roundTo((performance.now() - start) / 1000, 3);
		const result = summarizeSweep(input_, options, reps, wall);
		stdout.write(flags['json'] ? `${JSON.stringify(result, null, 2)}\n` : formatSweep(result));
		return result.fails_at_from ? 1 : 0;
	},
};
