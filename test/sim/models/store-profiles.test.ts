/**
Each store component's defaults, from the catalogue: the write rate per node the
capacity shows ("1 node × 100,000/s"), the word for a node in its advice, and
the latency a write takes when the model gives none.
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../../src/sim/analysis/capacity.js';
import {storeProfile} from '../../../src/sim/models/store-profiles.js';
import {parseModel} from '../helpers/pipeline-models.js';

const lognormal = (mean_ms: number, p99_ms: number) => ({dist: 'lognormal', mean_ms, p99_ms});

describe('store profiles', () => {
	test('per-node write rates, node words and latencies (mean, p99 in ms) for 200-byte records', () => {
		// Catalogue: Redis 100,000 ops/s at 0.5 ms (p99 2×); Memcached 200,000 at 0.5/1 ms; S3 3,500 PUTs per prefix at
		// 40 ms (p99 5×); Postgres 5,000 commits at 3 ms (p99 3×); a 200-byte DynamoDB write is one 1 KB unit: 1,000 per
		// partition and the table's default 40,000, 5 ms (p99 3×).
		expect(storeProfile('redis', 200)).toEqual({perNode: 100_000, latency: lognormal(0.5, 1), unit: 'node'});
		expect(storeProfile('memcached', 200)).toEqual({perNode: 200_000, latency: lognormal(0.5, 1), unit: 'node'});
		expect(storeProfile('s3', 200)).toEqual({perNode: 3500, latency: lognormal(40, 200), unit: 'prefix'});
		expect(storeProfile('postgres', 200)).toEqual({perNode: 5000, latency: lognormal(3, 9), unit: 'primary'});
		expect(storeProfile('dynamodb', 200)).toEqual({perNode: 1000, defaultTotal: 40_000, latency: lognormal(5, 15), unit: 'partition'});
	});

	test('DynamoDB bills a 2,500-byte write as 3 units of 1 KB: a partition takes 1,000 / 3 writes/s and the table 40,000 / 3', () => {
		// ⌈2500 / 1024⌉ = 3; exactly 1,024 bytes is still one unit, 1,025 two.
		expect(storeProfile('dynamodb', 2500)).toMatchObject({perNode: 1000 / 3, defaultTotal: 40_000 / 3});
		expect(storeProfile('dynamodb', 1024).perNode).toBe(1000);
		expect(storeProfile('dynamodb', 1025).perNode).toBe(500);
		// On paper: 2 partitions × 1,000/3.
		const table = parseModel({source: {rate_per_s: 100, event_bytes: 2500}, stages: [{id: 'table', kind: 'store', component: 'dynamodb', nodes: 2}]});
		expect(analyseCapacity(table).maxLoadPerS).toBeCloseTo(2000 / 3, 6);
	});

	test('byte quotas: OpenSearch indexes 10 MB/s per data node (50,000 records/s of 200 B), searchable after 1 s; Redshift streams 100 MB/s per cluster; Snowpipe Streaming 10 GB/s per table', () => {
		expect(storeProfile('opensearch', 200)).toEqual({perNode: 50_000, bytesPerNode: 10_000_000, latency: lognormal(20, 100), loadIntervalS: 1, unit: 'data node'});
		expect(storeProfile('redshift', 200)).toEqual({perNode: 500_000, bytesPerNode: 100_000_000, latency: lognormal(5000, 15_000), unit: 'cluster'});
		// Snowpipe Streaming: 7 s ingest-to-query, p99 10 s.
		expect(storeProfile('snowpipe_streaming', 200)).toEqual({perNode: 50_000_000, bytesPerNode: 10_000_000_000, latency: lognormal(7000, 10_000), unit: 'table'});
	});

	test('services that scale on their own have no write limit, only a latency: Snowpipe 60 s (p99 3×), Athena 2 s (p99 3×), Snowflake 2 s (p99 6 s)', () => {
		expect(storeProfile('snowpipe', 200)).toEqual({perNode: Number.POSITIVE_INFINITY, latency: lognormal(60_000, 180_000), unit: 'pipe'});
		expect(storeProfile('athena', 200)).toEqual({perNode: Number.POSITIVE_INFINITY, latency: lognormal(2000, 6000), unit: 'workgroup'});
		expect(storeProfile('snowflake', 200)).toEqual({perNode: Number.POSITIVE_INFINITY, latency: lognormal(2000, 6000), unit: 'warehouse'});
	});
});
