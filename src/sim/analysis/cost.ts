/**
A rough monthly bill for the simulated design, from the catalogue's prices and
the rates the run measured (records written, invocations, busy seconds).
Most prices are tagged [U] or [R] in the catalogue (list prices for us-east-1,
recalled or from third-party summaries), so this is an order-of-magnitude
figure for comparing designs, not a quote. Each item's basis ends with the
weakest tag of the prices it used. Components without a price in the
catalogue are left out and named.
*/
import type {Model, Stage} from '../../scenarios/model-schema.js';
import {firehose, glue, HOURS_PER_MONTH, kinesis, lambda, msk, snowflake, stores, api, type Fact} from '../catalogue.js';
import {computeInputs, computeSettings, declaredShards, planPipeline, storeSettings} from '../models/plan.js';
import type {ComponentResult, ComputeDetails, SimResult, StreamDetails} from '../result.js';
import {counted, roundTo} from '../numbers.js';

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/**
The monthly cost, item by item. `spanS` is the measured window the components'
counts cover (duration minus warm-up); per-run charges (Glue, a warehouse's
minimum minute) need it, and are left unpriced without it.
*/
export function estimateCost(model: Model, loadPerS: number, components: readonly ComponentResult[], spanS?: number): SimResult['cost'] {
	const plan = planPipeline(model);
	const chain = plan.chain.map((stage) => stage.spec);
	const items: SimResult['cost']['items'] = [];
	const unpriced: string[] = [];
	chain.forEach((spec, index) => {
		const result = components[index];
		const bytes = plan.chain[index]!.recordBytes;
		switch (spec.kind) {
			case 'stream': {
				const priced = streamCost(spec, bytes, result?.kind === 'stream' ? result.details : undefined);
				if (priced === null) unpriced.push(spec.id);
				else items.push({component: spec.id, ...priced});
				return;
			}
			case 'firehose': {
				const billed = Math.max(bytes, 5 * 1024);
				const gb = ((result?.throughput_per_s ?? loadPerS) * billed * SECONDS_PER_MONTH) / 1e9;
				items.push({component: spec.id, per_month_usd: round(gb * firehose.ingestUsdPerGb.value), basis: `${round(gb)} GB ingested (records rounded up to 5 KB) × $${firehose.ingestUsdPerGb.value} [U]`});
				return;
			}
			case 'compute': {
				const figures = result?.kind === 'compute' ? result.details : undefined;
				if (spec.component === 'lambda') {
					const memory = (spec.memory_mb ?? lambda.memoryDefaultMb.value) / 1024;
					const requests = (figures?.invocations_per_s ?? 0) * SECONDS_PER_MONTH;
					const gbSeconds = (figures?.busy_seconds_per_s ?? 0) * SECONDS_PER_MONTH * memory;
					const usd = (requests / 1e6) * lambda.requestUsdPerMillion.value + gbSeconds * lambda.gbSecondUsd.value;
					items.push({component: spec.id, per_month_usd: round(usd), basis: `${round(requests / 1e6)}M invocations + ${round(gbSeconds)} GB-s [U]`});
					return;
				}
				const period = schedulePeriod(spec, chain);
				const priced = spec.component === 'glue' ? glueCost(spec, period, figures, spanS) : spec.warehouse_size !== undefined ? warehouseCost(spec, period, spec.warehouse_size, figures, spanS) : null;
				if (priced === null) unpriced.push(spec.id);
				else items.push({component: spec.id, ...priced});
				return;
			}
			case 'collector':
				// EC2 instance-hours and the ALB's LCUs are not in the catalogue.
				unpriced.push(spec.id);
				return;
			case 'api': {
				if (spec.component !== 'api_gateway') {
					unpriced.push(spec.id);
					return;
				}
				const requests = (result?.throughput_per_s ?? 0) * SECONDS_PER_MONTH;
				items.push({component: spec.id, per_month_usd: round((requests / 1e6) * api.apiGatewayUsdPerMillion.value), basis: `${round(requests / 1e6)}M requests [U]`});
				return;
			}
			case 'store':
			case 'cache':
			case 'warehouse': {
				const writes = result?.kind === 'store' || result?.kind === 'cache' || result?.kind === 'warehouse' ? result.details.write_requests_per_s : 0;
				const requests = writes * SECONDS_PER_MONTH;
				if (spec.component === 'redis') {
					// Replicas are nodes too, billed alike.
					const {nodes: primaries, readReplicas} = storeSettings(spec);
					const nodes = primaries * (1 + readReplicas);
					items.push({component: spec.id, per_month_usd: round(nodes * stores.redisNodeHourUsd.value * HOURS_PER_MONTH), basis: `${counted(nodes, 'node')}${readReplicas ? ` (${primaries} primary + ${readReplicas} replica each)` : ''} × $${stores.redisNodeHourUsd.value}/h [U]`});
				} else if (spec.component === 'dynamodb') {
					const units = Math.max(1, Math.ceil(bytes / stores.dynamoWcuBytes.value));
					items.push({component: spec.id, per_month_usd: round(((requests * units) / 1e6) * stores.dynamoWriteUsdPerMillion.value), basis: `${round(requests / 1e6)}M writes on demand [U]`});
				} else if (spec.component === 's3') {
					items.push({component: spec.id, per_month_usd: round((requests / 1000) * stores.s3PutUsdPerThousand.value), basis: `${round(requests / 1e6)}M PUTs (storage not included) [U]`});
				} else if (spec.component === 'snowpipe') {
					const gb = ((result?.throughput_per_s ?? 0) * bytes * SECONDS_PER_MONTH) / 1e9;
					const credits = gb * snowflake.snowpipeCreditsPerGb.value;
					items.push({component: spec.id, per_month_usd: round(credits * snowflake.creditUsd.value), basis: `${round(gb)} GB loaded × ${snowflake.snowpipeCreditsPerGb.value} credits/GB × $${snowflake.creditUsd.value}/credit ${tag(snowflake.snowpipeCreditsPerGb, snowflake.creditUsd)}`});
				} else if (spec.component === 'athena') {
					const refreshS = dashboardAfter(chain, index);
					if (refreshS === undefined) {
						unpriced.push(spec.id);
						return;
					}
					// One query per dashboard refresh, scanning what landed since the last one (a time-partitioned table), at least the minimum.
					const scanned = Math.max(stores.athenaMinimumScanBytes.value, (result?.throughput_per_s ?? 0) * bytes * refreshS);
					const tb = ((SECONDS_PER_MONTH / refreshS) * scanned) / 1e12;
					items.push({component: spec.id, per_month_usd: round(tb * stores.athenaUsdPerTb.value), basis: `${round(SECONDS_PER_MONTH / refreshS)} queries (one per ${refreshS} s refresh) × ${round(scanned / 1e6)} MB scanned = ${round(tb)} TB × $${stores.athenaUsdPerTb.value} ${tag(stores.athenaUsdPerTb, stores.athenaMinimumScanBytes)}`});
				} else {
					unpriced.push(spec.id);
				}
				return;
			}
			default:
				return;
		}
	});
	return finish(items, unpriced);
}

