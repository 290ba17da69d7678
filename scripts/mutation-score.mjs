// Mutation score per file from StrykerJS JSON reports or incremental files (same schema), merged in order:
// `node scripts/mutation-score.mjs reports/sim.json`. Score = (killed + timed out) / (those + survived + no coverage), as Stryker counts it.
import {readFileSync} from 'node:fs';
const files = {};
// Reports of line ranges of one file (`--mutate file:1-150`) are combined; a later report's result for the same mutant wins.
for (const path of process.argv.slice(2)) {
	for (const [name, file] of Object.entries(JSON.parse(readFileSync(path, 'utf8')).files)) {
		const byPlace = new Map((files[name]?.mutants ?? []).map((m) => [`${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}:${m.mutatorName}:${m.replacement}`, m]));
		for (const m of file.mutants) byPlace.set(`${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}:${m.mutatorName}:${m.replacement}`, m);
		files[name] = {...file, mutants: [...byPlace.values()]};
	}
}
const total = {Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0};
const rows = [];
for (const [name, file] of Object.entries(files).sort()) {
	const c = {Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0};
	for (const m of file.mutants) { c[m.status] = (c[m.status] ?? 0) + 1; total[m.status] = (total[m.status] ?? 0) + 1; }
	const detected = c.Killed + c.Timeout, valid = detected + c.Survived + c.NoCoverage;
	rows.push(`${name.padEnd(38)} ${(valid ? (100 * detected / valid).toFixed(1) : '-').padStart(6)}%  killed ${c.Killed} timeout ${c.Timeout} survived ${c.Survived} nocov ${c.NoCoverage} ignored ${c.Ignored} errors ${c.CompileError + c.RuntimeError}`);
}
const d = total.Killed + total.Timeout, v = d + total.Survived + total.NoCoverage;
console.log(rows.join('\n'));
console.log(`${'ALL'.padEnd(38)} ${(100 * d / v).toFixed(1).padStart(6)}%  killed ${total.Killed} timeout ${total.Timeout} survived ${total.Survived} nocov ${total.NoCoverage} ignored ${total.Ignored}`);
