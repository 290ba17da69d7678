/**
The sandbox process: runs one job at a time on a fresh in-memory SQLite
database and reports back. The parent kills it with SIGKILL when a job runs
past its time limit, because nothing inside better-sqlite3 can interrupt a
running statement (see reference/sql-grading.md §6).

It is started with its working directory and TMPDIR set to an empty
directory, uses in-memory temp storage, and caps the database size, so an
answer can neither write files nor grow without bound.
*/
import Database from 'better-sqlite3';
import type {Database as DatabaseType, Statement as PreparedStatement} from 'better-sqlite3';
import type {ChildMessage, ParentMessage, QueryResult, RunFailure, RunJob, RunResult, Step, Value} from './protocol.js';
import {refusedOpcode, type Opcode} from './screen.js';
import type {Statement} from './split.js';

/** A failure raised while playing a step, carried to the run's result. */
class StepFailure extends Error {
	constructor(readonly failure: RunFailure) {
		super(failure.message);
	}
}

function send(message: ChildMessage): void {
	process.send?.(message);
}

function toValue(value: unknown): Value {
	if (value === null || typeof value === 'string' || typeof value === 'number') return value;
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
	return String(value);
}

function sqlError(error: unknown): {code: string; message: string} {
	const code = (error as {code?: unknown}).code;
	return {code: typeof code === 'string' ? code : '', message: error instanceof Error ? error.message : String(error)};
}

/** Reads a reader statement's rows, stopping after `maxRows` (the rest is never computed). */
function readRows(prepared: PreparedStatement, maxRows: number): {columns: string[]; rows: Value[][]; truncated: boolean} {
	const columns = prepared.columns().map((column) => column.name);
	const rows: Value[][] = [];
	let truncated = false;
	for (const row of prepared.raw(true).iterate() as IterableIterator<unknown[]>) {
		if (rows.length === maxRows) {
			truncated = true;
			break;
		}
		rows.push(row.map(toValue));
	}
	return {columns, rows, truncated};
}

function runAnswerStep(db: DatabaseType, step: Extract<Step, {kind: 'answer'}>, job: RunJob, results: Record<string, QueryResult>): void {
	const where = (statement: Statement) => ({section: step.section, statement, ...(step.batch ? {batch: step.batch} : {})});
	for (const [position, statement] of step.statements.entries()) {
		send({type: 'progress', ...where(statement)});
		let prepared: PreparedStatement;
		try {
			prepared = db.prepare(statement.sql);
			const lead = /^\s*(\w+)/.exec(statement.sql)?.[1]?.toUpperCase();
			// EXPLAIN cannot be nested, and allowed PRAGMAs were screened by name before prepare.
			if (lead !== 'EXPLAIN' && lead !== 'PRAGMA') {
				const why = refusedOpcode(db.prepare(`EXPLAIN ${statement.sql}`).all() as Opcode[]);
				if (why) throw new StepFailure({kind: 'refused', message: why, ...where(statement)});
			}
		} catch (error) {
			if (error instanceof StepFailure) throw error;
			throw new StepFailure({kind: 'sql', message: sqlError(error).message, ...where(statement)});
		}
		const isCapture = step.capture !== undefined && position === step.statements.length - 1;
		try {
			if (isCapture) {
				if (!prepared.reader) throw new StepFailure({kind: 'sql', message: 'the last statement must return rows (the result that is graded)', ...where(statement)});
				const result = readRows(prepared, job.maxRows);
				if (result.truncated) {
					throw new StepFailure({kind: 'too_many_rows', message: `the query returned more than ${job.maxRows} rows, so reading stopped there; the expected result is far smaller`, ...where(statement)});
				}
				results[step.capture!.label] = result;
				materialize(db, step.capture!.table, result.columns, result.rows, where(statement));
			} else if (prepared.reader) {
				// A result nobody reads: step through at most maxRows rows so an endless one cannot run on.
				readRows(prepared, job.maxRows);
			} else {
				prepared.run();
			}
		} catch (error) {
			if (error instanceof StepFailure) throw error;
			const {code, message} = sqlError(error);
			if (code === 'SQLITE_FULL') {
				throw new StepFailure({kind: 'too_big', message: `the database reached its size cap (${Math.round((job.maxPages * 4096) / 2 ** 20)} MB); the task needs far less data`, ...where(statement)});
			}
			throw new StepFailure({kind: 'sql', message, ...where(statement)});
		}
	}
}