function finish(items: SimResult['cost']['items'], unpriced: string[]): SimResult['cost'] {
	const total = items.reduce((sum, item) => sum + item.per_month_usd, 0);
	return {per_month_usd: items.length > 0 ? round(total) : null, items, ...(unpriced.length > 0 ? {unpriced} : {})};
}

type Priced = {per_month_usd: number; basis: string};
/** What a stream's bill needs from its run: records accepted and read per second, shards at the end. */
type StreamFigures = Pick<StreamDetails, 'accepted_per_s' | 'read_per_s' | 'shards'>;
/** What a compute stage's bill needs from its run: invocations, busy unit-seconds and units. */
type ComputeFigures = Pick<ComputeDetails, 'invocations' | 'invocations_per_s' | 'busy_seconds_per_s' | 'units'>;
type StreamSpec = Extract<Stage, {kind: 'stream'}>;
type ComputeSpec = Extract<Stage, {kind: 'compute'}>;

/** Kinesis (provisioned or on demand, shared or enhanced fan-out) or Kafka on MSK. */
function streamCost(spec: StreamSpec, bytes: number, figures: StreamFigures | undefined): Priced | null {
	const accepted = figures?.accepted_per_s ?? 0;
	// The stage follows one consumer; every consumer reads every record.
	const readPerConsumer = figures?.read_per_s ?? 0;
	if (spec.component === 'kafka') {
		const brokers = msk.brokersDefault.value;
		const storedGb = (accepted * bytes * spec.retention_h * 3600 * msk.replicationFactor.value) / 1e9;
		const usd = brokers * msk.brokerHourUsd.value * HOURS_PER_MONTH + storedGb * msk.storageUsdPerGbMonth.value;
		return {per_month_usd: round(usd), basis: `MSK: ${brokers} kafka.m5.large brokers × ${HOURS_PER_MONTH} h × $${msk.brokerHourUsd.value} + ${round(storedGb)} GB stored (${spec.retention_h} h × ${msk.replicationFactor.value} replicas) × $${msk.storageUsdPerGbMonth.value} ${tag(msk.brokerHourUsd, msk.brokersDefault)}`};
	}
	const efo = spec.consumer === 'efo';
	const shards = figures?.shards || declaredShards(spec);
	let usd: number;
	let basis: string;
	if (spec.mode === 'on_demand') {
		const billed = Math.ceil(bytes / kinesis.onDemandBillingBytes.value) * kinesis.onDemandBillingBytes.value;
		const inGb = (accepted * billed * SECONDS_PER_MONTH) / 1e9;
		const outGb = efo ? 0 : (readPerConsumer * spec.consumers * billed * SECONDS_PER_MONTH) / 1e9;
		usd = kinesis.onDemandStreamHourUsd.value * HOURS_PER_MONTH + inGb * kinesis.onDemandInUsdPerGb.value + outGb * kinesis.onDemandOutUsdPerGb.value;
		basis = `on-demand: ${HOURS_PER_MONTH} stream-hours × $${kinesis.onDemandStreamHourUsd.value} + ${round(inGb)} GB in × $${kinesis.onDemandInUsdPerGb.value}${efo ? '' : ` + ${round(outGb)} GB read × $${kinesis.onDemandOutUsdPerGb.value}`} (records rounded up to 1 KB)`;
	} else {
		const units = Math.ceil(bytes / kinesis.putUnitBytes.value);
		usd = shards * kinesis.shardHourUsd.value * HOURS_PER_MONTH + ((accepted * units * SECONDS_PER_MONTH) / 1e6) * kinesis.putUnitUsdPerMillion.value;
		basis = `${shards} shards × ${HOURS_PER_MONTH} h × $${kinesis.shardHourUsd.value} + ${round((accepted * units * SECONDS_PER_MONTH) / 1e6)}M PUT payload units`;
	}
	if (efo) {
		const consumerShardHours = spec.consumers * shards * HOURS_PER_MONTH;
		const readGb = (readPerConsumer * spec.consumers * bytes * SECONDS_PER_MONTH) / 1e9;
		usd += consumerShardHours * kinesis.efoConsumerShardHourUsd.value + readGb * kinesis.efoUsdPerGb.value;
		basis += ` + enhanced fan-out: ${round(consumerShardHours)} consumer-shard-hours × $${kinesis.efoConsumerShardHourUsd.value} + ${round(readGb)} GB × $${kinesis.efoUsdPerGb.value}`;
	}
	return {per_month_usd: round(usd), basis: `${basis} [U]`};
}

