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

describe('property queries over composite keys and several columns', () => {
	const dimSeat = TableContractSchema.parse({
		name: 'dim_seat',
		about: 'one row per version of a seat of an organisation',
		columns: {seat_sk: 'sk', org_id: 'org', seat_id: 'seat', plan: 'plan', seats: 'count', valid_from: 'from', valid_to: 'to'},
		natural_key: ['org_id', 'seat_id'],
		surrogate_key: 'seat_sk',
		grain: ['org_id', 'seat_id', 'valid_from'],
		scd2: {valid_from: 'valid_from', valid_to: 'valid_to', tracked: ['plan', 'seats']},
	});
	const closedSecond = ConventionsSchema.parse({interval: 'closed_second', current_valid_to: '9999-12-31 23:59:59'});
	const open = '9999-12-31 23:59:59';
	const db = new Database(':memory:');
	db.exec('CREATE TABLE dim_seat (seat_sk INTEGER PRIMARY KEY, org_id TEXT, seat_id TEXT, plan TEXT, seats INT, valid_from TEXT, valid_to TEXT)');
	const insert = db.prepare('INSERT INTO dim_seat (org_id, seat_id, plan, seats, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)');
	for (const row of [
		// Contiguous: each valid_to one second before the next valid_from; the second version changes only seats.
		['o1', 's1', 'team', 5, '2024-01-01 00:00:00', '2024-01-31 23:59:59'],
		['o1', 's1', 'team', 6, '2024-02-01 00:00:00', open],
		// A version one second long: not empty in a closed interval.
		['o1', 's3', 'solo', 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00'],
		['o1', 's3', 'duo', 2, '2024-01-01 00:00:01', open],
		// A gap of a day, a version that changes nothing, and no current version; the same seat_id as o1's.
		['o2', 's1', 'pro', 3, '2024-01-01 00:00:00', '2024-01-30 23:59:59'],
		['o2', 's1', 'pro', 3, '2024-02-01 00:00:00', '2024-02-29 23:59:59'],
		// Deleted at the source: closed, no current version.
		['o1', 's9', 'team', 1, '2024-01-01 00:00:00', '2024-01-15 23:59:59'],
	]) insert.run(...row);

	it('one current version: per whole natural key, with a deleted key matched on all its columns', () => {
		const deleted = "SELECT 'o1' AS org_id, 's9' AS seat_id";
		expect(db.prepare(scd2OneCurrentSql(dimSeat, closedSecond, deleted)).all()).toEqual([{org_id: 'o2', seat_id: 's1', current_versions: 0, expected: 1}]);
	});

	it('intervals: a closed_second history steps by one second, a one-second version is not empty, and a table without a current flag is fine', () => {
		expect(db.prepare(scd2IntervalsSql(dimSeat, closedSecond)).all()).toEqual([{problem: 'gap before the next version', org_id: 'o2', seat_id: 's1', valid_from: '2024-01-01 00:00:00', valid_to: '2024-01-30 23:59:59'}]);
	});

	it('no-op versions: only when every tracked column is unchanged', () => {
		expect(db.prepare(scd2NoNoopSql(dimSeat, closedSecond)).all()).toEqual([{org_id: 'o2', seat_id: 's1', valid_from: '2024-02-01 00:00:00', plan: 'pro', seats: 3}]);
	});

	it('orphans and undeclared foreign keys: one row per reference of a table with two', () => {
		const dimOrg = TableContractSchema.parse({name: 'dim_org', about: 'organisations', columns: {org_sk: 'sk', org_id: 'org'}, natural_key: ['org_id'], surrogate_key: 'org_sk', grain: ['org_id']});
		const use = TableContractSchema.parse({
			name: 'fact_use',
			about: 'seat use',
			columns: {use_id: 'id', seat_sk: 'seat', org_sk: 'org'},
			grain: ['use_id'],
			references: {seat_sk: 'dim_seat.seat_sk', org_sk: 'dim_org.org_sk'},
		});
		db.exec(`CREATE TABLE dim_org (org_sk INTEGER PRIMARY KEY, org_id TEXT);
			INSERT INTO dim_org VALUES (1, 'o1');
			CREATE TABLE fact_use (use_id TEXT, seat_sk INTEGER, org_sk INTEGER);
			INSERT INTO fact_use VALUES ('u1', 1, 1), ('u2', 99, 1), ('u3', 1, 42);`);
		expect(db.prepare(orphansSql(use)!).all()).toEqual([
			{table_name: 'fact_use', column_name: 'seat_sk', value: 99, should_match: 'dim_seat.seat_sk'},
			{table_name: 'fact_use', column_name: 'org_sk', value: 42, should_match: 'dim_org.org_sk'},
		]);
		expect(db.prepare(foreignKeysSql(use)!).all()).toEqual([
			{table_name: 'fact_use', column_name: 'seat_sk', expected: 'REFERENCES dim_seat'},
			{table_name: 'fact_use', column_name: 'org_sk', expected: 'REFERENCES dim_org'},
		]);
	});
});
