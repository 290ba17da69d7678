/**
The collector fleet behind a load balancer: instances × per-instance rate,
target-tracking auto-scaling with its metric period and warm-up, refusals once
requests would wait past max_wait_s, and a per-client rate limiter against a
bot. Expectations are worked out by hand (constant arrivals, so they are exact
up to one 20 ms tick); the derivation is beside each.
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../../src/sim/analysis/capacity.js';
import {component, parseModel, run, scenarioModel} from '../helpers/pipeline-models.js';

/** 4 instances × 1,000 requests/s, target 0.5, one-minute metric, 120 s warm-up, clients give up after 10 s. */
const fleet = {id: 'collect', kind: 'collector', min_instances: 4, max_instances: 20, instance_rate_per_s: 1000, target_utilization: 0.5, metric_period_s: 60, warmup_s: 120, max_wait_s: 10};

function stepModel(changes: Record<string, unknown> = {}) {
	return parseModel({
		source: {rate_per_s: 1600, arrivals: 'constant'},
		stages: [{...fleet, ...changes}],
		injections: [{at_s: 120, kind: 'load_multiplier', factor: 3.125}],
		slo: {latency_p99_ms: 5000},
	});
}

describe('a step in load outruns auto-scaling: queueing, then refusals until new instances are warm', () => {
	// 1,600/s → 5,000/s at 120 s. 4 instances serve 4,000/s, so 1,000/s is excess.
	// (A 600 s run measures [60, 600): warm-up is 10% of the run.)
	// The decision at 180 s reads the 120–180 s minute: 5,000/s ÷ (1,000 × 0.5) = 10 instances, 6 launched, serving at 180 + 120 = 300 s.
	// The queue fills to max_wait × rate = 10 s × 4,000 = 40,000 at 120 + 40 = 160 s; from then 1,000/s is refused until 300 s:
	// 140 s × 1,000 = 140,000 refused (all inside the [60 s, 600 s) window).
	const result = run(stepModel(), {durationS: 600});
	const collect = component(result, 'collect');

	test('queue peaks at max_wait × capacity = 40,000 and 140,000 requests are refused', () => {
		expect(collect.queue.max).toBeGreaterThan(39_900);
		expect(collect.queue.max).toBeLessThan(40_100);
		expect(collect.dropped).toBeGreaterThan(139_800);
		expect(collect.dropped).toBeLessThan(140_200);
		expect(collect.details['refused']).toBe(collect.dropped);
		expect(collect.details['instances_launched']).toBe(6);
		expect(collect.details['instances_peak']).toBe(10);
		// Queued requests wait up to the 10 s the client allows.
		expect(collect.wait_ms.p99).toBeGreaterThan(9000);
		expect(result.slo.met).toBe(false);
	});

	test('the bottleneck names the collector and the lag, with concrete fixes', () => {
		expect(result.bottleneck?.component).toBe('collect');
		expect(result.bottleneck?.reason).toMatch(/outran auto-scaling: new capacity serves up to 180 s after demand rises \(a 60 s metric period, then a 120 s warm-up\)/);
		// 5,000/s at the 0.5 target of 1,000/s per instance: 10 instances.
		expect(result.bottleneck?.suggestion).toMatch(/pre-warm .*min_instances 10.*lower target_utilization.*warmup_s/);
	});

	test('must fail: with no warm-up the new instances serve at the 180 s decision: 20 s × 1,000 = 20,000 refused', () => {
		const quick = component(run(stepModel({warmup_s: 0}), {durationS: 600}), 'collect');
		expect(quick.dropped).toBeGreaterThan(19_800);
		expect(quick.dropped).toBeLessThan(20_200);
	});

	test('with a patient client (max_wait 1,000 s) nothing is refused and the backlog is excess × lag = 1,000/s × 180 s = 180,000', () => {
		const patient = component(run(stepModel({max_wait_s: 1000}), {durationS: 600}), 'collect');
		expect(patient.dropped).toBe(0);
		expect(patient.queue.max).toBeGreaterThan(179_800);
		expect(patient.queue.max).toBeLessThan(180_200);
	});

	test('pre-warmed (min_instances 10) it never queues', () => {
		const warm = run(stepModel({min_instances: 10}), {durationS: 600});
		expect(component(warm, 'collect').dropped).toBe(0);
		expect(component(warm, 'collect').queue.max).toBe(0);
		expect(warm.slo.met).toBe(true);
		expect(warm.bottleneck).toBeNull();
	});
});

