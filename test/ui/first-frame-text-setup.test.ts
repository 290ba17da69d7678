/**
The built app draws its first frame without the set-up Ink's text packages did
as they loaded (scripts/build.mjs swaps in src/ui/grapheme-segmenter.ts and
src/ui/lazy-regexp.ts): no Intl.Segmenter, whose first construction loads ICU's
break-iterator data, and no Unicode-property regular expression, which V8 builds
slowly (string-width's four). Counted by a preload
(test/fixtures/count-text-setup.mjs) at the moment the first frame of
`dojo practice login-counter` is written, in a pseudo-terminal. The same preload
around the packages bundled as published counts both, so a build that stops
swapping them fails here.
*/
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {afterAll, describe, expect, test} from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const preload = fileURLToPath(new URL('../fixtures/count-text-setup.mjs', import.meta.url));
const driver = fileURLToPath(new URL('../helpers/pty-run.py', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dojo-text-setup-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

type Counts = {segmenters: number; propertyRegExps: number};

function counted(name: string, command: string[], env: Record<string, string> = {}): Counts {
	const file = join(work, `${name}.json`);
	const run = spawnSync(command[0]!, command.slice(1), {cwd: root, encoding: 'utf8', env: {...process.env, COUNT_FILE: file, DOJO_HOME: join(work, `${name}-home`), ...env}});
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Counts;
	} catch {
		throw new Error(`${name}: no counts written (exit ${run.status}): ${run.stdout.slice(-400)}${run.stderr.slice(-400)}`);
	}
}

describe('the first frame of the built app', () => {
	test('Ink\'s text packages, bundled as published, make three segmenters and four property regexps as they load (the counter works)', async () => {
		// Bundled as the build does (esbuild, node20), which turns the packages' `v` regex literals into RegExp calls.
		const bundled = await build({stdin: {contents: "import a from 'string-width'; import b from 'slice-ansi'; import {tokenize} from '@alcalzone/ansi-tokenize'; globalThis.kept = [a, b, tokenize];", resolveDir: root}, bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent'});
		const file = join(work, 'packages.mjs');
		writeFileSync(file, bundled.outputFiles[0]!.text);
		expect(counted('packages', [process.execPath, '--import', preload, file])).toEqual({segmenters: 3, propertyRegExps: 4});
	});

	test('dojo practice login-counter shows its first frame with neither', () => {
		const command = ['python3', driver, '80', '24', 'ask›', '20', '1', '20', process.execPath, '--import', preload, join(root, 'dist/cli.js'), 'practice', 'login-counter'];
		expect(counted('practice', command, {COUNT_MARKER: 'ask›'})).toEqual({segmenters: 0, propertyRegExps: 0});
	});
});
