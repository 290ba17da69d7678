/**
Sources that arrive in deliveries instead of as they happen: an ads API pulled
every hour whose numbers lag three hours behind, a partner file dropped once a
day at 02:00. Their events are born all the time (the clicks happen), wait at
the source, and enter the pipeline only at each delivery, which carries the
events at least `lag_s` old.

Like mail and a newspaper: the letters come once a day whenever they were
written, so how up to date the pile on the table is depends on the slowest
delivery, not on how fast you read.

Each feed keeps its own birth ledger, so the report says how complete each
source's data is and which source sets the completeness of the whole. Events
are gathered in buckets (at most 1,000 per delivery interval) under the first
tick of the bucket, so a daily file does not hold a million cohorts; their
birth times are early by at most one bucket (86 s for a daily file).

A feed's cohorts carry a birth time shifted by a tiny fraction of a tick per
feed (never enough to change the tick), so the sink can tell whose events it
settles without a tag on every cohort.
*/
import type {Feed} from '../../scenarios/model-schema.js';
import {LogHistogram} from '../stats/histogram.js';
import {BirthLedger} from './birth-ledger.js';
import {clockSeconds} from './batch-runs.js';
import type {FeedReport} from '../result.js';
import {roundTo} from '../numbers.js';

/** Birth-time offset per feed, in ticks: feed f's cohorts are born (f + 1) × this after their tick's birth time. */
const MARK = 1e-4;

/** Buckets per delivery interval at most. */
const BUCKETS_PER_INTERVAL = 1000;

type FeedState = {
	readonly spec: Feed;
	readonly ledger: BirthLedger;
	readonly bucketTicks: number;
	born: number[];
	count: number[];
	head: number;
	/** Tick of the open bucket (the last one), or -1. */
	openTick: number;
	openInWindow: boolean;
	readonly completeness: LogHistogram;
	setsCompleteness: number;
	longestWait: number;
};

/** The feeds of one run: their held events, ledgers and per-source completeness. */
export class SourceFeeds {
	private readonly feeds: FeedState[];
	private readonly mainCompleteness = new LogHistogram();
	private mainSets = 0;
	private samples = 0;

	constructor(
		specs: readonly Feed[],
		private readonly tickS: number,
		private readonly inWindow: (born: number) => boolean,
	) {
		this.feeds = specs.map((spec) => ({
			spec,
			ledger: new BirthLedger(tickS),
			bucketTicks: Math.max(1, Math.floor(spec.every_s / BUCKETS_PER_INTERVAL / tickS)),
			born: [],
			count: [],
			head: 0,
			openTick: -1,
			openInWindow: false,
			completeness: new LogHistogram(),
			setsCompleteness: 0,
			longestWait: 0,
		}));
	}

	/** The number of feeds. */
	get size(): number {
		return this.feeds.length;
	}

	/** Share of events that stream in as they happen (1 − the feeds' shares). */
	get streamedShare(): number {
		return Math.max(0, 1 - this.feeds.reduce((sum, feed) => sum + feed.spec.share, 0));
	}

	/** The first delivery of feed `index` after time 0, simulated seconds. */
	firstDelivery(index: number): number {
		const spec = this.feeds[index]!.spec;
		const offset = spec.at === undefined ? 0 : clockSeconds(spec.at) % spec.every_s;
		return offset > 0 ? offset : spec.every_s;
	}

	/** Feed `index`'s API pull: the quota it counts against and requests per pull at 1x, or undefined. */
	quotaOf(index: number): {id: string; requests: number} | undefined {
		return this.feeds[index]!.spec.quota;
	}

	/** The stage id feed `index`'s deliveries land in, or undefined for the first stage. */
	entersAt(index: number): string | undefined {
		return this.feeds[index]!.spec.enters;
	}

	/** Seconds between feed `index`'s deliveries. */
	interval(index: number): number {
		return this.feeds[index]!.spec.every_s;
	}

