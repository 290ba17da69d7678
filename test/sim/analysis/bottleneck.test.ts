/**
The bottleneck a user is shown: which stage, why, and the fix with numbers. The
analysis is pure, so each case gives it a model, a load and what the run showed
(test/sim/helpers/verdict-inputs.ts) and checks the sentence a user reads.
*/
import {describe, expect, test} from 'vitest';
import {bottleneckOf, fixFor} from '../helpers/verdict-inputs.js';

const kds = (shards: number, extra: Record<string, unknown> = {}) => ({id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards, ...extra});
const redis = {id: 'counters', kind: 'cache', component: 'redis'};
const country = {country: {kind: 'categorical', shares: {US: 0.4, DE: 0.2, FR: 0.2, GB: 0.2}}};
const users = {user_id: {kind: 'uniform', cardinality: 1_000_000}};
const pool = (concurrency: number, extra: Record<string, unknown> = {}) => ({id: 'w', kind: 'compute', component: 'worker_pool', concurrency, per_record_ms: 1, ...extra});

describe('an overloaded stream', () => {
	test('8,333 records/s on 4 shards of 1,000/s: needs ceil(8.333) = 9', () => {
		expect(bottleneckOf({source: {rate_per_s: 8333}, stages: [kds(4), redis]}, 8333)).toEqual({
			component: 'ingest',
			reason: '8,333 records/s of 200 B is more than 4 shards take at 1,000 records/s per shard',
			suggestion: 'needs at least 9 shards for 8,333 records/s of 200 B; has 4',
		});
	});

	test('at 1x with a daily peak of 2x, the advice adds the peak: 16,666 records/s needs 17', () => {
		expect(bottleneckOf({source: {rate_per_s: 8333, peak_multiplier: 2}, stages: [kds(4), redis]}, 8333)?.suggestion).toBe('needs at least 9 shards for 8,333 records/s of 200 B; has 4 (17 for the daily peak of 2x)');
		// must fail: a run at the peak itself (load above the mean) does not repeat the peak advice.
		expect(bottleneckOf({source: {rate_per_s: 8333, peak_multiplier: 2}, stages: [kds(4), redis]}, 16_666)?.suggestion).toBe('needs at least 17 shards for 16,666 records/s of 200 B; has 4');
	});

	test('exactly at its limit (4,000 on 4 shards) it refuses Poisson bursts: one more shard, not "more than"', () => {
		expect(bottleneckOf({source: {rate_per_s: 4000}, stages: [kds(4), redis]}, 4000)).toEqual({
			component: 'ingest',
			reason: '4,000 records/s of 200 B is all that 4 shards take at 1,000 records/s per shard, so bursts above the mean are refused',
			suggestion: 'needs at least 5 shards for 4,000 records/s of 200 B; has 4',
		});
	});

	test('Kafka partitions take ~10 MB/s: 200,000 records/s of 200 B (40 MB/s) on 2 needs 4', () => {
		expect(bottleneckOf({source: {rate_per_s: 200_000}, stages: [{id: 'ingest', kind: 'stream', component: 'kafka', shards: 2}]}, 200_000)).toEqual({
			component: 'ingest',
			reason: '200,000 records/s of 200 B is more than 2 partitions take at ~10 MB/s per partition',
			suggestion: 'needs at least 4 partitions for 200,000 records/s of 200 B; has 2',
		});
	});

	test('4 KB records hit 1 MiB/s per shard first: 1,000 records/s is 4 MB/s, needs 4 shards', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 1000, event_bytes: 4096}, stages: [kds(2), redis]}, 1000);
		expect(verdict?.reason).toBe('1,000 records/s of 4,096 B is more than 2 shards take at 1 MiB/s per shard');
		expect(verdict?.suggestion).toBe('needs at least 4 shards for 1,000 records/s of 4,096 B; has 2');
	});

	test('three polling consumers share 2 MiB/s per shard: the fix is enhanced fan-out, not shards', () => {
		expect(bottleneckOf({source: {rate_per_s: 2000, event_bytes: 1000}, stages: [kds(2, {consumers: 3}), redis]}, 2000)).toEqual({
			component: 'ingest',
			reason: "3 consumers share each shard's 2 MiB/s and 5 GetRecords/s; readers fall behind at 2,000 records/s",
			suggestion: 'use enhanced fan-out (consumer: efo: 2 MiB/s per consumer per shard), or fewer consumers per stream',
		});
	});
});

