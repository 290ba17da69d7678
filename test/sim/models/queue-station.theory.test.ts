/**
The plain queue station against queueing theory. Each figure must satisfy
|sim − theory| ≤ max(3 · CI half-width, floor), where the CI is the 95%
half-width across independent replications (different seeds) or the run's own
batch-means interval; floors are tiny (0.2% relative) and only matter when a
CI is degenerate. Little's law is asserted on every run.
*/
import {describe, expect, test} from 'vitest';
import {mg1, mmc, mmck, tandemMmcSojourn} from '../../../src/sim/analysis/queueing-formulas.js';
import {lognormalScv} from '../../../src/sim/kernel/distributions.js';
import {runQueueNetwork} from '../../../src/sim/models/queue-station.js';
import {meanAndHalfWidth} from '../../../src/sim/stats/confidence.js';
import {across, check, expectChecks, expectLittle, queueModel, replicate, type Check} from '../helpers/queue-models.js';

const FLOOR = 0.002;
const exp = (meanMs: number) => ({dist: 'exp' as const, mean_ms: meanMs});

/** Checks Wq, W, P(wait), utilisation and L (seconds) of station 0 across replications, plus each run's batch-means CI for Wq and W. */
function stationChecks(results: ReturnType<typeof replicate>, theory: {wq: number; w: number; pWait: number; rho: number; l: number}, label: string): Check[] {
	const wq = across(results, 0, (s) => s.wait_ms.mean / 1000);
	const w = across(results, 0, (s) => s.system_ms.mean / 1000);
	const pWait = across(results, 0, (s) => s.p_wait);
	const util = across(results, 0, (s) => s.utilization);
	const l = across(results, 0, (s) => s.in_system_mean);
	const checks = [
		check(`${label} Wq`, wq.mean, theory.wq, wq.halfWidth, FLOOR * theory.wq),
		check(`${label} W`, w.mean, theory.w, w.halfWidth, FLOOR * theory.w),
		check(`${label} P(wait)`, pWait.mean, theory.pWait, pWait.halfWidth, FLOOR * theory.pWait),
		check(`${label} utilization`, util.mean, theory.rho, util.halfWidth, FLOOR * theory.rho),
		check(`${label} L`, l.mean, theory.l, l.halfWidth, FLOOR * theory.l),
	];
	// Each run's own batch-means interval must also cover theory (3 half-widths).
	results.forEach((result, r) => {
		const station = result.components[0]!;
		checks.push(check(`${label} Wq run ${r + 1} (batch CI)`, station.wait_ms.mean / 1000, theory.wq, station.wait_ms.mean_ci95 / 1000, FLOOR * theory.wq));
	});
	return checks;
}

describe('single stations against theory', () => {
	test('M/M/1 at ρ = 0.8 matches Erlang C (Wq, W, P(wait), utilization, L)', () => {
		const theory = mmc(0.8, 1, 1);
		const results = replicate(queueModel(0.8, [{servers: 1, service: exp(1000)}]), 6, {customers: 200_000});
		expectChecks(stationChecks(results, theory, 'M/M/1'));
	});

	test('M/M/4 at ρ = 0.8 (the anchor model) matches Erlang C', () => {
		const theory = mmc(3.2, 1, 4);
		expect(theory.pWait).toBeCloseTo(0.59643, 5);
		expect(theory.wq).toBeCloseTo(0.74554, 5);
		const results = replicate(queueModel(3.2, [{servers: 4, service: exp(1000)}]), 6, {customers: 200_000});
		expectChecks(stationChecks(results, theory, 'M/M/4'));
		// The same tolerances reject a slightly wrong answer: Erlang C at ρ = 0.82 instead of 0.8.
		const wrong = mmc(3.28, 1, 4);
		const wq = across(results, 0, (s) => s.wait_ms.mean / 1000);
		const util = across(results, 0, (s) => s.utilization);
		expect(check('Wq vs ρ = 0.82', wq.mean, wrong.wq, wq.halfWidth, FLOOR * wrong.wq).passed).toBe(false);
		expect(check('utilization vs ρ = 0.82', util.mean, wrong.rho, util.halfWidth, FLOOR * wrong.rho).passed).toBe(false);
	});

	test('M/D/1 at ρ = 0.7 matches Pollaczek–Khinchine with cs² = 0', () => {
		// Service 10 ms constant; λ = 70/s.
		const theory = mg1(70, 0.01, 0);
		const results = replicate(queueModel(70, [{servers: 1, service: {dist: 'const', mean_ms: 10}}]), 6, {customers: 200_000});
		expectChecks(stationChecks(results, theory, 'M/D/1'));
	});

	test('M/G/1 with lognormal service (mean 10 ms, p99 60 ms) at ρ = 0.75 matches Pollaczek–Khinchine', () => {
		const scv = lognormalScv(10, 60);
		// cs² = e^{σ²} − 1 for the σ that puts p99 at 6× the mean.
		expect(scv).toBeGreaterThan(1);
		const theory = mg1(75, 0.01, scv);
		const results = replicate(queueModel(75, [{servers: 1, service: {dist: 'lognormal', mean_ms: 10, p99_ms: 60}}]), 6, {customers: 200_000});
		expectChecks(stationChecks(results, theory, 'M/G/1 lognormal'));
	});

	test('M/M/c/K: blocking probability, waits and utilization match the birth–death solution, under and over load', () => {
		const checks: Check[] = [];
		for (const [lambda, c, capacity] of [
			[2.4, 3, 6],
			[2.4, 2, 5],
		] as const) {
			const theory = mmck(lambda, 1, c, capacity);
			const label = `M/M/${c}/${capacity} a=${lambda}`;
			const results = replicate(queueModel(lambda, [{servers: c, service: exp(1000), capacity}]), 6, {customers: 150_000});
			const blocking = across(results, 0, (s) => s.blocking_probability);
			checks.push(check(`${label} P(block)`, blocking.mean, theory.pBlock, blocking.halfWidth, FLOOR * theory.pBlock));
			checks.push(...stationChecks(results, theory, label).filter((item) => !item.label.includes('batch CI')));
			for (const result of results) expect(result.components[0]!.queue.max).toBeLessThanOrEqual(capacity - c);
		}
		expectChecks(checks);
	});
});

