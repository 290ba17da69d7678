/**
Where data lands: a cache (Redis, Memcached), an operational store (DynamoDB,
S3, Postgres, OpenSearch) or a warehouse (Redshift, Snowflake, Snowpipe,
Athena).

A store serves write requests at a fixed rate (its nodes, partitions or
prefixes times the per-unit limit from the catalogue) in arrival order, like a
single fluid server: a burst above the rate queues, a sustained rate above it
grows the queue without bound. Each write then takes a latency drawn from the
store's distribution. Records per request come from `batch_size` (pipelining,
BatchWriteItem, multi-row INSERT); a Firehose delivery is one object, one
request. With `load_interval_s`, records wait for the next batch load (COPY,
Snowpipe, an OpenSearch refresh), which takes the latency once for the batch.

Reads and replicas: `reads_per_s` (dashboards, an API) share a Redis,
Memcached or Postgres node's capacity with the writes; with `read_replicas`
they spread over primary and replicas, so the primary keeps more for writes,
but readers see the data a replication lag later; and a lost primary fails
over to a replica after `failover_s` instead of being gone for good.
Key layout: with `hashing: ring`, keys map to nodes on a consistent-hashing
ring; the node owning the largest arc fills first, so few virtual nodes cost
capacity. The layout also says how many keys move when a node leaves.
*/
import {fromSpec, type Sampler} from '../kernel/distributions.js';
import type {Random} from '../kernel/random.js';
import type {Distribution} from '../../scenarios/model-schema.js';
import {CohortQueue} from './cohorts.js';
import {DelayLine} from './delay-line.js';
import {Stage, type SimContext} from './stage.js';
import {storeProfile} from './store-profiles.js';
import {nodeLayout} from './routing.js';
import {replicas} from '../catalogue.js';
import {counted, pct, roundTo} from '../numbers.js';
import type {StoreDetails} from '../result.js';

const DUE = 1;
const LOAD = 2;
const BURST = 3;
const FAILOVER = 4;

/** Components whose nodes serve reads and writes from one capacity (one server's threads); others have separate read units. */
export const READS_SHARE_CAPACITY: ReadonlySet<string> = new Set(['redis', 'memcached', 'postgres']);

/** How a store's keys map to its nodes, from the spec. */
export function hashingOf(spec: {readonly hashing?: 'mod' | 'ring' | undefined; readonly virtualNodes?: number | undefined}) {
	return spec.hashing === 'ring' ? ({kind: 'ring', virtualNodes: spec.virtualNodes ?? replicas.virtualNodes.value} as const) : ({kind: 'mod'} as const);
}

/**
Write requests/s a store has left: its nodes' capacity, cut to what the
fullest node of a hash ring allows, minus the reads that land on primaries
(all of them without replicas, 1/(1 + replicas) with).
*/
export function writeCapacity(total: number, spec: {readonly component: string; readonly nodes: number; readonly readsPerS?: number | undefined; readonly readReplicas?: number | undefined; readonly hashing?: 'mod' | 'ring' | undefined; readonly virtualNodes?: number | undefined}): number {
	let rate = total;
	if (spec.hashing === 'ring' && spec.nodes > 1 && Number.isFinite(rate)) {
		const shares = nodeLayout(spec.nodes, hashingOf(spec)).shares;
		rate *= 1 / spec.nodes / Math.max(...shares);
	}
	if (READS_SHARE_CAPACITY.has(spec.component)) rate -= (spec.readsPerS ?? 0) / (1 + (spec.readReplicas ?? 0));
	return Math.max(0, rate);
}

/** Latency groups drawn per incoming group of records, so percentiles see the distribution, not one draw. */
const LATENCY_DRAWS = 4;

/** What a store stage needs to know. */
export type StoreSpec = {
	readonly id: string;
	readonly kind: 'store' | 'cache' | 'warehouse';
	readonly component: string;
	readonly nodes?: number;
	readonly writeCapacityPerS?: number;
	readonly loadIntervalS?: number;
	readonly batchSize?: number;
	readonly latency?: Distribution;
	readonly readsPerS?: number;
	readonly readReplicas?: number;
	readonly replicaLagS?: number;
	readonly failoverS?: number;
	readonly hashing?: 'mod' | 'ring';
	readonly virtualNodes?: number;
	readonly recordBytes: number;
};

