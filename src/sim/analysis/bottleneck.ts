/**
The bottleneck: which stage breaks first, why, in plain words, and a fix with
numbers — "needs at least 9 shards for 8,333 records/s of 200 B; has 4", or
"partition key country sends 40% of records to one shard: key by user_id".

Two kinds of failure. A stage that cannot keep up (its capacity is below the
load, or it throttled, dropped, lost or fell behind in the run): the first such
stage by capacity is named, since it shields the ones after it. A pipeline that
keeps up but is too slow or too stale for its SLO: the stage that adds the most
latency (or the dashboard refresh, for freshness) is named. With neither, there
is no bottleneck (null).
*/
import type {Model, Stage as StageSpec} from '../../scenarios/model-schema.js';
import {dashboards, firehose, kinesis, lambda, replicas} from '../catalogue.js';
import {collectorSettings} from '../models/collector.js';
import {computeInputs, computeSettings, declaredShards, firehoseQuotaBytes, planPipeline, pollInterval, storeSettings} from '../models/plan.js';
import {hottest, keyLayout} from '../models/routing.js';
import {READS_SHARE_CAPACITY} from '../models/store.js';
import type {BatchReport, ComponentResult, EndToEnd, FeedReport, QuotaReport, SimResult} from '../result.js';
import type {CapacityReport, StageCapacityInfo} from './capacity.js';
import {counted, fmt, fmtSpan, pct} from '../numbers.js';

/** The stage that breaks first, why, and what to change. */
export type Bottleneck = {component: string; reason: string; suggestion: string};

/** What the analysis looks at. */
export type BottleneckInput = {
	readonly model: Model;
	readonly loadPerS: number;
	readonly capacity: CapacityReport;
	readonly components: readonly ComponentResult[];
	readonly endToEnd: EndToEnd;
	readonly slo: SimResult['slo'];
	/** Scheduled batch runs, when the model has them: a missed deadline names the step that made the run late. */
	readonly batch?: BatchReport;
	/** Per-source completeness, when the source has feeds: a source behind its target may be waiting for an API quota. */
	readonly sources?: readonly FeedReport[];
	/** API quotas the feeds pull under, with what pulls and backfills asked of them. */
	readonly quotas?: readonly QuotaReport[];
};

/** Finds the bottleneck, or null when the design keeps up and meets its SLO. */
export function findBottleneck(input: BottleneckInput): Bottleneck | null {
	return blameBot(firstBreak(input), input);
}

/**
A flood from one client that nothing rate-limits is the cause of whatever it
overloads: sizing that stage for the bot pays for junk, so the limiter comes first.
*/
function blameBot(found: Bottleneck | null, input: BottleneckInput): Bottleneck | null {
	const bot = botFactor(input.model);
	if (found === null || bot === 0) return found;
	const chain = chainOf(input.model);
	if (chain.some((stage) => stage.kind === 'collector' && stage.client_rate_per_s !== undefined)) return found;
	// The front door is where one client's rate can be limited: name it, whatever the flood overloads behind it.
	const front = chain.find((stage): stage is StageSpec & {kind: 'collector'} => stage.kind === 'collector');
	const info = front && input.capacity.stages.find((stage) => stage.id === front.id);
	if (front && info) {
		const fix = collectorFix(front, info, input.loadPerS * info.recordsPerEvent, input);
		return front.id === found.component ? fix : {...fix, reason: `${fix.reason}; the junk it lets through overloads ${found.component} too`};
	}
	return {
		component: found.component,
		reason: `one client (a bot) sends ${fmt(bot)}x the normal load on top of it, and nothing limits one client's rate: ${found.reason}`,
		suggestion: `${RATE_LIMIT_FIX}; sizing for the flood instead: ${found.suggestion}`,
	};
}

