/**
Human-readable output for `dojo sim` and `dojo sweep`: a table per component,
the end-to-end figures, the SLO verdict, capacity, bottleneck and fix; or
architectures side by side at 1x and 10x.
*/
import {counted, formatDuration, formatRate, ms, num, pct, seconds, table} from '../present/format.js';
import type {SimResult, SweepResult} from '../sim/index.js';

/** The verdict in one line. */
export function verdict(result: SimResult): string {
	const short = result.slo.checks.map((check) => {
		const mark = check.met ? '✓' : '✗';
		switch (check.name) {
			case 'latency_p99_ms':
				return `${mark} latency p99 ${ms(check.actual)} (target ${ms(check.target)})`;
			case 'freshness_s':
				if (check.says.startsWith('run too short')) return `${mark} freshness: ${check.says}`;
				if (result.sources) return `${mark} ${check.says}`;
				return `${mark} complete up to ${seconds(check.actual)} ago, p99 (target ${seconds(check.target)})`;
			case 'keeps_up':
				return check.met ? '' : `${mark} ${check.says}`;
			case 'ready_by':
				return check.met ? `${mark} batch ready by ${result.batch?.ready_by ?? ''}` : `${mark} ${check.says}`;
			case 'loss':
				return check.met && check.actual === 0 ? `${mark} no loss` : `${mark} ${pct(check.actual)} lost (at most ${check.target * 100}%)`;
			default:
				return check.met ? '' : `${mark} ${check.says}`;
		}
	});
	return `${result.slo.met ? 'SLO met' : 'SLO MISSED'}: ${short.filter(Boolean).join(' · ')}`;
}

