/**
An API front door: API Gateway, a token-bucket rate limiter, or a load balancer.

A token bucket refills at `rate_per_s` up to `burst` tokens; each request takes
one. A request that finds the bucket empty gets HTTP 429 (counted as
throttled), and the client retries with backoff or gives up. Accepted requests
pass on after the front door's own latency. API Gateway's account defaults are
10,000 requests/s with a burst of 5,000; load balancers scale to millions.
*/
import {api} from '../catalogue.js';
import {fromSpec, constant, type Sampler} from '../kernel/distributions.js';
import type {Random} from '../kernel/random.js';
import type {Distribution} from '../../scenarios/model-schema.js';
import {DelayLine} from './delay-line.js';
import type {SimContext} from './stage.js';
import {QuotaStage} from './quota-stage.js';
import {producerRetry, WriteLimiter} from './write-limiter.js';
import {roundTo} from '../numbers.js';
import type {ApiDetails} from '../result.js';

const DUE = 1;

/** What an API stage needs to know. */
export type ApiSpec = {
	readonly id: string;
	readonly component: 'api_gateway' | 'rate_limiter' | 'alb' | 'nlb';
	readonly ratePerS?: number;
	readonly burst?: number;
	readonly onThrottle: 'retry' | 'drop';
	readonly latency?: Distribution;
	readonly recordBytes: number;
};

/** The steady rate and burst of an API stage, from the model or the catalogue. */
export function apiLimits(spec: Pick<ApiSpec, 'component' | 'ratePerS' | 'burst'>): {rate: number; burst: number} {
	const isGateway = spec.component === 'api_gateway' || spec.component === 'rate_limiter';
	const rate = spec.ratePerS ?? (isGateway ? api.apiGatewayRate.value : api.loadBalancerRate.value);
	const burst = spec.burst ?? (isGateway && spec.ratePerS === undefined ? api.apiGatewayBurst.value : Math.max(1, Math.ceil(rate / 2)));
	return {rate, burst};
}

/** API Gateway, a rate limiter, or a load balancer. */
export class ApiStage extends QuotaStage {
	readonly spec: ApiSpec;
	readonly rate: number;
	readonly burst: number;
	private readonly latency: Sampler;
	private readonly rng: Random;
	private readonly line = new DelayLine(64);
	private scheduledAt = Number.POSITIVE_INFINITY;
	private accepted429 = 0;
	private acceptedRequests = 0;

	constructor(ctx: SimContext, index: number, spec: ApiSpec) {
		super(ctx, index, spec.id, 'api', spec.component);
		this.spec = spec;
		const {rate, burst} = apiLimits(spec);
		this.rate = rate;
		this.burst = burst;
		const isGateway = spec.component === 'api_gateway' || spec.component === 'rate_limiter';
		this.latency = spec.latency ? fromSpec(spec.latency, 0.001) : constant(isGateway ? api.apiGatewayLatency.value : api.loadBalancerLatency.value);
		this.rng = ctx.random(index, 1);
		this.limiter = new WriteLimiter(
			1,
			{kind: 'token-bucket', rate, burst},
			producerRetry(spec.onThrottle),
			spec.recordBytes,
			this,
		);
	}

	accepted(now: number, _p: number, born: number, arrived: number, count: number, weight: number): void {
		if (this.ctx.measuring) this.acceptedRequests += count;
		this.line.push(now + this.latency.sample(this.rng), born, arrived, count, weight);
		this.arm();
	}

	refused(now: number, born: number, count: number, weight: number): void {
		this.discard(now, born, count, weight, 'dropped');
	}

	throttledAttempts(_now: number, count: number): void {
		if (this.ctx.measuring) {
			this.stats.throttled += count;
			this.accepted429 += count;
		}
	}

	override handle(_kind: number, _local: number, now: number): void {
		if (Math.abs(now - this.scheduledAt) < 1e-12) this.scheduledAt = Number.POSITIVE_INFINITY;
		this.line.drain(now, (born, arrived, count, weight) => this.emit(now, born, arrived, count, count, weight));
		this.arm();
	}

	/** Schedules one DUE event for the earliest write still in the line. */
	private arm(): void {
		const first = this.line.first;
		if (first < this.scheduledAt - 1e-12) {
			this.scheduledAt = first;
			this.ctx.schedule(first, this.index, DUE, 0);
		}
	}

	override utilization(span: number): number {
		return this.acceptedRequests / span / this.rate;
	}

	override details(span: number): ApiDetails {
		return {rate_per_s: this.rate, burst: this.burst, http_429_per_s: roundTo(this.accepted429 / span, 2)};
	}
}
