/**
Which stage the bottleneck names, and the fix it gives, at the edges: exact
thresholds (99.9% and 90% of capacity, a refresh equal to the lag), ties between
stages and key fields, stages that are not first in the chain, stages behind a
filter or a fan-out (records per event other than 1), and injections aimed at
other stages. Found by mutation testing (issue 10, item 6): each case is one a
plausible slip in src/sim/analysis/bottleneck.ts would get wrong.
*/
import {describe, expect, test} from 'vitest';
import {findBottleneck, type BottleneckInput} from '../../../src/sim/analysis/bottleneck.js';
import type {BatchRun, FeedReport, QuotaReport} from '../../../src/sim/result.js';
import {bottleneckOf, fixFor, verdictInput} from '../helpers/verdict-inputs.js';

const kds = (shards: number, extra: Record<string, unknown> = {}) => ({id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards, ...extra});
const redis = {id: 'counters', kind: 'cache', component: 'redis'};
const pool = (concurrency: number, extra: Record<string, unknown> = {}) => ({id: 'w', kind: 'compute', component: 'worker_pool', concurrency, per_record_ms: 1, ...extra});
const front = (min: number, max: number, extra: Record<string, unknown> = {}) => ({id: 'front', kind: 'collector', min_instances: min, max_instances: max, ...extra});
const country = {country: {kind: 'categorical', shares: {US: 0.4, DE: 0.2, FR: 0.2, GB: 0.2}}};
const uniform = {kind: 'uniform', cardinality: 1_000_000};
const missed = (...failed: Array<'latency_p99_ms' | 'freshness_s'>) => ({failed});

describe('thresholds', () => {
	test('a design that meets its SLO at exactly 99.9% of its capacity (999 of 1,000/s) has no bottleneck; above it, it has', () => {
		expect(bottleneckOf({source: {rate_per_s: 999}, stages: [kds(1), redis]}, 999)).toBeNull();
		expect(bottleneckOf({source: {rate_per_s: 999.5}, stages: [kds(1), redis]}, 999.5)?.component).toBe('ingest');
	});

	test('a growing backlog at exactly 90% of capacity (1,800 of 2,000/s) is not yet overload: the slowest stage is named', () => {
		const design = {source: {rate_per_s: 1800}, stages: [kds(4), pool(2), redis], slo: {latency_p99_ms: 5000}};
		expect(bottleneckOf(design, 1800, {...missed('latency_p99_ms'), stages: {w: {backlog_growth_per_s: 100}, counters: {wait_p99_ms: 8000}}})?.component).toBe('counters');
	});

	test('refused records are counted against the records the stage gets: 10 per event behind a fan-out of 10', () => {
		// The stream gets 1,000 × 10 = 10,000 records/s on 20 shards (20,000/s): 5 refused is 0.05%, under 0.1%; 15 is 0.15%.
		const design = {source: {rate_per_s: 1000}, stages: [pool(20, {per_record_ms: 0.1, output_ratio: 10}), kds(20), redis], slo: {latency_p99_ms: 5000}};
		expect(bottleneckOf(design, 1000, {...missed('latency_p99_ms'), stages: {ingest: {throttled: 5}, counters: {wait_p99_ms: 8000}}})?.component).toBe('counters');
		expect(bottleneckOf(design, 1000, {...missed('latency_p99_ms'), stages: {ingest: {throttled: 15}, counters: {wait_p99_ms: 8000}}})?.component).toBe('ingest');
	});

	test('the fix sizes a stream for the records it gets behind a fan-out of 2: 6,000/s on 4 shards needs 6', () => {
		expect(bottleneckOf({source: {rate_per_s: 3000}, stages: [pool(20, {output_ratio: 2}), kds(4), redis]}, 3000)).toEqual({
			component: 'ingest',
			reason: '6,000 records/s of 200 B is more than 4 shards take at 1,000 records/s per shard',
			suggestion: 'needs at least 6 shards for 6,000 records/s of 200 B; has 4',
		});
	});
});

