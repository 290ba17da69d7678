/**
A Kinesis stream or Kafka topic on its own, driven by hand with a context that keeps its events in a list: which
shard a record lands on, what a shard accepts (1,000 records and 1 MiB a second; Kafka 10 MB/s per partition),
when the consumer reads it (shared: 5 GetRecords and 2 MiB a second per shard, split among the consumers; enhanced
fan-out: pushed, 2 MiB/s per consumer), what expires, what a lost shard or a hot key does, and how an on-demand
stream steps up (twice its previous peak, 15 minutes after it is throttled).
*/
import {describe, expect, test} from 'vitest';
import {recordsPerKinesisRecord, StreamStage, type StreamSpec} from '../../../src/sim/models/stream.js';
import {Stage} from '../../../src/sim/models/stage.js';
import {handRun} from '../helpers/hand-run.js';
import {Random} from '../../../src/sim/kernel/random.js';
import type {DashboardDetails, StreamDetails} from '../../../src/sim/result.js';

type Got = {now: number; shard: number; born: number; count: number; weight: number};

/** The consumer: takes what `want` says it has room for, and keeps every group it is handed. */
class Sink extends Stage {
	readonly got: Got[] = [];
	want: (now: number, shard: number) => number = () => Number.POSITIVE_INFINITY;
	override demand(now: number, shard: number): number {
		return this.want(now, shard);
	}
	override receiveShard(now: number, shard: number, born: number, count: number, weight: number): void {
		this.got.push({now, shard, born, count, weight});
	}
	override receive(now: number, born: number, count: number, weight: number): void {
		this.got.push({now, shard: -1, born, count, weight});
	}
	override utilization(): number {
		return 0;
	}
	override details(): DashboardDetails {
		return {refresh_s: 0, query_ms: 0, refreshes: 0};
	}
	read(from = -1, to = Number.POSITIVE_INFINITY, shard?: number): number {
		return this.got.filter((group) => group.now >= from && group.now < to && (shard === undefined || group.shard === shard)).reduce((total, group) => total + group.count, 0);
	}
}

const base: StreamSpec = {
	id: 'ingest',
	component: 'kinesis_data_streams',
	mode: 'provisioned',
	shards: 1,
	partitionKey: 'random',
	keys: {},
	onThrottle: 'drop',
	consumer: 'shared',
	consumers: 1,
	retentionS: 86_400,
	recordBytes: 100,
};

/** A stream with a consumer (unless `consumer` is false), a clock, and the events it schedules run in time order. */
function harness(spec: Partial<StreamSpec> = {}, {warmup = 0, end = 1e9, consumer = true} = {}) {
	const {ctx, events, notes, delivered, runTo} = handRun(() => stream, {warmup, end, random: (stage, purpose) => new Random(stage + 7, purpose)});
	const stream = new StreamStage(ctx, 0, {...base, ...spec});
	const sink = new Sink(ctx, 1, 'work', 'compute', 'lambda');
	if (consumer) stream.next = sink;
	stream.start(0);
	/** `perSecond` records offered every 0.1 s from `from` to `to` (ticking the producer's retries too). */
	const feed = (from: number, to: number, perSecond: number) => {
		for (let i = Math.round(from * 10); i < Math.round(to * 10); i++) {
			const now = i / 10;
			runTo(now);
			stream.tick(now);
			stream.receive(now, now, perSecond / 10, perSecond / 10);
		}
		runTo(to);
	};
	const at = (now: number) => {
		runTo(now);
		return now;
	};
	return {stream, sink, events, notes, delivered, runTo, feed, at, details: (span: number) => stream.details(span) as StreamDetails};
}

