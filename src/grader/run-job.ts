/**
Plays one sandbox job: a fresh in-memory SQLite database, the job's steps in
order (harness setup, staging loads, the screened answer statements, the
harness's reads), and the results or the first failure.

The sandbox child process (sandbox-child.ts) calls it for every job; it lives
apart from the process's own wiring so it can be tested, and mutation tested,
in the test process. It does not bound time: only killing the child does
(see sandbox.ts).
*/
import Database from 'better-sqlite3';
import {sqliteBinding} from '../sqlite-binding.js';
import type {Database as DatabaseType, Statement as PreparedStatement} from 'better-sqlite3';
import type {ChildMessage, QueryResult, RunFailure, RunJob, RunResult, Step, Value} from './protocol.js';
import {refusedOpcode, type Opcode} from './screen.js';
import {q} from './sql-gen.js';
import type {Statement} from './split.js';
import {StagingGuard} from './staging-guard.js';

/** Hears the progress messages a run sends while it plays (the child forwards them to the parent). */
export type ProgressReporter = (message: Extract<ChildMessage, {type: 'progress' | 'reading'}>) => void;

/** A failure raised while playing a step, carried to the run's result. */
class StepFailure extends Error {
	constructor(readonly failure: RunFailure) {
		super(failure.message);
	}
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

/** Text a kept result may hold; far more would fill the child's heap long before the row cap. */
const maxResultBytes = 32 * 2 ** 20;

/** A result past `maxResultBytes`. */
class ResultTooLarge extends Error {
	constructor() {
		super(`the result holds more than ${maxResultBytes / 2 ** 20} MB of data; the expected result is far smaller`);
	}
}

/** Reads a reader statement's rows, stopping after `maxRows` (the rest is never computed); throws ResultTooLarge past `maxResultBytes`. */
function readRows(prepared: PreparedStatement, maxRows: number): {columns: string[]; rows: Value[][]; truncated: boolean} {
	const columns = prepared.columns().map((column) => column.name);
	const rows: Value[][] = [];
	let truncated = false;
	let bytes = 0;
	for (const row of prepared.raw(true).iterate() as IterableIterator<unknown[]>) {
		if (rows.length === maxRows) {
			truncated = true;
			break;
		}
		const values = row.map(toValue);
		for (const value of values) bytes += typeof value === 'string' ? value.length : 8;
		if (bytes > maxResultBytes) throw new ResultTooLarge();
		rows.push(values);
	}
	return {columns, rows, truncated};
}

/** Steps through at most `maxRows` rows of a result nobody reads, so an endless one cannot run on, keeping none. */
function skipRows(prepared: PreparedStatement, maxRows: number): void {
	let count = 0;
	for (const _ of prepared.raw(true).iterate()) if (++count >= maxRows) break;
}

/** SQLite errors that mean a resource limit, as the failure to report; undefined for any other error. */
function limitFailure(code: string, job: RunJob): Pick<RunFailure, 'kind' | 'message'> | undefined {
	if (code === 'SQLITE_FULL') return {kind: 'too_big', message: `the database reached its size cap (${Math.round((job.maxPages * 4096) / 2 ** 20)} MB); the task needs far less data`};
	if (code === 'SQLITE_TOOBIG') return {kind: 'too_big', message: "a string or blob grew past SQLite's 1 GB limit for one value; the task needs far less data"};
	if (code === 'SQLITE_NOMEM') return {kind: 'memory', message: 'SQLite ran out of memory; the task needs far less data'};
	return undefined;
}

function runAnswerStep(db: DatabaseType, step: Extract<Step, {kind: 'answer'}>, job: RunJob, results: Record<string, QueryResult>, guard: StagingGuard | undefined, send: ProgressReporter): void {
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
				skipRows(prepared, job.maxRows);
			} else {
				prepared.run();
			}
		} catch (error) {
			if (error instanceof StepFailure) throw error;
			if (error instanceof ResultTooLarge) throw new StepFailure({kind: 'too_big', message: error.message, ...where(statement)});
			const {code, message} = sqlError(error);
			throw new StepFailure({...(limitFailure(code, job) ?? {kind: 'sql', message}), ...where(statement)});
		}
		// Checked after every statement, reads included: a ROLLBACK counts as read-only, yet it can undo a loaded batch.
		const tampered = guard?.violation();
		if (tampered) {
			throw new StepFailure({
				kind: 'refused',
				message: `it ${tampered}; staging tables belong to the harness: read them (indexing them is fine), but do not change their rows, drop, alter or hide them, or put triggers on them`,
				...where(statement),
			});
		}
	}
}

/** Copies a captured result into a temp table of its own, replacing any temp object of that name, so property checks can query it. */
function materialize(db: DatabaseType, table: string, columns: readonly string[], rows: readonly Value[][], at: Omit<RunFailure, 'kind' | 'message'>): void {
	const seen = new Set<string>();
	for (const column of columns) {
		const key = column.toLowerCase();
		if (seen.has(key)) throw new StepFailure({kind: 'sql', message: `the result has two columns named "${column}"; give every column its own name`, ...at});
		seen.add(key);
	}
	// The answer may have built its result as a temp view or table of this very name; it has been read, so it can go.
	const taken = db.prepare("SELECT type, name FROM temp.sqlite_schema WHERE name = ? COLLATE NOCASE AND type IN ('table', 'view', 'index', 'trigger')").raw(true).all(table) as Array<[string, string]>;
	for (const [type, name] of taken) db.exec(`DROP ${type.toUpperCase()} IF EXISTS temp.${q(name)}`);
	db.exec(`CREATE TEMP TABLE ${q(table)} (${columns.map(q).join(', ')})`);
	const insert = db.prepare(`INSERT INTO temp.${q(table)} VALUES (${columns.map(() => '?').join(', ')})`);
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

/**
Plays one job on a fresh in-memory database and returns what it produced.
`send` hears which statement or harness query is playing, so the parent can
say what was running when it had to kill the process.
*/
export function runJob(job: RunJob, send: ProgressReporter = () => undefined): RunResult {
	const started = performance.now();
	const results: Record<string, QueryResult> = {};
	const binding = sqliteBinding();
	const db = new Database(':memory:', binding ? {nativeBinding: binding} : {});
	let failure: RunFailure | undefined;
	try {
		// Temp tables, indices and sorts stay in memory, so nothing is written to disk.
		db.pragma('temp_store = MEMORY');
		db.pragma(`max_page_count = ${job.maxPages}`);
		db.pragma(`temp.max_page_count = ${job.maxPages}`);
		let guard: StagingGuard | undefined;
		for (const step of job.steps) {
			if (step.kind === 'exec') {
				try {
					db.exec(step.sql);
				} catch (error) {
					throw new StepFailure({kind: 'staging', message: `the exercise's ${step.label} SQL failed: ${sqlError(error).message}`});
				}
				if (job.staging && !guard) {
					guard = new StagingGuard(db, job.staging);
					guard.recordSetup();
				}
			} else if (step.kind === 'load') {
				runLoadStep(db, step);
				guard?.recordRows();
			} else if (step.kind === 'answer') runAnswerStep(db, step, job, results, guard, send);
			else {
				send({type: 'reading', label: step.label});
				results[step.label] = runQuery(db, step.sql, job.maxRows);
			}
		}
	} catch (error) {
		if (!(error instanceof StepFailure)) throw error;
		failure = error.failure;
	} finally {
		db.close();
	}
	return {...(failure ? {failure} : {}), results, ms: performance.now() - started};
}
