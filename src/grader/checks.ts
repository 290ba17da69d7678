/**
Judges each check of an exercise from what the runs produced: property queries
(violating rows), surrogate keys followed from batch to batch, snapshots
compared with the reference's or with another run's, result order and query
plans. Every message says what failed, in which run, and what was expected.
*/
import {UsageError} from '../errors.js';
import type {Check, Exercise, FailureKind} from '../scenarios/exercise-schema.js';
import {diffKinds, failureColumn, violationKinds} from './failure-kinds.js';
import {describeStatement} from './answer.js';
import {compareResults, firstUnsorted, maxShown, plural, showRows, showValue, type ShownRow} from './compare.js';
import {checkRuns, describeLabel, labels, propertyQueries} from './jobs.js';
import type {QueryResult, RunFailure, RunResult, Value} from './protocol.js';
import {contractTable} from './sql-gen.js';

/** The outcome of one check, as `dojo exercise --json` prints it. */
export type CheckResult = {
	id: string;
	passed: boolean;
	message: string;
	missing_rows?: ShownRow[];
	unexpected_rows?: ShownRow[];
	/** Set when the check could not run because this run stopped (its message is then the run's failure). */
	blocked_by?: string;
};

/** What the runs produced, by run id. */
export type RunOutputs = {
	readonly candidate: ReadonlyMap<string, RunResult>;
	readonly reference: ReadonlyMap<string, RunResult>;
	/** Show the expected rows of hidden runs too (see GradeOptions.reveal). */
	readonly reveal?: boolean;
};

/** True when a run plays a hidden batch: its expected rows are not shown. */
export function isHiddenRun(exercise: Exercise, runId: string): boolean {
	return exercise.runs[runId]!.batches.some((batch) => exercise.batches[batch]?.hidden);
}

/** Names a run for a message: its id, whether its data is hidden, and what it exercises. */
function describeRun(exercise: Exercise, runId: string): string {
	const run = exercise.runs[runId]!;
	return `run "${runId}" (${isHiddenRun(exercise, runId) ? 'hidden data' : 'sample data'}: ${run.about})`;
}

/** Explains why a run stopped, naming the statement and line. */
function describeFailure(failure: RunFailure, kind: Exercise['kind']): string {
	if (failure.reading !== undefined) {
		return `${failure.message}, while the harness read ${describeLabel(failure.reading)} after the answer had run (a view or trigger of the answer that never finishes does this)`;
	}
	const where = failure.statement && failure.section ? describeStatement(failure.section, failure.statement, kind) : undefined;
	const after = failure.batch ? ` after batch "${failure.batch}" was loaded` : '';
	switch (failure.kind) {
		case 'timeout':
		case 'memory':
			return `${failure.message}${where ? `, while running ${where}` : ''}${after}`;
		case 'refused':
			return `${where ?? 'a statement'} was refused: ${failure.message}`;
		case 'staging':
		case 'crashed':
			return failure.message;
		default:
			return `${where ?? 'a statement'} failed${after}: ${failure.message}`;
	}
}

type Verdict = Omit<CheckResult, 'id'>;

/** Characters of one check's message; SQLite's errors quote the answer, which may be anything. */
const maxMessageChars = 2000;

function boundMessage(message: string): string {
	return message.length <= maxMessageChars ? message : `${message.slice(0, maxMessageChars)}… (message cut at ${maxMessageChars} characters)`;
}

const pass = (message: string): Verdict => ({passed: true, message});

/**
Appends the check's hint when the failure shows a kind the hint is scoped to
(`hint_when`): a hint names one cause and would mislead on a failure of another.
*/
function withHint(check: Check, message: string, kinds: ReadonlySet<FailureKind>): string {
	return check.hint && check.hint_when?.some((kind) => kinds.has(kind)) ? `${message}. Hint: ${check.hint}` : message;
}

/** A query's rows, or why there are none. */
function rowsOf(result: QueryResult | undefined): QueryResult {
	return result ?? {error: 'no result (the run stopped before it)'};
}

