/**
Runs one replication of a pipeline model: the event loop, the source, the
measurement window, injections, time series and the end-to-end sink.

Time moves in two ways at once. Arrivals are aggregated per tick (20 ms by
default): each tick draws how many events the source produced in it (Poisson
or constant) and hands them to the first stage as one cohort, so the cost does
not grow with the event rate. Everything else — polls, batches finishing,
buffer flushes, dashboard refreshes — is a discrete event at its exact time.
Per-record latency comes from the cohorts' birth times, not from per-record
events.

The measurement window is [warm-up, duration). After it, the source keeps
running (so the pipeline stays loaded) until every event born inside the window
has been delivered or lost, or a drain limit passes; those still inside are
reported as undelivered.
*/
import type {Model, Stage as StageSpec} from '../../scenarios/model-schema.js';
import {EventQueue} from '../kernel/event-queue.js';
import {Random, REPLICATION_STREAMS} from '../kernel/random.js';
import {LogHistogram} from '../stats/histogram.js';
import type {ComponentResult, RunResult, Series} from '../result.js';
import {ApiStage} from './api.js';
import {ComputeStage} from './compute.js';
import {createComputeStage, MicroBatches} from './compute-modes.js';
import {poisson} from './counts.js';
import {DashboardStage} from './dashboard.js';
import {FirehoseStage} from './firehose.js';
import {STAGE_SLOTS, type SimContext, type Stage} from './stage.js';
import {BirthLedger} from './birth-ledger.js';
import {CollectorStage} from './collector.js';
import {batchReport, clockSeconds} from './batch-runs.js';
import {SourceFeeds} from './feeds.js';
import {ApiQuota} from './api-quota.js';
import {StoreStage} from './store.js';
import {StreamStage} from './stream.js';
import {counted, roundTo} from '../numbers.js';
import {computeInputs, computeSettings, planPipeline, type PipelinePlan} from './plan.js';

const GLOBAL = STAGE_SLOTS - 1;
const TICK = 1;
const WARMUP = 2;
const END = 3;
const SAMPLE = 4;
const INJECT = 5;
const FRESH = 6;
const MIDDLE = 7;
const FEED = 8;
const SOURCES = 9;
const PULLED = 10;
const BACKFILL = 11;
/** Backfills per quota in an event's local number (quota × this + backfill). */
const BACKFILL_SLOTS = 1000;

/** How to run one replication. */
export type EngineOptions = {
	readonly seed: number;
	readonly replication: number;
	/** Mean source events per second at 1x of this run (scale and peak already applied). */
	readonly ratePerS: number;
	readonly durationS: number;
	readonly warmupS: number;
	/** Seconds per arrival tick. */
	readonly tickS: number;
	/** Points in each time series. */
	readonly seriesPoints: number;
	/** Longest time to keep running after the window so late records can finish. */
	readonly drainS: number;
	/** Multiplies the requests of API pulls and backfills (the load multiple: more accounts at 10x); default 1. */
	readonly requestScale?: number;
	/** Called at each time-series sample with the share of the simulated time done (0–1), for a progress line; must not change the run. */
	readonly onProgress?: (done: number) => void;
};

