/**
The bottleneck texts for the causes that are not plain overload: a collector fleet
that cannot grow (or grows too slowly), a bot flood nothing rate-limits, a store
that failed over to its replica, a nightly batch that ends after its deadline, and
a pulled source starved by its API quota. Each case builds the analysis input by
hand (test/sim/helpers/verdict-inputs.ts) and checks the sentence a user reads;
every number is derived in the comment above it from the catalogue's defaults.
*/
import {describe, expect, test} from 'vitest';
import {findBottleneck, fixAt, type BottleneckInput} from '../../../src/sim/analysis/bottleneck.js';
import type {BatchReport, BatchRun, FeedReport, QuotaReport} from '../../../src/sim/result.js';
import {bottleneckOf, verdictInput} from '../helpers/verdict-inputs.js';

const redis = {id: 'counters', kind: 'cache', component: 'redis'};
const pool = (concurrency: number, extra: Record<string, unknown> = {}) => ({id: 'w', kind: 'compute', component: 'worker_pool', concurrency, per_record_ms: 1, ...extra});
/** A collector fleet; the catalogue's defaults (collector.*, all [U]): 2,000 requests/s an instance, a 60% target, a 60 s period, 300 s warm-up, 10 s wait. */
const front = (min: number, max: number, extra: Record<string, unknown> = {}) => ({id: 'front', kind: 'collector', min_instances: min, max_instances: max, ...extra});
const missedLatency = {failed: ['latency_p99_ms'] as const};
const RATE_LIMIT =
	'rate-limit each client at the front door (collector client_rate_per_s, a token bucket per device or API key; a WAF rate-based rule at the load balancer): the bot gets HTTP 429 for its excess and legitimate users are served';

