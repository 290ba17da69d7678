/**
Several sources at different cadences: the data on screen is complete only as
far back as the slowest source, and the report names it.

A model by hand: 100 events/s, constant, into S3 (50 ms). 10% come from an
ads API pulled every hour whose numbers lag 3 h; 5% from a partner file at
02:00 each day; the rest stream in. Expected:
- partner events wait up to 24 h at the source (the 02:00 file holds the day
  before): their completeness swings 0–24 h, p99 about 23.8 h, mean about 12 h;
- ads events wait 3 h (lag) to 4 h (lag + one interval): p99 about 4 h;
- streamed events: seconds;
- the whole is complete up to the partner file's age (p99 ≈ 23.8 h), set by
  partner_files most of the time (when its age is above the ads' 3–4 h: about
  20 h of 24, 83–92%).
Each source is held to the SLO's 3 h on top of its own interval and lag
(partner: 3 h + 24 h = 27 h; ads: 3 + 1 + 3 = 7 h), so the design meets it.
*/
import {describe, expect, test} from 'vitest';
import {parseModel, run, scenarioModel} from './helpers/pipeline-models.js';
import {defaultDuration} from '../../src/sim/run-model.js';
import type {SimResult} from '../../src/sim/result.js';

const H = 3600;
const raw = (feeds: unknown[], slo = {freshness_s: 3 * H}) => ({
	source: {rate_per_s: 100, arrivals: 'constant', feeds},
	slo,
	stages: [{id: 'land', kind: 'store', component: 's3', latency: {dist: 'const', mean_ms: 50}}],
});
const ads = {id: 'ads_api', share: 0.1, every_s: H, lag_s: 3 * H};
const partner = {id: 'partner_files', share: 0.05, every_s: 24 * H, at: '02:00'};
const simulate = (model: ReturnType<typeof parseModel>) => run(model, {durationS: defaultDuration(model)});
const source = (result: SimResult, id: string) => result.sources!.find((entry) => entry.id === id)!;

describe('a model with an hourly, 3-hours-late API and a daily file', () => {
	const model = parseModel(raw([ads, partner]));
	const result = simulate(model);

	test('the run is long enough to see the daily file three times (3 × 24 h)', () => {
		expect(defaultDuration(model)).toBe(3 * 24 * H);
	});

	test('the whole is complete only up to the daily file: p99 about 23.8 h, mean about 12 h', () => {
		expect(result.end_to_end.completeness_p99_s! / H).toBeGreaterThan(23);
		expect(result.end_to_end.completeness_p99_s! / H).toBeLessThan(24.2);
		expect(result.end_to_end.completeness_s! / H).toBeGreaterThan(11);
		expect(result.end_to_end.completeness_s! / H).toBeLessThan(13.5);
		// The newest data still arrives within seconds: freshness alone would hide the day-old file.
		expect(result.end_to_end.freshness_p99_s).toBeLessThan(10);
	});

	test('the report names the slowest source first, and each source has its own completeness', () => {
		expect(result.sources!.map((entry) => entry.id)).toEqual(['partner_files', 'ads_api', 'streamed']);
		expect(source(result, 'partner_files').sets_completeness_share).toBeGreaterThan(0.8);
		expect(source(result, 'partner_files').sets_completeness_share).toBeLessThan(0.95);
		// 3 h lag + 1 h between pulls.
		expect(source(result, 'ads_api').completeness_p99_s / H).toBeCloseTo(4, 1);
		expect(source(result, 'ads_api').longest_wait_s / H).toBeCloseTo(4, 1);
		expect(source(result, 'partner_files').longest_wait_s / H).toBeCloseTo(24, 1);
		expect(source(result, 'streamed').completeness_p99_s).toBeLessThan(10);
	});

	test('each source is held to the SLO on top of its own delay: 27 h, 7 h, 3 h; all met', () => {
		expect(result.sources!.map((entry) => [entry.id, entry.target_s])).toEqual([
			['partner_files', 27 * H],
			['ads_api', 7 * H],
			['streamed', 3 * H],
		]);
		const check = result.slo.checks.find((candidate) => candidate.name === 'freshness_s')!;
		expect(check.met).toBe(true);
		expect(check.says).toMatch(/^data on screen is complete up to 2[34](\.\d+)? h ago \(p99\), set by partner_files \(every 24 h\); every source within its target/);
	});

	test('every event is still counted once: delivered = 72 h − 7.2 h warm-up of 100/s', () => {
		expect(result.end_to_end.delivered).toBeCloseTo(100 * (72 - 7.2) * H, -3);
		expect(result.end_to_end.undelivered).toBe(0);
	});
});

