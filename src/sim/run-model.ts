/**
A model plus run options → the report `dojo sim --json` prints.

Splits the work so replications can run anywhere: `planRuns` lists one
self-contained job per replication (plain data, so a worker thread can take
it), `runOne` runs a job, and `summarize` merges the replications in order
into one `SimResult` — means with 95% half-widths (`x_ci95`) when there are
several — and adds the SLO verdict, capacity, bottleneck and cost. The same
jobs give the same report whether they ran serially or in parallel.

Pure: no clock, no I/O. `wall_s` is measured by the caller and passed in.
*/
import type {Model} from '../scenarios/model-schema.js';
import {meanAndHalfWidth} from './stats/confidence.js';
import {analyseCapacity} from './analysis/capacity.js';
import {findBottleneck, fixAt} from './analysis/bottleneck.js';
import {estimateCost} from './analysis/cost.js';
import {hasFanOut, judgedModel, otherPaths, pathsOf, type FanOutPath} from './fan-out.js';
import {combinePaths} from './fan-out-report.js';
import {runPipeline, type EngineOptions} from './models/engine.js';
import {declaredShards} from './models/plan.js';
import {isQueueOnly, runQueueOnly} from './queue-adapter.js';
import type {BatchReport, FeedReport, QuotaReport, RunResult, SimResult, SloCheck} from './result.js';
import {clockText} from './models/batch-runs.js';
import {counted, fmtSpan, roundTo} from './numbers.js';
import {longestCycle} from './run-length.js';

export {defaultDuration, longestCycle, modelFromScenario} from './run-length.js';

/** How to run a model. */
export type SimOptions = {
	readonly seed: number;
	/** Mean source events per second; by default the model's own rate. */
	readonly loadPerS?: number;
	/** Multiplies the load (a 10x what-if). */
	readonly scale?: number;
	/** Run at the source's daily peak (rate × peak_multiplier). */
	readonly peak?: boolean;
	readonly durationS: number;
	/** Seconds dropped from the statistics at the start; by default 10% of the duration. */
	readonly warmupS?: number;
	readonly replications: number;
	/** Seconds per arrival tick (default 0.02). */
	readonly tickS?: number;
	/** Points per time series (default 60). */
	readonly seriesPoints?: number;
};

/** What is simulated, and what to call it in the report. */
export type SimInput = {
	readonly scenario: string | null;
	readonly arch: string | null;
	readonly model: Model;
};

/** One replication's job: everything a worker needs, as plain data (the model plus the engine's run options). */
export type RunJob = EngineOptions & {readonly model: Model};

/** Loss above this share of events misses the SLO: the counts would be wrong. */
export const LOSS_TOLERANCE = 0.001;

/** The mean source rate a run uses, events per second. */
export function effectiveRate(model: Model, options: Pick<SimOptions, 'loadPerS' | 'scale' | 'peak'>): number {
	const base = options.loadPerS ?? model.source.rate_per_s;
	return base * (options.scale ?? 1) * (options.peak ? model.source.peak_multiplier : 1);
}

/**
Seconds per arrival tick: 20 ms, coarser for streams with many shards (each
tick hands every shard a group of records, so cost grows with shards / tick),
up to 100 ms at 100 shards and more. Latencies are resolved to about half a tick.
*/
export function autoTick(model: Model, durationS = 600): number {
	const shards = model.stages.reduce((sum, stage) => sum + (stage.kind === 'stream' ? declaredShards(stage) : 0), 0);
	const byShards = Math.min(0.1, Math.max(0.02, (0.02 * shards) / 20));
	// Long runs (a nightly batch) need fewer, longer ticks; per-second quotas (streams, Firehose, APIs) need ticks under 0.1 s.
	const limited = model.stages.some((stage) => stage.kind === 'stream' || stage.kind === 'firehose' || stage.kind === 'api');
	const byDuration = durationS / 60_000;
	return limited ? Math.max(byShards, Math.min(0.1, byDuration)) : Math.max(byShards, byDuration);
}