/**
Billed seconds a month of a triggered job (each run billed at least `minimumS`),
from the run's counts; null without them. A schedule starts every trigger; a
slot with no new data still starts the job and is billed the minimum (dbt or a
Glue job that finds nothing), the others for their measured wall time.
*/
function billedSeconds(figures: ComputeFigures | undefined, units: number, triggerS: number, minimumS: number, spanS: number | undefined): {runs: number; secondsPerRun: number; billedS: number} | null {
	const invocations = figures?.invocations ?? 0;
	if (!(spanS !== undefined && spanS > 0 && invocations > 0 && units > 0)) return null;
	// A micro-batch holds every unit for its whole duration, so busy unit-seconds / units is its wall time.
	const wallPerRun = ((figures?.busy_seconds_per_s ?? 0) * spanS) / invocations / units;
	const slots = triggerS > 0 ? SECONDS_PER_MONTH / Math.max(triggerS, wallPerRun) : Number.POSITIVE_INFINITY;
	const runs = Math.min(slots, (invocations / spanS) * SECONDS_PER_MONTH);
	const empty = Number.isFinite(slots) ? slots - runs : 0;
	return {runs: runs + empty, secondsPerRun: wallPerRun, billedS: runs * Math.max(minimumS, wallPerRun) + empty * minimumS};
}