/** Runs one replication and returns its raw figures. */
export function runPipeline(model: Model, options: EngineOptions): RunResult {
	const plan = planPipeline(model);
	const chain = plan.chain.map((stage) => stage.spec);
	const queue = new EventQueue(1024);
	const notes: string[] = [];
	const noted = new Set<string>();
	const streamBase = options.replication * REPLICATION_STREAMS;
	const warmup = options.warmupS;
	const end = options.durationS;
	const span = end - warmup;

	// The sink: end-to-end figures for events born inside the window.
	const latency = new LogHistogram();
	let delivered = 0;
	let lost = 0;
	let filtered = 0;
	let windowBorn = 0;
	let newestBorn = Number.NEGATIVE_INFINITY;
	let sojournSum = 0;
	let deliveredSinceSample = 0;
	let latencySinceSample = 0;
	let offeredSinceSample = 0;
	const freshness = new LogHistogram();
	let freshnessSum = 0;
	let freshnessCount = 0;
	// Completeness: the age of the oldest event still in the pipeline (a count on screen is right only up to it).
	const ledger = new BirthLedger(options.tickS);
	const completeness = new LogHistogram();
	let completenessSum = 0;
	// Little's law: events in the pipeline, integrated over the window.
	let inFlight = 0;
	let inFlightArea = 0;
	let inFlightSince = 0;
	const integrate = (now: number) => {
		const from = Math.max(inFlightSince, warmup);
		const to = Math.min(now, end);
		if (to > from) inFlightArea += inFlight * (to - from);
		inFlightSince = now;
	};
	const inWindow = (born: number) => born >= warmup && born < end;
	// Sources that arrive in deliveries (hourly pulls, daily files): held at the source, each with its own ledger.
	const feeds = new SourceFeeds(model.source.feeds ?? [], options.tickS, inWindow);
	const settle = (born: number, weight: number) => {
		if (!feeds.settle(born, weight)) ledger.settle(born, weight);
	};
	const leave = (now: number, weight: number) => {
		integrate(now);
		inFlight -= weight;
	};

	const ctx: SimContext & {measuring: boolean} = {
		warmup,
		end,
		measuring: false,
		schedule(time, stage, kind, local) {
			queue.push(time, kind, local * STAGE_SLOTS + stage);
		},
		deliver(now, born, weight) {
			leave(now, weight);
			settle(born, weight);
			deliveredSinceSample += weight;
			latencySinceSample += weight * (now - born);
			if (born > newestBorn) newestBorn = born;
			if (!inWindow(born)) return;
			delivered += weight;
			sojournSum += (now - born) * weight;
			if (weight > 0) latency.record((now - born) * 1000, weight);
		},
		lose(now, born, weight) {
			leave(now, weight);
			settle(born, weight);
			if (!inWindow(born)) return;
			lost += weight;
			sojournSum += (now - born) * weight;
		},
		absorb(now, born, weight) {
			leave(now, weight);
			settle(born, weight);
			if (!inWindow(born)) return;
			filtered += weight;
			sojournSum += (now - born) * weight;
		},
		completeUpTo(now) {
			return feeds.size > 0 ? Math.min(ledger.completeUpTo(now), feeds.completeUpTo(now)) : ledger.completeUpTo(now);
		},
		random(stage, purpose) {
			return new Random(options.seed, streamBase + 16 + stage * 16 + purpose);
		},
		note(text) {
			if (!noted.has(text)) {
				noted.add(text);
				notes.push(text);
			}
		},
	};

	const stages = buildStages(ctx, plan, model);
	const first = stages[0]!;
	const dashboard = stages.find((stage): stage is DashboardStage => stage instanceof DashboardStage);

	// Source: rate × load multiplier (injections) × bursts.
	const arrivals = new Random(options.seed, streamBase + 1);
	const source = model.source;
	const bursts = source.bursts;
	let loadFactor = 1;
	const rateAt = (t: number): number => {
		let rate = options.ratePerS * loadFactor;
		if (bursts && t % bursts.every_s < bursts.duration_s) rate *= bursts.multiplier;
		return rate;
	};
	const constant = source.arrivals === 'constant';
	let carry = 0;
	// A bot (injection kind bot): one client sending `factor` × the normal load on top of it, from its own random stream.
	const botArrivals = new Random(options.seed, streamBase + 2);
	let botFactor = 0;
	let botCarry = 0;

	// Time series.
	const points = Math.max(1, options.seriesPoints);
	const interval = niceInterval(end / points);
	const series: Series = {interval_s: interval, t_s: [], offered_per_s: [], delivered_per_s: [], freshness_s: [], latency_s: [], components: {}};
	for (const stage of stages) series.components[stage.id] = {throughput_per_s: [], backlog: []};

	const dt = options.tickS;
	queue.push(dt, TICK, GLOBAL);
	queue.push(warmup, WARMUP, GLOBAL);
	queue.push(end, END, GLOBAL);
	queue.push((warmup + end) / 2, MIDDLE, GLOBAL);
	queue.push(interval, SAMPLE, GLOBAL);
	if (!dashboard) queue.push(0.5, FRESH, GLOBAL);
	for (let index = 0; index < feeds.size; index++) queue.push(feeds.firstDelivery(index), FEED, index * STAGE_SLOTS + GLOBAL);
	// Per-source completeness, read every second (or tick) inside the window; a dashboard adds its refresh and query.
	const sourcesEvery = Math.max(1, options.tickS);
	const screenS = dashboard ? dashboard.refreshPeriod + dashboard.spec.queryMs / 1000 : 0;
	if (feeds.size > 0) queue.push(warmup + sourcesEvery, SOURCES, GLOBAL);
	// Where each feed's deliveries land: a named stage (files straight into S3) or the first.
	const feedTargets = Array.from({length: feeds.size}, (_, index) => {
		const id = feeds.entersAt(index);
		const stage = id === undefined ? first : stages.find((candidate) => candidate.id === id);
		if (!stage) ctx.note(`source feed ${index + 1}: enters names "${id}", which is not a stage on this path; its deliveries go to the first stage`);
		return stage ?? first;
	});
	// API quotas shared by the feeds' pulls and scheduled backfills.
	const quotas = (model.source.quotas ?? []).map((spec) => new ApiQuota(spec));
	const quotaById = new Map(quotas.map((quota) => [quota.spec.id, quota]));
	const requestScale = options.requestScale ?? 1;
	quotas.forEach((quota, q) =>
		quota.spec.backfills.forEach((backfill, b) => {
			const offset = clockSeconds(backfill.at) % backfill.every_s;
			queue.push(offset > 0 ? offset : backfill.every_s, BACKFILL, (q * BACKFILL_SLOTS + b) * STAGE_SLOTS + GLOBAL);
		}),
	);
	model.injections.forEach((injection, index) => queue.push(injection.at_s, INJECT, index * STAGE_SLOTS + GLOBAL));
	for (const stage of stages) stage.start(0);

	let components: ComponentResult[] = [];
	let tickIndex = 1;
	let events = 0;
	let ended = false;
	let now = 0;
	const hardStop = end + options.drainS;

	while (queue.pop()) {
		now = queue.time;
		events++;
		const target = queue.target;
		const slot = target % STAGE_SLOTS;
		const local = (target - slot) / STAGE_SLOTS;
		if (slot !== GLOBAL) {
			stages[slot]!.handle(queue.kind, local, now);
			continue;
		}
		const kind = queue.kind;
		if (kind === TICK) {
			const rate = rateAt(now - dt / 2);
			let n: number;
			if (constant) {
				const exact = rate * dt + carry;
				n = Math.floor(exact);
				carry = exact - n;
			} else {
				n = poisson(arrivals, rate * dt);
			}
			if (n > 0) {
				const born = now - dt / 2;
				integrate(now);
				inFlight += n;
				// The events were in the pipeline since their birth, before this tick handed them on.
				const from = Math.max(born, warmup);
				const to = Math.min(now, end);
				if (to > from) inFlightArea += n * (to - from);
				if (inWindow(born)) windowBorn += n;
				offeredSinceSample += n;
				if (feeds.size > 0) {
					const streamed = n * feeds.streamedShare;
					feeds.hold(tickIndex, born, n);
					ledger.born(tickIndex, streamed);
					if (streamed > 0) first.receive(now, born, streamed, streamed);
				} else {
					ledger.born(tickIndex, n);
					first.receive(now, born, n, n);
				}
			}
			if (botFactor > 0) {
				const exact = options.ratePerS * botFactor * dt;
				let bots: number;
				if (constant) {
					bots = Math.floor(exact + botCarry);
					botCarry = exact + botCarry - bots;
				} else {
					bots = poisson(botArrivals, exact);
				}
				if (bots > 0) first.receiveBot(now, now - dt / 2, bots);
			}
			for (const stage of stages) if (stage.needsTick) stage.tick(now);
			if (ended) {
				const remaining = windowBorn - delivered - lost - filtered;
				if (remaining <= 1e-6 * Math.max(1, windowBorn) || now >= hardStop) break;
			}
			tickIndex++;
			queue.push(tickIndex * dt, TICK, GLOBAL);
		} else if (kind === WARMUP) {
			integrate(now);
			ctx.measuring = true;
			for (const stage of stages) {
				stage.stats.backlog.reset(now);
				stage.stats.backlogAtStart = stage.held;
				stage.beginMeasure(now);
			}
		} else if (kind === END) {
			integrate(now);
			components = stages.map((stage) => componentResult(stage, span, now));
			ctx.measuring = false;
			ended = true;
		} else if (kind === SAMPLE) {
			options.onProgress?.(Math.min(1, now / end));
			if (now <= end + 1e-9) {
				series.t_s.push(roundTo(now, 3));
				series.offered_per_s.push(roundTo(offeredSinceSample / interval, 2));
				series.delivered_per_s.push(roundTo(deliveredSinceSample / interval, 2));
				series.freshness_s.push(roundTo(currentFreshness(now), 3));
				series.latency_s.push(deliveredSinceSample > 0 ? roundTo(latencySinceSample / deliveredSinceSample, 3) : Number.NaN);
				offeredSinceSample = 0;
				deliveredSinceSample = 0;
				latencySinceSample = 0;
				for (const stage of stages) {
					const line = series.components[stage.id]!;
					line.throughput_per_s.push(roundTo(stage.stats.departedSinceSample / interval, 2));
					line.backlog.push(roundTo(stage.held, 2));
					stage.stats.departedSinceSample = 0;
				}
				queue.push(now + interval, SAMPLE, GLOBAL);
			}
		} else if (kind === FRESH) {
			if (ctx.measuring && Number.isFinite(newestBorn)) {
				const age = now - newestBorn;
				freshness.record(age);
				freshnessSum += age;
				freshnessCount++;
				const lag = now - ctx.completeUpTo(now);
				completeness.record(lag);
				completenessSum += lag;
			}
			if (now < end) queue.push(now + 0.5, FRESH, GLOBAL);
		} else if (kind === MIDDLE) {
			for (const stage of stages) stage.stats.backlogAtMiddle = stage.stats.backlog.integral(now);
		} else if (kind === INJECT) {
			inject(local, now);
		} else if (kind === FEED) {
			const pull = feeds.quotaOf(local);
			const quota = pull ? quotaById.get(pull.id) : undefined;
			const done = quota ? quota.submit(now, pull!.requests * requestScale, 'pull', ctx.measuring) : now;
			// A pull that must wait for the quota returns its data when its requests are served.
			if (done <= now + 1e-9) feeds.deliver(local, now, (born, count) => feedTargets[local]!.receive(now, born, count, count));
			else if (Number.isFinite(done)) queue.push(done, PULLED, local * STAGE_SLOTS + GLOBAL);
			queue.push(now + feeds.interval(local), FEED, local * STAGE_SLOTS + GLOBAL);
		} else if (kind === PULLED) {
			feeds.deliver(local, now, (born, count) => feedTargets[local]!.receive(now, born, count, count));
		} else if (kind === BACKFILL) {
			const quota = quotas[Math.floor(local / BACKFILL_SLOTS)]!;
			const backfill = quota.spec.backfills[local % BACKFILL_SLOTS]!;
			quota.submit(now, backfill.requests * requestScale, 'backfill', ctx.measuring);
			queue.push(now + backfill.every_s, BACKFILL, local * STAGE_SLOTS + GLOBAL);
		} else if (kind === SOURCES) {
			if (now < end) {
				feeds.sample(now, ledger.completeUpTo(now), screenS);
				queue.push(now + sourcesEvery, SOURCES, GLOBAL);
			}
		}
	}

	function currentFreshness(at: number): number {
		return Number.isFinite(newestBorn) ? at - newestBorn : Number.NaN;
	}

	function inject(index: number, at: number): void {
		const injection = model.injections[index]!;
		if (injection.kind === 'load_multiplier') {
			loadFactor = injection.factor ?? 1;
			return;
		}
		if (injection.kind === 'bot') {
			botFactor = injection.factor ?? 0;
			// Only the first stage sees who sent a request: a rate limiter further in cannot tell the bot apart.
			if (!(first instanceof CollectorStage)) ctx.note(`injection ${index + 1}: a bot sends ${botFactor}x the normal load into ${first.id}; nothing in front of it limits one client's rate${stages.some((stage) => stage instanceof CollectorStage) ? ' (a collector limits clients only as the first stage)' : ''}`);
			return;
		}
		const targets = injection.stage !== undefined ? stages.filter((stage) => stage.id === injection.stage) : stages;
		if (injection.kind === 'lose_node') {
			const stage = targets.find((candidate) => candidate.loseUnits(at, injection.count ?? 1));
			if (!stage) ctx.note(`injection ${index + 1}: ${injection.stage ?? 'no stage'} has no shard, node or worker to lose; ignored`);
			return;
		}
		const share = injection.share ?? 0.5;
		const key = injection.key ?? 'hot-key';
		const keyed = targets.filter((stage): stage is StreamStage => stage instanceof StreamStage && stage.setHotKey(key, share));
		if (keyed.length === 0) ctx.note(`injection ${index + 1}: no stream is keyed by a field, so the hot key "${key}" is spread by random partition keys and changes nothing`);
	}

	if (!ended) {
		// The queue ran dry before the end (nothing scheduled): close the window now.
		components = stages.map((stage) => componentResult(stage, span, end));
	}

	const undelivered = Math.max(0, windowBorn - delivered - lost - filtered);
	const fresh = dashboard
		? dashboard.freshness()
		: freshnessCount > 0
			? {mean: freshnessSum / freshnessCount, p99: freshness.quantile(0.99), max: freshness.max}
			: {mean: Number.NaN, p99: Number.NaN, max: Number.NaN};
	const complete = dashboard
		? dashboard.completeness()
		: freshnessCount > 0
			? {mean: completenessSum / freshnessCount, p99: completeness.quantile(0.99), max: completeness.max}
			: {mean: Number.NaN, p99: Number.NaN, max: Number.NaN};
	const left = delivered + lost + filtered;
	const stepLogs = stages.flatMap((stage) =>
		stage instanceof ComputeStage && stage.spec.logRuns ? [{id: stage.id, after: stage.spec.startAtS !== undefined || stage.spec.after === undefined ? null : stage.spec.after, runs: stage.runLog}] : [],
	);
	const batch = stepLogs.length > 0 ? batchReport(stepLogs, model.slo?.ready_by ?? null, warmup, end) : undefined;
	const sources = feeds.size > 0 ? feeds.report(model.slo?.freshness_s).sort((a, b) => b.sets_completeness_share - a.sets_completeness_share) : undefined;
	return {
		seed: options.seed,
		replication: options.replication,
		events_simulated: events,
		simulated_s: roundTo(now, 3),
		components,
		end_to_end: {
			delivered: roundTo(delivered, 0),
			lost: roundTo(lost, 0),
			filtered: roundTo(filtered, 0),
			undelivered: roundTo(undelivered, 0),
			latency_ms: {
				mean: roundTo(latency.mean, 3),
				p50: roundTo(latency.quantile(0.5), 3),
				p95: roundTo(latency.quantile(0.95), 3),
				p99: roundTo(latency.quantile(0.99), 3),
				max: roundTo(latency.max, 3),
			},
			freshness_s: roundTo(fresh.mean, 3),
			freshness_p99_s: roundTo(fresh.p99, 3),
			freshness_max_s: roundTo(fresh.max, 3),
			completeness_s: roundTo(complete.mean, 3),
			completeness_p99_s: roundTo(complete.p99, 3),
			completeness_max_s: roundTo(complete.max, 3),
		},
		little: {
			l: roundTo(inFlightArea / span, 3),
			lambda: roundTo(windowBorn / span, 3),
			w_s: left > 0 ? roundTo(sojournSum / left, 6) : Number.NaN,
		},
		series,
		notes,
		...(batch ? {batch} : {}),
		...(sources ? {sources} : {}),
		...(quotas.length > 0 ? {quotas: quotas.map((quota) => quota.report(span))} : {}),
	};
}