describe('a collector fleet at its edges', () => {
	const slo = {latency_p99_ms: 1000};

	test('a collector refusing at exactly its max (20,000 of 20,000/s) is still scaling out: it is named before the smaller pool', () => {
		expect(bottleneckOf({source: {rate_per_s: 20_000}, stages: [front(2, 10), pool(2)], slo}, 20_000, {...missed('latency_p99_ms'), stages: {front: {dropped: 5}}})?.component).toBe('front');
	});

	test('a collector that throttles but refuses nothing is not the lagging one; nor is a stream that drops within its capacity', () => {
		expect(bottleneckOf({source: {rate_per_s: 6000}, stages: [front(2, 10), pool(2)], slo}, 6000, {...missed('latency_p99_ms'), stages: {front: {throttled: 100}}})?.component).toBe('w');
		expect(bottleneckOf({source: {rate_per_s: 3000}, stages: [kds(10), pool(2)], slo}, 3000, {...missed('latency_p99_ms'), stages: {ingest: {dropped: 5}}})?.component).toBe('w');
	});

	test('a lagging collector behind another stage is found by its own figures', () => {
		// pre: 20 workers (20,000/s); the fleet: 10 × 2,000; w2: 1 worker (1,000/s) behind it, overloaded at 1,500/s.
		const stages = [pool(20, {id: 'pre'}), front(2, 10), pool(1, {id: 'w2'})];
		const verdict = bottleneckOf({source: {rate_per_s: 1500}, stages, slo}, 1500, {...missed('latency_p99_ms'), stages: {front: {dropped: 5, details: {refused_per_s: 3}}}});
		expect(verdict?.component).toBe('front');
		// ceil(1,500 / (2,000 × 0.6)) = 2 instances to pre-warm; its own 3/s refused.
		expect(verdict?.reason).toMatch(/meanwhile requests queued up to 10 s and 3\/s were refused$/);
		expect(verdict?.suggestion).toMatch(/^pre-warm before a known launch \(scheduled scaling: min_instances 2\)/);
	});

	test('a bot behind a filter: the collector gets half the records, 3,000/s, and the bot 5 × 3,000 on top', () => {
		const stages = [pool(20, {id: 'pre', output_ratio: 0.5}), front(2, 20), pool(1, {id: 'w2'})];
		const verdict = bottleneckOf({source: {rate_per_s: 6000}, stages, injections: [{at_s: 30, kind: 'bot', factor: 5}]}, 6000, {stages: {front: {details: {refused_per_s: 7}}}});
		expect(verdict).toEqual({
			component: 'front',
			reason: 'one client (a bot) sends 5x the normal load, 15,000 requests/s on top of 3,000/s; auto-scaling grows the fleet towards its max of 20 instances (40,000 requests/s) for junk, and requests queue and are refused (7/s, legitimate ones in the same share); the junk it lets through overloads w2 too',
			suggestion: expect.stringMatching(/^rate-limit each client at the front door/),
		});
	});

	test('just under its max at a 100% target (19,990 of 20,000/s): the fleet cannot grow, so the advice is max_instances, not the lag', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 19_990}, stages: [front(2, 10, {target_utilization: 1}), redis]}, 19_990);
		expect(verdict?.reason).toBe('10 instances × 2,000 requests/s = 20,000/s at most; the load is 19,990/s');
		expect(verdict?.suggestion).toMatch(/^raise max_instances to at least/);
	});
});