/** Glue: DPUs held × hours; a scheduled job per run (1-minute minimum), a streaming job (no trigger) all month. */
function glueCost(spec: ComputeSpec, period: number | undefined, figures: ComputeFigures | undefined, spanS: number | undefined): Priced | null {
	const dpus = figures?.units || computeSettings(computeInputs(spec), false).units;
	if (period === undefined) {
		const dpuHours = dpus * HOURS_PER_MONTH;
		return {per_month_usd: round(dpuHours * glue.dpuHourUsd.value), basis: `streaming job: ${dpus} DPUs × ${HOURS_PER_MONTH} h × $${glue.dpuHourUsd.value}/DPU-hour ${tag(glue.dpuHourUsd)}`};
	}
	const billed = billedSeconds(figures, dpus, period, glue.minimumBilledS.value, spanS);
	if (billed === null) return null;
	const dpuHours = (billed.billedS * dpus) / 3600;
	return {per_month_usd: round(dpuHours * glue.dpuHourUsd.value), basis: `${round(billed.runs)} runs of ${round(billed.secondsPerRun)} s on average (at least ${glue.minimumBilledS.value} s billed) × ${dpus} DPUs = ${round(dpuHours)} DPU-hours × $${glue.dpuHourUsd.value} ${tag(glue.dpuHourUsd, glue.minimumBilledS)}`};
}

/** A job running its SQL on a Snowflake warehouse (dbt): credits per hour by size × the hours it is resumed. */
function warehouseCost(spec: ComputeSpec, period: number | undefined, size: keyof typeof snowflake.creditsPerHour, figures: ComputeFigures | undefined, spanS: number | undefined): Priced | null {
	const perHour = snowflake.creditsPerHour[size];
	const units = figures?.units || computeSettings(computeInputs(spec), false).units;
	const scheduled = period !== undefined;
	let hours: number;
	let how: string;
	if (scheduled) {
		const billed = billedSeconds(figures, units, period, snowflake.minimumBilledS.value, spanS);
		if (billed === null) return null;
		hours = billed.billedS / 3600;
		how = `${round(billed.runs)} runs of ${round(billed.secondsPerRun)} s on average (at least ${snowflake.minimumBilledS.value} s each)`;
	} else {
		// Work arriving all the time keeps the warehouse resumed all month.
		hours = HOURS_PER_MONTH;
		how = `resumed all month`;
	}
	const credits = hours * perHour;
	return {per_month_usd: round(credits * snowflake.creditUsd.value), basis: `${size} warehouse (${perHour} credits/h), ${how} = ${round(hours)} h → ${round(credits)} credits × $${snowflake.creditUsd.value} ${tag(snowflake.creditsPerHourSource, snowflake.minimumBilledS, snowflake.creditUsd)}`};
}

/**
Seconds between a scheduled job's runs: its trigger_s, a day for a time of day
alone (start_at), the period of the step it is chained after (it runs once per
run of that one); undefined for a job that runs all the time.
*/
function schedulePeriod(spec: ComputeSpec, chain: readonly Stage[], seen = new Set<string>()): number | undefined {
	if (spec.after !== undefined) {
		const upstream = chain.find((stage): stage is ComputeSpec => stage.kind === 'compute' && stage.id === spec.after);
		if (!upstream || seen.has(spec.id)) return 0;
		seen.add(spec.id);
		return schedulePeriod(upstream, chain, seen) ?? 0;
	}
	if (spec.trigger_s !== undefined) return spec.trigger_s;
	return spec.start_at !== undefined ? 86_400 : undefined;
}

/** The refresh interval of the first dashboard after stage `index`, which issues the queries. */
function dashboardAfter(chain: readonly Stage[], index: number): number | undefined {
	for (const stage of chain.slice(index + 1)) if (stage.kind === 'dashboard') return stage.refresh_s;
	return undefined;
}

/** The weakest tag among the facts a figure used: [U] if any is unverified, then [R], else [D]. */
function tag(...facts: readonly Fact[]): string {
	const tags = new Set(facts.map((fact) => fact.tag));
	return tags.has('U') ? '[U]' : tags.has('R') ? '[R]' : '[D]';
}

function round(value: number): number {
	return roundTo(value, 2);
}