function buildStages(ctx: SimContext, plan: PipelinePlan, model: Model): Stage[] {
	const stages: Stage[] = [];
	const chain = plan.chain.map((planned) => planned.spec);
	plan.chain.forEach((planned, index) => {
		const spec = planned.spec;
		const recordBytes = planned.recordBytes;
		const previous = stages[index - 1];
		let stage: Stage;
		switch (spec.kind) {
			case 'stream':
				stage = new StreamStage(ctx, index, {
					id: spec.id,
					component: spec.component,
					mode: spec.mode,
					shards: planned.kind === 'stream' ? planned.shards : 0,
					partitionKey: spec.partition_key,
					keys: model.source.keys,
					onThrottle: spec.on_throttle,
					consumer: spec.consumer,
					consumers: spec.consumers,
					retentionS: spec.retention_h * 3600,
					...(spec.poll_interval_s !== undefined ? {pollIntervalS: spec.poll_interval_s} : {}),
					...(spec.producer_ttl_s !== undefined ? {producerTtlS: spec.producer_ttl_s} : {}),
					...(spec.aggregation ? {aggregation: true} : {}),
					recordBytes,
				});
				break;
			case 'firehose':
				stage = new FirehoseStage(ctx, index, {
					id: spec.id,
					bufferSizeMiB: spec.buffer_size_mib,
					bufferIntervalS: spec.buffer_interval_s,
					...(spec.throughput_mib_s !== undefined ? {throughputMiBs: spec.throughput_mib_s} : {}),
					recordBytes,
				});
				break;
			case 'compute':
				stage = createComputeStage(
					ctx,
					index,
					{
						id: spec.id,
						kind: 'compute',
						...computeInputs(spec),
						...(spec.start_at !== undefined || spec.after !== undefined || chain.some((other) => other.kind === 'compute' && other.after === spec.id) ? {logRuns: true} : {}),
						transform: spec.transform,
						outputRatio: spec.output_ratio,
						...defined('windowS', spec.window_s),
						...(spec.autoscale
							? {
									autoscale: {
										targetUtilization: spec.autoscale.target_utilization,
										max: spec.autoscale.max,
										...defined('intervalS', spec.autoscale.interval_s),
										...defined('lagS', spec.autoscale.lag_s),
									},
								}
							: {}),
						recordBytes,
						...defined('outputBytes', spec.output_bytes),
						...defined('memoryMb', spec.memory_mb),
					},
					previous instanceof StreamStage ? previous : undefined,
					planned.kind === 'compute' ? planned.settings : computeSettings({component: spec.component}, false),
				);
				break;
			case 'queue':
				// Inside a pipeline a station runs as a fluid pool (servers × mean service); alone it runs exactly.
				stage = createComputeStage(
					ctx,
					index,
					{
						id: spec.id,
						kind: 'queue',
						component: 'queue',
						concurrency: spec.servers,
						perRecordS: serviceMean(spec.service) / 1000,
						transform: 'map',
						outputRatio: 1,
						...defined('capacity', spec.capacity),
						recordBytes,
					},
					undefined,
					computeSettings({component: 'queue', concurrency: spec.servers, perRecordS: serviceMean(spec.service) / 1000}, false),
				);
				ctx.note(`${spec.id}: a queue station inside a pipeline runs as a fluid pool of ${counted(spec.servers, 'server')} at the mean service time; model it alone to check it against queueing theory`);
				break;
			case 'api':
				stage = new ApiStage(ctx, index, {
					id: spec.id,
					component: spec.component,
					...defined('ratePerS', spec.rate_per_s),
					...defined('burst', spec.burst),
					onThrottle: spec.on_throttle,
					...defined('latency', spec.latency),
					recordBytes,
				});
				break;
			case 'collector':
				stage = new CollectorStage(ctx, index, {
					id: spec.id,
					component: spec.component,
					minInstances: spec.min_instances,
					...defined('maxInstances', spec.max_instances),
					...defined('instanceRatePerS', spec.instance_rate_per_s),
					...defined('targetUtilization', spec.target_utilization),
					...defined('metricPeriodS', spec.metric_period_s),
					...defined('warmupS', spec.warmup_s),
					...defined('maxWaitS', spec.max_wait_s),
					...defined('clientRatePerS', spec.client_rate_per_s),
					...defined('clientBurst', spec.client_burst),
				});
				break;
			case 'store':
			case 'cache':
			case 'warehouse':
				// Athena queries S3 where the data already is: its seconds are the dashboard's query time, not a hold on each record.
				if (spec.component === 'athena') {
					ctx.note(`${spec.id}: Athena runs when the dashboard queries; its scan time belongs in the dashboard's query_ms, so records pass straight through here`);
					stage = new StoreStage(ctx, index, {id: spec.id, kind: spec.kind, component: spec.component, latency: {dist: 'const', mean_ms: 0}, recordBytes});
					break;
				}
				stage = new StoreStage(ctx, index, {
					id: spec.id,
					kind: spec.kind,
					component: spec.component,
					...defined('nodes', spec.nodes),
					...defined('writeCapacityPerS', spec.write_capacity_per_s),
					...defined('loadIntervalS', spec.load_interval_s),
					...defined('batchSize', spec.batch_size),
					...defined('latency', spec.latency),
					...defined('readsPerS', spec.reads_per_s),
					...defined('readReplicas', spec.read_replicas),
					...defined('replicaLagS', ms(spec.replica_lag_ms)),
					...defined('failoverS', spec.failover_s),
					...defined('hashing', spec.hashing),
					...defined('virtualNodes', spec.virtual_nodes),
					recordBytes,
				});
				break;
			case 'dashboard':
				stage = new DashboardStage(ctx, index, {id: spec.id, component: spec.component, refreshS: spec.refresh_s, queryMs: spec.query_ms});
				if (index !== chain.length - 1) ctx.note(`${spec.id}: a dashboard ends the pipeline; the stages after it get nothing`);
				break;
		}
		if (previous) previous.next = stage;
		stages.push(stage);
	});
	// A chained step waits for the step it runs after and everything between (rules.ts checks it is earlier in the chain).
	chain.forEach((spec, index) => {
		if (spec.kind !== 'compute' || spec.after === undefined) return;
		const from = chain.findIndex((other) => other.id === spec.after);
		// A step with `after` is always a scheduled batch (plan.ts), so a micro-batch stage.
		const step = stages[index];
		if (from >= 0 && from < index && step instanceof MicroBatches) step.chainAfter(stages.slice(from, index));
		else ctx.note(`${spec.id}: after names "${spec.after}", which is not an earlier stage on this path; it runs as soon as records arrive`);
	});
	return stages;
}