describe('writes', () => {
	test('1,500 records in one second on a 1,000/s shard that drops: 1,000 accepted, 500 dropped and throttled', () => {
		const {stream, details, at} = harness();
		stream.receive(at(0.5), 0.5, 1500, 1500);
		expect(stream.stats.dropped).toBe(500);
		expect(stream.stats.throttled).toBe(500);
		expect(stream.needsTick).toBe(false);
		expect(details(1)).toEqual({shards: 1, hottest_shard_share: 1, accepted_per_s: 1000, read_per_s: 0, busiest_shard_second_records: 1000, busiest_shard_second_bytes: 100_000, retrying_at_end: 0});
		expect(stream.busiestSecond).toEqual({records: 1000, bytes: 100_000});
	});

	test('with retries the 500 wait in the producer: retrying_at_end 500, and the stage ticks', () => {
		const {stream, details} = harness({onThrottle: 'retry'});
		stream.receive(0.5, 0.5, 1500, 1500);
		expect(stream.needsTick).toBe(true);
		expect(details(1).retrying_at_end).toBe(500);
		// The KPL resends 0.1 s later; the second is still full, so they still wait; at 1.0 s they go in.
		stream.tick(0.6);
		expect(stream.needsTick).toBe(true);
		stream.tick(1.0);
		expect(stream.needsTick).toBe(false);
		expect(details(1).accepted_per_s).toBe(1500);
	});

	test('KPL aggregation: 256 records of 200 B per Kinesis record, so 1 MiB/s binds: ⌊1,048,576 / 200⌋ = 5,242 a second', () => {
		expect(recordsPerKinesisRecord(true, 200)).toBe(256);
		expect(recordsPerKinesisRecord(false, 200)).toBe(1);
		expect(recordsPerKinesisRecord(undefined, 200)).toBe(1);
		// A record larger than the aggregate still travels alone.
		expect(recordsPerKinesisRecord(true, 100_000)).toBe(1);
		const {stream, details} = harness({aggregation: true, recordBytes: 200}, {end: 1});
		stream.receive(0, 0, 6000, 6000);
		expect(details(1).accepted_per_s).toBe(5242);
		// Utilisation: 5,242 × 200 B of 1 MiB by bytes; by records 5,242 of 256,000.
		expect(stream.utilization(1)).toBeCloseTo((5242 * 200) / 1_048_576, 6);
	});

	test('records split over the shards by the key: 1,000 random records on 2 shards, about 500 each, all accepted', () => {
		const {stream, sink, runTo, details} = harness({shards: 2});
		stream.receive(0, 0, 1000, 1000);
		runTo(3);
		expect(sink.read()).toBe(1000);
		// Binomial(1,000, ½): 500 ± 16; 5 standard deviations either side.
		expect(sink.read(-1, Infinity, 0)).toBeGreaterThan(420);
		expect(sink.read(-1, Infinity, 1)).toBeGreaterThan(420);
		expect(details(10)).toMatchObject({shards: 2, hottest_shard_share: 0.5, accepted_per_s: 100, read_per_s: 100});
	});

	test('a fractional count (an expected value) is split by the shares exactly: 10.5 → 5.25 on each of 2 shards', () => {
		const {stream, sink, runTo} = harness({shards: 2});
		stream.receive(0, 0, 10.5, 21);
		runTo(6);
		// Each shard's part stands for its share of the events: 21 × ½ = 10.5.
		expect(sink.got.map((group) => [group.shard, group.count, group.weight]).sort()).toEqual([[0, 5.25, 10.5], [1, 5.25, 10.5]]);
	});

	test('a stream with nothing after it hands its records on at once; it schedules no polls', () => {
		const {stream, events, delivered} = harness({}, {consumer: false});
		expect(events).toEqual([]);
		stream.receive(2, 1, 10, 20);
		expect(delivered).toEqual([{now: 2, born: 1, weight: 20}]);
		expect(stream.stats.departed).toBe(10);
	});
});

