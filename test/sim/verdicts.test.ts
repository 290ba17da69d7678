/**
Honest verdicts (issue 10, item 3): the daily peak is part of every verdict, a
stage that falls further behind every second fails the SLO, freshness is judged
by completeness (the oldest record not yet counted), advice converges, and a
cost total names what it leaves out. Each claim has a case that must fail.
*/
import {describe, expect, test} from 'vitest';
import {formatComparison, formatReport} from '../../src/commands/sim-format.js';
import {component, loginModel, parseModel, run, scenarioModel} from './helpers/pipeline-models.js';

describe('the daily peak is part of every verdict', () => {
	// login-counter: 8,333 events/s at the mean, peaks at 2x = 16,667/s; 10 shards take 10,000/s (1.2x).
	// At the peak the stream refuses 1 − 10,000 / 16,667 = 40%; 16,667 / 1,000 → 17 shards.
	test('10 shards meet the SLO at the mean and are flagged for the peak: 40% lost at 2x, needs 17 shards', () => {
		const result = run(loginModel('kds-lambda-redis'), {durationS: 120});
		expect(result.slo.met).toBe(true);
		expect(result.slo.peak).toMatchObject({multiplier: 2, load_per_s: 16_666.667, met: false, limited_by: 'ingest'});
		expect(result.slo.peak!.lost_share).toBeCloseTo(0.4, 2);
		expect(result.slo.peak!.suggestion).toContain('needs at least 17 shards');
		expect(formatReport(result, 't')).toMatch(/^peak: meets the SLO at the mean; loses 40% at the daily peak \(2x\); needs at least 17 shards/m);
	});

	test('must fail: 20 shards carry the peak, nothing is flagged', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 20}}), {durationS: 120});
		expect(result.slo.peak).toMatchObject({multiplier: 2, met: true, lost_share: 0});
		expect(formatReport(result, 't')).not.toMatch(/daily peak/);
	});

	test('a run at --peak is the peak: no second peak is projected', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 20}}), {durationS: 60, peak: true});
		expect(result.slo.peak).toBeUndefined();
	});
});

describe('a stage over 100% whose backlog grows fails the SLO', () => {
	// 1,000 events/s into 1 worker at 1.02 ms per record (980/s): the queue grows by about 20/s without end.
	const model = (perRecordMs: number) =>
		parseModel({source: {rate_per_s: 1000}, slo: {latency_p99_ms: 3_600_000}, stages: [{id: 'work', kind: 'compute', component: 'worker_pool', concurrency: 1, per_record_ms: perRecordMs}]});

	test('980/s of capacity for 1,000/s: latency is inside its loose target, yet the SLO is missed (falls behind)', () => {
		const result = run(model(1.02), {durationS: 300});
		expect(component(result, 'work').backlog_growth_per_s).toBeGreaterThan(10);
		expect(result.slo.checks.find((check) => check.name === 'latency_p99_ms')!.met).toBe(true);
		const keepsUp = result.slo.checks.find((check) => check.name === 'keeps_up')!;
		expect(keepsUp.met).toBe(false);
		expect(keepsUp.says).toMatch(/work falls behind: its backlog grows by [\d.]+ records\/s/);
		expect(result.slo.met).toBe(false);
	});

	test('must fail: 1,111/s of capacity keeps up', () => {
		const result = run(model(0.9), {durationS: 300});
		expect(result.slo.checks.find((check) => check.name === 'keeps_up')!.met).toBe(true);
		expect(result.slo.met).toBe(true);
	});

	test('finance-reconciliation at 20x: capture at 100% with a growing queue fails the SLO', () => {
		const result = run(scenarioModel('finance-reconciliation', 'event-driven-s3-lambda'), {scale: 20, durationS: 3 * 3600});
		expect(result.slo.met).toBe(false);
		expect(result.slo.checks.find((check) => check.name === 'keeps_up')!.says).toMatch(/^capture falls behind/);
	});
});

describe('freshness is reported as newest-on-screen and as completeness; the SLO judges completeness', () => {
	test('kafka-flink-redis at 10x: the newest record on screen is recent, but data is complete only minutes back', () => {
		const result = run(loginModel('kafka-flink-redis'), {scale: 10, durationS: 300});
		const e2e = result.end_to_end;
		expect(e2e.completeness_p99_s).toBeGreaterThan(60);
		expect(e2e.completeness_p99_s).toBeGreaterThan(e2e.freshness_p99_s * 3);
		const check = result.slo.checks.find((candidate) => candidate.name === 'freshness_s')!;
		expect(check.actual).toBe(e2e.completeness_p99_s);
		expect(check.met).toBe(false);
		expect(check.says).toMatch(/complete up to/);
	});

	test('must fail: at 1x both figures are within 15 s and the completeness lag is about freshness plus the pipeline p99', () => {
		const result = run(loginModel('kafka-flink-redis'), {durationS: 300});
		const e2e = result.end_to_end;
		expect(e2e.completeness_p99_s).toBeLessThan(15);
		expect(e2e.completeness_p99_s).toBeGreaterThanOrEqual(e2e.freshness_p99_s);
		expect(result.slo.checks.find((candidate) => candidate.name === 'freshness_s')!.met).toBe(true);
	});
});

describe('advice converges: a design sized as advised meets the SLO and is not told to add one more', () => {
	test('4 shards: needs at least 9; 9 shards meet the SLO with no bottleneck', () => {
		const four = run(loginModel('kds-lambda-redis', {ingest: {shards: 4}}), {durationS: 120});
		const needed = Number(/needs at least (\d+) shards/.exec(four.bottleneck!.suggestion)![1]);
		expect(needed).toBe(9);
		const sized = run(loginModel('kds-lambda-redis', {ingest: {shards: needed}}), {durationS: 120});
		expect(sized.slo.met).toBe(true);
		expect(sized.bottleneck).toBeNull();
	});

	test('at the peak: 17 shards (as the 1x verdict advised) meet the SLO and are not told to take 18', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 17}}), {durationS: 120, peak: true});
		expect(result.slo.met).toBe(true);
		expect(result.bottleneck).toBeNull();
	});

	test('must fail: 16 shards at the peak are short, and told 17', () => {
		const result = run(loginModel('kds-lambda-redis', {ingest: {shards: 16}}), {durationS: 120, peak: true});
		expect(result.slo.met).toBe(false);
		expect(result.bottleneck?.suggestion).toContain('needs at least 17 shards');
	});
});

describe('every cost total names its unpriced stages', () => {
	test('kafka-spark-snowflake has a cost line naming what is not priced', () => {
		const result = run(scenarioModel('user-engagement', 'kafka-spark-snowflake'), {durationS: 60});
		// MSK (ingest) has a price now; Spark (process) and Snowpipe Streaming (warehouse) do not.
		expect(formatReport(result, 't')).toMatch(/^cost: .*not priced: process, warehouse/m);
	});

	test('the side-by-side cell names the unpriced stages beside the total', () => {
		const kafka = run(loginModel('kafka-flink-redis'), {durationS: 60});
		const kinesis = run(loginModel('kds-lambda-redis'), {durationS: 60});
		const text = formatComparison([{arch: 'kds', title: 'a', runs: [kinesis]}, {arch: 'kafka', title: 'b', runs: [kafka]}], [1]);
		// Kafka is priced as MSK now; Flink (count) is not.
		expect(text).toMatch(/cost\/month\s+\$[\d,.]+\s+\$[\d,.]+ \+ unpriced count/);
	});
});
