/**
The import rules between the folders of `src`, as one table: which folder may
reach which, and which packages each may load. A rule broken anywhere names the
file and the import.
*/
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {describe, expect, test} from 'vitest';
import {importedSpecifiers} from './helpers/imports.js';

const SRC = resolve(import.meta.dirname, '../src');

type Rule = {
	/** Folders under src this folder must not import from at all. */
	readonly noFolders: readonly string[];
	/** Folders this folder may reach only through their index.ts (their public surface). */
	readonly onlyIndexOf: readonly string[];
	/** Packages it must not import. */
	readonly noPackages: readonly RegExp[];
};

const nodeBuiltins = /^node:/;

/**
The public surfaces of a folder: its index, and `light.ts` where the folder has
one (src/sim/light.ts: what the interview's screens need without the engine,
so their first frame does not load the simulator that runs in a worker).
*/
const surfaces = ['index.js', 'light.js'];
const react = /^(react|ink|@xstate\/react|ink-testing-library)(\/|$)/;

/** The table: folder → what it may not reach. */
export const rules: Record<string, Rule> = {
	sim: {noFolders: ['ui', 'flow', 'store', 'grader', 'coding', 'commands', 'present'], onlyIndexOf: [], noPackages: [react, /^xstate$/, /^better-sqlite3$/, nodeBuiltins, /^(fs|child_process|worker_threads)$/]},
	flow: {noFolders: ['ui', 'store', 'commands'], onlyIndexOf: ['sim', 'grader', 'coding'], noPackages: [react, /^better-sqlite3$/, nodeBuiltins]},
	present: {noFolders: ['ui', 'flow', 'store', 'commands'], onlyIndexOf: ['sim', 'grader'], noPackages: [react, /^better-sqlite3$/, nodeBuiltins]},
	ui: {noFolders: ['store', 'commands'], onlyIndexOf: ['sim', 'grader', 'coding'], noPackages: [/^better-sqlite3$/]},
	// Redshift table design: arithmetic over a scenario's tables, reaching the simulator's key layout through its public surface.
	redshift: {noFolders: ['ui', 'flow', 'store', 'grader', 'coding', 'commands', 'present'], onlyIndexOf: ['sim'], noPackages: [react, /^xstate$/, /^better-sqlite3$/, nodeBuiltins]},
	// The progress database: plain persistence, no screens, no round logic; SQLite is allowed here and in the grader only.
	store: {noFolders: ['ui', 'flow', 'commands', 'sim', 'grader', 'present'], onlyIndexOf: [], noPackages: [react, /^xstate$/]},
	// Commands may start the app (`dojo practice`); everything else they reach through the public surfaces.
	commands: {noFolders: [], onlyIndexOf: ['sim', 'grader', 'store'], noPackages: [/^better-sqlite3$/]},
};

function sourceFiles(directory: string): string[] {
	if (!existsSync(directory)) return [];
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
	});
}

/** The rules `file` (a path under src) breaks with `source`, as "specifier: why". */
export function offences(file: string, source: string): string[] {
	const folder = relative(SRC, file).split(sep)[0]!;
	const rule = rules[folder];
	if (!rule) return [];
	return importedSpecifiers(source).flatMap((specifier) => {
		if (!specifier.startsWith('.')) return rule.noPackages.filter((pattern) => pattern.test(specifier)).map(() => `${specifier}: src/${folder} may not import this package`);
		const target = relative(SRC, resolve(dirname(file), specifier)).split(sep);
		const into = target[0]!;
		if (target.length < 2 || into === folder) return [];
		if (rule.noFolders.includes(into)) return [`${specifier}: src/${folder} may not import src/${into}`];
		if (rule.onlyIndexOf.includes(into) && !(target.length === 2 && surfaces.includes(target[1]!))) return [`${specifier}: src/${folder} reaches src/${into} only through src/${into}/index.ts`];
		return [];
	});
}

describe('import rules between folders', () => {
	test.each(Object.keys(rules))('src/%s keeps its rules', (folder) => {
		const files = sourceFiles(join(SRC, folder));
		const found = files.flatMap((file) => offences(file, readFileSync(file, 'utf8')).map((why) => `${relative(SRC, file)}: ${why}`));
		expect(found).toEqual([]);
	});

	test('a planted import of each kind is caught', () => {
		expect(offences(join(SRC, 'flow', 'round-machine.ts'), "import {Box} from 'ink';")).toEqual(["ink: src/flow may not import this package"]);
		expect(offences(join(SRC, 'flow', 'round-machine.ts'), "import {readFileSync} from 'node:fs';")).toHaveLength(1);
		expect(offences(join(SRC, 'flow', 'x.ts'), "import {runPipeline} from '../sim/models/engine.js';")).toEqual(['../sim/models/engine.js: src/flow reaches src/sim only through src/sim/index.ts']);
		expect(offences(join(SRC, 'ui', 'x.ts'), "import {palette} from '../sim/light.js';")).toEqual([]);
		expect(offences(join(SRC, 'flow', 'x.ts'), "import {simulate} from '../sim/index.js';")).toEqual([]);
		expect(offences(join(SRC, 'ui', 'screens', 'X.tsx'), "import {openStore} from '../../store/index.js';")).toEqual(['../../store/index.js: src/ui may not import src/store']);
		expect(offences(join(SRC, 'store', 'x.ts'), "import {reviewRound} from '../flow/score.js';")).toEqual(['../flow/score.js: src/store may not import src/flow']);
		expect(offences(join(SRC, 'sim', 'models', 'x.ts'), "import {x} from '../../present/format.js';")).toHaveLength(1);
		expect(offences(join(SRC, 'commands', 'x.ts'), "import {x} from '../sim/result.js';")).toHaveLength(1);
	});
});
