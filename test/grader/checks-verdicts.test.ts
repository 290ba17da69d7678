/**
More of the check judge (src/grader/checks.ts) on hand-built run results: a
failed verdict always says passed false; the JSON lists only the row kinds a
failure has; hints shown when any of their kinds matches; the words for a
memory kill and a crash; the checks that read several tables, a plan that both
searches and scans, and a business question whose reference cannot answer.
*/
import {describe, expect, it} from 'vitest';
import {judgeCheck} from '../../src/grader/checks.js';
import {labels} from '../../src/grader/jobs.js';
import type {RunFailure, Value} from '../../src/grader/protocol.js';
import type {Check, Exercise} from '../../src/scenarios/exercise-schema.js';
import {allColumns, check, exercise, outputs, run, table, user, userColumns} from './check-fixtures.js';

const scd1 = exercise('scd1-user-profile');
const retention = exercise('retention-cohorts');
const index = exercise('composite-index-recent-plays');
const attribution = exercise('marketing-attribution');
const design = exercise('design-attribution-model');
const snapshot = (rows: Value[][]) => run({[labels.snapshot('dim_users')]: table(userColumns, rows), [labels.columns]: allColumns('dim_users', userColumns)});

describe('a run that stopped', () => {
	const grain = check(scd1, 'one-row-per-user');
	const say = (failure: RunFailure) => judgeCheck(scd1, grain, outputs({visible: run({}, failure)})).message;

	it('says a memory kill where it struck, and a crash in its own words', () => {
		expect(say({kind: 'memory', message: 'stopped at 600 MB of memory, over the 512 MB cap', section: 'load', statement: {sql: 'SELECT 1', line: 4, index: 2}, batch: 'b1'})).toMatch(
			/stopped: stopped at 600 MB of memory, over the 512 MB cap, while running statement 2 of the load section \(line 4\) after batch "b1" was loaded$/,
		);
		expect(say({kind: 'crashed', message: 'the sandbox process died (SIGSEGV)'})).toMatch(/stopped: the sandbox process died \(SIGSEGV\)$/);
	});

	it('keeps a message of exactly 2000 characters whole', () => {
		const message = say({kind: 'staging', message: 'x'.repeat(2000 - `run "visible" (sample data: ${scd1.runs['visible']!.about}) stopped: `.length)});
		expect(message).toHaveLength(2000);
		expect(message).not.toMatch(/message cut/);
	});
});

describe('verdicts', () => {
	const late = check(scd1, 'late-change-ignored');
	const visible = check(scd1, 'matches-reference');
	const want = snapshot([user(1, 'u1', 'a@x'), user(2, 'u2', 'b@x')]);

	it('of a check that could not judge say passed false, not only a message', () => {
		const huge = run({[labels.snapshot('dim_users')]: table(userColumns, [user(1, 'u1', 'a@x')], true)});
		expect(judgeCheck(scd1, late, outputs({late: huge}, {late: want}))).toMatchObject({passed: false});
		expect(judgeCheck(scd1, check(scd1, 'keys-stay'), outputs({visible: run({[labels.surrogateKeys('dim_users', 0)]: {error: 'x'}})}))).toMatchObject({passed: false});
		const sorted = check(retention, 'sorted');
		expect(judgeCheck(retention, sorted, outputs({sample: run({[labels.capture]: {error: 'x'}})}))).toMatchObject({passed: false});
		expect(judgeCheck(retention, sorted, outputs({sample: run({[labels.capture]: table(['x'], [])})}))).toMatchObject({passed: false, message: expect.stringMatching(/the result lacks cohort_month, months_since_signup \(see the columns check\)$/)});
		expect(judgeCheck(scd1, late, outputs({}, {late: want}))).toMatchObject({passed: false});
		const rerun = check(scd1, 'reload-changes-nothing');
		expect(judgeCheck(scd1, rerun, outputs({rerun: want}))).toMatchObject({passed: false});
		expect(judgeCheck(scd1, rerun, outputs({rerun: want, visible: run({}, {kind: 'sql', message: 'boom'})}))).toMatchObject({passed: false});
	});

	it('list only the kinds of rows a failure has: an extra row alone gives no missing_rows, a missing one no unexpected_rows', () => {
		const extra = judgeCheck(scd1, visible, outputs({visible: snapshot([user(1, 'u1', 'a@x'), user(2, 'u2', 'b@x'), user(3, 'u3', 'c@x')])}, {visible: want}));
		expect(Object.keys(extra).sort()).toEqual(['id', 'message', 'passed', 'unexpected_rows']);
		const missing = judgeCheck(scd1, visible, outputs({visible: snapshot([user(1, 'u1', 'a@x')])}, {visible: want}));
		expect(Object.keys(missing).sort()).toEqual(['id', 'message', 'missing_rows', 'passed']);
	});

	it('name the single run a passing check covered', () => {
		expect(judgeCheck(scd1, visible, outputs({visible: want}, {visible: want})).message).toBe(`${visible.title} (run "visible")`);
	});

	it('of a query exercise fail a result with a column the contract lacks, even with the right rows', () => {
		const reference = check(attribution, 'matches-reference');
		const columns = ['conversion_id', 'model', 'channel', 'credit', 'revenue_cents'];
		const rows: Value[][] = [['c1', 'linear', 'direct', 1, 100]];
		const wanted = run({[labels.capture]: table(columns, rows)});
		const extra = run({[labels.capture]: table([...columns, 'note'], rows.map((row) => [...row, 'x']))});
		expect(judgeCheck(attribution, reference, outputs({sample: extra}, {sample: wanted})).passed).toBe(false);
	});
});

