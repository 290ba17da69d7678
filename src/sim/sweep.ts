/**
Where does a design stop meeting its SLO? `dojo sweep` raises the load
multiple by bisection until the SLO breaks, once per replication (each with its
own random streams), and reports the break point as a mean with a 95%
confidence interval over the replications, beside the capacity the analysis
predicts on paper.

Pure: one replication's bisection (`sweepOne`) is a plain function of plain
data, so a worker thread can run it.
*/
import type {StageCapacityInfo} from './analysis/capacity.js';
import {analyseCapacity} from './analysis/capacity.js';
import {judgedModel} from './fan-out.js';
import type {Bottleneck} from './analysis/bottleneck.js';
import {effectiveRate, planRuns, runOne, summarize, type RunHooks, type SimInput, type SimOptions} from './run-model.js';
import {meanAndHalfWidth} from './stats/confidence.js';
import {roundTo} from './numbers.js';

/** How to sweep. */
export type SweepOptions = SimOptions & {
	/** Smallest load multiple tried. */
	readonly from: number;
	/** Largest load multiple tried. */
	readonly to: number;
	/** Stop bisecting when the bracket is narrower than this fraction of its lower end (default 0.01). */
	readonly precision?: number;
};

/** One replication's bisection. */
export type SweepReplication = {
	replication: number;
	/** The estimated break multiple: midpoint of the final bracket; null when it meets the SLO even at `to`. */
	break_multiple: number | null;
	/** Largest multiple seen to meet the SLO (null if even `from` misses it). */
	last_met: number | null;
	/** Smallest multiple seen to miss it (null if even `to` meets it). */
	first_missed: number | null;
	/** What broke at `first_missed`. */
	bottleneck: Bottleneck | null;
	/** Every multiple tried, in order, and whether it met the SLO. */
	tried: Array<{multiple: number; met: boolean}>;
	events_simulated: number;
};

/** The report of `dojo sweep --json`. */
export type SweepResult = {
	scenario: string | null;
	arch: string | null;
	seed: number;
	/** The load at 1x, events per second. */
	base_load_per_s: number;
	from: number;
	to: number;
	duration_s: number;
	replications: number;
	/** Mean break multiple over replications (null when no replication broke inside [from, to]). */
	break_multiple: number | null;
	/** 95% half-width over replications plus half the widest final bisection bracket (null with one replication). */
	break_multiple_ci95: number | null;
	break_load_per_s: number | null;
	break_load_per_s_ci95: number | null;
	/** True when the design misses its SLO already at `from`. */
	fails_at_from: boolean;
	/** True when the design still meets its SLO at `to`. */
	holds_at_to: boolean;
	/** What the capacity analysis predicts: the multiple at which the smallest-capacity stage saturates. */
	capacity: {max_load_per_s: number | null; multiple: number | null; limited_by: string | null; limit: string | null};
	/** What broke first, most often, across replications. */
	bottleneck: Bottleneck | null;
	per_replication: SweepReplication[];
	events_simulated: number;
	wall_s: number;
};

/**
Runs one replication's bisection over load multiples. `hooks.onProgress` gets
the share done: runs tried over the most the bisection can need (it may stop
sooner, then it ends at 1).
*/
export function sweepOne(input: SimInput, options: SweepOptions, replication: number, hooks: RunHooks = {}): SweepReplication {
	const result = bisect(input, options, replication, hooks);
	hooks.onProgress?.(1);
	return result;
}

