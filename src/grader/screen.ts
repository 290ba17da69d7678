/**
Refuses SQL that could reach outside the sandbox's private in-memory database:
ATTACH and DETACH (open other database files), VACUUM (VACUUM INTO writes a
copy to a file), load_extension, and PRAGMAs outside a read-mostly allow-list.

Two screens, because one is not enough: the keyword screen here reads tokens
(so text inside strings and comments never trips it, and it runs before
`prepare`, which matters because SQLite applies some PRAGMAs while preparing
them), and the opcode screen (`refusedOpcode`) reads the statement's EXPLAIN
program inside the sandbox, which catches what a keyword screen could miss.

PRAGMA table-valued functions (`SELECT … FROM pragma_table_info('t')`) pass
the same allow-list: SQLite offers them only for PRAGMAs said to have no side
effects, yet `pragma_optimize(…)` runs ANALYZE.
*/
import {keyword, tokenize, type Token} from './split.js';

/** PRAGMAs an answer may use: schema introspection and foreign-key switches for its own database. */
const allowedPragmas: ReadonlySet<string> = new Set([
	'table_info',
	'table_xinfo',
	'table_list',
	'index_list',
	'index_info',
	'index_xinfo',
	'foreign_key_list',
	'foreign_key_check',
	'foreign_keys',
	'defer_foreign_keys',
]);

const sandboxNote = 'answers run in a private in-memory database that may not open, copy or load files';

/** A word or quoted name as SQLite reads it: quotes removed, lower case. */
const unquoted = (token: Token): string => token.text.replace(/^["`[]|["`\]]$/g, '').toLowerCase();

/** Why a statement is refused, or undefined when it may run. Reads tokens, never text inside strings or comments. */
export function refusedStatement(sql: string): string | undefined {
	const words = tokenize(sql).filter((token) => token.type !== 'comment');
	let first = 0;
	// EXPLAIN [QUERY PLAN] only describes a statement, but the statement itself is still screened.
	if (keyword(words[first]) === 'EXPLAIN') {
		first++;
		if (keyword(words[first]) === 'QUERY' && keyword(words[first + 1]) === 'PLAN') first += 2;
	}
	const lead = keyword(words[first]);
	if (lead === 'ATTACH' || lead === 'DETACH') return `${lead} is not allowed: ${sandboxNote}`;
	if (lead === 'VACUUM') return `VACUUM is not allowed (VACUUM INTO writes the database to a file): ${sandboxNote}`;
	if (lead === 'PRAGMA') {
		let nameToken = words[first + 1];
		if (words[first + 2]?.text === '.') nameToken = words[first + 3];
		const name = nameToken ? unquoted(nameToken) : '';
		if (!allowedPragmas.has(name)) return `PRAGMA ${name || '(no name)'} is not allowed; allowed: ${[...allowedPragmas].join(', ')}`;
	}
	// A quoted name calls the function too ("load_extension"(…)), and inside a trigger body no EXPLAIN would show the call.
	for (const token of words) {
		if (token.type !== 'word' && token.type !== 'name') continue;
		const name = unquoted(token);
		if (name === 'load_extension') return `load_extension is not allowed: ${sandboxNote}`;
		// A PRAGMA table-valued function runs its PRAGMA: pragma_optimize runs ANALYZE, whatever SQLite's docs promise.
		if (name.startsWith('pragma_') && !allowedPragmas.has(name.slice('pragma_'.length))) {
			return `${name} is not allowed; the pragma functions allowed are ${[...allowedPragmas].map((pragma) => `pragma_${pragma}`).join(', ')}`;
		}
	}
	return undefined;
}

/** One row of `EXPLAIN <statement>` as better-sqlite3 returns it. */
export type Opcode = {readonly opcode: string; readonly p3?: unknown; readonly p4: unknown};

/**
Why a statement's compiled program is refused, or undefined. Catches ATTACH and
DETACH (they compile to calls of sqlite_attach/sqlite_detach), VACUUM (the Vacuum
opcode), load_extension, and PRAGMAs that change limits or the journal.
*/
export function refusedOpcode(program: readonly Opcode[]): string | undefined {
	for (const {opcode, p3, p4} of program) {
		const argument = typeof p4 === 'string' ? p4 : '';
		if (opcode === 'Vacuum') return `VACUUM is not allowed: ${sandboxNote}`;
		// p3 holds the new value; 0 (MaxPgcnt) and -1 (JournalMode) only read it, as DROP TABLE IF EXISTS does.
		if ((opcode === 'MaxPgcnt' && p3 !== 0) || (opcode === 'JournalMode' && p3 !== -1)) return `changing the database's limits or journal is not allowed (${opcode})`;
		if ((opcode === 'Function' || opcode === 'PureFunc') && /^(sqlite_attach|sqlite_detach|load_extension)\b/.test(argument)) {
			return `${argument.replace(/\(.*$/, '')} is not allowed: ${sandboxNote}`;
		}
	}
	return undefined;
}