function firstBreak(input: BottleneckInput): Bottleneck | null {
	const chain = chainOf(input.model);
	// A stage that lost every shard, node or worker stops the pipeline: it is the cause, whatever comes after.
	const dead = input.capacity.stages.find((stage) => stage.maxLoadPerS === 0 && input.model.injections.some((injection) => injection.kind === 'lose_node' && injection.stage === stage.id));
	if (dead) return lostEverything(chain.find((stage) => stage.id === dead.id)!, input);
	// A primary lost and replaced by its replica: the outage lasts the failover, and that is what the screen shows.
	const failedOver = input.slo.met ? undefined : chain.find((stage) => isStore(stage) && storeSettings(stage).readReplicas > 0 && input.model.injections.some((injection) => injection.kind === 'lose_node' && injection.stage === stage.id));
	if (failedOver && isStore(failedOver)) {
		const info = input.capacity.stages.find((stage) => stage.id === failedOver.id);
		if (info && (info.maxLoadPerS === null || input.loadPerS <= info.maxLoadPerS)) return failover(failedOver, input);
	}
	const overloaded = input.capacity.stages.filter((stage, index) => {
		const component = input.components[index];
		const overCapacity = stage.maxLoadPerS !== null && input.loadPerS > stage.maxLoadPerS * 0.999;
		// A design that meets its SLO within its capacity on paper has no bottleneck: the odd refused burst
		// that a producer retries is not a reason to advise one more shard (advice must converge).
		if (input.slo.met) return overCapacity;
		// A backlog that grows while the load is well inside capacity comes from a schedule (a batch, a window), not overload.
		const nearCapacity = stage.maxLoadPerS === null || input.loadPerS > stage.maxLoadPerS * 0.9;
		return overCapacity || (component !== undefined && struggled(component, input.loadPerS * stage.recordsPerEvent, nearCapacity));
	});
	// A collector refusing requests within its paper capacity is still scaling out: that lag is the cause, and the
	// backlog it then releases at once is what the stages behind it struggle with.
	const lagging = overloaded.find((stage) => {
		const component = input.components.find((candidate) => candidate.id === stage.id);
		return stage.kind === 'collector' && (component?.dropped ?? 0) > 0 && stage.maxLoadPerS !== null && input.loadPerS <= stage.maxLoadPerS;
	});
	if (lagging) return overload(chain.find((stage) => stage.id === lagging.id)!, lagging, input);
	if (overloaded.length > 0) {
		// The smallest capacity among the struggling stages is the one that breaks first.
		const first = overloaded.reduce((best, stage) => ((stage.maxLoadPerS ?? Infinity) < (best.maxLoadPerS ?? Infinity) ? stage : best));
		const spec = chain.find((stage) => stage.id === first.id)!;
		return overload(spec, first, input);
	}
	const missed = input.slo.checks.filter((check) => !check.met);
	if (missed.length === 0) return null;
	const lateStep = missed.some((check) => check.name === 'ready_by') ? latestStep(chain, input) : undefined;
	if (lateStep) return lateStep;
	const quota = missed.some((check) => check.name === 'freshness_s') ? quotaStarved(input) : undefined;
	if (quota) return quota;
	const latencyMissed = missed.some((check) => check.name === 'latency_p99_ms');
	return slowest(chain, input, !latencyMissed && missed.some((check) => check.name === 'freshness_s'));
}

/** The fix for one stage at a given load (the daily peak's advice), or undefined for an unknown stage. */
export function fixAt(input: BottleneckInput, stageId: string): Bottleneck | undefined {
	const info = input.capacity.stages.find((stage) => stage.id === stageId);
	const spec = planPipeline(input.model).stage(stageId)?.spec;
	return info && spec ? overload(spec, info, input) : undefined;
}

/** The stages on the simulated chain, as the resolved plan has them. */
function chainOf(model: Model): StageSpec[] {
	return planPipeline(model).chain.map((stage) => stage.spec);
}

function isStore(stage: StageSpec): stage is StageSpec & {kind: 'store' | 'cache' | 'warehouse'} {
	return stage.kind === 'store' || stage.kind === 'cache' || stage.kind === 'warehouse';
}

function failover(spec: StageSpec & {kind: 'store' | 'cache' | 'warehouse'}, input: BottleneckInput): Bottleneck {
	const at = Math.min(...input.model.injections.filter((injection) => injection.kind === 'lose_node' && injection.stage === spec.id).map((injection) => injection.at_s));
	const {failoverS: seconds, nodes} = storeSettings(spec);
	return {
		component: spec.id,
		reason: `${spec.id} lost a primary at ${fmt(at)} s and its replica took over after ${fmt(seconds)} s (failover_s): nothing is lost, but ${nodes === 1 ? 'every write' : `the writes of that node's keys`} waited, so the data on screen was up to ${fmt(seconds)} s late`,
		suggestion: nodes === 1
			? `the replica is the right fix (no data lost, back in ${fmt(seconds)} s); to hold the freshness target through a failover too, shard ${spec.id} over more nodes (nodes: 2 or more, hashing: ring) so one failover stalls only its share, or fail over faster (failover_s)`
			: `fail over faster (failover_s) or spread the keys over more nodes, so one failover stalls a smaller share`,
	};
}

