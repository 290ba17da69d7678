// Grading benchmark (GRADER): how long `dojo exercise` takes to grade a typical
// answer with the sandbox child already warm. Goal: under 1 s of wall time.
//
// The answer is each exercise's reference solution, graded with the reference
// cache cleared first, so every grading plays the candidate's runs AND the
// reference's (what the first grading in a fresh `dojo exercise` process does).
// Anchor, measured in the same job: the same SQL played directly on in-process
// better-sqlite3 databases (setup, batches, answer and reference; no sandbox, no
// checks), so the ratio is what the sandbox and the checks cost on top of the SQL.
// Also reported: one whole `dojo exercise --answer --json` process (cold start,
// catalogue load, child spawn), which is what a user waits for at the CLI.
//
// Needs `npm run build` (dist/grader/sandbox-child.js). Runs: BENCH_GRADE_RUNS (default 7).
//   node bench/grade.mjs            prints the rows
//   node bench/run.mjs grade        through the harness
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {median} from './median.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const runs = Number(process.env.BENCH_GRADE_RUNS ?? 7);
const typical = 'scd2-plan-price';

/** Bundles the grader from src/ into node_modules/.cache (inside the repo, so the catalogue finds scenarios.yaml). */
async function loadGrader() {
	const outfile = join(root, 'node_modules', '.cache', 'dojo-bench', 'grader.mjs');
	mkdirSync(dirname(outfile), {recursive: true});
	await build({
		stdin: {
			contents: [
				"export {gradeAnswer, clearReferenceCache, Sandbox, parseAnswer} from './src/grader/index.ts';",
				"export {batchRows, stagingTables} from './src/grader/jobs.ts';",
				"export {loadCatalogue} from './src/scenarios/catalogue.ts';",
			].join('\n'),
			resolveDir: root,
			loader: 'ts',
		},
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		external: ['better-sqlite3'],
		banner: {js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"},
		logLevel: 'warning',
	});
	return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/** Plays every run of an exercise for one answer directly on better-sqlite3: the SQL work alone. */
function playDirect(Database, grader, exercise, answerText) {
	const answer = grader.parseAnswer(answerText, exercise.kind);
	const staging = exercise.staging === 'replace' ? grader.stagingTables(exercise) : [];
	const exec = (db, statements) => {
		for (const statement of statements) {
			const prepared = db.prepare(statement.sql);
			if (prepared.reader) prepared.all();
			else prepared.run();
		}
	};
	for (const run of Object.values(exercise.runs)) {
		const db = new Database(':memory:');
		db.exec(exercise.setup_sql);
		exec(db, answer.schema);
		for (const batch of run.batches) {
			for (const table of staging) db.prepare(`DELETE FROM "${table}"`).run();
			for (const [table, rows] of Object.entries(grader.batchRows(exercise, batch))) {
				if (rows.length === 0) continue;
				const insert = db.prepare(`INSERT INTO "${table}" VALUES (${rows[0].map(() => '?').join(', ')})`);
				for (const row of rows) insert.run(...row.map((cell) => (typeof cell === 'boolean' ? Number(cell) : cell)));
			}
			exec(db, answer.load);
		}
		db.close();
	}
}

/** Rows for the bench harness. */
export async function run() {
	const child = join(root, 'dist', 'grader', 'sandbox-child.js');
	if (!existsSync(child)) return [{name: 'grade', skipped: 'dist/grader/sandbox-child.js is missing: run `npm run build`'}];
	const grader = await loadGrader();
	const Database = createRequire(import.meta.url)('better-sqlite3');
	const {exercises} = grader.loadCatalogue();
	const sandbox = new grader.Sandbox({childPath: child});
	const rows = [];
	try {
		await sandbox.warm();
		const gradeSeconds = async (exercise) => {
			grader.clearReferenceCache();
			const started = performance.now();
			const report = await grader.gradeAnswer(exercise, exercise.solution, {sandbox});
			if (!report.passed) throw new Error(`the reference solution of ${exercise.id} failed its own checks`);
			return (performance.now() - started) / 1000;
		};
		const directSeconds = (exercise) => {
			const started = performance.now();
			playDirect(Database, grader, exercise, exercise.solution);
			playDirect(Database, grader, exercise, exercise.solution);
			return (performance.now() - started) / 1000;
		};
		// Warm both paths once (JIT, the child's first statements) before measuring.
		for (const exercise of exercises) {
			await gradeSeconds(exercise);
			directSeconds(exercise);
		}

		const target = exercises.find((exercise) => exercise.id === typical) ?? exercises[0];
		const graded = [];
		const direct = [];
		for (let index = 0; index < runs; index++) {
			graded.push(await gradeSeconds(target));
			direct.push(directSeconds(target));
		}
		const gradeMedian = median(graded);
		const directMedian = median(direct);
		const runCount = Object.keys(target.runs).length;
		rows.push({
			name: `grade: ${target.id} (${runCount} runs + reference, warm child)`,
			value: gradeMedian,
			unit: 's',
			anchor: 'same SQL on in-process better-sqlite3',
			ratio: gradeMedian / directMedian,
			goal: '< 1 s',
			pass: gradeMedian < 1,
			note: `median of ${runs}; min ${Math.min(...graded).toFixed(3)} s, max ${Math.max(...graded).toFixed(3)} s; anchor median ${(directMedian * 1000).toFixed(1)} ms`,
		});

		const perExercise = [];
		for (const exercise of exercises) {
			const times = [];
			for (let index = 0; index < 3; index++) times.push(await gradeSeconds(exercise));
			perExercise.push({id: exercise.id, seconds: median(times)});
		}
		const slowest = perExercise.reduce((a, b) => (b.seconds > a.seconds ? b : a));
		rows.push({
			name: `grade: slowest of ${exercises.length} exercises (${slowest.id})`,
			value: slowest.seconds,
			unit: 's',
			goal: '< 1 s',
			pass: slowest.seconds < 1,
			note: `median of 3 each; all: ${perExercise.map((entry) => `${entry.id} ${(entry.seconds * 1000).toFixed(0)} ms`).join(', ')}`,
		});
	} finally {
		sandbox.close();
	}

	// The whole CLI process, as a user runs it (informational: it includes Node start-up and the catalogue).
	const dir = mkdtempSync(join(tmpdir(), 'dojo-bench-grade-'));
	try {
		const target = exercises.find((exercise) => exercise.id === typical) ?? exercises[0];
		const answer = join(dir, 'answer.sql');
		writeFileSync(answer, target.solution);
		const walls = [];
		for (let index = 0; index < 3; index++) {
			const started = performance.now();
			const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'exercise', target.id, '--answer', answer, '--json'], {cwd: root, encoding: 'utf8'});
			walls.push((performance.now() - started) / 1000);
			if (result.status !== 0) throw new Error(`dojo exercise exited ${result.status}: ${result.stderr.trim().split('\n').pop()}`);
		}
		rows.push({name: `grade: dojo exercise ${target.id} --answer --json (whole process)`, value: median(walls), unit: 's', note: 'median of 3; cold Node, catalogue load and child start included'});
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
	return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	for (const row of await run()) console.log(JSON.stringify(row));
}
