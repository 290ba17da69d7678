/**
The resolved plan of a pipeline: each stage of the simulated chain with every
setting the model leaves out decided once, from the catalogue, in seconds.

The engine builds its stages from it, and capacity, bottleneck and cost read
it, so the capacity on paper and the simulation cannot disagree on a default
(a stream's shards, a Lambda's concurrency, a compute stage's mode). Before it,
each of the four re-derived the settings from the raw model with defaults of
its own: shards defaulted to 4 in one place and 1 in another, and capacity
ignored a trigger that makes the engine run a Lambda in scheduled batches.
*/
import type {Model, Stage as StageSpec} from '../../scenarios/model-schema.js';
import {firehose, glue, kafka, kinesis, lambda, replicas, spark} from '../catalogue.js';
import {nextStageIds} from '../fan-out.js';
import {clockSeconds} from './batch-runs.js';

/** How a compute stage takes its records: a stream's event-source mapping (Lambda polling shards), scheduled (micro-)batches, or an always-on pool. */
export type ComputeMode = 'esm' | 'micro-batch' | 'pool';

/** What a compute stage's settings say when the model leaves them out (the engine's ComputeSpec, in seconds). */
export type ComputeInputs = {
	readonly component: string;
	readonly concurrency?: number;
	readonly batchSize?: number;
	readonly batchingWindowS?: number;
	readonly parallelizationFactor?: number;
	readonly triggerS?: number;
	readonly startAtS?: number;
	readonly after?: string;
	readonly overheadS?: number;
	readonly perRecordS?: number;
	readonly coldStartS?: number;
};

/** A compute stage's settings, all decided. */
export type ComputeSettings = {
	readonly mode: ComputeMode;
	/** Concurrent units before any consumer-group cap (Lambda: the account quota unless given). */
	readonly units: number;
	/** Records per invocation or batch (∞: a batch takes everything queued). */
	readonly batchSize: number;
	readonly batchingWindowS: number;
	readonly overheadS: number;
	readonly perRecordS: number;
	readonly coldStartS: number;
	/** Lambda batches per shard at once, capped at the documented maximum. */
	readonly parallelization: number;
	/** Seconds between scheduled runs (0 for a chained step, which has no clock of its own). */
	readonly triggerS: number;
	/** Seconds after midnight of the first scheduled run. */
	readonly triggerOffsetS: number;
};

/** A job with a time of day (`start_at`) and no trigger_s runs once a day: what "nightly at 02:00" means. */
const DAY_S = 86_400;

/**
Decides a compute stage's settings. `onStream`: the stage reads a stream
directly (a Lambda there is polled by the event-source mapping unless a
trigger schedules it).
*/
export function computeSettings(spec: ComputeInputs, onStream: boolean): ComputeSettings {
	const isLambda = spec.component === 'lambda';
	// A trigger makes any compute a scheduled batch: Spark and Glue always are; a worker pool or dbt run with trigger_s is a cron job.
	const scheduled = spec.triggerS !== undefined || spec.startAtS !== undefined || spec.after !== undefined;
	const mode: ComputeMode = isLambda && onStream && !scheduled ? 'esm' : spec.component === 'spark_structured_streaming' || spec.component === 'glue' || scheduled ? 'micro-batch' : 'pool';
	return {
		mode,
		units: spec.concurrency ?? (isLambda ? lambda.accountConcurrency.value : 1),
		// Lambda on a stream takes batches (default 100); behind an API or a queue, one event per invocation.
		batchSize: spec.batchSize ?? (isLambda ? (mode === 'esm' ? lambda.batchSizeDefault.value : 1) : Number.POSITIVE_INFINITY),
		batchingWindowS: spec.batchingWindowS ?? (isLambda ? lambda.batchingWindowDefault.value : 0),
		overheadS: spec.overheadS ?? (isLambda ? lambda.overheadDefault.value : 0),
		perRecordS: spec.perRecordS ?? 0,
		coldStartS: spec.coldStartS ?? (isLambda ? lambda.coldStart.value : 0),
		parallelization: Math.min(spec.parallelizationFactor ?? lambda.parallelizationFactorDefault.value, lambda.parallelizationFactorMax.value),
		// A chained step has no clock of its own; a time of day without an interval is a daily job.
		triggerS: spec.after !== undefined ? 0 : (spec.triggerS ?? (spec.startAtS !== undefined ? DAY_S : spec.component === 'glue' ? glue.streamingWindow.value : spark.triggerDefault.value)),
		triggerOffsetS: spec.after !== undefined ? 0 : (spec.startAtS ?? 0),
	};
}