/**
A scheduled batch run that ends after its deadline: the longest step of the
latest run is named, with the units it needs to end in time. Its per-record
work shrinks with more units, its fixed overhead does not: with d the step's
duration, o its overhead and L the lateness, u units become
ceil(u × (d − o) / (d − L − o)).
*/
function latestStep(chain: readonly StageSpec[], input: BottleneckInput): Bottleneck | undefined {
	const batch = input.batch;
	if (!batch?.late_step || batch.ready_by === null) return undefined;
	const late = batch.runs.filter((run) => run.met === false);
	const run = late.reduce((most, candidate) => ((candidate.finish_s === null ? Infinity : candidate.late_by_s) > (most.finish_s === null ? Infinity : most.late_by_s) ? candidate : most), late[0]!);
	const step = run.steps.find((candidate) => candidate.id === run.longest_step);
	const spec = chain.find((candidate) => candidate.id === run.longest_step);
	if (!step || !spec) return undefined;
	const took = step.finish_s === null ? null : step.finish_s - step.start_s;
	const when = run.finish_s === null ? `has not finished by the end of the run` : `finishes at ${run.finish}, ${fmtSpan(run.late_by_s)} after ${batch.ready_by}`;
	const reason = `the run scheduled ${run.scheduled} ${when}; ${spec.id} takes ${took === null ? 'longer than the run' : fmtSpan(took)} of it (${fmt(step.records)} records, from ${step.start})`;
	if (spec.kind !== 'compute' || took === null || run.finish_s === null) {
		return {component: spec.id, reason, suggestion: `shorten ${spec.id} or start the run earlier (start_at) so it ends by ${batch.ready_by}`};
	}
	const {units, overheadS: overhead} = computeSettings(computeInputs(spec), false);
	const room = took - run.late_by_s - overhead;
	const unitName = spec.component === 'glue' || spec.component === 'spark_structured_streaming' ? 'core' : spec.component === 'flink' ? 'task slot' : 'worker';
	if (!(room > 0)) {
		return {component: spec.id, reason, suggestion: `its fixed overhead alone does not fit before ${batch.ready_by}: start the run earlier (start_at) or split the work`};
	}
	const needed = Math.ceil((units * (took - overhead)) / room - 1e-9);
	return {component: spec.id, reason, suggestion: `needs at least ${counted(needed, unitName)} (concurrency) to end by ${batch.ready_by}; has ${fmt(units)}; or start the run earlier (start_at)`};
}

/**
A pulled source behind its freshness target because its pulls waited for an
API quota that backfills or other users share: the source is named, with what
took the quota and the fix.
*/
function quotaStarved(input: BottleneckInput): Bottleneck | undefined {
	const feeds = input.model.source.feeds ?? [];
	for (const source of input.sources ?? []) {
		if (source.target_s === null || source.completeness_p99_s <= source.target_s) continue;
		const feed = feeds.find((candidate) => candidate.id === source.id);
		const quota = feed?.quota ? input.quotas?.find((candidate) => candidate.id === feed.quota!.id) : undefined;
		if (!feed || !quota || quota.delayed_pulls === 0) continue;
		const asked = quota.pull_requests_per_day + quota.backfill_requests_per_day;
		const limit =
			quota.per_day !== null
				? `${fmt(quota.per_day)} requests a day; pulls ask ${fmt(quota.pull_requests_per_day)} and backfills ${fmt(quota.backfill_requests_per_day)} a day (${fmt(asked)})`
				: `${fmt(quota.rate_per_s ?? 0)} requests/s${quota.shared_per_s > 0 ? `, ${fmt(quota.shared_per_s)}/s of it taken by other users` : ''}; backfills ask ${fmt(quota.backfill_requests_per_day)} a day`;
		const reason = `${source.id} pulls wait up to ${fmtSpan(quota.longest_pull_wait_s)} for the ${quota.id} quota (${limit}), so its data is complete only up to ${fmtSpan(source.completeness_p99_s)} ago (p99; target ${fmtSpan(source.target_s)})`;
		const suggestion =
			quota.per_day !== null
				? quota.pull_requests_per_day > quota.per_day
					? `the pulls alone need ${fmt(quota.pull_requests_per_day)} of ${fmt(quota.per_day)} a day: fewer, wider queries per account, or a higher access level (Google Ads Standard access has no daily cap)`
					: `run the backfill with wider date ranges (fewer requests) or spread it over several nights, so the regular pulls keep room in the day's ${fmt(quota.per_day)}; or apply for a higher access level`
				: 'run backfills outside the busy hours, page through list calls or report files instead of one request per object, or ask for a higher rate limit';
		return {component: source.id, reason, suggestion};
	}
	return undefined;
}

