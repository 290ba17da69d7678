import {describe, expect, test} from 'vitest';
import {ModelError} from '../../../src/sim/model-error.js';
import type {Model} from '../../../src/scenarios/model-schema.js';
import {isQueueOnlyModel, runQueueNetwork} from '../../../src/sim/models/queue-station.js';
import {expectLittle, queueModel} from '../helpers/queue-models.js';

const exp = (meanMs: number) => ({dist: 'exp' as const, mean_ms: meanMs});

describe('runQueueNetwork results', () => {
	test('each component has the DESIGN.md `dojo sim --json` fields, waits in ms', () => {
		const result = runQueueNetwork(queueModel(100, [{id: 'api', servers: 2, service: exp(10)}]), {customers: 50_000});
		const component = result.components[0]!;
		expect(Object.keys(component)).toEqual(expect.arrayContaining(['id', 'kind', 'utilization', 'throughput_per_s', 'queue', 'wait_ms', 'throttled', 'dropped', 'lost']));
		expect(Object.keys(component.queue)).toEqual(expect.arrayContaining(['mean', 'max']));
		expect(Object.keys(component.wait_ms)).toEqual(expect.arrayContaining(['mean', 'p50', 'p95', 'p99']));
		expect(Object.keys(result.end_to_end)).toEqual(expect.arrayContaining(['delivered', 'lost', 'latency_ms', 'freshness_s']));
		expect(component).toMatchObject({id: 'api', kind: 'queue', throttled: 0, dropped: 0, lost: 0});
		// λ = 100/s into 2 × 10 ms: utilisation 0.5, throughput ≈ 100/s, waits of a few ms.
		expect(component.utilization).toBeGreaterThan(0.47);
		expect(component.utilization).toBeLessThan(0.53);
		expect(component.throughput_per_s).toBeGreaterThan(95);
		expect(component.throughput_per_s).toBeLessThan(105);
		expect(component.wait_ms.p50).toBeLessThanOrEqual(component.wait_ms.p95);
		expect(component.wait_ms.p95).toBeLessThanOrEqual(component.wait_ms.p99);
		expect(component.system_ms.mean).toBeGreaterThan(10);
		expect(result.end_to_end.latency_ms.mean).toBe(component.system_ms.mean);
		expect(result.warmup).toEqual({fraction: 0.1, customers: 5000});
		expect(result.customers).toBe(50_000);
		expect(result.events_simulated).toBe(100_000);
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});

	test('a duration run stops at the duration and reports the backlog of an overloaded station', () => {
		// λ = 150/s into one server of 10 ms (capacity 100/s): the line grows by about 50 a second.
		const result = runQueueNetwork(queueModel(150, [{servers: 1, service: exp(10)}]), {duration_s: 60});
		const station = result.components[0]!;
		expect(result.sim_time_s).toBe(60);
		expect(result.window_s).toEqual({start: 6, end: 60});
		expect(Math.abs(result.customers - 9000)).toBeLessThan(4 * Math.sqrt(9000));
		expect(station.utilization).toBeGreaterThan(0.99);
		expect(station.in_system_at_end).toBeGreaterThan(2500);
		expect(station.in_system_at_end).toBeLessThan(3500);
		expect(station.queue.max).toBeGreaterThanOrEqual(station.in_system_at_end - 1);
		expectLittle(result);
	});

	test('a stable duration run agrees with the same model run by customers', () => {
		const model = queueModel(50, [{servers: 1, service: exp(10)}]);
		const byTime = runQueueNetwork(model, {duration_s: 2000, seed: 3});
		expectLittle(byTime);
		const station = byTime.components[0]!;
		// M/M/1 at ρ = 0.5: W = 20 ms.
		expect(Math.abs(station.system_ms.mean - 20)).toBeLessThanOrEqual(3 * station.system_ms.mean_ci95);
		expect(station.in_system_at_end).toBeLessThan(20);
	});

	test('loadMultiplier scales the arrival rate (a 2x what-if)', () => {
		const model = queueModel(40, [{servers: 1, service: exp(10)}]);
		const base = runQueueNetwork(model, {customers: 40_000});
		const doubled = runQueueNetwork(model, {customers: 40_000, loadMultiplier: 2});
		expect(doubled.load_per_s).toBe(80);
		expect(doubled.components[0]!.utilization / base.components[0]!.utilization).toBeCloseTo(2, 1);
	});

	test("Little's law check catches a station whose books do not balance", () => {
		const result = runQueueNetwork(queueModel(3.2, [{servers: 4, service: exp(1000)}]), {customers: 50_000});
		expectLittle(result);
		const broken = structuredClone(result);
		broken.components[0]!.little.l *= 1.01;
		expect(() => expectLittle(broken)).toThrow(/L = .* vs λW/);
	});
});