/** One job per replication. */
export function planRuns(input: SimInput, options: SimOptions): RunJob[] {
	// With fan-out, a run follows the path the SLO is judged on; `simulate` runs the other paths beside it.
	const model = judgedModel(input.model);
	const ratePerS = effectiveRate(model, options);
	const warmupS = options.warmupS ?? options.durationS * 0.1;
	return Array.from({length: options.replications}, (_, replication) => ({
		model,
		seed: options.seed,
		replication,
		ratePerS,
		durationS: options.durationS,
		warmupS,
		tickS: options.tickS ?? autoTick(model, options.durationS),
		seriesPoints: options.seriesPoints ?? 60,
		// API pulls and backfills grow with the business (accounts at 10x), not with the daily peak.
		requestScale: ((options.loadPerS ?? model.source.rate_per_s) / model.source.rate_per_s) * (options.scale ?? 1),
		drainS: Math.max(60, options.durationS),
	}));
}

/**
Callbacks a caller may pass to follow a long run (a progress bar). Called
synchronously from inside the run; they must not change the model.
*/
export type RunHooks = {
	/** Called now and then with the share of the run done so far (0–1). */
	readonly onProgress?: (done: number) => void;
};

/** Runs one replication. */
export function runOne(job: RunJob, hooks: RunHooks = {}): RunResult {
	// A pipeline reports the share of simulated time done at each series sample; a plain queueing network only at its end.
	const result = isQueueOnly(job.model) ? runQueueOnly(job) : runPipeline(job.model, hooks.onProgress ? {...job, onProgress: hooks.onProgress} : job);
	hooks.onProgress?.(1);
	return result;
}

/** Runs every replication here, one after another, and summarizes them. */
export function simulate(input: SimInput, options: SimOptions, wallS = 0): SimResult {
	const runs = planRuns(input, options).map((job) => runOne(job));
	return withOtherPaths(input, summarize(input, options, runs, wallS), (path) => simulate({...input, model: path.model}, options, wallS));
}

/**
With fan-out, runs every path besides the judged one (`run` simulates a
path's linear model) and merges them into `judged`; otherwise returns it as is.
*/
export function withOtherPaths(input: SimInput, judged: SimResult, run: (path: FanOutPath, index: number, count: number) => SimResult): SimResult {
	if (!hasFanOut(input.model)) return judged;
	const others = otherPaths(input.model);
	return combinePaths(input.model, judged, new Map(others.map((path, index) => [path.id, run(path, index, others.length)])));
}

/**
Runs every replication here, one after another, calling `onProgress` with the
share done (0–1) as it goes; `wall_s` is left 0 for the caller to fill in.
*/
export function simulateWithProgress(input: SimInput, options: SimOptions, onProgress: (done: number) => void): SimResult {
	const paths = hasFanOut(input.model) ? pathsOf(input.model).length : 1;
	const jobs = planRuns(input, options);
	const runs = jobs.map((job, index) => runOne(job, {onProgress: (done) => onProgress((index + done) / jobs.length / paths)}));
	return withOtherPaths(input, summarize(input, options, runs, 0), (path, index) =>
		simulateWithProgress({...input, model: path.model}, options, (done) => onProgress((1 + index + done) / paths)),
	);
}

