/**
Source feeds on their own: events held per feed in buckets (at most 1,000 per delivery interval), delivered when
at least lag_s old, settled by the mark in their birth time, and the completeness each source sets.
Ticks of 0.1 s: an event born in tick i has born = (i − ½) × 0.1.
*/
import {describe, expect, test} from 'vitest';
import {SourceFeeds} from '../../../src/sim/models/feeds.js';
import type {Feed} from '../../../src/scenarios/model-schema.js';

const TICK = 0.1;
const feed = (extra: Partial<Feed> & {id: string}): Feed => ({share: 0.25, every_s: 3600, lag_s: 0, ...extra}) as Feed;
const bornOf = (tick: number) => (tick - 0.5) * TICK;
/** Holds `n` events in each of ticks from … to. */
const holdTicks = (feeds: SourceFeeds, from: number, to: number, n: number) => {
	for (let tick = from; tick <= to; tick++) feeds.hold(tick, bornOf(tick), n);
};
const delivered = (feeds: SourceFeeds, index: number, now: number) => {
	const out: [number, number][] = [];
	feeds.deliver(index, now, (born, count) => out.push([born, count]));
	return out;
};

describe('what a feed is', () => {
	test('shares: the rest streams in; never below 0', () => {
		const feeds = new SourceFeeds([feed({id: 'ads', share: 0.25}), feed({id: 'files', share: 0.5})], TICK, () => true);
		expect(feeds.size).toBe(2);
		expect(feeds.streamedShare).toBe(0.25);
		expect(new SourceFeeds([feed({id: 'a', share: 0.6}), feed({id: 'b', share: 0.6})], TICK, () => true).streamedShare).toBe(0);
	});

	test('first delivery: every_s after 00:00, or at its time of day (02:00 daily → 7,200 s; 02:30 hourly → 1,800 s)', () => {
		const feeds = new SourceFeeds(
			[
				feed({id: 'a'}),
				feed({id: 'b', every_s: 86_400, at: '02:00'}),
				feed({id: 'c', every_s: 3600, at: '02:30'}),
				feed({id: 'd', every_s: 86_400, at: '00:00'}),
			],
			TICK,
			() => true,
		);
		expect([0, 1, 2, 3].map((index) => feeds.firstDelivery(index))).toEqual([3600, 7200, 1800, 86_400]);
	});

	test('its quota, the stage it enters at and its interval are the spec\'s', () => {
		const feeds = new SourceFeeds([feed({id: 'a', quota: {id: 'ads', requests: 3}, enters: 'lake', every_s: 60})], TICK, () => true);
		expect(feeds.quotaOf(0)).toEqual({id: 'ads', requests: 3});
		expect(feeds.entersAt(0)).toBe('lake');
		expect(feeds.interval(0)).toBe(60);
	});
});

describe('holding and delivering', () => {
	// every_s 3,600: buckets of ⌊3,600 / 1,000 / 0.1⌋ = 36 ticks; a quarter of 100 events a tick is 25.
	test('buckets of 36 ticks under their first tick\'s birth time (plus the feed\'s mark, 1e-5 s for the first feed)', () => {
		const feeds = new SourceFeeds([feed({id: 'ads'})], TICK, () => true);
		holdTicks(feeds, 1, 80, 100);
		const out = delivered(feeds, 0, 100);
		expect(out.map(([born, count]) => [Math.round(born * 1e6) / 1e6, count])).toEqual([
			[0.05001, 900],
			[3.65001, 900],
			[7.25001, 200],
		]);
		expect(feeds.report(undefined)[1]!.longest_wait_s).toBeCloseTo(100 - 0.05001, 3);
	});

	test('a delivery holds only events at least lag_s old; the rest wait for the next', () => {
		const feeds = new SourceFeeds([feed({id: 'ads', lag_s: 3})], TICK, () => true);
		holdTicks(feeds, 1, 80, 100);
		expect(delivered(feeds, 0, 6.65).map(([, count]) => count)).toEqual([900]);
		expect(delivered(feeds, 0, 6.66).map(([, count]) => count)).toEqual([900]);
		expect(delivered(feeds, 0, 10.26).map(([, count]) => count)).toEqual([200]);
		expect(delivered(feeds, 0, 20)).toEqual([]);
	});

	test('once everything held is delivered, the next events start a new bucket', () => {
		const feeds = new SourceFeeds([feed({id: 'ads'})], TICK, () => true);
		holdTicks(feeds, 1, 5, 100);
		expect(delivered(feeds, 0, 1).map(([, count]) => count)).toEqual([125]);
		holdTicks(feeds, 6, 7, 100);
		expect(delivered(feeds, 0, 2).map(([born, count]) => [Math.round(born * 1e6) / 1e6, count])).toEqual([[0.55001, 50]]);
	});

	test('a delivery that leaves the open bucket held keeps adding to it', () => {
		const feeds = new SourceFeeds([feed({id: 'ads', lag_s: 2})], TICK, () => true);
		// Buckets of ticks 1–36 (born 0.05 s) and 37–40 (born 3.65 s); at 5 s only the first is 2 s old.
		holdTicks(feeds, 1, 40, 100);
		expect(delivered(feeds, 0, 5).map(([, count]) => count)).toEqual([900]);
		holdTicks(feeds, 41, 41, 100);
		expect(delivered(feeds, 0, 10).map(([, count]) => count)).toEqual([125]);
	});

	test('a bucket does not straddle the measurement window\'s start', () => {
		const feeds = new SourceFeeds([feed({id: 'ads'})], TICK, (born) => born >= 2);
		holdTicks(feeds, 1, 30, 100);
		// Ticks 1–20 are born before 2 s (tick 20: 1.95 s), 21–30 after.
		expect(delivered(feeds, 0, 10).map(([, count]) => count)).toEqual([500, 250]);
	});

	test('a zero share holds nothing', () => {
		const feeds = new SourceFeeds([feed({id: 'ads', share: 0})], TICK, () => true);
		holdTicks(feeds, 1, 5, 100);
		expect(delivered(feeds, 0, 10)).toEqual([]);
		expect(feeds.completeUpTo(10)).toBe(10);
	});

	test('a long-running feed compacts what it has delivered and still delivers in order', () => {
		// every_s 1: buckets of 1 tick; 10,000 ticks held and delivered in steps of 100.
		// Each tick holds a different number (1 … 7 events, a quarter of them the feed's), so a count that came
		// apart from its birth time would show.
		const feeds = new SourceFeeds([feed({id: 'fast', every_s: 1})], TICK, () => true);
		const perTick = (tick: number) => (tick % 7) + 1;
		let last = -1;
		for (let step = 0; step < 100; step++) {
			for (let tick = step * 100 + 1; tick <= step * 100 + 100; tick++) feeds.hold(tick, bornOf(tick), 4 * perTick(tick));
			for (const [born, count] of delivered(feeds, 0, (step + 1) * 10)) {
				expect(born).toBeGreaterThan(last);
				last = born;
				const tick = Math.round(born / TICK + 0.5);
				expect(count).toBe(perTick(tick));
			}
		}
	});
});