function lostEverything(spec: StageSpec, input: BottleneckInput): Bottleneck {
	const at = Math.min(...input.model.injections.filter((injection) => injection.kind === 'lose_node' && injection.stage === spec.id).map((injection) => injection.at_s));
	const single = (spec.kind === 'store' || spec.kind === 'cache' || spec.kind === 'warehouse') && storeSettings(spec).nodes === 1;
	const what = single ? 'its only node' : spec.kind === 'stream' ? 'every shard' : 'every node';
	const fix =
		spec.kind === 'cache' && spec.component === 'redis'
			? 'add a replica with automatic failover (ElastiCache Multi-AZ), so a lost primary is replaced in seconds; counters can also be rebuilt from the stream'
			: spec.kind === 'store' || spec.kind === 'cache' || spec.kind === 'warehouse'
				? `run ${spec.component} with a standby or replica and automatic failover (Multi-AZ), or spread it over several nodes`
				: 'spread the work over more units so one failure leaves capacity, and alarm on the lost ones';
	return {component: spec.id, reason: `${spec.id} lost ${what} at ${fmt(at)} s: writes wait from then on, so the data on screen stops moving`, suggestion: fix};
}

/** True when the run shows a stage not keeping up: refused, dropped or lost records, or (near capacity) a backlog that grows. */
function struggled(component: ComponentResult, offeredRecords: number, nearCapacity: boolean): boolean {
	const lostAny = component.dropped > 0 || component.lost > 0;
	const throttledMuch = component.throttled > 0.001 * offeredRecords;
	const growing = nearCapacity && component.backlog_growth_per_s > Math.max(1, 0.05 * offeredRecords);
	return lostAny || throttledMuch || growing;
}

function overload(spec: StageSpec, info: StageCapacityInfo, input: BottleneckInput): Bottleneck {
	const records = input.loadPerS * info.recordsPerEvent;
	switch (spec.kind) {
		case 'stream':
			return streamFix(spec, info, records, input);
		case 'firehose': {
			const needMiB = (records * info.recordBytes) / 2 ** 20;
			const quota = firehoseQuotaBytes(spec) / 2 ** 20;
			return {
				component: spec.id,
				reason: `Firehose Direct PUT takes ${fmt(quota)} MiB/s; ${fmt(records)} records/s of ${fmt(info.recordBytes)} B is ${fmt(needMiB)} MiB/s`,
				suggestion: `request a Direct PUT quota of at least ${fmt(Math.ceil(needMiB * 1.2))} MiB/s (throughput_mib_s), or write through Kinesis Data Streams`,
			};
		}
		case 'compute':
		case 'queue':
			return computeFix(spec, info, records);
		case 'api': {
			const rate = info.service?.perUnit ?? 0;
			return {
				component: spec.id,
				reason: `${spec.component} throttles above ${fmt(rate)} requests/s (HTTP 429); the load is ${fmt(records)}/s`,
				suggestion: `raise the throttle to at least ${fmt(Math.ceil(records * 1.2))} requests/s (rate_per_s; a quota increase for API Gateway), or send events in batches so one request carries many`,
			};
		}
		case 'collector':
			return collectorFix(spec, info, records, input);
		case 'store':
		case 'cache':
		case 'warehouse': {
			const service = info.service;
			if (!service) {
				const component = input.components.find((candidate) => candidate.id === spec.id);
				return {
					component: spec.id,
					reason: `${spec.component} falls behind: its backlog grows by ${fmt(component?.backlog_growth_per_s ?? 0)} records/s`,
					suggestion: 'give it more capacity (nodes or write_capacity_per_s), or batch and pre-aggregate upstream',
				};
			}
			const requests = records / service.recordsPerRequest;
			const needed = Math.ceil(requests / service.perUnit);
			const unit = service.unitName;
			const settings = storeSettings(spec);
			const readsOnPrimaries = READS_SHARE_CAPACITY.has(spec.component) ? settings.readsPerS / (1 + settings.readReplicas) : 0;
			if (readsOnPrimaries > 0) {
				// Reads share the primaries' capacity with the writes: what is left for writes is what binds.
				const raw = service.units * service.perUnit;
				const left = Math.max(0, raw - readsOnPrimaries);
				const all = Math.ceil(requests + readsOnPrimaries);
				return {
					component: spec.id,
					reason: `${spec.component} has ${fmt(left)} write requests/s left (${counted(service.units, unit)} × ${fmt(service.perUnit)}/s, less ${fmt(readsOnPrimaries)} reads/s on the primaries); it gets ${fmt(requests)}/s`,
					suggestion: `add read replicas (read_replicas) so the reads leave the primaries, or give it at least ${fmt(all)} requests/s in all (${spec.write_capacity_per_s !== undefined ? 'write_capacity_per_s' : counted(Math.ceil(all / service.perUnit), unit)}) for ${fmt(requests)} writes/s and the reads`,
				};
			}
			return {
				component: spec.id,
				reason: `${spec.component} takes ${fmt(service.units * service.perUnit)} write requests/s (${counted(service.units, unit)} × ${fmt(service.perUnit)}/s); it gets ${fmt(requests)}/s`,
				suggestion:
					spec.component === 's3'
						? `spread objects over at least ${counted(needed, 'prefix')} (3,500 PUT/s each), or write fewer, larger objects`
						: `needs at least ${counted(needed, unit)} for ${fmt(requests)} writes/s; has ${fmt(service.units)}${service.recordsPerRequest === 1 ? '; or batch writes (batch_size) / pre-aggregate upstream' : ''}`,
			};
		}
		case 'dashboard':
			return {component: spec.id, reason: 'the dashboard is not in the write path', suggestion: 'none needed'};
	}
}