/** Merges replications (in order) into the report, with the SLO verdict, capacity, bottleneck and cost. */
export function summarize(input: SimInput, options: SimOptions, runs: readonly RunResult[], wallS: number): SimResult {
	const model = judgedModel(input.model);
	const loadPerS = effectiveRate(model, options);
	const merged = mergeRuns(runs);
	const capacity = analyseCapacity(model);
	const components = merged.components;
	const batch = mergeBatch(runs);
	const sources = mergeSources(runs);
	const quotas = mergeQuotas(runs);
	const slo = overPaperCapacity(judgeSlo(model, merged.end_to_end, components, options.durationS, batch, sources), loadPerS, capacity);
	const bottleneck = findBottleneck({model, loadPerS, capacity, components, endToEnd: merged.end_to_end, slo, ...(batch ? {batch} : {}), ...(sources ? {sources} : {}), ...(quotas ? {quotas} : {})});
	const peak = options.peak ? undefined : peakVerdict(model, loadPerS, capacity, components, merged.end_to_end, slo);
	if (peak) slo.peak = peak;
	const plan = planRuns(input, {...options, replications: 1})[0]!;
	const cost = estimateCost(model, loadPerS, components, options.durationS - plan.warmupS);
	const notes = [...new Set(runs.flatMap((run) => run.notes))];
	return {
		scenario: input.scenario,
		arch: input.arch,
		seed: options.seed,
		load_per_s: roundTo(loadPerS, 3),
		duration_s: options.durationS,
		warmup_s: plan.warmupS,
		tick_s: plan.tickS,
		replications: runs.length,
		events_simulated: runs.reduce((sum, run) => sum + run.events_simulated, 0),
		wall_s: wallS,
		components,
		end_to_end: merged.end_to_end,
		slo,
		capacity: {
			max_load_per_s: capacity.maxLoadPerS === null ? null : roundTo(capacity.maxLoadPerS, 1),
			limited_by: capacity.limitedBy,
			stages: capacity.stages.map((stage) => ({
				id: stage.id,
				kind: stage.kind,
				component: stage.component,
				max_load_per_s: stage.maxLoadPerS === null ? null : roundTo(stage.maxLoadPerS, 1),
				limit: stage.limit,
			})),
		},
		bottleneck,
		cost,
		little: merged.little,
		series: merged.series,
		notes,
		...(batch ? {batch} : {}),
		...(sources ? {sources} : {}),
		...(quotas ? {quotas} : {}),
	};
}

/**
The batch runs of the first replication (their times differ by seconds between
replications), with the deadline met only if every replication met it.
*/
function mergeBatch(runs: readonly RunResult[]): BatchReport | undefined {
	const first = runs[0]?.batch;
	if (!first) return undefined;
	const verdicts = runs.map((run) => run.batch?.met ?? null);
	const met = verdicts.some((value) => value === false) ? false : verdicts.every((value) => value === true) ? true : first.met;
	const lateIn = runs.find((run) => run.batch?.met === false)?.batch;
	return {...first, met, late_step: lateIn?.late_step ?? first.late_step};
}

/**
Each source over the replications: the worst completeness and longest wait any
replication saw (the SLO then holds a source to its worst day, as the batch
deadline is met only if every replication met it), its share of setting the
whole's completeness averaged; re-sorted so the first still set it most often.
*/
export function mergeSources(runs: readonly RunResult[]): FeedReport[] | undefined {
	const first = runs[0]?.sources;
	if (!first || runs.length === 1) return first;
	const all = runs.map((run) => run.sources ?? []);
	return first
		.map((source) => {
			const same = all.map((sources) => sources.find((other) => other.id === source.id)).filter((other): other is FeedReport => other !== undefined);
			return {
				...source,
				completeness_p99_s: Math.max(...same.map((other) => other.completeness_p99_s)),
				longest_wait_s: Math.max(...same.map((other) => other.longest_wait_s)),
				sets_completeness_share: roundTo(same.reduce((sum, other) => sum + other.sets_completeness_share, 0) / same.length, 4),
			};
		})
		.sort((a, b) => b.sets_completeness_share - a.sets_completeness_share);
}

/** Each API quota over the replications: request counts and pulls averaged, the delayed pulls and the longest wait at their worst. */
export function mergeQuotas(runs: readonly RunResult[]): QuotaReport[] | undefined {
	const first = runs[0]?.quotas;
	if (!first || runs.length === 1) return first;
	return first.map((quota) => {
		const same = runs.map((run) => run.quotas?.find((other) => other.id === quota.id)).filter((other): other is QuotaReport => other !== undefined);
		const mean = (pick: (report: QuotaReport) => number) => roundTo(same.reduce((sum, other) => sum + pick(other), 0) / same.length, 2);
		return {
			...quota,
			pull_requests_per_day: mean((other) => other.pull_requests_per_day),
			backfill_requests_per_day: mean((other) => other.backfill_requests_per_day),
			pulls: mean((other) => other.pulls),
			delayed_pulls: Math.max(...same.map((other) => other.delayed_pulls)),
			longest_pull_wait_s: Math.max(...same.map((other) => other.longest_pull_wait_s)),
		};
	});
}

/**
A stage busier than this share of its capacity, whose backlog grows, is falling
behind for good rather than waiting for its next batch.
*/
export const SATURATED = 0.98;

