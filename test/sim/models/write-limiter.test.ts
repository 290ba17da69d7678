/**
The write limiter on its own, with a recording owner: what a shard (per-second quota) or an API stage (token
bucket) accepts, when the producer retries what it refuses (SDK: backoff doubling from 0.1 s up to 2 s; KPL: every
0.1 s, in arrival order, at most 150% of the shard's limit), and when it gives up (drop mode, RecordTtl).
*/
import {describe, expect, test} from 'vitest';
import {kplRetry, producerRetry, WriteLimiter, type LimiterOwner, type QuotaSpec, type RetrySpec} from '../../../src/sim/models/write-limiter.js';

type Event = {what: 'accepted' | 'refused'; now: number; p?: number; born: number; arrived?: number; count: number; weight: number};

class Recorder implements LimiterOwner {
	events: Event[] = [];
	throttles: {now: number; count: number}[] = [];
	accepted(now: number, p: number, born: number, arrived: number, count: number, weight: number): void {
		this.events.push({what: 'accepted', now, p, born, arrived, count, weight});
	}
	refused(now: number, born: number, count: number, weight: number): void {
		this.events.push({what: 'refused', now, born, count, weight});
	}
	throttledAttempts(now: number, count: number): void {
		this.throttles.push({now, count});
	}
	sum(what: Event['what']): number {
		return this.events.filter((event) => event.what === what).reduce((total, event) => total + event.count, 0);
	}
	weight(what: Event['what']): number {
		return this.events.filter((event) => event.what === what).reduce((total, event) => total + event.weight, 0);
	}
	get throttled(): number {
		return this.throttles.reduce((total, event) => total + event.count, 0);
	}
}

const shard = (records: number, bytes = 1e12): QuotaSpec => ({kind: 'per-second', records, bytes});
const make = (quota: QuotaSpec, retry: RetrySpec, recordBytes = 100, partitions = 1) => {
	const owner = new Recorder();
	return {owner, limiter: new WriteLimiter(partitions, quota, retry, recordBytes, owner)};
};