/** The one flooding client of a bot injection, as a multiple of the normal load, or 0 without one. */
function botFactor(model: Model): number {
	return Math.max(0, ...model.injections.filter((injection) => injection.kind === 'bot').map((injection) => injection.factor ?? 0));
}

/** The words for a per-client rate limiter, the fix for a flood from one client. */
const RATE_LIMIT_FIX = 'rate-limit each client at the front door (collector client_rate_per_s, a token bucket per device or API key; a WAF rate-based rule at the load balancer): the bot gets HTTP 429 for its excess and legitimate users are served';

function collectorFix(spec: StageSpec & {kind: 'collector'}, info: StageCapacityInfo, records: number, input: BottleneckInput): Bottleneck {
	const fleet = collectorSettings({
		minInstances: spec.min_instances,
		...optional('maxInstances', spec.max_instances),
		...optional('instanceRatePerS', spec.instance_rate_per_s),
		...optional('targetUtilization', spec.target_utilization),
		...optional('metricPeriodS', spec.metric_period_s),
		...optional('warmupS', spec.warmup_s),
		...optional('maxWaitS', spec.max_wait_s),
	});
	const component = input.components.find((candidate) => candidate.id === spec.id);
	const refused = component?.kind === 'collector' ? component.details.refused_per_s : 0;
	const bot = botFactor(input.model);
	const maxRate = fleet.max * fleet.rate;
	if (bot > 0 && spec.client_rate_per_s === undefined) {
		return {
			component: spec.id,
			reason: `one client (a bot) sends ${fmt(bot)}x the normal load, ${fmt(records * bot)} requests/s on top of ${fmt(records)}/s; auto-scaling grows the fleet towards its max of ${fmt(fleet.max)} instances (${fmt(maxRate)} requests/s) for junk, and requests queue and are refused (${fmt(refused)}/s, legitimate ones in the same share)`,
			suggestion: RATE_LIMIT_FIX,
		};
	}
	// A load_multiplier step is the load the fleet must reach; the run's nominal load is the one before it.
	const step = Math.max(1, ...input.model.injections.filter((injection) => injection.kind === 'load_multiplier').map((injection) => injection.factor ?? 1));
	// At its max a fleet queues and refuses bursts even when the mean fits: one instance more is the least that helps.
	const needed = Math.max(Math.ceil((records * step) / (fleet.rate * fleet.target) - 1e-9), records > maxRate * 0.999 ? fleet.max + 1 : 0);
	if (records > maxRate * 0.999 || needed > fleet.max) {
		return {
			component: spec.id,
			reason: `${fmt(fleet.max)} instances × ${fmt(fleet.rate)} requests/s = ${fmt(maxRate)}/s at most; the load is ${fmt(records)}/s${step > 1 ? `, ${fmt(records * step)}/s after its ${fmt(step)}x step` : ''}`,
			// The count is sized for the load after the step, so the figure beside it is that load too.
			suggestion: `raise max_instances to at least ${fmt(needed)} (${fmt(records * step)} requests/s at the ${pct(fleet.target)} target of ${fmt(fleet.rate)}/s per instance)`,
		};
	}
	const lag = fleet.period + fleet.warmup;
	return {
		component: spec.id,
		reason: `the load outran auto-scaling: new capacity serves up to ${fmt(lag)} s after demand rises (a ${fmt(fleet.period)} s metric period, then a ${fmt(fleet.warmup)} s warm-up); meanwhile requests queued up to ${fmt(fleet.maxWait)} s and ${fmt(refused)}/s were refused`,
		suggestion: `pre-warm before a known launch (scheduled scaling: min_instances ${fmt(needed)}), lower target_utilization (e.g. ${fmt(Math.max(0.1, roundDown(fleet.target - 0.2)))}) for head-room, or shorten the warm-up (warmup_s: a smaller image, a warm pool)`,
	};
}

function roundDown(value: number): number {
	return Math.floor(value * 10 + 1e-9) / 10;
}

function optional<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
	return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}

