/**
Each stage's capacity from its documented limits, in source events per second,
and the maximum load the pipeline sustains: the smallest of them.

Worked out on paper, not by simulation, the way a data engineer sizes a design:
a stream takes min(1,000 records, 1 MiB) per second per shard, but a skewed
partition key fills its hottest shard first, so the stream's capacity is that
shard's limit divided by the hottest shard's share; a Lambda on a stream runs
`parallelization_factor` batches per shard; a pool runs `concurrency` units at
batch / (overhead + batch × per-record cost); a store serves its nodes × the
per-node rate. Aggregations upstream shrink what later stages see.
*/
import type {Model, Stage as StageSpec} from '../../scenarios/model-schema.js';
import {files, firehose, kafka, kinesis, lambda, replicas, spark} from '../catalogue.js';
import {apiLimits} from '../models/api.js';
import {collectorSettings} from '../models/collector.js';
import {declaredShards, planPipeline, storeSettings, type ComputeSettings, type PlannedStage, type StoreSettings} from '../models/plan.js';
import {hottest, keyLayout, nodeLayout} from '../models/routing.js';
import {storeProfile} from '../models/store-profiles.js';
import {hashingOf, READS_SHARE_CAPACITY, writeCapacity} from '../models/store.js';
import {recordsPerKinesisRecord} from '../models/stream.js';
import {counted, fmt as formatNumber, pct} from '../numbers.js';

/** What limits one stage, with the numbers a suggestion needs. */
export type StageCapacityInfo = {
	readonly id: string;
	readonly kind: string;
	readonly component: string;
	/** Source events per second the stage sustains; null when nothing in the catalogue limits it. */
	readonly maxLoadPerS: number | null;
	/** The limit in words. */
	readonly limit: string;
	/** Records entering this stage per source event (after upstream filters and aggregations). */
	readonly recordsPerEvent: number;
	/** Bytes per record entering this stage. */
	readonly recordBytes: number;
	/** For streams: shards, the hottest shard's share, the per-shard record limit and the top key. */
	readonly stream?: {
		readonly shards: number;
		readonly hottestShare: number;
		readonly perShardRecords: number;
		readonly boundBy: 'records' | 'bytes';
		readonly topKey?: {readonly value: string; readonly share: number};
		readonly readPerShardRecords: number;
	};
	/** For compute: units in parallel and each unit's records per second. */
	readonly compute?: {readonly units: number; readonly perUnitRecords: number; readonly unitName: string; readonly perShardRecords?: number; readonly upstreamHottestShare?: number};
	/** For stores and APIs: units and each one's rate. */
	readonly service?: {readonly units: number; readonly perUnit: number; readonly unitName: string; readonly recordsPerRequest: number};
};

/** The pipeline's capacity. */
export type CapacityReport = {
	readonly stages: StageCapacityInfo[];
	/** Source events per second the whole pipeline sustains; null when unlimited. */
	readonly maxLoadPerS: number | null;
	/** The stage with the smallest capacity (the first to break as load grows). */
	readonly limitedBy: string | null;
};

/** A stage's units after the model's lose_node injections: what is left, and the words for it. */
type Loss = {readonly left: number; readonly says: string};

