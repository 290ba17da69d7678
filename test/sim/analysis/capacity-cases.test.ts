/**
Capacity on paper for the cases test/sim/analysis/capacity.test.ts leaves out: a
store that fails over to replicas (its capacity comes back), a collector fleet, what
shares a store's write capacity (a hash ring's fullest node, reads on the primaries),
KPL aggregation, and a lost node on a stage that has no nodes to lose. Each figure
is worked out from the catalogue's limits in the comment above it.
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../../src/sim/analysis/capacity.js';
import {parseModel} from '../helpers/model-file.js';

const only = (raw: unknown, id?: string) => {
	const report = analyseCapacity(parseModel(raw));
	return id === undefined ? report.stages[0]! : report.stages.find((stage) => stage.id === id)!;
};
const lose = (stage: string, count = 1, at = 30) => ({at_s: at, kind: 'lose_node', stage, count});

describe('a store that fails over to a replica keeps its capacity', () => {
	test('2 Redis nodes with a replica each lose 2 primaries: both replaced, 2 × 100,000 writes/s stay', () => {
		const redis = only({source: {rate_per_s: 100}, stages: [{id: 'r', kind: 'cache', component: 'redis', nodes: 2, read_replicas: 1}], injections: [lose('r', 1, 45), lose('r', 1, 30)]});
		expect(redis.maxLoadPerS).toBe(200_000);
		// The failover time is replicas.failover (30 s, [U]) unless failover_s says otherwise.
		expect(redis.limit).toBe('200,000 write requests/s (2 nodes × 100,000/s) (2 primary nodes lost at 30 s, a replica promoted after 30 s)');
	});

	test('a lost Postgres primary and a Redshift cluster with replicas say their own failover_s', () => {
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'pg', kind: 'store', component: 'postgres', write_capacity_per_s: 700, read_replicas: 1, failover_s: 12}], injections: [lose('pg')]}).limit).toBe(
			'700 write requests/s (write_capacity_per_s) (1 primary node lost at 30 s, a replica promoted after 12 s)',
		);
		const redshift = only({source: {rate_per_s: 100}, stages: [{id: 'rs', kind: 'warehouse', component: 'redshift', read_replicas: 1}], injections: [lose('rs')]});
		expect(redshift.maxLoadPerS).toBe(500_000);
		expect(redshift.limit).toMatch(/\(1 primary node lost at 30 s, a replica promoted after 30 s\)$/);
	});

	test('more primaries lost than replicas to promote (3 of 2 × 1): nothing left', () => {
		const redis = only({source: {rate_per_s: 100}, stages: [{id: 'r', kind: 'cache', component: 'redis', nodes: 2, read_replicas: 1}], injections: [lose('r', 3)]});
		expect(redis.maxLoadPerS).toBe(0);
		expect(redis.limit).toBe('nothing left: 2 of 2 nodes lost at 30 s');
		// Without replicas, one lost node of 2 halves the capacity.
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'r', kind: 'cache', component: 'redis', nodes: 2}], injections: [lose('r')]}).maxLoadPerS).toBe(100_000);
	});
});

describe('a lost node where there are no nodes to lose', () => {
	test('Firehose and a queueing station keep their capacity and say nothing of a loss', () => {
		const firehose = only({source: {rate_per_s: 100}, stages: [{id: 'f', kind: 'firehose'}], injections: [lose('f')]});
		expect(firehose.limit).toBe('Direct PUT quota 5 MiB/s = 26,214 records/s of 200 B');
		const queue = only({source: {rate_per_s: 100}, stages: [{id: 'q', kind: 'queue', servers: 2, service: {dist: 'exp', mean_ms: 25}}], injections: [lose('q')]});
		expect(queue.limit).toBe('2 servers × 40 customers/s');
		expect(queue.maxLoadPerS).toBe(80);
	});
});

describe('a collector fleet: max instances × 2,000 requests/s (collector.instanceRate [U])', () => {
	test('auto-scaling from 2 to 5 instances: 10,000 requests/s at the max', () => {
		const fleet = only({source: {rate_per_s: 100}, stages: [{id: 'c', kind: 'collector', min_instances: 2, max_instances: 5}]});
		expect(fleet.maxLoadPerS).toBe(10_000);
		expect(fleet.limit).toBe('5 instances (auto-scaling max) × 2,000 requests/s');
		expect(fleet.service).toEqual({units: 5, perUnit: 2000, unitName: 'instances', recordsPerRequest: 1});
	});

	test('a fixed fleet of 3 at 500 requests/s each: 1,500/s, no scaling; a max below the min is the min', () => {
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'c', kind: 'collector', min_instances: 3, instance_rate_per_s: 500}]})).toMatchObject({maxLoadPerS: 1500, limit: '3 instances × 500 requests/s'});
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'c', kind: 'collector', min_instances: 3, max_instances: 1}]})).toMatchObject({maxLoadPerS: 6000, limit: '3 instances × 2,000 requests/s'});
	});
});

describe("what shares a store's write capacity", () => {
	test('reads on Postgres primaries: 1,000 − 200 / (1 + 1 replica) = 900 writes/s', () => {
		const pg = only({source: {rate_per_s: 100}, stages: [{id: 'pg', kind: 'store', component: 'postgres', write_capacity_per_s: 1000, reads_per_s: 200, read_replicas: 1}]});
		expect(pg.maxLoadPerS).toBe(900);
		expect(pg.limit).toBe('900 write requests/s (write_capacity_per_s; minus 100 reads/s on the primaries (200 spread over primary + 1 replica))');
		// With no replica the primary serves all 200: 800 left.
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'pg', kind: 'store', component: 'postgres', write_capacity_per_s: 1000, reads_per_s: 200}]}).limit).toBe('800 write requests/s (write_capacity_per_s; minus 200 reads/s on the primaries)');
	});

	test('reads on 2 Redis nodes: 200,000 − 50,000 = 150,000 writes/s; DynamoDB serves reads from separate capacity', () => {
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'r', kind: 'cache', component: 'redis', nodes: 2, reads_per_s: 50_000}]}).limit).toBe('150,000 write requests/s (2 nodes × 100,000/s; minus 50,000 reads/s on the primaries)');
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'd', kind: 'store', component: 'dynamodb', nodes: 2, reads_per_s: 500}]}).limit).toBe('2,000 write requests/s (2 partitions × 1,000/s)');
	});

	test("a hash ring's fullest node binds: 4 Redis nodes carry 400,000 × (1/4) / its share, and the limit names that share", () => {
		const ring = only({source: {rate_per_s: 100}, stages: [{id: 'r', kind: 'cache', component: 'redis', nodes: 4, hashing: 'ring'}]});
		const share = Number(/the ring gives its fullest node ([\d.]+)% of keys, not 25%\)$/.exec(ring.limit)?.[1]) / 100;
		expect(share).toBeGreaterThan(0.25);
		// The fullest node gets share × the writes, so the ring fills when that reaches 100,000/s.
		expect(Math.abs(ring.maxLoadPerS! * share - 100_000) / 100_000).toBeLessThan(0.005);
		expect(ring.limit).toMatch(/^[\d,]+ write requests\/s \(4 nodes × 100,000\/s; the ring gives its fullest node/);
		// One node on a ring is the whole ring; hash mod N spreads evenly.
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'r', kind: 'cache', component: 'redis', nodes: 1, hashing: 'ring'}]}).limit).toBe('100,000 write requests/s (1 node × 100,000/s)');
		expect(only({source: {rate_per_s: 100}, stages: [{id: 'r', kind: 'cache', component: 'redis', nodes: 4, hashing: 'mod'}]}).limit).toBe('400,000 write requests/s (4 nodes × 100,000/s)');
	});

	test('a ring and reads together: both named, the ring first', () => {
		const both = only({source: {rate_per_s: 100}, stages: [{id: 'r', kind: 'cache', component: 'redis', nodes: 4, hashing: 'ring', reads_per_s: 10_000}]});
		expect(both.limit).toMatch(/; the ring gives its fullest node [\d.]+% of keys, not 25%; minus 10,000 reads\/s on the primaries\)$/);
	});
});

describe('KPL aggregation packs records, so bytes bind', () => {
	test('200 B records packed 256 to a 51,200 B Kinesis record: 1 MiB/s = 5,243 records/s per shard, not 1,000', () => {
		// Records: 1,000 × 256 = 256,000/s > bytes: 1,048,576 / 200 = 5,242.88/s. 10 shards: 52,428.8/s.
		const ingest = only({source: {rate_per_s: 100}, stages: [{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 10, aggregation: true}]});
		expect(ingest.maxLoadPerS).toBeCloseTo(52_428.8, 6);
		expect(ingest.stream?.boundBy).toBe('bytes');
		expect(ingest.limit).toBe('10 shards × 1 MiB/s per shard (5,243 records/s of 200 B)');
		// Reads: 2 MiB/s / 200 B = 10,485.76 records/s per shard, against 5 GetRecords × 10,000 Kinesis records × 256.
		expect(ingest.stream?.readPerShardRecords).toBeCloseTo(10_485.76, 6);
	});

	test('with 3 polling consumers on packed records, bytes still bind the reads: 10,485.76 / 3 per shard', () => {
		const ingest = only({source: {rate_per_s: 100, event_bytes: 20}, stages: [{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards: 1, aggregation: true, consumers: 3}]});
		// 20 B records: 2,560 packed per record; reads min(2 MiB/s / 20 = 104,857.6, 5 × 10,000 × 2,560) / 3 = 34,952.5.
		expect(ingest.stream?.readPerShardRecords).toBeCloseTo(104_857.6 / 3, 6);
		// Writes: min(1,000 × 2,560, 1 MiB/s / 20 = 52,428.8): bytes.
		expect(ingest.stream?.perShardRecords).toBeCloseTo(52_428.8, 6);
	});
});