describe('a collector fleet', () => {
	test('above its auto-scaling max (4 × 2,000 = 8,000/s) at 10,000/s: raise max_instances to ceil(10,000 / (2,000 × 0.6)) = 9', () => {
		expect(bottleneckOf({source: {rate_per_s: 10_000}, stages: [front(2, 4), redis]}, 10_000)).toEqual({
			component: 'front',
			reason: '4 instances × 2,000 requests/s = 8,000/s at most; the load is 10,000/s',
			suggestion: 'raise max_instances to at least 9 (10,000 requests/s at the 60% target of 2,000/s per instance)',
		});
	});

	test('within its max on paper (6,000 of 8,000/s) but refusing: the 60% target needs ceil(6,000 / 1,200) = 5 > 4, so raise the max', () => {
		const slo = {latency_p99_ms: 1000};
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [front(2, 4), redis], slo}, 6000, {...missedLatency, stages: {front: {dropped: 10}}})).toEqual({
			component: 'front',
			reason: '4 instances × 2,000 requests/s = 8,000/s at most; the load is 6,000/s',
			suggestion: 'raise max_instances to at least 5 (6,000 requests/s at the 60% target of 2,000/s per instance)',
		});
	});

	test('room to grow (max 10) but refusing: the scale-out lag is 60 + 300 = 360 s; pre-warm to 5, target 0.6 − 0.2 = 0.4', () => {
		const slo = {latency_p99_ms: 1000};
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [front(2, 10), redis], slo}, 6000, {...missedLatency, stages: {front: {dropped: 10, details: {refused_per_s: 12.5}}}})).toEqual({
			component: 'front',
			reason: 'the load outran auto-scaling: new capacity serves up to 360 s after demand rises (a 60 s metric period, then a 300 s warm-up); meanwhile requests queued up to 10 s and 12.5/s were refused',
			suggestion: 'pre-warm before a known launch (scheduled scaling: min_instances 5), lower target_utilization (e.g. 0.4) for head-room, or shorten the warm-up (warmup_s: a smaller image, a warm pool)',
		});
	});

	test("the fleet's own settings are the ones quoted: 1,000/s at 25%, 30 + 90 s, 5 s wait; min_instances ceil(6,000 / 250) = 24, target floor at 0.1", () => {
		const stage = front(2, 30, {instance_rate_per_s: 1000, target_utilization: 0.25, metric_period_s: 30, warmup_s: 90, max_wait_s: 5});
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [stage, redis], slo: {latency_p99_ms: 1000}}, 6000, {...missedLatency, stages: {front: {dropped: 1, details: {refused_per_s: 0}}}})).toEqual({
			component: 'front',
			reason: 'the load outran auto-scaling: new capacity serves up to 120 s after demand rises (a 30 s metric period, then a 90 s warm-up); meanwhile requests queued up to 5 s and 0/s were refused',
			suggestion: 'pre-warm before a known launch (scheduled scaling: min_instances 24), lower target_utilization (e.g. 0.1) for head-room, or shorten the warm-up (warmup_s: a smaller image, a warm pool)',
		});
	});

	test('a load_multiplier step of 2 is the load to pre-warm for: ceil(6,000 × 2 / 1,200) = 10; a step of 2.5 needs 13 > max 10', () => {
		const design = (factor: number) => ({source: {rate_per_s: 6000}, stages: [front(2, 10), redis], slo: {latency_p99_ms: 1000}, injections: [{at_s: 60, kind: 'load_multiplier', factor}, {at_s: 120, kind: 'load_multiplier', factor: 0.5}]});
		const showed = {...missedLatency, stages: {front: {dropped: 10}}};
		expect(bottleneckOf(design(2), 6000, showed)?.suggestion).toMatch(/^pre-warm before a known launch \(scheduled scaling: min_instances 10\)/);
		// The figure beside the count is the load it is sized for, after the step (it said 6,000 beside 13; must fail on that).
		expect(bottleneckOf(design(2.5), 6000, showed)?.suggestion).toBe('raise max_instances to at least 13 (15,000 requests/s at the 60% target of 2,000/s per instance)');
		expect(bottleneckOf(design(2.5), 6000, showed)?.reason).toBe('10 instances × 2,000 requests/s = 20,000/s at most; the load is 6,000/s, 15,000/s after its 2.5x step');
		// A step down (0.5) alone is not a step: the fleet is sized for the load itself, ceil(6,000 / 1,200) = 5.
		expect(bottleneckOf({...design(0.5)}, 6000, showed)?.suggestion).toMatch(/min_instances 5\)/);
	});

	test('a collector still scaling out is the cause, not the smaller stage behind it that its released backlog swamps', () => {
		// Pool: 2 × 1,000 = 2,000/s, smaller than the fleet's 20,000/s; without the collector refusing, the pool is named.
		const design = {source: {rate_per_s: 6000}, stages: [front(2, 10), pool(2)], slo: {latency_p99_ms: 1000}};
		expect(bottleneckOf(design, 6000, {...missedLatency, stages: {front: {dropped: 5}}})?.component).toBe('front');
		expect(bottleneckOf(design, 6000, missedLatency)?.component).toBe('w');
		// Refusing above its capacity (one instance of 3,000/s) is plain overload: the smallest capacity (the pool's 2,000/s) breaks first.
		expect(bottleneckOf({...design, stages: [front(1, 1, {instance_rate_per_s: 3000}), pool(2)]}, 6000, {...missedLatency, stages: {front: {dropped: 5}}})?.component).toBe('w');
	});

	test('a collector holding records longest: its fix is the scale-out advice at this load', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 100}, stages: [front(2, 10), redis], slo: {latency_p99_ms: 100}}, 100, {...missedLatency, stages: {front: {wait_p99_ms: 5000}}});
		expect(verdict?.component).toBe('front');
		// ceil(100 / 1,200) = 1 instance.
		expect(verdict?.suggestion).toMatch(/^pre-warm before a known launch \(scheduled scaling: min_instances 1\)/);
	});
});