describe('keys', () => {
	const users = {user: {kind: 'uniform' as const, cardinality: 1_000_000}};

	test('a hot key with 30% of events on 4 shards: its shard takes 0.7 / 4 + 0.3 = 47.5%', () => {
		const {stream, sink, runTo, details} = harness({shards: 4, partitionKey: 'user', keys: users});
		expect(details(1).hottest_shard_share).toBe(0.25);
		expect(stream.setHotKey('celebrity', 0.3)).toBe(true);
		expect(details(1).hottest_shard_share).toBe(0.475);
		stream.receive(0, 0, 2000, 2000);
		runTo(3);
		// 950 of 2,000 on the hot shard (binomial, ± 22), all within its 1,000/s.
		const most = Math.max(...[0, 1, 2, 3].map((shard) => sink.read(-1, Infinity, shard)));
		expect(most).toBeGreaterThan(850);
		expect(most).toBeLessThan(1000);
		expect(sink.read()).toBe(2000);
	});

	test('a random key has no hot value: the injection does not apply', () => {
		const {stream, details} = harness({shards: 4});
		expect(stream.setHotKey('celebrity', 0.3)).toBe(false);
		expect(details(1).hottest_shard_share).toBe(0.25);
	});
});

describe('reads', () => {
	test('a shared consumer polls each shard once a second; a record is readable 0.1 s after it is written', () => {
		const {stream, sink, feed} = harness({shards: 2});
		feed(0, 10, 100);
		const polls = [...new Set(sink.got.filter((group) => group.shard === 0).map((group) => group.now))];
		// About one poll a second per shard, each at its group's phase.
		expect(polls.length).toBeGreaterThanOrEqual(9);
		expect(polls.length).toBeLessThanOrEqual(11);
		for (let i = 1; i < polls.length; i++) expect(polls[i]! - polls[i - 1]!).toBeCloseTo(1, 9);
		// Waits run from 0.1 s (just readable) to 1.1 s (just missed a poll): about 0.6 s on average.
		const wait = stream.stats.wait;
		expect(wait.quantile(0)).toBeGreaterThanOrEqual(99);
		expect(wait.quantile(1)).toBeLessThanOrEqual(1110);
		expect(wait.sum / wait.count).toBeGreaterThan(450);
		expect(wait.sum / wait.count).toBeLessThan(750);
	});

	test('4 consumers share 2 MiB/s a shard: 524,288 B/s each, 262 records of 2,000 B a second, while 524 are written', () => {
		const {sink, feed, details} = harness({consumers: 4, recordBytes: 2000});
		feed(0, 20, 500);
		// Written: 500/s (under the 524/s by bytes); read by this consumer about 262/s, so it falls behind.
		expect(details(20).accepted_per_s).toBe(500);
		expect(sink.read(5, 15) / 10).toBeGreaterThan(250);
		expect(sink.read(5, 15) / 10).toBeLessThan(265);
		// A consumer behind polls again as soon as the GetRecords share allows: every 4 / 5 = 0.8 s.
		const polls = [...new Set(sink.got.filter((group) => group.now > 5).map((group) => group.now))];
		for (let i = 1; i < polls.length; i++) expect(polls[i]! - polls[i - 1]!).toBeGreaterThan(0.8 - 1e-9);
		expect(polls.length).toBeGreaterThan(11);
	});

	test('enhanced fan-out pushes 2 MiB/s per consumer: 4 consumers still read all 500/s, within about 0.1 s', () => {
		const {stream, sink, feed} = harness({consumers: 4, recordBytes: 2000, consumer: 'efo'});
		feed(0, 20, 500);
		expect(sink.read(5, 15) / 10).toBeCloseTo(500, -1);
		// Pushed every 0.05 s and readable 0.045 s after the write (70 ms propagation less half a push interval).
		const wait = stream.stats.wait;
		expect(wait.sum / wait.count).toBeGreaterThan(40);
		expect(wait.sum / wait.count).toBeLessThan(110);
	});

	test('a consumer with room for 100 a poll reads 1,000 records in 10 polls 0.2 s apart, not 10 s', () => {
		const {stream, sink, runTo} = harness();
		sink.want = () => 100;
		stream.receive(0, 0, 1000, 1000);
		runTo(3);
		expect(sink.read()).toBe(1000);
		const polls = sink.got.map((group) => group.now);
		for (let i = 1; i < polls.length; i++) expect(polls[i]! - polls[i - 1]!).toBeCloseTo(0.2, 9);
	});

	test('a full consumer woken when it has room reads at once (no wait for the next poll); a caught-up one is not', () => {
		const {stream, sink, runTo} = harness();
		let room = 0;
		sink.want = () => room;
		stream.receive(0, 0, 10, 10);
		runTo(3);
		expect(sink.read()).toBe(0);
		const phase = 3 - (3 % 1);
		room = Number.POSITIVE_INFINITY;
		runTo(3.05);
		stream.wake(0, 3.05);
		runTo(3.06);
		// Read at the wake, 3.05 s, unless a group poll came first in (3, 3.05].
		expect(sink.got.length).toBe(1);
		expect(sink.got[0]!.now).toBeLessThanOrEqual(3.05 + 1e-9);
		expect(phase).toBe(3);
		// Caught up now: a wake schedules nothing; a shard out of range neither.
		const before = sink.got.length;
		stream.receive(3.06, 3.06, 5, 5);
		stream.wake(0, 3.2);
		stream.wake(5, 3.2);
		runTo(3.9);
		expect(sink.got.length).toBe(before + (sink.got.length - before > 0 ? 1 : 0));
		expect(sink.got.filter((group) => group.now > 3.06 && group.now < 3.2 + 1e-9)).toEqual([]);
	});

	test('a poll interval under what 5 GetRecords/s allow is raised, and the report says so', () => {
		expect(harness({pollIntervalS: 0.1}).notes).toEqual(['ingest: poll_interval_s 0.1 is below what 1 consumer sharing 5 GetRecords/s per shard allow; polling every 0.2 s']);
		expect(harness({pollIntervalS: 0.5, consumers: 2}).notes).toEqual([]);
		expect(harness({pollIntervalS: 0.3, consumers: 2}).notes).toEqual(['ingest: poll_interval_s 0.3 is below what 2 consumers sharing 5 GetRecords/s per shard allow; polling every 0.4 s']);
	});

	test('records the consumer has not read within the retention period are lost', () => {
		const {stream, sink, runTo} = harness({retentionS: 5});
		sink.want = () => 0;
		stream.receive(0, 0, 100, 100);
		runTo(4.5);
		expect(stream.stats.lost).toBe(0);
		runTo(7);
		expect(stream.stats.lost).toBe(100);
		expect(stream.held).toBe(0);
	});
});

