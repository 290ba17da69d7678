/**
The bot-flood curveball as the round offers it: listed among user-engagement's
what-ifs, run as a bot injection on the design, and answered with a rate limiter.
*/
import {describe, expect, test} from 'vitest';
import {applyWhatIf, FAULT_AT_S, whatIfsFor} from '../../src/flow/what-ifs.js';
import {findScenario} from '../../src/scenarios/catalogue.js';
import type {SystemDesignScenario} from '../../src/scenarios/schema.js';
import {defaultDuration, modelFromScenario, simulate} from '../../src/sim/index.js';
import {builtin, loginCounter} from './helpers.js';

const engagement = () => findScenario(builtin(), 'user-engagement') as SystemDesignScenario;
const design = (id: string) => engagement().architectures.find((architecture) => architecture.id === id)!;

describe('the bot-flood curveball', () => {
	test('user-engagement lists it, as a bot at 20x from the fault time, and the expected answer is a rate limiter', () => {
		const whatIf = whatIfsFor(engagement(), design('collectors-kds-lambda-redis').stages).find((candidate) => candidate.id === 'curveball-bot-flood');
		expect(whatIf).toBeDefined();
		expect(whatIf!.title).toBe('bot flood');
		expect(whatIf!.says).toMatch(/bot .*20x/);
		expect(whatIf!.injections).toEqual([{at_s: FAULT_AT_S, kind: 'bot', factor: 20}]);
		expect(whatIf!.scale).toBeUndefined();
		expect(whatIf!.expect).toMatch(/^A rate limiter/);
		// must fail: a scenario without the curveball does not offer it.
		expect(whatIfsFor(loginCounter(), loginCounter().architectures[0]!.stages).some((candidate) => candidate.id === 'curveball-bot-flood')).toBe(false);
	});

	test('run on the collector design it fails at the collector; with client_rate_per_s it holds', () => {
		const whatIf = whatIfsFor(engagement(), design('collectors-kds-lambda-redis').stages).find((candidate) => candidate.id === 'curveball-bot-flood')!;
		const base = modelFromScenario(engagement(), design('collectors-kds-lambda-redis'));
		const flooded = simulate({scenario: null, arch: null, model: applyWhatIf(base, whatIf)}, {seed: 1, durationS: 420, replications: 1});
		expect(flooded.slo.met).toBe(false);
		expect(flooded.bottleneck?.component).toBe('collect');
		expect(flooded.bottleneck?.suggestion).toMatch(/rate-limit each client/);
		const limited = {...base, stages: base.stages.map((stage) => (stage.kind === 'collector' ? {...stage, client_rate_per_s: 10} : stage))};
		expect(simulate({scenario: null, arch: null, model: applyWhatIf(limited, whatIf)}, {seed: 1, durationS: 420, replications: 1}).slo.met).toBe(true);
	});

	test('on a design with no collector the bot goes straight into the stream, and the advice still starts with a rate limiter', () => {
		const whatIf = whatIfsFor(engagement(), design('kds-lambda-redis').stages).find((candidate) => candidate.id === 'curveball-bot-flood')!;
		const result = simulate({scenario: null, arch: null, model: applyWhatIf(modelFromScenario(engagement(), design('kds-lambda-redis')), whatIf)}, {seed: 1, durationS: 300, replications: 1});
		expect(result.slo.met).toBe(false);
		expect(result.notes.join(' ')).toMatch(/a bot sends 20x the normal load into ingest; nothing in front of it limits one client's rate/);
		expect(result.bottleneck?.reason).toMatch(/^one client \(a bot\) sends 20x the normal load on top of it, and nothing limits one client's rate: /);
		expect(result.bottleneck?.suggestion).toMatch(/^rate-limit each client .*; sizing for the flood instead: /);
	});
});

describe("the round's SPOF what-if on login-counter", () => {
	const architecture = () => loginCounter().architectures.find((candidate) => candidate.id === 'kds-lambda-redis')!;
	const loseNode = () => whatIfsFor(loginCounter(), architecture().stages).find((candidate) => candidate.id === 'lose-node')!;
	const runWhatIf = (stages = architecture().stages) => {
		const model = applyWhatIf({...modelFromScenario(loginCounter(), architecture()), stages}, loseNode());
		return simulate({scenario: null, arch: null, model}, {seed: 1, durationS: defaultDuration(model), replications: 1});
	};

	test('losing the single Redis node names that node and the fix (a replica with failover, Multi-AZ), not the dashboard refresh', () => {
		expect(loseNode().injections).toEqual([{at_s: FAULT_AT_S, kind: 'lose_node', stage: 'counters'}]);
		const result = runWhatIf();
		expect(result.slo.met).toBe(false);
		expect(result.bottleneck?.component).toBe('counters');
		expect(result.bottleneck?.reason).toBe(`counters lost its only node at ${FAULT_AT_S} s: writes wait from then on, so the data on screen stops moving`);
		expect(result.bottleneck?.suggestion).toMatch(/replica with automatic failover \(ElastiCache Multi-AZ\)/);
	});

	test('must fail: with two nodes and a replica each, the same what-if meets the SLO', () => {
		const stages = architecture().stages.map((stage) => (stage.id === 'counters' ? {...stage, nodes: 2, read_replicas: 1} : stage));
		const result = runWhatIf(stages);
		expect(result.slo.met).toBe(true);
		expect(result.bottleneck).toBeNull();
	});
});