/**
The stages as they are after every lose_node injection (fewer shards, nodes or
workers), since the capacity that is left is the one that binds.
*/
function afterLosses(model: Model): {stages: StageSpec[]; losses: Map<string, Loss>} {
	const losses = new Map<string, Loss>();
	const stages = model.stages.map((spec) => {
		const lost = model.injections.filter((injection) => injection.kind === 'lose_node' && injection.stage === spec.id);
		if (lost.length === 0) return spec;
		const count = lost.reduce((sum, injection) => sum + (injection.count ?? 1), 0);
		const at = Math.min(...lost.map((injection) => injection.at_s));
		if (spec.kind === 'stream') {
			const shards = declaredShards(spec);
			const left = Math.max(0, shards - count);
			losses.set(spec.id, {left, says: `${shards - left} of ${shards} lost at ${fmt(at)} s`});
			return {...spec, shards: Math.max(1, left)};
		}
		const store = spec.kind === 'store' || spec.kind === 'cache' || spec.kind === 'warehouse' ? storeSettings(spec) : undefined;
		if (store && store.readReplicas * store.nodes >= count) {
			// A replica is promoted for each lost primary: the capacity comes back after the failover.
			losses.set(spec.id, {left: store.nodes, says: `${counted(count, 'primary node')} lost at ${fmt(at)} s, a replica promoted after ${fmt(store.failoverS)} s`});
			return spec;
		}
		if (store && (spec.kind === 'store' || spec.kind === 'cache' || spec.kind === 'warehouse')) {
			const nodes = store.nodes;
			const left = Math.max(0, nodes - count);
			losses.set(spec.id, {left, says: `${nodes - left} of ${counted(nodes, 'node')} lost at ${fmt(at)} s`});
			const scaled = spec.write_capacity_per_s !== undefined ? {write_capacity_per_s: (spec.write_capacity_per_s * Math.max(left, 1)) / nodes} : {};
			return {...spec, nodes: Math.max(1, left), ...scaled};
		}
		if (spec.kind === 'compute' && spec.concurrency !== undefined) {
			const left = Math.max(0, spec.concurrency - count);
			losses.set(spec.id, {left, says: `${spec.concurrency - left} of ${spec.concurrency} lost at ${fmt(at)} s`});
			return {...spec, concurrency: Math.max(1, left)};
		}
		return spec;
	});
	return {stages, losses};
}

/** Works out each stage's capacity and the pipeline's (after any lost shards, nodes or workers). */
export function analyseCapacity(model: Model): CapacityReport {
	const {stages: effective, losses} = afterLosses(model);
	const plan = planPipeline({...model, stages: effective});
	const stages: StageCapacityInfo[] = plan.chain.map((planned) => {
		const info = stageCapacity(planned, plan.chain[planned.index - 1], model);
		const loss = losses.get(planned.spec.id);
		return !loss ? info : loss.left === 0 ? {...info, maxLoadPerS: 0, limit: `nothing left: ${loss.says}`} : {...info, limit: `${info.limit} (${loss.says})`};
	});
	let limitedBy: string | null = null;
	let maxLoadPerS: number | null = null;
	for (const stage of stages) {
		if (stage.maxLoadPerS === null) continue;
		if (maxLoadPerS === null || stage.maxLoadPerS < maxLoadPerS) {
			maxLoadPerS = stage.maxLoadPerS;
			limitedBy = stage.id;
		}
	}
	return {stages, maxLoadPerS, limitedBy};
}