function streamFix(spec: StageSpec & {kind: 'stream'}, info: StageCapacityInfo, records: number, input: BottleneckInput): Bottleneck {
	const stream = info.stream!;
	const bytes = info.recordBytes;
	const isKinesis = spec.component === 'kinesis_data_streams';
	const shardWord = isKinesis ? 'shard' : 'partition';
	const keys = input.model.source.keys;
	const even = records / stream.shards <= stream.perShardRecords;
	const hotRecords = records * stream.hottestShare;
	const readBound = stream.readPerShardRecords < stream.perShardRecords;
	if (readBound && records * stream.hottestShare > stream.readPerShardRecords) {
		return {
			component: spec.id,
			reason: `${spec.consumers} consumers share each shard's 2 MiB/s and 5 GetRecords/s; readers fall behind at ${fmt(records)} records/s`,
			suggestion: 'use enhanced fan-out (consumer: efo: 2 MiB/s per consumer per shard), or fewer consumers per stream',
		};
	}
	if (isKinesis && spec.mode === 'on_demand') {
		const top = stream.topKey;
		// At exactly its limit the key's shard refuses the bursts above the mean: the key is still the cause.
		if (top && records * top.share > stream.perShardRecords * 0.999) return hotKeyFix(spec, records, top, stream.perShardRecords, keys);
		return {
			component: spec.id,
			reason: `an on-demand stream accepts twice its previous peak at once but needs up to ${fmt(kinesis.onDemandScaleLag.value / 60)} minutes to scale further; it started at ${fmt(declaredShards(spec) * stream.perShardRecords)} records/s and got ${fmt(records)}/s`,
			suggestion: `before the launch, pre-warm it (warm throughput) or switch to provisioned with at least ${counted(Math.ceil(records / stream.perShardRecords), 'shard')}`,
		};
	}
	if (even && hotRecords > stream.perShardRecords && spec.partition_key !== 'random') {
		const top = stream.topKey;
		if (top && records * top.share > stream.perShardRecords * 0.5) return hotKeyFix(spec, records, top, stream.perShardRecords, keys);
	}
	// Overloaded at exactly its limit (Poisson bursts refuse writes): the fewest count above it whose hottest shard is
	// under the limit. With a skewed key one more shard can be worse (country on 3 shards puts 80% on one).
	const minimum = shardsNeeded(spec, records, stream.perShardRecords, keys);
	const needed = minimum === undefined ? undefined : minimum > stream.shards ? minimum : shardsNeeded(spec, records, stream.perShardRecords * 0.999, keys, stream.shards + 1);
	const peak = input.model.source.peak_multiplier;
	const atPeak = peak > 1 && input.loadPerS === input.model.source.rate_per_s ? shardsNeeded(spec, records * peak, stream.perShardRecords, keys) : undefined;
	const limit = isKinesis ? (stream.boundBy === 'records' ? '1,000 records/s per shard' : '1 MiB/s per shard') : `~${fmt(stream.perShardRecords * bytes / 1e6)} MB/s per partition`;
	// At exactly the limit the mean fits but Poisson bursts above it are refused: do not call it "more than".
	const verb = hotRecords > stream.perShardRecords * 1.001 ? 'is more than' : 'is all that';
	const reason = `${fmt(records)} records/s of ${fmt(bytes)} B ${hotRecords > records / stream.shards * 1.05 ? `(the hottest ${isKinesis ? 'shard' : 'partition'} gets ${pct(stream.hottestShare)})` : ''} ${verb} ${counted(stream.shards, shardWord)} take${stream.shards === 1 ? 's' : ''} at ${limit}${verb === 'is all that' ? ', so bursts above the mean are refused' : ''}`.replace('  ', ' ');
	if (needed === undefined) {
		return {component: spec.id, reason, suggestion: `no shard count fixes partition key ${spec.partition_key}: key by a field with many values, or add a random suffix`};
	}
	return {
		component: spec.id,
		reason,
		suggestion: `needs at least ${counted(needed, shardWord)} for ${fmt(records)} records/s of ${fmt(bytes)} B; has ${fmt(stream.shards)}${atPeak !== undefined ? ` (${fmt(atPeak)} for the daily peak of ${peak}x)` : ''}`,
	};
}

function hotKeyFix(spec: StageSpec & {kind: 'stream'}, records: number, top: {value: string; share: number}, perShard: number, keys: Model['source']['keys']): Bottleneck {
	const better = bestKey(spec, keys);
	const shardWord = spec.component === 'kinesis_data_streams' ? 'shard' : 'partition';
	return {
		component: spec.id,
		reason: `partition key ${spec.partition_key} sends ${pct(top.share)} of records ("${top.value}") to one ${shardWord}: ${fmt(records * top.share)} records/s where a ${shardWord} takes ${fmt(perShard)}`,
		suggestion: `partition key ${spec.partition_key} sends ${pct(top.share)} of records to one ${shardWord}: key by ${better}`,
	};
}