describe('lost nodes and failovers among other injections', () => {
	const db = (extra: Record<string, unknown> = {}) => ({id: 'db', kind: 'store', component: 'postgres', read_replicas: 1, ...extra});
	const step = (stage: string, at: number) => ({at_s: at, kind: 'load_multiplier', stage, factor: 1.5});
	const lose = (stage: string, at: number) => ({at_s: at, kind: 'lose_node', stage});

	test('a lost Redis is the cause at its own loss time, whatever other injections came earlier', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 100}, stages: [pool(3), redis], injections: [step('counters', 10), lose('w', 20), lose('counters', 60)]}, 100);
		expect(verdict?.reason).toBe('counters lost its only node at 60 s: writes wait from then on, so the data on screen stops moving');
	});

	test('a store with no capacity left by its reads is not a lost node, whatever is lost elsewhere', () => {
		// Reads (1,400/s) take all of write_capacity_per_s 700: capacity 0, but nothing was lost there.
		const starved = {id: 'db', kind: 'store', component: 'postgres', write_capacity_per_s: 700, reads_per_s: 1400};
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(3), starved], injections: [lose('w', 20)]}, 100)?.reason).not.toMatch(/lost/);
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(3), starved], injections: [step('db', 20)]}, 100)?.reason).not.toMatch(/lost/);
	});

	test('a failover is dated by its own lose_node, not by earlier injections on it or elsewhere', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 100}, stages: [pool(3), db()], slo: {freshness_s: 10}, injections: [step('db', 10), lose('w', 20), lose('db', 60)]}, 100, missed('freshness_s'));
		expect(verdict?.reason).toMatch(/^db lost a primary at 60 s and its replica took over after 30 s/);
	});

	test('a store with replicas that lost nothing is not a failover when a node is lost elsewhere', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 100}, stages: [pool(3), db()], slo: {freshness_s: 10}, injections: [lose('w', 20)]}, 100, {...missed('freshness_s'), stages: {w: {wait_p99_ms: 9000}}});
		expect(verdict?.component).toBe('w');
		expect(verdict?.reason).toMatch(/^w holds records up to 9 s/);
	});

	test('a Redis cache and a Snowflake warehouse (no write limit) fail over too', () => {
		const showed = missed('freshness_s');
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(3), {...redis, read_replicas: 1}], slo: {freshness_s: 10}, injections: [lose('counters', 60)]}, 100, showed)?.reason).toMatch(/^counters lost a primary at 60 s/);
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(3), {id: 'sf', kind: 'warehouse', component: 'snowflake', read_replicas: 1}], slo: {freshness_s: 10}, injections: [lose('sf', 60)]}, 100, showed)?.reason).toMatch(/^sf lost a primary at 60 s/);
	});

	test('a single-node Postgres, Redshift or Memcached losing it: "its only node", and a standby with failover', () => {
		const lost = (stage: Record<string, unknown>) => bottleneckOf({source: {rate_per_s: 100}, stages: [pool(3), stage], injections: [lose(stage['id'] as string, 60)]}, 100);
		expect(lost({id: 'db', kind: 'store', component: 'postgres'})).toEqual({component: 'db', reason: 'db lost its only node at 60 s: writes wait from then on, so the data on screen stops moving', suggestion: 'run postgres with a standby or replica and automatic failover (Multi-AZ), or spread it over several nodes'});
		expect(lost({id: 'rs', kind: 'warehouse', component: 'redshift'})).toEqual({component: 'rs', reason: 'rs lost its only node at 60 s: writes wait from then on, so the data on screen stops moving', suggestion: 'run redshift with a standby or replica and automatic failover (Multi-AZ), or spread it over several nodes'});
		expect(lost({id: 'mc', kind: 'cache', component: 'memcached'})).toEqual({component: 'mc', reason: 'mc lost its only node at 60 s: writes wait from then on, so the data on screen stops moving', suggestion: 'run memcached with a standby or replica and automatic failover (Multi-AZ), or spread it over several nodes'});
	});
});