/** A cache, store or warehouse. */
export class StoreStage extends Stage {
	readonly spec: StoreSpec;
	/** Write requests per second the store serves with all its nodes. */
	readonly fullRate: number;
	private rate: number;
	private nodes: number;
	private readonly liveNodes: number;
	private readonly latency: Sampler;
	private readonly loadInterval: number;
	private readonly perRequest: number;
	private readonly rng: Random;
	private readonly line = new DelayLine(64);
	private readonly pending = new CohortQueue(64);
	private readonly burst = new CohortQueue(64);
	private burstRequests = 0;
	private readonly draws = new Float64Array(LATENCY_DRAWS);
	private pendingRequests = 0;
	private scheduledAt = Number.POSITIVE_INFINITY;
	private freeAt = 0;
	private objects = false;
	private objectRequests = 0;
	private busySeconds = 0;
	private requests = 0;
	private loads = 0;
	/** Seconds a reader of a replica sees the data after it is written (0 without replicas). */
	private readonly lag: number;
	/** Replicas left to promote when a primary is lost. */
	private spareReplicas: number;
	private failovers = 0;
	private readonly movedOnLoss: number | undefined;
	private readonly hottestNode: number | undefined;

	constructor(ctx: SimContext, index: number, spec: StoreSpec) {
		super(ctx, index, spec.id, spec.kind, spec.component);
		this.spec = spec;
		const profile = storeProfile(spec.component, spec.recordBytes);
		this.nodes = spec.nodes ?? 1;
		this.liveNodes = this.nodes;
		const total = spec.writeCapacityPerS ?? (spec.nodes === undefined && profile.defaultTotal !== undefined ? profile.defaultTotal : profile.perNode * this.nodes);
		this.fullRate = writeCapacity(total, {...spec, nodes: this.nodes});
		this.rate = this.fullRate;
		const replicaCount = spec.readReplicas ?? 0;
		this.lag = replicaCount > 0 ? (spec.replicaLagS ?? replicas.lag.value) : 0;
		this.spareReplicas = replicaCount * this.nodes;
		if (spec.hashing !== undefined) {
			const layout = nodeLayout(this.nodes, hashingOf(spec));
			this.movedOnLoss = layout.movedOnLoss;
			this.hottestNode = Math.max(...layout.shares);
		} else {
			this.movedOnLoss = undefined;
			this.hottestNode = undefined;
		}
		if ((spec.readsPerS ?? 0) > 0 && !READS_SHARE_CAPACITY.has(spec.component)) ctx.note(`${spec.id}: ${spec.component} serves reads from separate capacity (read units, GET limits), so reads_per_s does not slow its writes`);
		this.latency = fromSpec(spec.latency ?? profile.latency, 0.001);
		this.loadInterval = spec.loadIntervalS ?? profile.loadIntervalS ?? 0;
		this.perRequest = spec.batchSize ?? 1;
		this.rng = ctx.random(index, 1);
	}

	override start(now: number): void {
		if (this.loadInterval > 0) this.ctx.schedule(now + this.rng.next() * this.loadInterval, this.index, LOAD, 0);
	}

	override beginObject(_now: number, objects = 1): void {
		this.objects = true;
		this.objectRequests = objects;
	}

	override receive(now: number, born: number, count: number, weight: number): void {
		this.hold(now, count);
		// Records delivered as objects (Firehose) cost one request per object, on its first group.
		let requests = count / this.perRequest;
		if (this.objects) {
			requests = this.objectRequests;
			this.objectRequests = 0;
		}
		if (this.loadInterval > 0) {
			this.pending.push(born, now, now, count, weight);
			this.pendingRequests += requests;
			return;
		}
		if (!(this.rate > 0)) {
			this.pending.push(born, now, now, count, weight);
			return;
		}
		// Groups arriving at the same instant (one upstream batch) are served as one burst, after this event.
		if (this.burst.size === 0) this.ctx.schedule(now, this.index, BURST, 0);
		this.burst.push(born, now, requests, count, weight);
		this.burstRequests += requests;
	}

	/**
	Serves the burst that arrived at `now`: the store works through its requests
	in order, then each write takes a latency. Independent writes get independent
	latencies (up to LATENCY_DRAWS per burst); records riding on one request share
	its latency, as the records of one aggregated Lambda write do.
	*/
	private serveBurst(now: number): void {
		const burst = this.burst;
		const finish = this.serve(now, this.burstRequests);
		const draws = Math.max(1, Math.min(LATENCY_DRAWS, Math.ceil(this.burstRequests - 1e-9)));
		for (let i = 0; i < draws; i++) this.draws[i] = finish + this.latency.sample(this.rng) + this.lag;
		let before = 0;
		// `stamp` carries each group's write requests.
		burst.drain((born, arrived, requests, count, weight) => {
			if (requests >= draws && draws > 1) {
				// A group of many writes: spread it over every draw.
				for (let i = 0; i < draws; i++) this.line.push(this.draws[i]!, born, arrived, count / draws, weight / draws);
			} else {
				const slot = Math.min(draws - 1, Math.floor((before / Math.max(this.burstRequests, 1e-12)) * draws));
				this.line.push(this.draws[slot]!, born, arrived, count, weight);
			}
			before += requests;
		});
		this.burstRequests = 0;
		this.arm();
	}