/** Shards a stream declares: required when provisioned; an on-demand stream without them is taken at 4 (its starting write capacity, 4 MiB/s [D]). */
export function declaredShards(spec: StageSpec & {kind: 'stream'}): number {
	return spec.shards ?? Math.ceil(kinesis.onDemandStartRecords.value / kinesis.writeRecordsPerShard.value);
}

/** Seconds between a polling consumer's reads of a shard unless poll_interval_s says (Kinesis consumers and Lambda: 1 s; Kafka: its poll loop). */
export function pollInterval(spec: StageSpec & {kind: 'stream'}): number {
	return spec.poll_interval_s ?? (spec.component === 'kafka' ? kafka.defaultPollInterval.value : kinesis.defaultPollInterval.value);
}

/** A store's settings, all decided. */
export type StoreSettings = {
	/** Nodes sharing the writes (1 unless given). */
	readonly nodes: number;
	/** True when the model names the nodes: otherwise a service with a default total (DynamoDB on demand, S3 prefixes) is taken at that total. */
	readonly nodesGiven: boolean;
	readonly readReplicas: number;
	readonly failoverS: number;
	readonly readsPerS: number;
	/** Records per write request. */
	readonly batchSize: number;
};

/** Decides a store's settings. */
export function storeSettings(spec: StageSpec & {kind: 'store' | 'cache' | 'warehouse'}): StoreSettings {
	return {
		nodes: spec.nodes ?? 1,
		nodesGiven: spec.nodes !== undefined,
		readReplicas: spec.read_replicas ?? 0,
		failoverS: spec.failover_s ?? replicas.failover.value,
		readsPerS: spec.reads_per_s ?? 0,
		batchSize: spec.batch_size ?? 1,
	};
}

/** Firehose's Direct PUT quota in bytes per second (throughput_mib_s, or the big-3 regions' 5 MiB/s [D]). */
export function firehoseQuotaBytes(spec: StageSpec & {kind: 'firehose'}): number {
	return (spec.throughput_mib_s ?? firehose.directPutBytes.value / 2 ** 20) * 2 ** 20;
}

type Common = {
	/** Position in the simulated chain. */
	readonly index: number;
	/** Bytes per record entering the stage. */
	readonly recordBytes: number;
	/** Records entering the stage per source event (after upstream filters and aggregations). */
	readonly recordsPerEvent: number;
};

/** One stage of the plan: the model's stage and, by kind, its decided settings. */
export type PlannedStage = Common &
	(
		| {readonly kind: 'stream'; readonly spec: StageSpec & {kind: 'stream'}; readonly shards: number; readonly pollIntervalS: number}
		| {readonly kind: 'compute'; readonly spec: StageSpec & {kind: 'compute'}; readonly settings: ComputeSettings}
		| {readonly kind: 'store'; readonly spec: StageSpec & {kind: 'store' | 'cache' | 'warehouse'}; readonly settings: StoreSettings}
		| {readonly kind: 'firehose'; readonly spec: StageSpec & {kind: 'firehose'}; readonly quotaBytesPerS: number}
		| {readonly kind: 'other'; readonly spec: StageSpec & {kind: 'queue' | 'api' | 'collector' | 'dashboard'}}
	);