describe('which SLO misses lead where', () => {
	const dashboard = {id: 'dash', kind: 'dashboard', refresh_s: 30, query_ms: 0};

	test('a missed freshness target beside a missed deadline, with no batch report: the stale dashboard', () => {
		const input = verdictInput({source: {rate_per_s: 100}, stages: [pool(2), redis, dashboard], slo: {freshness_s: 10}}, 100, {...missed('freshness_s'), latencyP99Ms: 1000, stages: {counters: {wait_p99_ms: 900}}});
		const checks = [...input.slo.checks, {name: 'ready_by', target: 21_600, actual: 25_200, met: false, says: ''}];
		expect(findBottleneck({...input, slo: {...input.slo, checks}})?.component).toBe('dash');
	});

	test('a missed deadline beside a missed freshness target: the late batch step', () => {
		const stages = [{id: 'etl', kind: 'compute', component: 'worker_pool', concurrency: 4, start_at: '02:00', trigger_s: 86_400}, redis, dashboard];
		const input = verdictInput({source: {rate_per_s: 100}, stages, slo: {freshness_s: 10}}, 100, {...missed('freshness_s'), latencyP99Ms: 1000});
		const run: BatchRun = {scheduled_s: 7200, scheduled: 'day 1 02:00', steps: [{id: 'etl', start_s: 7200, start: 'day 1 02:00', finish_s: 25_200, finish: 'day 1 07:00', records: 10}], finish_s: 25_200, finish: 'day 1 07:00', deadline_s: 21_600, met: false, late_by_s: 3600, longest_step: 'etl'};
		const checks = [...input.slo.checks, {name: 'ready_by', target: 21_600, actual: 25_200, met: false, says: ''}];
		expect(findBottleneck({...input, batch: {ready_by: '06:00', runs: [run], met: false, late_step: 'etl'}, slo: {...input.slo, checks}})?.component).toBe('etl');
	});

	test('a quota-starved source beside a missed latency target: the source', () => {
		const feed = {id: 'ads', share: 0.1, every_s: 3600, quota: {id: 'q', requests: 10}};
		const raw = {source: {rate_per_s: 100, feeds: [feed], quotas: [{id: 'q', per_day: 1000}]}, stages: [pool(2), redis], slo: {freshness_s: 3600, latency_p99_ms: 100}};
		const input = verdictInput(raw, 100, {...missed('freshness_s', 'latency_p99_ms'), stages: {counters: {wait_p99_ms: 4000}}});
		const sources: FeedReport[] = [{id: 'ads', share: 0.1, every_s: 3600, lag_s: 0, completeness_p99_s: 20_000, longest_wait_s: 0, target_s: 7200, sets_completeness_share: 1}];
		const quotas: QuotaReport[] = [{id: 'q', component: 'custom', per_day: 1000, rate_per_s: null, shared_per_s: 0, pull_requests_per_day: 240, backfill_requests_per_day: 900, pulls: 24, delayed_pulls: 2, longest_pull_wait_s: 9000}];
		expect(findBottleneck({...input, sources, quotas})?.component).toBe('ads');
		// Sources reported without their quotas: nothing to blame on a quota, so the slowest stage.
		expect(findBottleneck({...input, sources})?.component).toBe('counters');
	});
});