/**
The SLO verdict: latency p99, freshness (judged by completeness: the age of the
oldest event not yet counted), loss, events that never arrived, and whether
every stage keeps up (a stage at capacity whose backlog grows fails, however
good the figures of a finite run look).
*/
export function judgeSlo(
	model: Model,
	e2e: RunResult['end_to_end'],
	components: readonly RunResult['components'][number][] = [],
	durationS?: number,
	batch?: BatchReport,
	sources?: readonly FeedReport[],
): SimResult['slo'] {
	const checks: SloCheck[] = [];
	const target = model.slo;
	if (target?.latency_p99_ms !== undefined) {
		const actual = e2e.latency_ms.p99;
		checks.push({name: 'latency_p99_ms', target: target.latency_p99_ms, actual, met: Number.isFinite(actual) && actual <= target.latency_p99_ms, says: `p99 end-to-end latency ${fmt(actual)} ms; target ${fmt(target.latency_p99_ms)} ms`});
	}
	if (target?.freshness_s !== undefined) {
		const actual = e2e.completeness_p99_s ?? e2e.freshness_p99_s;
		const cycle = longestCycle(model);
		// Nothing measured in a run shorter than the slowest cycle is a too-short run, not a stale screen.
		const tooShort = !Number.isFinite(actual) && durationS !== undefined && durationS < 3 * cycle.seconds;
		const bySource = !tooShort && sources && sources.length > 0 ? sourcesCheck(target.freshness_s, actual, sources) : undefined;
		if (bySource) checks.push(bySource);
		else checks.push({
			name: 'freshness_s',
			target: target.freshness_s,
			actual,
			met: Number.isFinite(actual) && actual <= target.freshness_s,
			says: tooShort
				? `run too short: ${fmt(durationS)} s simulated; ${cycle.what} is ${fmt(cycle.seconds)} s: run at least ${fmt(3 * cycle.seconds)} s (--duration)`
				: `data on screen is complete up to ${fmt(actual)} s ago (p99; the newest record shown is ${fmt(e2e.freshness_p99_s)} s old); target ${fmt(target.freshness_s)} s`,
		});
	}
	const ready = readyByCheck(target?.ready_by, batch);
	if (ready) checks.push(ready);
	const total = e2e.delivered + e2e.lost + e2e.filtered + e2e.undelivered;
	const lostShare = total > 0 ? e2e.lost / total : 0;
	checks.push({name: 'loss', target: LOSS_TOLERANCE, actual: roundTo(lostShare, 6), met: lostShare <= LOSS_TOLERANCE, says: `${fmt(lostShare * 100)}% of events dropped or lost; at most ${LOSS_TOLERANCE * 100}% allowed`});
	const stuckShare = total > 0 ? e2e.undelivered / total : 0;
	checks.push({name: 'undelivered', target: LOSS_TOLERANCE, actual: roundTo(stuckShare, 6), met: stuckShare <= LOSS_TOLERANCE, says: `${fmt(stuckShare * 100)}% of events still queued long after the run (the pipeline falls behind)`});
	// Growth above 2% of what the stage passes on (and at least 1 record/s) is not noise from a finite run.
	const behind = components.filter((component) => component.utilization >= SATURATED && component.backlog_growth_per_s > Math.max(1, 0.02 * component.throughput_per_s));
	const worst = behind.reduce<(typeof behind)[number] | undefined>((most, component) => (!most || component.backlog_growth_per_s > most.backlog_growth_per_s ? component : most), undefined);
	checks.push({
		name: 'keeps_up',
		target: 0,
		actual: roundTo(worst?.backlog_growth_per_s ?? 0, 3),
		met: worst === undefined,
		says: worst
			? `${worst.id} falls behind: its backlog grows by ${fmt(worst.backlog_growth_per_s)} records/s at ${fmt(worst.utilization * 100)}% of its capacity, so latency and freshness grow without end`
			: 'every stage keeps up',
	});
	return {
		latency_p99_ms: target?.latency_p99_ms ?? null,
		freshness_s: target?.freshness_s ?? null,
		met: checks.every((check) => check.met),
		checks,
	};
}

