/**
The shape of a SQL data-modeling exercise in `scenarios.yaml`: the single source
of truth for exercise types and for the messages a broken exercise gets.

An exercise is graded by running SQL on SQLite. The harness creates the staging
tables (`setup_sql`), then plays *runs*: each run is a fresh in-memory database
that receives a sequence of *batches* of staging rows; after every batch the
candidate's load SQL runs. *Checks* then look at the tables the candidate built:
properties written as SQL that returns violating rows, equivalences between runs
(a batch loaded twice equals once), and a diff against the reference solution
played on the same runs. Each exercise carries known-wrong answers, each naming
the check it must fail, so the tests can prove every check can fail.

A design exercise leaves the model to the candidate: its contract fixes only
the grain and the names the business questions join on, and its checks add
introspection (keys declared, integer keys in the facts) and business
questions whose answers on the candidate's tables must equal the reference
model's. An "improve this model" exercise attaches the current model
(`current_model`), which the harness creates and the batches fill.
*/
import {z} from 'zod';
import {Id} from './model-schema.js';

/** A table or column name as the contract spells it (SQLite matches them case-insensitively). */
export const SqlName = z
	.string()
	.regex(/^[a-z_][a-z0-9_]*$/, 'expected a lower-case SQL name of letters, digits and "_", starting with a letter or "_"');

/** One staging value: text, a number, a boolean (stored as 1 or 0) or NULL. */
export const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The SCD type 2 columns of a table. */
export const Scd2Schema = z.strictObject({
	valid_from: SqlName.describe('first instant the version is in effect'),
	valid_to: SqlName.describe('end of the version; see conventions.interval and conventions.current_valid_to'),
	is_current: SqlName.optional().describe('1 on the open (current) version, 0 elsewhere'),
	tracked: z.array(SqlName).min(1, 'an SCD2 table tracks at least one column').describe('columns whose change opens a new version'),
});

/** One table of the output contract: the columns it must have, its keys and its grain. */
export const TableContractSchema = z.strictObject({
	name: SqlName,
	about: z.string().min(1).describe('what one row is, in words (the grain as the task states it)'),
	columns: z
		.record(SqlName, z.string().min(1))
		.refine((columns) => Object.keys(columns).length > 0, 'a table needs at least one column')
		.describe('column → meaning, in the order shown to the candidate'),
	natural_key: z.array(SqlName).min(1).optional().describe('the business key, e.g. [user_id]'),
	surrogate_key: SqlName.optional().describe('the meaningless key facts reference; its values are never compared, only resolved to natural keys'),
	grain: z.array(SqlName).min(1).describe('the columns that identify one row (unique)'),
	references: z
		.record(SqlName, z.string().regex(/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/, 'expected "table.column"'))
		.default({})
		.describe('foreign keys: column → "table.column" of another contract table'),
	scd2: Scd2Schema.optional(),
	ignore: z.array(SqlName).default([]).describe('columns left out of comparisons (load timestamps and the like)'),
	order_by: z.array(SqlName).optional().describe('query exercises: the order the result rows must come in'),
});

/** How the exercise writes time and SCD2 intervals; the SCD2 checks follow it. */
export const ConventionsSchema = z.strictObject({
	timestamp_format: z.string().min(1).default('YYYY-MM-DD HH:MM:SS').describe('the text format of every timestamp column, UTC'),
	interval: z
		.enum(['half_open', 'closed_day', 'closed_second'])
		.default('half_open')
		.describe('half_open: valid_to equals the next version\'s valid_from; closed_*: valid_to is one day/second before it'),
	current_valid_to: z.string().nullable().default(null).describe('valid_to of the current version: null, or a sentinel such as "9999-12-31 00:00:00"'),
});

/** A batch of staging rows: table → rows, each row listing values in the table's column order. */
export const BatchSchema = z.strictObject({
	hidden: z.boolean().default(false).describe('hidden batches are not shown to the candidate'),
	about: z.string().min(1).optional().describe('what is special about this batch (shown when a check fails on it)'),
	include: z.array(Id).default([]).describe('other batches whose rows come first (A∪B at once)'),
	tables: z.record(SqlName, z.array(z.array(CellSchema))).default({}),
});