describe('Kafka', () => {
	test('no record limit, 10 MB/s a partition: 50,000 records of 100 B go in at once; polled every 0.1 s, readable in 5 ms', () => {
		const {stream, sink, runTo, feed, details} = harness({component: 'kafka', shards: 2}, {end: 11});
		stream.receive(0, 0, 50_000, 50_000);
		expect(stream.stats.throttled).toBe(0);
		runTo(1);
		expect(sink.read()).toBe(50_000);
		feed(1, 11, 1000);
		const wait = stream.stats.wait;
		// Waiting for the next poll: 0 to 0.1 s, about 0.05 s on average.
		expect(wait.quantile(1)).toBeLessThan(110);
		// 60,000 × 100 B over 11 s on 2 × 10 MB/s.
		expect(stream.utilization(11)).toBeCloseTo((60_000 * 100) / 11 / 20e6, 9);
		expect(details(11).accepted_per_s).toBeCloseTo(60_000 / 11, 1);
	});

	test('an on-demand Kafka topic keeps its partitions and does not scale', () => {
		const {stream, feed, details} = harness({component: 'kafka', mode: 'on_demand', shards: 1, recordBytes: 100_000});
		feed(0, 905, 200);
		expect(stream.stats.throttled).toBeGreaterThan(0);
		expect(details(905)).toMatchObject({shards: 1, scale_ups: 0});
	});
});