describe('a bot flood that nothing rate-limits', () => {
	const bot = (factor?: number) => ({at_s: 30, kind: 'bot', ...(factor === undefined ? {} : {factor})});

	test('at the collector it overloads: the limiter is the fix, with 5 × 6,000 = 30,000 junk requests/s against a 20,000/s max', () => {
		const design = {source: {rate_per_s: 6000}, stages: [front(2, 10), redis], slo: {latency_p99_ms: 1000}, injections: [bot(5)]};
		expect(bottleneckOf(design, 6000, {...missedLatency, stages: {front: {dropped: 10, details: {refused_per_s: 12.5}}}})).toEqual({
			component: 'front',
			reason: 'one client (a bot) sends 5x the normal load, 30,000 requests/s on top of 6,000/s; auto-scaling grows the fleet towards its max of 10 instances (20,000 requests/s) for junk, and requests queue and are refused (12.5/s, legitimate ones in the same share)',
			suggestion: RATE_LIMIT,
		});
	});

	test('when the flood overloads a stage behind the collector, the collector is still named, and the overloaded stage too', () => {
		// Pool: 2,000/s against 6,000/s; the fleet (20 × 2,000 = 40,000/s) keeps up.
		const verdict = bottleneckOf({source: {rate_per_s: 6000}, stages: [front(2, 20), pool(2)], injections: [bot(5)]}, 6000);
		expect(verdict).toEqual({
			component: 'front',
			reason: 'one client (a bot) sends 5x the normal load, 30,000 requests/s on top of 6,000/s; auto-scaling grows the fleet towards its max of 20 instances (40,000 requests/s) for junk, and requests queue and are refused (0/s, legitimate ones in the same share); the junk it lets through overloads w too',
			suggestion: RATE_LIMIT,
		});
		// The largest factor of several bots is the flood.
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [front(2, 20), pool(2)], injections: [bot(2), bot(7), bot(3)]}, 6000)?.reason).toMatch(/^one client \(a bot\) sends 7x the normal load, 42,000 requests\/s/);
	});

	test('with a per-client limit at the collector, the overloaded stage gets its own fix', () => {
		const limited = {...front(2, 20), client_rate_per_s: 10};
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [limited, pool(2)], injections: [bot(5)]}, 6000)).toEqual({
			component: 'w',
			reason: '2 workers × 1,000 records/s = 2,000/s; the load is 6,000/s',
			suggestion: 'needs at least 6 workers for 6,000 records/s; has 2 (or autoscale with a max above that)',
		});
		// A limited collector that is itself too small is sized, not blamed on the bot: ceil(6,000 / 1,200) = 5.
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [{...front(1, 2), client_rate_per_s: 10}, redis], injections: [bot(5)]}, 6000)?.suggestion).toBe('raise max_instances to at least 5 (6,000 requests/s at the 60% target of 2,000/s per instance)');
	});

	test('with no collector, the overloaded stage is named with the limiter first, then the sizing for the flood', () => {
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [pool(2), redis], injections: [bot(5)]}, 6000)).toEqual({
			component: 'w',
			reason: "one client (a bot) sends 5x the normal load on top of it, and nothing limits one client's rate: 2 workers × 1,000 records/s = 2,000/s; the load is 6,000/s",
			suggestion: `${RATE_LIMIT}; sizing for the flood instead: needs at least 6 workers for 6,000 records/s; has 2 (or autoscale with a max above that)`,
		});
	});

	test('a bot injection without a factor adds nothing, and a bot on a design that keeps up is no bottleneck', () => {
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [pool(2), redis], injections: [bot()]}, 6000)?.reason).toBe('2 workers × 1,000 records/s = 2,000/s; the load is 6,000/s');
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [front(2, 10), redis], injections: [bot(5)]}, 100)).toBeNull();
	});
});