/** A run: a fresh database that receives these batches in order. A run with a hidden batch is hidden. */
export const RunSchema = z.strictObject({
	batches: z.array(Id).min(1, 'a run needs at least one batch'),
	about: z.string().min(1).describe('what this run exercises, e.g. "the same batch delivered twice"'),
});

/**
The kinds of failure a check can show, so a hint is shown only for the failure
whose cause it names ("use 1.0 / n" explains credit below one, not a double
credit). See failureKindsOf for which check types show which.
*/
export const FailureKindSchema = z
	.enum(['missing_rows', 'extra_rows', 'wrong_values', 'duplicates', 'violations', 'missing_columns', 'changed_keys', 'out_of_order', 'full_scan', 'unused_seek'])
	.describe(
		'missing_rows: rows that should be there are not; extra_rows: rows are there that should not be; wrong_values: a row with the right key has a wrong value; duplicates: a row or key comes more than once (for reference and same_as_run checks these four are read from the diff, by the table\'s grain; a sql check names them per violating row in a `failure` column); violations: a property check found violating rows (a sql check\'s rows without a `failure` column); missing_columns (columns), changed_keys (sk_stable), out_of_order (sorted), full_scan and unused_seek (query_plan)',
	);

/** The failure kinds each check type can show: a hint_when outside them could never match. */
export function failureKindsOf(type: string): ReadonlyArray<z.infer<typeof FailureKindSchema>> {
	switch (type) {
		case 'reference':
		case 'same_as_run':
			return ['missing_rows', 'extra_rows', 'wrong_values', 'duplicates'];
		case 'sql':
			return ['missing_rows', 'extra_rows', 'wrong_values', 'duplicates', 'violations'];
		case 'grain':
			return ['duplicates'];
		case 'columns':
			return ['missing_columns'];
		case 'sk_stable':
			return ['changed_keys'];
		case 'sorted':
			return ['out_of_order'];
		case 'query_plan':
			return ['full_scan', 'unused_seek'];
		case 'question':
			return ['missing_rows', 'extra_rows', 'missing_columns'];
		default:
			return ['violations'];
	}
}

const checkBase = {
	id: Id,
	title: z.string().min(1).describe('what the check verifies, in one line'),
	hint: z.string().min(1).optional().describe('what to fix when it fails, shown only for the failures `hint_when` names'),
	hint_when: z.array(FailureKindSchema).min(1).optional().describe('the kinds of failure whose cause the hint names; required with a hint'),
	runs: z.array(Id).min(1).optional().describe('the runs it applies to (default: every run)'),
};
const tables = z.array(SqlName).min(1).describe('contract tables it applies to');

/** One check. Property checks pass when their query returns no rows. */
export const CheckSchema = z.discriminatedUnion('type', [
	z.strictObject({...checkBase, type: z.literal('columns')}).describe('every contract table exists with every contract column (query exercises: the result has exactly the contract columns)'),
	z.strictObject({...checkBase, type: z.literal('grain'), tables}).describe('no two rows share the grain'),
	z.strictObject({...checkBase, type: z.literal('not_null'), table: SqlName, columns: z.array(SqlName).min(1)}),
	z.strictObject({...checkBase, type: z.literal('foreign_keys'), tables}).describe('the references are declared as FOREIGN KEY constraints'),
	z.strictObject({...checkBase, type: z.literal('no_orphans'), tables}).describe('every reference finds its row'),
	z.strictObject({...checkBase, type: z.literal('sk_stable'), tables}).describe('a row keeps its surrogate key from one batch to the next'),
	z.strictObject({...checkBase, type: z.literal('surrogate_key'), tables}).describe('the surrogate key is unique and never NULL (every table that declares one needs this check)'),
	z.strictObject({
		...checkBase,
		type: z.literal('scd2_one_current'),
		table: SqlName,
		deleted_keys_sql: z.string().min(1).optional().describe('natural keys that were deleted at the source and must have no current row'),
	}),
	z.strictObject({...checkBase, type: z.literal('scd2_intervals'), table: SqlName}).describe('non-empty intervals, flag agrees with the interval, no gaps or overlaps'),
	z.strictObject({...checkBase, type: z.literal('scd2_no_noop'), table: SqlName}).describe('consecutive versions differ in a tracked column'),
	z.strictObject({...checkBase, type: z.literal('sql'), sql: z.string().min(1).describe('returns the violating rows')}),
	z.strictObject({...checkBase, type: z.literal('reference'), tables: tables.optional()}).describe("the final state equals the reference solution's, surrogate keys resolved to natural keys"),
	z.strictObject({...checkBase, type: z.literal('same_as_run'), same_as: Id, tables: tables.optional()}).describe('the candidate ends in the same state after `runs` as after `same_as`'),
	z.strictObject({...checkBase, type: z.literal('sorted'), table: SqlName}).describe("query exercises: the rows come in the contract table's order_by"),
	z.strictObject({
		...checkBase,
		type: z.literal('query_plan'),
		query: z.string().min(1).describe('the query pattern, with literal values'),
		table: SqlName,
		seeks: z.array(z.string().min(1)).default([]).describe('constraints the index search must use, as EXPLAIN QUERY PLAN prints them ("user_id=?")'),
	}).describe('EXPLAIN QUERY PLAN searches `table` through an index (no SCAN) using every `seeks` constraint'),
	z.strictObject({
		...checkBase,
		type: z.literal('question'),
		ask: z.string().min(1).describe('the business question, in words'),
		sql: z.string().min(1).describe("the reference query; it runs on the candidate's tables and on the reference model's, and the answers must agree"),
	}).describe('design exercises: a business question answered on the same data by the candidate\'s model and the reference model gives the same rows'),
	z.strictObject({...checkBase, type: z.literal('keys_declared'), tables}).describe('the surrogate key and the grain are enforced by a PRIMARY KEY or UNIQUE constraint (read from pragma_table_info and pragma_index_list)'),
	z.strictObject({...checkBase, type: z.literal('integer_keys'), tables}).describe('every reference column of the table is declared INTEGER and holds integers: no string keys in a fact'),
]);

