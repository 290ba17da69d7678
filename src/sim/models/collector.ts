/**
A collector fleet behind a load balancer: the HTTPS endpoint the apps post
their events to. Like the checkout lanes of a supermarket with a manager who
opens lanes when the queues grow: instances each serve `instance_rate_per_s`
requests, the load balancer spreads requests evenly over the instances in
service, and EC2 Auto Scaling's target-tracking policy reads the requests per
instance over each metric period and launches instances so that it returns to
the target. A new instance serves only after its warm-up, so a sudden step in
load first queues (each request waits its turn), and once a request would wait
longer than `max_wait_s` the client gives up: refused (HTTP 503), counted as
dropped.

A per-client rate limiter (a WAF rate-based rule at the load balancer, or the
collector's own token bucket per device or API key) sits in front: a client
above `client_rate_per_s` gets HTTP 429 for the excess, which costs the fleet
nothing. Legitimate devices send a few events a minute, far below any sensible
limit, so only the bot's traffic (`receiveBot`) meets the limiter.

Invariants: one event is one request (the SDK's batching is left out); the
fleet is a fluid server ticked with the engine (20 ms), so arrivals in a tick
are admitted together and refusals fall on every client in proportion; the
load balancer's few milliseconds are below the tick and left out.
*/
import {collector} from '../catalogue.js';
import {TimeWeighted} from '../stats/time-weighted.js';
import {roundTo} from '../numbers.js';
import {CohortQueue} from './cohorts.js';
import {Stage, type SimContext} from './stage.js';
import type {CollectorDetails} from '../result.js';

const SCALE = 1;
const READY = 2;

/** What a collector fleet needs to know (defaults from the catalogue's `collector` facts). */
export type CollectorSpec = {
	readonly id: string;
	readonly minInstances: number;
	readonly maxInstances?: number;
	readonly instanceRatePerS?: number;
	readonly targetUtilization?: number;
	readonly metricPeriodS?: number;
	readonly warmupS?: number;
	readonly maxWaitS?: number;
	readonly clientRatePerS?: number;
	readonly clientBurst?: number;
};

/** The collector's settings with every default filled in. */
export function collectorSettings(spec: Omit<CollectorSpec, 'id'>) {
	return {
		min: spec.minInstances,
		max: Math.max(spec.minInstances, spec.maxInstances ?? spec.minInstances),
		rate: spec.instanceRatePerS ?? collector.instanceRate.value,
		target: spec.targetUtilization ?? collector.targetUtilization.value,
		period: spec.metricPeriodS ?? collector.metricPeriod.value,
		warmup: spec.warmupS ?? collector.warmup.value,
		maxWait: spec.maxWaitS ?? collector.maxWait.value,
		clientRate: spec.clientRatePerS,
		clientBurst: spec.clientBurst ?? spec.clientRatePerS,
	};
}

/** A load-balanced, auto-scaled fleet of collector instances with an optional per-client rate limiter. */
export class CollectorStage extends Stage {
	readonly settings: ReturnType<typeof collectorSettings>;
	override needsTick = true;
	private readonly queue = new CohortQueue(64);
	private readonly arrivals = new CohortQueue(16);
	private lastTick = 0;
	/** Instances in service now. */
	private instances: number;
	/** Instances launched and still warming up. */
	private warming = 0;
	private readonly level = new TimeWeighted();
	private offeredInPeriod = 0;
	private tokens: number;
	private tokensAt = 0;
	// Measured inside the window.
	private served = 0;
	private capacity = 0;
	private refused = 0;
	private rateLimited = 0;
	private botOffered = 0;
	private botAccepted = 0;
	private launches = 0;
	private peakInstances: number;

	constructor(ctx: SimContext, index: number, spec: CollectorSpec & {readonly component: string}) {
		super(ctx, index, spec.id, 'collector', spec.component);
		this.settings = collectorSettings(spec);
		this.instances = this.settings.min;
		this.peakInstances = this.instances;
		this.tokens = this.settings.clientBurst ?? 0;
	}

	override start(now: number): void {
		this.level.update(now, this.instances);
		// Decisions run even for a fixed-size fleet: the group replaces lost instances to keep min_instances.
		this.ctx.schedule(now + this.settings.period, this.index, SCALE, 0);
	}

	override beginMeasure(now: number): void {
		this.level.reset(now);
		this.peakInstances = this.instances;
	}

	override receive(now: number, born: number, count: number, weight: number): void {
		// Held from now, but the backlog is sampled after the tick has served (see tick): a tick's own
		// arrivals, served at once, are no queue.
		this.held += count;
		if (this.ctx.measuring) this.stats.arrived += count;
		this.arrivals.push(born, now, now, count, weight);
		this.offeredInPeriod += count;
	}