describe('a hot partition key', () => {
	test('country sends 40% ("US") to one of 20 shards: 1,200 of 3,000 records/s where a shard takes 1,000', () => {
		expect(bottleneckOf({source: {rate_per_s: 3000, keys: {...country, ...users}}, stages: [kds(20, {partition_key: 'country'}), redis]}, 3000)).toEqual({
			component: 'ingest',
			reason: 'partition key country sends 40% of records ("US") to one shard: 1,200 records/s where a shard takes 1,000',
			suggestion: 'partition key country sends 40% of records to one shard: key by user_id',
		});
	});

	test('with no better field among the keys, the advice is a random key or a random suffix', () => {
		expect(bottleneckOf({source: {rate_per_s: 3000, keys: country}, stages: [kds(20, {partition_key: 'country'}), redis]}, 3000)?.suggestion).toBe(
			'partition key country sends 40% of records to one shard: key by a random key (or add a random suffix to country)',
		);
	});

	test('an on-demand stream still puts one key on one shard: 8,000 of 20,000 records/s for "US"', () => {
		expect(bottleneckOf({source: {rate_per_s: 20_000, keys: country}, stages: [kds(4, {mode: 'on_demand', partition_key: 'country'}), redis]}, 20_000)?.reason).toBe(
			'partition key country sends 40% of records ("US") to one shard: 8,000 records/s where a shard takes 1,000',
		);
	});

	test('an on-demand stream above what it scales to in one step: pre-warm, or provisioned with enough shards', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 20_000}, stages: [kds(4, {mode: 'on_demand'}), {...redis, nodes: 2000}]}, 1e8);
		expect(verdict).toEqual({
			component: 'ingest',
			reason: 'an on-demand stream accepts twice its previous peak at once but needs up to 15 minutes to scale further; it started at 4,000 records/s and got 100,000,000/s',
			suggestion: 'before the launch, pre-warm it (warm throughput) or switch to provisioned with at least 100,000 shards',
		});
	});
});

describe('other stages that cannot keep up', () => {
	test('Firehose: 30,000 records/s of 200 B is 5.72 MiB/s against 5; ask for 20% more, rounded up', () => {
		expect(bottleneckOf({source: {rate_per_s: 30_000}, stages: [{id: 'f', kind: 'firehose'}, {id: 's3', kind: 'store', component: 's3'}]}, 30_000)).toEqual({
			component: 'f',
			reason: 'Firehose Direct PUT takes 5 MiB/s; 30,000 records/s of 200 B is 5.72 MiB/s',
			suggestion: 'request a Direct PUT quota of at least 7 MiB/s (throughput_mib_s), or write through Kinesis Data Streams',
		});
	});

	test('API Gateway throttles above 10,000/s; the fix is 1.2 × the load', () => {
		expect(bottleneckOf({source: {rate_per_s: 30_000}, stages: [{id: 'a', kind: 'api', component: 'api_gateway'}]}, 30_000)).toEqual({
			component: 'a',
			reason: 'api_gateway throttles above 10,000 requests/s (HTTP 429); the load is 30,000/s',
			suggestion: 'raise the throttle to at least 36,000 requests/s (rate_per_s; a quota increase for API Gateway), or send events in batches so one request carries many',
		});
	});

	test('one Redis node takes 100,000 writes/s; 150,000/s needs 2, or batching', () => {
		expect(bottleneckOf({source: {rate_per_s: 150_000}, stages: [kds(200), {...redis, nodes: 1}]}, 150_000)).toEqual({
			component: 'counters',
			reason: 'redis takes 100,000 write requests/s (1 node × 100,000/s); it gets 150,000/s',
			suggestion: 'needs at least 2 nodes for 150,000 writes/s; has 1; or batch writes (batch_size) / pre-aggregate upstream',
		});
	});

	test('DynamoDB with batches of 25: 150,000 records/s is 6,000 requests/s, 6 partitions (batching already on)', () => {
		expect(bottleneckOf({source: {rate_per_s: 150_000}, stages: [kds(200), {id: 't', kind: 'store', component: 'dynamodb', nodes: 2, batch_size: 25}]}, 150_000)).toEqual({
			component: 't',
			reason: 'dynamodb takes 2,000 write requests/s (2 partitions × 1,000/s); it gets 6,000/s',
			suggestion: 'needs at least 6 partitions for 6,000 writes/s; has 2',
		});
	});

	test('S3 takes 3,500 PUT/s per prefix: 8,000/s needs 3 prefixes', () => {
		expect(bottleneckOf({source: {rate_per_s: 8000}, stages: [kds(10), {id: 's3', kind: 'store', component: 's3'}]}, 8000)?.suggestion).toBe('spread objects over at least 3 prefixes (3,500 PUT/s each), or write fewer, larger objects');
	});

	test('a warehouse with no write limit that falls behind is named by its backlog growth', () => {
		expect(
			bottleneckOf({source: {rate_per_s: 8000}, stages: [kds(10), {id: 'sf', kind: 'warehouse', component: 'snowflake'}], slo: {latency_p99_ms: 1000}}, 8000, {failed: ['latency_p99_ms'], stages: {sf: {backlog_growth_per_s: 500}}}),
		).toEqual({component: 'sf', reason: 'snowflake falls behind: its backlog grows by 500 records/s', suggestion: 'give it more capacity (nodes or write_capacity_per_s), or batch and pre-aggregate upstream'});
	});

	test('a queue of 2 servers at 25 ms serves 80/s; 90/s needs 3', () => {
		expect(bottleneckOf({source: {rate_per_s: 90}, stages: [{id: 'q', kind: 'queue', servers: 2, service: {dist: 'exp', mean_ms: 25}}]}, 90)).toEqual({
			component: 'q',
			reason: '2 servers × 40 records/s = 80/s; the load is 90/s',
			suggestion: 'needs at least 3 servers for 90 records/s; has 2',
		});
	});
});

