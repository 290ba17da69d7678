/**
The built-in catalogue without the YAML parser or the schema: where the shipped
`scenarios.yaml` is, the validated JSON the build compiles from it, and lookups.
Commands that need only the built-in scenarios start fast through this module.
*/
import {existsSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {UsageError} from '../errors.js';
import type {Exercise, Scenario, ScenarioFile} from './schema.js';

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
export function readCompiledBuiltin(): ScenarioFile | undefined {
	const compiled = compiledScenariosPath();
	try {
		if (statSync(compiled).mtimeMs < statSync(builtinScenariosPath()).mtimeMs) return undefined;
		return JSON.parse(readFileSync(compiled, 'utf8')) as ScenarioFile;
	} catch {
		return undefined;
	}
}

/** The built-in catalogue from the compiled JSON, or undefined when it is missing or older than the YAML. */
export function readCompiledCatalogue(): Catalogue | undefined {
	const file = readCompiledBuiltin();
	return file ? {scenarios: file.scenarios, exercises: file.exercises, files: [builtinScenariosPath()]} : undefined;
}

/** Finds a scenario by id, or throws UsageError naming the ones that exist. */
export function findScenario(catalogue: Catalogue, id: string): Scenario {
	const scenario = catalogue.scenarios.find((candidate) => candidate.id === id);
	if (!scenario) throw new UsageError(`unknown scenario "${id}"; expected one of ${catalogue.scenarios.map((candidate) => candidate.id).join(', ')} (see \`dojo list\`)`);
	return scenario;
}