function stageCapacity(planned: PlannedStage, previousPlan: PlannedStage | undefined, model: Model): StageCapacityInfo {
	const {spec, recordsPerEvent, recordBytes} = planned;
	const previous = previousPlan?.spec;
	const base = {id: spec.id, kind: spec.kind, component: 'component' in spec ? spec.component : spec.kind, recordsPerEvent, recordBytes};
	const perEvent = (records: number): number | null => (Number.isFinite(records) && recordsPerEvent > 0 ? records / recordsPerEvent : null);
	switch (spec.kind) {
		case 'stream':
			return streamCapacity(spec, planned.kind === 'stream' ? planned.shards : declaredShards(spec), base, perEvent, model);
		case 'firehose': {
			const bytes = planned.kind === 'firehose' ? planned.quotaBytesPerS : 0;
			const records = Math.min(bytes / recordBytes, firehose.directPutRecords.value);
			const byBytes = bytes / recordBytes < firehose.directPutRecords.value;
			return {...base, maxLoadPerS: perEvent(records), limit: byBytes ? `Direct PUT quota ${fmt(bytes / 2 ** 20)} MiB/s = ${fmt(records)} records/s of ${fmt(recordBytes)} B` : `Direct PUT quota ${fmt(firehose.directPutRecords.value)} records/s`};
		}
		case 'compute':
			return computeCapacity(spec, (planned as PlannedStage & {kind: 'compute'}).settings, previousPlan, base, perEvent, model);
		case 'queue': {
			const mean = spec.service.dist === 'empirical' ? spec.service.values_ms.reduce((sum, value) => sum + value, 0) / spec.service.values_ms.length : spec.service.mean_ms;
			const perUnit = 1000 / mean;
			return {...base, maxLoadPerS: perEvent(spec.servers * perUnit), limit: `${counted(spec.servers, 'server')} × ${fmt(perUnit)} customers/s`, compute: {units: spec.servers, perUnitRecords: perUnit, unitName: 'servers'}};
		}
		case 'api': {
			const {rate, burst} = apiLimits({component: spec.component, ratePerS: spec.rate_per_s, burst: spec.burst});
			return {...base, maxLoadPerS: perEvent(rate), limit: `throttle ${fmt(rate)} requests/s, burst ${fmt(burst)}`, service: {units: 1, perUnit: rate, unitName: 'throttle', recordsPerRequest: 1}};
		}
		case 'collector': {
			const fleet = collectorSettings({minInstances: spec.min_instances, ...optional('maxInstances', spec.max_instances), ...optional('instanceRatePerS', spec.instance_rate_per_s)});
			return {
				...base,
				maxLoadPerS: perEvent(fleet.max * fleet.rate),
				limit: `${fmt(fleet.max)} instances${fleet.max > fleet.min ? ' (auto-scaling max)' : ''} × ${fmt(fleet.rate)} requests/s`,
				service: {units: fleet.max, perUnit: fleet.rate, unitName: 'instances', recordsPerRequest: 1},
			};
		}
		case 'store':
		case 'cache':
		case 'warehouse': {
			const profile = storeProfile(spec.component, recordBytes);
			const store: StoreSettings = (planned as PlannedStage & {kind: 'store'}).settings;
			const nodes = store.nodes;
			const raw = spec.write_capacity_per_s ?? (!store.nodesGiven && profile.defaultTotal !== undefined ? profile.defaultTotal : profile.perNode * nodes);
			const total = writeCapacity(raw, {component: spec.component, nodes, readsPerS: spec.reads_per_s, readReplicas: spec.read_replicas, hashing: spec.hashing, virtualNodes: spec.virtual_nodes});
			const sharedBy = storeSharing(spec, nodes, raw, total);
			// Firehose delivers buffers and batch jobs write files: one request carries many records.
			const writesFiles = previous?.kind === 'compute' && (previous.trigger_s !== undefined || previous.component === 'spark_structured_streaming' || previous.component === 'glue');
			const perRequest = previous?.kind === 'firehose' ? (previous.buffer_size_mib * 2 ** 20) / recordBytes : writesFiles ? files.batchFileBytes.value / recordBytes : store.batchSize;
			if (!Number.isFinite(total)) return {...base, maxLoadPerS: null, limit: `${spec.component} scales on its own (no write limit in the catalogue)`};
			if (profile.bytesPerNode !== undefined && spec.write_capacity_per_s === undefined) {
				// A byte quota: records per file or request do not matter, bytes do.
				const units = nodes;
				const bytes = units * profile.bytesPerNode;
				return {
					...base,
					maxLoadPerS: perEvent(bytes / recordBytes),
					limit: `${formatBytes(bytes)}/s (${counted(units, profile.unit)} × ${formatBytes(profile.bytesPerNode)}/s) = ${fmt(bytes / recordBytes)} records/s of ${fmt(recordBytes)} B`,
					service: {units, perUnit: profile.perNode, unitName: profile.unit, recordsPerRequest: 1},
				};
			}
			const units = spec.write_capacity_per_s !== undefined ? 1 : !store.nodesGiven && profile.defaultTotal !== undefined ? profile.defaultTotal / profile.perNode : nodes;
			return {
				...base,
				maxLoadPerS: perEvent(total * perRequest),
				limit: `${fmt(total)} write requests/s (${spec.write_capacity_per_s !== undefined ? 'write_capacity_per_s' : `${counted(units, profile.unit)} × ${fmt(profile.perNode)}/s`}${sharedBy})${perRequest !== 1 ? ` × ${fmt(perRequest)} records per request` : ''}`,
				service: {units, perUnit: spec.write_capacity_per_s !== undefined ? spec.write_capacity_per_s : profile.perNode, unitName: profile.unit, recordsPerRequest: perRequest},
			};
		}
		case 'dashboard':
			return {...base, maxLoadPerS: null, limit: 'reads the store on each refresh; not in the write path'};
	}
}

type Base = {id: string; kind: string; component: string; recordsPerEvent: number; recordBytes: number};