/** A property query's violating rows → a verdict, quoting the first row so the message alone teaches. */
function judgeViolations(exercise: Exercise, check: Check, run: RunResult, runId: string, part: string): Verdict | undefined {
	const table = rowsOf(run.results[labels.check(check.id, part)]);
	if ('error' in table) {
		// A query over a missing table or column fails; say which, as the columns check does, rather than SQLite's words.
		const columns = columnProblem(exercise, run);
		const why = columns ? `${columns.text} (see the columns check)` : table.error;
		return {passed: false, message: `${check.title}: cannot be checked${part === 'all' ? '' : ` on ${part}`} after ${describeRun(exercise, runId)}: ${why}`};
	}
	if (table.rows.length === 0) return undefined;
	const count = 'truncated' in table && table.truncated ? `more than ${table.rows.length}` : String(table.rows.length);
	const what = part === 'all' ? '' : ` in ${part}`;
	const shown = showRows(table.columns, table.rows.slice(0, maxShown));
	const first = Object.entries(shown[0]!)
		.filter(([column]) => column !== 'table_name' && column.toLowerCase() !== failureColumn)
		.map(([column, value]) => `${column} ${showValue(value)}`)
		.join(', ');
	return {
		passed: false,
		message: withHint(check, `${check.title}: ${count} violating ${table.rows.length === 1 ? 'row' : 'rows'}${what} after ${describeRun(exercise, runId)}; the first: ${first}`, violationKinds(check.type, table)),
		unexpected_rows: shown,
	};
}

function snapshotOf(exercise: Exercise, result: RunResult, table: string): QueryResult | undefined {
	return exercise.kind === 'query' ? result.results[labels.capture] : result.results[labels.snapshot(table)];
}

/** Explains a snapshot that could not be read: a missing table or column when that is why, else SQLite's error. */
function unreadable(exercise: Exercise, result: RunResult, table: string, error: string): string {
	return columnProblem(exercise, result)?.text ?? `could not read ${table}: ${error}`;
}

function compareSnapshots(exercise: Exercise, check: Check, expected: RunResult, actual: RunResult, table: string, describe: (detail: string) => string): Verdict | undefined {
	const want = snapshotOf(exercise, expected, table);
	const got = snapshotOf(exercise, actual, table);
	if (!want || 'error' in want) {
		// The other side of an equivalence is the candidate too; a reference that cannot be read is a broken exercise.
		return {passed: false, message: describe(want && 'error' in want ? unreadable(exercise, expected, table, want.error) : `no snapshot of ${table}`)};
	}
	if (!got || 'error' in got) return {passed: false, message: describe(got && 'error' in got ? unreadable(exercise, actual, table, got.error) : `no snapshot of ${table}`)};
	if ('truncated' in got && got.truncated) return {passed: false, message: describe(`${table} has more than ${got.rows.length} rows, far more than expected`)};
	const comparison = compareResults(want, got, {allowExtraColumns: exercise.kind !== 'query'});
	if (comparison.equal) return undefined;
	return {
		passed: false,
		message: withHint(check, describe(`${table}: ${comparison.message}`), diffKinds(want, got, comparison, contractTable(exercise.output, table).grain)),
		...(comparison.missing.length > 0 ? {missing_rows: [...comparison.missing]} : {}),
		...(comparison.unexpected.length > 0 ? {unexpected_rows: [...comparison.unexpected]} : {}),
	};
}

function checkTables(exercise: Exercise, check: Check): string[] {
	return 'tables' in check && check.tables ? check.tables : exercise.output.map((table) => table.name);
}

/** What is wrong with the output's columns after a run (a table or column missing; for a query, the wrong set), or undefined. */
function columnProblem(exercise: Exercise, result: RunResult): {text: string; missing?: ShownRow[]} | undefined {
	if (exercise.kind === 'query') {
		const capture = result.results[labels.capture];
		if (!capture || 'error' in capture) return {text: 'there is no result to check'};
		const contract = exercise.output[0]!;
		const comparison = compareResults({columns: Object.keys(contract.columns), rows: []}, {columns: capture.columns, rows: []});
		return comparison.equal ? undefined : {text: `the result's columns are wrong: ${comparison.message}`};
	}
	const found = result.results[labels.columns];
	if (!found || 'error' in found) return {text: `could not list the tables' columns: ${found && 'error' in found ? found.error : 'no result'}`};
	const present = new Set(found.rows.map((row) => `${row[0]}.${String(row[1]).toLowerCase()}`));
	const tables = new Set(found.rows.map((row) => row[0]));
	const missing: ShownRow[] = [];
	for (const table of exercise.output) {
		if (!tables.has(table.name)) {
			missing.push({table_name: table.name, column_name: null});
			continue;
		}
		for (const column of Object.keys(table.columns)) if (!present.has(`${table.name}.${column}`)) missing.push({table_name: table.name, column_name: column});
	}
	if (missing.length === 0) return undefined;
	const text = missing.map((row) => (row.column_name === null ? `table ${row.table_name}` : `${row.table_name}.${row.column_name}`)).join(', ');
	return {text: `missing ${text}`, missing};
}

