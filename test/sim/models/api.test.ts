/** An API front door: its throttle, the 429s a client sees, and the latency it adds. */
import {describe, expect, test} from 'vitest';
import {ApiStage, apiLimits, type ApiSpec} from '../../../src/sim/models/api.js';
import {component, parseModel, run} from '../helpers/pipeline-models.js';
import {GroupSink, handRun} from '../helpers/hand-run.js';

const front = (api: Record<string, unknown>, rate: number) =>
	run(parseModel({source: {rate_per_s: rate}, stages: [{id: 'a', kind: 'api', ...api}, {id: 'r', kind: 'cache', component: 'redis'}]}), {durationS: 120});

describe('limits', () => {
	test('API Gateway defaults to 10,000/s with a 5,000 burst; a load balancer to 1,000,000/s, burst half the rate', () => {
		expect(apiLimits({component: 'api_gateway'})).toEqual({rate: 10_000, burst: 5000});
		expect(apiLimits({component: 'rate_limiter'})).toEqual({rate: 10_000, burst: 5000});
		expect(apiLimits({component: 'nlb'})).toEqual({rate: 1_000_000, burst: 500_000});
		// A rate set without a burst gets half of it (at least 1); a burst set is kept.
		expect(apiLimits({component: 'api_gateway', ratePerS: 101})).toEqual({rate: 101, burst: 51});
		expect(apiLimits({component: 'alb', ratePerS: 1})).toEqual({rate: 1, burst: 1});
		expect(apiLimits({component: 'rate_limiter', ratePerS: 50, burst: 7})).toEqual({rate: 50, burst: 7});
	});
});

describe('a throttled front door', () => {
	test('200 requests/s into a 100/s limiter that drops on 429: about half dropped, the rest at 100/s', () => {
		const result = front({component: 'rate_limiter', rate_per_s: 100, burst: 10, on_throttle: 'drop'}, 200);
		const api = component(result, 'a');
		expect(api.throughput_per_s).toBeCloseTo(100, 0);
		expect(api.utilization).toBeCloseTo(1, 2);
		// 108 s measured × ~100 refused per second.
		expect(api.dropped).toBeGreaterThan(0.9 * 100 * 108);
		expect(api.dropped).toBeLessThan(1.1 * 100 * 108);
		expect(api.throttled).toBe(api.dropped);
		expect(api.details['http_429_per_s']).toBeCloseTo(100, -1);
		expect(api.details['rate_per_s']).toBe(100);
		expect(api.details['burst']).toBe(10);
		expect(result.end_to_end.lost).toBeGreaterThan(0.4 * result.end_to_end.lost + 0.4 * result.end_to_end.delivered);
	});

	test('120/s into 100/s with retries: the limit still holds, each retry is another 429, and nothing is dropped quickly', () => {
		const api = component(front({component: 'rate_limiter', rate_per_s: 100, burst: 10}, 120), 'a');
		expect(api.throughput_per_s).toBeLessThanOrEqual(100.5);
		expect(api.throughput_per_s).toBeGreaterThan(99);
		// Retries make the 429s many times the 20/s excess.
		expect(api.throttled).toBeGreaterThan(20 * 108 * 3);
		expect(api.wait_ms.p99).toBeGreaterThan(1000);
	});

	test('well under its limit a gateway refuses nothing and adds its 5 ms; a load balancer adds its own latency', () => {
		const gateway = component(front({component: 'api_gateway'}, 50), 'a');
		expect(gateway.throttled).toBe(0);
		expect(gateway.dropped).toBe(0);
		expect(gateway.wait_ms.p50).toBeCloseTo(5, 1);
		expect(gateway.utilization).toBeCloseTo(50 / 10_000, 3);
		const alb = component(front({component: 'alb', latency: {dist: 'const', mean_ms: 30}}, 50), 'a');
		expect(alb.wait_ms.p99).toBeCloseTo(30, 1);
		expect(alb.details['rate_per_s']).toBe(1_000_000);
	});
});