/** Copies a captured result into a table of its own, so property checks can query it. */
function materialize(db: DatabaseType, table: string, columns: readonly string[], rows: readonly Value[][], at: Omit<RunFailure, 'kind' | 'message'>): void {
	const seen = new Set<string>();
	for (const column of columns) {
		const key = column.toLowerCase();
		if (seen.has(key)) throw new StepFailure({kind: 'sql', message: `the result has two columns named "${column}"; give every column its own name`, ...at});
		seen.add(key);
	}
	const quoted = columns.map((column) => `"${column.replaceAll('"', '""')}"`);
	db.exec(`DROP TABLE IF EXISTS temp."${table}"; CREATE TEMP TABLE "${table}" (${quoted.join(', ')})`);
	const insert = db.prepare(`INSERT INTO temp."${table}" VALUES (${columns.map(() => '?').join(', ')})`);
	db.transaction(() => {
		for (const row of rows) insert.run(...row);
	})();
}

function runLoadStep(db: DatabaseType, step: Extract<Step, {kind: 'load'}>): void {
	let current = '';
	try {
		db.transaction(() => {
			for (const table of step.clear) {
				current = table;
				db.prepare(`DELETE FROM "${table}"`).run();
			}
			for (const [table, rows] of Object.entries(step.tables)) {
				current = table;
				const width = rows[0]?.length ?? 0;
				if (width === 0) continue;
				const insert = db.prepare(`INSERT INTO "${table}" VALUES (${Array.from({length: width}, () => '?').join(', ')})`);
				for (const row of rows) insert.run(...row.map((cell) => (typeof cell === 'boolean' ? Number(cell) : cell)));
			}
		})();
	} catch (error) {
		throw new StepFailure({
			kind: 'staging',
			batch: step.batch,
			message: `could not load batch "${step.batch}" into the staging table ${current}: ${sqlError(error).message} (staging tables belong to the harness; an answer may read them but not drop, rename or constrain them)`,
		});
	}
}

function runQuery(db: DatabaseType, sql: string, maxRows: number): QueryResult {
	try {
		return readRows(db.prepare(sql), maxRows);
	} catch (error) {
		return {error: sqlError(error).message};
	}
}

/** Plays one job on a fresh database and returns what it produced. */
export function runJob(job: RunJob): RunResult {
	const started = performance.now();
	const results: Record<string, QueryResult> = {};
	const db = new Database(':memory:');
	let failure: RunFailure | undefined;
	try {
		// Temp tables, indices and sorts stay in memory, so nothing is written to disk.
		db.pragma('temp_store = MEMORY');
		db.pragma(`max_page_count = ${job.maxPages}`);
		db.pragma(`temp.max_page_count = ${job.maxPages}`);
		for (const step of job.steps) {
			if (step.kind === 'exec') {
				try {
					db.exec(step.sql);
				} catch (error) {
					throw new StepFailure({kind: 'staging', message: `the exercise's ${step.label} SQL failed: ${sqlError(error).message}`});
				}
			} else if (step.kind === 'load') runLoadStep(db, step);
			else if (step.kind === 'answer') runAnswerStep(db, step, job, results);
			else results[step.label] = runQuery(db, step.sql, job.maxRows);
		}
	} catch (error) {
		if (!(error instanceof StepFailure)) throw error;
		failure = error.failure;
	} finally {
		db.close();
	}
	return {...(failure ? {failure} : {}), results, ms: performance.now() - started};
}

if (process.send) {
	process.on('message', (message: ParentMessage) => {
		if (message.type !== 'run') return;
		let result: RunResult;
		try {
			result = runJob(message.job);
		} catch (error) {
			result = {failure: {kind: 'crashed', message: `the sandbox failed: ${sqlError(error).message}`}, results: {}, ms: 0};
		}
		send({type: 'done', id: message.id, result});
	});
	// The parent is gone: nothing will read our answers.
	process.on('disconnect', () => process.exit(0));
	send({type: 'ready'});
}
