/** The progress database under real `dojo` processes: eight graders at once, and a file overwritten with garbage. */
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {knownWrongAnswer} from '../../src/scenarios/exercise-schema.js';
import {root, runCli} from '../helpers/run-cli.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dojo-concurrent-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const scd2 = loadCatalogue().exercises.find((exercise) => exercise.id === 'scd2-plan-price')!;

/** Starts `dojo ...args` and resolves with its exit code and output. */
function start(args: string[], env: NodeJS.ProcessEnv): Promise<{status: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cli, ...args], {cwd: root, env: {...process.env, FORCE_COLOR: '0', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (status) => resolve({status, stdout, stderr}));
	});
}

describe('the progress database shared by dojo processes', () => {
	it('eight `dojo exercise --answer` started at once record eight attempts, none failing', async () => {
		const home = join(dir, 'eight');
		const good = join(dir, 'good.sql');
		const wrong = join(dir, 'wrong.sql');
		writeFileSync(good, scd2.solution);
		writeFileSync(wrong, knownWrongAnswer(scd2, scd2.known_wrong[0]!));
		const runs = await Promise.all(Array.from({length: 8}, (_, index) => start(['exercise', 'scd2-plan-price', '--answer', index % 2 === 0 ? good : wrong, '--json'], {DOJO_HOME: home})));
		for (const [index, run] of runs.entries()) {
			expect(run.stderr).toBe('');
			expect(run.status).toBe(index % 2 === 0 ? 0 : 1);
		}
		const history = runCli(['history', '--json'], {env: {DOJO_HOME: home}});
		expect(history.status).toBe(0);
		const attempts = (JSON.parse(history.stdout) as {attempts: Array<{kind: string; id: string; passed: boolean; checks_total: number}>}).attempts;
		expect(attempts).toHaveLength(8);
		expect(attempts.filter((attempt) => attempt.passed)).toHaveLength(4);
		for (const attempt of attempts) expect(attempt).toMatchObject({kind: 'sql', id: 'scd2-plan-price', checks_total: scd2.checks.length});
	}, 120_000);

	it('a progress.db overwritten with garbage: the next command says where it went, works, and the old file stays', () => {
		const home = join(dir, 'garbage');
		const answer = join(dir, 'again.sql');
		writeFileSync(answer, scd2.solution);
		expect(runCli(['exercise', 'scd2-plan-price', '--answer', answer], {env: {DOJO_HOME: home}}).status).toBe(0);
		for (const name of readdirSync(home)) if (name !== 'progress.db') rmSync(join(home, name));
		writeFileSync(join(home, 'progress.db'), 'garbage '.repeat(1000));

		const run = runCli(['exercise', 'scd2-plan-price', '--answer', answer, '--json'], {env: {DOJO_HOME: home}});
		expect(run.status).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({exercise: 'scd2-plan-price', passed: true});
		const moved = /moved it to (\S+) and started a fresh one/.exec(run.stderr)?.[1];
		expect(run.stderr).toMatch(new RegExp(`^dojo: the progress database ${join(home, 'progress.db')} was not a readable database; moved it to `));
		expect(moved).toBeDefined();
		expect(existsSync(moved!)).toBe(true);
		expect(readFileSync(moved!, 'utf8')).toContain('garbage garbage');
		const history = JSON.parse(runCli(['history', '--json'], {env: {DOJO_HOME: home}}).stdout) as {attempts: unknown[]};
		expect(history.attempts).toHaveLength(1);
	}, 60_000);
});