describe('late batch runs: which run and which step', () => {
	const etl = {id: 'etl', kind: 'compute', component: 'worker_pool', concurrency: 4, start_at: '02:00', trigger_s: 86_400};
	const wh = {id: 'wh', kind: 'warehouse', component: 'snowflake'};
	const judged = (runs: BatchRun[]): BottleneckInput => {
		const input = verdictInput({source: {rate_per_s: 100}, stages: [etl, wh], slo: {ready_by: '06:00'}}, 100, {stages: {wh: {wait_p99_ms: 9000}}});
		return {...input, batch: {ready_by: '06:00', runs, met: false, late_step: 'etl'}, slo: {...input.slo, met: false, checks: [{name: 'ready_by', target: 21_600, actual: 25_200, met: false, says: ''}]}};
	};
	const run = (records: number, lateBy: number, extra: Partial<BatchRun> = {}): BatchRun => ({
		scheduled_s: 7200,
		scheduled: 'day 1 02:00',
		steps: [{id: 'etl', start_s: 7200, start: 'day 1 02:00', finish_s: 21_600 + lateBy, finish: null, records}],
		finish_s: 21_600 + lateBy,
		finish: 'day 1 07:00',
		deadline_s: 21_600,
		met: false,
		late_by_s: lateBy,
		longest_step: 'etl',
		...extra,
	});

	test('of two runs equally late, the first is judged', () => {
		expect(findBottleneck(judged([run(111, 3600), run(222, 3600)]))?.reason).toMatch(/\(111 records, from day 1 02:00\)$/);
	});

	test('a run still going at the end of the window with no deadline in it is not judged', () => {
		const open = run(333, 0, {finish_s: null, finish: null, deadline_s: null, met: null});
		expect(findBottleneck(judged([open, run(111, 3600)]))?.reason).toMatch(/\(111 records, from day 1 02:00\)$/);
	});

	test('a run that has not finished because a later step is still running: the long finished step is to shorten, not to size', () => {
		const unfinished = run(111, 3600, {finish_s: null, finish: null, steps: [{id: 'etl', start_s: 7200, start: 'day 1 02:00', finish_s: 25_200, finish: 'day 1 07:00', records: 111}, {id: 'wh', start_s: 25_200, start: 'day 1 07:00', finish_s: null, finish: null, records: 5}]});
		expect(findBottleneck(judged([unfinished]))).toEqual({
			component: 'etl',
			reason: 'the run scheduled day 1 02:00 has not finished by the end of the run; etl takes 5 h of it (111 records, from day 1 02:00)',
			suggestion: 'shorten etl or start the run earlier (start_at) so it ends by 06:00',
		});
	});
});