	/** Requests from the one flooding client: the rate limiter (if any) refuses what is above its bucket. */
	override receiveBot(now: number, born: number, count: number): void {
		let pass = count;
		const rate = this.settings.clientRate;
		if (rate !== undefined) {
			const burst = this.settings.clientBurst ?? rate;
			this.tokens = Math.min(burst, this.tokens + rate * (now - this.tokensAt));
			this.tokensAt = now;
			pass = Math.min(count, this.tokens);
			this.tokens -= pass;
		}
		if (this.ctx.measuring) {
			this.botOffered += count;
			this.botAccepted += pass;
			this.rateLimited += count - pass;
		}
		if (pass > 0) this.receive(now, born, pass, 0);
	}

	override tick(now: number): void {
		const dt = now - this.lastTick;
		this.lastTick = now;
		const rate = this.instances * this.settings.rate;
		this.admit(now, rate);
		// Serve the queue in arrival order with this tick's capacity.
		let budget = rate * dt;
		if (this.ctx.measuring) this.capacity += budget;
		this.queue.take(
			budget,
			(born, arrived, _stamp, part, weight) => {
				if (this.ctx.measuring) this.served += part;
				this.emit(now, born, arrived, part, part, weight);
			},
			Number.POSITIVE_INFINITY,
			1e-9,
		);
		this.stats.backlog.update(now, this.held);
	}

	/** Lets arrivals join the queue while no request would wait past max_wait_s; the rest are refused, every client alike. */
	private admit(now: number, rate: number): void {
		const arrivals = this.arrivals;
		if (arrivals.size === 0) return;
		const room = Math.max(0, this.settings.maxWait * rate - this.queue.records);
		const share = arrivals.records > room ? room / arrivals.records : 1;
		arrivals.drain((born, _arrived, _stamp, count, weight) => {
			if (share < 1) {
				const turnedAway = count * (1 - share);
				if (this.ctx.measuring) this.refused += turnedAway;
				this.discard(now, born, turnedAway, weight * (1 - share), 'dropped');
			}
			if (share > 0) this.queue.push(born, now, now, count * share, weight * share);
		});
	}

	override handle(kind: number, local: number, now: number): void {
		if (kind === SCALE) {
			this.scale(now);
			this.ctx.schedule(now + this.settings.period, this.index, SCALE, 0);
		} else if (kind === READY) {
			this.warming -= local;
			this.setInstances(now, this.instances + local);
		}
	}

	/**
	Target tracking: the period's requests per instance against the target
	(target_utilization × instance_rate_per_s) gives the fleet size that brings
	it back to the target, clamped to [min, max]. Scale-out launches the
	difference, which serves after the warm-up; scale-in is immediate.
	*/
	private scale(now: number): void {
		const {min, max, rate, target, period, warmup} = this.settings;
		const demand = this.offeredInPeriod / period;
		this.offeredInPeriod = 0;
		const desired = Math.min(max, Math.max(min, Math.ceil(demand / (rate * target) - 1e-9)));
		const planned = this.instances + this.warming;
		if (desired > planned) {
			const add = desired - planned;
			this.warming += add;
			if (this.ctx.measuring) this.launches += add;
			this.ctx.schedule(now + warmup, this.index, READY, add);
		} else if (desired < this.instances && this.warming === 0) {
			this.setInstances(now, desired);
		}
	}

	private setInstances(now: number, instances: number): void {
		this.instances = instances;
		this.level.update(now, instances);
		if (instances > this.peakInstances) this.peakInstances = instances;
	}

	override loseUnits(now: number, count: number): boolean {
		this.setInstances(now, Math.max(0, this.instances - count));
		return true;
	}

	override utilization(_span: number): number {
		return this.capacity > 0 ? Math.min(1, this.served / this.capacity) : 0;
	}

	override details(span: number): CollectorDetails {
		const out: CollectorDetails = {
			instance_rate_per_s: this.settings.rate,
			instances_min: this.settings.min,
			instances_max: this.settings.max,
			instances_mean: roundTo(this.level.mean(this.ctx.end), 2),
			instances_peak: this.peakInstances,
			instances_launched: this.launches,
			refused: roundTo(this.refused, 0),
			refused_per_s: roundTo(this.refused / span, 2),
		};
		if (this.settings.clientRate !== undefined) {
			out.client_rate_per_s = this.settings.clientRate;
			out.rate_limited = roundTo(this.rateLimited, 0);
			out.rate_limited_per_s = roundTo(this.rateLimited / span, 2);
		}
		if (this.botOffered > 0) {
			out.bot_offered_per_s = roundTo(this.botOffered / span, 2);
			out.bot_accepted_per_s = roundTo(this.botAccepted / span, 2);
		}
		return out;
	}
}