describe('per-second quota (a Kinesis shard)', () => {
	test('drop mode: 1,500 records in one second on a 1,000/s shard: 1,000 accepted, 500 refused and counted as throttled', () => {
		const {owner, limiter} = make(shard(1000), producerRetry('drop'));
		limiter.offer(0.2, 0, 0.1, 0.2, 1500, 3000);
		expect(owner.events).toEqual([
			// The weight is split in proportion: 3,000 × 1,000 / 1,500 = 2,000 accepted, 1,000 refused.
			{what: 'accepted', now: 0.2, p: 0, born: 0.1, arrived: 0.2, count: 1000, weight: 2000},
			{what: 'refused', now: 0.2, born: 0.1, count: 500, weight: 1000},
		]);
		expect(owner.throttles).toEqual([{now: 0.2, count: 500}]);
		expect(limiter.retrying).toBe(0);
		// Later in the same second the quota is used up; the next second it is whole again.
		limiter.offer(0.9, 0, 0.9, 0.9, 200, 200);
		expect(owner.sum('accepted')).toBe(1000);
		limiter.offer(1, 0, 1, 1, 300, 300);
		expect(owner.sum('accepted')).toBe(1300);
		expect(owner.sum('refused')).toBe(700);
		expect(limiter.available(1.5, 0)).toBe(700);
		// The busiest second took 1,000 records of 100 B.
		limiter.closeAll();
		expect(limiter.maxRecordsInSecond).toBe(1000);
		expect(limiter.maxBytesInSecond).toBe(100_000);
	});

	test('an offer the quota takes whole keeps its weight; nothing is refused or throttled', () => {
		const {owner, limiter} = make(shard(1000), producerRetry('drop'));
		limiter.offer(0, 0, 0, 0, 3, 0.7);
		limiter.offer(0, 0, 0, 0, 0, 5);
		expect(owner.events).toEqual([{what: 'accepted', now: 0, p: 0, born: 0, arrived: 0, count: 3, weight: 0.7}]);
		expect(owner.throttles).toEqual([]);
	});

	test('1 MiB/s binds for 2,000 B records: ⌊1,048,576 / 2,000⌋ = 524 a second, not 1,000', () => {
		const {owner, limiter} = make(shard(1000, 1_048_576), producerRetry('drop'), 2000);
		expect(limiter.available(0, 0)).toBe(524);
		limiter.offer(0, 0, 0, 0, 600, 600);
		expect(owner.sum('accepted')).toBe(524);
		expect(owner.throttled).toBe(76);
		limiter.closeAll();
		expect(limiter.maxBytesInSecond).toBe(524 * 2000);
		// Exactly 1,000 records of 1,000 B fit in 1,000,000 B/s (the + 1e-9 keeps the float quotient whole).
		expect(make(shard(2000, 1_000_000), producerRetry('drop'), 1000).limiter.available(0, 0)).toBe(1000);
		expect(make(shard(2000, 0.3), producerRetry('drop'), 0.1).limiter.available(0, 0)).toBe(3);
	});

	test('busiest second: the largest of the closed seconds, over every partition', () => {
		const {limiter} = make(shard(1000), producerRetry('drop'), 10, 2);
		limiter.offer(0, 0, 0, 0, 300, 300);
		limiter.offer(1, 0, 1, 1, 700, 700);
		limiter.offer(2, 0, 2, 2, 100, 100);
		limiter.offer(2, 1, 2, 2, 400, 400);
		limiter.closeAll();
		expect(limiter.maxRecordsInSecond).toBe(700);
		expect(limiter.maxBytesInSecond).toBe(7000);
		expect(limiter.size).toBe(2);
	});

	test('a lost shard (capacity 0) accepts nothing; half capacity takes half the quota', () => {
		const {owner, limiter} = make(shard(1000), producerRetry('drop'), 100, 2);
		limiter.setCapacity(0, 0);
		limiter.setCapacity(1, 0.5);
		limiter.offer(0, 0, 0, 0, 10, 10);
		limiter.offer(0, 1, 0, 0, 800, 800);
		expect(owner.events.filter((event) => event.what === 'accepted')).toEqual([{what: 'accepted', now: 0, p: 1, born: 0, arrived: 0, count: 500, weight: 500}]);
		expect(owner.sum('refused')).toBe(310);
		expect(limiter.available(0, 0)).toBe(0);
	});

	test('resize adds whole partitions and keeps what the old ones used this second', () => {
		const {owner, limiter} = make(shard(1000), producerRetry('drop'));
		limiter.offer(0, 0, 0, 0, 900, 900);
		limiter.resize(3);
		expect(limiter.size).toBe(3);
		expect(limiter.available(0.5, 0)).toBe(100);
		expect(limiter.available(0.5, 2)).toBe(1000);
		limiter.offer(0.5, 2, 0.5, 0.5, 1000, 1000);
		expect(owner.sum('accepted')).toBe(1900);
	});
});