describe('more fixes with their numbers', () => {
	test('write_capacity_per_s 700 against 1,000 writes/s: one unit of 700, needs 2', () => {
		expect(bottleneckOf({source: {rate_per_s: 1}, stages: [{id: 'db', kind: 'store', component: 'postgres', write_capacity_per_s: 700}]}, 1000)?.reason).toBe('postgres takes 700 write requests/s (1 primary × 700/s); it gets 1,000/s');
	});

	test('a byte-quota store (OpenSearch, 2 data nodes of 10 MB/s) at 150,000 records/s of 200 B: needs 3', () => {
		expect(bottleneckOf({source: {rate_per_s: 1}, stages: [{id: 'os', kind: 'store', component: 'opensearch', nodes: 2}]}, 150_000)?.suggestion).toBe('needs at least 3 data nodes for 150,000 writes/s; has 2; or batch writes (batch_size) / pre-aggregate upstream');
		// write_capacity_per_s is one unit whatever the node count.
		expect(bottleneckOf({source: {rate_per_s: 1}, stages: [{id: 'db', kind: 'store', component: 'postgres', nodes: 2, write_capacity_per_s: 700}]}, 1000)?.reason).toBe('postgres takes 700 write requests/s (1 primary × 700/s); it gets 1,000/s');
	});

	test('a better field that is still uneven: key by it, or add a random suffix', () => {
		const keys = {...country, region: {kind: 'categorical', shares: {a: 0.5, b: 0.5}}};
		expect(bottleneckOf({source: {rate_per_s: 3000, keys}, stages: [kds(20, {partition_key: 'country'})]}, 3000)?.suggestion).toBe(
			'partition key country sends 40% of records to one shard: key by region (or add a random suffix to country)',
		);
	});

	test('"US" alone (1,200/s) is more than any shard takes: no shard count fixes it', () => {
		expect(bottleneckOf({source: {rate_per_s: 3000, keys: country}, stages: [kds(2, {partition_key: 'country'})]}, 3000)).toEqual({
			component: 'ingest',
			reason: '3,000 records/s of 200 B (the hottest shard gets 60%) is more than 2 shards take at 1,000 records/s per shard',
			suggestion: 'no shard count fixes partition key country: key by a field with many values, or add a random suffix',
		});
	});

	test('a skewed key with no single value too hot: enough shards that the hottest stays within 1,000/s', () => {
		const keys = {k: {kind: 'categorical', shares: {a: 0.3, b: 0.3, c: 0.2, d: 0.2}}};
		expect(bottleneckOf({source: {rate_per_s: 3000, keys}, stages: [kds(2, {partition_key: 'k'})]}, 3000)).toEqual({
			component: 'ingest',
			reason: '3,000 records/s of 200 B (the hottest shard gets 80%) is more than 2 shards take at 1,000 records/s per shard',
			suggestion: 'needs at least 11 shards for 3,000 records/s of 200 B; has 2',
		});
	});

	test('Kafka: a hot key names the partition, at 50,000 records/s per partition', () => {
		expect(bottleneckOf({source: {rate_per_s: 200_000, keys: country}, stages: [{id: 'ingest', kind: 'stream', component: 'kafka', shards: 20, partition_key: 'country'}]}, 200_000)).toEqual({
			component: 'ingest',
			reason: 'partition key country sends 40% of records ("US") to one partition: 80,000 records/s where a partition takes 50,000',
			suggestion: 'partition key country sends 40% of records to one partition: key by a random key (or add a random suffix to country)',
		});
	});

	test('Lambda behind a hot shard: the busiest shard brings 40% of 2,400 = 960/s against 476/s, so 3 at a time', () => {
		expect(bottleneckOf({source: {rate_per_s: 3000, keys: country}, stages: [kds(20, {partition_key: 'country'}), {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 2}]}, 2400)).toEqual({
			component: 'l',
			reason: "each shard's Lambda handles 476 records/s (1 batch at a time); the busiest shard brings 960/s",
			suggestion: 'set parallelization_factor to 3 (max 10), or raise batch_size to cut per-invocation overhead',
		});
	});

	test('a queue at exactly its capacity: falls behind although it should carry it', () => {
		expect(bottleneckOf({source: {rate_per_s: 1}, stages: [{id: 'q', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 10}}]}, 100)).toEqual({
			component: 'q',
			reason: 'q falls behind in this run although 1 servers × 100 records/s should carry 100/s: start-up, cold starts or batch overhead eat the margin',
			suggestion: 'add servers (at least 2) or cut per-batch overhead (overhead_ms, cold_start_ms)',
		});
	});
});

