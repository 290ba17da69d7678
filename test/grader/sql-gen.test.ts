import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {TableContractSchema, ConventionsSchema} from '../../src/scenarios/exercise-schema.js';
import {columnsSql, contractTable, foreignKeysSql, grainSql, literal, notNullSql, orphansSql, q, scd2IntervalsSql, scd2NoNoopSql, scd2OneCurrentSql, snapshotSql, surrogateKeySql, surrogateKeysSql} from '../../src/grader/sql-gen.js';

const dimPlan = TableContractSchema.parse({
	name: 'dim_plan',
	about: 'one row per price a plan had',
	columns: {plan_sk: 'sk', plan_id: 'nk', price_cents: 'price', valid_from: 'from', valid_to: 'to', is_current: 'flag'},
	natural_key: ['plan_id'],
	surrogate_key: 'plan_sk',
	grain: ['plan_id', 'valid_from'],
	scd2: {valid_from: 'valid_from', valid_to: 'valid_to', is_current: 'is_current', tracked: ['price_cents']},
});
const halfOpen = ConventionsSchema.parse({});

/** A fresh in-memory dim_plan holding `rows` (plan_id, price, from, to, is_current). */
function planDb(rows: Array<[string, number, string, string | null, number]>) {
	const db = new Database(':memory:');
	db.exec('CREATE TABLE dim_plan (plan_sk INTEGER PRIMARY KEY, plan_id TEXT, price_cents INT, valid_from TEXT, valid_to TEXT, is_current INT)');
	const insert = db.prepare('INSERT INTO dim_plan (plan_id, price_cents, valid_from, valid_to, is_current) VALUES (?, ?, ?, ?, ?)');
	for (const row of rows) insert.run(...row);
	return db;
}

const good: Array<[string, number, string, string | null, number]> = [
	['basic', 900, '2024-01-01', '2024-03-01', 0],
	['basic', 1200, '2024-03-01', null, 1],
	['pro', 2000, '2024-01-01', null, 1],
];

describe('SCD2 property queries', () => {
	it('find nothing wrong in a correct half-open history', () => {
		const db = planDb(good);
		expect(db.prepare(scd2OneCurrentSql(dimPlan, halfOpen)).all()).toEqual([]);
		expect(db.prepare(scd2IntervalsSql(dimPlan, halfOpen)).all()).toEqual([]);
		expect(db.prepare(scd2NoNoopSql(dimPlan, halfOpen)).all()).toEqual([]);
	});

	it('one current version: catches two current versions and none, but allows none for a deleted key', () => {
		const db = planDb([...good, ['team', 5000, '2024-01-01', null, 1], ['team', 5500, '2024-02-01', null, 1], ['gone', 100, '2024-01-01', '2024-02-01', 0]]);
		const rows = db.prepare(scd2OneCurrentSql(dimPlan, halfOpen)).all() as Array<{plan_id: string; current_versions: number}>;
		expect(rows.map((row) => [row.plan_id, row.current_versions]).sort()).toEqual([
			['gone', 0],
			['team', 2],
		]);
		const deleted = scd2OneCurrentSql(dimPlan, halfOpen, "SELECT 'gone' AS plan_id");
		expect((db.prepare(deleted).all() as Array<{plan_id: string}>).map((row) => row.plan_id)).toEqual(['team']);
	});

	it('intervals: catches a gap (a closed-interval habit), an overlap, an empty version and a flag that disagrees', () => {
		const gap = planDb([['basic', 900, '2024-01-01', '2024-02-29', 0], ['basic', 1200, '2024-03-01', null, 1]]);
		expect(gap.prepare(scd2IntervalsSql(dimPlan, halfOpen)).all()).toMatchObject([{problem: 'gap before the next version', plan_id: 'basic'}]);
		const overlap = planDb([['basic', 900, '2024-01-01', '2024-03-05', 0], ['basic', 1200, '2024-03-01', null, 1]]);
		expect(overlap.prepare(scd2IntervalsSql(dimPlan, halfOpen)).all()).toMatchObject([{problem: 'overlaps the next version'}]);
		const empty = planDb([['basic', 900, '2024-01-01', '2024-01-01', 0]]);
		expect(empty.prepare(scd2IntervalsSql(dimPlan, halfOpen)).all()).toMatchObject([{problem: 'empty version: valid_to is not after valid_from'}]);
		const flag = planDb([['basic', 900, '2024-01-01', '2024-03-01', 1], ['basic', 1200, '2024-03-01', null, 1]]);
		expect(flag.prepare(scd2IntervalsSql(dimPlan, halfOpen)).all()).toMatchObject([{problem: 'is_current disagrees with valid_to'}]);
	});

	it('intervals follow the declared convention: a closed-day history is contiguous when valid_to is the day before', () => {
		const closedDay = ConventionsSchema.parse({interval: 'closed_day', current_valid_to: '9999-12-31'});
		const db = planDb([['basic', 900, '2024-01-01', '2024-02-29', 0], ['basic', 1200, '2024-03-01', '9999-12-31', 1]]);
		expect(db.prepare(scd2IntervalsSql(dimPlan, closedDay)).all()).toEqual([]);
		expect(db.prepare(scd2IntervalsSql(dimPlan, halfOpen)).all()).not.toEqual([]);
	});

	it('no-op versions: catches consecutive versions with the same price', () => {
		const db = planDb([['pro', 2000, '2024-01-01', '2024-03-01', 0], ['pro', 2000, '2024-03-01', null, 1]]);
		expect(db.prepare(scd2NoNoopSql(dimPlan, halfOpen)).all()).toEqual([{plan_id: 'pro', valid_from: '2024-03-01', price_cents: 2000}]);
	});
});

