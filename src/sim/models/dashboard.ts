/**
What the viewer sees: a dashboard that re-runs its query every `refresh_s`.

Freshness is the age of the newest data on screen. A refresh that starts at r
reads everything delivered by r; its result shows from r + query time until
the next refresh replaces it, aging the whole while. So freshness swings
between (r + query − newest event's birth) and that plus the refresh interval;
the report gives its time average and the worst moments (p99, max).
*/
import {dashboards} from '../catalogue.js';
import {LogHistogram} from '../stats/histogram.js';
import type {Random} from '../kernel/random.js';
import {Stage, type SimContext} from './stage.js';
import type {DashboardDetails} from '../result.js';

const REFRESH = 1;

/** What a dashboard stage needs to know. */
export type DashboardSpec = {
	readonly id: string;
	readonly component: 'grafana' | 'quicksight' | 'tableau' | 'custom';
	readonly refreshS: number;
	readonly queryMs: number;
};

/** Freshness as the viewer sees it. */
export type FreshnessStats = {
	/** Time-average age of the newest data on screen, seconds. */
	mean: number;
	/** Worst age within a refresh period, 99th percentile over periods, seconds. */
	p99: number;
	/** Worst age seen, seconds. */
	max: number;
};

/** A dashboard: the end of the pipeline. */
export class DashboardStage extends Stage {
	readonly spec: DashboardSpec;
	/** Worst age per refresh period, seconds. */
	readonly worst = new LogHistogram();
	/** Worst completeness lag per refresh period, seconds. */
	readonly worstComplete = new LogHistogram();
	private sumComplete = 0;
	private sumMean = 0;
	private periods = 0;
	private newestBorn = Number.NEGATIVE_INFINITY;
	private readonly refresh: number;

	/** Seconds between refreshes, after the service's minimum is applied. */
	get refreshPeriod(): number {
		return this.refresh;
	}
	private readonly rng: Random;

	constructor(ctx: SimContext, index: number, spec: DashboardSpec) {
		super(ctx, index, spec.id, 'dashboard', spec.component);
		this.spec = spec;
		let refresh = spec.refreshS;
		if (spec.component === 'grafana' && refresh < dashboards.grafanaMinRefresh.value) {
			ctx.note(`${spec.id}: Grafana refreshes at most every ${dashboards.grafanaMinRefresh.value} s (min_refresh_interval); using ${dashboards.grafanaMinRefresh.value} s instead of ${refresh} s`);
			refresh = dashboards.grafanaMinRefresh.value;
		}
		if (spec.component === 'quicksight' && refresh < dashboards.quicksightMinRefresh.value) {
			ctx.note(`${spec.id}: QuickSight SPICE datasets refresh at best every ${dashboards.quicksightMinRefresh.value / 60} min; a ${refresh} s refresh assumes direct query on every view`);
		}
		this.refresh = refresh;
		this.rng = ctx.random(index, 1);
	}

	override start(now: number): void {
		this.ctx.schedule(now + this.rng.next() * this.refresh, this.index, REFRESH, 0);
	}

	override receive(now: number, born: number, count: number, weight: number): void {
		this.stats.departedSinceSample += count;
		if (this.ctx.measuring) {
			this.stats.arrived += count;
			this.stats.departed += count;
		}
		if (born > this.newestBorn) this.newestBorn = born;
		this.ctx.deliver(now, born, weight);
	}

	override handle(_kind: number, _local: number, now: number): void {
		const shownFrom = now + this.spec.queryMs / 1000;
		if (this.ctx.measuring && Number.isFinite(this.newestBorn)) {
			const first = shownFrom - this.newestBorn;
			const last = first + this.refresh;
			this.sumMean += first + this.refresh / 2;
			this.periods++;
			this.worst.record(last);
			// The query counts what was delivered by now: complete up to the oldest event still on its way.
			const lag = shownFrom - this.ctx.completeUpTo(now);
			this.sumComplete += lag + this.refresh / 2;
			this.worstComplete.record(lag + this.refresh);
		}
		this.ctx.schedule(now + this.refresh, this.index, REFRESH, 0);
	}

	/** Freshness over the measurement window (NaN when nothing was delivered in time). */
	freshness(): FreshnessStats {
		if (this.periods === 0) return {mean: Number.NaN, p99: Number.NaN, max: Number.NaN};
		return {mean: this.sumMean / this.periods, p99: this.worst.quantile(0.99), max: this.worst.max};
	}

	/** Completeness over the measurement window: the age of the oldest event not yet counted, as shown. */
	completeness(): FreshnessStats {
		if (this.periods === 0) return {mean: Number.NaN, p99: Number.NaN, max: Number.NaN};
		return {mean: this.sumComplete / this.periods, p99: this.worstComplete.quantile(0.99), max: this.worstComplete.max};
	}

	override utilization(): number {
		return Math.min(1, this.spec.queryMs / 1000 / this.refresh);
	}

	override details(): DashboardDetails {
		return {refresh_s: this.refresh, query_ms: this.spec.queryMs, refreshes: this.periods};
	}
}