function bisect(input: SimInput, options: SweepOptions, replication: number, hooks: RunHooks): SweepReplication {
	const precision = options.precision ?? 0.01;
	const tried: SweepReplication['tried'] = [];
	// from, two probes around the predicted break, to, then halvings until the bracket is `precision` wide (20 at most).
	const mostRuns = 4 + Math.min(20, Math.max(0, Math.ceil(Math.log2((options.to - options.from) / (precision * options.from)))));
	let events = 0;
	// What broke in the last run that missed the SLO (read through a function: TypeScript does not track closure writes).
	let bottleneck: Bottleneck | null = null;
	const missedBottleneck = (): Bottleneck | null => bottleneck;
	const meets = (multiple: number): boolean => {
		const runOptions: SimOptions = {...options, scale: (options.scale ?? 1) * multiple, replications: replication + 1};
		const job = planRuns(input, runOptions)[replication]!;
		const before = tried.length;
		const run = runOne(job, hooks.onProgress ? {onProgress: (done) => hooks.onProgress!(Math.min(1, (before + done) / mostRuns))} : {});
		events += run.events_simulated;
		const report = summarize(input, {...runOptions, replications: 1}, [run], 0);
		tried.push({multiple: round(multiple), met: report.slo.met});
		if (!report.slo.met) bottleneck = report.bottleneck;
		return report.slo.met;
	};
	let lo = options.from;
	let hi = options.to;
	if (!meets(lo)) return {replication, break_multiple: lo, last_met: null, first_missed: round(lo), bottleneck: missedBottleneck(), tried, events_simulated: events};
	let atHi: Bottleneck | null = null;
	// The capacity analysis predicts the break; probing around it first saves most of the bisection.
	const capacity = analyseCapacity(judgedModel(input.model)).maxLoadPerS;
	const hint = capacity === null ? undefined : capacity / effectiveRate(input.model, {...options, scale: options.scale ?? 1});
	if (hint !== undefined && hint > lo * 1.05 && hint < hi * 0.95) {
		for (const probe of [hint * 0.97, hint * 1.03]) {
			if (probe <= lo || probe >= hi) continue;
			if (meets(probe)) lo = probe;
			else {
				hi = probe;
				atHi = missedBottleneck();
				break;
			}
		}
	}
	if (atHi === null) {
		if (meets(hi)) return {replication, break_multiple: null, last_met: round(hi), first_missed: null, bottleneck: null, tried, events_simulated: events};
		atHi = missedBottleneck();
	}
	for (let step = 0; step < 20 && hi - lo > precision * lo; step++) {
		const mid = (lo + hi) / 2;
		if (meets(mid)) lo = mid;
		else {
			hi = mid;
			atHi = missedBottleneck();
		}
	}
	return {replication, break_multiple: round((lo + hi) / 2), last_met: round(lo), first_missed: round(hi), bottleneck: atHi, tried, events_simulated: events};
}

/** Combines the replications' bisections into the sweep report. */
export function summarizeSweep(input: SimInput, options: SweepOptions, reps: readonly SweepReplication[], wallS: number): SweepResult {
	const base = effectiveRate(input.model, options);
	const broke = reps.map((rep) => rep.break_multiple).filter((value): value is number => value !== null);
	const spread = broke.length > 0 ? meanAndHalfWidth(broke) : undefined;
	// Each replication only locates its break inside its final bracket, so the interval is at least half the widest bracket:
	// replications that all land in the same bracket must not claim more precision than the bisection has.
	const resolution = Math.max(0, ...reps.map((rep) => (rep.last_met !== null && rep.first_missed !== null ? (rep.first_missed - rep.last_met) / 2 : 0)));
	const stats = spread ? {mean: spread.mean, halfWidth: spread.halfWidth + resolution} : undefined;
	const capacity = analyseCapacity(judgedModel(input.model));
	const limiting: StageCapacityInfo | undefined = capacity.stages.find((stage) => stage.id === capacity.limitedBy);
	const counts = new Map<string, {count: number; bottleneck: Bottleneck}>();
	for (const rep of reps) {
		if (!rep.bottleneck) continue;
		const entry = counts.get(rep.bottleneck.component);
		if (entry) entry.count++;
		else counts.set(rep.bottleneck.component, {count: 1, bottleneck: rep.bottleneck});
	}
	const common = [...counts.values()].sort((a, b) => b.count - a.count)[0]?.bottleneck ?? null;
	const ci = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : round(value));
	return {
		scenario: input.scenario,
		arch: input.arch,
		seed: options.seed,
		base_load_per_s: round(base),
		from: options.from,
		to: options.to,
		duration_s: options.durationS,
		replications: reps.length,
		break_multiple: stats ? round(stats.mean) : null,
		break_multiple_ci95: ci(stats?.halfWidth),
		break_load_per_s: stats ? round(stats.mean * base) : null,
		break_load_per_s_ci95: stats ? ci(stats.halfWidth * base) : null,
		fails_at_from: reps.some((rep) => rep.last_met === null),
		holds_at_to: reps.every((rep) => rep.first_missed === null),
		capacity: {
			max_load_per_s: capacity.maxLoadPerS === null ? null : round(capacity.maxLoadPerS),
			multiple: capacity.maxLoadPerS === null ? null : round(capacity.maxLoadPerS / base),
			limited_by: capacity.limitedBy,
			limit: limiting?.limit ?? null,
		},
		bottleneck: common,
		per_replication: [...reps],
		events_simulated: reps.reduce((sum, rep) => sum + rep.events_simulated, 0),
		wall_s: wallS,
	};
}

function round(value: number): number {
	return roundTo(value, 3);
}
