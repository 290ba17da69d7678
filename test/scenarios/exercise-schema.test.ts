/**
The cross-references inside one SQL exercise (src/scenarios/exercise-schema.ts),
as `dojo validate` reports them: each broken reference's path and sentence.
*/
import {describe, expect, it} from 'vitest';
import {formatIssue} from '../../src/scenarios/format-issue.js';
import {pathToString} from '../../src/scenarios/load.js';
import {ExerciseSchema, failureKindsOf, knownWrongAnswer, SqlName} from '../../src/scenarios/exercise-schema.js';

/** A valid pipeline exercise: an SCD2 dimension with a surrogate key, and a fact referencing it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const base = (): Record<string, any> => ({id: 'ex', title: 'T', scenario: 's', summary: 'S', kind: 'pipeline', task: 'Load the users. Keep one row per user.', setup_sql: 'CREATE TABLE staging (id INTEGER);',
	output: [{name: 'dim_user', about: 'a user', columns: {user_sk: 'k', user_id: 'id', valid_from: 'f', valid_to: 't', name: 'n'}, natural_key: ['user_id'], surrogate_key: 'user_sk', grain: ['user_sk'], scd2: {valid_from: 'valid_from', valid_to: 'valid_to', tracked: ['name']}},
		{name: 'fact', about: 'an event', columns: {user_sk: 'k', n: 'x'}, grain: ['user_sk', 'n'], references: {user_sk: 'dim_user.user_sk'}, order_by: ['n']}],
	batches: {b1: {tables: {staging: [[1]]}}, b2: {include: ['b1']}},
	runs: {r1: {batches: ['b1', 'b2'], about: 'a'}, r2: {batches: ['b1'], about: 'b'}},
	checks: [{id: 'ref', type: 'reference', title: 't'}, {id: 'sk', type: 'surrogate_key', tables: ['dim_user'], title: 't'}, {id: 'cur', type: 'scd2_one_current', table: 'dim_user', title: 't'}, {id: 'same', type: 'same_as_run', same_as: 'r2', runs: ['r1'], title: 't'}, {id: 'nn', type: 'not_null', table: 'fact', columns: ['n'], title: 't'}, {id: 'ik', type: 'integer_keys', tables: ['fact'], title: 't'}, {id: 'g', type: 'grain', tables: ['fact'], title: 't', hint: 'x', hint_when: ['duplicates']}, {id: 'st', type: 'sorted', table: 'fact', title: 't'}, {id: 'sks', type: 'sk_stable', tables: ['dim_user'], title: 't'}],
	solution: 'INSERT INTO dim_user SELECT 1;',
	known_wrong: [{id: 'w1', why: 'w', fails: 'ref', patch: [{find: 'SELECT 1', replace: 'SELECT 2'}]}, {id: 'w2', why: 'w', fails: 'sk', also_fails: ['ref'], answer: 'SELECT 3'}],
	rules: [{text: 'Keep one  row\nper user.', checks: ['ref'], wrong: 'w1'}, {text: 'contract: one key', checks: ['sk'], wrong: 'w2'}],
});

/** `path: message` for each problem of the exercise once `edit` is applied to a fresh copy. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function problems(edit: (exercise: Record<string, any>) => void): string[] {
	const exercise = base();
	edit(exercise);
	const result = ExerciseSchema.safeParse(exercise, {reportInput: true});
	return result.success ? [] : result.error.issues.map(formatIssue).map(({path, message}) => `${pathToString(path)}: ${message}`);
}

const columnsOfUser = 'expected one of user_sk, user_id, valid_from, valid_to, name';
const checkIds = 'expected one of ref, sk, cur, same, nn, ik, g, st, sks';

describe('exercise cross-references', () => {
	it('pass on a valid exercise, a design exercise with a current model among them', () => {
		expect(problems(() => {})).toEqual([]);
		expect(
			problems((exercise) => {
				exercise.kind = 'design';
				exercise.current_model = 'CREATE TABLE a (b);';
			}),
		).toEqual([]);
	});

	it('every column a table names is one of its columns, and references name a table and column that are there', () => {
		expect(
			problems((exercise) => {
				exercise.output.push({...exercise.output[1]});
				exercise.output[0].natural_key = ['zz'];
				exercise.output[0].grain = ['g1'];
				exercise.output[1].ignore = ['i1'];
				exercise.output[1].order_by = ['o1'];
				exercise.output[0].scd2 = {valid_from: 'vf', valid_to: 'valid_to', is_current: 'cur', tracked: ['name']};
				exercise.output[1].references = {n: 'ghost.x', user_sk: 'dim_user.nope'};
				exercise.output[0].surrogate_key = 'sk';
			}),
		).toEqual([
			`output[0].natural_key: "zz" is not a column of dim_user; ${columnsOfUser}`,
			`output[0].surrogate_key: "sk" is not a column of dim_user; ${columnsOfUser}`,
			`output[0].grain: "g1" is not a column of dim_user; ${columnsOfUser}`,
			`output[0].scd2: "vf" is not a column of dim_user; ${columnsOfUser}`,
			`output[0].scd2: "cur" is not a column of dim_user; ${columnsOfUser}`,
			'output[1].ignore: "i1" is not a column of fact; expected one of user_sk, n',
			'output[1].order_by: "o1" is not a column of fact; expected one of user_sk, n',
			'output[1].references.n: no output table "ghost"; expected one of dim_user, fact',
			'output[1].references.user_sk: "nope" is not a column of dim_user',
			'output[2].name: duplicate output table "fact"',
		]);
		expect(problems((exercise) => (exercise.output[1].references = {zz: 'dim_user.user_sk'}))).toEqual(['output[1].references: "zz" is not a column of fact; expected one of user_sk, n']);
		expect(problems((exercise) => delete exercise.output[0].natural_key)).toEqual(['output[0].natural_key: dim_user has scd2 columns, so it needs a natural_key']);
	});

	it('the schema\'s own messages for an exercise missing its parts', () => {
		expect(
			problems((exercise) => {
				exercise.output[0].name = 'Dim';
				exercise.output[0].scd2.tracked = [];
				exercise.output[1].columns = {};
				exercise.output[1].references = {user_sk: 'dim_user'};
				exercise.runs.r2.batches = [];
				exercise.limits = {timeout_ms: 0, max_rows: 0};
			}),
		).toEqual(
			expect.arrayContaining([
				'output[0].name: expected a lower-case SQL name of letters, digits and "_", starting with a letter or "_"; got "Dim"',
				'output[0].scd2.tracked: an SCD2 table tracks at least one column; got 0 items',
				'output[1].columns: a table needs at least one column',
				'output[1].references.user_sk: expected "table.column"; got "dim_user"',
				'runs.r2.batches: a run needs at least one batch; got 0 items',
				'limits.timeout_ms: timeout_ms must be > 0; got number 0',
				'limits.max_rows: max_rows must be > 0; got number 0',
			]),
		);
		expect(
			problems((exercise) => {
				exercise.output = [];
				exercise.batches = {};
				exercise.runs = {};
				exercise.checks = [];
			}),
		).toEqual(
			expect.arrayContaining([
				'output: an exercise needs at least one output table; got 0 items',
				'batches: an exercise needs at least one batch',
				'runs: an exercise needs at least one run',
				'checks: an exercise needs at least one check; got 0 items',
			]),
		);
	});

	it('the kind decides what else is allowed: a current model, how many outputs, how many batches a run plays', () => {
		expect(problems((exercise) => (exercise.current_model = 'CREATE TABLE x (a);'))).toEqual(['current_model: only a design exercise improves a current model; this one is kind pipeline']);
		expect(problems((exercise) => (exercise.kind = 'query'))).toEqual(['output: a query exercise has exactly one output (the result); got 2', 'runs.r1.batches: a query exercise plays one batch per run; got 2']);
		expect(problems((exercise) => (exercise.kind = 'index'))).toEqual(['runs.r1.batches: an index exercise plays one batch per run; got 2']);
	});

	it('batches and runs name batches that are there, and no batch includes itself', () => {
		expect(
			problems((exercise) => {
				exercise.batches.b2.include = ['b9', 'b2'];
				exercise.runs.r1.batches = ['b1', 'b7'];
			}),
		).toEqual(['batches.b2.include[0]: no batch "b9"; expected one of b1, b2', 'batches.b2.include[1]: a batch cannot include itself', 'runs.r1.batches[1]: no batch "b7"; expected one of b1, b2']);
	});

	it('checks name runs and tables that are there, and the declarations their type needs', () => {
		expect(
			problems((exercise) =>
				exercise.checks.push(
					{id: 'ref', type: 'columns', title: 't', runs: ['r9']},
					{id: 'x1', type: 'grain', tables: ['nope'], title: 't'},
					{id: 'x2', type: 'scd2_intervals', table: 'fact', title: 't'},
					{id: 'x3', type: 'sorted', table: 'dim_user', title: 't'},
					{id: 'x4', type: 'sk_stable', tables: ['fact'], title: 't'},
					{id: 'x5', type: 'surrogate_key', tables: ['fact'], title: 't'},
					{id: 'x6', type: 'integer_keys', tables: ['dim_user'], title: 't'},
					{id: 'x7', type: 'same_as_run', same_as: 'r8', title: 't'},
					{id: 'x8', type: 'reference', title: 't', hint: 'h'},
					{id: 'x9', type: 'reference', title: 't', hint_when: ['duplicates']},
					{id: 'y1', type: 'sorted', table: 'fact', title: 't', hint: 'h', hint_when: ['duplicates', 'out_of_order']},
					{id: 'y2', type: 'not_null', table: 'fact', columns: ['n', 'q'], title: 't'},
					{id: 'y3', type: 'not_null', table: 'nope', columns: ['n'], title: 't'},
					{id: 'y4', type: 'reference', title: 't', hint: 'h', hint_when: ['out_of_order']},
				),
			),
		).toEqual([
			'checks[9].id: duplicate check id "ref"',
			'checks[9].runs[0]: no run "r9"; expected one of r1, r2',
			'checks[10]: check "x1" names table "nope", which is not an output table; expected one of dim_user, fact',
			'checks[11].table: scd2_intervals needs fact to declare scd2 columns',
			'checks[12].table: sorted needs dim_user to declare order_by',
			'checks[13].tables: sk_stable needs fact to declare a surrogate_key',
			'checks[14].tables: surrogate_key needs fact to declare a surrogate_key',
			'checks[16].same_as: no run "r8"; expected one of r1, r2',
			'checks[16].runs: same_as_run needs `runs`: the runs that must end like `same_as`',
			'checks[17].hint: a hint needs hint_when: the kinds of failure it explains (for reference: missing_rows, extra_rows, wrong_values, duplicates)',
			'checks[18].hint_when: hint_when scopes a hint; this check has none',
			'checks[19].hint_when[0]: a sorted check never fails with duplicates; expected one of out_of_order',
			'checks[20].columns: "q" is not a column of fact',
			'checks[21]: check "y3" names table "nope", which is not an output table; expected one of dim_user, fact',
			'checks[22].hint_when[0]: a reference check never fails with out_of_order; expected one of missing_rows, extra_rows, wrong_values, duplicates',
		]);
		expect(problems((exercise) => (exercise.output[1].references = {}))).toEqual(['checks[5].tables: integer_keys needs fact to declare references or a surrogate_key: those are the key columns it reads']);
	});

	it('a surrogate key no surrogate_key check lists', () => {
		expect(problems((exercise) => (exercise.checks[1].type = 'grain'))).toEqual([
			'output[0].surrogate_key: dim_user names the surrogate key user_sk, so a check of type surrogate_key must list it (unique, never NULL)',
		]);
	});

	it('known-wrong answers: unique ids, checks that are there, one of answer or patch, patch text found once', () => {
		expect(
			problems((exercise) =>
				exercise.known_wrong.push(
					{id: 'w1', why: 'w', fails: 'nope', also_fails: ['nah'], answer: 'x', patch: [{find: 'SELECT', replace: 'y'}]},
					{id: 'w3', why: 'w', fails: 'ref'},
					{id: 'w4', why: 'w', fails: 'ref', patch: [{find: 'zzz', replace: ''}]},
					{id: 'w5', why: 'w', fails: 'ref', patch: [{find: 'dim', replace: ''}, {find: 'I', replace: ''}]},
				),
			),
		).toEqual([
			'known_wrong[2].id: duplicate known-wrong id "w1"',
			`known_wrong[2].fails: no check "nope"; ${checkIds}`,
			`known_wrong[2].also_fails: no check "nah"; ${checkIds}`,
			'known_wrong[2]: give exactly one of `answer` (the whole wrong answer) or `patch` (edits to the solution)',
			'known_wrong[3]: give exactly one of `answer` (the whole wrong answer) or `patch` (edits to the solution)',
			'known_wrong[4].patch[0].find: must occur exactly once in the solution; it occurs 0 times',
			'known_wrong[5].patch[1].find: must occur exactly once in the solution; it occurs 2 times',
			// The later w1 is the one a rule naming w1 finds.
			"rules[0].wrong: known-wrong \"w1\" targets the check nope, which is not one of this rule's checks (ref)",
		]);
	});

	it('rules quote the task (whitespace aside) or the contract, and name checks and a known-wrong answer of one of them', () => {
		expect(
			problems((exercise) =>
				exercise.rules.push(
					{text: 'Keep two rows', checks: ['nope'], wrong: 'w9'},
					{text: 'contract: x', checks: ['ref', 'same'], wrong: 'w2'},
					{text: 'contract:x', checks: ['ref'], wrong: 'w1'},
					{text: 'Keep onerow per user.', checks: ['ref'], wrong: 'w1'},
					{text: '  Keep one row per user.\n', checks: ['ref'], wrong: 'w1'},
				),
			),
		).toEqual([
			'rules[2].text: must quote the task text (whitespace aside), or start with "contract: " for a rule of the output contract',
			`rules[2].checks[0]: no check "nope"; ${checkIds}`,
			'rules[2].wrong: no known-wrong answer "w9"; expected one of w1, w2',
			"rules[3].wrong: known-wrong \"w2\" targets the check sk, which is not one of this rule's checks (ref, same)",
			'rules[4].text: must quote the task text (whitespace aside), or start with "contract: " for a rule of the output contract',
			'rules[5].text: must quote the task text (whitespace aside), or start with "contract: " for a rule of the output contract',
		]);
	});
});

describe('failureKindsOf', () => {
	it('names the failures each check type can show', () => {
		expect(failureKindsOf('reference')).toEqual(['missing_rows', 'extra_rows', 'wrong_values', 'duplicates']);
		expect(failureKindsOf('same_as_run')).toEqual(['missing_rows', 'extra_rows', 'wrong_values', 'duplicates']);
		expect(failureKindsOf('sql')).toEqual(['missing_rows', 'extra_rows', 'wrong_values', 'duplicates', 'violations']);
		expect(failureKindsOf('grain')).toEqual(['duplicates']);
		expect(failureKindsOf('columns')).toEqual(['missing_columns']);
		expect(failureKindsOf('sk_stable')).toEqual(['changed_keys']);
		expect(failureKindsOf('sorted')).toEqual(['out_of_order']);
		expect(failureKindsOf('query_plan')).toEqual(['full_scan', 'unused_seek']);
		expect(failureKindsOf('question')).toEqual(['missing_rows', 'extra_rows', 'missing_columns']);
		expect(failureKindsOf('not_null')).toEqual(['violations']);
	});
});

describe('knownWrongAnswer', () => {
	it('is the answer, or the solution with each patch applied once, its replacement taken literally', () => {
		expect(knownWrongAnswer({solution: 'SELECT 1'}, {id: 'w', why: 'w', fails: 'c', also_fails: [], answer: 'SELECT 2'})).toBe('SELECT 2');
		expect(knownWrongAnswer({solution: 'SELECT a, b FROM t'}, {id: 'w', why: 'w', fails: 'c', also_fails: [], patch: [{find: 'a', replace: '$&$&'}, {find: 'FROM t', replace: 'FROM u'}]})).toBe('SELECT $&$&, b FROM u');
	});
});

it('an SQL name is lower-case letters, digits and "_", from a letter or "_"', () => {
	for (const name of ['a', '_a', 'user_id2']) expect(SqlName.safeParse(name).success, name).toBe(true);
	for (const name of ['A', '1a', 'a-b', 'a b', 'a.b', '']) expect(SqlName.safeParse(name).success, name).toBe(false);
});