const dimUsers = TableContractSchema.parse({
	name: 'dim_users',
	about: 'users',
	columns: {user_sk: 'sk', user_id: 'nk', country: 'c'},
	natural_key: ['user_id'],
	surrogate_key: 'user_sk',
	grain: ['user_id'],
});
const fact = TableContractSchema.parse({
	name: 'fact_play',
	about: 'plays',
	columns: {event_id: 'id', user_sk: 'fk', score: 's'},
	grain: ['event_id'],
	references: {user_sk: 'dim_users.user_sk'},
});

describe('star-schema property queries and snapshots', () => {
	it('grain, orphans and declared foreign keys each catch their fault', () => {
		const db = new Database(':memory:');
		db.exec(`PRAGMA foreign_keys = OFF;
			CREATE TABLE dim_users (user_sk INTEGER PRIMARY KEY, user_id TEXT, country TEXT);
			CREATE TABLE fact_play (event_id TEXT, user_sk INTEGER, score INT);
			INSERT INTO dim_users VALUES (1, 'u1', 'US'), (2, 'u2', 'BR');
			INSERT INTO fact_play VALUES ('e1', 1, 10), ('e1', 1, 10), ('e2', 7, 5);`);
		expect(db.prepare(grainSql(fact)).all()).toEqual([{table_name: 'fact_play', event_id: 'e1', copies: 2}]);
		expect(db.prepare(orphansSql(fact)!).all()).toEqual([{table_name: 'fact_play', column_name: 'user_sk', value: 7, should_match: 'dim_users.user_sk'}]);
		expect(db.prepare(foreignKeysSql(fact)!).all()).toEqual([{table_name: 'fact_play', column_name: 'user_sk', expected: 'REFERENCES dim_users'}]);
		db.exec('DROP TABLE fact_play; CREATE TABLE fact_play (event_id TEXT, user_sk INTEGER REFERENCES dim_users (user_sk), score INT)');
		expect(db.prepare(foreignKeysSql(fact)!).all()).toEqual([]);
	});

	it('not_null lists the rows, by grain, with a NULL in any named column', () => {
		const db = new Database(':memory:');
		db.exec(`CREATE TABLE fact_play (event_id TEXT, user_sk INTEGER, score INT);
			INSERT INTO fact_play VALUES ('e1', 1, 10), ('e2', NULL, 5), ('e3', 2, NULL);`);
		expect(db.prepare(notNullSql(fact, ['user_sk'])).all()).toEqual([{event_id: 'e2', user_sk: null}]);
		expect(db.prepare(notNullSql(fact, ['user_sk', 'score'])).all()).toEqual([
			{event_id: 'e2', user_sk: null, score: 5},
			{event_id: 'e3', user_sk: 2, score: null},
		]);
	});

	it('snapshots resolve surrogate keys to natural keys, so two key schemes give the same rows', () => {
		const integerKeys = new Database(':memory:');
		integerKeys.exec(`CREATE TABLE dim_users (user_sk INTEGER PRIMARY KEY, user_id TEXT, country TEXT);
			CREATE TABLE fact_play (event_id TEXT, user_sk INTEGER, score INT);
			INSERT INTO dim_users VALUES (1, 'u1', 'US'), (2, 'u2', 'BR');
			INSERT INTO fact_play VALUES ('e1', 2, 10);`);
		const textKeys = new Database(':memory:');
		textKeys.exec(`CREATE TABLE dim_users (user_id TEXT, user_sk TEXT, country TEXT);
			CREATE TABLE fact_play (score INT, user_sk TEXT, event_id TEXT);
			INSERT INTO dim_users VALUES ('u2', 'U:u2', 'BR'), ('u1', 'U:u1', 'US');
			INSERT INTO fact_play VALUES (10, 'U:u2', 'e1');`);
		const {sql, columns} = snapshotSql(fact, [dimUsers, fact]);
		expect(columns).toEqual(['event_id', 'user_sk→user_id', 'score']);
		expect(integerKeys.prepare(sql).all()).toEqual([{event_id: 'e1', 'user_sk→user_id': 'u2', score: 10}]);
		expect(textKeys.prepare(sql).all()).toEqual(integerKeys.prepare(sql).all());
		expect(textKeys.prepare(snapshotSql(dimUsers, [dimUsers, fact]).sql).all()).toEqual([
			{user_id: 'u2', country: 'BR'},
			{user_id: 'u1', country: 'US'},
		]);
	});
});