describe('SDK retries: exponential backoff from 0.1 s, at most 2 s, for 30 s', () => {
	/** Ticks every 0.05 s from 0 to `until`, as the engine does while records wait (its ticks are finer). */
	const tickUntil = (limiter: WriteLimiter, until: number) => {
		for (let i = 1; i <= until * 20; i++) limiter.tick(i / 20);
	};

	test('20 records refused at 0 on a 10/s shard: resent at 0.1, 0.3, 0.7 (refused), 1.5 (10 accepted) and 3.1 s', () => {
		const {owner, limiter} = make(shard(10), producerRetry('retry'));
		limiter.offer(0, 0, 0, 0, 30, 60);
		expect(limiter.retrying).toBe(20);
		tickUntil(limiter, 4);
		// Backoff 0.1, 0.2, 0.4, 0.8, 1.6 s: attempts at 0.1, 0.3, 0.7, 1.5 and 3.1 s; seconds 1 and 3 have room.
		expect(owner.throttles.map((event) => [Math.round(event.now * 100) / 100, event.count])).toEqual([[0, 20], [0.1, 20], [0.3, 20], [0.7, 20], [1.5, 10]]);
		expect(owner.events.map((event) => [event.what, Math.round(event.now * 100) / 100, event.count, event.weight])).toEqual([
			['accepted', 0, 10, 20],
			['accepted', 1.5, 10, 20],
			['accepted', 3.1, 10, 20],
		]);
		expect(limiter.retrying).toBe(0);
		expect(owner.throttled).toBe(90);
	});

	test('the backoff stops doubling at 2 s: retries at 3.1, 5.1, 7.1 s', () => {
		const {owner, limiter} = make(shard(1), producerRetry('retry'));
		limiter.offer(0, 0, 0, 0, 100, 100);
		tickUntil(limiter, 8);
		expect(owner.throttles.map((event) => Math.round(event.now * 100) / 100)).toEqual([0, 0.1, 0.3, 0.7, 1.5, 3.1, 5.1, 7.1]);
		// One record a second gets through at each retry in a new second: 0, 1.5, 3.1, 5.1, 7.1.
		expect(owner.sum('accepted')).toBe(5);
		expect(limiter.retrying).toBe(95);
	});

	test('after a queue empties the backoff starts again at 0.1 s', () => {
		const {owner, limiter} = make(shard(10), producerRetry('retry'));
		limiter.offer(0, 0, 0, 0, 20, 20);
		tickUntil(limiter, 1.5);
		expect(limiter.retrying).toBe(0);
		limiter.offer(1.6, 0, 1.6, 1.6, 20, 20);
		tickUntil(limiter, 2.5);
		// The second refusal (at 1.6) is retried 0.1 s later, at 1.7, then 1.9, 2.3.
		expect(owner.throttles.map((event) => Math.round(event.now * 100) / 100)).toEqual([0, 0.1, 0.3, 0.7, 1.6, 1.7, 1.9, 2.3]);
	});

	test('records older than their time-to-live are dropped before the retry: ttl 1 s, 20 dropped at 1.5 s', () => {
		const {owner, limiter} = make(shard(10), producerRetry('retry', 1));
		limiter.offer(0, 0, 0, 0, 30, 30);
		tickUntil(limiter, 4);
		expect(owner.events.map((event) => [event.what, Math.round(event.now * 100) / 100, event.count])).toEqual([
			['accepted', 0, 10],
			['refused', 1.5, 20],
		]);
		expect(limiter.retrying).toBe(0);
	});

	test('a retry in a second with room takes what fits and throttles only the rest', () => {
		const {owner, limiter} = make(shard(10), producerRetry('retry'), 100, 2);
		limiter.offer(0, 1, 0, 0, 25, 25);
		tickUntil(limiter, 1.6);
		// At 1.5 s: 10 of the 15 waiting are accepted, 5 throttled, on partition 1 only.
		expect(owner.events.filter((event) => event.now > 1)).toEqual([{what: 'accepted', now: 1.5, p: 1, born: 0, arrived: 0, count: 10, weight: 10}]);
		expect(owner.throttles.at(-1)).toEqual({now: 1.5, count: 5});
		expect(limiter.retrying).toBe(5);
	});
});

describe('KPL: one queue per shard in arrival order, resent every 0.1 s, at most 150% of the limit', () => {
	test('kplRetry: drop mode is the SDK client; retry is FIFO with a 0.1 s deadline and a 1.5 × rate limit', () => {
		expect(kplRetry('drop')).toEqual(producerRetry('drop'));
		expect(kplRetry('retry', 5)).toEqual({mode: 'retry', base: 0.1, max: 0.1, ttl: 5, fifo: true, rateLimit: 1.5});
		expect(producerRetry('retry')).toEqual({mode: 'retry', base: 0.1, max: 2, ttl: 30, fifo: false, rateLimit: Number.POSITIVE_INFINITY});
	});

	test('1,500 at 0 on a 1,000/s shard: 500 refused once; the rate limit (1,500 attempts/s) holds the resends until second 1', () => {
		const {owner, limiter} = make(shard(1000), kplRetry('retry'));
		limiter.offer(0, 0, 0, 0, 1500, 1500);
		// New records queue behind the refused ones, even with no quota question asked.
		limiter.offer(0.05, 0, 0.05, 0.05, 100, 100);
		expect(limiter.retrying).toBe(600);
		for (let i = 1; i < 10; i++) limiter.tick(i / 10);
		// 1,000 accepted + 500 refused = 1,500 attempts this second: the resends at 0.1 … 0.9 s send nothing.
		expect(owner.throttles).toEqual([{now: 0, count: 500}, ...Array.from({length: 9}, (_, i) => ({now: (i + 1) / 10, count: 0}))]);
		// At 1 s new records still wait behind the queue, which goes first, oldest first.
		limiter.offer(1, 0, 1, 1, 50, 50);
		limiter.tick(1);
		expect(owner.events.filter((event) => event.now >= 1).map((event) => [event.born, event.count])).toEqual([[0, 500], [0.05, 100], [1, 50]]);
		expect(limiter.retrying).toBe(0);
	});

	test('the rate limit in bytes: 1 MiB/s of 2,000 B records is 524/s, so at most 786 attempts a second', () => {
		const {owner, limiter} = make(shard(1000, 1_048_576), kplRetry('retry'), 2000);
		limiter.offer(0, 0, 0, 0, 1000, 1000);
		// 524 accepted; of the 476 left, 1.5 × 524.288 − 524 = 262.4 may be sent (and refused) this second.
		expect(owner.sum('accepted')).toBe(524);
		expect(owner.throttled).toBeCloseTo(262.432, 6);
	});
});

