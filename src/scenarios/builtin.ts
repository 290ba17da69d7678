/**
The built-in catalogue without the YAML parser or the schema: where the shipped
`scenarios.yaml` is, the validated JSON the build compiles from it, and lookups.
Commands that need only the built-in scenarios start fast through this module.
*/
import {existsSync, readFileSync, statSync} from 'node:fs';
import {basename, dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {UsageError} from '../errors.js';
import type {CodingProblem, Exercise, Scenario, ScenarioFile} from './schema.js';

/** Everything loaded, in file order (built-in first). */
export type Catalogue = {
	readonly scenarios: readonly Scenario[];
	readonly exercises: readonly Exercise[];
	/** Python live-coding problems (`dojo code`). */
	readonly coding: readonly CodingProblem[];
	/** The files read, built-in first. */
	readonly files: readonly string[];
};

/**
Finds the built-in `scenarios.yaml`: next to `package.json`, walking up from this
module, which works from `src/` under tests and from the `dist/` bundle alike.
*/
export function builtinScenariosPath(): string {
	// Memoized: it walks up the directory tree, and start-up asks for it several times.
	builtinPath ??= findBuiltinScenarios();
	return builtinPath;
}

let builtinPath: string | undefined;

function findBuiltinScenarios(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = join(dir, 'scenarios.yaml');
		if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
		const parent = dirname(dir);
		if (parent === dir) throw new Error('the built-in scenarios.yaml is missing from the package');
		dir = parent;
	}
}

/** The built-in Python live-coding problems, shipped beside `scenarios.yaml` in the same file format. */
export function builtinCodingPath(): string {
	return join(dirname(builtinScenariosPath()), 'coding.yaml');
}

/** Every built-in file, in load order: the scenarios, then the coding problems. */
export function builtinFiles(): string[] {
	return [builtinScenariosPath(), builtinCodingPath()];
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
export function compiledScenariosPath(file = builtinScenariosPath()): string {
	return join(dirname(builtinScenariosPath()), 'dist', `${basename(file, '.yaml')}.json`);
}

/** Where the build writes a built-in file's SQL exercises, beside its compiled JSON. */
export function compiledExercisesPath(file = builtinScenariosPath()): string {
	return compiledScenariosPath(file).replace(/\.json$/, '.exercises.json');
}

/**
A compiled built-in file (scenarios.yaml by default), when the build wrote it
after the YAML last changed. Its `exercises` are read from their own file the
first time they are asked for: a system-design round never needs them.
*/
export function readCompiledBuiltin(file = builtinScenariosPath()): ScenarioFile | undefined {
	const compiled = compiledScenariosPath(file);
	const exercisesFile = compiledExercisesPath(file);
	try {
		const source = statSync(file).mtimeMs;
		if (statSync(compiled).mtimeMs < source || statSync(exercisesFile).mtimeMs < source) return undefined;
		const parsed = JSON.parse(readFileSync(compiled, 'utf8')) as Omit<ScenarioFile, 'exercises'>;
		let exercises: ScenarioFile['exercises'] | undefined;
		return Object.defineProperty(parsed, 'exercises', {
			enumerable: true,
			get: () => (exercises ??= JSON.parse(readFileSync(exercisesFile, 'utf8')) as ScenarioFile['exercises']),
		}) as ScenarioFile;
	} catch {
		return undefined;
	}
}

/** The built-in catalogue from the compiled JSON, or undefined when it is missing or older than the YAML; the exercises and coding problems are read when first asked for. */
export function readCompiledCatalogue(): Catalogue | undefined {
	const file = readCompiledBuiltin();
	const codingPath = builtinCodingPath();
	if (!file || !isCompiled(codingPath)) return undefined;
	let coding: Catalogue['coding'] | undefined;
	return {
		scenarios: file.scenarios,
		get exercises() {
			return file.exercises;
		},
		get coding() {
			coding ??= [...(file.coding ?? []), ...(readCompiledBuiltin(codingPath)?.coding ?? [])];
			return coding;
		},
		files: builtinFiles(),
	};
}

/** Whether a built-in file's compiled JSON is there and not older than it. */
function isCompiled(file: string): boolean {
	try {
		const source = statSync(file).mtimeMs;
		return statSync(compiledScenariosPath(file)).mtimeMs >= source && statSync(compiledExercisesPath(file)).mtimeMs >= source;
	} catch {
		return false;
	}
}

/** Finds a scenario by id, or throws UsageError naming the ones that exist. */
export function findScenario(catalogue: Catalogue, id: string): Scenario {
	const scenario = catalogue.scenarios.find((candidate) => candidate.id === id);
	if (!scenario) throw new UsageError(`unknown scenario "${id}"; expected one of ${catalogue.scenarios.map((candidate) => candidate.id).join(', ')} (see \`dojo list\`)`);
	return scenario;
}

/** The SQL exercises a round of the scenario plays: a data-modeling scenario's own, none for system design. */
export function roundExercises(catalogue: Catalogue, scenario: Scenario): Exercise[] {
	return scenario.kind === 'data-modeling' ? catalogue.exercises.filter((exercise) => exercise.scenario === scenario.id) : [];
}
