/**
The candidate's pipeline as data, and the model the simulator runs for it.
Kept apart from the editing rules (`design.ts`, which loads the zod schema) so
a round starts without loading the validator; the editor arrives before the
candidate reaches the design.
*/
import type {SystemDesignScenario} from '../scenarios/schema.js';
import {modelFromScenario, type Model, type Stage} from '../sim/light.js';

/** The pipeline a candidate is building. */
export type Design = {
	/** The stages, in the order records flow. */
	readonly stages: readonly Stage[];
	/** The architecture it started from, or null when built from scratch. */
	readonly from: string | null;
	/** Goes up by one with every accepted change, so runs can say which design they ran. */
	readonly version: number;
};

/** The outcome of an edit: the new design, or the problems that stopped it (the design stays as it was). */
export type DesignEdit = {ok: true; design: Design} | {ok: false; problems: string[]};

/** An empty design. */
export const emptyDesign: Design = {stages: [], from: null, version: 0};

/** The model the simulator runs for a design: the scenario's workload as the source, the design's stages. */
export function designModel(scenario: SystemDesignScenario, design: Pick<Design, 'stages'>): Model {
	return modelFromScenario(scenario, {id: 'design', title: 'your design', summary: 'your design', stages: [...design.stages], injections: []});
}

/** The edits a round makes to a design, each checked at once (see `design.ts`). */
export type DesignEditor = {
	readonly start: (scenario: SystemDesignScenario, architectureId: string, version: number) => DesignEdit;
	readonly add: (scenario: SystemDesignScenario, design: Design, componentId: string, position?: number) => DesignEdit;
	readonly remove: (scenario: SystemDesignScenario, design: Design, stageId: string) => DesignEdit;
	readonly move: (scenario: SystemDesignScenario, design: Design, stageId: string, delta: -1 | 1) => DesignEdit;
	readonly set: (scenario: SystemDesignScenario, design: Design, stageId: string, knob: string, text: string) => DesignEdit;
	readonly runProblems: (scenario: SystemDesignScenario, design: Design) => string[];
};