describe('runQueueNetwork refuses what it cannot run', () => {
	const base = queueModel(10, [{id: 'a', servers: 1, service: exp(10)}]);

	function usageLines(model: Model): string[] {
		try {
			runQueueNetwork(model, {customers: 10});
		} catch (error) {
			if (error instanceof ModelError) return [...error.lines];
			throw error;
		}
		throw new Error('expected a ModelError');
	}

	test('stages other than kind: queue, injections and bursts, naming the stage', () => {
		const mixed = {...base, stages: [...base.stages, {id: 'store', kind: 'cache', component: 'redis'}]} as unknown as Model;
		expect(isQueueOnlyModel(mixed)).toBe(false);
		expect(isQueueOnlyModel(base)).toBe(true);
		expect(usageLines(mixed)).toEqual(['stages[1] (store): runQueueNetwork runs only kind: queue stages; this one is kind: cache']);
		expect(usageLines({...base, injections: [{at_s: 1, kind: 'load_multiplier', factor: 2}]})[0]).toMatch(/^injections: /);
		expect(usageLines({...base, source: {...base.source, bursts: {every_s: 10, duration_s: 1, multiplier: 3}}} as Model)[0]).toMatch(/^source\.bursts: /);
	});

	test('unreachable stages, loops, unknown next and impossible lognormals', () => {
		const three = queueModel(10, [
			{id: 'a', servers: 1, service: exp(10), next: 'c'},
			{id: 'b', servers: 1, service: exp(10)},
			{id: 'c', servers: 1, service: exp(10)},
		]);
		expect(usageLines(three)).toEqual(['stages b: never reached from the first stage "a"; link them with next']);
		const loop = queueModel(10, [
			{id: 'a', servers: 1, service: exp(10)},
			{id: 'b', servers: 1, service: exp(10), next: 'a'},
		]);
		expect(usageLines(loop)[0]).toMatch(/loop/);
		expect(usageLines(queueModel(10, [{servers: 1, service: exp(10), next: 'nowhere'}]))[0]).toMatch(/^stages\[0\]\.next: no stage "nowhere"/);
		expect(usageLines(queueModel(10, [{servers: 1, service: {dist: 'lognormal', mean_ms: 10, p99_ms: 500}}]))[0]).toMatch(/^stages\[0\]\.service: lognormal: no lognormal has p99\/mean above 14\.97/);
	});

	test('bad options are RangeErrors that name the option', () => {
		expect(() => runQueueNetwork(base, {customers: -5})).toThrow(/customers must be a whole number >= 1; got -5/);
		expect(() => runQueueNetwork(base, {customers: 10, duration_s: 5})).toThrow(/not both/);
		expect(() => runQueueNetwork(base, {warmupFraction: 1})).toThrow(/warmupFraction must be in \[0, 1\)/);
		expect(() => runQueueNetwork(base, {duration_s: 0})).toThrow(/duration_s must be > 0/);
		expect(() => runQueueNetwork(base, {seed: 1.5})).toThrow(/seed must be a whole number/);
	});
});