/**
Freshness with several sources at different cadences: the data on screen is
complete only as far back as the slowest source (`actual`), and each source is
held to the target on top of its own delivery interval and lag (a daily file
cannot be fresher than a day; the pipeline may add at most the target to it).
*/
function sourcesCheck(targetS: number, actual: number, sources: readonly FeedReport[]): SloCheck {
	const judged = sources.filter((source) => source.target_s !== null);
	const late = judged.filter((source) => !(source.completeness_p99_s <= source.target_s! + 1e-9));
	const slowest = sources[0]!;
	const each = judged.map((source) => `${source.id} ${fmtSpan(source.completeness_p99_s)} ${source.completeness_p99_s <= source.target_s! + 1e-9 ? '≤' : '>'} ${fmtSpan(source.target_s!)}`).join(', ');
	const set = slowest.id === 'streamed' ? 'the streamed events' : `${slowest.id} (every ${fmtSpan(slowest.every_s)}${slowest.lag_s > 0 ? `, ${fmtSpan(slowest.lag_s)} late` : ''})`;
	return {
		name: 'freshness_s',
		target: targetS,
		actual,
		met: late.length === 0 && Number.isFinite(actual),
		says: `data on screen is complete up to ${fmtSpan(actual)} ago (p99), set by ${set}; ${late.length === 0 ? 'every source within its target' : `${late.map((source) => source.id).join(', ')} behind ${late.length === 1 ? 'its target' : 'their targets'}`} (${each}; each source: ${fmtSpan(targetS)} on top of its own delivery interval and lag)`,
	};
}

/**
The batch deadline (slo.ready_by): every scheduled run inside the window must
have its last step finished by then. Null when there is no deadline, or no
scheduled batch run to judge (a streaming design has none: its completeness
figure says how current the data is).
*/
function readyByCheck(readyBy: string | undefined, batch: BatchReport | undefined): SloCheck | undefined {
	if (readyBy === undefined || !batch || batch.met === null) return undefined;
	const judged = batch.runs.filter((run) => run.met !== null);
	const late = judged.filter((run) => run.met === false);
	const worst = late.reduce<(typeof late)[number] | undefined>((most, run) => (!most || (run.finish_s === null ? Infinity : run.late_by_s) > (most.finish_s === null ? Infinity : most.late_by_s) ? run : most), undefined);
	const lastOf = (run: (typeof judged)[number]) => run.steps[run.steps.length - 1]?.id ?? '';
	const says = worst
		? worst.finish_s === null
			? `the run scheduled ${worst.scheduled} had not finished by the end of the simulation, past its ${readyBy} deadline (${clockText(worst.deadline_s ?? 0)}); ${worst.longest_step} took longest`
			: `the run scheduled ${worst.scheduled} finished at ${worst.finish} (${lastOf(worst)}), ${fmtSpan(worst.late_by_s)} after its ${readyBy} deadline; ${worst.longest_step} took longest; ${late.length} of ${judged.length} runs late`
		: `every run finished by ${readyBy} (latest: ${judged.reduce((latest, run) => ((run.finish_s ?? 0) > (latest.finish_s ?? 0) ? run : latest)).finish}); ${counted(judged.length, 'run')} judged`;
	return {name: 'ready_by', target: 0, actual: roundTo(worst ? (worst.finish_s === null ? Number.POSITIVE_INFINITY : worst.late_by_s) : 0, 3), met: !worst, says};
}

/**
A load above the capacity worked out from the documented limits cannot be
carried for long, however a short run looks (a minute of retries hides it):
the keeps_up check fails. The capacity is an upper bound (full batches, no
overhead beyond the catalogue's), so this never fails a design that fits.
*/
function overPaperCapacity(slo: SimResult['slo'], loadPerS: number, capacity: ReturnType<typeof analyseCapacity>): SimResult['slo'] {
	const max = capacity.maxLoadPerS;
	if (max === null || loadPerS <= max * 1.001) return slo;
	const checks = slo.checks.map((check) =>
		check.name === 'keeps_up' && check.met
			? {...check, met: false, says: `${capacity.limitedBy} cannot keep up: the load of ${fmt(loadPerS)} events/s is above its ${fmt(max)}/s capacity on paper, so a longer run falls further behind`}
			: check,
	);
	return {...slo, checks, met: checks.every((check) => check.met)};
}