describe('token bucket (API Gateway: rate with burst)', () => {
	const bucket: QuotaSpec = {kind: 'token-bucket', rate: 10, burst: 5};

	test('a full bucket of 5 takes a burst of 5; then 10 a second refill it, up to 5', () => {
		const {owner, limiter} = make(bucket, producerRetry('drop'));
		limiter.offer(0, 0, 0, 0, 8, 8);
		expect(owner.sum('accepted')).toBe(5);
		expect(owner.throttled).toBe(3);
		// 0.2 s × 10/s = 2 tokens.
		limiter.offer(0.2, 0, 0.2, 0.2, 8, 8);
		expect(owner.sum('accepted')).toBeCloseTo(7, 9);
		// Ten seconds later the bucket holds its burst, not 100.
		expect(limiter.available(10.2, 0)).toBe(5);
		// A token bucket has no per-second figures.
		limiter.closeAll();
		expect(limiter.maxRecordsInSecond).toBe(0);
	});

	test('half capacity halves both the refill and the burst', () => {
		const {limiter} = make(bucket, producerRetry('drop'));
		limiter.setCapacity(0, 0.5);
		limiter.offer(0, 0, 0, 0, 5, 5);
		expect(limiter.available(0.2, 0)).toBeCloseTo(1, 9);
		expect(limiter.available(100, 0)).toBe(2.5);
	});

	test('retries against a bucket are not rate-limited: every waiting record is attempted', () => {
		const {owner, limiter} = make(bucket, kplRetry('retry'));
		limiter.offer(0, 0, 0, 0, 20, 20);
		expect(owner.throttles).toEqual([{now: 0, count: 15}]);
	});
});

describe('edges the stream and API runs meet', () => {
	test('half a shard by bytes: 1 MiB/s × ½ of 2,000 B records is ⌊262.1⌋ = 262 a second', () => {
		const {owner, limiter} = make(shard(1000, 1_048_576), producerRetry('drop'), 2000);
		limiter.setCapacity(0, 0.5);
		limiter.offer(0, 0, 0, 0, 500, 500);
		expect(owner.sum('accepted')).toBe(262);
	});

	test('a new refusal while records wait does not restart the backoff: the retry stays at 0.3 s', () => {
		const {owner, limiter} = make(shard(10), producerRetry('retry'));
		limiter.offer(0, 0, 0, 0, 30, 30);
		limiter.tick(0.1);
		// Refused again at 0.1: next retry 0.2 s later, at 0.3; a refusal at 0.25 joins the queue without moving it.
		limiter.offer(0.25, 0, 0.25, 0.25, 5, 5);
		limiter.tick(0.3);
		expect(owner.throttles.map((event) => [event.now, event.count])).toEqual([[0, 20], [0.1, 20], [0.25, 5], [0.3, 25]]);
	});

	test('the KPL rate limit follows a shard\'s capacity: half a shard sends at most 750 a second', () => {
		const {owner, limiter} = make(shard(1000), kplRetry('retry'));
		limiter.setCapacity(0, 0.5);
		limiter.offer(0, 0, 0, 0, 1000, 1000);
		// 500 accepted; 1.5 × 500 − 500 = 250 of the rest are sent (and refused) this second.
		expect(owner.sum('accepted')).toBe(500);
		expect(owner.throttled).toBe(250);
	});
});