describe('a source slower than it is held to fails the SLO and is named', () => {
	test('a batch step every 4 h puts the streamed events (3 h target) behind; the daily file still sets the whole', () => {
		const model = parseModel({
			...raw([partner]),
			stages: [
				{id: 'job', kind: 'compute', component: 'worker_pool', concurrency: 1, trigger_s: 4 * H, per_record_ms: 0.001},
				{id: 'land', kind: 'store', component: 's3', latency: {dist: 'const', mean_ms: 50}},
			],
		});
		const result = simulate(model);
		const check = result.slo.checks.find((candidate) => candidate.name === 'freshness_s')!;
		expect(check.met).toBe(false);
		expect(check.says).toContain('streamed behind its target');
		expect(source(result, 'streamed').completeness_p99_s / H).toBeGreaterThan(3.5);
	});
});

describe("marketing's file-based design: Google's 3 h lag and the partners' daily files", () => {
	const model = scenarioModel('marketing-pipeline', 'files-snowpipe-dbt');
	const result = simulate(model);

	test('partner files set the completeness of the whole (about a day); Google Ads about 6 h; the messaging events about 2 h', () => {
		// Streamed: 5-min export + Snowpipe (≤ 3 min) + the next hourly dbt run (≤ 1 h + 2 min) + Tableau's hourly refresh (≤ 1 h): ≤ 2.2 h.
		// Google: up to 4 h at the source (3 h lag + hourly pull), then the same path; partner files: up to 24 h, then the same.
		expect(result.sources![0]!.id).toBe('partner_files');
		expect(source(result, 'streamed').completeness_p99_s / H).toBeGreaterThan(1.8);
		expect(source(result, 'streamed').completeness_p99_s / H).toBeLessThan(2.3);
		expect(source(result, 'google_ads').completeness_p99_s / H).toBeGreaterThan(5.5);
		expect(source(result, 'google_ads').completeness_p99_s / H).toBeLessThan(6.3);
		expect(source(result, 'partner_files').completeness_p99_s / H).toBeGreaterThan(24);
		expect(source(result, 'partner_files').completeness_p99_s / H).toBeLessThan(26.3);
		expect(result.end_to_end.completeness_p99_s! / H).toBeGreaterThan(24);
		expect(result.slo.met).toBe(true);
	});
});

describe('where deliveries land', () => {
	// 100 events/s, half of them pulled hourly: 180,000 records at once. Through an API front door of 1,000 requests/s
	// (burst 500) they are throttled for minutes; a file written straight to S3 (enters: land) skips the front door.
	const model = (enters?: string) =>
		parseModel({
			source: {rate_per_s: 100, arrivals: 'constant', feeds: [{id: 'hourly', share: 0.5, every_s: H, ...(enters ? {enters} : {})}]},
			stages: [
				{id: 'front', kind: 'api', component: 'api_gateway', rate_per_s: 1000, burst: 500},
				{id: 'land', kind: 'store', component: 's3', latency: {dist: 'const', mean_ms: 50}},
			],
		});
	test('by default a delivery enters the first stage; with enters it lands in the stage named', () => {
		const throughFront = simulate(model());
		const straight = simulate(model('land'));
		expect(throughFront.components[0]!.throttled).toBeGreaterThan(0);
		expect(straight.components[0]!.throttled).toBe(0);
		// The front door then carries only the streamed half: 50 requests/s.
		expect(straight.components[0]!.throughput_per_s).toBeCloseTo(50, 0);
	});
});