function streamCapacity(spec: StageSpec & {kind: 'stream'}, shards: number, base: Base, perEvent: (records: number) => number | null, model: Model): StageCapacityInfo {
	const bytes = base.recordBytes;
	const isKinesis = spec.component === 'kinesis_data_streams';
	const onDemand = isKinesis && spec.mode === 'on_demand';
	const layout = keyLayout(spec.partition_key, model.source.keys, shards);
	const hot = hottest(layout.shares).share;
	const byBytes = (isKinesis ? kinesis.writeBytesPerShard.value : kafka.writeBytesPerPartition.value) / bytes;
	// With KPL aggregation the 1,000 records/s count packed records, so bytes bind.
	const packed = isKinesis ? recordsPerKinesisRecord(spec.aggregation, bytes) : 1;
	const perShard = isKinesis ? Math.min(kinesis.writeRecordsPerShard.value * packed, byBytes) : byBytes;
	const boundBy = isKinesis && kinesis.writeRecordsPerShard.value * packed <= byBytes ? 'records' : 'bytes';
	const readPerShard = !isKinesis
		? Number.POSITIVE_INFINITY
		: spec.consumer === 'efo'
			? kinesis.efoBytesPerConsumerPerShard.value / bytes
			: Math.min(kinesis.readBytesPerShard.value / bytes, kinesis.getRecordsPerShard.value * kinesis.getRecordsMaxRecords.value * packed) / spec.consumers;
	const stream = {shards, hottestShare: hot, perShardRecords: perShard, boundBy, readPerShardRecords: readPerShard, ...(layout.topKey ? {topKey: layout.topKey} : {})} as const;
	if (onDemand) {
		// On-demand adds shards as needed, but one key still lands on one shard.
		const top = layout.topKey?.share ?? 0;
		const perKey = top > 0 ? perShard / top : Number.POSITIVE_INFINITY;
		const max = kinesis.onDemandMaxBytes.value / bytes;
		const records = Math.min(perKey, max);
		return {...base, maxLoadPerS: perEvent(records), limit: perKey < max ? `one key value ("${layout.topKey!.value}", ${pct(top)} of records) lands on one shard: ${fmt(perShard)} records/s` : `on-demand scales to ${fmt(kinesis.onDemandMaxBytes.value / 2 ** 30)} GiB/s (after its scale-up lag)`, stream};
	}
	const write = perShard / hot;
	const read = readPerShard / hot;
	const records = Math.min(write, read);
	const what = isKinesis ? (boundBy === 'records' ? '1,000 records/s per shard' : `1 MiB/s per shard (${fmt(perShard)} records/s of ${fmt(bytes)} B)`) : `~${fmt(kafka.writeBytesPerPartition.value / 1e6)} MB/s per partition`;
	const even = Math.abs(hot - 1 / shards) < 1e-9;
	const limit =
		read < write
			? `reads: ${counted(spec.consumers, 'consumer')} share 2 MiB/s per shard`
			: even
				? `${shards} ${isKinesis ? 'shards' : 'partitions'} × ${what}`
				: `hottest ${isKinesis ? 'shard' : 'partition'} gets ${pct(hot)} of records (key ${spec.partition_key}${layout.topKey && layout.topKey.share < hot - 1e-9 ? `; "${layout.topKey.value}" alone is ${pct(layout.topKey.share)}` : ''}); ${what}`;
	return {...base, maxLoadPerS: perEvent(records), limit, stream};
}

