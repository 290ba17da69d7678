/**
The check judge (src/grader/checks.ts) in-process, on run results built by hand:
what each kind of check says when it fails, which run it blames, what it shows
and holds back. Fast (no sandbox), so mutation testing can run it per mutant.
*/
import {describe, expect, it} from 'vitest';
import {isHiddenRun, judgeCheck, searchConstraints} from '../../src/grader/checks.js';
import {labels} from '../../src/grader/jobs.js';
import type {RunFailure, Value} from '../../src/grader/protocol.js';
import {allColumns, check, exercise, outputs, run, table, user, userColumns} from './check-fixtures.js';

const scd1 = exercise('scd1-user-profile');
const retention = exercise('retention-cohorts');
const index = exercise('composite-index-recent-plays');
const attribution = exercise('marketing-attribution');

describe('isHiddenRun', () => {
	it('is true when any batch of the run is hidden', () => {
		expect(isHiddenRun(scd1, 'visible')).toBe(false);
		expect(isHiddenRun(scd1, 'late')).toBe(true);
		expect(isHiddenRun(scd1, 'revive')).toBe(true);
	});
});

describe('property checks', () => {
	const grain = check(scd1, 'one-row-per-user');

	it('pass with no violating row, naming how many runs they covered', () => {
		const clean = run({[labels.check(grain.id, 'dim_users')]: table(['user_id', 'copies'], [])});
		const result = judgeCheck(scd1, grain, outputs(Object.fromEntries(Object.keys(scd1.runs).map((id) => [id, clean]))));
		expect(result).toEqual({id: 'one-row-per-user', passed: true, message: `${grain.title} (${Object.keys(scd1.runs).length} runs)`});
	});

	it('quote the first violating row and count them, with the hint for duplicates, in the first failing run', () => {
		const dup = run({[labels.check(grain.id, 'dim_users')]: table(['table_name', 'user_id', 'copies'], [['dim_users', 'u1', 2], ['dim_users', 'u2', 3]])});
		const clean = run({[labels.check(grain.id, 'dim_users')]: table(['user_id', 'copies'], [])});
		const result = judgeCheck(scd1, grain, outputs({visible: clean, rerun: dup, late: dup}));
		expect(result.passed).toBe(false);
		expect(result.message).toBe(
			`${grain.title}: 2 violating rows in dim_users after run "rerun" (sample data: ${scd1.runs['rerun']!.about}); the first: user_id 'u1', copies 2. Hint: ${grain.hint}`,
		);
		expect(result.unexpected_rows).toEqual([
			{table_name: 'dim_users', user_id: 'u1', copies: 2},
			{table_name: 'dim_users', user_id: 'u2', copies: 3},
		]);
	});

	it('say "more than" for a cut-off result and "row" for one', () => {
		const many = run({[labels.check(grain.id, 'dim_users')]: table(['user_id'], [['u1']], true)});
		expect(judgeCheck(scd1, grain, outputs({visible: many})).message).toMatch(/: more than 1 violating row in dim_users after/);
		const one = run({[labels.check(grain.id, 'dim_users')]: table(['user_id'], [['u1']])});
		expect(judgeCheck(scd1, grain, outputs({visible: one})).message).toMatch(/: 1 violating row in dim_users after/);
	});

	it('show at most 10 violating rows', () => {
		const rows = Array.from({length: 12}, (_, i) => [`u${i}`]);
		const result = judgeCheck(scd1, grain, outputs({visible: run({[labels.check(grain.id, 'dim_users')]: table(['user_id'], rows)})}));
		expect(result.unexpected_rows).toHaveLength(10);
		expect(result.message).toMatch(/12 violating rows/);
	});

	it('explain a query that failed on a missing column through the columns check', () => {
		const broken = run({[labels.check(grain.id, 'dim_users')]: {error: 'no such column: user_id'}, [labels.columns]: allColumns('dim_users', userColumns.filter((column) => column !== 'email'))});
		expect(judgeCheck(scd1, grain, outputs({visible: broken})).message).toBe(`${grain.title}: cannot be checked on dim_users after run "visible" (sample data: ${scd1.runs['visible']!.about}): missing dim_users.email (see the columns check)`);
		const fine = run({[labels.check(grain.id, 'dim_users')]: {error: 'database is locked'}, [labels.columns]: allColumns('dim_users', userColumns)});
		expect(judgeCheck(scd1, grain, outputs({visible: fine})).message).toMatch(/cannot be checked on dim_users after run "visible" .*: database is locked$/);
	});

	it('of a sql check read the failure column for the hint, and leave it out of the quoted row', () => {
		const credit = check(attribution, 'credit-sums-to-one');
		const result = (kind: string) =>
			judgeCheck(attribution, credit, outputs({sample: run({[labels.check(credit.id, 'all')]: table(['conversion_id', 'model', 'total_credit', 'failure'], [['c1', 'linear', 0.5, kind]])})}));
		expect(result('wrong_values').message).toMatch(/the first: conversion_id 'c1', model 'linear', total_credit 0.5\. Hint: use 1\.0 \/ n/);
		expect(result('duplicates').message).toMatch(/the first: conversion_id 'c1', model 'linear', total_credit 0.5$/);
	});
});

