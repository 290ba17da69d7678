/**
Helpers for checking queue-station runs against theory: model builders, the
CI-derived tolerance rule, replications, and Little's law on every run.
*/
import {expect} from 'vitest';
import type {Distribution, Model} from '../../../src/scenarios/model-schema.js';
import {runQueueNetwork, type QueueNetworkOptions, type QueueNetworkResult, type QueueStationResult} from '../../../src/sim/models/queue-station.js';
import {meanAndHalfWidth} from '../../../src/sim/stats/confidence.js';

/** One queue stage for a test model. */
export type StationSpec = {
	readonly id?: string;
	readonly servers: number;
	readonly service: Distribution;
	readonly capacity?: number;
	readonly next?: string;
};

/** A model with Poisson arrivals at `ratePerS` into the given stations (in order). */
export function queueModel(ratePerS: number, stations: readonly StationSpec[], arrivals: 'poisson' | 'constant' = 'poisson'): Model {
	return {
		source: {rate_per_s: ratePerS, arrivals, event_bytes: 200, peak_multiplier: 1, keys: {}},
		stages: stations.map((station, index) => ({
			id: station.id ?? `q${index + 1}`,
			kind: 'queue' as const,
			servers: station.servers,
			service: station.service,
			...(station.capacity === undefined ? {} : {capacity: station.capacity}),
			...(station.next === undefined ? {} : {next: station.next}),
		})),
		injections: [],
	};
}

/** The rule every theory check uses: |sim − theory| ≤ max(3 · CI half-width, floor). */
export function tolerance(halfWidth: number, floor: number): number {
	return Math.max(3 * halfWidth, floor);
}

/** One theory check, kept for the report table. */
export type Check = {label: string; sim: number; theory: number; halfWidth: number; allowed: number; passed: boolean};

/** Compares a simulated figure with theory under the tolerance rule; a NaN half-width fails. */
export function check(label: string, sim: number, theory: number, halfWidth: number, floor: number): Check {
	const allowed = tolerance(halfWidth, floor);
	return {label, sim, theory, halfWidth, allowed, passed: Number.isFinite(halfWidth) && Math.abs(sim - theory) <= allowed};
}

/** Asserts every check passed, printing them all on failure (and when THEORY_REPORT is set). */
export function expectChecks(checks: readonly Check[]): void {
	const lines = checks.map(
		(c) =>
			`${c.passed ? 'ok  ' : 'FAIL'} ${c.label.padEnd(28)} sim ${c.sim.toPrecision(6).padStart(10)}  theory ${c.theory.toPrecision(6).padStart(10)}  ` +
			`err ${(((c.sim - c.theory) / c.theory) * 100).toFixed(2).padStart(6)}%  CI ±${c.halfWidth.toPrecision(3)}  allowed ±${c.allowed.toPrecision(3)}`,
	);
	if (process.env['THEORY_REPORT']) console.log(lines.join('\n'));
	expect(checks.filter((c) => !c.passed).map((c) => lines[checks.indexOf(c)])).toEqual([]);
}

/** Little's law on every station of a run: L = λW and Lq = λWq within what the window's edges explain. */
export function expectLittle(result: QueueNetworkResult): void {
	for (const station of result.components) {
		const {l, lambda_w: lambdaW, lq, lambda_wq: lambdaWq, tolerance: edge} = station.little;
		// 1e-9 relative covers floating-point summation over a million customers.
		expect(Math.abs(l - lambdaW), `${station.id}: L = ${l} vs λW = ${lambdaW} (edge ${edge})`).toBeLessThanOrEqual(edge + 1e-9 * l);
		expect(Math.abs(lq - lambdaWq), `${station.id}: Lq = ${lq} vs λWq = ${lambdaWq} (edge ${edge})`).toBeLessThanOrEqual(edge + 1e-9 * l);
	}
}

/** Runs `replications` independent seeds and returns each result (Little's law asserted on each). */
export function replicate(model: Model, replications: number, options: QueueNetworkOptions & {readonly firstSeed?: number}): QueueNetworkResult[] {
	const results: QueueNetworkResult[] = [];
	for (let r = 0; r < replications; r++) {
		const result = runQueueNetwork(model, {...options, seed: (options.firstSeed ?? 1) + r});
		expectLittle(result);
		results.push(result);
	}
	return results;
}

/** Mean and 95% half-width across replications of one station figure. */
export function across(results: readonly QueueNetworkResult[], station: number, pick: (s: QueueStationResult) => number): {mean: number; halfWidth: number} {
	return meanAndHalfWidth(results.map((result) => pick(result.components[station]!)));
}
