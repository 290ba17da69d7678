/**
Runs the built CLI (`dist/cli.js`) as a user would, without a TTY, and returns
what it printed. `npm test` builds before running the tests.
*/
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** The progress folder CLI runs use unless a test gives its own DOJO_HOME: never the user's real one. */
export const testDojoHome = process.env['DOJO_HOME'] ?? mkdtempSync(join(tmpdir(), 'dojo-test-home-'));

/** What one run of `dojo` did. */
export type CliRun = {status: number | null; stdout: string; stderr: string};

/** Runs `dojo ...args` from the repository root with no stdin, and waits for it. */
export function runCli(args: readonly string[], options: {input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number} = {}): CliRun {
	if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first)');
	const result = spawnSync(process.execPath, [cli, ...args], {
		cwd: root,
		encoding: 'utf8',
		input: options.input ?? '',
		env: {...process.env, FORCE_COLOR: '0', DOJO_HOME: testDojoHome, ...options.env},
		timeout: options.timeoutMs ?? 60_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** True when the text looks like a JavaScript stack trace, which users must never see. */
export function hasStackTrace(text: string): boolean {
	return /\n\s+at .+\(.*:\d+:\d+\)|\n\s+at .+:\d+:\d+/.test(text);
}