	/** `n` events were born in tick `tick` (born at `born`): each feed keeps its share. */
	hold(tick: number, born: number, n: number): void {
		this.feeds.forEach((feed, index) => {
			const part = n * feed.spec.share;
			if (!(part > 0)) return;
			const inWindow = this.inWindow(born);
			// A bucket stays in or out of the measurement window as a whole, so the window's counts add up.
			if (feed.openTick >= 0 && tick - feed.openTick < feed.bucketTicks && inWindow === feed.openInWindow) {
				feed.count[feed.count.length - 1]! += part;
				feed.ledger.addTo(feed.openTick, tick, part);
				return;
			}
			feed.openTick = tick;
			feed.openInWindow = inWindow;
			feed.born.push(born + (index + 1) * MARK * this.tickS);
			feed.count.push(part);
			feed.ledger.born(tick, part);
		});
	}

	/** Feed `index` delivers at `now`: every held bucket born at least lag_s ago goes to `receive`. */
	deliver(index: number, now: number, receive: (born: number, count: number) => void): void {
		const feed = this.feeds[index]!;
		const cut = now - feed.spec.lag_s;
		while (feed.head < feed.born.length && feed.born[feed.head]! <= cut) {
			const born = feed.born[feed.head]!;
			const count = feed.count[feed.head]!;
			if (now - born > feed.longestWait) feed.longestWait = now - born;
			feed.head++;
			if (feed.head === feed.born.length) feed.openTick = -1;
			receive(born, count);
		}
		if (feed.head > 4096 && feed.head * 2 > feed.born.length) {
			feed.born = feed.born.slice(feed.head);
			feed.count = feed.count.slice(feed.head);
			feed.head = 0;
		}
	}

	/** Settles events leaving the pipeline if they are a feed's; false for streamed events. */
	settle(born: number, weight: number): boolean {
		const feed = this.feeds[this.feedOf(born)];
		if (!feed) return false;
		feed.ledger.settle(born, weight);
		return true;
	}

	/** The birth time before which every feed's events have left the pipeline (`now` when none is pending). */
	completeUpTo(now: number): number {
		let oldest = now;
		for (const feed of this.feeds) oldest = Math.min(oldest, feed.ledger.completeUpTo(now));
		return oldest;
	}

	/**
	One completeness reading per source at `now`: the streamed events are complete
	up to `streamedUpTo`; `extraS` is what the screen adds (a dashboard's refresh
	and query). The source furthest behind sets the completeness of the whole.
	*/
	sample(now: number, streamedUpTo: number, extraS: number): void {
		this.samples++;
		const mainLag = now - streamedUpTo + extraS;
		this.mainCompleteness.record(Math.max(0, mainLag));
		let worst = mainLag;
		let setter: FeedState | null = null;
		for (const feed of this.feeds) {
			const lag = now - feed.ledger.completeUpTo(now) + extraS;
			feed.completeness.record(Math.max(0, lag));
			if (lag > worst + 1e-9) {
				worst = lag;
				setter = feed;
			}
		}
		if (setter) setter.setsCompleteness++;
		else this.mainSets++;
	}

	/** Per source: its completeness (p99, with what the screen adds), the target it is held to, and how often it set the whole's. */
	report(targetS: number | undefined): FeedReport[] {
		const share = (count: number) => (this.samples > 0 ? roundTo(count / this.samples, 4) : 0);
		const rows: FeedReport[] = [
			{
				id: 'streamed',
				share: roundTo(this.streamedShare, 6),
				every_s: 0,
				lag_s: 0,
				completeness_p99_s: roundTo(this.mainCompleteness.quantile(0.99), 3),
				longest_wait_s: 0,
				target_s: targetS ?? null,
				sets_completeness_share: share(this.mainSets),
			},
		];
		for (const feed of this.feeds) {
			rows.push({
				id: feed.spec.id,
				share: feed.spec.share,
				every_s: feed.spec.every_s,
				lag_s: feed.spec.lag_s,
				completeness_p99_s: roundTo(feed.completeness.quantile(0.99), 3),
				longest_wait_s: roundTo(feed.longestWait, 3),
				// Held to the SLO on top of its own delivery delay: the pipeline may add at most the target to it.
				target_s: targetS === undefined ? null : targetS + feed.spec.every_s + feed.spec.lag_s,
				sets_completeness_share: share(feed.setsCompleteness),
			});
		}
		return rows;
	}

	private feedOf(born: number): number {
		const ticks = born / this.tickS + 0.5;
		const mark = Math.round((ticks - Math.round(ticks)) / MARK);
		return mark - 1;
	}
}