describe('a store that failed over to its replica', () => {
	const db = (extra: Record<string, unknown> = {}) => ({id: 'db', kind: 'store', component: 'postgres', read_replicas: 1, ...extra});
	const lose = (at: number) => ({at_s: at, kind: 'lose_node', stage: 'db'});

	test('one node: every write waited the 30 s failover (replicas.failover [U]); the fix shards it so a failover stalls a share', () => {
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(2), db()], slo: {freshness_s: 10}, injections: [lose(60)]}, 100, {failed: ['freshness_s']})).toEqual({
			component: 'db',
			reason: 'db lost a primary at 60 s and its replica took over after 30 s (failover_s): nothing is lost, but every write waited, so the data on screen was up to 30 s late',
			suggestion:
				'the replica is the right fix (no data lost, back in 30 s); to hold the freshness target through a failover too, shard db over more nodes (nodes: 2 or more, hashing: ring) so one failover stalls only its share, or fail over faster (failover_s)',
		});
	});

	test("three nodes with a 12 s failover, two primaries lost (the first at 60 s): only those nodes' keys waited; fail over faster or spread the keys", () => {
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(2), db({nodes: 3, failover_s: 12})], slo: {freshness_s: 10}, injections: [lose(90), lose(60)]}, 100, {failed: ['freshness_s']})).toEqual({
			component: 'db',
			reason: "db lost a primary at 60 s and its replica took over after 12 s (failover_s): nothing is lost, but the writes of that node's keys waited, so the data on screen was up to 12 s late",
			suggestion: 'fail over faster (failover_s) or spread the keys over more nodes, so one failover stalls a smaller share',
		});
	});

	test('not the cause when the SLO is met, when it has no replica, when the loss is elsewhere, or when the store is overloaded anyway', () => {
		const showed = {failed: ['freshness_s'] as const, stages: {w: {wait_p99_ms: 9000}}};
		const slo = {freshness_s: 10};
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(2), db()], slo, injections: [lose(60)]}, 100)).toBeNull();
		// Without a replica, 1 node lost is every node: the outage texts.
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(2), db({read_replicas: 0, nodes: 2})], slo, injections: [lose(60)]}, 100, showed)?.component).toBe('w');
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(1), db()], slo, injections: [{at_s: 60, kind: 'lose_node', stage: 'w'}]}, 100, showed)?.reason).toBe('w lost every node at 60 s: writes wait from then on, so the data on screen stops moving');
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(2), db()], slo, injections: [{at_s: 60, kind: 'load_multiplier', stage: 'db', factor: 2}]}, 100, showed)?.component).toBe('w');
		// Postgres write capacity 700/s (write_capacity_per_s) under 1,000/s: the overload fix, not the failover.
		expect(bottleneckOf({source: {rate_per_s: 1000}, stages: [pool(2), db({write_capacity_per_s: 700})], slo, injections: [lose(60)]}, 1000, showed)?.reason).toBe('postgres takes 700 write requests/s (1 primary × 700/s); it gets 1,000/s');
	});

	test('at exactly the capacity left, the failover is still the cause', () => {
		// write_capacity_per_s 700 is one unit: at 700/s the load is within it (≤).
		expect(bottleneckOf({source: {rate_per_s: 700}, stages: [db({write_capacity_per_s: 700})], slo: {freshness_s: 10}, injections: [lose(60)]}, 700, {failed: ['freshness_s']})?.reason).toMatch(/^db lost a primary at 60 s/);
	});
});