describe('settling and completeness', () => {
	test('the mark tells whose events leave: the first feed\'s, the second\'s, or streamed ones (no mark)', () => {
		const feeds = new SourceFeeds([feed({id: 'a'}), feed({id: 'b'})], TICK, () => true);
		holdTicks(feeds, 1, 1, 100);
		const [[bornA, countA]] = delivered(feeds, 0, 1) as [[number, number]];
		const [[bornB, countB]] = delivered(feeds, 1, 1) as [[number, number]];
		expect(feeds.settle(bornOf(1), 5)).toBe(false);
		// Until both feeds' events have left, the data is complete only up to tick 1's start (0.05 s … 0 s).
		expect(feeds.completeUpTo(9)).toBeCloseTo(0.05, 9);
		expect(feeds.settle(bornA, countA)).toBe(true);
		expect(feeds.completeUpTo(9)).toBeCloseTo(0.05, 9);
		expect(feeds.settle(bornB, countB)).toBe(true);
		expect(feeds.completeUpTo(9)).toBe(9);
	});

	test('the source furthest behind sets the completeness; the report holds each feed to the target plus its delay', () => {
		const feeds = new SourceFeeds([feed({id: 'ads', lag_s: 10})], TICK, () => true);
		expect(feeds.report(60)[0]!.sets_completeness_share).toBe(0);
		holdTicks(feeds, 1, 1, 100);
		// Streamed complete up to 9 s at 10 s, plus 1 s of screen: 2 s behind; the feed is 10 − 0.05 + 1 = 10.95 s behind.
		feeds.sample(10, 9, 1);
		// Once the feed's events have left, the streamed part is the one behind.
		const [[born, count]] = delivered(feeds, 0, 11) as [[number, number]];
		feeds.settle(born, count);
		feeds.sample(20, 19, 1);
		feeds.sample(30, 29, 1);
		feeds.sample(40, 39, 1);
		const [streamed, ads] = feeds.report(60);
		expect(streamed).toMatchObject({id: 'streamed', share: 0.75, every_s: 0, lag_s: 0, longest_wait_s: 0, target_s: 60, sets_completeness_share: 0.75});
		expect(ads).toMatchObject({id: 'ads', share: 0.25, every_s: 3600, lag_s: 10, target_s: 3670, sets_completeness_share: 0.25});
		expect(streamed!.completeness_p99_s).toBeCloseTo(2, 1);
		expect(ads!.completeness_p99_s).toBeCloseTo(10.95, 1);
		expect(feeds.report(undefined).map((row) => row.target_s)).toEqual([null, null]);
	});

	test('a tie goes to the streamed part; negative lags read as 0', () => {
		const feeds = new SourceFeeds([feed({id: 'ads'})], TICK, () => true);
		// Nothing pending anywhere: both are exactly as far behind (0 s).
		feeds.sample(10, 10, 0);
		expect(feeds.report(undefined).map((row) => row.sets_completeness_share)).toEqual([1, 0]);
		// Streamed events complete past now (−2 s) are recorded as 0; the feed (0 s) is then the one behind.
		const ahead = new SourceFeeds([feed({id: 'ads'})], TICK, () => true);
		ahead.sample(10, 12, 0);
		const [streamed, ads] = ahead.report(undefined);
		expect(streamed!.completeness_p99_s).toBe(0);
		expect(ads!.sets_completeness_share).toBe(1);
	});
});
