import {describe, expect, it} from 'vitest';
import {parseAnswer} from '../../src/grader/answer.js';
import {refusedOpcode, refusedStatement} from '../../src/grader/screen.js';
import {splitStatements} from '../../src/grader/split.js';
import {UsageError} from '../../src/errors.js';

describe('splitStatements', () => {
	it('splits on semicolons and numbers statements with their first line', () => {
		const statements = splitStatements('SELECT 1;\n\n  SELECT 2;\nSELECT\n 3');
		expect(statements.map((s) => [s.index, s.line, s.sql])).toEqual([
			[1, 1, 'SELECT 1'],
			[2, 3, 'SELECT 2'],
			[3, 4, 'SELECT\n 3'],
		]);
	});

	it('ignores semicolons inside strings, quoted names and comments', () => {
		const text = `INSERT INTO t VALUES ('a;b', 'it''s;');\nSELECT "x;y", [z;w], \`q;r\` FROM t; -- trailing; comment\n/* block; comment */ SELECT 3;`;
		expect(splitStatements(text).map((s) => s.sql)).toEqual([
			"INSERT INTO t VALUES ('a;b', 'it''s;')",
			'SELECT "x;y", [z;w], `q;r` FROM t',
			'SELECT 3',
		]);
	});

	it('keeps a trigger body, with CASE … END inside it, in one statement', () => {
		const text = `CREATE TEMP TRIGGER IF NOT EXISTS t_ai AFTER INSERT ON t BEGIN
  INSERT INTO log VALUES (CASE WHEN new.x > 0 THEN 'pos' ELSE 'neg' END);
  UPDATE t SET y = 1 WHERE rowid = new.rowid;
END;
SELECT 1;`;
		const statements = splitStatements(text);
		expect(statements).toHaveLength(2);
		expect(statements[0]!.sql).toMatch(/^CREATE TEMP TRIGGER[\s\S]*UPDATE t SET y = 1 WHERE rowid = new.rowid;\nEND$/);
		expect(statements[1]).toEqual({sql: 'SELECT 1', line: 5, index: 2});
	});

	it('still splits after a malformed trigger without BEGIN', () => {
		expect(splitStatements('CREATE TRIGGER broken AFTER INSERT ON t; SELECT 2;')).toHaveLength(2);
	});

	it('counts lines inside multi-line strings and comments', () => {
		const statements = splitStatements("SELECT 'a\nb';\n/* one\ntwo */\nSELECT 2;");
		expect(statements[1]!.line).toBe(5);
	});
});

