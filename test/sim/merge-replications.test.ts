/**
Sources and API quotas over several replications: every replication counts,
not only the first (a late source in replication 2 must fail the SLO).
*/
import {describe, expect, test} from 'vitest';
import {mergeQuotas, mergeSources} from '../../src/sim/run-model.js';
import type {FeedReport, QuotaReport, RunResult} from '../../src/sim/result.js';

const feed = (id: string, completeness: number, wait: number, share: number): FeedReport => ({id, share: 0.5, every_s: 3600, lag_s: 0, completeness_p99_s: completeness, longest_wait_s: wait, target_s: 4000, sets_completeness_share: share});
const quota = (delayed: number, longest: number, pulls: number): QuotaReport => ({id: 'google', component: 'google_ads', per_day: 15000, rate_per_s: null, shared_per_s: 0, pull_requests_per_day: pulls * 10, backfill_requests_per_day: 100, pulls, delayed_pulls: delayed, longest_pull_wait_s: longest});
const run = (more: Partial<RunResult>) => more as RunResult;

describe('merging replications', () => {
	test("a source is held to its worst replication, and the source that set completeness most often comes first", () => {
		const merged = mergeSources([run({sources: [feed('hourly', 3000, 3500, 0.6), feed('daily', 900, 100, 0.4)]}), run({sources: [feed('hourly', 3100, 3400, 0.2), feed('daily', 4200, 4100, 0.8)]})]);
		expect(merged).toEqual([
			// daily: worst 4,200 s (over its 4,000 s target in replication 2 only); set completeness (0.4 + 0.8) / 2 = 0.6 of the time.
			{...feed('daily', 4200, 4100, 0.6)},
			{...feed('hourly', 3100, 3500, 0.4)},
		]);
	});

	test('one replication, or none with sources, is passed through as it is', () => {
		const only = [feed('hourly', 3000, 3500, 1)];
		expect(mergeSources([run({sources: only})])).toBe(only);
		expect(mergeSources([run({}), run({})])).toBeUndefined();
	});

	test('a quota: pulls and requests averaged, delayed pulls and the longest wait at their worst', () => {
		expect(mergeQuotas([run({quotas: [quota(0, 5, 24)]}), run({quotas: [quota(3, 7200, 25)]})])).toEqual([{...quota(3, 7200, 24.5), pull_requests_per_day: 245}]);
		const only = [quota(1, 2, 3)];
		expect(mergeQuotas([run({quotas: only})])).toBe(only);
		expect(mergeQuotas([run({}), run({})])).toBeUndefined();
	});
});
