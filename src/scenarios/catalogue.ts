/**
The scenarios and exercises a run of `dojo` knows: the built-in
`scenarios.yaml` shipped with the package, plus any `--scenarios FILE`.
*/
import {existsSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {UsageError} from '../errors.js';
import {formatFileError, loadYamlFile, type FileError, type LoadResult} from './load.js';
import {scenarioFileChecks} from './rules.js';
import {ScenarioFileSchema, type Exercise, type Scenario, type ScenarioFile} from './schema.js';

/** Everything loaded, in file order (built-in first). */
export type Catalogue = {
	readonly scenarios: readonly Scenario[];
	readonly exercises: readonly Exercise[];
	/** The files read, built-in first. */
	readonly files: readonly string[];
};

/**
Finds the built-in `scenarios.yaml`: next to `package.json`, walking up from this
module, which works from `src/` under tests and from the `dist/` bundle alike.
*/
export function builtinScenariosPath(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = join(dir, 'scenarios.yaml');
		if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
		const parent = dirname(dir);
		if (parent === dir) throw new Error('the built-in scenarios.yaml is missing from the package');
		dir = parent;
	}
}

/** Shows a path the way the user would type it: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
	const rel = relative(process.cwd(), file);
	return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

/**
Where the build writes the built-in scenarios already validated, as JSON:
parsing 190 KB of YAML costs about half a second cold, JSON a few milliseconds.
*/
export function compiledScenariosPath(): string {
	return join(dirname(builtinScenariosPath()), 'dist', 'scenarios.json');
}

/** The compiled built-in scenarios, when the build wrote them after the YAML last changed. */
function readCompiledBuiltin(): ScenarioFile | undefined {
	const compiled = compiledScenariosPath();
	try {
		if (statSync(compiled).mtimeMs < statSync(builtinScenariosPath()).mtimeMs) return undefined;
		return JSON.parse(readFileSync(compiled, 'utf8')) as ScenarioFile;
	} catch {
		return undefined;
	}
}

/**
Loads and validates scenario files in order, each checked against the ids of the
ones before it. Returns every error from every file rather than stopping at the first.
With `compiledBuiltin`, the built-in file is read from the build's validated JSON
when that is up to date.
*/
export function validateScenarioFiles(files: readonly string[], {compiledBuiltin = false} = {}): {catalogue: Catalogue; errors: FileError[]} {
	const scenarios: Scenario[] = [];
	const exercises: Exercise[] = [];
	const errors: FileError[] = [];
	const builtin = builtinScenariosPath();
	for (const file of files) {
		const shown = displayPath(file);
		const known = new Set(scenarios.map((scenario) => scenario.id));
		const compiled = compiledBuiltin && file === builtin ? readCompiledBuiltin() : undefined;
		const result: LoadResult<ScenarioFile> = compiled ? {ok: true, value: compiled} : loadYamlFile(file, ScenarioFileSchema, scenarioFileChecks(known));
		if (!result.ok) {
			errors.push(...result.errors.map((error) => ({...error, file: shown})));
			continue;
		}
		for (const [index, scenario] of result.value.scenarios.entries()) {
			if (known.has(scenario.id)) {
				errors.push({file: shown, line: 1, col: 1, path: `scenarios[${index}].id`, message: `scenario "${scenario.id}" is already defined by an earlier file; pick another id`});
			}
		}
		const knownExercises = new Set(exercises.map((exercise) => exercise.id));
		for (const [index, exercise] of result.value.exercises.entries()) {
			if (knownExercises.has(exercise.id)) {
				errors.push({file: shown, line: 1, col: 1, path: `exercises[${index}].id`, message: `exercise "${exercise.id}" is already defined by an earlier file; pick another id`});
			}
		}
		scenarios.push(...result.value.scenarios);
		exercises.push(...result.value.exercises);
	}
	return {catalogue: {scenarios, exercises, files}, errors};
}

/** Loads the built-in catalogue plus `extraFiles`; throws UsageError listing every problem. */
export function loadCatalogue(extraFiles: readonly string[] = []): Catalogue {
	const {catalogue, errors} = validateScenarioFiles([builtinScenariosPath(), ...extraFiles], {compiledBuiltin: true});
	if (errors.length > 0) throw new UsageError(errors.map(formatFileError));
	return catalogue;
}

/** Finds a scenario by id, or throws UsageError naming the ones that exist. */
export function findScenario(catalogue: Catalogue, id: string): Scenario {
	const scenario = catalogue.scenarios.find((candidate) => candidate.id === id);
	if (!scenario) throw new UsageError(`unknown scenario "${id}"; expected one of ${catalogue.scenarios.map((candidate) => candidate.id).join(', ')} (see \`dojo list\`)`);
	return scenario;
}
