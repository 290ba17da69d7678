/**
Chained batch steps with a deadline, on finance-reconciliation's nightly design:
a Glue job at 02:00 over the day's 8.64M records (100/s × 86,400 s), then dbt
when the Snowflake load has finished, and the reconciliation must be ready by
06:00 UTC (the scenario's refresh-rate answer). 14% of the records come in the
daily settlement files at 01:00 (covering the day to midnight); they enter the
same 02:00 run, so each run still holds a day of records.

By hand (Glue: overhead 120 s + records × 2 ms / 10 cores; dbt: 120 s +
records × 0.5 ms / 4 workers; Snowflake load lognormal mean 2 min, p99 10 min):
- 1x: extract 120 + 8.64M × 0.002 / 10 = 1,848 s → 02:30:48; reconcile
  120 + 8.64M × 0.0005 / 4 = 1,200 s, starting after the last file is loaded
  (a few minutes) → about 02:55–03:10. Ready by 06:00.
- 10x (Black Friday): extract 120 + 86.4M × 0.002 / 10 = 17,400 s → 06:50;
  reconcile 120 + 10,800 = 10,920 s → about 10:00. About 4 h late; extract is
  the longest step. It must lose about 4.07 h = 14,640 s: (17,400 − 14,640 − 120)
  = 2,640 s for 17,280 core-seconds × 10 → ceil(65.5) = 66 cores.
*/
import {describe, expect, test} from 'vitest';
import {run, scenarioModel} from './helpers/pipeline-models.js';
import {defaultDuration} from '../../src/sim/run-model.js';
import {sweepOne} from '../../src/sim/sweep.js';
import type {SimResult} from '../../src/sim/result.js';

const model = scenarioModel('finance-reconciliation', 'nightly-glue-batch');
const durationS = defaultDuration(model);
const at = (scale: number) => run(model, {durationS, scale});
const DAY = 86_400;

function runs(result: SimResult) {
	expect(result.batch).toBeDefined();
	return result.batch!.runs;
}

describe('a nightly job at 02:00 and the step chained after it', () => {
	const normal = at(1);

	test('each run in the window starts at 02:00 and lists extract, then reconcile, with start and finish', () => {
		// 3 × 25 h simulated (the settlement files' day plus their hour of lag), 7.5 h warm-up: the runs of days 2–4
		// (the day-1 run has only 2 h of data and is in the warm-up).
		expect(durationS).toBe(3 * 25 * 3600);
		expect(runs(normal).map((entry) => entry.scheduled)).toEqual(['day 2 02:00', 'day 3 02:00', 'day 4 02:00']);
		for (const entry of runs(normal)) {
			expect(entry.steps.map((step) => step.id)).toEqual(['extract', 'reconcile']);
			const [extract, reconcile] = entry.steps;
			expect(extract!.start_s % DAY).toBeCloseTo(7200, 0);
			// 1,848 s by hand.
			expect(extract!.finish_s! - extract!.start_s).toBeCloseTo(1848, -1);
			// reconcile starts only after extract's files are all loaded: after extract ends, within the load's tail (p99 10 min, a few minutes more for the slowest of many files).
			expect(reconcile!.start_s).toBeGreaterThan(extract!.finish_s!);
			expect(reconcile!.start_s - extract!.finish_s!).toBeLessThan(30 * 60);
			// One run over the whole day's output: 1,200 s by hand, with all 8.64M records.
			expect(reconcile!.finish_s! - reconcile!.start_s).toBeCloseTo(1200, -1);
			expect(reconcile!.records).toBeCloseTo(extract!.records, -3);
			expect(extract!.records / 8.64e6).toBeCloseTo(1, 1);
		}
	});

	test('reconcile runs once per extract run, not once per file or hour', () => {
		const reconcile = normal.components.find((component) => component.id === 'reconcile')!;
		const extract = normal.components.find((component) => component.id === 'extract')!;
		expect(reconcile.kind === 'compute' && reconcile.details.invocations).toBe(extract.kind === 'compute' && extract.details.invocations);
	});

	test('at 1x the deadline holds: every run done by 06:00, SLO met, no bottleneck', () => {
		expect(normal.batch!.met).toBe(true);
		for (const entry of runs(normal)) expect(entry.finish_s! % DAY).toBeLessThan(6 * 3600);
		expect(normal.slo.checks.find((check) => check.name === 'ready_by')?.met).toBe(true);
		expect(normal.slo.met).toBe(true);
		expect(normal.bottleneck).toBeNull();
	});
});

describe('Black Friday (10x): the run misses 06:00', () => {
	const busy = at(10);

	test('extract ends about 06:50, reconcile about 10:00; each run is late and the verdict fails', () => {
		for (const entry of runs(busy)) {
			const [extract, reconcile] = entry.steps;
			// 17,400 s after 02:00 = 06:50.
			expect(extract!.finish_s! - extract!.start_s).toBeCloseTo(17_400, -2);
			expect(reconcile!.finish_s! - reconcile!.start_s).toBeCloseTo(10_920, -2);
			expect(entry.met).toBe(false);
			expect(entry.late_by_s / 3600).toBeGreaterThan(3.8);
			expect(entry.late_by_s / 3600).toBeLessThan(4.3);
		}
		expect(busy.batch!.met).toBe(false);
		const check = busy.slo.checks.find((candidate) => candidate.name === 'ready_by')!;
		expect(check.met).toBe(false);
		expect(check.says).toContain('after its 06:00 deadline; extract took longest');
		expect(busy.slo.met).toBe(false);
	});

	test('the bottleneck names extract, the step that made it late, with the cores it needs', () => {
		expect(busy.bottleneck?.component).toBe('extract');
		expect(busy.bottleneck?.reason).toMatch(/^the run scheduled day [234] 02:00 finishes at day [234] 10:0\d, 4\.\d+ h after 06:00; extract takes 4\.8\d* h of it \([\d,]+ records, from day [234] 02:00\)$/);
		// ceil(10 × 17,280 / (17,400 − L − 120)) with L ≈ 14,640 s: 66 (65–67 with the load's randomness).
		expect(busy.bottleneck?.suggestion).toMatch(/^needs at least 6[5-7] cores \(concurrency\) to end by 06:00; has 10; or start the run earlier \(start_at\)$/);
	});

	test('6x is late (extract 10,488 s → 04:55, reconcile 6,600 s → about 06:50); 4x, the renewal peak, still fits', () => {
		// 4x: extract 120 + 34.56M × 0.0002 = 7,032 s → 03:57; reconcile 120 + 4,320 = 4,440 s → about 05:20.
		expect(at(4).batch!.met).toBe(true);
		expect(at(6).batch!.met).toBe(false);
	});
});

describe('the sweep finds where the deadline breaks', () => {
	test('between 4.6x and 4.9x: 02:00 + 240 s of overheads + 2,808 s per 1x of records + the load (≈ 10 min) = 06:00', () => {
		// extract 120 + 1,728x s, reconcile 120 + 1,080x s, a load gap g of about 600–800 s:
		// 7,200 + 240 + 2,808x + g ≤ 21,600 → x ≤ (14,160 − g) / 2,808 ≈ 4.75–4.83. The capacity on paper (50x) is far above.
		const replication = sweepOne({scenario: null, arch: null, model}, {seed: 1, durationS, replications: 1, from: 1, to: 20}, 0);
		expect(replication.break_multiple).toBeGreaterThan(4.6);
		expect(replication.break_multiple).toBeLessThan(4.9);
	});
});
