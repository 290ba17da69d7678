/** The keyword and opcode screens on their own: what an answer may not run, and what it may. */
import {describe, expect, it} from 'vitest';
import {refusedOpcode, refusedStatement} from '../../src/grader/screen.js';

describe('refusedStatement', () => {
	it('refuses ATTACH, DETACH and VACUUM, also behind EXPLAIN [QUERY PLAN]', () => {
		for (const sql of ["ATTACH 'x.db' AS x", 'DETACH x', 'VACUUM', "VACUUM INTO 'x.db'", "EXPLAIN ATTACH 'x' AS y", 'EXPLAIN QUERY PLAN DETACH x', 'detach x']) {
			expect(refusedStatement(sql), sql).toMatch(/is not allowed/);
		}
		expect(refusedStatement('DETACH x')).toMatch(/^DETACH is not allowed: answers run in a private in-memory database/);
		expect(refusedStatement('VACUUM')).toMatch(/^VACUUM is not allowed \(VACUUM INTO writes the database to a file\)/);
	});

	it('reads past comments inside a statement, to the words SQLite reads', () => {
		expect(refusedStatement("EXPLAIN /* only describes it */ ATTACH 'x.db' AS x")).toMatch(/^ATTACH is not allowed/);
		expect(refusedStatement("PRAGMA /* which one */ table_info('t')")).toBeUndefined();
	});

	it('skips QUERY PLAN after EXPLAIN only when both words are there', () => {
		// ATTACH reads a bare name as the file name, so `plan` here is a file.
		expect(refusedStatement('EXPLAIN ATTACH plan AS x')).toMatch(/^ATTACH is not allowed/);
	});

	it('allows PRAGMAs on the allow-list only, quoted or schema-qualified', () => {
		expect(refusedStatement("PRAGMA table_info('t')")).toBeUndefined();
		expect(refusedStatement('PRAGMA main.foreign_key_check')).toBeUndefined();
		expect(refusedStatement('PRAGMA "foreign_keys" = 1')).toBeUndefined();
		expect(refusedStatement('EXPLAIN QUERY PLAN SELECT 1')).toBeUndefined();
		expect(refusedStatement('PRAGMA max_page_count = 99999999')).toMatch(/^PRAGMA max_page_count is not allowed; allowed: table_info, /);
		expect(refusedStatement('PRAGMA main.journal_mode = OFF')).toMatch(/^PRAGMA journal_mode is not allowed/);
		expect(refusedStatement('PRAGMA')).toMatch(/^PRAGMA \(no name\) is not allowed/);
	});

	it('refuses load_extension however it is spelled, but not inside strings or comments', () => {
		expect(refusedStatement("SELECT load_extension('x')")).toMatch(/^load_extension is not allowed/);
		expect(refusedStatement('SELECT "LOAD_EXTENSION"(1)')).toMatch(/load_extension/);
		expect(refusedStatement("SELECT 'load_extension' AS text -- load_extension")).toBeUndefined();
		expect(refusedStatement("SELECT 'ATTACH' /* VACUUM */")).toBeUndefined();
	});

	it('screens pragma_* functions by the allow-list', () => {
		expect(refusedStatement('SELECT * FROM pragma_foreign_key_list(\'t\')')).toBeUndefined();
		expect(refusedStatement('SELECT * FROM [pragma_optimize]')).toMatch(/^pragma_optimize is not allowed; the pragma functions allowed are pragma_table_info, /);
		expect(refusedStatement('SELECT * FROM pragma_max_page_count')).toMatch(/pragma_max_page_count/);
	});
});

describe('refusedOpcode', () => {
	it('refuses the Vacuum opcode, limit changes, and calls of attach, detach and load_extension', () => {
		expect(refusedOpcode([{opcode: 'Vacuum', p4: null}])).toMatch(/^VACUUM is not allowed/);
		expect(refusedOpcode([{opcode: 'MaxPgcnt', p3: 5, p4: null}])).toMatch(/\(MaxPgcnt\)$/);
		expect(refusedOpcode([{opcode: 'MaxPgcnt', p3: 0, p4: null}])).toBeUndefined();
		expect(refusedOpcode([{opcode: 'JournalMode', p3: 2, p4: null}])).toMatch(/\(JournalMode\)$/);
		expect(refusedOpcode([{opcode: 'JournalMode', p3: -1, p4: null}])).toBeUndefined();
		expect(refusedOpcode([{opcode: 'Function', p4: 'sqlite_attach(3)'}])).toMatch(/^sqlite_attach is not allowed/);
		expect(refusedOpcode([{opcode: 'PureFunc', p4: 'load_extension(1)'}])).toMatch(/^load_extension is not allowed/);
		expect(refusedOpcode([{opcode: 'Function', p4: 'upper(1)'}, {opcode: 'Init', p4: 'sqlite_attach'}])).toBeUndefined();
	});
});