describe('a scheduled batch run that ends after its deadline', () => {
	const etl = (extra: Record<string, unknown> = {}) => ({id: 'etl', kind: 'compute', component: 'worker_pool', concurrency: 4, per_record_ms: 1, start_at: '02:00', trigger_s: 86_400, overhead_ms: 60_000, ...extra});
	const warehouse = {id: 'wh', kind: 'warehouse', component: 'snowflake'};
	const clock = (s: number) => `day 1 ${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}`;
	const step = (id: string, start: number, took: number | null, records = 1_000_000) => ({id, start_s: start, start: clock(start), finish_s: took === null ? null : start + took, finish: null, records});
	/** A run scheduled at 02:00 (7,200 s) with a 06:00 deadline (21,600 s). */
	const run = (lateBy: number, steps = [step('etl', 7200, 14_400 + lateBy)], longest = 'etl', finished = true): BatchRun => ({
		scheduled_s: 7200,
		scheduled: 'day 1 02:00',
		steps,
		finish_s: finished ? 21_600 + lateBy : null,
		finish: finished ? clock(21_600 + lateBy) : null,
		deadline_s: 21_600,
		met: lateBy <= 0,
		late_by_s: Math.max(0, lateBy),
		longest_step: longest,
	});
	const late = (stages: unknown[], runs: BatchRun[], lateStep: string | null = 'etl', readyBy: string | null = '06:00', showed = {}): BottleneckInput => {
		const input = verdictInput({source: {rate_per_s: 100}, stages, slo: {ready_by: '06:00'}}, 100, showed);
		const batch: BatchReport = {ready_by: readyBy, runs, met: false, late_step: lateStep};
		return {...input, batch, slo: {...input.slo, met: false, checks: [{name: 'ready_by', target: 21_600, actual: 25_200, met: false, says: ''}]}};
	};

	test('a 5 h step that ends 1 h late, with 60 s overhead: ceil(4 × (18,000 − 60) / (18,000 − 3,600 − 60)) = 6 workers', () => {
		// 4 × 17,940 / 14,340 = 5.004: 5 workers would end 2 s late, so 6.
		expect(findBottleneck(late([etl(), warehouse], [run(3600)]))).toEqual({
			component: 'etl',
			reason: 'the run scheduled day 1 02:00 finishes at day 1 07:00, 60 min after 06:00; etl takes 5 h of it (1,000,000 records, from day 1 02:00)',
			suggestion: 'needs at least 6 workers (concurrency) to end by 06:00; has 4; or start the run earlier (start_at)',
		});
	});

	test('Glue counts cores and Flink task slots; with no concurrency set, 1 unit: ceil(1 × 18,000 / 14,400) = 2', () => {
		const noOverhead = {overhead_ms: undefined, concurrency: undefined};
		expect(findBottleneck(late([etl({...noOverhead, component: 'glue'}), warehouse], [run(3600)]))?.suggestion).toBe('needs at least 2 cores (concurrency) to end by 06:00; has 1; or start the run earlier (start_at)');
		expect(findBottleneck(late([etl({...noOverhead, component: 'flink'}), warehouse], [run(3600)]))?.suggestion).toBe('needs at least 2 task slots (concurrency) to end by 06:00; has 1; or start the run earlier (start_at)');
		expect(findBottleneck(late([etl({...noOverhead, component: 'spark_structured_streaming', concurrency: 3}), warehouse], [run(3600)]))?.suggestion).toBe('needs at least 4 cores (concurrency) to end by 06:00; has 3; or start the run earlier (start_at)');
	});

	test('an overhead that alone leaves no room (14,400 s of a 5 h step 1 h late): start earlier or split the work', () => {
		const tooBig = 'its fixed overhead alone does not fit before 06:00: start the run earlier (start_at) or split the work';
		// Room = 18,000 − 3,600 − 14,400 = 0: not > 0.
		expect(findBottleneck(late([etl({overhead_ms: 14_400_000}), warehouse], [run(3600)]))?.suggestion).toBe(tooBig);
		expect(findBottleneck(late([etl({overhead_ms: 15_000_000}), warehouse], [run(3600)]))?.suggestion).toBe(tooBig);
		// 14,399 s leaves 1 s: ceil(4 × 3,601 / 1) = 14,404 workers.
		expect(findBottleneck(late([etl({overhead_ms: 14_399_000}), warehouse], [run(3600)]))?.suggestion).toBe('needs at least 14,404 workers (concurrency) to end by 06:00; has 4; or start the run earlier (start_at)');
	});

	test('a run that has not finished, a step still running, and a step that is not compute: shorten it or start earlier', () => {
		const unfinished = run(3600, [step('etl', 7200, null, 500)], 'etl', false);
		expect(findBottleneck(late([etl(), warehouse], [unfinished]))).toEqual({
			component: 'etl',
			reason: 'the run scheduled day 1 02:00 has not finished by the end of the run; etl takes longer than the run of it (500 records, from day 1 02:00)',
			suggestion: 'shorten etl or start the run earlier (start_at) so it ends by 06:00',
		});
		const loadStep = run(5400, [step('etl', 7200, 3600), step('wh', 10_800, 16_200)], 'wh');
		expect(findBottleneck(late([etl(), warehouse], [loadStep], 'wh'))).toEqual({
			component: 'wh',
			reason: 'the run scheduled day 1 02:00 finishes at day 1 07:30, 1.5 h after 06:00; wh takes 4.5 h of it (1,000,000 records, from day 1 03:00)',
			suggestion: 'shorten wh or start the run earlier (start_at) so it ends by 06:00',
		});
	});

	test('of several late runs the latest is judged (an unfinished one latest of all); runs that met the deadline are not', () => {
		// 1 h late: 6 workers (above). 2 h late: ceil(4 × 21,540 / 14,340) = 7.
		const oneHour = run(3600);
		const twoHours = run(7200);
		expect(findBottleneck(late([etl(), warehouse], [oneHour, twoHours, oneHour]))?.suggestion).toMatch(/^needs at least 7 workers/);
		expect(findBottleneck(late([etl(), warehouse], [twoHours, oneHour]))?.suggestion).toMatch(/^needs at least 7 workers/);
		expect(findBottleneck(late([etl(), warehouse], [oneHour, run(3600, [step('etl', 7200, null)], 'etl', false), twoHours]))?.reason).toMatch(/has not finished by the end of the run/);
		expect(findBottleneck(late([etl(), warehouse], [run(-600, [step('etl', 7200, 50_000)]), oneHour]))?.suggestion).toMatch(/^needs at least 6 workers/);
	});

	test('without a late step, a deadline, or a step the design has, the slowest stage is named instead', () => {
		const showed = {stages: {wh: {wait_p99_ms: 9000}}};
		expect(findBottleneck(late([etl(), warehouse], [run(3600)], null, '06:00', showed))?.component).toBe('wh');
		expect(findBottleneck(late([etl(), warehouse], [run(3600)], 'etl', null, showed))?.component).toBe('wh');
		expect(findBottleneck(late([etl(), warehouse], [run(3600, [step('other', 7200, 18_000)], 'other')], 'other', '06:00', showed))?.component).toBe('wh');
		expect(findBottleneck(late([etl(), warehouse], [run(3600, [step('etl', 7200, 18_000)], 'gone')], 'gone', '06:00', showed))?.component).toBe('wh');
		// A missed freshness target with a late batch is not judged as the batch.
		const input = late([etl(), warehouse], [run(3600)], 'etl', '06:00', showed);
		expect(findBottleneck({...input, slo: {...input.slo, checks: [{name: 'freshness_s', target: 10, actual: 20, met: false, says: ''}]}})?.component).toBe('wh');
	});
});