function judgeColumns(exercise: Exercise, check: Check, result: RunResult, runId: string): Verdict | undefined {
	const problem = columnProblem(exercise, result);
	if (!problem) return undefined;
	return {
		passed: false,
		message: withHint(check, `${check.title}: after ${describeRun(exercise, runId)}, ${problem.text}`, new Set(['missing_columns'])),
		...(problem.missing ? {missing_rows: problem.missing.slice(0, maxShown)} : {}),
	};
}

function judgeSurrogateKeys(exercise: Exercise, check: Extract<Check, {type: 'sk_stable'}>, result: RunResult, runId: string): Verdict | undefined {
	const batches = exercise.runs[runId]!.batches;
	for (const name of check.tables) {
		const contract = contractTable(exercise.output, name);
		const width = contract.grain.length;
		let before: Map<string, Value> | undefined;
		for (let position = 0; position < batches.length; position++) {
			const table = rowsOf(result.results[labels.surrogateKeys(name, position)]);
			if ('error' in table) return {passed: false, message: `could not read ${name}'s surrogate keys after batch "${batches[position]}" of ${describeRun(exercise, runId)}: ${table.error}`};
			const now = new Map(table.rows.map((row) => [JSON.stringify(row.slice(0, width)), row[width] ?? null]));
			const changed: ShownRow[] = [];
			if (before) {
				for (const [key, sk] of before) {
					if (now.has(key) && !Object.is(now.get(key), sk)) {
						const grain = JSON.parse(key) as Value[];
						changed.push({...Object.fromEntries(contract.grain.map((column, i) => [column, grain[i] ?? null])), [`${contract.surrogate_key} before`]: sk, [`${contract.surrogate_key} after`]: now.get(key) ?? null});
					}
				}
			}
			if (changed.length > 0) {
				return {
					passed: false,
					message: withHint(check, `${check.title}: ${plural(changed.length, 'row')} of ${name} got a new ${contract.surrogate_key} when batch "${batches[position]}" was loaded in ${describeRun(exercise, runId)}; facts that stored the old key now point nowhere`, new Set(['changed_keys'])),
					unexpected_rows: changed.slice(0, maxShown),
				};
			}
			before = now;
		}
	}
	return undefined;
}

function judgeSorted(exercise: Exercise, check: Extract<Check, {type: 'sorted'}>, result: RunResult, runId: string): Verdict | undefined {
	const capture = rowsOf(snapshotOf(exercise, result, check.table));
	if ('error' in capture) return {passed: false, message: `${check.title}: no result to check in ${describeRun(exercise, runId)}: ${capture.error}`};
	const orderBy = contractTable(exercise.output, check.table).order_by ?? [];
	const lacking = orderBy.filter((column) => !capture.columns.some((name) => name.toLowerCase() === column));
	if (lacking.length > 0) return {passed: false, message: `${check.title}: cannot check the order: the result lacks ${lacking.join(', ')} (see the columns check)`};
	const at = firstUnsorted(capture, orderBy);
	if (at === undefined) return undefined;
	const row = capture.rows[at]!;
	const keys = orderBy.map((column) => `${column} ${showValue(row[capture.columns.findIndex((name) => name.toLowerCase() === column)] ?? null)}`).join(', ');
	const shown = showRows(capture.columns, [capture.rows[at - 1]!, row]);
	return {passed: false, message: withHint(check, `${check.title}: row ${at + 1} (${keys}) comes after a row that should follow it; expected ORDER BY ${orderBy.join(', ')} (${describeRun(exercise, runId)})`, new Set(['out_of_order'])), unexpected_rows: shown};
}