describe('lost shards', () => {
	test('one of 4 lost at 15 s: its range goes to the 3 left (1/3 each), and capacity counts 4 × 10 + 3 × 10 shard-seconds', () => {
		const {stream, sink, feed, details} = harness({shards: 4}, {warmup: 5, end: 25});
		feed(0, 5, 1000);
		stream.beginMeasure(5);
		feed(5, 15, 1000);
		expect(stream.loseUnits(15, 1)).toBe(true);
		expect(details(20).hottest_shard_share).toBe(0.3333);
		feed(15, 25, 1000);
		expect(sink.got.filter((group) => group.now > 16 && group.shard === 0)).toEqual([]);
		expect(stream.stats.dropped).toBe(0);
		// 20,000 accepted in the 20 measured seconds; capacity (40 + 30) / 20 × 1,000 = 3,500 records/s.
		expect(details(20).accepted_per_s).toBe(1000);
		expect(stream.utilization(20)).toBeCloseTo(1000 / 3500, 6);
	});

	test('losing 2 leaves half each on the other 2; losing all 4 refuses every write', () => {
		const two = harness({shards: 4});
		two.stream.loseUnits(1, 2);
		expect(two.details(1).hottest_shard_share).toBe(0.5);
		two.stream.receive(1, 1, 1000, 1000);
		two.runTo(4);
		expect(two.sink.read(-1, Infinity, 0) + two.sink.read(-1, Infinity, 1)).toBe(0);
		expect(two.sink.read()).toBe(1000);
		const all = harness({shards: 4});
		all.stream.loseUnits(1, 9);
		all.stream.receive(1, 1, 100, 100);
		expect(all.stream.stats.dropped).toBe(100);
	});
});

describe('on demand', () => {
	test('starts at 4 shards (4,000/s); 10,000/s throttles; 900 s later it doubles to 8, 900 s after that to 16', () => {
		const {stream, feed, sink, details} = harness({mode: 'on_demand', shards: 1});
		expect(details(1)).toMatchObject({shards: 4, scale_ups: 0});
		feed(0, 899, 10_000);
		expect(details(1)).toMatchObject({shards: 4, scale_ups: 0});
		expect(sink.read(800, 899) / 99).toBeCloseTo(4000, -1);
		// At 900 s: twice the peak (10,000/s) is 20 shards, capped at twice the 4 there are.
		feed(899, 1000, 10_000);
		expect(details(1)).toMatchObject({shards: 8, scale_ups: 1});
		expect(sink.read(910, 1000) / 90).toBeCloseTo(8000, -1);
		feed(1000, 1850, 10_000);
		expect(details(1)).toMatchObject({shards: 16, scale_ups: 2});
		expect(sink.read(1810, 1850) / 40).toBeGreaterThan(9900);
		expect(sink.read(1810, 1850) / 40).toBeLessThan(10_100);
	});

	test('a hot shard throttled under the stream\'s capacity does not scale it: 1,500/s on one key needs ⌈2 × 1,500 / 1,000⌉ = 3 ≤ 4', () => {
		const {stream, feed, details} = harness({mode: 'on_demand', partitionKey: 'k', keys: {k: {kind: 'categorical', shares: {a: 1}}}});
		feed(0, 1850, 1500);
		expect(stream.stats.throttled).toBeGreaterThan(0);
		expect(details(1)).toMatchObject({shards: 4, scale_ups: 0});
	});

	test('an on-demand stream set to more shards than 4 starts there; a provisioned one reports no scale-ups', () => {
		expect(harness({mode: 'on_demand', shards: 6}).details(1).shards).toBe(6);
		expect(harness({shards: 3}).details(1)).not.toHaveProperty('scale_ups');
	});

	test('byte-bound records scale by bytes: 2,000 B records are 524 a shard, so 3,000/s on 4 shards steps to 8', () => {
		const {feed, details} = harness({mode: 'on_demand', recordBytes: 2000});
		feed(0, 905, 3000);
		expect(details(1)).toMatchObject({shards: 8, scale_ups: 1});
	});
});