/** A text patch applied to the reference solution to make a known-wrong answer. */
export const PatchSchema = z.strictObject({
	find: z.string().min(1).describe('text that occurs exactly once in the solution'),
	replace: z.string(),
});

/** An answer that looks plausible but is wrong, and the check that must catch it. */
export const KnownWrongSchema = z.strictObject({
	id: Id,
	why: z.string().min(1).describe('the mistake, as a reviewer would name it'),
	fails: Id.describe('the check it targets'),
	also_fails: z.array(Id).default([]).describe('other checks it fails by the nature of the mistake'),
	answer: z.string().min(1).optional().describe('the whole answer'),
	patch: z.array(PatchSchema).min(1).optional().describe('or: edits to the reference solution'),
});

/**
One rule the task or the output contract states, tied to the checks that enforce
it and to a known-wrong answer that breaks it (and fails one of those checks), so
every sentence a candidate may read literally is covered and the coverage is visible.
*/
export const RuleSchema = z.strictObject({
	text: z.string().min(1).describe('the rule, quoted from the task text (whitespace aside), or "contract: …" for one the output contract states'),
	checks: z.array(Id).min(1).describe('the checks that enforce it'),
	wrong: Id.describe('a known-wrong answer that breaks this rule; its `fails` is one of `checks`'),
});

/** Resource limits for one run of an answer. */
export const LimitsSchema = z.strictObject({
	timeout_ms: z.number().int().positive('timeout_ms must be > 0').default(3000),
	max_rows: z.number().int().positive('max_rows must be > 0').default(10_000).describe('rows a query may return before it is cut off'),
});

const exerciseFields = z.strictObject({
	id: Id,
	title: z.string().min(1),
	scenario: Id.describe('the scenario this exercise belongs to'),
	summary: z.string().min(1).describe('one line shown in `dojo list`'),
	kind: z
		.enum(['pipeline', 'query', 'index', 'design'])
		.describe('pipeline: build tables, loaded batch by batch; query: one SELECT whose result is graded; index: DDL that makes a query pattern fast; design: the candidate designs the model (DDL and load) under a contract that fixes only what the business questions join on'),
	task: z.string().min(1).describe('the task as shown to the candidate'),
	setup_sql: z.string().min(1).describe('creates the staging tables (owned by the harness)'),
	current_model: z
		.string()
		.min(1)
		.optional()
		.describe('design exercises that improve a model: the DDL of the model in use today, shown to the candidate; the harness creates it after setup_sql and the batches fill it like staging'),
	staging: z.enum(['replace', 'append']).default('replace').describe('replace: each batch replaces the staging rows; append: batches accumulate, like a landing table'),
	output: z.array(TableContractSchema).min(1, 'an exercise needs at least one output table'),
	conventions: ConventionsSchema.default({timestamp_format: 'YYYY-MM-DD HH:MM:SS', interval: 'half_open', current_valid_to: null}),
	batches: z.record(Id, BatchSchema).refine((batches) => Object.keys(batches).length > 0, 'an exercise needs at least one batch'),
	runs: z.record(Id, RunSchema).refine((runs) => Object.keys(runs).length > 0, 'an exercise needs at least one run'),
	checks: z.array(CheckSchema).min(1, 'an exercise needs at least one check'),
	solution: z.string().min(1).describe('the reference solution, written as a candidate would write it'),
	known_wrong: z.array(KnownWrongSchema).min(2, 'an exercise needs at least two known-wrong answers, each proving a check can fail'),
	rules: z.array(RuleSchema).default([]).describe("the task's rules, each with its checks and a known-wrong answer"),
	limits: LimitsSchema.default({timeout_ms: 3000, max_rows: 10_000}),
});