/** The full report of one run. */
export function formatReport(result: SimResult, title: string): string {
	const lines: string[] = [];
	const head = [result.scenario, result.arch].filter(Boolean).join(' · ') || title;
	lines.push(`${head}${result.scenario ? ` — ${title}` : ''}`);
	lines.push(
		`load ${formatRate(result.load_per_s)} · ${formatDuration(result.duration_s)} simulated (${formatDuration(result.warmup_s)} warm-up) · seed ${result.seed}${result.replications > 1 ? ` · ${result.replications} replications (± = 95% CI)` : ''}`,
	);
	lines.push('');
	const rows: string[][] = [['stage', 'kind', 'util', 'through/s', 'queue mean', 'queue max', 'wait p50', 'wait p99', 'throttled', 'dropped', 'lost']];
	for (const component of result.components) {
		const kind = component.component === component.kind ? component.kind : `${component.kind}:${component.component}`;
		rows.push([
			component.id,
			kind,
			pct(component.utilization),
			num(component.throughput_per_s),
			num(component.queue.mean),
			num(component.queue.max),
			ms(component.wait_ms.p50),
			ms(component.wait_ms.p99),
			num(component.throttled),
			num(component.dropped),
			num(component.lost),
		]);
	}
	lines.push(table(rows, new Set([2, 3, 4, 5, 6, 7, 8, 9, 10])));
	if (result.components.some((component) => component.throttled > 0)) {
		lines.push('throttled counts refused write attempts, each retry again (as CloudWatch does); dropped and lost count records.');
	}
	for (const line of collectorLines(result)) lines.push(line);
	const e2e = result.end_to_end;
	const ci = (key: string) => {
		const value = (e2e.latency_ms as Record<string, unknown>)[`${key}_ci95`];
		return typeof value === 'number' ? ` ±${ms(value)}` : '';
	};
	lines.push('');
	lines.push(`end to end: ${num(e2e.delivered)} delivered · ${num(e2e.lost)} dropped or lost${e2e.filtered > 0 ? ` · ${num(e2e.filtered)} filtered` : ''}${e2e.undelivered >= 1 ? ` · ${num(e2e.undelivered)} never arrived` : ''}`);
	lines.push(`  latency p50 ${ms(e2e.latency_ms.p50)}${ci('p50')} · p95 ${ms(e2e.latency_ms.p95)} · p99 ${ms(e2e.latency_ms.p99)}${ci('p99')} · max ${ms(e2e.latency_ms.max)}`);
	const where = result.components.some((component) => component.kind === 'dashboard') ? 'on screen' : 'delivered';
	if (Number.isFinite(e2e.freshness_s)) lines.push(`  freshness (age of the newest data ${where}) ${seconds(e2e.freshness_s)} on average, ${seconds(e2e.freshness_p99_s)} at worst (p99)`);
	if (e2e.completeness_s !== undefined && Number.isFinite(e2e.completeness_s)) {
		lines.push(`  completeness (data ${where} includes every event older than) ${seconds(e2e.completeness_s)} on average, ${seconds(e2e.completeness_p99_s ?? Number.NaN)} at worst (p99)`);
	}
	if (result.sources) {
		// Several sources at different cadences: how complete each one is, the one that sets the whole's first.
		lines.push('sources (completeness p99, what it is held to, how often it is the furthest behind):');
		for (const source of result.sources) {
			const cadence = source.every_s > 0 ? `every ${formatDuration(source.every_s)}${source.lag_s > 0 ? `, ${formatDuration(source.lag_s)} late` : ''}` : 'as it happens';
			const target = source.target_s === null ? '' : ` (target ${seconds(source.target_s)})`;
			lines.push(`  ${source.id} (${pct(source.share)}, ${cadence}): ${seconds(source.completeness_p99_s)}${target} · furthest behind ${pct(source.sets_completeness_share)} of the time`);
		}
	}
	for (const quota of result.quotas ?? []) {
		const limit = [quota.per_day !== null ? `${num(quota.per_day)}/day` : '', quota.rate_per_s !== null ? `${num(quota.rate_per_s)}/s${quota.shared_per_s > 0 ? ` (${num(quota.shared_per_s)}/s used by others)` : ''}` : ''].filter(Boolean).join(', ');
		const waited = quota.delayed_pulls > 0 ? ` · ${num(quota.delayed_pulls)} of ${num(quota.pulls)} pulls waited, up to ${seconds(quota.longest_pull_wait_s)}` : ` · no pull waited`;
		lines.push(`quota ${quota.id} (${limit || 'no limit'}): pulls ${num(quota.pull_requests_per_day)}/day + backfills ${num(quota.backfill_requests_per_day)}/day${waited}`);
	}
	if (result.batch && result.batch.runs.length > 0) {
		// Scheduled batch runs: each step's start and finish, the last against the deadline.
		lines.push(`batch runs${result.batch.ready_by ? ` (ready by ${result.batch.ready_by})` : ''}:`);
		for (const run of result.batch.runs) {
			const steps = run.steps.map((step) => `${step.id} ${step.start.slice(-5)}–${step.finish ? step.finish.slice(-5) : '…'}`).join(' → ');
			const mark = run.met === null ? '' : run.met ? ' ✓' : ` ✗ ${run.finish_s === null ? 'not finished' : `${seconds(run.late_by_s)} late`}`;
			lines.push(`  ${run.scheduled}: ${steps} · done ${run.finish ?? 'not yet'}${mark}`);
		}
	}
	if (result.paths) {
		// Fan-out: each reader's path on its own line; the verdict below is the judged path's.
		lines.push('paths:');
		for (const path of result.paths) {
			const p = path.end_to_end;
			const complete = p.completeness_p99_s !== undefined && Number.isFinite(p.completeness_p99_s) ? ` · complete to ${seconds(p.completeness_p99_s)} ago (p99)` : '';
			const judged = path.judged ? 'SLO judged here' : `not judged (${path.slo_met ? 'would meet' : 'would miss'} the SLO; slo.path: ${path.id} in a model file judges it)`;
			lines.push(`  ${path.id} (${path.stages.join(' → ')}): p99 ${ms(p.latency_ms.p99)}${complete} · ${num(p.lost)} lost · ${judged}`);
		}
	}
	lines.push('');
	lines.push(verdict(result));
	const peak = result.slo.peak;
	if (peak && !peak.met) {
		const head = result.slo.met ? 'meets the SLO at the mean; loses' : 'also loses';
		lines.push(`peak: ${head} ${pct(peak.lost_share)} at the daily peak (${num(peak.multiplier)}x)${peak.suggestion ? `; ${peak.suggestion}` : ''}`);
	}
	const capacity = result.capacity;
	if (capacity.max_load_per_s !== null) {
		const stage = capacity.stages.find((candidate) => candidate.id === capacity.limited_by);
		const multiple = capacity.max_load_per_s / result.load_per_s;
		lines.push(`capacity: up to ${formatRate(capacity.max_load_per_s)} (${num(multiple)}x this load), limited by ${capacity.limited_by}${stage ? `: ${stage.limit}` : ''}`);
	} else {
		lines.push('capacity: no stage has a limit in the catalogue');
	}
	if (result.bottleneck) {
		lines.push(`bottleneck: ${result.bottleneck.component}: ${result.bottleneck.reason}`);
		lines.push(`fix: ${result.bottleneck.suggestion}`);
	} else {
		lines.push('bottleneck: none at this load');
	}
	// A total that silently leaves out a stage would read as the whole bill: name what has no price.
	const unpriced = result.cost.unpriced && result.cost.unpriced.length > 0 ? `; not priced: ${result.cost.unpriced.join(', ')}` : '';
	if (result.cost.per_month_usd !== null) lines.push(`cost: about $${num(result.cost.per_month_usd)}/month (${result.cost.items.map((item) => `${item.component} $${num(item.per_month_usd)}`).join(', ')}; unverified list prices${unpriced})`);
	else if (result.cost.unpriced && result.cost.unpriced.length > 0) lines.push(`cost: no stage has a list price here; not priced: ${result.cost.unpriced.join(', ')}`);
	for (const note of result.notes) lines.push(`note: ${note}`);
	lines.push(`(${num(result.events_simulated)} events in ${result.wall_s.toFixed(2)} s)`);
	return `${lines.join('\n')}\n`;
}