describe('compute that cannot keep up', () => {
	test('Lambda under concurrency 2: 8,000 records/s at 909/s per execution needs 9; ask for 1.2 × 9 = 11', () => {
		expect(bottleneckOf({source: {rate_per_s: 8000}, stages: [kds(10), {id: 'l', kind: 'compute', component: 'lambda', concurrency: 2, per_record_ms: 1}]}, 8000)).toEqual({
			component: 'l',
			reason: '8,000 records/s needs about 9 concurrent executions at 909 records/s each; the limit is 2',
			suggestion: 'raise the concurrency limit to at least 11 (an account quota increase), or raise batch_size so each invocation does more',
		});
	});

	test('Lambda at 625 records/s per shard (100 records in 160 ms) with 800/s per shard: parallelization_factor 2', () => {
		expect(bottleneckOf({source: {rate_per_s: 8000}, stages: [kds(10), {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 1.5}]}, 8000)).toEqual({
			component: 'l',
			reason: "each shard's Lambda handles 625 records/s (1 batch at a time); the busiest shard brings 800/s",
			suggestion: 'set parallelization_factor to 2 (max 10), or raise batch_size to cut per-invocation overhead',
		});
	});

	test('Lambda already at 10 batches per shard: more shards or cheaper records', () => {
		expect(bottleneckOf({source: {rate_per_s: 9000}, stages: [kds(10), {id: 'l', kind: 'compute', component: 'lambda', per_record_ms: 20, parallelization_factor: 10}]}, 9000)).toEqual({
			component: 'l',
			reason: 'even 10 batches at a time per shard handle only 498 records/s; the busiest shard brings 900/s',
			suggestion: 'add shards upstream, raise batch_size, or make each record cheaper (per_record_ms)',
		});
	});

	test('4 workers at 1,000/s against 9,000/s: needs 9, or autoscale; with autoscale max 5, needs 9 (no autoscale hint)', () => {
		expect(bottleneckOf({source: {rate_per_s: 9000}, stages: [pool(4)]}, 9000)).toEqual({
			component: 'w',
			reason: '4 workers × 1,000 records/s = 4,000/s; the load is 9,000/s',
			suggestion: 'needs at least 9 workers for 9,000 records/s; has 4 (or autoscale with a max above that)',
		});
		expect(bottleneckOf({source: {rate_per_s: 9000}, stages: [pool(4, {autoscale: {target_utilization: 0.7, max: 5}})]}, 9000)?.suggestion).toBe('needs at least 9 workers for 9,000 records/s; has 5');
	});

	test('a pool that should carry the load on paper but fell behind (3,900 of 4,000/s): start-up or overhead', () => {
		expect(bottleneckOf({source: {rate_per_s: 3900}, stages: [pool(4)], slo: {latency_p99_ms: 1000}}, 3900, {failed: ['latency_p99_ms'], stages: {w: {backlog_growth_per_s: 400}}})).toEqual({
			component: 'w',
			reason: 'w falls behind in this run although 4 workers × 1,000 records/s should carry 3,900/s: start-up, cold starts or batch overhead eat the margin',
			suggestion: 'add workers (at least 6) or cut per-batch overhead (overhead_ms, cold_start_ms)',
		});
	});
});