/** The source key that spreads records most evenly over the stream's shards (random if none does better). */
function bestKey(spec: StageSpec & {kind: 'stream'}, keys: Model['source']['keys']): string {
	const shards = declaredShards(spec);
	let best = 'random';
	let bestShare = Number.POSITIVE_INFINITY;
	for (const field of Object.keys(keys)) {
		if (field === spec.partition_key) continue;
		const share = hottest(keyLayout(field, keys, shards).shares).share;
		if (share < bestShare - 1e-9) {
			best = field;
			bestShare = share;
		}
	}
	return bestShare <= (1 / shards) * 1.2 ? best : `${best === 'random' ? 'a random key' : best} (or add a random suffix to ${spec.partition_key})`;
}

/** The fewest shards whose hottest shard stays within its limit, or undefined when a single key is too hot for any count. */
function shardsNeeded(spec: StageSpec & {kind: 'stream'}, records: number, perShard: number, keys: Model['source']['keys'], atLeast = 1): number | undefined {
	const minimum = Math.max(atLeast, Math.ceil(records / perShard - 1e-9));
	const fits = (shards: number) => records * hottest(keyLayout(spec.partition_key, keys, shards).shares).share <= perShard + 1e-9;
	// Keys hash unevenly, so the hottest shard's share does not fall steadily as shards are added: count up one at a
	// time first (a step of 10% skipped 18, the fewest for 20 equal key values at 5,250/s, and advised 27), then by 10%.
	const linear = Math.min(minimum * 4, minimum + 512);
	for (let shards = minimum; shards <= linear; shards++) if (fits(shards)) return shards;
	for (let shards = Math.ceil(linear * 1.1), tries = 0; tries < 64 && shards <= 100_000; tries++, shards = Math.ceil(shards * 1.1)) if (fits(shards)) return shards;
	return undefined;
}

function computeFix(spec: StageSpec & {kind: 'compute' | 'queue'}, info: StageCapacityInfo, records: number): Bottleneck {
	const compute = info.compute!;
	if (spec.kind === 'compute' && spec.component === 'lambda' && compute.perShardRecords !== undefined) {
		const {parallelization: pf, units: limitUnits} = computeSettings(computeInputs(spec), true);
		const hotShard = records * (compute.upstreamHottestShare ?? 0);
		const neededUnits = Math.ceil(records / compute.perUnitRecords);
		if (neededUnits > limitUnits) {
			return {
				component: spec.id,
				reason: `${fmt(records)} records/s needs about ${fmt(neededUnits)} concurrent executions at ${fmt(compute.perUnitRecords)} records/s each; the limit is ${fmt(limitUnits)}`,
				suggestion: `raise the concurrency limit to at least ${fmt(Math.ceil(neededUnits * 1.2))} (an account quota increase), or raise batch_size so each invocation does more`,
			};
		}
		const neededPf = Math.ceil(hotShard / compute.perUnitRecords);
		if (neededPf <= lambda.parallelizationFactorMax.value) {
			return {
				component: spec.id,
				reason: `each shard's Lambda handles ${fmt(compute.perShardRecords)} records/s (${pf} batch at a time); the busiest shard brings ${fmt(hotShard)}/s`,
				suggestion: `set parallelization_factor to ${Math.max(neededPf, pf + 1)} (max 10), or raise batch_size to cut per-invocation overhead`,
			};
		}
		return {
			component: spec.id,
			reason: `even 10 batches at a time per shard handle only ${fmt(compute.perUnitRecords * 10)} records/s; the busiest shard brings ${fmt(hotShard)}/s`,
			suggestion: 'add shards upstream, raise batch_size, or make each record cheaper (per_record_ms)',
		};
	}
	const needed = Math.ceil(records / compute.perUnitRecords);
	if (needed <= compute.units) {
		return {
			component: spec.id,
			reason: `${spec.id} falls behind in this run although ${fmt(compute.units)} ${compute.unitName} × ${fmt(compute.perUnitRecords)} records/s should carry ${fmt(records)}/s: start-up, cold starts or batch overhead eat the margin`,
			suggestion: `add ${compute.unitName} (at least ${fmt(Math.ceil(compute.units * 1.5))}) or cut per-batch overhead (overhead_ms, cold_start_ms)`,
		};
	}
	return {
		component: spec.id,
		reason: `${fmt(compute.units)} ${compute.unitName} × ${fmt(compute.perUnitRecords)} records/s = ${fmt(compute.units * compute.perUnitRecords)}/s; the load is ${fmt(records)}/s`,
		suggestion: `needs at least ${fmt(needed)} ${compute.unitName} for ${fmt(records)} records/s; has ${fmt(compute.units)}${spec.kind === 'compute' && !spec.autoscale ? ' (or autoscale with a max above that)' : ''}`,
	};
}

