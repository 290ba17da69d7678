/** An API front door: its throttle, the 429s a client sees, and the latency it adds. */
import {describe, expect, test} from 'vitest';
import {apiLimits} from '../../../src/sim/models/api.js';
import {component, parseModel, run} from '../helpers/pipeline-models.js';

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