describe('which stage is named', () => {
	test('of two overloaded stages, the one with the smaller capacity (it breaks first)', () => {
		// Stream: 4 × 1,000 = 4,000/s. Pool: 2 × 1,000 = 2,000/s. At 5,000/s both are over; the pool is named.
		expect(bottleneckOf({source: {rate_per_s: 5000}, stages: [kds(4), pool(2), redis]}, 5000)?.component).toBe('w');
		expect(bottleneckOf({source: {rate_per_s: 5000}, stages: [kds(2), pool(4), redis]}, 5000)?.component).toBe('ingest');
	});

	test('a design within capacity that meets its SLO has no bottleneck, even if it throttled a few records', () => {
		const design = {source: {rate_per_s: 3000}, stages: [kds(4), redis], slo: {latency_p99_ms: 5000}};
		expect(bottleneckOf(design, 3000, {stages: {ingest: {throttled: 500}}})).toBeNull();
		// must fail: missing the SLO while throttling more than 0.1% of the records names the stream.
		expect(bottleneckOf(design, 3000, {failed: ['latency_p99_ms'], stages: {ingest: {throttled: 500}}})?.component).toBe('ingest');
	});

	test('refused writes count only above 0.1% of the records; lost or dropped ones always count', () => {
		const design = {source: {rate_per_s: 1000}, stages: [kds(4), pool(2), redis], slo: {latency_p99_ms: 5000}};
		const missed = ['latency_p99_ms'] as const;
		// 0.1% of 1,000 records/s is 1: a single refused record is not overload; 2 are.
		expect(bottleneckOf(design, 1000, {failed: missed, stages: {ingest: {throttled: 1}, w: {wait_p99_ms: 9000}}})?.component).toBe('w');
		expect(bottleneckOf(design, 1000, {failed: missed, stages: {ingest: {throttled: 2}, w: {wait_p99_ms: 9000}}})?.component).toBe('ingest');
		expect(bottleneckOf(design, 1000, {failed: missed, stages: {ingest: {lost: 1}, w: {wait_p99_ms: 9000}}})?.component).toBe('ingest');
		expect(bottleneckOf(design, 1000, {failed: missed, stages: {ingest: {dropped: 1}, w: {wait_p99_ms: 9000}}})?.component).toBe('ingest');
	});

	test('a growing backlog names a stage only near its capacity (above 90%) and above 5% of its load', () => {
		const missed = ['latency_p99_ms'] as const;
		const design = (rate: number) => ({source: {rate_per_s: rate}, stages: [kds(4), pool(2), redis], slo: {latency_p99_ms: 5000}});
		// The pool carries 2,000/s. At 1,900/s (95%) a backlog growing by 100/s (5.3%) is overload.
		expect(bottleneckOf(design(1900), 1900, {failed: missed, stages: {w: {backlog_growth_per_s: 100}}, latencyP99Ms: 9000})?.reason).toMatch(/^w falls behind in this run/);
		// At 5% exactly it is not; well inside capacity (50%) it comes from a schedule, so the slowest stage is named.
		expect(bottleneckOf(design(1900), 1900, {failed: missed, stages: {w: {backlog_growth_per_s: 95}, counters: {wait_p99_ms: 8000}}})?.component).toBe('counters');
		expect(bottleneckOf(design(1000), 1000, {failed: missed, stages: {w: {backlog_growth_per_s: 900}, counters: {wait_p99_ms: 8000}}})?.component).toBe('counters');
		expect(bottleneckOf(design(1810), 1810, {failed: missed, stages: {w: {backlog_growth_per_s: 900}}})?.component).toBe('w');
		expect(bottleneckOf(design(1790), 1790, {failed: missed, stages: {w: {backlog_growth_per_s: 900}, counters: {wait_p99_ms: 8000}}})?.component).toBe('counters');
	});

	test('a design that keeps up and meets its SLO has no bottleneck', () => {
		expect(bottleneckOf({source: {rate_per_s: 1000}, stages: [kds(2), redis], slo: {latency_p99_ms: 1000}}, 1000)).toBeNull();
	});

	test('the fix for one stage at the peak load, and none for a stage that does not exist', () => {
		expect(fixFor({source: {rate_per_s: 1000}, stages: [kds(2), redis]}, 5000, 'ingest')?.suggestion).toBe('needs at least 5 shards for 5,000 records/s of 200 B; has 2');
		expect(fixFor({source: {rate_per_s: 1000}, stages: [kds(2), redis]}, 5000, 'nope')).toBeUndefined();
	});
});

