/**
The scenarios and exercises a run of `dojo` knows: the built-in
`scenarios.yaml` shipped with the package, plus any `--scenarios FILE`.
*/
import {UsageError} from '../errors.js';
import {builtinFiles, displayPath, readCompiledBuiltin, type Catalogue} from './builtin.js';
import {formatFileError, loadYamlFile, type FileError, type LoadResult} from './load.js';
import {scenarioFileChecks} from './rules.js';
import {ScenarioFileSchema, type CodingProblem, type Exercise, type Scenario, type ScenarioFile} from './schema.js';

export {builtinCodingPath, builtinFiles, builtinScenariosPath, compiledExercisesPath, compiledScenariosPath, displayPath, findScenario, type Catalogue} from './builtin.js';

/**
Loads and validates scenario files in order, each checked against the ids of the
ones before it. Returns every error from every file rather than stopping at the first.
With `compiledBuiltin`, the built-in file is read from the build's validated JSON
when that is up to date.
*/
export function validateScenarioFiles(files: readonly string[], {compiledBuiltin = false} = {}): {catalogue: Catalogue; errors: FileError[]} {
	const scenarios: Scenario[] = [];
	const exercises: Exercise[] = [];
	const coding: CodingProblem[] = [];
	const errors: FileError[] = [];
	const builtin = new Set(builtinFiles());
	for (const file of files) {
		const shown = displayPath(file);
		const known = new Set(scenarios.map((scenario) => scenario.id));
		const compiled = compiledBuiltin && builtin.has(file) ? readCompiledBuiltin(file) : undefined;
		const result: LoadResult<ScenarioFile> = compiled ? {ok: true, value: compiled} : loadYamlFile(file, ScenarioFileSchema, scenarioFileChecks(known));
		if (!result.ok) {
			errors.push(...result.errors.map((error) => ({...error, file: shown})));
			continue;
		}
		errors.push(...alreadyDefined(result.value.scenarios, scenarios, 'scenario', shown), ...alreadyDefined(result.value.exercises, exercises, 'exercise', shown), ...alreadyDefined(result.value.coding ?? [], coding, 'coding problem', shown, 'coding'));
		scenarios.push(...result.value.scenarios);
		exercises.push(...result.value.exercises);
		coding.push(...(result.value.coding ?? []));
	}
	return {catalogue: {scenarios, exercises, coding, files}, errors};
}

/** Items of a later file whose ids an earlier file already defined. */
function alreadyDefined(items: ReadonlyArray<{id: string}>, earlier: ReadonlyArray<{id: string}>, what: 'scenario' | 'exercise' | 'coding problem', file: string, list = `${what}s`): FileError[] {
	const known = new Set(earlier.map((item) => item.id));
	return items.flatMap((item, index) =>
		known.has(item.id) ? [{file, line: 1, col: 1, path: `${list}[${index}].id`, message: `${what} "${item.id}" is already defined by an earlier file; pick another id`}] : [],
	);
}

/** Loads the built-in catalogue plus `extraFiles`; throws UsageError listing every problem. */
export function loadCatalogue(extraFiles: readonly string[] = []): Catalogue {
	const {catalogue, errors} = validateScenarioFiles([...builtinFiles(), ...extraFiles], {compiledBuiltin: true});
	if (errors.length > 0) throw new UsageError(errors.map(formatFileError));
	return catalogue;
}
