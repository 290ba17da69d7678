/**
Inputs for the bottleneck analysis built by hand: a model, a load, and what the run
"showed" per stage (throttled, lost, backlog growth, waits) and which SLO checks
failed. The analysis is pure, so its verdicts can be checked without simulating.
*/
import {analyseCapacity} from '../../../src/sim/analysis/capacity.js';
import {findBottleneck, fixAt, type Bottleneck, type BottleneckInput} from '../../../src/sim/analysis/bottleneck.js';
import type {CommonFigures, ComponentResult, EndToEnd, SloCheck} from '../../../src/sim/result.js';
import {parseModel} from './model-file.js';

/** What a run showed for one stage (anything not given is zero). */
export type Showed = Partial<Omit<CommonFigures, 'wait_ms'>> & {wait_p99_ms?: number; details?: Record<string, number | string | boolean>};

/** What the run showed overall: per-stage figures, failed SLO checks by name, the end-to-end p99 latency. */
export type RunShowed = {
	readonly stages?: Record<string, Showed>;
	readonly failed?: ReadonlyArray<'latency_p99_ms' | 'freshness_s'>;
	readonly latencyP99Ms?: number;
};

const quantiles = (value: number) => ({mean: value, p50: value, p95: value, p99: value});

/** The analysis input for a model file's content at `loadPerS` events/s. */
export function verdictInput(raw: unknown, loadPerS: number, showed: RunShowed = {}): BottleneckInput {
	const model = parseModel(raw);
	const capacity = analyseCapacity(model);
	const components: ComponentResult[] = capacity.stages.map((stage) => {
		const {wait_p99_ms: wait = 0, ...figures} = showed.stages?.[stage.id] ?? {};
		// A collector always reports its refusals; the analysis reads them as a number.
		return {id: stage.id, kind: stage.kind, component: stage.component, utilization: 0, throughput_per_s: 0, queue: {mean: 0, max: 0}, wait_ms: quantiles(wait), throttled: 0, dropped: 0, lost: 0, backlog_growth_per_s: 0, details: stage.kind === 'collector' ? {refused_per_s: 0} : {}, ...figures} as ComponentResult;
	});
	const latency = showed.latencyP99Ms ?? 0;
	const endToEnd: EndToEnd = {delivered: 1, lost: 0, filtered: 0, undelivered: 0, latency_ms: {...quantiles(latency), max: latency}, freshness_s: 0, freshness_p99_s: 0, freshness_max_s: 0};
	const failed = new Set(showed.failed ?? []);
	const checks: SloCheck[] = [];
	if (model.slo?.latency_p99_ms !== undefined) checks.push({name: 'latency_p99_ms', target: model.slo.latency_p99_ms, actual: 0, met: !failed.has('latency_p99_ms'), says: ''});
	if (model.slo?.freshness_s !== undefined) checks.push({name: 'freshness_s', target: model.slo.freshness_s, actual: 0, met: !failed.has('freshness_s'), says: ''});
	const slo = {latency_p99_ms: model.slo?.latency_p99_ms ?? null, freshness_s: model.slo?.freshness_s ?? null, met: checks.every((check) => check.met), checks};
	return {model, loadPerS, capacity, components, endToEnd, slo};
}

/** The bottleneck the analysis names for that input. */
export function bottleneckOf(raw: unknown, loadPerS: number, showed: RunShowed = {}): Bottleneck | null {
	return findBottleneck(verdictInput(raw, loadPerS, showed));
}

/** The fix the analysis gives one stage at `loadPerS` (the daily peak's advice). */
export function fixFor(raw: unknown, loadPerS: number, stageId: string): Bottleneck | undefined {
	return fixAt(verdictInput(raw, loadPerS), stageId);
}