describe('a lost node is the cause', () => {
	test('a single Redis losing its node: name it, and the fix is a replica with failover', () => {
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis], injections: [{at_s: 60, kind: 'lose_node', stage: 'counters'}]}, 100)).toEqual({
			component: 'counters',
			reason: 'counters lost its only node at 60 s: writes wait from then on, so the data on screen stops moving',
			suggestion: 'add a replica with automatic failover (ElastiCache Multi-AZ), so a lost primary is replaced in seconds; counters can also be rebuilt from the stream',
		});
	});

	test('both Postgres nodes lost: every node, and a standby with failover', () => {
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), {id: 'db', kind: 'store', component: 'postgres', nodes: 2}], injections: [{at_s: 60, kind: 'lose_node', stage: 'db', count: 2}]}, 100)).toEqual({
			component: 'db',
			reason: 'db lost every node at 60 s: writes wait from then on, so the data on screen stops moving',
			suggestion: 'run postgres with a standby or replica and automatic failover (Multi-AZ), or spread it over several nodes',
		});
	});

	test('a stream losing every shard, and a pool losing its only worker, at the earliest loss', () => {
		const stream = bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis], injections: [{at_s: 45, kind: 'lose_node', stage: 'ingest'}, {at_s: 30, kind: 'lose_node', stage: 'ingest'}]}, 100);
		expect(stream).toEqual({component: 'ingest', reason: 'ingest lost every shard at 30 s: writes wait from then on, so the data on screen stops moving', suggestion: 'spread the work over more units so one failure leaves capacity, and alarm on the lost ones'});
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [pool(1)], injections: [{at_s: 30, kind: 'lose_node', stage: 'w'}]}, 100)?.reason).toBe('w lost every node at 30 s: writes wait from then on, so the data on screen stops moving');
	});

	test('a lost node that leaves capacity is not the cause of a design that keeps up', () => {
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), {...redis, nodes: 2}], injections: [{at_s: 60, kind: 'lose_node', stage: 'counters'}], slo: {latency_p99_ms: 1000}}, 100)).toBeNull();
	});
});

