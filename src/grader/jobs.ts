/**
Turns an exercise run plus an answer into the job the sandbox plays: setup,
the answer's schema section, then for every batch the staging rows and the
answer's load section, and finally the queries the checks read.
*/
import type {Cell, Exercise} from '../scenarios/exercise-schema.js';
import type {Answer} from './answer.js';
import type {RunJob, Step} from './protocol.js';
import {columnsSql, contractTable, literal, foreignKeysSql, grainSql, notNullSql, orphansSql, scd2IntervalsSql, scd2NoNoopSql, scd2OneCurrentSql, snapshotSql, surrogateKeySql, surrogateKeysSql} from './sql-gen.js';
import {integerKeysSql, keysDeclaredSql} from './design-sql.js';

/** Database page cap (4 KiB pages, so 64 MiB) for main and temp. */
export const maxPages = 16_384;

/** Labels under which query results come back. */
export const labels = {
	columns: 'columns',
	capture: 'capture',
	snapshot: (table: string) => `snap:${table}`,
	check: (check: string, part: string) => `check:${check}:${part}`,
	surrogateKeys: (table: string, batch: number) => `sk:${table}:${batch}`,
	question: (check: string) => `question:${check}`,
};

/** The SQL that creates the harness's tables: the staging tables, then the current model a design exercise improves. */
export function setupSql(exercise: Pick<Exercise, 'setup_sql' | 'current_model'>): string {
	return exercise.current_model === undefined ? exercise.setup_sql : `${exercise.setup_sql}\n${exercise.current_model}`;
}

/** What the harness was reading under `label`, for a message such as "while the harness read …". */
export function describeLabel(label: string): string {
	const [kind, name = '', part = ''] = label.split(':');
	if (kind === 'snap') return `${name} to compare it`;
	if (kind === 'check') return `${part === 'all' ? '' : `${part} `}for the check ${name}`;
	if (kind === 'sk') return `the surrogate keys of ${name}`;
	if (kind === 'question') return `the business question ${name}`;
	return "the output tables' columns";
}

/** The staging rows of a batch: the rows of the batches it includes, then its own. */
export function batchRows(exercise: Exercise, batchId: string, seen: ReadonlySet<string> = new Set()): Record<string, Cell[][]> {
	const batch = exercise.batches[batchId];
	if (!batch || seen.has(batchId)) return {};
	const rows: Record<string, Cell[][]> = {};
	const add = (tables: Record<string, Cell[][]>) => {
		for (const [table, list] of Object.entries(tables)) (rows[table] ??= []).push(...list);
	};
	for (const included of batch.include) add(batchRows(exercise, included, new Set([...seen, batchId])));
	add(batch.tables);
	return rows;
}

/** Every table any batch writes: the staging tables that replace mode empties before each batch. */
export function stagingTables(exercise: Exercise): string[] {
	return [...new Set(Object.values(exercise.batches).flatMap((batch) => Object.keys(batch.tables)))];
}

/** The runs a check looks at. */
export function checkRuns(exercise: Exercise, check: Exercise['checks'][number]): string[] {
	return check.runs ?? Object.keys(exercise.runs);
}

/** The property queries of one check, by part (a table name, or 'all'). */
export function propertyQueries(exercise: Exercise, check: Exercise['checks'][number]): Record<string, string> {
	const table = (name: string) => contractTable(exercise.output, name);
	const each = (names: readonly string[], make: (name: string) => string | undefined) =>
		Object.fromEntries(names.flatMap((name) => {
			const sql = make(name);
			return sql ? [[name, sql]] : [];
		}));
	switch (check.type) {
		case 'grain':
			return each(check.tables, (name) => grainSql(table(name)));
		case 'surrogate_key':
			return each(check.tables, (name) => surrogateKeySql(table(name)));
		case 'no_orphans':
			return each(check.tables, (name) => orphansSql(table(name)));
		case 'foreign_keys':
			return each(check.tables, (name) => foreignKeysSql(table(name)));
		case 'not_null':
			return {[check.table]: notNullSql(table(check.table), check.columns)};
		case 'scd2_one_current':
			return {[check.table]: scd2OneCurrentSql(table(check.table), exercise.conventions, check.deleted_keys_sql)};
		case 'scd2_intervals':
			return {[check.table]: scd2IntervalsSql(table(check.table), exercise.conventions)};
		case 'scd2_no_noop':
			return {[check.table]: scd2NoNoopSql(table(check.table), exercise.conventions)};
		case 'sql':
			return {all: check.sql};
		case 'keys_declared':
			return each(check.tables, (name) => keysDeclaredSql(table(name)));
		case 'integer_keys':
			return each(check.tables, (name) => integerKeysSql(table(name)));
		case 'query_plan':
			// The index names let the plan line be read by its structure: a name may spell anything, even "user_id=?".
			return {all: `EXPLAIN QUERY PLAN ${check.query}`, indexes: `SELECT name FROM pragma_index_list(${literal(check.table)})`};
		default:
			return {};
	}
}

/**
Builds the job for one run. The reference run reads back only the snapshots;
the candidate's also reads the property checks and surrogate keys per batch.
*/
export function buildJob(exercise: Exercise, runId: string, answer: Answer, role: 'candidate' | 'reference'): RunJob {
	const run = exercise.runs[runId];
	if (!run) throw new Error(`no run ${runId} in exercise ${exercise.id}`);
	const steps: Step[] = [{kind: 'exec', label: 'setup', sql: setupSql(exercise)}];
	if (answer.schema.length > 0) steps.push({kind: 'answer', section: 'schema', statements: answer.schema});
	const tables = stagingTables(exercise);
	const staging = exercise.staging === 'replace' ? tables : [];
	const skTables =
		role === 'candidate'
			? [...new Set(exercise.checks.flatMap((check) => (check.type === 'sk_stable' && checkRuns(exercise, check).includes(runId) ? check.tables : [])))]
			: [];
	for (const [position, batch] of run.batches.entries()) {
		steps.push({kind: 'load', batch, clear: staging, tables: batchRows(exercise, batch)});
		steps.push({
			kind: 'answer',
			section: 'load',
			batch,
			statements: answer.load,
			...(exercise.kind === 'query' ? {capture: {table: exercise.output[0]!.name, label: labels.capture}} : {}),
		});
		for (const name of skTables) steps.push({kind: 'query', label: labels.surrogateKeys(name, position), sql: surrogateKeysSql(contractTable(exercise.output, name))});
	}
	if (exercise.kind !== 'query') {
		steps.push({kind: 'query', label: labels.columns, sql: columnsSql(exercise.output)});
		for (const table of exercise.output) steps.push({kind: 'query', label: labels.snapshot(table.name), sql: snapshotSql(table, exercise.output).sql});
	}
	// Business questions run on both models: the reference's answers are what the candidate's must equal.
	for (const check of exercise.checks) {
		if (check.type === 'question' && checkRuns(exercise, check).includes(runId)) steps.push({kind: 'query', label: labels.question(check.id), sql: check.sql});
	}
	if (role === 'candidate') {
		for (const check of exercise.checks) {
			if (!checkRuns(exercise, check).includes(runId)) continue;
			for (const [part, sql] of Object.entries(propertyQueries(exercise, check))) steps.push({kind: 'query', label: labels.check(check.id, part), sql});
		}
	}
	// Tables the answer also writes (the index exercise's table) are graded by their checks, not frozen.
	const outputs = new Set(exercise.output.map((table) => table.name));
	return {steps, maxRows: exercise.limits.max_rows, maxPages, staging: {tables, frozenRows: tables.filter((table) => !outputs.has(table))}};
}