function componentResult(stage: Stage, span: number, now: number): ComponentResult {
	const stats = stage.stats;
	const wait = stats.wait;
	return {
		id: stage.id,
		kind: stage.kind,
		component: stage.component,
		utilization: roundTo(stage.utilization(span), 4),
		throughput_per_s: roundTo(stats.departed / span, 2),
		queue: {mean: roundTo(stats.backlog.mean(now), 2), max: roundTo(stats.backlog.max, 2)},
		wait_ms: {mean: roundTo(wait.mean, 3), p50: roundTo(wait.quantile(0.5), 3), p95: roundTo(wait.quantile(0.95), 3), p99: roundTo(wait.quantile(0.99), 3)},
		throttled: roundTo(stats.throttled, 0),
		dropped: roundTo(stats.dropped, 0),
		lost: roundTo(stats.lost, 0),
		backlog_growth_per_s: roundTo(backlogGrowth(stats, span, now), 3),
		details: stage.details(span),
		// Each stage class pairs its kind with its own details type (stream.ts returns StreamDetails, …); the compiler cannot follow that through the base class.
	} as ComponentResult;
}

/**
How fast the backlog grew: the mean backlog over the second half of the window
minus that over the first half, per second between the halves' midpoints.
Robust to bursty stages (a Firehose delivery lands 26,000 records at once)
where two instantaneous samples would not be.
*/
function backlogGrowth(stats: Stage['stats'], span: number, now: number): number {
	const half = span / 2;
	if (!(half > 0)) return 0;
	const first = stats.backlogAtMiddle / half;
	const second = (stats.backlog.integral(now) - stats.backlogAtMiddle) / half;
	return (second - first) / half;
}

function serviceMean(spec: StageSpec & {kind: 'queue'} extends {service: infer D} ? D : never): number {
	if (spec.dist === 'empirical') return spec.values_ms.reduce((sum, value) => sum + value, 0) / spec.values_ms.length;
	return spec.mean_ms;
}

function ms(value: number | undefined): number | undefined {
	return value === undefined ? undefined : value / 1000;
}

function defined<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
	return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}

function niceInterval(raw: number): number {
	const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
	for (const step of steps) if (step >= raw) return step;
	return Math.ceil(raw / 3600) * 3600;
}