describe('too slow or too stale, while keeping up', () => {
	const dashboard = (extra: Record<string, unknown>) => ({id: 'dash', kind: 'dashboard', refresh_s: 30, query_ms: 100, ...extra});

	test('a 30 s Grafana refresh against a 10 s freshness target: refresh within 10 − 2 − 0.1 = 7.9 s', () => {
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis, dashboard({component: 'grafana'})], slo: {freshness_s: 10}}, 100, {failed: ['freshness_s'], latencyP99Ms: 2000})).toEqual({
			component: 'dash',
			reason: 'a 30 s refresh shows data up to 32 s old (pipeline p99 2 s); target 10 s',
			suggestion: 'refresh every 7.9 s or less (Grafana allows 5 s)',
		});
	});

	test('Grafana cannot refresh faster than 5 s, so a tight target asks for 5 s, not less', () => {
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis, dashboard({component: 'grafana', refresh_s: 5, query_ms: 0})], slo: {freshness_s: 4}}, 100, {failed: ['freshness_s'], latencyP99Ms: 1000})).toEqual({
			component: 'dash',
			reason: 'a 5 s refresh shows data up to 6 s old (pipeline p99 1 s); target 4 s',
			suggestion: 'refresh every 5 s or less (Grafana allows 5 s)',
		});
	});

	test('a custom 9 s refresh with 2 s of pipeline against 10 s: refresh every 8 s', () => {
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis, dashboard({refresh_s: 9, query_ms: 0})], slo: {freshness_s: 10}}, 100, {failed: ['freshness_s'], latencyP99Ms: 2000})?.suggestion).toBe('refresh every 8 s or less');
	});

	test('when the pipeline itself takes longer than the refresh, the slowest stage is named instead', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis, dashboard({refresh_s: 1, query_ms: 0})], slo: {freshness_s: 5}}, 100, {failed: ['freshness_s'], latencyP99Ms: 2500, stages: {ingest: {wait_p99_ms: 2000}, counters: {wait_p99_ms: 1}}});
		expect(verdict).toEqual({
			component: 'ingest',
			reason: 'ingest holds records up to 2 s (p99), the largest delay in the pipeline; freshness target 5 s',
			suggestion: 'consumers poll each shard every 1 s: use enhanced fan-out (consumer: efo, ~70 ms) or poll_interval_s 0.2',
		});
		// No room at all (the pipeline alone exceeds the target): the refresh is not the fix either.
		expect(bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis, dashboard({refresh_s: 30, query_ms: 0})], slo: {freshness_s: 5}}, 100, {failed: ['freshness_s'], latencyP99Ms: 6000, stages: {ingest: {wait_p99_ms: 6000}}})?.component).toBe('ingest');
	});

	test('a latency miss names the stage with the largest p99 wait, even with a stale dashboard', () => {
		const verdict = bottleneckOf({source: {rate_per_s: 100}, stages: [kds(2), redis, dashboard({})], slo: {freshness_s: 10, latency_p99_ms: 500}}, 100, {failed: ['freshness_s', 'latency_p99_ms'], latencyP99Ms: 2000, stages: {ingest: {wait_p99_ms: 300}, counters: {wait_p99_ms: 1500}}});
		expect(verdict?.component).toBe('counters');
		expect(verdict?.reason).toBe('counters holds records up to 1.5 s (p99), the largest delay in the pipeline; latency target p99 500 ms');
		expect(verdict?.suggestion).toBe('redis is slow for this path: serve the live view from a cache (Redis) and load the warehouse behind it');
	});

	test('Firehose holding records for its buffer: zero buffering, with the fill time at this rate', () => {
		// 5 MiB at 1,000 records/s × 200 B = 200 KB/s fills in 26.2 s.
		expect(bottleneckOf({source: {rate_per_s: 1000}, stages: [{id: 'f', kind: 'firehose'}, {id: 's3', kind: 'store', component: 's3'}], slo: {latency_p99_ms: 1000}}, 1000, {failed: ['latency_p99_ms'], stages: {f: {wait_p99_ms: 300_000}}})?.suggestion).toBe(
			'buffer_interval_s 300 holds data until the interval or the 5 MiB buffer (26.2 s to fill at this rate) triggers delivery: set buffer_interval_s to 0 (zero buffering) or a few seconds, or use Kinesis Data Streams → Lambda for second-level freshness',
		);
	});

	test('nothing delivered in the window: run longer', () => {
		expect(bottleneckOf({source: {rate_per_s: 1000}, stages: [kds(2), redis], slo: {latency_p99_ms: 1000}}, 1000, {failed: ['latency_p99_ms'], stages: {ingest: {wait_p99_ms: Number.NaN}, counters: {wait_p99_ms: Number.POSITIVE_INFINITY}}})).toEqual({
			component: 'ingest',
			reason: 'nothing was delivered inside the measurement window',
			suggestion: 'run longer (--duration) or check the stages for a stall',
		});
	});

	describe('the fix names the knob that holds records', () => {
		const slowAt = (stage: Record<string, unknown>, before: unknown[] = []) => {
			const stages = [...before, stage, {id: 'end', kind: 'store', component: 'redis'}];
			return bottleneckOf({source: {rate_per_s: 10}, stages, slo: {latency_p99_ms: 100}}, 10, {failed: ['latency_p99_ms'], stages: {[stage['id'] as string]: {wait_p99_ms: 60_000}}})?.suggestion;
		};
		test('streams: EFO consumers are not the slow part; polling ones wait for their interval', () => {
			expect(slowAt(kds(2, {consumer: 'efo'}))).toBe('the stream is not the slow part: look at the consumer');
			expect(slowAt(kds(2, {poll_interval_s: 3}))).toBe('consumers poll each shard every 3 s: use enhanced fan-out (consumer: efo, ~70 ms) or poll_interval_s 0.2');
		});
		test('compute: windows, batching windows, schedules, micro-batches, and plain queueing', () => {
			const fn = (extra: Record<string, unknown>) => ({id: 'c', kind: 'compute', component: 'lambda', per_record_ms: 1, ...extra});
			expect(slowAt(fn({window_s: 60}))).toBe('window_s 60 holds results until each window closes: use a shorter window');
			expect(slowAt(fn({batching_window_s: 5}))).toBe('batching_window_s 5 waits to fill batches: lower it (0 invokes as soon as records arrive)');
			expect(slowAt(fn({trigger_s: 60, component: 'worker_pool'}))).toBe('c runs every 60 s (trigger_s), so records wait up to that long: run it more often, or process the data as a stream (Flink, Spark Structured Streaming)');
			expect(slowAt(fn({trigger_s: 59, component: 'glue'}))).toBe('each micro-batch waits for its trigger (59 s) and runs over everything queued: shorten trigger_s, add cores, or use Flink for per-record latency');
			expect(slowAt(fn({component: 'spark_structured_streaming'}))).toBe('each micro-batch waits for its trigger (0 s) and runs over everything queued: shorten trigger_s, add cores, or use Flink for per-record latency');
			expect(slowAt(fn({}))).toBe('add concurrency so batches do not queue, or cut per-batch overhead');
		});
		test('stores: Snowpipe, batch loads, and the rest', () => {
			expect(slowAt({id: 'sp', kind: 'warehouse', component: 'snowpipe'})).toBe('Snowpipe loads files within minutes: use Snowpipe Streaming (5–10 s) or a cache for the live view');
			expect(slowAt({id: 'rs', kind: 'warehouse', component: 'redshift', load_interval_s: 300})).toBe('load_interval_s 300 batches loads: load more often or stream into the store');
		});
		test('a queueing station', () => {
			expect(slowAt({id: 'q', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 1}})).toBe("shorten this stage's delay");
		});
	});
});