	override handle(kind: number, local: number, now: number): void {
		if (kind === BURST) {
			this.serveBurst(now);
		} else if (kind === DUE) {
			if (Math.abs(now - this.scheduledAt) < 1e-12) this.scheduledAt = Number.POSITIVE_INFINITY;
			this.line.drain(now, (born, arrived, count, weight) => this.emit(now, born, arrived, count, count, weight));
			this.arm();
		} else if (kind === LOAD) {
			this.load(now);
			this.ctx.schedule(now + this.loadInterval, this.index, LOAD, 0);
		} else if (kind === FAILOVER) {
			this.setNodes(this.nodes + local);
			this.resume(now);
		}
	}

	override loseUnits(now: number, count: number): boolean {
		this.setNodes(Math.max(0, this.nodes - count));
		const promoted = Math.min(count, this.spareReplicas);
		if (promoted > 0) {
			// A replica of each lost primary is promoted after the failover time; until then its writes wait.
			this.spareReplicas -= promoted;
			if (this.ctx.measuring) this.failovers += promoted;
			const failover = this.spec.failoverS ?? replicas.failover.value;
			this.ctx.schedule(now + failover, this.index, FAILOVER, promoted);
			this.ctx.note(`${this.id}: ${counted(promoted, 'primary node')} lost at ${now} s; a replica takes over after ${failover} s (failover_s)`);
		} else if (this.rate === 0) {
			this.ctx.note(`${this.id}: every node is lost at ${now} s; writes wait from then on`);
		}
		if (this.movedOnLoss !== undefined && this.nodes > 0 && promoted < count) {
			this.ctx.note(`${this.id}: ${pct(this.movedOnLoss)} of keys move to other nodes (${this.spec.hashing === 'ring' ? 'a hash ring moves only the lost node\'s keys' : 'hash mod N changes N, so most keys move'}); a cache starts them empty`);
		}
		return true;
	}

	private setNodes(nodes: number): void {
		this.nodes = nodes;
		this.rate = this.liveNodes > 0 ? (this.fullRate * this.nodes) / this.liveNodes : 0;
	}

	/** After a failover: writes that waited with no node to serve them are served now. */
	private resume(now: number): void {
		if (!(this.rate > 0) || this.loadInterval > 0 || this.pending.size === 0) return;
		this.pending.drain((born, arrived, _stamp, count, weight) => {
			if (this.burst.size === 0) this.ctx.schedule(now, this.index, BURST, 0);
			this.burst.push(born, arrived, count / this.perRequest, count, weight);
			this.burstRequests += count / this.perRequest;
		});
	}

	override utilization(span: number): number {
		return Number.isFinite(this.fullRate) ? Math.min(1, this.busySeconds / span) : 0;
	}

	override details(span: number): StoreDetails {
		return {
			write_requests_per_s: roundTo(this.requests / span, 2),
			capacity_requests_per_s: Number.isFinite(this.fullRate) ? roundTo(this.fullRate, 1) : 'unlimited',
			...(this.loadInterval > 0 ? {loads: this.loads, load_interval_s: this.loadInterval} : {}),
			...(this.lag > 0 ? {read_replicas: this.spec.readReplicas ?? 0, replica_lag_s: this.lag, failovers: this.failovers} : {}),
			...(this.hottestNode !== undefined ? {hashing: this.spec.hashing ?? 'mod', hottest_node_share: roundTo(this.hottestNode, 4), keys_moved_on_node_loss: roundTo(this.movedOnLoss ?? 0, 4)} : {}),
		};
	}

	/** Serves `requests` write requests arriving now; returns when they finish. */
	private serve(now: number, requests: number): number {
		const start = Math.max(now, this.freeAt);
		const work = Number.isFinite(this.rate) ? requests / this.rate : 0;
		const finish = start + work;
		this.freeAt = finish;
		if (this.ctx.measuring) {
			this.busySeconds += work;
			this.requests += requests;
		}
		return finish;
	}

	private load(now: number): void {
		if (this.pending.size === 0 || !(this.rate > 0)) return;
		const finish = this.serve(now, this.pendingRequests);
		const due = finish + this.latency.sample(this.rng) + this.lag;
		this.pending.drain((born, arrived, _stamp, count, weight) => this.line.push(due, born, arrived, count, weight));
		this.pendingRequests = 0;
		if (this.ctx.measuring) this.loads++;
		this.arm();
	}

	/** Makes sure an event is pending for the earliest due group. */
	private arm(): void {
		const first = this.line.first;
		if (first < this.scheduledAt - 1e-12) {
			this.scheduledAt = first;
			this.ctx.schedule(first, this.index, DUE, 0);
		}
	}
}
