/**
Pipeline models for tests: the built-in login-counter scenario's architectures
(so tests check what users run), with knobs changed the way `--set` would.
*/
import {findScenario, loadCatalogue} from '../../../src/scenarios/catalogue.js';
import {ModelSchema, type Model, type Stage} from '../../../src/scenarios/model-schema.js';
import type {SystemDesignScenario} from '../../../src/scenarios/schema.js';
import {modelFromScenario, simulate, type SimOptions} from '../../../src/sim/run-model.js';
import type {CommonFigures, SimResult, StageKind} from '../../../src/sim/result.js';

let scenario: SystemDesignScenario | undefined;

/** The built-in login-counter scenario (500k logins/min of 200 B, 10 s dashboard). */
export function loginCounter(): SystemDesignScenario {
	scenario ??= findScenario(loadCatalogue(), 'login-counter') as SystemDesignScenario;
	return scenario;
}

/** One of login-counter's architectures as a model, with stage knobs changed (`{ingest: {shards: 4}}`). */
export function loginModel(arch: string, changes: Record<string, Record<string, unknown>> = {}, slo?: Model['slo']): Model {
	const scenario = loginCounter();
	const architecture = scenario.architectures.find((candidate) => candidate.id === arch);
	if (!architecture) throw new Error(`no architecture ${arch}`);
	const model = modelFromScenario(scenario, architecture);
	const stages = model.stages.map((stage) => (changes[stage.id] ? ({...stage, ...changes[stage.id]} as Stage) : stage));
	return {...model, stages, ...(slo ? {slo} : {})};
}

/** One of any built-in scenario's architectures as a model, with stage knobs changed. */
export function scenarioModel(scenarioId: string, arch: string, changes: Record<string, Record<string, unknown>> = {}): Model {
	const scenario = findScenario(loadCatalogue(), scenarioId) as SystemDesignScenario;
	const architecture = scenario.architectures.find((candidate) => candidate.id === arch);
	if (!architecture) throw new Error(`no architecture ${arch} in ${scenarioId}`);
	const model = modelFromScenario(scenario, architecture);
	return {...model, stages: model.stages.map((stage) => (changes[stage.id] ? ({...stage, ...changes[stage.id]} as Stage) : stage))};
}

/** A model written the way a model file is (defaults filled in by the schema). */
export function parseModel(raw: unknown): Model {
	return ModelSchema.parse(raw);
}

/** Runs a model briefly (defaults: seed 1, 5 simulated minutes, one replication). */
export function run(model: Model, options: Partial<SimOptions> = {}): SimResult {
	return simulate({scenario: null, arch: null, model}, {seed: 1, durationS: 300, replications: 1, ...options});
}

/**
A stage's figures as a script reading `--json` sees them: details by field
name. The tests check the contract's names, so they read them by key.
*/
export type ComponentJson = CommonFigures & {kind: StageKind; details: Record<string, number | string | boolean | undefined>};

/** A component of a result by id. */
export function component(result: SimResult, id: string): ComponentJson {
	const found = result.components.find((candidate) => candidate.id === id);
	if (!found) throw new Error(`no component ${id} in ${result.components.map((candidate) => candidate.id).join(', ')}`);
	return found as ComponentJson;
}

/** A source of `rate` events a second at constant spacing: the arrivals the model unit tests derive their figures from. */
export const constantSource = (rate: number) => ({rate_per_s: rate, arrivals: 'constant'});

/** Simulates `stages` behind a constant source of `rate` a second (1,000 by default) for `durationS`. */
export function simulateConstant(stages: unknown[], extra: Record<string, unknown> = {}, durationS = 120, rate = 1000): SimResult {
	return run(parseModel({source: constantSource(rate), stages, ...extra}), {durationS});
}