describe('fleet capacity: instances × per-instance rate', () => {
	const fixed = (rate: number) => parseModel({source: {rate_per_s: rate, arrivals: 'constant'}, stages: [{id: 'collect', kind: 'collector', min_instances: 4, instance_rate_per_s: 1000}], slo: {latency_p99_ms: 5000}});

	test('4 × 1,000 = 4,000/s on paper; 3,500/s uses 87.5% of it with nothing refused', () => {
		expect(analyseCapacity(fixed(3500)).maxLoadPerS).toBe(4000);
		const result = run(fixed(3500), {durationS: 300});
		expect(component(result, 'collect').utilization).toBeCloseTo(0.875, 3);
		expect(component(result, 'collect').dropped).toBe(0);
		expect(result.slo.met).toBe(true);
	});

	test('an auto-scaled fleet counts its max on paper: 20 × 1,000 = 20,000/s, not the 4 it starts with', () => {
		const stage = analyseCapacity(stepModel()).stages[0]!;
		expect(stage.maxLoadPerS).toBe(20_000);
		expect(stage.limit).toBe('20 instances (auto-scaling max) × 1,000 requests/s');
	});

	test('must fail: 4,500/s on a fleet that cannot scale refuses 500/s once the 40,000-request queue is full; the fix is max_instances', () => {
		// The queue fills at 500/s in 80 s; from then to the end of the window [30, 300) it refuses (300 − 80) × 500 = 110,000.
		const result = run(fixed(4500), {durationS: 300});
		const collect = component(result, 'collect');
		expect(collect.dropped).toBeGreaterThan(109_800);
		expect(collect.dropped).toBeLessThan(110_200);
		expect(result.bottleneck?.component).toBe('collect');
		// 4,500/s at the default 0.6 target of 1,000/s per instance: 7.5 → 8 instances.
		expect(result.bottleneck?.suggestion).toBe('raise max_instances to at least 8 (4,500 requests/s at the 60% target of 1,000/s per instance)');
	});
});

describe('a bot floods the collector at 20x: the per-client rate limiter refuses its excess', () => {
	// 1,600/s of users; from 120 s one client adds 20 × 1,600 = 32,000/s. The fleet can reach 20 × 1,000 = 20,000/s.
	const model = (limit?: number) =>
		parseModel({
			source: {rate_per_s: 1600, arrivals: 'constant'},
			stages: [{...fleet, ...(limit !== undefined ? {client_rate_per_s: limit} : {})}],
			injections: [{at_s: 120, kind: 'bot', factor: 20}],
			slo: {latency_p99_ms: 5000},
		});
	const limited = run(model(10), {durationS: 600});
	const open = run(model(), {durationS: 600});

	test('with 10 requests/s per client the bot gets 10/s through; the rest are 429s, counted apart from refusals', () => {
		const collect = component(limited, 'collect');
		// In the window the bot sends 32,000/s for 480 s = 15,360,000; the bucket (10 tokens, 10/s) lets through 10 + 10 × 480 = 4,810.
		expect(collect.details['rate_limited']).toBeGreaterThan(15_355_000);
		expect(collect.details['rate_limited']).toBeLessThan(15_356_000);
		// Per second of the 540 s window: 4,810 / 540 ≈ 8.9.
		expect(collect.details['bot_accepted_per_s']).toBeCloseTo(8.9, 1);
		expect(collect.dropped).toBe(0);
		expect(collect.details['instances_launched']).toBe(0);
		expect(limited.end_to_end.lost).toBe(0);
		expect(limited.slo.met).toBe(true);
		expect(limited.bottleneck).toBeNull();
	});

	test('must fail: without a limiter the fleet scales to its max and users are refused with the bot', () => {
		const collect = component(open, 'collect');
		expect(collect.details['instances_peak']).toBe(20);
		expect(collect.dropped).toBeGreaterThan(1_000_000);
		// The bot's requests stand for no user event: what is lost end to end is users' events, about half of them here.
		expect(open.end_to_end.lost).toBeGreaterThan(0.3 * 1600 * 540);
		expect(open.slo.met).toBe(false);
		expect(open.bottleneck?.component).toBe('collect');
		expect(open.bottleneck?.reason).toMatch(/one client \(a bot\) sends 20x the normal load, 32,000 requests\/s on top of 1,600\/s/);
		expect(open.bottleneck?.suggestion).toMatch(/^rate-limit each client .*client_rate_per_s.*429/);
	});
});

