/** parseAnswer on its own: sections, markers and near misses, NUL bytes, BOMs, and how statements are named. */
import {describe, expect, it} from 'vitest';
import {describeStatement, parseAnswer} from '../../src/grader/answer.js';
import {UsageError} from '../../src/errors.js';

const lines = (run: () => unknown): readonly string[] => {
	try {
		run();
	} catch (error) {
		return (error as UsageError).lines;
	}
	return [];
};

describe('parseAnswer', () => {
	it('splits the sections at markers, in any case and spacing, numbering statements per section', () => {
		const answer = parseAnswer('\uFEFF--   @SCHEMA\nCREATE TABLE t (a);\nCREATE TABLE u (b);\n--@Load\nINSERT INTO t VALUES (1);', 'pipeline');
		expect(answer.schema.map((statement) => [statement.index, statement.line, statement.sql])).toEqual([[1, 2, 'CREATE TABLE t (a)'], [2, 3, 'CREATE TABLE u (b)']]);
		expect(answer.load).toEqual([{sql: 'INSERT INTO t VALUES (1)', line: 5, index: 1}]);
		expect(parseAnswer('SELECT 1', 'pipeline')).toEqual({schema: [], load: [{sql: 'SELECT 1', line: 1, index: 1}]});
	});

	it('names near-miss markers, one line each, and ignores other @ comments', () => {
		expect(lines(() => parseAnswer('-- @schem\nSELECT 1;\n--@LAOD\nSELECT 2;\n-- @sch\nSELECT 3', 'pipeline'))).toEqual([
			'line 1: "-- @schem" is not a section marker; did you mean "-- @schema"?',
			'line 3: "-- @laod" is not a section marker; did you mean "-- @load"?',
			'line 5: "-- @sch" is not a section marker; did you mean "-- @schema"?',
		]);
		expect(parseAnswer('-- @author ana\n-- @todo later\n-- note @schem inside\nSELECT 1', 'pipeline').load).toHaveLength(1);
		expect(() => parseAnswer('SELECT "-- @schem"', 'pipeline')).not.toThrow();
	});

	it('reads markers and near misses only where a line comment starts with them', () => {
		const answer = parseAnswer('SELECT 1;\n/* not -- @schema, nor -- @schem */\nSELECT 2;\n-- see -- @schema\nSELECT 3', 'pipeline');
		expect(answer).toEqual({schema: [], load: [{sql: 'SELECT 1', line: 1, index: 1}, {sql: 'SELECT 2', line: 3, index: 2}, {sql: 'SELECT 3', line: 5, index: 3}]});
	});

	it('refuses a NUL byte, naming its line', () => {
		expect(lines(() => parseAnswer('SELECT 1;\nSELECT 2;\n\u0000', 'pipeline'))).toEqual(['the answer holds a NUL byte (line 3); an answer is SQL text, not binary data']);
		expect(lines(() => parseAnswer('SELECT 1;\u0000\nSELECT 2;\n', 'pipeline'))).toEqual(['the answer holds a NUL byte (line 1); an answer is SQL text, not binary data']);
	});

	it('drops a byte-order mark at the start only: one inside a string is part of the value', () => {
		expect(parseAnswer("SELECT '\uFEFF' AS mark", 'query').load[0]!.sql).toBe("SELECT '\uFEFF' AS mark");
	});

	it('refuses an answer without statements', () => {
		expect(lines(() => parseAnswer('-- only a comment\n\n', 'pipeline'))).toEqual(['the answer has no SQL statements (only blank lines or comments); write the SQL the task asks for']);
	});

	it('marks a query answer\'s last statement as the query, and wants it to return rows', () => {
		const answer = parseAnswer('CREATE TEMP VIEW v AS SELECT 1;\nWITH x AS (SELECT 1) SELECT * FROM x', 'query');
		expect(answer.load.map((statement) => statement.role)).toEqual([undefined, 'query']);
		expect(parseAnswer('VALUES (1)', 'query').load[0]!.role).toBe('query');
		expect(parseAnswer('SELECT 1', 'pipeline').load[0]!.role).toBeUndefined();
		expect(lines(() => parseAnswer('SELECT 1;\n/* c */ DELETE FROM t', 'query'))).toEqual(['a query answer must end with the query whose rows are graded (SELECT … or WITH … SELECT …); the last statement (line 2) starts with DELETE']);
		expect(lines(() => parseAnswer('SELECT 1;\n(SELECT 2)', 'query'))).toEqual(['a query answer must end with the query whose rows are graded (SELECT … or WITH … SELECT …); the last statement (line 2) starts with something else']);
		expect(lines(() => parseAnswer('-- @schema\nSELECT 1', 'query'))).toEqual(['a query answer must end with the query whose rows are graded (SELECT … or WITH … SELECT …)']);
	});

	it('names statements by section, by the query, or as DDL', () => {
		expect(describeStatement('schema', {index: 2, line: 9})).toBe('statement 2 of the schema section (line 9)');
		expect(describeStatement('load', {index: 1, line: 3, role: 'query'}, 'query')).toBe('the query (line 3)');
		expect(describeStatement('load', {index: 1, line: 3}, 'query')).toBe('statement 1 before the query (line 3)');
		expect(describeStatement('load', {index: 4, line: 8}, 'index')).toBe('statement 4 of the DDL (line 8)');
	});
});
