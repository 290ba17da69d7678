/**
API pulls under quotas shared with backfills and other users.

Google Ads, Basic access: 15,000 operations a day (components.md google_ads_api [D]).
40 accounts × 4 reports is 160 operations per hourly pull, 3,840 a day (the
scenario's apis note). A nightly re-pull of the last 30 days, day by day, is
30 × 160 = 4,800 more: 8,640 a day fits, and no pull waits. A 90-day restatement
re-pulled every night (90 × 160 = 14,400) makes 18,240 a day: from then on the
day's quota runs out before the day does, the hourly pulls queue behind the
backfill until the next reset, and Google's data falls further behind every day.

Stripe, live mode: 100 requests/s per account (components.md stripe_api [D]),
shared with checkout.
*/
import {describe, expect, test} from 'vitest';
import {parseModel, run, scenarioModel} from './helpers/pipeline-models.js';
import {defaultDuration} from '../../src/sim/run-model.js';
import {ApiQuota} from '../../src/sim/models/api-quota.js';
import type {SimResult} from '../../src/sim/result.js';

const H = 3600;
const model = (backfillRequests: number) =>
	parseModel({
		source: {
			rate_per_s: 100,
			arrivals: 'constant',
			feeds: [{id: 'google_ads', share: 0.1, every_s: H, lag_s: 3 * H, quota: {id: 'gads', requests: 160}}],
			quotas: [{id: 'gads', component: 'google_ads_api', backfills: [{requests: backfillRequests, at: '01:00'}]}],
		},
		slo: {freshness_s: 3 * H},
		stages: [{id: 'land', kind: 'store', component: 's3', latency: {dist: 'const', mean_ms: 50}}],
	});
const simulate = (raw: ReturnType<typeof parseModel>) => run(raw, {durationS: defaultDuration(raw)});
const google = (result: SimResult) => result.sources!.find((source) => source.id === 'google_ads')!;

describe('Google Ads pulls and a nightly re-pull sharing 15,000 operations a day', () => {
	const fits = simulate(model(4800));
	const starved = simulate(model(14_400));

	test('a day is simulated three times (the quota resets daily)', () => {
		expect(fits.duration_s).toBe(3 * 24 * H);
	});

	test('30-day re-pull (4,800) + hourly pulls (3,840) fit: no pull waits, Google is about 4 h behind (3 h lag + 1 h), SLO met', () => {
		const quota = fits.quotas![0]!;
		expect(quota.delayed_pulls).toBe(0);
		// 24 pulls × 160 a day; the window (64.8 h) sees 2 of the 3 nightly runs: 2 × 4,800 / 2.7 days.
		expect(quota.pull_requests_per_day).toBeCloseTo(3840, -2);
		expect(google(fits).completeness_p99_s / H).toBeCloseTo(4, 1);
		expect(fits.slo.met).toBe(true);
		expect(fits.bottleneck).toBeNull();
	});

	test('a 90-day restatement re-pulled nightly (14,400) starves the hourly pulls: they wait for the reset, Google falls a day behind, the SLO fails', () => {
		const quota = starved.quotas![0]!;
		expect(quota.delayed_pulls).toBeGreaterThan(quota.pulls / 2);
		// A pull queued behind the backfill waits until the next midnight: up to about a day.
		expect(quota.longest_pull_wait_s / H).toBeGreaterThan(18);
		expect(google(starved).completeness_p99_s).toBeGreaterThan(google(starved).target_s!);
		expect(starved.slo.checks.find((check) => check.name === 'freshness_s')?.says).toContain('google_ads behind its target');
		expect(starved.slo.met).toBe(false);
	});

	test('the bottleneck names the starved source and the backfill, with the fix', () => {
		expect(starved.bottleneck?.component).toBe('google_ads');
		expect(starved.bottleneck?.reason).toMatch(/^google_ads pulls wait up to 2\d(\.\d+)? h for the gads quota \(15,000 requests a day; pulls ask [\d,]+ and backfills [\d,]+ a day/);
		expect(starved.bottleneck?.suggestion).toBe(
			"run the backfill with wider date ranges (fewer requests) or spread it over several nights, so the regular pulls keep room in the day's 15,000; or apply for a higher access level",
		);
	});
});

describe("marketing's file-based design under Google's Basic access", () => {
	const base = scenarioModel('marketing-pipeline', 'files-snowpipe-dbt');
	test('at 1x the hourly pulls (3,840) and the 30-day re-pull (4,800) fit in 15,000: no pull waits', () => {
		const result = run(base, {durationS: defaultDuration(base)});
		expect(result.quotas![0]!.delayed_pulls).toBe(0);
		expect(result.slo.met).toBe(true);
	});

	test('at 10x (400 accounts) the pulls alone need 38,400 operations a day: the fix is Standard access', () => {
		const result = run(base, {durationS: defaultDuration(base), scale: 10});
		expect(result.quotas![0]!.pull_requests_per_day).toBeCloseTo(38_400, -3);
		expect(result.slo.met).toBe(false);
		expect(result.bottleneck?.component).toBe('google_ads');
		expect(result.bottleneck?.suggestion).toMatch(/^the pulls alone need 3\d,\d{3} of 15,000 a day: fewer, wider queries per account, or a higher access level \(Google Ads Standard access has no daily cap\)$/);
	});
});

describe('Stripe: 100 requests/s shared with checkout', () => {
	test('checkout takes 60/s, a 144,000-request backfill at 01:00 takes the other 40/s for an hour; a pull at 01:30 waits until it is done', () => {
		const quota = new ApiQuota({id: 'stripe', component: 'stripe_api', shared_per_s: 60, backfills: []});
		expect(quota.availableRate).toBe(40);
		// 144,000 / 40 = 3,600 s: done at 02:00.
		expect(quota.submit(H, 144_000, 'backfill', true)).toBeCloseTo(2 * H, 6);
		// 4,000 requests after it: 100 s more.
		expect(quota.submit(1.5 * H, 4000, 'pull', true)).toBeCloseTo(2 * H + 100, 6);
		const report = quota.report(DAY);
		expect(report.delayed_pulls).toBe(1);
		expect(report.longest_pull_wait_s).toBeCloseTo(0.5 * H + 100, 3);
	});

	test('without the backfill the same pull takes its own 100 s and is not counted as delayed', () => {
		const quota = new ApiQuota({id: 'stripe', component: 'stripe_api', shared_per_s: 60, backfills: []});
		expect(quota.submit(1.5 * H, 4000, 'pull', true)).toBeCloseTo(1.5 * H + 100, 6);
		expect(quota.report(DAY).delayed_pulls).toBe(0);
	});
});

const DAY = 24 * H;