describe("user-engagement's collectors-kds-lambda-redis", () => {
	test('meets its SLO at 1x and at the 2x evening peak without scaling: 36 instances × 2,000/s = 72,000/s ≥ 66,667/s', () => {
		const oneX = run(scenarioModel('user-engagement', 'collectors-kds-lambda-redis'), {durationS: 240});
		expect(oneX.slo.met).toBe(true);
		expect(component(oneX, 'collect').utilization).toBeCloseTo(33_333 / 72_000, 1);
		const peak = run(scenarioModel('user-engagement', 'collectors-kds-lambda-redis'), {durationS: 240, peak: true});
		expect(component(peak, 'collect').dropped).toBe(0);
		expect(peak.slo.met).toBe(true);
	});

	test('at 2.3x it starts short (36 × 2,000 = 72,000/s < 76,667/s): the collector is named for the scaling lag, not the stream its catch-up floods', () => {
		// Target tracking wants ceil(76,667 / (2,000 × 0.6)) = 64 instances, serving 60 s + 300 s after the start; until then
		// 4,667/s is excess, refused once the 10 s queue is full. The backlog released at 360 s bursts into the stream.
		const result = run(scenarioModel('user-engagement', 'collectors-kds-lambda-redis'), {durationS: 600, scale: 2.3});
		expect(component(result, 'collect').dropped).toBeGreaterThan(0);
		expect(component(result, 'ingest').throttled).toBeGreaterThan(0);
		expect(result.bottleneck?.component).toBe('collect');
		expect(result.bottleneck?.suggestion).toMatch(/pre-warm .*min_instances 64/);
	});

	test('the bot flood breaks it at the collector; client_rate_per_s 10 restores the SLO', () => {
		const bot = [{at_s: 180, kind: 'bot' as const, factor: 20}];
		const open = run({...scenarioModel('user-engagement', 'collectors-kds-lambda-redis'), injections: bot}, {durationS: 420});
		expect(open.slo.met).toBe(false);
		expect(open.bottleneck?.component).toBe('collect');
		expect(open.bottleneck?.suggestion).toMatch(/rate-limit each client/);
		const limited = run({...scenarioModel('user-engagement', 'collectors-kds-lambda-redis', {collect: {client_rate_per_s: 10}}), injections: bot}, {durationS: 420});
		expect(limited.slo.met).toBe(true);
		expect(component(limited, 'collect').details['rate_limited']).toBeGreaterThan(0);
	});
});

describe('a lost instance', () => {
	test('is replaced at the next decision and serves after the warm-up, even in a fixed-size fleet', () => {
		// 4 × 1,000/s carrying 3,000/s; one instance lost at 90 s leaves 3,000/s, exactly the load. The decision at 120 s
		// launches a replacement (desired 4: min_instances), serving from 120 + 120 = 240 s.
		const model = parseModel({
			source: {rate_per_s: 3000, arrivals: 'constant'},
			stages: [{id: 'collect', kind: 'collector', min_instances: 4, instance_rate_per_s: 1000, metric_period_s: 60, warmup_s: 120}],
			injections: [{at_s: 90, kind: 'lose_node', stage: 'collect'}],
		});
		const collect = component(run(model, {durationS: 300}), 'collect');
		expect(collect.details['instances_launched']).toBe(1);
		// Mean over the window [30, 300) (warm-up is 10% of the run): 4 for 60 s, 3 for 150 s, 4 for 60 s = 930 / 270 = 3.444.
		expect(collect.details['instances_mean']).toBeCloseTo(930 / 270, 2);
	});
});