/** An API stage with a hand-run context (measuring from `warmup` on). */
function handFront(spec: Partial<ApiSpec>, warmup = 0) {
	const {ctx, events, runTo} = handRun(() => api, {warmup, maxEvents: 100_000});
	const api = new ApiStage(ctx, 0, {id: 'a', component: 'api_gateway', onThrottle: 'drop', recordBytes: 100, ...spec});
	const sink = new GroupSink(ctx, 1, 'r', 'cache', 'redis');
	api.next = sink;
	const receive = (now: number, count: number) => {
		runTo(now);
		api.tick(now);
		api.receive(now, now, count, count);
	};
	return {api, sink, events, runTo, receive};
}

describe('an API stage, by hand', () => {
	test('a bucket of 5 refilled at 10/s: 8 at once lets 5 through 5 ms later and drops 3; 0.2 s later 2 more pass', () => {
		const {api, sink, runTo, receive} = handFront({ratePerS: 10, burst: 5});
		receive(0, 8);
		expect(api.stats.dropped).toBe(3);
		expect(api.stats.throttled).toBe(3);
		receive(0.2, 8);
		runTo(1);
		expect(sink.groups.map((group) => [Math.round(group.now * 1000) / 1000, Math.round(group.count * 1e6) / 1e6])).toEqual([[0.005, 5], [0.205, 2]]);
		// 7 requests in a 1 s window of a 10/s limit; 9 refused: 9 HTTP 429 a second.
		expect(api.utilization(1)).toBeCloseTo(0.7, 9);
		expect(api.details(1)).toEqual({rate_per_s: 10, burst: 5, http_429_per_s: 9});
		expect(api.details(4).http_429_per_s).toBe(2.25);
	});

	test('one event per due time: writes due at 5, 6 and 7 ms are handed on at those instants, one at a time', () => {
		const {sink, events, runTo, receive} = handFront({});
		receive(0, 1);
		receive(0.001, 1);
		receive(0.002, 1);
		// Only the earliest is scheduled; each handled event schedules the next.
		expect(events.map((event) => event.time)).toEqual([0.005]);
		runTo(0.1);
		expect(sink.groups.map((group) => Math.round(group.now * 1000))).toEqual([5, 6, 7]);
		expect(events).toEqual([]);
	});

	test('a later write that is due earlier (a shorter latency drawn) is scheduled at its own time', () => {
		const {api, sink, events, runTo} = handFront({latency: {dist: 'exp', mean_ms: 50}});
		for (let i = 0; i < 50; i++) api.receive(i * 0.001, i * 0.001, 1, 1);
		runTo(10);
		// Each is handed on when it is due, whatever the order: no group waits past its due time.
		expect(sink.groups.length).toBeGreaterThan(0);
		expect(sink.groups.reduce((total, group) => total + group.count, 0)).toBe(50);
		const stamps = sink.groups.map((group) => group.now);
		expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
		expect(events).toEqual([]);
		// Exponential latency with a 50 ms mean: the wait is the latency drawn.
		const wait = api.stats.wait;
		expect(wait.sum / wait.count).toBeGreaterThan(25);
		expect(wait.sum / wait.count).toBeLessThan(80);
	});

	test('the stage is an API stage of its component', () => {
		const {api} = handFront({component: 'nlb'});
		expect([api.kind, api.component]).toEqual(['api', 'nlb']);
	});

	test('a load balancer adds 2 ms; API Gateway and a rate limiter 5 ms', () => {
		for (const [component, ms] of [['alb', 2], ['nlb', 2], ['api_gateway', 5], ['rate_limiter', 5]] as const) {
			const {sink, runTo, receive} = handFront({component});
			receive(1, 1);
			runTo(2);
			expect(Math.round((sink.groups[0]!.now - 1) * 1e6) / 1e3).toBe(ms);
		}
	});

	test('with retries the refused wait and pass later; nothing is counted before the window', () => {
		const {api, sink, runTo, receive} = handFront({ratePerS: 10, burst: 5, onThrottle: 'retry'}, 1);
		receive(0, 8);
		expect(api.needsTick).toBe(true);
		expect(api.stats.throttled).toBe(0);
		for (let i = 1; i <= 10; i++) receive(i / 10, 0);
		runTo(2);
		expect(api.needsTick).toBe(false);
		expect(api.stats.dropped).toBe(0);
		expect(sink.groups.reduce((total, group) => total + group.count, 0)).toBeCloseTo(8, 9);
		// Accepted before the window: not in the utilisation.
		expect(api.utilization(1)).toBe(0);
	});
});
