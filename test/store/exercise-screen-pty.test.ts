/** The interactive exercise screen (`dojo exercise <id>` on a terminal) records each graded attempt, before the process can be killed. */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {root, runCli} from '../helpers/run-cli.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const driver = fileURLToPath(new URL('./pty-drive.py', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'dojo-exercise-screen-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));
const scd1 = loadCatalogue().exercises.find((exercise) => exercise.id === 'scd1-user-profile')!;

describe('the exercise screen', () => {
	it('a pasted answer, graded, is in the history even when the process is killed right after', () => {
		const steps = [['wait', 'enter', 20], ['send', '\r'], ['wait', 'paste', 10], ['send', scd1.solution.replaceAll('\n', '\r')], ['send', '\u0004'], ['wait', 'passed', 30], ['kill']];
		const run = spawnSync('python3', [driver, '100', '32', process.execPath, cli, 'exercise', 'scd1-user-profile'], {cwd: root, input: JSON.stringify(steps), encoding: 'utf8', env: {...process.env, DOJO_HOME: home, EDITOR: 'true', VISUAL: 'true'}, timeout: 90_000});
		expect(run.stdout).toMatch(/^ok/);
		const history = JSON.parse(runCli(['history', '--json'], {env: {DOJO_HOME: home}}).stdout) as {rounds: unknown[]; attempts: unknown[]};
		expect(history.rounds).toEqual([]);
		expect(history.attempts).toEqual([expect.objectContaining({kind: 'sql', id: 'scd1-user-profile', passed: true, checks_passed: scd1.checks.length, checks_total: scd1.checks.length})]);
	}, 120_000);
});