describe('more of what a run shows', () => {
	test('the stage is a stream; whole records go to one shard each (1,000 over 3 shards: no thirds)', () => {
		const {stream, sink, runTo} = harness({shards: 3});
		expect([stream.kind, stream.component]).toEqual(['stream', 'kinesis_data_streams']);
		stream.receive(0, 0, 1000, 1000);
		runTo(3);
		expect(sink.read()).toBe(1000);
		for (const group of sink.got) expect(Number.isInteger(group.count)).toBe(true);
		// The time series counts what left (departed since the last sample), as do the measured figures.
		expect(stream.stats.departedSinceSample).toBe(1000);
		expect(stream.stats.departed).toBe(1000);
	});

	test('16 shards poll in 8 groups: each shard still once a second', () => {
		const {sink, feed} = harness({shards: 16});
		feed(0, 10, 1600);
		for (let shard = 0; shard < 16; shard++) {
			const polls = new Set(sink.got.filter((group) => group.shard === shard).map((group) => group.now)).size;
			expect(polls).toBeGreaterThanOrEqual(9);
			expect(polls).toBeLessThanOrEqual(11);
		}
	});

	test('a poll interval of exactly what the GetRecords share allows (0.2 s for 1 consumer) is kept, without a note', () => {
		expect(harness({pollIntervalS: 0.2}).notes).toEqual([]);
	});

	test('KPL retries keep to 150% of the shard: 500 refused at 0 are not resent (and refused again) within the second', () => {
		const {stream} = harness({onThrottle: 'retry'});
		stream.receive(0, 0, 1500, 1500);
		for (let i = 1; i < 10; i++) stream.tick(i / 10);
		expect(stream.stats.throttled).toBe(500);
	});

	test('with aggregation one GetRecords call takes 10,000 Kinesis records: 5,000 user records in one poll', () => {
		const {stream, sink, runTo} = harness({aggregation: true, recordBytes: 200});
		stream.receive(0, 0, 5000, 5000);
		runTo(3);
		expect(sink.got.map((group) => group.count)).toEqual([5000]);
	});

	test('a poll takes what the shard could serve since the last one, up to 1 s: 2 MiB, 2,048 records of 1 KiB', () => {
		const {stream, sink, runTo} = harness({recordBytes: 1024});
		let room = 0;
		sink.want = () => room;
		stream.receive(0, 0, 1024, 1024);
		stream.receive(1, 1, 1024, 1024);
		stream.receive(2, 2, 1024, 1024);
		runTo(2.5);
		room = Number.POSITIVE_INFINITY;
		runTo(6);
		// Records are 1,000 a second (the record limit binds before 1 MiB); the first poll with room takes 2,048 (2 MiB),
		// the next ones 0.2 s later (the consumer is behind) what 0.2 s serve: ⌊0.2 × 2,097,152 / 1,024⌋ = 409.
		const byPoll = new Map<number, number>();
		for (const group of sink.got) byPoll.set(group.now, (byPoll.get(group.now) ?? 0) + group.count);
		expect([...byPoll.values()]).toEqual([2048, 409, 409, 134]);
		expect(sink.read()).toBe(3000);
	});

	test('nothing is counted in the warm-up: throttles, reads and waits start at the window', () => {
		const {stream, details, runTo} = harness({}, {warmup: 5, end: 10});
		stream.receive(0.5, 0.5, 1500, 1500);
		runTo(4);
		expect(stream.stats.throttled).toBe(0);
		expect(stream.stats.departed).toBe(0);
		expect(stream.stats.wait.count).toBe(0);
		expect(details(5).read_per_s).toBe(0);
		expect(stream.stats.departedSinceSample).toBe(1000);
	});

	test('a provisioned stream that throttles keeps its shards, however long', () => {
		const {feed, details} = harness({shards: 1});
		feed(0, 905, 2000);
		expect(details(1).shards).toBe(1);
	});

	test('losing a lost shard again loses the next live one', () => {
		const {stream, details} = harness({shards: 4});
		stream.loseUnits(1, 1);
		stream.loseUnits(2, 1);
		expect(details(1).hottest_shard_share).toBe(0.5);
	});

	test('retention: only records older than the period are lost; younger ones wait for the consumer', () => {
		const {stream, sink, runTo} = harness({retentionS: 5});
		let room = 0;
		sink.want = () => room;
		stream.receive(0, 0, 100, 100);
		stream.receive(3, 3, 50, 50);
		runTo(7);
		expect(stream.stats.lost).toBe(100);
		room = Number.POSITIVE_INFINITY;
		runTo(8);
		expect(sink.read()).toBe(50);
	});

	test('a wake before the records are readable (0.1 s after the write) does not poll: they wait for the group\'s poll', () => {
		const {stream, sink, events, runTo} = harness();
		const phase = events[0]!.time;
		// Written 0.05 s before the group's second poll: not readable then.
		const written = phase + 1 - 0.05;
		runTo(written);
		stream.receive(written, written, 10, 10);
		runTo(phase + 1.01);
		expect(sink.read()).toBe(0);
		stream.wake(0, phase + 1.01);
		runTo(phase + 3);
		expect(sink.got.map((group) => Math.round((group.now - phase) * 1e6) / 1e6)).toEqual([2]);
	});

	test('Kafka: a consumer with room for 100 a poll reads 1,000 records over later polls, in time order, not all at once', () => {
		const {stream, sink, runTo} = harness({component: 'kafka'});
		sink.want = () => 100;
		stream.receive(0, 0, 1000, 1000);
		runTo(3);
		expect(sink.read()).toBe(1000);
		// Polled every 0.1 s (its own poll and its group's may coincide: up to 200 an instant).
		const polls = [...new Set(sink.got.map((group) => group.now))];
		expect([...polls].sort((a, b) => a - b)).toEqual(polls);
		expect(polls.length).toBeGreaterThanOrEqual(5);
		expect(polls.at(-1)! - polls[0]!).toBeGreaterThan(0.35);
	});
});

