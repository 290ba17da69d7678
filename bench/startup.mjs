// Start-up benchmark: `dojo --version` against `node -e 0` (the floor of any Node
// CLI), alternating runs in the same job and comparing medians. Goal: under 2.5x.
import {spawnSync} from 'node:child_process';
import {median} from './median.mjs';

const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 15);

function time(args) {
	const start = process.hrtime.bigint();
	const result = spawnSync(process.execPath, args, {stdio: 'ignore'});
	if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
	return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Rows for the bench harness. */
export async function run() {
	const floor = [];
	const version = [];
	const list = [];
	for (let index = 0; index < runs; index++) {
		floor.push(time(['-e', '0']));
		version.push(time(['dist/cli.js', '--version']));
		list.push(time(['dist/cli.js', 'list', '--json']));
	}
	const floorS = median(floor);
	const versionS = median(version);
	const listS = median(list);
	return [
		{name: 'startup: node -e 0 (anchor)', value: floorS, unit: 's'},
		{name: 'startup: dojo --version', value: versionS, unit: 's', anchor: 'node -e 0', ratio: versionS / floorS, goal: '< 2.5x', pass: versionS / floorS < 2.5},
		{name: 'startup: dojo list --json', value: listS, unit: 's', anchor: 'node -e 0', ratio: listS / floorS},
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const row of await run()) console.log(`${row.name.padEnd(32)} ${row.value.toFixed(3)} ${row.unit}${row.ratio ? `  ${row.ratio.toFixed(2)}x ${row.anchor}${row.goal ? ` (goal ${row.goal})` : ''}` : ''}`);
}
