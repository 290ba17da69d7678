/**
An API quota on its own (src/sim/models/api-quota.ts): when each job's requests
are served under a daily quota that resets at a time of day, or under a rate
limit shared with other users, and what the report counts. Times are seconds
after 00:00 UTC of day 0; each figure is worked out in the comment above it.
*/
import {describe, expect, test} from 'vitest';
import {ApiQuota, quotaLimits} from '../../../src/sim/models/api-quota.js';
import {QuotaSchema} from '../../../src/scenarios/model-schema.js';

const quota = (raw: Record<string, unknown>) => new ApiQuota(QuotaSchema.parse({id: 'q', ...raw}));

describe('the limits of a quota', () => {
	test("Google Ads defaults to 15,000 operations a day and Stripe to 100 requests/s (apiQuotas [D]); a custom API has only what it says", () => {
		expect(quotaLimits(QuotaSchema.parse({id: 'q', component: 'google_ads_api'}))).toEqual({perDay: 15_000, ratePerS: null, resetS: 0});
		expect(quotaLimits(QuotaSchema.parse({id: 'q', component: 'stripe_api'}))).toEqual({perDay: null, ratePerS: 100, resetS: 0});
		expect(quotaLimits(QuotaSchema.parse({id: 'q', rate_per_s: 5}))).toEqual({perDay: null, ratePerS: 5, resetS: 0});
		expect(quotaLimits(QuotaSchema.parse({id: 'q', per_day: 50, resets_at: '08:00'}))).toEqual({perDay: 50, ratePerS: null, resetS: 28_800});
	});
});

describe('a daily quota', () => {
	test('100 a day: 80 at 01:00 are served at once; 50 at 02:00 get the 20 left and wait for the 00:00 reset for the rest', () => {
		const q = quota({per_day: 100});
		expect(q.submit(3600, 80, 'pull', true)).toBe(3600);
		expect(q.submit(7200, 50, 'pull', true)).toBe(86_400);
		// The next day's 100 have 30 taken: 70 more fit at once, 71 would not.
		expect(q.submit(90_000, 70, 'pull', true)).toBe(90_000);
		expect(q.submit(90_001, 1, 'pull', true)).toBe(2 * 86_400);
	});

	test('exactly the whole day at once is served at once', () => {
		expect(quota({per_day: 100}).submit(3600, 100, 'pull', true)).toBe(3600);
	});

	test('resetting at 08:00: a job at 07:00 that finds the day used up waits one hour, not a day and eight', () => {
		const q = quota({per_day: 100, resets_at: '08:00'});
		expect(q.submit(3600, 80, 'pull', true)).toBe(3600);
		// Day −1 (08:00 the day before to 08:00): 20 left at 07:00; the other 30 at the 08:00 reset.
		expect(q.submit(25_200, 50, 'pull', true)).toBe(28_800);
	});

	test('a pull that waits more than a minute for others counts as delayed; one that waits exactly a minute does not', () => {
		const q = quota({per_day: 100});
		q.submit(0, 100, 'backfill', true);
		// 60 s before the reset: it waits exactly 60 s.
		q.submit(86_340, 10, 'pull', true);
		// Day 1 has 90 left at 172,700 s: the other 10 of 100 wait for the day-2 reset at 172,800, 100 s: delayed.
		q.submit(172_700, 100, 'pull', true);
		// Per day over 3 days: 110 / 3 = 36.7 pulled, 100 / 3 = 33.3 backfilled.
		expect(q.report(3 * 86_400)).toMatchObject({pulls: 2, delayed_pulls: 1, longest_pull_wait_s: 100, pull_requests_per_day: 36.7, backfill_requests_per_day: 33.3});
	});
});

describe('a rate limit', () => {
	test('100 requests/s, 40 of them taken by checkout: 300 requests take 300 / 60 = 5 s, and the next job queues behind', () => {
		const q = quota({rate_per_s: 100, shared_per_s: 40});
		expect(q.availableRate).toBe(60);
		expect(q.submit(10, 300, 'pull', true)).toBe(15);
		expect(q.submit(12, 60, 'pull', true)).toBe(16);
		// A pull's own 5 s are not a delay; 4 s behind another job are not more than a minute either.
		expect(q.report(86_400)).toMatchObject({pulls: 2, delayed_pulls: 0, longest_pull_wait_s: 5});
	});

	test('with nothing left for this account (rate = what others take), a pull never finishes and counts as delayed', () => {
		const q = quota({rate_per_s: 50, shared_per_s: 50});
		expect(q.submit(0, 10, 'pull', true)).toBe(Number.POSITIVE_INFINITY);
		expect(q.report(86_400).delayed_pulls).toBe(1);
	});

	test('the longest wait is the longest, not the last; a job outside the window is served but not counted', () => {
		const q = quota({rate_per_s: 1});
		q.submit(0, 100, 'pull', true);
		q.submit(1000, 10, 'pull', true);
		q.submit(2000, 5, 'backfill', false);
		expect(q.report(86_400)).toMatchObject({pulls: 2, longest_pull_wait_s: 100, pull_requests_per_day: 110, backfill_requests_per_day: 0});
	});
});
