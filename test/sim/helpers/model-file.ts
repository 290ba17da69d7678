/**
A model written the way a model file is, with the schema's defaults filled in. Only the
schema is imported, so unit tests that need no built-in scenario stay quick to load
(which matters when mutation testing re-runs them once per mutant).
*/
import {ModelSchema, type Model} from '../../../src/scenarios/model-schema.js';

/** A model file's content, parsed and defaulted as `dojo sim --model` does. */
export function parseModel(raw: unknown): Model {
	return ModelSchema.parse(raw);
}