describe('hints', () => {
	const visible = check(scd1, 'matches-reference');
	const want = snapshot([user(1, 'u1', 'a@x'), user(2, 'u2', 'b@x')]);

	it('show when any of the kinds they name matches the failure', () => {
		const hinted = {...visible, hint: 'look at the late rows', hint_when: ['duplicates', 'missing_rows']} as Check;
		expect(judgeCheck(scd1, hinted, outputs({visible: snapshot([user(1, 'u1', 'a@x')])}, {visible: want})).message).toMatch(/\. Hint: look at the late rows$/);
	});

	it('of a columns check show for missing columns, and the columns listed stop at 10', () => {
		const columns = {...check(scd1, 'columns'), hint: 'name the columns as the contract does', hint_when: ['missing_columns']} as Check;
		const result = judgeCheck(scd1, columns, outputs({visible: run({[labels.columns]: allColumns('dim_users', [])})}));
		expect(result.message).toMatch(/\. Hint: name the columns as the contract does$/);
		const wide: Exercise = {...scd1, output: [{...scd1.output[0]!, columns: Object.fromEntries(Array.from({length: 12}, (_, i) => [`c${i}`, 'x']))}]};
		expect(judgeCheck(wide, columns, outputs({visible: run({[labels.columns]: allColumns('dim_users', ['other'])})})).missing_rows).toHaveLength(10);
	});

	it('of a sorted check show for rows out of order', () => {
		const sorted = {...check(retention, 'sorted'), hint: 'ORDER BY the contract columns', hint_when: ['out_of_order']} as Check;
		const columns = ['cohort_month', 'months_since_signup', 'cohort_size', 'active_users', 'retention_rate'];
		const result = judgeCheck(retention, sorted, outputs({sample: run({[labels.capture]: table(columns, [['2024-02', 0, 1, 1, 1], ['2024-01', 0, 1, 1, 1]])})}));
		expect(result.message).toMatch(/\. Hint: ORDER BY the contract columns$/);
	});
});

describe('checks over several tables', () => {
	const star = exercise('star-schema-game-events');
	const snapshots = (tables: Record<string, Value[][]>) =>
		run(Object.fromEntries(Object.entries(tables).map(([name, rows]) => [labels.snapshot(name), table(['id'], rows)])));

	it('a reference check limited to some tables compares only those', () => {
		const games = {id: 'games-only', title: 'dim_games matches', type: 'reference', tables: ['dim_games'], hint_when: []} as unknown as Check;
		const sample = star.runs['sample'] ? 'sample' : Object.keys(star.runs)[0]!;
		const result = judgeCheck({...star, checks: [games]}, {...games, runs: [sample]} as Check, outputs({[sample]: snapshots({dim_games: [[1]]})}, {[sample]: snapshots({dim_games: [[1]], dim_users: [[1]]})}));
		expect(result.passed).toBe(true);
	});

	it('same_as_run compares every table, not only the first', () => {
		const same = {id: 'same', title: 'reloading changes nothing', type: 'same_as_run', same_as: 'sample', runs: ['messy'], hint_when: []} as unknown as Check;
		const names = star.output.map((contract) => contract.name);
		const base = Object.fromEntries(names.map((name) => [name, [[1]]]));
		const result = judgeCheck(star, same, outputs({sample: snapshots(base), messy: snapshots({...base, [names[names.length - 1]!]: [[2]]})}));
		expect(result.passed).toBe(false);
	});
});

describe('sk_stable', () => {
	it('shows at most 10 of the rows whose key changed', () => {
		const stable = check(scd1, 'keys-stay');
		const ids = Array.from({length: 12}, (_, i) => `u${i}`);
		const keys = run({[labels.surrogateKeys('dim_users', 0)]: table(['user_id', 'user_sk'], ids.map((id, i) => [id, i])), [labels.surrogateKeys('dim_users', 1)]: table(['user_id', 'user_sk'], ids.map((id, i) => [id, i + 100]))});
		const result = judgeCheck(scd1, stable, outputs({visible: keys}));
		expect(result.message).toMatch(/12 rows of dim_users got a new user_sk/);
		expect(result.unexpected_rows).toHaveLength(10);
	});
});