/** The daily peak on paper, for a run at the mean: null-free when the source has a peak above 1x. */
function peakVerdict(model: Model, loadPerS: number, capacity: ReturnType<typeof analyseCapacity>, components: RunResult['components'], endToEnd: RunResult['end_to_end'], slo: SimResult['slo']): SimResult['slo']['peak'] {
	const multiplier = model.source.peak_multiplier;
	// Nothing to project when there is no peak, or when the design already carries nothing (a lost only node).
	if (!(multiplier > 1) || capacity.maxLoadPerS === 0) return undefined;
	const peakLoad = loadPerS * multiplier;
	const max = capacity.maxLoadPerS;
	const met = max === null || peakLoad <= max;
	const suggestion = met || capacity.limitedBy === null ? null : (fixAt({model, loadPerS: peakLoad, capacity, components, endToEnd, slo}, capacity.limitedBy)?.suggestion ?? null);
	return {
		multiplier,
		load_per_s: roundTo(peakLoad, 3),
		met,
		lost_share: met ? 0 : roundTo(1 - max! / peakLoad, 4),
		limited_by: capacity.limitedBy,
		suggestion,
	};
}

type Merged = Pick<RunResult, 'components' | 'end_to_end' | 'little' | 'series'>;

/** Means over replications, with `_ci95` half-widths beside every number when there are several. */
function mergeRuns(runs: readonly RunResult[]): Merged & {components: SimResult['components']; end_to_end: SimResult['end_to_end']} {
	const first = runs[0]!;
	if (runs.length === 1) return {components: first.components, end_to_end: first.end_to_end, little: first.little, series: first.series};
	return {
		components: first.components.map((_, index) => mergeObject(runs.map((run) => run.components[index]!)) as SimResult['components'][number]),
		end_to_end: mergeObject(runs.map((run) => run.end_to_end)) as SimResult['end_to_end'],
		little: mergeObject(runs.map((run) => run.little), false) as RunResult['little'],
		series: mergeSeries(runs.map((run) => run.series)),
	};
}

function mergeObject(items: readonly object[], withCi = true): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const first = items[0] as Record<string, unknown>;
	for (const [key, value] of Object.entries(first)) {
		const values = items.map((item) => (item as Record<string, unknown>)[key]);
		if (typeof value === 'number') {
			const numbers = values.map((v) => (typeof v === 'number' ? v : Number.NaN));
			const finite = numbers.filter((v) => Number.isFinite(v));
			if (finite.length === 0) {
				out[key] = value;
				continue;
			}
			const {mean, halfWidth} = meanAndHalfWidth(finite);
			out[key] = roundTo(mean, 6);
			if (withCi) out[`${key}_ci95`] = Number.isFinite(halfWidth) ? roundTo(halfWidth, 6) : null;
		} else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
			out[key] = mergeObject(values as object[], withCi && key !== 'details');
		} else {
			out[key] = value;
		}
	}
	return out;
}

function mergeSeries(all: readonly RunResult['series'][]): RunResult['series'] {
	const first = all[0]!;
	const average = (pick: (series: RunResult['series']) => number[]) => pick(first).map((_, i) => roundTo(all.reduce((sum, series) => sum + (pick(series)[i] ?? 0), 0) / all.length, 3));
	const components: RunResult['series']['components'] = {};
	for (const id of Object.keys(first.components)) {
		components[id] = {
			throughput_per_s: average((series) => series.components[id]!.throughput_per_s),
			backlog: average((series) => series.components[id]!.backlog),
		};
	}
	return {
		interval_s: first.interval_s,
		t_s: first.t_s,
		offered_per_s: average((series) => series.offered_per_s),
		delivered_per_s: average((series) => series.delivered_per_s),
		freshness_s: average((series) => series.freshness_s),
		latency_s: average((series) => series.latency_s),
		components,
	};
}

function fmt(value: number): string {
	if (!Number.isFinite(value)) return 'n/a';
	return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : Number(value.toPrecision(3)).toString();
}
