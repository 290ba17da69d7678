// `npm run bench`: runs every registered benchmark module (after `npm run build`),
// prints one table and writes .bench/results.json.
//
// A benchmark module is bench/<name>.mjs exporting
//   async function run() → Array<{name, value, unit, anchor?, ratio?, goal?, pass?}
//                                 | {name, skipped: 'why'}>
// Speed goals are ratios to an anchor measured in the same run (the machine is
// shared), so rows carry `ratio` and `goal`; `pass` is informational unless
// `--strict` is given, which exits 1 when a goal is missed.
//
//   node bench/run.mjs              every module below
//   node bench/run.mjs engine sim   only these
//   node bench/run.mjs --strict     exit 1 if any row has pass: false
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);

// Register benchmarks here, one line each (a missing file is reported as skipped).
const BENCHMARKS = [
	'engine', // dojo bench vs anchors/floor.mjs and SimPy (KERNEL)
	'startup', // dojo --version vs node -e 0
	'sim', // dojo sim login-counter at 5M/min and 10x (PIPELINE)
	'grade', // SQL grading (GRADER)
	'first-frame', // dojo practice's first frame vs node -e 0 (a pty)
	'sim-result', // r to the 1x verdict in dojo practice, every built-in architecture
];

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const only = args.filter((arg) => !arg.startsWith('--'));
const selected = only.length > 0 ? only : BENCHMARKS;

function formatValue(value, unit) {
	if (typeof value !== 'number' || !Number.isFinite(value)) return String(value);
	if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(2)} M${unit}`;
	if (Math.abs(value) >= 1e4) return `${(value / 1e3).toFixed(1)} k${unit}`;
	return `${value.toPrecision(4)} ${unit}`;
}

const results = {when: new Date().toISOString(), node: process.version, benchmarks: {}};
const lines = [];
let failed = 0;
for (const name of selected) {
	const file = join(here, `${name}.mjs`);
	let rows;
	if (!existsSync(file)) {
		rows = [{name, skipped: `bench/${name}.mjs not written yet`}];
	} else {
		process.stderr.write(`bench: running ${name}…\n`);
		try {
			const module = await import(pathToFileURL(file).href);
			rows = await module.run();
		} catch (error) {
			rows = [{name, skipped: `failed: ${error instanceof Error ? error.message : String(error)}`}];
			failed++;
		}
	}
	results.benchmarks[name] = rows;
	for (const row of rows) {
		if (row.skipped) {
			lines.push([row.name, 'skipped', row.skipped, '', '']);
			continue;
		}
		const ratio = typeof row.ratio === 'number' ? `${row.ratio.toFixed(2)}x ${row.anchor ?? ''}`.trim() : '';
		const verdict = row.pass === undefined ? '' : row.pass ? `ok (goal ${row.goal})` : `MISSED (goal ${row.goal})`;
		if (row.pass === false) failed++;
		lines.push([row.name, formatValue(row.value, row.unit), ratio, verdict, row.note ?? '']);
	}
}

const widths = [0, 1, 2, 3].map((column) => Math.max(...lines.map((line) => line[column].length)));
console.log('');
for (const line of lines) console.log(line.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]) : cell)).join('  ').trimEnd());

mkdirSync(join(root, '.bench'), {recursive: true});
writeFileSync(join(root, '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote .bench/results.json`);
if (strict && failed > 0) process.exitCode = 1;