describe('surrogate keys and columns', () => {
	it('surrogateKeySql lists keys shared by several rows and NULL keys, with their counts', () => {
		const db = new Database(':memory:');
		db.exec("CREATE TABLE dim_plan (plan_sk INTEGER, plan_id TEXT, price_cents INT, valid_from TEXT, valid_to TEXT, is_current INT); INSERT INTO dim_plan (plan_sk, plan_id) VALUES (1, 'a'), (2, 'b'), (2, 'c'), (NULL, 'd'), (3, 'e')");
		expect(db.prepare(surrogateKeySql(dimPlan)).raw().all()).toEqual([['dim_plan', null, 1], ['dim_plan', 2, 2]]);
		db.exec('DELETE FROM dim_plan WHERE plan_sk IS NULL OR plan_sk = 2');
		expect(db.prepare(surrogateKeySql(dimPlan)).all()).toEqual([]);
	});

	it('surrogateKeysSql reads grain then key; columnsSql lists each contract table\'s columns', () => {
		const db = planDb(good);
		expect(db.prepare(surrogateKeysSql(dimPlan)).raw().all()).toEqual([['basic', '2024-01-01', 1], ['basic', '2024-03-01', 2], ['pro', '2024-01-01', 3]]);
		const other = TableContractSchema.parse({name: 'dim_user', about: 'x', columns: {user_id: 'id'}, grain: ['user_id']});
		expect(db.prepare(columnsSql([dimPlan, other])).raw().all()).toEqual(['plan_sk', 'plan_id', 'price_cents', 'valid_from', 'valid_to', 'is_current'].map((column) => ['dim_plan', column]));
	});

	it('quotes names and text literals', () => {
		expect(q('a"b')).toBe('"a""b"');
		expect(literal("it's")).toBe("'it''s'");
		expect(() => contractTable([dimPlan], 'nope')).toThrow('no output table nope');
	});
});
