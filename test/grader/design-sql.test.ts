/**
The design introspection queries (src/grader/design-sql.ts) run on small
schemas built here: the rows keys_declared and integer_keys report, which
the check quotes to the candidate.
*/
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {integerKeysSql, keysDeclaredSql} from '../../src/grader/design-sql.js';
import type {TableContract} from '../../src/scenarios/exercise-schema.js';

const contract = (extra: Partial<TableContract>): TableContract => ({name: 'dim', about: 'one row per thing', columns: {sk: 'key', id: 'id', day: 'day'}, grain: ['id'], references: {}, ignore: [], ...extra});

function rows(schema: string, sql: string): unknown[] {
	const db = new Database(':memory:');
	try {
		db.exec(schema);
		return db.prepare(sql).all();
	} finally {
		db.close();
	}
}

describe('keys_declared', () => {
	it('reports an undeclared surrogate key by that name, and a composite grain with all its columns', () => {
		const table = contract({surrogate_key: 'sk', grain: ['id', 'day']});
		expect(rows('CREATE TABLE dim (sk INTEGER, id TEXT, day TEXT)', keysDeclaredSql(table))).toEqual([
			{table_name: 'dim', key_name: 'surrogate key', key_columns: 'sk', expected: 'PRIMARY KEY or UNIQUE on these columns'},
			{table_name: 'dim', key_name: 'grain', key_columns: 'id, day', expected: 'PRIMARY KEY or UNIQUE on these columns'},
		]);
		expect(rows('CREATE TABLE dim (sk INTEGER PRIMARY KEY, id TEXT, day TEXT, UNIQUE (day, id))', keysDeclaredSql(table))).toEqual([]);
	});
});

describe('integer_keys', () => {
	it("reads the table's own surrogate key as well as its references", () => {
		const table = contract({surrogate_key: 'sk'});
		expect(rows("CREATE TABLE dim (sk TEXT PRIMARY KEY, id TEXT UNIQUE, day TEXT); INSERT INTO dim VALUES ('a', 'x', 'd')", integerKeysSql(table)!)).toEqual([
			{table_name: 'dim', column_name: 'sk', found: 'TEXT', expected: 'declared INTEGER'},
			{table_name: 'dim', column_name: 'sk', found: "text 'a'", expected: 'integer values'},
		]);
	});
});