describe('parseAnswer', () => {
	it('splits a pipeline answer into its -- @schema and -- @load sections, numbering statements per section', () => {
		const answer = parseAnswer('-- @schema\nCREATE TABLE a (x);\nCREATE TABLE b (y);\n-- @load\nINSERT INTO a SELECT 1;\n', 'pipeline');
		expect(answer.schema.map((s) => [s.index, s.line])).toEqual([
			[1, 2],
			[2, 3],
		]);
		expect(answer.load).toEqual([{sql: 'INSERT INTO a SELECT 1', line: 5, index: 1}]);
	});

	it('treats a file without markers as the load section, and a marker ends an unterminated statement', () => {
		expect(parseAnswer('SELECT 1', 'query').load).toHaveLength(1);
		const answer = parseAnswer('-- @schema\nCREATE TABLE a (x)\n-- @load\nINSERT INTO a VALUES (1)', 'pipeline');
		expect(answer.schema.map((s) => s.sql)).toEqual(['CREATE TABLE a (x)']);
		expect(answer.load.map((s) => s.sql)).toEqual(['INSERT INTO a VALUES (1)']);
	});

	it('reads files with a byte-order mark and Windows line endings', () => {
		const answer = parseAnswer('\uFEFF-- @schema\r\nCREATE TABLE a (x);\r\n-- @load\r\nINSERT INTO a VALUES (1);\r\n', 'pipeline');
		expect(answer.schema).toEqual([{sql: 'CREATE TABLE a (x)', line: 2, index: 1}]);
		expect(answer.load).toEqual([{sql: 'INSERT INTO a VALUES (1)', line: 4, index: 1}]);
	});

	it('rejects an answer with no statements', () => {
		expect(() => parseAnswer('-- only a comment\n\n', 'pipeline')).toThrow(UsageError);
		expect(() => parseAnswer('', 'query')).toThrow(/no SQL statements/);
	});

	it('names a query answer\'s statements by the query, and an index answer\'s as its DDL', () => {
		expect(() => parseAnswer("SELECT 1;\nSELECT * FROM pragma_optimize(1)", 'query')).toThrow(/refused: the query \(line 2\): pragma_optimize is not allowed/);
		expect(() => parseAnswer("CREATE INDEX i ON t (a);\nPRAGMA journal_mode = OFF", 'index')).toThrow(/refused: statement 2 of the DDL \(line 2\): PRAGMA journal_mode/);
		expect(() => parseAnswer("-- @schema\nPRAGMA journal_mode = OFF;\n-- @load\nSELECT 1", 'pipeline')).toThrow(/refused: statement 1 of the schema section \(line 2\)/);
	});

	it('rejects a query answer that does not end with a query, naming the line', () => {
		expect(() => parseAnswer('SELECT 1;\nCREATE TABLE x (a);', 'query')).toThrow(/must end with the query.*line 2/);
	});

	it('refuses ATTACH, VACUUM INTO, load_extension and PRAGMAs outside the allow-list, naming statement and line', () => {
		const run = () => parseAnswer("SELECT 1;\nATTACH 'x.db' AS y;\nVACUUM INTO 'copy.db';\nSELECT load_extension('evil');\nPRAGMA writable_schema = 1;\nSELECT 2", 'query');
		expect(run).toThrow(UsageError);
		try {
			run();
		} catch (error) {
			const lines = (error as UsageError).lines;
			expect(lines).toHaveLength(4);
			expect(lines[0]).toMatch(/statement 2 before the query \(line 2\): ATTACH is not allowed/);
			expect(lines[1]).toMatch(/line 3\): VACUUM is not allowed/);
			expect(lines[2]).toMatch(/line 4\): load_extension is not allowed/);
			expect(lines[3]).toMatch(/line 5\): PRAGMA writable_schema is not allowed; allowed: table_info/);
		}
	});
});

describe('refusedStatement', () => {
	it('reads tokens, so words inside strings, names and comments are not refused', () => {
		expect(refusedStatement("SELECT 'ATTACH' AS x, \"vacuum\" FROM t -- load_extension")).toBeUndefined();
		expect(refusedStatement("SELECT 'load_extension(1)'")).toBeUndefined();
	});

	it('refuses load_extension called through a quoted name, as in a trigger body no EXPLAIN shows', () => {
		expect(refusedStatement('CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT "load_extension"(\'/tmp/evil.so\'); END')).toMatch(/load_extension is not allowed/);
		expect(refusedStatement('SELECT [LOAD_EXTENSION](1)')).toMatch(/load_extension is not allowed/);
	});

	it('allows introspection PRAGMAs, with or without a schema name', () => {
		expect(refusedStatement("PRAGMA table_info('t')")).toBeUndefined();
		expect(refusedStatement('PRAGMA main.foreign_keys = OFF')).toBeUndefined();
		expect(refusedStatement('PRAGMA temp.max_page_count = 99999999')).toMatch(/PRAGMA max_page_count is not allowed/);
	});

	it('screens the statement an EXPLAIN describes', () => {
		expect(refusedStatement("EXPLAIN QUERY PLAN ATTACH 'x' AS y")).toMatch(/ATTACH/);
		expect(refusedStatement('EXPLAIN QUERY PLAN SELECT 1')).toBeUndefined();
	});
});

describe('refusedOpcode', () => {
	it('refuses programs that attach, vacuum or load an extension, and allows a read of the journal mode', () => {
		expect(refusedOpcode([{opcode: 'Function', p4: 'sqlite_attach(3)'}])).toMatch(/sqlite_attach is not allowed/);
		expect(refusedOpcode([{opcode: 'Vacuum', p4: null}])).toMatch(/VACUUM/);
		expect(refusedOpcode([{opcode: 'PureFunc', p4: 'load_extension(1)'}])).toMatch(/load_extension/);
		expect(refusedOpcode([{opcode: 'JournalMode', p3: 2, p4: null}])).toMatch(/journal/);
		// DROP TABLE IF EXISTS on a missing temp table compiles to a JournalMode read (p3 = -1).
		expect(refusedOpcode([{opcode: 'JournalMode', p3: -1, p4: null}])).toBeUndefined();
	});
});
