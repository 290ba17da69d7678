/** The tokenizer token by token (types, text, offsets, lines), and trigger bodies when splitting: what the screens and the splitter rely on. */
import {describe, expect, it} from 'vitest';
import {keyword, splitStatements, splitTokens, tokenize} from '../../src/grader/split.js';

describe('tokenize', () => {
	it('reads strings, quoted names, numbers, comments, words and lines exactly', () => {
		const tokens = tokenize("SELECT 'it''s', \"a\"\"b\", [x]]y], `c`, 0x1F, 1.5e3, .5, 7 -- note\n/* multi\nline */ $v é_1;\n'open");
		expect(tokens.map((token) => [token.type, token.text, token.start, token.end, token.line, token.unterminated ?? false])).toEqual([
			['word', 'SELECT', 0, 6, 1, false], ['string', "'it''s'", 7, 14, 1, false], ['other', ',', 14, 15, 1, false],
			['name', '"a""b"', 16, 22, 1, false], ['other', ',', 22, 23, 1, false], ['name', '[x]', 24, 27, 1, false],
			['other', ']', 27, 28, 1, false], ['word', 'y', 28, 29, 1, false], ['other', ']', 29, 30, 1, false], ['other', ',', 30, 31, 1, false],
			['name', '`c`', 32, 35, 1, false], ['other', ',', 35, 36, 1, false], ['number', '0x1F', 37, 41, 1, false], ['other', ',', 41, 42, 1, false],
			['number', '1.5e3', 43, 48, 1, false], ['other', ',', 48, 49, 1, false], ['number', '.5', 50, 52, 1, false], ['other', ',', 52, 53, 1, false],
			['number', '7', 54, 55, 1, false], ['comment', '-- note', 56, 63, 1, false], ['comment', '/* multi\nline */', 64, 80, 2, false],
			['other', '$', 81, 82, 3, false], ['word', 'v', 82, 83, 3, false], ['word', 'é_1', 84, 87, 3, false], ['semicolon', ';', 87, 88, 3, false],
			['string', "'open", 89, 94, 4, true],
		]);
	});

	it('runs an unterminated block comment or quoted name to the end, flagged', () => {
		expect(tokenize('/* never closed\n;').map((token) => [token.type, token.text, token.line, token.unterminated ?? false])).toEqual([['comment', '/* never closed\n;', 1, true]]);
		expect(tokenize('"q\n;').map((token) => [token.type, token.text, token.line, token.unterminated ?? false])).toEqual([['name', '"q\n;', 1, true]]);
		expect(tokenize('x /**/ y').map((token) => token.type)).toEqual(['word', 'comment', 'word']);
	});

	it('tells operators from comments and numbers from words', () => {
		expect(tokenize('a-b/c.d 1e 2e+5x 3.').map((token) => [token.type, token.text])).toEqual([
			['word', 'a'], ['other', '-'], ['word', 'b'], ['other', '/'], ['word', 'c'], ['other', '.'], ['word', 'd'],
			['number', '1'], ['word', 'e'], ['number', '2e+5'], ['word', 'x'], ['number', '3'], ['other', '.'],
		]);
	});

	it('reads a word that goes on with digits, and a sign before a number, as a word and an operator', () => {
		expect(tokenize('t1 _2 -3').map((token) => [token.type, token.text])).toEqual([['word', 't1'], ['word', '_2'], ['other', '-'], ['number', '3']]);
	});

	it('does not take the slash that opens a block comment as part of its end', () => {
		expect(tokenize('/*/ a */ b').map((token) => [token.type, token.text])).toEqual([['comment', '/*/ a */'], ['word', 'b']]);
		expect(splitStatements('/*/ SELECT 1; */ SELECT 2').map((statement) => statement.sql)).toEqual(['SELECT 2']);
	});

	it('upper-cases words only, for keyword()', () => {
		const [word, string] = tokenize("select 'select'");
		expect(keyword(word)).toBe('SELECT');
		expect(keyword(string)).toBe('');
		expect(keyword(undefined)).toBe('');
	});
});

describe('splitting triggers', () => {
	it('keeps a trigger body with nested CASE … END together, and splits after its END', () => {
		const sql = 'CREATE TRIGGER t AFTER INSERT ON x BEGIN\n  UPDATE y SET a = CASE WHEN 1 THEN 2 ELSE 3 END;\n  DELETE FROM z;\nEND;\nSELECT 1;';
		const statements = splitStatements(sql);
		expect(statements.map((statement) => [statement.index, statement.line])).toEqual([[1, 1], [2, 5]]);
		expect(statements[0]!.sql).toMatch(/^CREATE TRIGGER t .*DELETE FROM z;\nEND$/s);
	});

	it('knows CREATE TEMP and CREATE TEMPORARY triggers, but not a table, view or column named trigger', () => {
		expect(splitStatements('CREATE TEMPORARY TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2; END; SELECT 3')).toHaveLength(2);
		expect(splitStatements('CREATE TEMP TRIGGER IF NOT EXISTS t AFTER INSERT ON x BEGIN SELECT 1; END; SELECT 3')).toHaveLength(2);
		expect(splitStatements('CREATE VIEW trigger AS SELECT 1 AS begin; SELECT 2')).toHaveLength(2);
		expect(splitStatements('CREATE TABLE t (trigger, begin); SELECT 2; SELECT 3')).toHaveLength(3);
		expect(splitStatements('SELECT 1 AS trigger; CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END; SELECT 2')).toHaveLength(3);
		expect(splitStatements('SELECT trigger, begin FROM t; SELECT 2')).toHaveLength(2);
		expect(splitStatements('CREATE TEMP TABLE trigger (begin INTEGER); SELECT 2')).toHaveLength(2);
	});

	it('reads a column named end before a trigger body as a name, not the end of the body', () => {
		const statements = splitStatements('CREATE TRIGGER t AFTER INSERT ON x WHEN new.end > 0 BEGIN SELECT 1; SELECT 2; END; SELECT 3');
		expect(statements.map((statement) => statement.sql)).toEqual(['CREATE TRIGGER t AFTER INSERT ON x WHEN new.end > 0 BEGIN SELECT 1; SELECT 2; END', 'SELECT 3']);
	});

	it('splits a transaction after other statements into its statements', () => {
		expect(splitStatements('CREATE TABLE t (x); BEGIN; INSERT INTO t VALUES (1); COMMIT').map((statement) => statement.sql)).toEqual(['CREATE TABLE t (x)', 'BEGIN', 'INSERT INTO t VALUES (1)', 'COMMIT']);
	});

	it('after a trigger, a later statement splits normally again', () => {
		const statements = splitStatements('CREATE TRIGGER a AFTER INSERT ON x BEGIN SELECT 1; END;\nSELECT CASE WHEN 1 THEN 2 END; SELECT 3');
		expect(statements.map((statement) => statement.sql)).toEqual(['CREATE TRIGGER a AFTER INSERT ON x BEGIN SELECT 1; END', 'SELECT CASE WHEN 1 THEN 2 END', 'SELECT 3']);
	});

	it('starts a section at a marker comment and ends the statement before it', () => {
		const text = 'SELECT 1\n-- @two\nSELECT 2;';
		const out = splitTokens(text, tokenize(text), (comment) => (comment.text === '-- @two' ? 'two' : undefined), 'one');
		expect(out).toEqual([{sql: 'SELECT 1', line: 1, section: 'one'}, {sql: 'SELECT 2', line: 3, section: 'two'}]);
		expect(splitTokens(';;', tokenize(';;'))).toEqual([]);
	});
});