describe('on-demand steps, edge by edge', () => {
	const oneKey = {partitionKey: 'k', keys: {k: {kind: 'categorical' as const, shares: {a: 1}}}};

	test('1,900/s on one key: twice the peak is ⌈3.8⌉ = 4 shards, what it has: no scale-up', () => {
		const {feed, details} = harness({mode: 'on_demand', ...oneKey});
		feed(0, 905, 1900);
		expect(details(1)).toMatchObject({shards: 4, scale_ups: 0});
	});

	test('with aggregation a shard takes 5,242 records of 200 B: 6,000/s on one key needs ⌈2 × 6,000 / 5,242.9⌉ = 3, no scale-up', () => {
		const {feed, details, stream} = harness({mode: 'on_demand', aggregation: true, recordBytes: 200, ...oneKey});
		feed(0, 905, 6000);
		expect(stream.stats.throttled).toBeGreaterThan(0);
		expect(details(1)).toMatchObject({shards: 4, scale_ups: 0});
	});

	test('the step is sized by the busiest second, not the last: 10 s at 10,000/s then 3,000/s still steps to 8', () => {
		const {feed, details} = harness({mode: 'on_demand'});
		feed(0, 10, 10_000);
		feed(10, 905, 3000);
		expect(details(1)).toMatchObject({shards: 8, scale_ups: 1});
	});

	test('it tops out at 10 GiB/s: 10,240 shards of 1 MiB/s', () => {
		const {stream, runTo, details} = harness({mode: 'on_demand'}, {consumer: false});
		for (let step = 0; step < 13; step++) {
			stream.receive(step * 901, step * 901, 2e9, 2e9);
			runTo(step * 901 + 900.5);
		}
		// 4 → 8 → … → 8,192 → 10,240 (11 steps), then no more.
		expect(details(1)).toMatchObject({shards: 10_240, scale_ups: 12});
	});
});