/** Architectures side by side, one column per (architecture, load multiple); a multiple may be a label ("peak 2x"). */
export function formatComparison(entries: ReadonlyArray<{arch: string; title: string; runs: readonly SimResult[]}>, scales: ReadonlyArray<number | string>): string {
	const label = (scale: number | string) => (typeof scale === 'number' ? `${num(scale)}x` : scale);
	const header = ['', ...entries.flatMap((entry) => scales.map((scale) => `${entry.arch} @${label(scale)}`))];
	const cell = (pick: (result: SimResult) => string) => entries.flatMap((entry) => entry.runs.map(pick));
	const first = entries[0]!.runs[0]!;
	const rows: string[][] = [
		header,
		['load', ...cell((result) => formatRate(result.load_per_s).split(' ')[0]!)],
		['SLO', ...cell((result) => (result.slo.met ? 'met' : 'MISSED'))],
		['latency p50', ...cell((result) => ms(result.end_to_end.latency_ms.p50))],
		['latency p99', ...cell((result) => ms(result.end_to_end.latency_ms.p99))],
		['freshness p99', ...cell((result) => seconds(result.end_to_end.freshness_p99_s))],
		['complete p99', ...cell((result) => seconds(result.end_to_end.completeness_p99_s ?? Number.NaN))],
		['delivered', ...cell((result) => num(result.end_to_end.delivered))],
		['lost', ...cell((result) => num(result.end_to_end.lost))],
		['throttled', ...cell((result) => num(result.components.reduce((sum, component) => sum + component.throttled, 0)))],
		['max load/s', ...cell((result) => num(result.capacity.max_load_per_s))],
		['limited by', ...cell((result) => result.capacity.limited_by ?? '–')],
		['breaks at', ...cell((result) => result.bottleneck?.component ?? '–')],
		['cost/month', ...cell(costCell)],
	];
	const lines = [`${first.scenario ?? 'model'}: ${entries.map((entry) => `${entry.arch} (${entry.title})`).join(' vs ')}`, `${formatDuration(first.duration_s)} simulated per column · seed ${first.seed}`, '', table(rows)];
	lines.push('');
	for (const entry of entries) {
		for (const [index, result] of entry.runs.entries()) {
			if (result.bottleneck) lines.push(`${entry.arch} @${label(scales[index]!)}: ${result.bottleneck.component}: ${result.bottleneck.reason}\n  fix: ${result.bottleneck.suggestion}`);
		}
	}
	return `${lines.join('\n')}\n`;
}