/** For a design that keeps up but misses latency or freshness: the stage that adds the most delay. */
function slowest(chain: readonly StageSpec[], input: BottleneckInput, freshness: boolean): Bottleneck {
	const target = input.model.slo;
	const dashboard = chain.find((stage): stage is StageSpec & {kind: 'dashboard'} => stage.kind === 'dashboard');
	if (freshness && dashboard && target?.freshness_s !== undefined) {
		const refresh = Math.max(dashboard.refresh_s, dashboard.component === 'grafana' ? dashboards.grafanaMinRefresh.value : 0);
		const lagS = input.endToEnd.latency_ms.p99 / 1000;
		const room = target.freshness_s - lagS - dashboard.query_ms / 1000;
		if (room > 0 && (refresh >= target.freshness_s || refresh > lagS)) {
			return {
				component: dashboard.id,
				reason: `a ${fmt(refresh)} s refresh shows data up to ${fmt(refresh + lagS)} s old (pipeline p99 ${fmt(lagS)} s); target ${fmt(target.freshness_s)} s`,
				suggestion: `refresh every ${fmt(Math.max(room, dashboard.component === 'grafana' ? dashboards.grafanaMinRefresh.value : 0.5))} s or less${dashboard.component === 'grafana' ? ' (Grafana allows 5 s)' : ''}`,
			};
		}
	}
	let worst: {spec: StageSpec; wait: number} | undefined;
	input.components.forEach((component, index) => {
		const spec = chain[index];
		if (!spec || spec.kind === 'dashboard') return;
		const wait = component.wait_ms.p99;
		if (Number.isFinite(wait) && (!worst || wait > worst.wait)) worst = {spec, wait};
	});
	if (!worst) return {component: chain[0]!.id, reason: 'nothing was delivered inside the measurement window', suggestion: 'run longer (--duration) or check the stages for a stall'};
	const {spec, wait} = worst;
	const what = freshness ? `freshness target ${fmt(target?.freshness_s ?? Number.NaN)} s` : `latency target p99 ${fmt(target?.latency_p99_ms ?? Number.NaN)} ms`;
	const reason = `${spec.id} holds records up to ${fmt(wait / 1000)} s (p99), the largest delay in the pipeline; ${what}`;
	return {component: spec.id, reason, suggestion: latencyFix(spec, input)};
}

function latencyFix(spec: StageSpec, input: BottleneckInput): string {
	switch (spec.kind) {
		case 'firehose': {
			const bytesPerS = input.loadPerS * input.model.source.event_bytes;
			const fill = (spec.buffer_size_mib * 2 ** 20) / bytesPerS;
			return `buffer_interval_s ${spec.buffer_interval_s} holds data until the interval or the ${spec.buffer_size_mib} MiB buffer (${fmt(fill)} s to fill at this rate) triggers delivery: set buffer_interval_s to 0 (zero buffering) or a few seconds, or use Kinesis Data Streams → Lambda for second-level freshness`;
		}
		case 'stream':
			return spec.consumer === 'efo' ? 'the stream is not the slow part: look at the consumer' : `consumers poll each shard every ${pollInterval(spec)} s: use enhanced fan-out (consumer: efo, ~70 ms) or poll_interval_s 0.2`;
		case 'compute':
			if (spec.window_s) return `window_s ${spec.window_s} holds results until each window closes: use a shorter window`;
			if (spec.batching_window_s) return `batching_window_s ${spec.batching_window_s} waits to fill batches: lower it (0 invokes as soon as records arrive)`;
			if (spec.trigger_s !== undefined && spec.trigger_s >= 60) return `${spec.id} runs every ${fmt(spec.trigger_s)} s (trigger_s), so records wait up to that long: run it more often, or process the data as a stream (Flink, Spark Structured Streaming)`;
			if (spec.component === 'spark_structured_streaming' || spec.component === 'glue') return `each micro-batch waits for its trigger (${computeSettings(computeInputs(spec), false).triggerS} s) and runs over everything queued: shorten trigger_s, add cores, or use Flink for per-record latency`;
			return 'add concurrency so batches do not queue, or cut per-batch overhead';
		case 'collector':
			return collectorFix(spec, input.capacity.stages.find((stage) => stage.id === spec.id)!, input.loadPerS, input).suggestion;
		case 'store':
		case 'cache':
		case 'warehouse':
			if (spec.component === 'snowpipe') return 'Snowpipe loads files within minutes: use Snowpipe Streaming (5–10 s) or a cache for the live view';
			if (spec.load_interval_s) return `load_interval_s ${spec.load_interval_s} batches loads: load more often or stream into the store`;
			return `${spec.component} is slow for this path: serve the live view from a cache (Redis) and load the warehouse behind it`;
		default:
			return 'shorten this stage\'s delay';
	}
}
