/**
The simulation results as the round shows them: a verdict per run, the runs
side by side, the pipeline diagram of the hardest run, the bottleneck with
its fix, the headroom against the scenario's daily peak, and charts of
backlog and latency over simulated time. One `ResultRenderer`, used by the
results view and the what-ifs alike.
*/
import {systemDesign, type RoundContext} from '../../flow/round-machine.js';
import {formatRate, ms, num, pct, seconds, table, usd} from '../../present/format.js';
import type {SimResult} from '../../sim/index.js';
import {blank, wrapped, type Line} from '../screens/lines.js';
import type {ResultRenderer} from '../screens/round-views.js';
import {pipelineDiagram, stageHealth} from './pipeline-diagram.js';
import {seriesChart} from './sim-chart.js';

type Run = {readonly label: string; readonly result: SimResult};

function verdict(result: SimResult): string {
	return result.slo.met ? '✓ SLO met' : '✗ SLO missed';
}

/** The busiest stage, named with its utilisation. */
function busiest(result: SimResult): string {
	const top = [...result.components].sort((a, b) => b.utilization - a.utilization)[0];
	return top ? `${top.id} ${pct(top.utilization)}` : '–';
}

function lostShare(result: SimResult): string {
	const total = result.end_to_end.delivered + result.end_to_end.lost;
	return result.end_to_end.lost === 0 ? '0' : `${num(result.end_to_end.lost)} (${pct(total > 0 ? result.end_to_end.lost / total : 0)})`;
}

function costCell(result: SimResult): string {
	if (result.cost.per_month_usd === null) return 'not priced';
	const unpriced = result.cost.unpriced && result.cost.unpriced.length > 0 ? ` + ${result.cost.unpriced.length} unpriced` : '';
	return `${usd(result.cost.per_month_usd)}/mo${unpriced}`;
}

/**
The diagram of a run: one row of boxes, or with fan-out one per path, each
other reader drawn from the stream it reads (its stages before the stream are
the first path's).
*/
function pathDiagrams(result: SimResult, width: number): Line[] {
	const paths = result.paths ?? [];
	if (paths.length < 2) return pipelineDiagram(result.components, width);
	const byId = new Map(result.components.map((component) => [component.id, component]));
	const main = paths[0]!.stages;
	return paths.flatMap((path, index) => {
		const shared = path.stages.findIndex((id, at) => main[at] !== id);
		const from = index === 0 || shared <= 0 ? 0 : shared - 1;
		const components = path.stages.slice(from).flatMap((id) => byId.get(id) ?? []);
		const title = index === 0 ? [] : wrapped(`and the path to ${path.id}, another reader of ${path.stages[from]}:`, width, 'dim');
		return [...title, ...pipelineDiagram(components, width)];
	});
}

/** The runs as columns of one table: verdict, latency, freshness, loss, busiest stage, cost. */
function comparison(runs: readonly Run[], width: number): Line[] {
	const rows: string[][] = [
		['', ...runs.map((run) => run.label)],
		['verdict', ...runs.map((run) => verdict(run.result))],
		['latency p99', ...runs.map((run) => ms(run.result.end_to_end.latency_ms.p99))],
		['freshness p99', ...runs.map((run) => seconds(run.result.end_to_end.freshness_p99_s))],
		// The SLO judges completeness: the age of the oldest event not yet counted, not just the newest on screen.
		...(runs.some((run) => run.result.end_to_end.completeness_p99_s !== undefined) ? [['complete to p99', ...runs.map((run) => seconds(run.result.end_to_end.completeness_p99_s))]] : []),
		['lost', ...runs.map((run) => lostShare(run.result))],
		['busiest', ...runs.map((run) => busiest(run.result))],
		['cost', ...runs.map((run) => costCell(run.result))],
	];
	const text = table(rows);
	const fits = text.split('\n').every((line) => [...line].length <= width);
	if (!fits) return runs.flatMap((run) => wrapped(`${run.label}: ${verdict(run.result)} · p99 ${ms(run.result.end_to_end.latency_ms.p99)} · freshness p99 ${seconds(run.result.end_to_end.freshness_p99_s)} · lost ${lostShare(run.result)}`, width, run.result.slo.met ? 'ok' : 'bad'));
	return text.split('\n').map((line, index) => {
		if (index === 0) return {text: line, tone: 'strong'};
		if (index === 1) return {text: line, tone: runs.every((run) => run.result.slo.met) ? 'ok' : 'bad'};
		return {text: line};
	});
}

