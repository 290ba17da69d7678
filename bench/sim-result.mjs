// In `dojo practice`, the time from pressing r on the pipeline editor to the
// results view showing the verdict of the 1x run, for every built-in
// architecture, in an 80x24 pseudo-terminal (goal: within 1 s). The anchor is
// `node -e 0` started the same way in the same run, so the ratio survives a
// busy machine better than the seconds do. Needs python3 (for the pty).
import {readFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {median} from './median.mjs';

const runs = Number(process.env.BENCH_SIM_RESULT_RUNS ?? 3);
const harness = fileURLToPath(new URL('./pty-keys.py', import.meta.url));
const firstFrame = fileURLToPath(new URL('./pty-time.py', import.meta.url));
// Each run starts with an empty progress database, so no earlier (killed) round is offered for resuming.
function freshHome() {
	const home = mkdtempSync(join(tmpdir(), 'dojo-bench-'));
	return {env: {...process.env, DOJO_HOME: home}, done: () => rmSync(home, {recursive: true, force: true})};
}

const python = ['/usr/bin/python3', 'python3'].find((candidate) => spawnSync(candidate, ['-c', 'import pty'], {stdio: 'ignore'}).status === 0);
const ctrlN = '\u000e';

function architectures() {
	const catalogue = JSON.parse(readFileSync(new URL('../dist/scenarios.json', import.meta.url), 'utf8'));
	return catalogue.scenarios.filter((scenario) => scenario.kind === 'system-design').flatMap((scenario) => scenario.architectures.map((architecture, index) => ({scenario: scenario.id, arch: architecture.id, index})));
}

function timeRun({scenario, index}) {
	const steps = [['wait', 'ask›'], ['send', ctrlN], ['wait', 'Requirements'], ['send', ctrlN], ['wait', 'Start with the APIs'], ['send', '\t'], ['wait', 'pipeline is empty'], ['send', 's'], ['wait', 'Start the design from'], ['send', 'j'.repeat(index)], ['sleep', 0.2], ['send', '\r'], ['wait', 'r run'], ['sleep', 1.5], ['mark'], ['send', 'r'], ['wait', 'verdict']];
	const home = freshHome();
	const result = spawnSync(python, [harness, JSON.stringify(steps), process.execPath, 'dist/cli.js', 'practice', scenario, '--no-timer'], {encoding: 'utf8', env: home.env});
	home.done();
	const seconds = Number(result.stdout.trim());
	if (!Number.isFinite(seconds)) throw new Error(`dojo practice ${scenario} (architecture ${index + 1}): ${result.stdout}${result.stderr}`);
	return seconds;
}

function anchor() {
	const result = spawnSync(python, [firstFrame, '', process.execPath, '-e', '0'], {encoding: 'utf8'});
	return Number(result.stdout.trim().split(' ')[0]);
}

/** Rows for the bench harness. */
export async function run() {
	if (!python) return [{name: 'sim result after r', skipped: 'no python3 with the pty module'}];
	const rows = [];
	const floor = [];
	for (const target of architectures()) {
		const times = [];
		for (let index = 0; index < runs; index++) {
			floor.push(anchor());
			times.push(timeRun(target));
		}
		const seconds = median(times);
		rows.push({name: `sim result after r: ${target.scenario} ${target.arch}`, value: seconds, unit: 's', goal: '<= 1 s', pass: seconds <= 1});
	}
	const nodeStart = median(floor);
	return [{name: 'sim result: node -e 0 in a pty (anchor)', value: nodeStart, unit: 's'}, ...rows.map((row) => ({...row, anchor: 'node -e 0', ratio: row.value / nodeStart}))];
}
