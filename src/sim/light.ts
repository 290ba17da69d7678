/**
The light part of the simulator's public surface: the component palette and
knobs, how long a run should be and a scenario architecture's model. The
interview's screens import this instead of `index.ts` so their first frame
does not load the engine (the round's simulations run in worker threads).
Everything here is also exported by `index.ts`.
*/
export {knobsFor, palette, paletteEntryFor} from './knobs.js';
export {defaultDuration, modelFromScenario} from './run-length.js';
export {stagePaths} from './fan-out.js';
export type {SimInput, SimOptions} from './run-model.js';
export type {SimResult, ComponentResult} from './result.js';
export type {Model, Stage} from '../scenarios/model-schema.js';