function computeCapacity(spec: StageSpec & {kind: 'compute'}, settings: ComputeSettings, previous: PlannedStage | undefined, base: Base, perEvent: (records: number) => number | null, model: Model): StageCapacityInfo {
	const isLambda = spec.component === 'lambda';
	const {overheadS: overhead, perRecordS: perRecord} = settings;
	const payload = Math.floor(lambda.payloadMaxBytes.value / base.recordBytes);
	const upstreamShards = previous?.kind === 'stream' ? previous.shards : undefined;
	if (settings.mode === 'esm' && previous?.kind === 'stream' && upstreamShards !== undefined) {
		const batch = Math.min(settings.batchSize, payload);
		const perBatch = overhead + batch * perRecord;
		const perUnit = perBatch > 0 ? batch / perBatch : Number.POSITIVE_INFINITY;
		const pf = settings.parallelization;
		const shards = upstreamShards;
		const hot = hottest(keyLayout(previous.spec.partition_key, model.source.keys, shards).shares).share;
		const limitUnits = settings.units;
		const units = Math.min(limitUnits, shards * pf);
		const byShard = (pf * perUnit) / hot;
		const byConcurrency = units * perUnit;
		const records = Math.min(byShard, byConcurrency);
		const limit = byConcurrency < byShard
			? `${fmt(units)} concurrent executions (limit ${fmt(limitUnits)}) × ${fmt(perUnit)} records/s each`
			: `${pf} batch(es) at a time per shard × ${fmt(perUnit)} records/s per batch (${fmt(batch)} records in ${fmt(perBatch * 1000)} ms)${hot > 1 / shards + 1e-9 ? `, hottest shard ${pct(hot)}` : ''}`;
		return {...base, maxLoadPerS: perEvent(records), limit, compute: {units, perUnitRecords: perUnit, unitName: 'concurrent executions', perShardRecords: pf * perUnit, upstreamHottestShare: hot}};
	}
	if (spec.component === 'spark_structured_streaming' || spec.component === 'glue') {
		const cores = settings.units;
		const perUnit = perRecord > 0 ? 1 / perRecord : Number.POSITIVE_INFINITY;
		const note = spec.component === 'spark_structured_streaming' ? `; each micro-batch takes at least ${spark.microBatchMin.value * 1000} ms` : '';
		return {...base, maxLoadPerS: perEvent(cores * perUnit), limit: Number.isFinite(perUnit) ? `${counted(cores, 'core')} × ${fmt(perUnit)} records/s${note}` : `no per-record cost set${note}`, compute: {units: cores, perUnitRecords: perUnit, unitName: 'cores'}};
	}
	let units = spec.autoscale?.max ?? settings.units;
	// A consumer group reads each partition with one consumer: workers beyond the partition count idle.
	if (spec.component === 'worker_pool' && upstreamShards !== undefined) units = Math.min(units, upstreamShards);
	// A Lambda behind an API or a queue handles one event per invocation unless batch_size says otherwise.
	const batch = Math.min(settings.batchSize, isLambda ? payload : Number.POSITIVE_INFINITY);
	const perUnit = perRecord > 0 ? (Number.isFinite(batch) ? batch / (overhead + batch * perRecord) : 1 / perRecord) : Number.isFinite(batch) && overhead > 0 ? batch / overhead : Number.POSITIVE_INFINITY;
	const unitName = isLambda ? 'concurrent executions' : spec.component === 'flink' ? 'task slots' : 'workers';
	return {
		...base,
		maxLoadPerS: perEvent(units * perUnit),
		limit: Number.isFinite(perUnit) ? `${fmt(units)} ${unitName}${spec.autoscale ? ' (autoscale max)' : ''} × ${fmt(perUnit)} records/s` : 'no per-record or per-batch cost set (workload-dependent)',
		compute: {units, perUnitRecords: perUnit, unitName},
	};
}

/** What takes a store's write capacity besides the writes: the fullest node of a hash ring, reads on the primaries. */
function storeSharing(spec: StageSpec & {kind: 'store' | 'cache' | 'warehouse'}, nodes: number, raw: number, total: number): string {
	if (!(total < raw)) return '';
	const parts: string[] = [];
	if (spec.hashing === 'ring' && nodes > 1) {
		const hottest = Math.max(...nodeLayout(nodes, hashingOf({hashing: spec.hashing, virtualNodes: spec.virtual_nodes})).shares);
		parts.push(`the ring gives its fullest node ${pct(hottest)} of keys, not ${pct(1 / nodes)}`);
	}
	const {readsPerS: reads, readReplicas: replicas} = storeSettings(spec);
	if (reads > 0 && READS_SHARE_CAPACITY.has(spec.component)) {
		parts.push(`minus ${fmt(reads / (1 + replicas))} reads/s on the primaries${replicas > 0 ? ` (${fmt(reads)} spread over primary + ${counted(replicas, 'replica')})` : ''}`);
	}
	return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}

function optional<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
	return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}

/** Bytes in decimal units, as AWS and Snowflake quote their quotas (100 MB/s, 10 GB/s). */
function formatBytes(bytes: number): string {
	if (bytes >= 1e9) return `${fmt(bytes / 1e9)} GB`;
	if (bytes >= 1e6) return `${fmt(bytes / 1e6)} MB`;
	return `${fmt(bytes / 1e3)} KB`;
}

/** Capacities can be unbounded: print those as ∞. */
function fmt(value: number): string {
	return formatNumber(value, '∞');
}
