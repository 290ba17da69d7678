/**
Every built-in architecture of every system-design scenario passes the stage
rules and runs: a component per stage, finite figures, and a verdict. A design
added to scenarios.yaml (the collector fleet, replicas, a hash ring) that the
engine cannot build fails here first.
*/
import {describe, expect, test} from 'vitest';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {stageProblems} from '../../src/scenarios/rules.js';
import type {SystemDesignScenario} from '../../src/scenarios/schema.js';
import {modelFromScenario} from '../../src/sim/index.js';
import {resolveChain} from '../../src/sim/models/plan.js';
import {run} from './helpers/pipeline-models.js';

const designs = loadCatalogue()
	.scenarios.filter((scenario): scenario is SystemDesignScenario => scenario.kind === 'system-design')
	.flatMap((scenario) => scenario.architectures.map((architecture) => ({scenario, architecture, name: `${scenario.id} ${architecture.id}`})));

describe('every built-in architecture validates and runs', () => {
	test('there are designs to check, the collector one among them', () => {
		expect(designs.length).toBeGreaterThan(10);
		expect(designs.map((design) => design.name)).toContain('user-engagement collectors-kds-lambda-redis');
	});

	test.each(designs)('$name', ({scenario, architecture}) => {
		expect(stageProblems(architecture.stages, scenario.workload.keys, ['stages'])).toEqual([]);
		const model = modelFromScenario(scenario, architecture);
		const result = run(model, {durationS: 90});
		// The judged path first, then any fan-out path's stages: every stage reports once.
		const ids = result.components.map((component) => component.id);
		expect(ids.slice(0, resolveChain(model.stages).length)).toEqual(resolveChain(model.stages).map((stage) => stage.id));
		expect([...new Set(ids)].sort()).toEqual(model.stages.map((stage) => stage.id).sort());
		for (const component of result.components) {
			expect(Number.isFinite(component.utilization)).toBe(true);
			expect(Number.isFinite(component.throughput_per_s)).toBe(true);
		}
		expect(typeof result.slo.met).toBe('boolean');
		// A front door or a stream passes the load on at once (batch designs deliver later, outside this check).
		const first = resolveChain(model.stages)[0]!;
		if (first.kind === 'collector' || first.kind === 'stream') expect(result.components[0]!.throughput_per_s).toBeCloseTo(model.source.rate_per_s, -2);
		expect(result.end_to_end.delivered + result.end_to_end.lost + result.end_to_end.undelivered).toBeGreaterThan(0);
	});
});
