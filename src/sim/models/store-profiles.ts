/**
Per-component defaults for stores, caches and warehouses: write requests per
second per node (partition, prefix), a latency distribution, and for batch
loaders the load cadence. Every figure comes from the catalogue; a model's own
`write_capacity_per_s`, `latency` or `load_interval_s` overrides it.
*/
import type {Distribution} from '../../scenarios/model-schema.js';
import {stores} from '../catalogue.js';

/** Defaults for one store component. */
export type StoreProfile = {
	/** Write requests per second per node; Infinity when the service scales on its own. */
	readonly perNode: number;
	/** Capacity when the model gives no node count (a table's default quota), if different from one node. */
	readonly defaultTotal?: number;
	readonly latency: Distribution;
	readonly loadIntervalS?: number;
	/** The catalogue fact behind `perNode`, in words, for suggestions. */
	readonly unit: string;
	/** For a byte quota (indexing, streaming ingestion): bytes/s per node; `perNode` is that in records, and batching does not change it. */
	readonly bytesPerNode?: number;
};

const lognormal = (mean_ms: number, p99_ms: number): Distribution => ({dist: 'lognormal', mean_ms, p99_ms});

/** The defaults for `component`, for records of `recordBytes` bytes. */
export function storeProfile(component: string, recordBytes: number): StoreProfile {
	switch (component) {
		case 'redis':
			return {perNode: stores.redisOpsPerNode.value, latency: lognormal(stores.redisLatencyMs.value, 2 * stores.redisLatencyMs.value), unit: 'node'};
		case 'memcached':
			return {perNode: stores.memcachedOpsPerNode.value, latency: lognormal(0.5, 1), unit: 'node'};
		case 'dynamodb': {
			const unitsPerWrite = Math.max(1, Math.ceil(recordBytes / stores.dynamoWcuBytes.value));
			return {
				perNode: stores.dynamoWcuPerPartition.value / unitsPerWrite,
				defaultTotal: stores.dynamoTableWcu.value / unitsPerWrite,
				latency: lognormal(stores.dynamoLatencyMs.value, 3 * stores.dynamoLatencyMs.value),
				unit: 'partition',
			};
		}
		case 's3':
			return {perNode: stores.s3PutsPerPrefix.value, latency: lognormal(stores.s3LatencyMs.value, 5 * stores.s3LatencyMs.value), unit: 'prefix'};
		case 'postgres':
			return {perNode: stores.postgresWritesPerNode.value, latency: lognormal(stores.postgresLatencyMs.value, 3 * stores.postgresLatencyMs.value), unit: 'primary'};
		case 'opensearch':
			return {
				perNode: stores.opensearchBytesPerNode.value / recordBytes,
				bytesPerNode: stores.opensearchBytesPerNode.value,
				latency: lognormal(20, 100),
				loadIntervalS: stores.opensearchRefresh.value,
				unit: 'data node',
			};
		case 'redshift':
			return {perNode: stores.redshiftStreamingBytes.value / recordBytes, bytesPerNode: stores.redshiftStreamingBytes.value, latency: lognormal(5000, 15_000), unit: 'cluster'};
		case 'snowpipe':
			return {perNode: Number.POSITIVE_INFINITY, latency: lognormal(stores.snowpipeLatency.value * 1000, 3 * stores.snowpipeLatency.value * 1000), unit: 'pipe'};
		case 'snowpipe_streaming':
			return {
				perNode: stores.snowpipeStreamingBytes.value / recordBytes,
				bytesPerNode: stores.snowpipeStreamingBytes.value,
				latency: lognormal(stores.snowpipeStreamingLatency.value * 1000, 10_000),
				unit: 'table',
			};
		case 'athena':
			return {perNode: Number.POSITIVE_INFINITY, latency: lognormal(stores.athenaQueryLatency.value * 1000, 3 * stores.athenaQueryLatency.value * 1000), unit: 'workgroup'};
		default:
			// Snowflake and anything else the schema allows: capacity is the warehouse size, a workload question.
			return {perNode: Number.POSITIVE_INFINITY, latency: lognormal(2000, 6000), unit: 'warehouse'};
	}
}
