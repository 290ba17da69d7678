/**
Tells a `--model` file from a scenarios file by its top-level fields, so
`dojo validate` checks each against its own schema: a model file has `source`
and `stages` and no `version`, which every scenarios file has.
*/
import {readFileSync} from 'node:fs';
import {parseDocument, isMap, isPair, isScalar} from 'yaml';
import {loadYamlFile, type LoadResult} from './load.js';
import {ModelSchema, type Model} from './model-schema.js';
import {modelChecks} from './rules.js';

/** The fields only a scenarios file has at the top level (see ScenarioFileSchema). */
const scenarioFields = new Set(['version', 'scenarios', 'exercises', 'coding']);
/** The fields a model file must have (see ModelSchema). */
const modelFields = new Set(['source', 'stages']);

/**
'model' when the file's top-level mapping has a model field and no scenarios-file
field; 'scenarios' otherwise, including a file that cannot be read or parsed (the
scenarios loader then reports why, positioned).
*/
export function fileKind(file: string): 'model' | 'scenarios' {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return 'scenarios';
	}
	const contents = parseDocument(text, {prettyErrors: false}).contents;
	if (!isMap(contents)) return 'scenarios';
	const keys = contents.items.flatMap((item) => (isPair(item) && isScalar(item.key) ? [String(item.key.value)] : []));
	if (keys.some((key) => scenarioFields.has(key))) return 'scenarios';
	return keys.some((key) => modelFields.has(key)) ? 'model' : 'scenarios';
}

/** Loads a model file against the model schema and rules, as `dojo sim --model` does. */
export function loadModelFile(file: string): LoadResult<Model> {
	return loadYamlFile(file, ModelSchema, modelChecks);
}