describe('streams at their edges', () => {
	test('4,000 records/s on 4 shards is an even split at the limit, but "US" (40%) sends 1,600/s to one: the key is the fix', () => {
		expect(bottleneckOf({source: {rate_per_s: 4000, keys: {...country, user_id: uniform}}, stages: [kds(4, {partition_key: 'country'}), redis]}, 4000)).toEqual({
			component: 'ingest',
			reason: 'partition key country sends 40% of records ("US") to one shard: 1,600 records/s where a shard takes 1,000',
			suggestion: 'partition key country sends 40% of records to one shard: key by user_id',
		});
	});

	test('two polling consumers of 4 KB records read exactly what is written (1 MiB/s each): shards, not fan-out, are the fix', () => {
		// Writes: 1 MiB/s / 4,096 B = 256 records/s per shard; reads: 2 MiB/s / 4,096 / 2 consumers = 256 too.
		expect(bottleneckOf({source: {rate_per_s: 1000, event_bytes: 4096}, stages: [kds(2, {consumers: 2}), redis]}, 1000)?.suggestion).toBe('needs at least 4 shards for 1,000 records/s of 4,096 B; has 2');
	});

	test('three consumers that read within their share (500 of 699 records/s per shard) are not the fix for a stream that throttles', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 1000, event_bytes: 1000}, stages: [kds(2, {consumers: 3}), redis], slo: {latency_p99_ms: 1000}}, 1000, {...missed('latency_p99_ms'), stages: {ingest: {throttled: 100}}});
		expect(verdict?.component).toBe('ingest');
		expect(verdict?.suggestion).not.toMatch(/enhanced fan-out/);
	});

	test('an on-demand stream of 10 shards keyed by user_id, far above what it scales to: it started at 10,000/s', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 100, keys: {user_id: uniform}}, stages: [kds(10, {mode: 'on_demand', partition_key: 'user_id'}), {...redis, nodes: 2000}]}, 1e8);
		expect(verdict?.reason).toBe('an on-demand stream accepts twice its previous peak at once but needs up to 15 minutes to scale further; it started at 10,000 records/s and got 100,000,000/s');
	});

	test('Kafka with a skewed key and no single value too hot names the hottest partition', () => {
		const keys = {k: {kind: 'categorical', shares: {a: 0.3, b: 0.3, c: 0.2, d: 0.2}}};
		expect(bottleneckOf({source: {rate_per_s: 120_000, keys}, stages: [{id: 'ingest', kind: 'stream', component: 'kafka', shards: 2, partition_key: 'k'}]}, 120_000)?.reason).toBe(
			'120,000 records/s of 200 B (the hottest partition gets 80%) is more than 2 partitions take at ~10 MB/s per partition',
		);
	});

	test('the better key is judged on the stream\'s own 20 shards: ten even values (20% hottest) beat four uneven ones (30%)', () => {
		// On 4 shards both fields put 50% on one shard; on 20, "ten" puts 20% and "k" 30%.
		const keys = {...country, k: {kind: 'categorical', shares: {a: 0.3, b: 0.3, c: 0.2, d: 0.2}}, ten: {kind: 'categorical', shares: Object.fromEntries(Array.from({length: 10}, (_, i) => [`v${i}`, 0.1]))}};
		expect(bottleneckOf({source: {rate_per_s: 3000, keys}, stages: [kds(20, {partition_key: 'country'})]}, 3000)?.suggestion).toBe('partition key country sends 40% of records to one shard: key by ten (or add a random suffix to country)');
	});

	test('a key of 20 values of 5% each, hashed unevenly onto 6 shards (30% on one): more shards, not a new key, since no value is hot', () => {
		// 5,000 records/s: 833 per shard on average, 1,500 on the hottest; "w0" alone is 250/s, under half a shard's 1,000.
		const keys = {tw: {kind: 'categorical', shares: Object.fromEntries(Array.from({length: 20}, (_, i) => [`w${i}`, 0.05]))}};
		const verdict = bottleneckOf({source: {rate_per_s: 5000, keys}, stages: [kds(6, {partition_key: 'tw'})]}, 5000);
		expect(verdict?.reason).toBe('5,000 records/s of 200 B (the hottest shard gets 30%) is more than 6 shards take at 1,000 records/s per shard');
		expect(verdict?.suggestion).toMatch(/^needs at least \d+ shards for 5,000 records\/s of 200 B; has 6$/);
	});

	test('of two equally good fields, the first one listed is advised', () => {
		expect(bottleneckOf({source: {rate_per_s: 3000, keys: {...country, user_id: uniform, device_id: uniform}}, stages: [kds(20, {partition_key: 'country'})]}, 3000)?.suggestion).toBe('partition key country sends 40% of records to one shard: key by user_id');
	});
});