/** The shape of an exercise before its cross-references are checked. */
export type ExerciseFields = z.infer<typeof exerciseFields>;

/** One data-modeling exercise, graded by running SQL on SQLite. */
export const ExerciseSchema = exerciseFields.superRefine((exercise, context) => {
	for (const problem of exerciseProblems(exercise)) context.addIssue({code: 'custom', path: problem.path, message: problem.message});
});

/** A validated exercise, defaults applied. */
export type Exercise = z.infer<typeof ExerciseSchema>;
/** One output table's contract. */
export type TableContract = z.infer<typeof TableContractSchema>;
/** One check of an exercise. */
export type Check = z.infer<typeof CheckSchema>;
/** A kind of failure a hint can be scoped to. */
export type FailureKind = z.infer<typeof FailureKindSchema>;
/** A known-wrong answer and the checks it must fail. */
export type KnownWrong = z.infer<typeof KnownWrongSchema>;
/** One rule of an exercise with its checks and a known-wrong answer. */
export type Rule = z.infer<typeof RuleSchema>;
/** The exercise's time and SCD2 interval conventions. */
export type Conventions = z.infer<typeof ConventionsSchema>;
/** One staging value. */
export type Cell = z.infer<typeof CellSchema>;

type Problem = {path: Array<string | number>; message: string};

const names = (values: Iterable<string>) => [...values].join(', ');

