/**
The editor JSON Schema for `scenarios.yaml`, generated from the zod schema so the
two cannot drift. Fields with defaults are optional in the file, so the schema
describes the input side of the zod types.
*/
import {z} from 'zod';
import {ScenarioFileSchema} from './schema.js';

/** Renders the JSON Schema text committed as `scenarios.schema.json`. */
export function scenariosJsonSchema(): string {
	const schema = z.toJSONSchema(ScenarioFileSchema, {target: 'draft-7', io: 'input', unrepresentable: 'any'});
	const titled = {
		...schema,
		$id: 'https://pipeline-dojo.dev/scenarios.schema.json',
		title: 'Pipeline Dojo scenarios',
		description: 'Generated from src/scenarios/schema.ts by `npm run schema`; do not edit by hand.',
	};
	return `${JSON.stringify(titled, null, '\t')}\n`;
}