describe('a pulled source starved by its API quota', () => {
	const feed = {id: 'google_ads', share: 0.1, every_s: 3600, lag_s: 10_800, quota: {id: 'ads', requests: 500}};
	const design = (quotas: unknown[] = [{id: 'ads', component: 'google_ads_api', per_day: 15_000}]) => ({
		source: {rate_per_s: 100, feeds: [feed, {id: 'files', share: 0.1, every_s: 86_400}], quotas},
		stages: [pool(2), redis],
		slo: {freshness_s: 3600},
	});
	const source = (id: string, completeness: number, target: number | null = 18_000): FeedReport => ({id, share: 0.1, every_s: 3600, lag_s: 10_800, completeness_p99_s: completeness, longest_wait_s: 0, target_s: target, sets_completeness_share: 1});
	const daily = (extra: Partial<QuotaReport> = {}): QuotaReport => ({id: 'ads', component: 'google_ads_api', per_day: 15_000, rate_per_s: null, shared_per_s: 0, pull_requests_per_day: 12_000, backfill_requests_per_day: 9000, pulls: 24, delayed_pulls: 3, longest_pull_wait_s: 7200, ...extra});
	const starved = (sources: FeedReport[], quotas: QuotaReport[], raw: unknown = design(), check = 'freshness_s') => {
		const input = verdictInput(raw, 100, {stages: {counters: {wait_p99_ms: 4000}}});
		return findBottleneck({...input, sources, quotas, slo: {...input.slo, met: false, checks: [{name: check, target: 3600, actual: 30_000, met: false, says: ''}]}});
	};

	test('a daily quota of 15,000 asked for 12,000 + 9,000 = 21,000: 8.33 h complete against 5 h; spread the backfill', () => {
		// 30,000 s = 8.33 h; 18,000 s = 5 h; 7,200 s = 2 h.
		expect(starved([source('streamed', 10, null), source('files', 100, 200), source('google_ads', 30_000)], [daily()])).toEqual({
			component: 'google_ads',
			reason: 'google_ads pulls wait up to 2 h for the ads quota (15,000 requests a day; pulls ask 12,000 and backfills 9,000 a day (21,000)), so its data is complete only up to 8.33 h ago (p99; target 5 h)',
			suggestion: "run the backfill with wider date ranges (fewer requests) or spread it over several nights, so the regular pulls keep room in the day's 15,000; or apply for a higher access level",
		});
	});

	test('pulls alone above the daily quota (18,000 of 15,000): fewer, wider queries or a higher access level', () => {
		expect(starved([source('google_ads', 30_000)], [daily({pull_requests_per_day: 18_000})])?.suggestion).toBe('the pulls alone need 18,000 of 15,000 a day: fewer, wider queries per account, or a higher access level (Google Ads Standard access has no daily cap)');
		// Exactly the quota is not "alone above" it.
		expect(starved([source('google_ads', 30_000)], [daily({pull_requests_per_day: 15_000})])?.suggestion).toMatch(/^run the backfill with wider date ranges/);
	});

	test('a rate quota (100/s, 40/s taken by checkout): the limit and the share other users take', () => {
		const raw = design([{id: 'ads', component: 'stripe_api', rate_per_s: 100, shared_per_s: 40}]);
		const rate = daily({per_day: null, rate_per_s: 100, shared_per_s: 40, longest_pull_wait_s: 600});
		expect(starved([source('google_ads', 30_000)], [rate], raw)).toEqual({
			component: 'google_ads',
			reason: 'google_ads pulls wait up to 10 min for the ads quota (100 requests/s, 40/s of it taken by other users; backfills ask 9,000 a day), so its data is complete only up to 8.33 h ago (p99; target 5 h)',
			suggestion: 'run backfills outside the busy hours, page through list calls or report files instead of one request per object, or ask for a higher rate limit',
		});
		expect(starved([source('google_ads', 30_000)], [{...rate, shared_per_s: 0}], raw)?.reason).toMatch(/\(100 requests\/s; backfills ask 9,000 a day\)/);
		expect(starved([source('google_ads', 30_000)], [{...rate, rate_per_s: null, shared_per_s: 0}], raw)?.reason).toMatch(/\(0 requests\/s; backfills ask 9,000 a day\)/);
	});

	test('not the cause: within its target (even exactly at it), no pull delayed, a feed without a quota, or a latency miss', () => {
		const slowest = 'counters';
		expect(starved([source('google_ads', 18_000)], [daily()])?.component).toBe(slowest);
		expect(starved([source('google_ads', 30_000, null)], [daily()])?.component).toBe(slowest);
		expect(starved([source('google_ads', 30_000)], [daily({delayed_pulls: 0})])?.component).toBe(slowest);
		expect(starved([source('files', 300_000)], [daily()])?.component).toBe(slowest);
		expect(starved([source('nowhere', 300_000)], [daily()])?.component).toBe(slowest);
		expect(starved([source('google_ads', 30_000)], [daily({id: 'other'})])?.component).toBe(slowest);
		expect(starved([source('google_ads', 30_000)], [daily()], design(), 'latency_p99_ms')?.component).toBe(slowest);
	});
});

describe('the dashboard', () => {
	test('is not in the write path: nothing to fix there', () => {
		const input = verdictInput({source: {rate_per_s: 100}, stages: [pool(2), {id: 'dash', kind: 'dashboard', refresh_s: 30, query_ms: 100}]}, 100);
		expect(fixAt(input, 'dash')).toEqual({component: 'dash', reason: 'the dashboard is not in the write path', suggestion: 'none needed'});
	});
});
