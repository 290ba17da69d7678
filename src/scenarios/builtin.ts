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

/** A compiled built-in file (scenarios.yaml by default), when the build wrote it after the YAML last changed. */
export function readCompiledBuiltin(file = builtinScenariosPath()): ScenarioFile | undefined {
	const compiled = compiledScenariosPath(file);
	try {
		if (statSync(compiled).mtimeMs < statSync(file).mtimeMs) return undefined;
		return JSON.parse(readFileSync(compiled, 'utf8')) as ScenarioFile;
	} catch {
		return undefined;
	}
}

/** The built-in catalogue from the compiled JSON, or undefined when it is missing or older than the YAML. */
export function readCompiledCatalogue(): Catalogue | undefined {
	const file = readCompiledBuiltin();
	const coding = readCompiledBuiltin(builtinCodingPath());
	if (!file || !coding) return undefined;
	return {scenarios: file.scenarios, exercises: file.exercises, coding: [...(file.coding ?? []), ...(coding.coding ?? [])], files: builtinFiles()};
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