describe('a run that stopped', () => {
	const grain = check(scd1, 'one-row-per-user');

	it('blocks the check, naming the statement, the batch and the run', () => {
		const failure: RunFailure = {kind: 'sql', message: 'no such table: stg', section: 'load', statement: {sql: 'INSERT INTO x SELECT * FROM stg', line: 7, index: 2}, batch: 'b2'};
		const result = judgeCheck(scd1, grain, outputs({visible: run({}, failure)}));
		expect(result.passed).toBe(false);
		expect(result.blocked_by).toBe('visible');
		expect(result.message).toMatch(/^run "visible" \(sample data: .*\) stopped: statement 2 of the load section \(line 7\) failed after batch "b2" was loaded: no such table: stg$/);
	});

	it('says a timeout, a refusal, a staging change and a stuck read in their own words', () => {
		const say = (failure: RunFailure) => judgeCheck(scd1, grain, outputs({visible: run({}, failure)})).message;
		expect(say({kind: 'timeout', message: 'ran longer than 3000 ms', section: 'load', statement: {sql: 'SELECT 1', line: 3, index: 1}})).toMatch(/stopped: ran longer than 3000 ms, while running statement 1 of the load section \(line 3\)$/);
		expect(say({kind: 'timeout', message: 'ran longer than 3000 ms'})).toMatch(/stopped: ran longer than 3000 ms$/);
		expect(say({kind: 'refused', message: 'ATTACH is not allowed', section: 'schema', statement: {sql: 'ATTACH x', line: 9, index: 3}})).toMatch(/stopped: statement 3 of the schema section \(line 9\) was refused: ATTACH is not allowed$/);
		expect(say({kind: 'refused', message: 'ATTACH is not allowed'})).toMatch(/stopped: a statement was refused: ATTACH is not allowed$/);
		expect(say({kind: 'staging', message: 'the answer changed the staging table stg'})).toMatch(/stopped: the answer changed the staging table stg$/);
		expect(say({kind: 'timeout', message: 'ran longer than 3000 ms', reading: labels.snapshot('dim_users')})).toMatch(/stopped: ran longer than 3000 ms, while the harness read dim_users to compare it after the answer had run/);
		expect(say({kind: 'sql', message: 'boom'})).toMatch(/stopped: a statement failed: boom$/);
	});

	it('says a run that was not played', () => {
		expect(judgeCheck(scd1, grain, outputs({})).message).toMatch(/^run "visible" \(sample data: .*\) was not played$/);
	});

	it('cuts a very long message', () => {
		const failure: RunFailure = {kind: 'sql', message: 'x'.repeat(5000)};
		const message = judgeCheck(scd1, grain, outputs({visible: run({}, failure)})).message;
		expect(message.length).toBeLessThan(2100);
		expect(message).toMatch(/… \(message cut at 2000 characters\)$/);
	});
});