/**
References inside one exercise that the schema cannot express: runs name
batches, checks name tables and runs, known-wrong answers name checks and patch
text that occurs exactly once in the solution.
*/
export function exerciseProblems(exercise: ExerciseFields): Problem[] {
	const problems: Problem[] = [];
	const batchIds = new Set(Object.keys(exercise.batches));
	const runIds = new Set(Object.keys(exercise.runs));
	const tablesByName = new Map(exercise.output.map((table) => [table.name, table]));

	const seenTables = new Set<string>();
	for (const [t, table] of exercise.output.entries()) {
		if (seenTables.has(table.name)) problems.push({path: ['output', t, 'name'], message: `duplicate output table "${table.name}"`});
		seenTables.add(table.name);
		const columns = new Set(Object.keys(table.columns));
		const mustBeColumns: Array<[string, readonly string[]]> = [
			['natural_key', table.natural_key ?? []],
			['surrogate_key', table.surrogate_key ? [table.surrogate_key] : []],
			['grain', table.grain],
			['ignore', table.ignore],
			['order_by', table.order_by ?? []],
			['references', Object.keys(table.references)],
		];
		if (table.scd2) mustBeColumns.push(['scd2', [table.scd2.valid_from, table.scd2.valid_to, ...(table.scd2.is_current ? [table.scd2.is_current] : []), ...table.scd2.tracked]]);
		for (const [field, listed] of mustBeColumns) {
			for (const column of listed) {
				if (!columns.has(column)) problems.push({path: ['output', t, field], message: `"${column}" is not a column of ${table.name}; expected one of ${names(columns)}`});
			}
		}
		if (table.scd2 && !table.natural_key) problems.push({path: ['output', t, 'natural_key'], message: `${table.name} has scd2 columns, so it needs a natural_key`});
		for (const [column, target] of Object.entries(table.references)) {
			const [targetTable = '', targetColumn = ''] = target.split('.');
			const other = tablesByName.get(targetTable);
			if (!other) problems.push({path: ['output', t, 'references', column], message: `no output table "${targetTable}"; expected one of ${names(tablesByName.keys())}`});
			else if (!(targetColumn in other.columns)) problems.push({path: ['output', t, 'references', column], message: `"${targetColumn}" is not a column of ${targetTable}`});
		}
	}
	if (exercise.current_model !== undefined && exercise.kind !== 'design') {
		problems.push({path: ['current_model'], message: `only a design exercise improves a current model; this one is kind ${exercise.kind}`});
	}
	if (exercise.kind === 'query' && exercise.output.length !== 1) {
		problems.push({path: ['output'], message: `a query exercise has exactly one output (the result); got ${exercise.output.length}`});
	}

	for (const [id, batch] of Object.entries(exercise.batches)) {
		for (const [i, included] of batch.include.entries()) {
			if (!batchIds.has(included)) problems.push({path: ['batches', id, 'include', i], message: `no batch "${included}"; expected one of ${names(batchIds)}`});
			else if (included === id) problems.push({path: ['batches', id, 'include', i], message: 'a batch cannot include itself'});
		}
	}
	for (const [id, run] of Object.entries(exercise.runs)) {
		for (const [i, batch] of run.batches.entries()) {
			if (!batchIds.has(batch)) problems.push({path: ['runs', id, 'batches', i], message: `no batch "${batch}"; expected one of ${names(batchIds)}`});
		}
		if (exercise.kind !== 'pipeline' && exercise.kind !== 'design' && run.batches.length !== 1) {
			problems.push({path: ['runs', id, 'batches'], message: `${/^[aeiou]/.test(exercise.kind) ? 'an' : 'a'} ${exercise.kind} exercise plays one batch per run; got ${run.batches.length}`});
		}
	}

	const checkIds = new Set<string>();
	for (const [c, check] of exercise.checks.entries()) {
		if (checkIds.has(check.id)) problems.push({path: ['checks', c, 'id'], message: `duplicate check id "${check.id}"`});
		checkIds.add(check.id);
		for (const [i, run] of (check.runs ?? []).entries()) {
			if (!runIds.has(run)) problems.push({path: ['checks', c, 'runs', i], message: `no run "${run}"; expected one of ${names(runIds)}`});
		}
		const named: string[] = [];
		if ('tables' in check && check.tables) named.push(...check.tables);
		if ('table' in check) named.push(check.table);
		for (const table of named) {
			if (!tablesByName.has(table)) problems.push({path: ['checks', c], message: `check "${check.id}" names table "${table}", which is not an output table; expected one of ${names(tablesByName.keys())}`});
		}
		const contract = 'table' in check ? tablesByName.get(check.table) : undefined;
		if (check.type.startsWith('scd2_') && contract && !contract.scd2) problems.push({path: ['checks', c, 'table'], message: `${check.type} needs ${contract.name} to declare scd2 columns`});
		if (check.type === 'sorted' && contract && !contract.order_by) problems.push({path: ['checks', c, 'table'], message: `sorted needs ${contract.name} to declare order_by`});
		if (check.type === 'sk_stable' || check.type === 'surrogate_key') {
			for (const table of check.tables) {
				if (tablesByName.get(table) && !tablesByName.get(table)?.surrogate_key) problems.push({path: ['checks', c, 'tables'], message: `${check.type} needs ${table} to declare a surrogate_key`});
			}
		}
		if (check.type === 'integer_keys') {
			for (const table of check.tables) {
				const contract = tablesByName.get(table);
				if (contract && !contract.surrogate_key && Object.keys(contract.references).length === 0) problems.push({path: ['checks', c, 'tables'], message: `integer_keys needs ${table} to declare references or a surrogate_key: those are the key columns it reads`});
			}
		}
		if (check.type === 'same_as_run') {
			if (!runIds.has(check.same_as)) problems.push({path: ['checks', c, 'same_as'], message: `no run "${check.same_as}"; expected one of ${names(runIds)}`});
			if (!check.runs) problems.push({path: ['checks', c, 'runs'], message: 'same_as_run needs `runs`: the runs that must end like `same_as`'});
		}
		// A hint names one cause; shown for every failure it would mislead on the others (issue 11: "SELECT DISTINCT" for a missing row).
		if (check.hint !== undefined && check.hint_when === undefined) {
			problems.push({path: ['checks', c, 'hint'], message: `a hint needs hint_when: the kinds of failure it explains (for ${check.type}: ${failureKindsOf(check.type).join(', ')})`});
		}
		if (check.hint_when !== undefined && check.hint === undefined) problems.push({path: ['checks', c, 'hint_when'], message: 'hint_when scopes a hint; this check has none'});
		for (const [i, kind] of (check.hint_when ?? []).entries()) {
			if (!failureKindsOf(check.type).includes(kind)) {
				problems.push({path: ['checks', c, 'hint_when', i], message: `a ${check.type} check never fails with ${kind}; expected one of ${failureKindsOf(check.type).join(', ')}`});
			}
		}
		if (check.type === 'not_null') {
			const table = tablesByName.get(check.table);
			for (const column of check.columns) {
				if (table && !(column in table.columns)) problems.push({path: ['checks', c, 'columns'], message: `"${column}" is not a column of ${check.table}`});
			}
		}
	}

	// A key nobody checks can be 0 on every row: every table that names one gets a surrogate_key check.
	const keyChecked = new Set(exercise.checks.flatMap((check) => (check.type === 'surrogate_key' ? check.tables : [])));
	for (const [t, table] of exercise.output.entries()) {
		if (table.surrogate_key && !keyChecked.has(table.name)) {
			problems.push({path: ['output', t, 'surrogate_key'], message: `${table.name} names the surrogate key ${table.surrogate_key}, so a check of type surrogate_key must list it (unique, never NULL)`});
		}
	}

	const wrongIds = new Set<string>();
	for (const [w, wrong] of exercise.known_wrong.entries()) {
		if (wrongIds.has(wrong.id)) problems.push({path: ['known_wrong', w, 'id'], message: `duplicate known-wrong id "${wrong.id}"`});
		wrongIds.add(wrong.id);
		for (const [field, ids] of [['fails', [wrong.fails]], ['also_fails', wrong.also_fails]] as const) {
			for (const id of ids) {
				if (!checkIds.has(id)) problems.push({path: ['known_wrong', w, field], message: `no check "${id}"; expected one of ${names(checkIds)}`});
			}
		}
		if ((wrong.answer === undefined) === (wrong.patch === undefined)) {
			problems.push({path: ['known_wrong', w], message: 'give exactly one of `answer` (the whole wrong answer) or `patch` (edits to the solution)'});
		}
		for (const [p, patch] of (wrong.patch ?? []).entries()) {
			const count = exercise.solution.split(patch.find).length - 1;
			if (count !== 1) problems.push({path: ['known_wrong', w, 'patch', p, 'find'], message: `must occur exactly once in the solution; it occurs ${count} times`});
		}
	}
	const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
	const task = normalize(exercise.task);
	const wrongById = new Map(exercise.known_wrong.map((wrong) => [wrong.id, wrong]));
	for (const [r, rule] of exercise.rules.entries()) {
		if (!rule.text.startsWith('contract: ') && !task.includes(normalize(rule.text))) {
			problems.push({path: ['rules', r, 'text'], message: 'must quote the task text (whitespace aside), or start with "contract: " for a rule of the output contract'});
		}
		for (const [i, id] of rule.checks.entries()) {
			if (!checkIds.has(id)) problems.push({path: ['rules', r, 'checks', i], message: `no check "${id}"; expected one of ${names(checkIds)}`});
		}
		const wrong = wrongById.get(rule.wrong);
		if (!wrong) problems.push({path: ['rules', r, 'wrong'], message: `no known-wrong answer "${rule.wrong}"; expected one of ${names(wrongById.keys())}`});
		else if (!rule.checks.includes(wrong.fails)) {
			problems.push({path: ['rules', r, 'wrong'], message: `known-wrong "${wrong.id}" targets the check ${wrong.fails}, which is not one of this rule's checks (${rule.checks.join(', ')})`});
		}
	}
	return problems;
}

/** A known-wrong answer's SQL: its own text, or the solution with its patches applied. */
export function knownWrongAnswer(exercise: Pick<Exercise, 'solution'>, wrong: KnownWrong): string {
	if (wrong.answer !== undefined) return wrong.answer;
	let text = exercise.solution;
	for (const patch of wrong.patch ?? []) text = text.replace(patch.find, () => patch.replace);
	return text;
}