describe('networks', () => {
	test('a tandem of M/M/2 then M/M/1 matches Jackson: per-station Erlang C and summed sojourns end to end', () => {
		const lambda = 0.8;
		const model = queueModel(lambda, [
			{servers: 2, service: exp(1000 / 0.6)},
			{servers: 1, service: exp(800)},
		]);
		const results = replicate(model, 6, {customers: 200_000});
		const first = mmc(lambda, 0.6, 2);
		const second = mmc(lambda, 1.25, 1);
		const endToEnd = meanAndHalfWidth(results.map((result) => result.end_to_end.latency_ms.mean / 1000));
		const stations = [first, second].flatMap((theory, index) => {
			const w = across(results, index, (s) => s.system_ms.mean / 1000);
			const util = across(results, index, (s) => s.utilization);
			return [check(`station ${index + 1} W`, w.mean, theory.w, w.halfWidth, FLOOR * theory.w), check(`station ${index + 1} utilization`, util.mean, theory.rho, util.halfWidth, FLOOR * theory.rho)];
		});
		const total = tandemMmcSojourn(lambda, [
			{mu: 0.6, c: 2},
			{mu: 1.25, c: 1},
		]);
		expectChecks([...stations, check('end-to-end W', endToEnd.mean, total, endToEnd.halfWidth, FLOOR * total)]);
		for (const result of results) expect(result.end_to_end.delivered).toBe(result.components[0]!.arrivals);
	});

	test('`next` routes past the listed order, and a dropped customer is lost end to end', () => {
		const model = queueModel(1, [
			{id: 'entry', servers: 1, service: exp(500), next: 'busy'},
			{id: 'later', servers: 1, service: exp(500), next: 'exit'},
			{id: 'busy', servers: 1, service: exp(500), capacity: 1, next: 'later'},
			{id: 'exit', servers: 1, service: exp(500)},
		]);
		// entry → busy → later → exit.
		const result = runQueueNetwork(model, {customers: 20_000});
		expectLittle(result);
		const [entry, later, busy, exit] = result.components;
		// Stations count arrivals inside the window by when they reached that station, so counts
		// downstream differ only by the few customers in flight at the window's edges.
		const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(10);
		near(busy!.arrivals, entry!.arrivals);
		expect(busy!.dropped).toBeGreaterThan(1000);
		near(later!.arrivals, busy!.arrivals - busy!.dropped);
		near(exit!.arrivals, later!.arrivals);
		near(result.end_to_end.lost, busy!.dropped);
		expect(result.end_to_end.delivered + result.end_to_end.lost).toBe(entry!.arrivals);
	});
});

describe('warm-up removal', () => {
	// 2000 runs of 500 customers each, every one starting empty at ρ = 0.9 (M/M/4): the first
	// customers find short queues, so without warm-up removal the mean wait is biased low.
	const model = queueModel(3.6, [{servers: 4, service: exp(1000)}]);
	const theory = mmc(3.6, 1, 4);
	const meanWait = (warmupFraction: number) => {
		const means: number[] = [];
		for (let seed = 1; seed <= 2000; seed++) means.push(runQueueNetwork(model, {customers: 500, seed, warmupFraction}).components[0]!.wait_ms.mean / 1000);
		return meanAndHalfWidth(means);
	};

	test('short runs from empty FAIL the Erlang C check when warm-up removal is off', () => {
		const off = meanWait(0);
		expect(check('Wq, no warm-up', off.mean, theory.wq, off.halfWidth, FLOOR * theory.wq).passed).toBe(false);
		expect(off.mean).toBeLessThan(theory.wq);
	});

	test('the same runs PASS it when the first 60% of each run is dropped as warm-up', () => {
		const on = meanWait(0.6);
		expectChecks([check('Wq, 60% warm-up', on.mean, theory.wq, on.halfWidth, FLOOR * theory.wq)]);
	});
});

describe('determinism', () => {
	const model = queueModel(3.2, [{servers: 4, service: exp(1000)}, {servers: 2, service: {dist: 'lognormal', mean_ms: 200, p99_ms: 900}}]);

	test('the same seed gives byte-identical results; another seed gives different numbers', () => {
		const a = JSON.stringify(runQueueNetwork(model, {customers: 30_000, seed: 7}));
		const b = JSON.stringify(runQueueNetwork(model, {customers: 30_000, seed: 7}));
		const c = JSON.stringify(runQueueNetwork(model, {customers: 30_000, seed: 8}));
		expect(a).toBe(b);
		expect(c).not.toBe(a);
		const [first, other] = [JSON.parse(a), JSON.parse(c)];
		expect(first.components[0].wait_ms.mean).not.toBe(other.components[0].wait_ms.mean);
		expect(first.end_to_end.latency_ms.p99).not.toBe(other.end_to_end.latency_ms.p99);
	});
});
