/**
A request quota of a third-party API shared by everyone who calls it: the hourly
pulls, the nightly backfill that re-pulls 30 days, and (for Stripe) checkout.
Google Ads counts operations per day; Stripe counts requests per second.

Like one checkout lane with a daily ticket roll: customers are served in the
order they come, and when the roll runs out, whoever is next waits for the
morning's new roll, and everyone behind them waits too.

Requests are served first come, first served. A daily quota that cannot cover
a job serves what is left today and the rest after the reset; a rate limit
serves at (rate − what other users take) requests/s. Completion times are worked
out when a job is submitted, so the quota needs no events of its own. Pure.
*/
import type {Quota} from '../../scenarios/model-schema.js';
import {apiQuotas} from '../catalogue.js';
import type {QuotaReport} from '../result.js';
import {clockSeconds} from './batch-runs.js';
import {roundTo} from '../numbers.js';

const DAY_S = 86_400;

/** Who asked: a feed's pull (which waits for data) or a backfill. */
export type Requester = 'pull' | 'backfill';

/** The daily and per-second limits of a quota, from the model or the catalogue. */
export function quotaLimits(spec: Quota): {perDay: number | null; ratePerS: number | null; resetS: number} {
	const perDay = spec.per_day ?? (spec.component === 'google_ads_api' ? apiQuotas.googleAdsBasicOpsPerDay.value : null);
	const ratePerS = spec.rate_per_s ?? (spec.component === 'stripe_api' ? apiQuotas.stripeLiveRate.value : null);
	const resetS = spec.resets_at === undefined ? apiQuotas.googleAdsReset.value : clockSeconds(spec.resets_at);
	return {perDay, ratePerS, resetS};
}

/** One API quota during a run. */
export class ApiQuota {
	readonly spec: Quota;
	private readonly perDay: number | null;
	/** Requests per second left for this account's pulls and backfills (rate − other users). */
	private readonly rate: number | null;
	private readonly resetS: number;
	private day = Number.NEGATIVE_INFINITY;
	private usedToday = 0;
	private lastDone = 0;
	private pullRequests = 0;
	private backfillRequests = 0;
	private pulls = 0;
	private delayedPulls = 0;
	private longestPullWait = 0;

	constructor(spec: Quota) {
		this.spec = spec;
		const limits = quotaLimits(spec);
		this.perDay = limits.perDay;
		this.rate = limits.ratePerS === null ? null : limits.ratePerS - spec.shared_per_s;
		this.resetS = limits.resetS;
	}

	/** The quota's rate left for this account, or null without a rate limit. */
	get availableRate(): number | null {
		return this.rate;
	}

	/**
	Submits `requests` at `now`; returns when the last of them is served (Infinity
	when the rate left is none). `measuring` counts it in the report.
	*/
	submit(now: number, requests: number, who: Requester, measuring: boolean): number {
		let at = Math.max(now, this.lastDone);
		if (this.perDay !== null) {
			let left = requests;
			for (;;) {
				const day = Math.floor((at - this.resetS) / DAY_S);
				if (day !== this.day) {
					this.day = day;
					this.usedToday = 0;
				}
				const room = this.perDay - this.usedToday;
				if (left <= room + 1e-9) {
					this.usedToday += left;
					break;
				}
				// The rest waits for the next reset, and so does everyone behind it.
				this.usedToday = this.perDay;
				left -= Math.max(0, room);
				at = this.resetS + (day + 1) * DAY_S;
			}
		}
		if (this.rate !== null) at = this.rate > 0 ? at + requests / this.rate : Number.POSITIVE_INFINITY;
		this.lastDone = at;
		if (measuring) {
			if (who === 'pull') {
				this.pullRequests += requests;
				this.pulls++;
				const wait = at - now;
				if (wait > this.longestPullWait) this.longestPullWait = wait;
				// A pull that is not served within a minute (a rate-limited pull's own requests aside) waited for others.
				const own = this.rate !== null && this.rate > 0 ? requests / this.rate : 0;
				if (wait > own + 60) this.delayedPulls++;
			} else {
				this.backfillRequests += requests;
			}
		}
		return at;
	}

	/** What the quota served over the measurement window of `spanS` seconds. */
	report(spanS: number): QuotaReport {
		const perDay = (requests: number) => roundTo((requests / spanS) * DAY_S, 1);
		const limits = quotaLimits(this.spec);
		return {
			id: this.spec.id,
			component: this.spec.component,
			per_day: limits.perDay,
			rate_per_s: limits.ratePerS,
			shared_per_s: this.spec.shared_per_s,
			pull_requests_per_day: perDay(this.pullRequests),
			backfill_requests_per_day: perDay(this.backfillRequests),
			pulls: this.pulls,
			delayed_pulls: this.delayedPulls,
			longest_pull_wait_s: roundTo(this.longestPullWait, 3),
		};
	}
}