/** The headroom of a run's design against the scenario's daily peak, in words. */
function headroom(result: SimResult, context: RoundContext): string | null {
	const scenario = systemDesign(context);
	const capacity = result.capacity.max_load_per_s;
	if (!scenario || capacity === null) return null;
	const mean = scenario.workload.events_per_min / 60;
	const peak = mean * scenario.workload.peak_multiplier;
	const ratio = capacity / peak;
	const limit = result.capacity.limited_by ? `, set by ${result.capacity.limited_by}` : '';
	if (ratio < 1) return `capacity ${formatRate(capacity)}${limit}: below the daily peak of ${formatRate(peak)} (${num(ratio)}x of it)`;
	return `capacity ${formatRate(capacity)}${limit}: ${num(ratio)}x the daily peak of ${formatRate(peak)}, ${num(capacity / mean)}x the mean`;
}

/** Runs labelled "before…" are the earlier design or load shown for comparison. */
const isEarlier = (run: Run) => run.label.startsWith('before');

/** The run that shows the most: of the current ones, the first that misses its SLO, else the last (the heaviest load). */
function hardest(runs: readonly Run[]): Run {
	const current = runs.filter((run) => !isEarlier(run));
	const pool = current.length > 0 ? current : runs;
	return pool.find((run) => !run.result.slo.met) ?? pool.at(-1)!;
}

function totalBacklog(result: SimResult): number[] {
	const lines = Object.values(result.series.components);
	return result.series.t_s.map((_, index) => lines.reduce((sum, line) => sum + (line.backlog[index] ?? 0), 0));
}

/** Everything a run says, with the runs side by side when there are several. */
export const simResults: ResultRenderer = (runs, width, context) => {
	if (runs.length === 0) return [];
	const lines: Line[] = [...comparison(runs, width)];
	for (const run of runs) for (const check of run.result.slo.checks.filter((candidate) => !candidate.met)) lines.push(...wrapped(`✗ ${run.label}: ${check.says}`, width, 'bad', '    '));
	const focus = hardest(runs);
	const seen = new Set<string>();
	for (const run of runs) {
		const bottleneck = run.result.bottleneck;
		if (!bottleneck || seen.has(bottleneck.component + bottleneck.suggestion)) continue;
		seen.add(bottleneck.component + bottleneck.suggestion);
		lines.push(...wrapped(`bottleneck (${run.label}): ${bottleneck.component}: ${bottleneck.reason}`, width, 'warn', '    '));
		lines.push(...wrapped(`fix: ${bottleneck.suggestion}`, width, 'warn', '    '));
	}
	const room = headroom(focus.result, context);
	if (room) lines.push(...wrapped(room, width, 'dim', '    '));
	lines.push(blank, ...wrapped(`pipeline at ${focus.label}:`, width, 'strong'), ...pathDiagrams(focus.result, width));
	for (const component of focus.result.components) {
		const health = stageHealth(component);
		if (health.marks.length === 0) continue;
		lines.push(...wrapped(`${component.id}: ${health.marks.join(', ')} · throttled ${num(component.throttled)} · lost ${num(component.lost + component.dropped)} · queue max ${num(component.queue.max)}`, width, health.tone, '    '));
	}
	if (focus.result.cost.unpriced && focus.result.cost.unpriced.length > 0) lines.push(...wrapped(`not priced: ${focus.result.cost.unpriced.join(', ')}`, width, 'dim', '    '));
	const series = focus.result.series;
	if (series.t_s.length >= 2) {
		lines.push(blank, ...seriesChart({title: `backlog over simulated time at ${focus.label} (records held, all stages)`, values: totalBacklog(focus.result), t_s: series.t_s, format: (value) => num(value)}, width));
		lines.push(blank, ...seriesChart({title: `end-to-end latency at ${focus.label} (mean per interval)`, values: series.latency_s, t_s: series.t_s, format: (value) => seconds(value)}, width));
	}
	return lines;
};