describe('reference checks', () => {
	const late = check(scd1, 'late-change-ignored');
	const visible = check(scd1, 'matches-reference');
	const snapshot = (rows: Value[][]) => run({[labels.snapshot('dim_users')]: table(userColumns, rows), [labels.columns]: allColumns('dim_users', userColumns)});
	const want = snapshot([user(1, 'u1', 'a@x'), user(2, 'u2', 'b@x')]);

	it('pass when the snapshot equals the reference', () => {
		expect(judgeCheck(scd1, late, outputs({late: want}, {late: want})).passed).toBe(true);
	});

	it('on a hidden run hold back the expected rows, show the candidate\'s, and give the hint for wrong values', () => {
		const result = judgeCheck(scd1, late, outputs({late: snapshot([user(1, 'u1', 'a@x'), user(2, 'u2', 'OLD')])}, {late: want}));
		expect(result.passed).toBe(false);
		expect(result.missing_rows).toBeUndefined();
		expect(result.unexpected_rows).toEqual([expect.objectContaining({user_id: 'u2', email: 'OLD'})]);
		expect(result.message).toMatch(/^.*: after run "late" \(hidden data: .*\), dim_users: .*\. Hint: newest by updated_at .* \(the expected rows of hidden runs are held back; --reveal shows them\)$/);
	});

	it('with --reveal, or on a sample run, show the expected rows too', () => {
		const wrong = snapshot([user(1, 'u1', 'a@x'), user(2, 'u2', 'OLD')]);
		expect(judgeCheck(scd1, late, outputs({late: wrong}, {late: want}, true)).missing_rows).toEqual([expect.objectContaining({user_id: 'u2', email: 'b@x'})]);
		const result = judgeCheck(scd1, visible, outputs({visible: wrong}, {visible: want}));
		expect(result.missing_rows).toEqual([expect.objectContaining({user_id: 'u2', email: 'b@x'})]);
		expect(result.message).not.toMatch(/held back/);
	});

	it('give no hint when the failure is not the one it names (a missing row is not a wrong value)', () => {
		const result = judgeCheck(scd1, late, outputs({late: snapshot([user(1, 'u1', 'a@x')])}, {late: want}));
		expect(result.passed).toBe(false);
		expect(result.message).not.toMatch(/Hint/);
	});

	it('explain an unreadable or missing snapshot, and a result far too large', () => {
		const unreadable = run({[labels.snapshot('dim_users')]: {error: 'no such table: dim_users'}, [labels.columns]: allColumns('other', ['x'])});
		expect(judgeCheck(scd1, late, outputs({late: unreadable}, {late: want})).message).toMatch(/after run "late" .*, missing table dim_users$/);
		expect(judgeCheck(scd1, late, outputs({late: run({})}, {late: want})).message).toMatch(/, no snapshot of dim_users$/);
		const huge = run({[labels.snapshot('dim_users')]: table(userColumns, [user(1, 'u1', 'a@x')], true)});
		expect(judgeCheck(scd1, late, outputs({late: huge}, {late: want})).message).toMatch(/dim_users has more than 1 rows, far more than expected$/);
	});

	it('refuse an exercise whose reference solution fails, as bad input', () => {
		expect(() => judgeCheck(scd1, late, outputs({late: want}, {late: run({}, {kind: 'sql', message: 'syntax error'})}))).toThrow(/exercise scd1-user-profile: its reference solution fails in run "late": a statement failed: syntax error; fix the exercise's solution/);
		expect(() => judgeCheck(scd1, late, outputs({late: want}, {}))).toThrow(/fails in run "late": not played/);
	});

	it('say a reference snapshot that cannot be read', () => {
		const result = judgeCheck(scd1, late, outputs({late: want}, {late: run({[labels.columns]: allColumns('dim_users', userColumns)})}));
		expect(result.message).toMatch(/after run "late" .*, no snapshot of dim_users$/);
	});
});

describe('same_as_run', () => {
	const rerun = check(scd1, 'reload-changes-nothing');
	const snapshot = (rows: Value[][]) => run({[labels.snapshot('dim_users')]: table(userColumns, rows), [labels.columns]: allColumns('dim_users', userColumns)});

	it('compares the run with the one it must end like', () => {
		const a = snapshot([user(1, 'u1', 'a@x')]);
		expect(judgeCheck(scd1, rerun, outputs({rerun: a, visible: a})).passed).toBe(true);
		const result = judgeCheck(scd1, rerun, outputs({rerun: snapshot([user(1, 'u1', 'a@x'), user(1, 'u1', 'a@x')]), visible: a}));
		expect(result.message).toMatch(/run "rerun" \(sample data: .*\) should end like run "visible", but dim_users: .*\(missing = present after "visible" only\)/);
	});

	it('blames the other run when it stopped or was not played', () => {
		const a = snapshot([user(1, 'u1', 'a@x')]);
		expect(judgeCheck(scd1, rerun, outputs({rerun: a})).message).toMatch(/^run "visible" .* was not played$/);
		const stopped = judgeCheck(scd1, rerun, outputs({rerun: a, visible: run({}, {kind: 'sql', message: 'boom'})}));
		expect(stopped.blocked_by).toBe('visible');
		expect(stopped.message).toMatch(/^run "visible" .* stopped: a statement failed: boom$/);
	});
});

describe('columns', () => {
	const columns = check(scd1, 'columns');

	it('lists the missing tables and columns', () => {
		const result = judgeCheck(scd1, columns, outputs({visible: run({[labels.columns]: allColumns('dim_users', ['user_sk', 'USER_ID'])})}));
		expect(result.message).toMatch(/^dim_users has the contract's columns: after run "visible" .*, missing dim_users\.email, dim_users\.street/);
		expect(result.missing_rows).toContainEqual({table_name: 'dim_users', column_name: 'email'});
		expect(result.missing_rows).not.toContainEqual({table_name: 'dim_users', column_name: 'user_id'});
		expect(result.missing_rows).toHaveLength(8);
		const none = judgeCheck(scd1, columns, outputs({visible: run({[labels.columns]: allColumns('other', ['x'])})}));
		expect(none.message).toMatch(/missing table dim_users/);
		expect(none.missing_rows).toEqual([{table_name: 'dim_users', column_name: null}]);
		expect(judgeCheck(scd1, columns, outputs({visible: run({[labels.columns]: {error: 'locked'}})})).message).toMatch(/could not list the tables' columns: locked/);
		expect(judgeCheck(scd1, columns, outputs({visible: run({})})).message).toMatch(/could not list the tables' columns: no result/);
	});

	it('of a query exercise want exactly the contract columns', () => {
		const queryColumns = check(retention, 'columns');
		const capture = (names: string[]) => run({[labels.capture]: table(names, [])});
		expect(judgeCheck(retention, queryColumns, outputs({sample: capture(['cohort_month', 'months_since_signup', 'cohort_size', 'active_users', 'retention_rate']), sessions: capture(['cohort_month', 'months_since_signup', 'cohort_size', 'active_users', 'retention_rate']), years: capture(['cohort_month', 'months_since_signup', 'cohort_size', 'active_users', 'retention_rate']), quiet: capture(['cohort_month', 'months_since_signup', 'cohort_size', 'active_users', 'retention_rate'])})).passed).toBe(true);
		expect(judgeCheck(retention, queryColumns, outputs({sample: capture(['cohort_month'])})).message).toMatch(/the result's columns are wrong: missing columns months_since_signup/);
		expect(judgeCheck(retention, queryColumns, outputs({sample: run({})})).message).toMatch(/there is no result to check/);
	});
});

describe('sk_stable', () => {
	const stable = check(scd1, 'keys-stay');
	const keys = (rows: Value[][][]) => run(Object.fromEntries(rows.map((batch, position) => [labels.surrogateKeys('dim_users', position), table(['user_id', 'user_sk'], batch)])));

	it('passes when every row keeps its key, and names the row and batch that changed one', () => {
		expect(judgeCheck(scd1, stable, outputs({visible: keys([[['u1', 1]], [['u1', 1], ['u2', 2]]])}), ).message).not.toMatch(/new user_sk/);
		const all = Object.fromEntries(Object.keys(scd1.runs).map((id) => [id, keys(scd1.runs[id]!.batches.map(() => [['u1', 1]]))]));
		expect(judgeCheck(scd1, stable, outputs(all)).passed).toBe(true);
		const result = judgeCheck(scd1, stable, outputs({...all, visible: keys([[['u1', 1], ['u2', 2]], [['u1', 7], ['u2', 2]]])}));
		expect(result.message).toBe(`${stable.title}: 1 row of dim_users got a new user_sk when batch "b2" was loaded in run "visible" (sample data: ${scd1.runs['visible']!.about}); facts that stored the old key now point nowhere. Hint: ${stable.hint}`);
		expect(result.unexpected_rows).toEqual([{user_id: 'u1', 'user_sk before': 1, 'user_sk after': 7}]);
	});

	it('ignores rows that disappear, and says a key list it could not read', () => {
		const all = Object.fromEntries(Object.keys(scd1.runs).map((id) => [id, keys(scd1.runs[id]!.batches.map((_, i) => (i === 0 ? [['u1', 1], ['u9', 9]] : [['u1', 1]])))]));
		expect(judgeCheck(scd1, stable, outputs(all)).passed).toBe(true);
		const broken = run({[labels.surrogateKeys('dim_users', 0)]: {error: 'no such column: user_sk'}});
		expect(judgeCheck(scd1, stable, outputs({visible: broken})).message).toMatch(/^could not read dim_users's surrogate keys after batch "b1" of run "visible" .*: no such column: user_sk$/);
	});
});

describe('sorted', () => {
	const sorted = check(retention, 'sorted');
	const columns = ['cohort_month', 'months_since_signup', 'cohort_size', 'active_users', 'retention_rate'];
	const capture = (rows: Value[][]) => run({[labels.capture]: table(columns, rows)});

	it('names the first row out of order and the ORDER BY expected', () => {
		const good = capture([['2024-01', 0, 2, 2, 1], ['2024-01', 1, 2, 1, 0.5], ['2024-02', 0, 1, 1, 1]]);
		expect(judgeCheck(retention, sorted, outputs({sample: good, sessions: good, years: good, quiet: good})).passed).toBe(true);
		const result = judgeCheck(retention, sorted, outputs({sample: capture([['2024-01', 1, 2, 1, 0.5], ['2024-01', 0, 2, 2, 1]])}));
		expect(result.message).toMatch(/: row 2 \(cohort_month '2024-01', months_since_signup 0\) comes after a row that should follow it; expected ORDER BY cohort_month, months_since_signup \(run "sample"/);
		expect(result.unexpected_rows).toHaveLength(2);
	});

	it('cannot check the order without the columns, or without a result', () => {
		expect(judgeCheck(retention, sorted, outputs({sample: run({[labels.capture]: table(['cohort_month'], [['a']])})})).message).toMatch(/cannot check the order: the result lacks months_since_signup \(see the columns check\)/);
		expect(judgeCheck(retention, sorted, outputs({sample: run({[labels.capture]: {error: 'x'}})})).message).toMatch(/no result to check in run "sample" .*: x$/);
	});
});

describe('query plans', () => {
	const scan = check(index, 'searches-not-scans');
	const seeks = check(index, 'seeks-user-and-time');
	const plan = (lines: string[], indexes: string[] = ['idx_user_time']) =>
		run({[labels.check(scan.id, 'all')]: table(['id', 'parent', 'notused', 'detail'], lines.map((line, i) => [i, 0, 0, line])), [labels.check(scan.id, 'indexes')]: table(['name'], indexes.map((name) => [name])), [labels.check(seeks.id, 'all')]: table(['id', 'parent', 'notused', 'detail'], lines.map((line, i) => [i, 0, 0, line])), [labels.check(seeks.id, 'indexes')]: table(['name'], indexes.map((name) => [name]))});

	it('pass on an index search using every seek', () => {
		const good = plan(['SEARCH fact_game_play USING INDEX idx_user_time (user_id=? AND played_at>? AND played_at<?)']);
		expect(judgeCheck(index, scan, outputs({plays: good})).passed).toBe(true);
		expect(judgeCheck(index, seeks, outputs({plays: good})).passed).toBe(true);
	});

	it('fail a scan with the scan hint, and a partial search with the seek hint only', () => {
		const scanned = judgeCheck(index, scan, outputs({plays: plan(['SCAN fact_game_play', 'USE TEMP B-TREE FOR ORDER BY'])}));
		expect(scanned.message).toBe(`${scan.title}: the plan reads every row of fact_game_play (SCAN fact_game_play | USE TEMP B-TREE FOR ORDER BY). Hint: ${scan.hint}`);
		expect(scanned.unexpected_rows).toEqual([{detail: 'SCAN fact_game_play'}, {detail: 'USE TEMP B-TREE FOR ORDER BY'}]);
		expect(judgeCheck(index, seeks, outputs({plays: plan(['SCAN fact_game_play'])})).message).not.toMatch(/Hint/);
		const partial = judgeCheck(index, seeks, outputs({plays: plan(['SEARCH fact_game_play USING INDEX idx_user_time (user_id=?)'])}));
		expect(partial.message).toBe(`${seeks.title}: the index search does not use played_at>? and played_at<? (SEARCH fact_game_play USING INDEX idx_user_time (user_id=?)). Hint: ${seeks.hint}`);
	});

	it('read the index name as a name, not as constraints', () => {
		const named = 'idx (user_id=? AND played_at>? AND played_at<?)';
		const fake = judgeCheck(index, seeks, outputs({plays: plan([`SEARCH fact_game_play USING INDEX ${named} (played_at>?)`], [named])}));
		expect(fake.message).toMatch(/does not use user_id=\? and played_at<\?/);
		expect(judgeCheck(index, scan, outputs({plays: plan(['SEARCH fact_game_play USING INDEX other (user_id=?)'], [])})).message).toMatch(/reads every row/);
		expect(judgeCheck(index, scan, outputs({plays: run({[labels.check(scan.id, 'all')]: {error: 'no such table'}})})).message).toMatch(/^EXPLAIN QUERY PLAN failed after run "plays" .*: no such table$/);
	});

	it('searchConstraints parses a search line by its structure', () => {
		expect(searchConstraints('SEARCH t USING INDEX i (a=? AND b>?)', 't', ['i'])).toEqual(['a=?', 'b>?']);
		expect(searchConstraints('search T using covering index i (a=?)', 't', ['i'])).toBeUndefined();
		expect(searchConstraints('SEARCH t USING COVERING INDEX i (a=?)', 't', ['i'])).toEqual(['a=?']);
		expect(searchConstraints('SEARCH t USING INTEGER PRIMARY KEY (rowid=?)', 't', [])).toEqual(['rowid=?']);
		expect(searchConstraints('SEARCH t USING PRIMARY KEY (a=?)', 't', [])).toEqual(['a=?']);
		expect(searchConstraints('SEARCH t USING INDEX i (a=?', 't', ['i'])).toBeUndefined();
		expect(searchConstraints('SCAN t', 't', ['i'])).toBeUndefined();
		expect(searchConstraints('SEARCH u USING INDEX i (a=?)', 't', ['i'])).toBeUndefined();
		expect(searchConstraints('SEARCH t USING INDEX i_long (a=?)', 't', ['i', 'i_long'])).toEqual(['a=?']);
	});
});
