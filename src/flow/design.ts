/**
The candidate's pipeline: a list of stages built from the component palette
(or started from one of the scenario's architectures) and edited knob by knob.
Every edit is checked at once against the stage schema and the model rules, so
an invalid combination is explained where it is typed; the design the round
keeps is always one the simulator accepts.
*/
import {checkStages, parseKnobValue, replaceStage} from '../scenarios/model-edit.js';
import type {SystemDesignScenario} from '../scenarios/schema.js';
import {palette, type Stage} from '../sim/light.js';
import {designModel, type Design, type DesignEdit, type DesignEditor} from './design-model.js';

export {designModel, emptyDesign, type Design, type DesignEdit} from './design-model.js';

/** A design that starts as one of the scenario's architectures. */
export function designFrom(scenario: SystemDesignScenario, architectureId: string, version: number): DesignEdit {
	const architecture = scenario.architectures.find((candidate) => candidate.id === architectureId);
	if (!architecture) return {ok: false, problems: [`no architecture "${architectureId}"; expected one of ${scenario.architectures.map((candidate) => candidate.id).join(', ')}`]};
	return {ok: true, design: {stages: architecture.stages, from: architecture.id, version: version + 1}};
}

/** A stage id not yet used in the design: `ingest`, then `ingest-2`, `ingest-3`, … */
function freeId(stages: readonly Stage[], wanted: string): string {
	const taken = new Set(stages.map((stage) => stage.id));
	if (!taken.has(wanted)) return wanted;
	for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** Adds a palette component at `position` (default: the end), with the palette's starting knobs. */
export function addComponent(scenario: SystemDesignScenario, design: Design, componentId: string, position = design.stages.length): DesignEdit {
	const entry = palette.find((candidate) => candidate.id === componentId);
	if (!entry) return {ok: false, problems: [`no component "${componentId}"; expected one of ${palette.map((candidate) => candidate.id).join(', ')}`]};
	const stage = {...entry.template, id: freeId(design.stages, entry.template.id)} as Stage;
	const at = Math.max(0, Math.min(position, design.stages.length));
	const stages = [...design.stages.slice(0, at), stage, ...design.stages.slice(at)];
	return accept(scenario, design, stages);
}

/** Removes a stage; a `next` that pointed at it now points where the removed stage led. */
export function removeStage(scenario: SystemDesignScenario, design: Design, stageId: string): DesignEdit {
	const removed = design.stages.find((stage) => stage.id === stageId);
	if (!removed) return missing(design, stageId);
	const stages = design.stages
		.filter((stage) => stage.id !== stageId)
		.map((stage) => (stage.next === stageId ? withNext(stage, removed.next) : stage));
	return accept(scenario, design, stages);
}

/** Moves a stage up (-1) or down (+1) in the flow. */
export function moveStage(scenario: SystemDesignScenario, design: Design, stageId: string, delta: -1 | 1): DesignEdit {
	const index = design.stages.findIndex((stage) => stage.id === stageId);
	if (index < 0) return missing(design, stageId);
	const to = index + delta;
	if (to < 0 || to >= design.stages.length) return {ok: false, problems: [`"${stageId}" is already ${delta < 0 ? 'first' : 'last'}`]};
	const stages = [...design.stages];
	[stages[index], stages[to]] = [stages[to]!, stages[index]!];
	return accept(scenario, design, stages);
}

/**
Sets one knob from what the candidate typed ("10", "user_id", "efo", "true");
an empty text removes it so the simulator's default applies.
*/
export function setDesignKnob(scenario: SystemDesignScenario, design: Design, stageId: string, knob: string, text: string): DesignEdit {
	const index = design.stages.findIndex((stage) => stage.id === stageId);
	if (index < 0) return missing(design, stageId);
	const trimmed = text.trim();
	const stage = {...(design.stages[index] as Record<string, unknown>)};
	if (trimmed === '') delete stage[knob];
	else stage[knob] = parseKnobValue(trimmed);
	const model = designModel(scenario, design);
	const edited = replaceStage(model, index, stage);
	if (!edited.ok) return {ok: false, problems: edited.problems.map((problem) => `${stageId}.${problem.startsWith(`${knob}: `) ? problem : `${knob}: ${problem}`}`)};
	return {ok: true, design: {...design, stages: edited.model.stages, version: design.version + 1}};
}

/** Why a design cannot be simulated yet, or an empty list when it can. */
export function runProblems(scenario: SystemDesignScenario, design: Design): string[] {
	if (design.stages.length === 0) return ['the pipeline is empty: add a component, or start from one of the architectures'];
	const checked = checkStages(designModel(scenario, design), design.stages);
	return checked.ok ? [] : checked.problems;
}

function accept(scenario: SystemDesignScenario, design: Design, stages: readonly Stage[]): DesignEdit {
	if (stages.length === 0) return {ok: true, design: {...design, stages: [], version: design.version + 1}};
	const checked = checkStages(designModel(scenario, design), stages);
	return checked.ok ? {ok: true, design: {...design, stages: checked.model.stages, version: design.version + 1}} : {ok: false, problems: checked.problems};
}

function missing(design: Design, stageId: string): DesignEdit {
	return {ok: false, problems: [`no stage "${stageId}" in the design; it has ${design.stages.map((stage) => stage.id).join(', ') || 'no stages'}`]};
}

function withNext(stage: Stage, next: string | undefined): Stage {
	const copy = {...stage};
	if (next === undefined) delete copy.next;
	else copy.next = next;
	return copy;
}

/** The design editor a round uses. */
export const designEditor: DesignEditor = {start: designFrom, add: addComponent, remove: removeStage, move: moveStage, set: setDesignKnob, runProblems};