/** A cost total with the stages it leaves out, so $150 is not read against $578 as the whole bill. */
function costCell(result: SimResult): string {
	const unpriced = result.cost.unpriced ?? [];
	const total = result.cost.per_month_usd === null ? null : `$${num(result.cost.per_month_usd)}`;
	if (unpriced.length === 0) return total ?? '–';
	return total === null ? `unpriced ${unpriced.join(', ')}` : `${total} + unpriced ${unpriced.join(', ')}`;
}

/** The sweep report. */
export function formatSweep(result: SweepResult): string {
	const lines: string[] = [];
	lines.push(`${[result.scenario, result.arch].filter(Boolean).join(' · ') || 'model'}: load multiples ${num(result.from)}x–${num(result.to)}x of ${formatRate(result.base_load_per_s)}, ${formatDuration(result.duration_s)} per run, ${counted(result.replications, 'replication')}`);
	if (result.fails_at_from && result.break_multiple !== null && result.break_multiple <= result.from) {
		lines.push(`the SLO is missed already at ${num(result.from)}x`);
	} else if (result.holds_at_to) {
		lines.push(`the SLO still holds at ${num(result.to)}x`);
	} else if (result.break_multiple !== null) {
		const ci = result.break_multiple_ci95 !== null ? ` ± ${num(result.break_multiple_ci95)}` : '';
		lines.push(`the SLO breaks at ${num(result.break_multiple)}x${ci} (95% CI over replications) = ${formatRate(result.break_load_per_s!)}`);
	}
	const capacity = result.capacity;
	if (capacity.multiple !== null) lines.push(`on paper: ${capacity.limited_by} saturates at ${num(capacity.multiple)}x (${capacity.limit})`);
	if (result.bottleneck) lines.push(`breaks first: ${result.bottleneck.component}: ${result.bottleneck.reason}\nfix: ${result.bottleneck.suggestion}`);
	for (const rep of result.per_replication) lines.push(`  replication ${rep.replication + 1}: ${rep.tried.map((trial) => `${num(trial.multiple)}x ${trial.met ? 'ok' : 'miss'}`).join(', ')}`);
	lines.push(`(${num(result.events_simulated)} events in ${result.wall_s.toFixed(2)} s)`);
	return `${lines.join('\n')}\n`;
}

/**
A collector fleet's own figures: how far auto-scaling went, and refusals split
by who refused (the fleet, HTTP 503, counted as dropped; the rate limiter, HTTP
429, which are the bot's excess and no user's loss).
*/
function collectorLines(result: SimResult): string[] {
	return result.components
		.flatMap((component) => {
			if (component.kind !== 'collector') return [];
			const details = component.details;
			const limiter = details.client_rate_per_s !== undefined ? ` · refused by the rate limiter (HTTP 429) ${num(details.rate_limited ?? 0)}` : ' · no rate limiter';
			const bot = (details.bot_offered_per_s ?? 0) > 0 ? ` · the bot sent ${num(details.bot_offered_per_s)}/s, ${num(details.bot_accepted_per_s ?? 0)}/s got in` : '';
			return [`${component.id}: ${num(details.instances_mean)} instances on average (peak ${num(details.instances_peak)} of ${num(details.instances_max)}; ${num(details.instances_launched)} launched) · refused by the fleet (HTTP 503) ${num(details.refused)}${limiter}${bot}`];
		});
}