/** A pipeline's simulated chain, resolved. */
export type PipelinePlan = {
	readonly chain: readonly PlannedStage[];
	/** The plan of the stage with this id, when it is on the chain. */
	readonly stage: (id: string) => PlannedStage | undefined;
};

/**
The stages a model's records pass through, in order: from the first stage,
following `next` (or the listed order, which never leads into a stream's
fan-out path: those are simulated as paths of their own, see `fan-out.ts`).
*/
export function resolveChain(stages: readonly StageSpec[]): StageSpec[] {
	const byId = new Map(stages.map((stage) => [stage.id, stage]));
	const nextOf = nextStageIds(stages);
	const chain: StageSpec[] = [];
	const seen = new Set<string>();
	let current: StageSpec | undefined = stages[0];
	while (current && !seen.has(current.id)) {
		chain.push(current);
		seen.add(current.id);
		const next = nextOf.get(current.id);
		current = next !== undefined ? byId.get(next) : undefined;
	}
	return chain;
}

/** Bytes per record entering each stage of the chain. */
export function recordBytesAlong(chain: readonly StageSpec[], eventBytes: number): number[] {
	const sizes: number[] = [];
	let bytes = eventBytes;
	for (const stage of chain) {
		sizes.push(bytes);
		if (stage.kind === 'compute' && stage.output_bytes !== undefined) bytes = stage.output_bytes;
	}
	return sizes;
}

/** Seconds from milliseconds, keeping "not given". */
export function seconds(ms: number | undefined): number | undefined {
	return ms === undefined ? undefined : ms / 1000;
}

/** What a compute stage of the model says, as the engine's inputs (times in seconds, start_at in seconds after midnight). */
export function computeInputs(spec: StageSpec & {kind: 'compute'}): ComputeInputs {
	return {
		component: spec.component,
		...given('concurrency', spec.concurrency),
		...given('batchSize', spec.batch_size),
		...given('batchingWindowS', spec.batching_window_s),
		...given('parallelizationFactor', spec.parallelization_factor),
		...given('triggerS', spec.trigger_s),
		...given('startAtS', spec.start_at === undefined ? undefined : clockSeconds(spec.start_at)),
		...given('after', spec.after),
		...given('overheadS', seconds(spec.overhead_ms)),
		...given('perRecordS', seconds(spec.per_record_ms)),
		...given('coldStartS', seconds(spec.cold_start_ms)),
	};
}

/** Resolves a model's simulated chain: what the engine runs and what capacity, bottleneck and cost read. */
export function planPipeline(model: Model): PipelinePlan {
	const chain = resolveChain(model.stages);
	const sizes = recordBytesAlong(chain, model.source.event_bytes);
	const planned: PlannedStage[] = [];
	let ratio = 1;
	chain.forEach((spec, index) => {
		const common = {index, recordBytes: sizes[index]!, recordsPerEvent: ratio};
		const previous = chain[index - 1];
		switch (spec.kind) {
			case 'stream':
				planned.push({...common, kind: 'stream', spec, shards: declaredShards(spec), pollIntervalS: pollInterval(spec)});
				break;
			case 'compute':
				planned.push({...common, kind: 'compute', spec, settings: computeSettings(computeInputs(spec), previous?.kind === 'stream')});
				ratio *= spec.output_ratio;
				break;
			case 'store':
			case 'cache':
			case 'warehouse':
				planned.push({...common, kind: 'store', spec, settings: storeSettings(spec)});
				break;
			case 'firehose':
				planned.push({...common, kind: 'firehose', spec, quotaBytesPerS: firehoseQuotaBytes(spec)});
				break;
			default:
				planned.push({...common, kind: 'other', spec});
		}
	});
	const byId = new Map(planned.map((stage) => [stage.spec.id, stage]));
	return {chain: planned, stage: (id) => byId.get(id)};
}

function given<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
	return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}