describe('Lambda and compute fixes at their edges', () => {
	const onStream = (extra: Record<string, unknown>) => [kds(10), {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 1, ...extra}];

	test('exactly the executions it needs (9 of 9 at 909 records/s for 8,000/s): not the concurrency limit but the per-shard rate', () => {
		expect(fixFor({source: {rate_per_s: 8000}, stages: onStream({concurrency: 9})}, 8000, 'l')?.suggestion).toBe('set parallelization_factor to 2 (max 10), or raise batch_size to cut per-invocation overhead');
	});

	test('already at 3 batches per shard: the next step is 4, never fewer', () => {
		expect(fixFor({source: {rate_per_s: 8000}, stages: onStream({parallelization_factor: 3})}, 8000, 'l')).toEqual({
			component: 'l',
			reason: "each shard's Lambda handles 2,727 records/s (3 batch at a time); the busiest shard brings 800/s",
			suggestion: 'set parallelization_factor to 4 (max 10), or raise batch_size to cut per-invocation overhead',
		});
	});

	test('one shard bringing 8,500/s at 909/s a batch needs ceil(9.35) = 10 batches at a time: still a parallelization_factor fix', () => {
		expect(bottleneckOf({source: {rate_per_s: 8500}, stages: [kds(1), {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 1}]}, 8500)?.suggestion).toBe('set parallelization_factor to 10 (max 10), or raise batch_size to cut per-invocation overhead');
	});

	test('a Lambda behind an API gateway is sized by its executions, not by shards: 2 × 50/s against 300/s needs 6', () => {
		// One event per invocation: 1 / (10 ms overhead + 10 ms per record) = 50 records/s per execution.
		expect(bottleneckOf({source: {rate_per_s: 300}, stages: [{id: 'a', kind: 'api', component: 'api_gateway'}, {id: 'l', kind: 'compute', component: 'lambda', concurrency: 2, per_record_ms: 10}]}, 300)).toEqual({
			component: 'l',
			reason: '2 concurrent executions × 50 records/s = 100/s; the load is 300/s',
			suggestion: 'needs at least 6 concurrent executions for 300 records/s; has 2 (or autoscale with a max above that)',
		});
	});

	test('the fix for the second stage is its own', () => {
		expect(fixFor({source: {rate_per_s: 1000}, stages: [kds(200), redis]}, 150_000, 'counters')?.suggestion).toBe('needs at least 2 nodes for 150,000 writes/s; has 1; or batch writes (batch_size) / pre-aggregate upstream');
	});
});

describe('too slow or too stale: the edges', () => {
	const dash = (extra: Record<string, unknown>) => ({id: 'dash', kind: 'dashboard', refresh_s: 30, query_ms: 0, ...extra});
	const stale = (board: Record<string, unknown>, freshness: number, lagMs: number) =>
		bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis, dash(board)], slo: {freshness_s: freshness}}, 100, {...missed('freshness_s'), latencyP99Ms: lagMs, stages: {ingest: {wait_p99_ms: lagMs}}});

	test('Grafana set to refresh every 2 s refreshes every 5 s (its minimum): 5 + 1 s against 4 s', () => {
		expect(stale({component: 'grafana', refresh_s: 2}, 4, 1000)).toEqual({component: 'dash', reason: 'a 5 s refresh shows data up to 6 s old (pipeline p99 1 s); target 4 s', suggestion: 'refresh every 5 s or less (Grafana allows 5 s)'});
	});

	test('a custom dashboard may refresh faster than 5 s: 10 − 1 − 0 = 3 s of room, so every 3 s', () => {
		expect(stale({refresh_s: 5}, 4, 1000)?.suggestion).toBe('refresh every 3 s or less');
	});

	test('no room left at all (10 − 9 s − 1 s query = 0): the refresh is not the fix', () => {
		expect(stale({refresh_s: 30, query_ms: 1000}, 10, 9000)?.component).toBe('ingest');
	});

	test('a refresh equal to the pipeline lag (2 s and 2 s) is not the larger delay: the pipeline is named', () => {
		expect(stale({refresh_s: 2}, 10, 2000)?.component).toBe('ingest');
	});

	test('the dashboard is never the slowest stage, and of two equal waits the first stage is named', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis, dash({})], slo: {latency_p99_ms: 100}}, 100, {...missed('latency_p99_ms'), stages: {ingest: {wait_p99_ms: 500}, counters: {wait_p99_ms: 500}, dash: {wait_p99_ms: 60_000}}});
		expect(verdict?.component).toBe('ingest');
	});

	test('a slow Postgres store: serve the live view from a cache', () => {
		expect(bottleneckOf({source: {rate_per_s: 10}, stages: [{id: 'db', kind: 'store', component: 'postgres'}], slo: {latency_p99_ms: 100}}, 10, {...missed('latency_p99_ms'), stages: {db: {wait_p99_ms: 5000}}})?.suggestion).toBe(
			'postgres is slow for this path: serve the live view from a cache (Redis) and load the warehouse behind it',
		);
	});
});
