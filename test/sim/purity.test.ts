/**
`src/sim` is a pure core: it must not reach the UI, the interview flow, the
progress store, the terminal or the file system. This scans every file under
src/sim for imports of those.
*/
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {describe, expect, test} from 'vitest';
import {importedSpecifiers} from '../helpers/imports.js';

const SRC = resolve(import.meta.dirname, '../../src');
const SIM = join(SRC, 'sim');

/** Project folders src/sim may not import from. */
const FORBIDDEN_FOLDERS = ['ui', 'flow', 'store', 'commands'];

/** Project files src/sim may not import: the command line's error type (the core throws RangeError and ModelError; commands turn them into usage errors). */
const FORBIDDEN_FILES = ['errors.js', 'errors.ts'];

/** Packages src/sim may not import, as patterns over the specifier. */
const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
	[/^react(\/|$)/, 'react'],
	[/^ink(\/|-|$)/, 'ink'],
	[/^xstate(\/|$)/, 'xstate'],
	[/^better-sqlite3$/, 'better-sqlite3'],
	[/^(node:)?fs(\/promises)?$/, 'fs'],
];

/**
The forbidden imports in a source text, as "specifier (rule)". Relative
specifiers are resolved from `file` (by default a file in src/sim/models) and
refused when they land in src/ui, src/flow or src/store.
*/
export function forbiddenImports(source: string, file = join(SIM, 'models', 'example.ts')): string[] {
	return importedSpecifiers(source).flatMap((specifier) => {
		if (specifier.startsWith('.')) {
			const inside = relative(SRC, resolve(dirname(file), specifier)).split(sep);
			if (inside.length === 1 && FORBIDDEN_FILES.includes(inside[0]!)) return [`${specifier} (src/${inside[0]})`];
			return inside.length > 1 && FORBIDDEN_FOLDERS.includes(inside[0]!) ? [`${specifier} (src/${inside[0]})`] : [];
		}
		return FORBIDDEN.filter(([pattern]) => pattern.test(specifier)).map(([, rule]) => `${specifier} (${rule})`);
	});
}

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
	});
}

describe('src/sim purity', () => {
	test('no file under src/sim imports ui, flow, store, commands, the CLI errors, react, ink, xstate, better-sqlite3 or fs', () => {
		const files = sourceFiles(SIM);
		expect(files.length).toBeGreaterThan(5);
		const offences = files.flatMap((file) => forbiddenImports(readFileSync(file, 'utf8'), file).map((found) => `${relative(SIM, file)}: ${found}`));
		expect(offences).toEqual([]);
	});

	test('the scanner catches planted bad imports of every kind', () => {
		const planted = [
			"import {render} from 'ink';",
			"import React from 'react';",
			"import {createActor} from 'xstate';",
			"import Database from 'better-sqlite3';",
			"import {readFileSync} from 'node:fs';",
			"import * as fs from 'fs';",
			"import {readFile} from 'fs/promises';",
			"import type {Props} from '../../ui/components/Chart.js';",
			"export {machine} from '../../flow/interview-machine.js';",
			"const store = await import('../../store/progress.js');",
			"const fs = require('fs');",
			"import '../../ui/register.js';",
			"import {\n\tBox,\n\tText,\n} from 'ink';",
			"import {UsageError} from '../../errors.js';",
			"import {formatReport} from '../../commands/sim-format.js';",
		];
		for (const line of planted) expect(forbiddenImports(line), line).toHaveLength(1);
	});

	test('the scanner lets allowed imports through', () => {
		const allowed = [
			"import type {Model} from '../../scenarios/model-schema.js';",
			"import {Random} from '../kernel/random.js';",
			"import {ModelError} from '../model-error.js';",
			"import {Worker} from 'node:worker_threads';",
			"import {storeStageCapacity} from './models/store-stage.js';",
			"import {inkwell} from './inkwell.js';",
			// A folder of src/sim that happens to be called store is inside the core.
			"import {redis} from './store/redis.js';",
		];
		for (const line of allowed) expect(forbiddenImports(line), line).toEqual([]);
	});
});