describe('query plans', () => {
	const scan = check(index, 'searches-not-scans');
	const seeks = check(index, 'seeks-user-and-time');

	it('read the longest index name that fits, so a short name cannot swallow a longer one that spells the seeks', () => {
		const long = 'x (user_id=? AND played_at>? AND played_at<? AND w';
		const line = `SEARCH fact_game_play USING INDEX ${long} (user_id=?)`;
		const plan = run({[labels.check(seeks.id, 'all')]: table(['id', 'parent', 'notused', 'detail'], [[0, 0, 0, line]]), [labels.check(seeks.id, 'indexes')]: table(['name'], [['x'], [long]])});
		expect(judgeCheck(index, seeks, outputs({plays: plan})).message).toMatch(/does not use played_at>\? and played_at<\?/);
	});

	it('fail a plan that scans the table beside a search of it', () => {
		const lines = ['SEARCH fact_game_play USING INDEX idx_user_time (user_id=? AND played_at>? AND played_at<?)', 'SCAN fact_game_play'];
		const plan = run({[labels.check(scan.id, 'all')]: table(['id', 'parent', 'notused', 'detail'], lines.map((line, i) => [i, 0, 0, line])), [labels.check(scan.id, 'indexes')]: table(['name'], [['idx_user_time']])});
		expect(judgeCheck(index, scan, outputs({plays: plan})).message).toMatch(/the plan reads every row of fact_game_play/);
	});
});

describe('property checks', () => {
	it('of a whole-result sql check name no table when their query fails', () => {
		const sql = {id: 'own', title: 'own rule', type: 'sql', sql: 'SELECT 1', hint_when: []} as unknown as Check;
		const result = judgeCheck(scd1, {...sql, runs: ['visible']} as Check, outputs({visible: run({[labels.check('own', 'all')]: {error: 'boom'}, [labels.columns]: allColumns('dim_users', userColumns)})}));
		expect(result.message).toBe(`own rule: cannot be checked after run "visible" (sample data: ${scd1.runs['visible']!.about}): boom`);
	});

	it('say a snapshot that could not be read for another reason than a missing column', () => {
		const late = check(scd1, 'late-change-ignored');
		const want = snapshot([user(1, 'u1', 'a@x')]);
		const locked = run({[labels.snapshot('dim_users')]: {error: 'database is locked'}, [labels.columns]: allColumns('dim_users', userColumns)});
		expect(judgeCheck(scd1, late, outputs({late: locked}, {late: want})).message).toMatch(/, could not read dim_users: database is locked$/);
		expect(judgeCheck(scd1, late, outputs({late: want}, {late: locked})).message).toMatch(/, could not read dim_users: database is locked$/);
	});
});

describe('business questions', () => {
	const question = check(design, 'last-click-by-channel');
	const runId = Object.keys(design.runs)[0]!;
	const answer = (rows: Value[][]) => run({[labels.question(question.id)]: table(['channel', 'n'], rows), [labels.columns]: allColumns('x', [])});

	it('refuse an exercise whose reference model was not played or stopped, as bad input', () => {
		expect(() => judgeCheck(design, question, outputs({[runId]: answer([])}, {}))).toThrow(new RegExp(`the business question ${question.id} cannot be answered on the reference model in run "${runId}": not played; fix the exercise`));
		expect(() => judgeCheck(design, question, outputs({[runId]: answer([])}, {[runId]: run({}, {kind: 'sql', message: 'boom'})}))).toThrow(/cannot be answered on the reference model in run ".*": a statement failed: boom; fix the exercise/);
		expect(() => judgeCheck(design, question, outputs({[runId]: answer([])}, {[runId]: run({})}))).toThrow(/cannot be answered on the reference model in run ".*": not played; fix the exercise/);
	});

	it('hold back the expected rows of a hidden run only when some are missing, and list only the kinds of rows found', () => {
		const hiddenRun = Object.keys(design.runs).find((id) => design.runs[id]!.batches.some((batch) => design.batches[batch]?.hidden))!;
		const sampleRun = Object.keys(design.runs).find((id) => id !== hiddenRun)!;
		const reference = answer([['email', 2]]);
		const only = {...question, runs: [hiddenRun]} as Check;
		const extra = judgeCheck(design, only, outputs({[hiddenRun]: answer([['email', 2], ['ads', 1]])}, {[hiddenRun]: reference}));
		expect(extra.message).not.toMatch(/held back/);
		expect(Object.keys(extra).sort()).toEqual(['id', 'message', 'passed', 'unexpected_rows']);
		const missing = judgeCheck(design, {...question, runs: [sampleRun]} as Check, outputs({[sampleRun]: answer([])}, {[sampleRun]: reference}));
		expect(missing.message).not.toMatch(/held back/);
		expect(Object.keys(missing).sort()).toEqual(['id', 'message', 'missing_rows', 'passed']);
	});

	it("give a question's hint for missing columns when its query fails on the model", () => {
		const hinted = {...question, hint: 'keep the channel name', hint_when: ['missing_columns'], runs: [runId]} as Check;
		const result = judgeCheck(design, hinted, outputs({[runId]: run({[labels.question(question.id)]: {error: 'no such column: channel'}, [labels.columns]: allColumns('x', [])})}, {[runId]: answer([['email', 1]])}));
		expect(result.message).toMatch(/\. Hint: keep the channel name$/);
	});
});