describe('counts in the wording: singular for one, plurals spelled right, thousands grouped', () => {
	test('Postgres at 1,000 writes/s of 700 per primary: "needs at least 2 primaries", not "2 primarys"', () => {
		// ceil(1,000 / 700) = 2 primaries.
		expect(bottleneckOf({source: {rate_per_s: 1}, stages: [{id: 'db', kind: 'store', component: 'postgres', write_capacity_per_s: 700}]}, 1000)?.suggestion).toBe(
			'needs at least 2 primaries for 1,000 writes/s; has 1; or batch writes (batch_size) / pre-aggregate upstream',
		);
	});

	test('one shard at 1,500 records/s: "1 shard takes", not "1 shards take"', () => {
		expect(bottleneckOf({source: {rate_per_s: 1500}, stages: [kds(1), redis]}, 1500)?.reason).toBe('1,500 records/s of 200 B is more than 1 shard takes at 1,000 records/s per shard');
	});

	test('a stream needing more than 999 shards groups thousands: 1,500,000 records/s on 4 shards needs 1,500', () => {
		// 1.5M records/s ÷ 1,000 per shard = 1,500 shards.
		expect(bottleneckOf({source: {rate_per_s: 1}, stages: [kds(4), redis]}, 1_500_000)?.suggestion).toBe('needs at least 1,500 shards for 1,500,000 records/s of 200 B; has 4');
	});
});