/**
The constraints an index search uses, read from a plan line by its structure:
`SEARCH t USING [COVERING] INDEX <name> (<a>=? AND <b>>?)`, where `<name>` is one
of the table's indexes (so an index named "x (user_id=?)" cannot pose as a
constraint), or the rowid / primary key. Undefined when the line is no search.
*/
export function searchConstraints(line: string, table: string, indexes: readonly string[]): string[] | undefined {
	const prefix = `SEARCH ${table} USING `;
	if (line.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return undefined;
	const rest = line.slice(prefix.length);
	const heads = [...indexes].sort((x, y) => y.length - x.length).flatMap((name) => [`COVERING INDEX ${name} (`, `INDEX ${name} (`]);
	heads.push('INTEGER PRIMARY KEY (', 'PRIMARY KEY (');
	const head = heads.find((candidate) => rest.startsWith(candidate) && rest.endsWith(')'));
	if (!head) return undefined;
	return rest.slice(head.length, -1).split(' AND ');
}

function judgePlan(exercise: Exercise, check: Extract<Check, {type: 'query_plan'}>, result: RunResult, runId: string): Verdict | undefined {
	const plan = rowsOf(result.results[labels.check(check.id, 'all')]);
	if ('error' in plan) return {passed: false, message: `EXPLAIN QUERY PLAN failed after ${describeRun(exercise, runId)}: ${plan.error}`};
	const indexList = rowsOf(result.results[labels.check(check.id, 'indexes')]);
	const indexes = 'error' in indexList ? [] : indexList.rows.map((row) => String(row[0]));
	const detailAt = plan.columns.indexOf('detail');
	const lines = plan.rows.map((row) => String(row[detailAt] ?? ''));
	const shown = lines.join(' | ');
	const table = check.table.toLowerCase();
	const scans = lines.filter((line) => new RegExp(`^SCAN ${table}\\b`, 'i').test(line));
	const searches = lines.flatMap((line) => searchConstraints(line, check.table, indexes) ?? []);
	const searched = lines.some((line) => searchConstraints(line, check.table, indexes) !== undefined);
	const rows = lines.map((detail) => ({detail}));
	if (scans.length > 0 || !searched) {
		return {passed: false, message: withHint(check, `${check.title}: the plan reads every row of ${check.table} (${shown})`, new Set(['full_scan'])), unexpected_rows: rows};
	}
	const missing = check.seeks.filter((seek) => !searches.includes(seek));
	if (missing.length > 0) {
		return {passed: false, message: withHint(check, `${check.title}: the index search does not use ${missing.join(' and ')} (${shown})`, new Set(['unused_seek'])), unexpected_rows: rows};
	}
	return undefined;
}

/** The reference diff of one run: the candidate's snapshot against the reference solution's. */
function judgeReference(exercise: Exercise, check: Check, runId: string, result: RunResult, outputs: RunOutputs): Verdict | undefined {
	const reference = outputs.reference.get(runId);
	if (!reference || reference.failure) {
		// Only an exercise file can get here (the tests keep the built-in ones passing): bad input, not a bug.
		throw new UsageError(`exercise ${exercise.id}: its reference solution fails in run "${runId}": ${reference?.failure ? describeFailure(reference.failure, exercise.kind) : 'not played'}; fix the exercise's solution`);
	}
	for (const table of checkTables(exercise, check)) {
		const verdict = compareSnapshots(exercise, check, reference, result, table, (detail) => `${check.title}: after ${describeRun(exercise, runId)}, ${detail}`);
		if (verdict) return verdict;
	}
	return undefined;
}

/**
A business question of a design exercise: the same query on the candidate's
model and on the reference model, over the same batches, must give the same
rows. A model that lost history, mixed grains or dropped a dimension gives a
different answer, so the model is graded by what it can answer.
*/
function judgeQuestion(exercise: Exercise, check: Extract<Check, {type: 'question'}>, runId: string, result: RunResult, outputs: RunOutputs): Verdict | undefined {
	const reference = outputs.reference.get(runId);
	const want = reference?.results[labels.question(check.id)];
	if (!reference || reference.failure || !want || 'error' in want) {
		// Only an exercise file can get here (the tests keep the built-in ones answering): bad input, not a bug.
		const why = reference?.failure ? describeFailure(reference.failure, exercise.kind) : want && 'error' in want ? want.error : 'not played';
		throw new UsageError(`exercise ${exercise.id}: the business question ${check.id} cannot be answered on the reference model in run "${runId}": ${why}; fix the exercise`);
	}
	const asked = `${check.title} ("${check.ask}")`;
	const got = result.results[labels.question(check.id)];
	if (!got || 'error' in got) {
		const columns = columnProblem(exercise, result);
		const why = columns ? `${columns.text} (see the columns check)` : got ? got.error : 'no result';
		return {passed: false, message: withHint(check, `${asked}: the question's query fails on your model after ${describeRun(exercise, runId)}: ${why}`, new Set(['missing_columns']))};
	}
	const comparison = compareResults(want, got);
	if (comparison.equal) return undefined;
	const hidden = isHiddenRun(exercise, runId) && !outputs.reveal;
	// An answer has no grain: its rows are told apart only as missing or unexpected.
	const message = withHint(check, `${asked}: your model answers it differently from the reference model after ${describeRun(exercise, runId)}: ${comparison.message}`, diffKinds(want, got, comparison, []));
	return {
		passed: false,
		message: hidden && comparison.missing.length > 0 ? `${message} (the expected rows of hidden runs are held back; --reveal shows them)` : message,
		...(comparison.missing.length > 0 && !hidden ? {missing_rows: [...comparison.missing]} : {}),
		...(comparison.unexpected.length > 0 ? {unexpected_rows: [...comparison.unexpected]} : {}),
	};
}

function judgeRun(exercise: Exercise, check: Check, runId: string, outputs: RunOutputs): Verdict | undefined {
	const result = outputs.candidate.get(runId);
	if (!result) return {passed: false, message: `${describeRun(exercise, runId)} was not played`};
	if (result.failure) return {passed: false, message: `${describeRun(exercise, runId)} stopped: ${describeFailure(result.failure, exercise.kind)}`, blocked_by: runId};
	switch (check.type) {
		case 'columns':
			return judgeColumns(exercise, check, result, runId);
		case 'sk_stable':
			return judgeSurrogateKeys(exercise, check, result, runId);
		case 'sorted':
			return judgeSorted(exercise, check, result, runId);
		case 'query_plan':
			return judgePlan(exercise, check, result, runId);
		case 'question':
			return judgeQuestion(exercise, check, runId, result, outputs);
		case 'reference': {
			const verdict = judgeReference(exercise, check, runId, result, outputs);
			if (!verdict || outputs.reveal || !isHiddenRun(exercise, runId) || verdict.missing_rows === undefined) return verdict;
			// Hidden data stays hidden: the expected rows would let an answer replay them instead of computing them.
			const {missing_rows: _held, ...rest} = verdict;
			return {...rest, message: `${rest.message} (the expected rows of hidden runs are held back; --reveal shows them)`};
		}
		case 'same_as_run': {
			const other = outputs.candidate.get(check.same_as);
			if (!other) return {passed: false, message: `${describeRun(exercise, check.same_as)} was not played`};
			if (other.failure) return {passed: false, message: `${describeRun(exercise, check.same_as)} stopped: ${describeFailure(other.failure, exercise.kind)}`, blocked_by: check.same_as};
			for (const table of checkTables(exercise, check)) {
				const verdict = compareSnapshots(exercise, check, other, result, table, (detail) => `${check.title}: ${describeRun(exercise, runId)} should end like run "${check.same_as}", but ${detail} (missing = present after "${check.same_as}" only)`);
				if (verdict) return verdict;
			}
			return undefined;
		}
		default: {
			for (const part of Object.keys(propertyQueries(exercise, check))) {
				const verdict = judgeViolations(exercise, check, result, runId, part);
				if (verdict) return verdict;
			}
			return undefined;
		}
	}
}

/** Judges one check over its runs; the first failing run explains the failure. */
export function judgeCheck(exercise: Exercise, check: Check, outputs: RunOutputs): CheckResult {
	const runs = checkRuns(exercise, check);
	for (const runId of runs) {
		const verdict = judgeRun(exercise, check, runId, outputs);
		if (verdict) return {id: check.id, ...verdict, message: boundMessage(verdict.message)};
	}
	return {id: check.id, ...pass(`${check.title} (${runs.length === 1 ? `run "${runs[0]}"` : `${runs.length} runs`})`)};
}
