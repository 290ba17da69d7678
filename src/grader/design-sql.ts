/**
Introspection checks for design exercises, each a query that returns the
violating rows like the other property checks: keys a table must declare
(PRIMARY KEY or UNIQUE), and references that must be integer surrogate keys.
They read the schema through SQLite's table-valued pragmas (pragma_table_info,
pragma_index_list, pragma_index_info: https://www.sqlite.org/pragma.html#pragfunc),
so a candidate's model is graded by what it declares, not only by its rows.
*/
import type {TableContract} from '../scenarios/exercise-schema.js';
import {literal, q} from './sql-gen.js';

const inList = (columns: readonly string[]) => `(${columns.map(literal).join(', ')})`;

/**
Whether some PRIMARY KEY or full (not partial) UNIQUE index of `table` uses only
`columns`: such a constraint makes `columns` unique. A rowid alias
(INTEGER PRIMARY KEY) shows in pragma_table_info's pk column and in no index,
so both are read.
*/
function enforcedBy(table: string, columns: readonly string[]): string {
	const name = literal(table);
	const among = inList(columns);
	const primaryKey = `(EXISTS (SELECT 1 FROM pragma_table_info(${name}) WHERE pk > 0) AND NOT EXISTS (SELECT 1 FROM pragma_table_info(${name}) WHERE pk > 0 AND lower(name) NOT IN ${among}))`;
	// An expression column of an index has a NULL name: it does not make the listed columns unique.
	const unique = `EXISTS (SELECT 1 FROM pragma_index_list(${name}) AS i WHERE i."unique" = 1 AND i.partial = 0 AND NOT EXISTS (SELECT 1 FROM pragma_index_info(i.name) AS c WHERE c.name IS NULL OR lower(c.name) NOT IN ${among}))`;
	return `(${primaryKey} OR ${unique})`;
}

/**
The keys of a contract table that no constraint enforces: its surrogate key
(which facts reference, so it must be unique by declaration) and its grain.
A row per key lacking its PRIMARY KEY or UNIQUE constraint.
*/
export function keysDeclaredSql(table: TableContract): string {
	const keys: Array<[string, readonly string[]]> = [];
	if (table.surrogate_key) keys.push(['surrogate key', [table.surrogate_key]]);
	keys.push(['grain', table.grain]);
	return keys
		.map(([what, columns]) => `SELECT ${literal(table.name)} AS table_name, ${literal(what)} AS key_name, ${literal(columns.join(', '))} AS key_columns, 'PRIMARY KEY or UNIQUE on these columns' AS expected WHERE NOT ${enforcedBy(table.name, columns)}`)
		.join(' UNION ALL ');
}

/** The columns integer_keys looks at: the table's references and its own surrogate key. */
export function keyColumns(table: TableContract): string[] {
	return [...new Set([...Object.keys(table.references), ...(table.surrogate_key ? [table.surrogate_key] : [])])];
}

/**
Key columns that are not integer surrogate keys: declared without INTEGER
affinity (SQLite gives a column INTEGER affinity when its declared type
contains "INT": https://www.sqlite.org/datatype3.html#determination_of_column_affinity),
or holding a value that is not an integer (a string key such as 'email').
*/
export function integerKeysSql(table: TableContract): string | undefined {
	const columns = keyColumns(table);
	if (columns.length === 0) return undefined;
	const name = literal(table.name);
	return columns
		.flatMap((column) => [
			`SELECT ${name} AS table_name, ${literal(column)} AS column_name, coalesce((SELECT type FROM pragma_table_info(${name}) WHERE lower(name) = ${literal(column)}), '(no such column)') AS found, 'declared INTEGER' AS expected WHERE NOT EXISTS (SELECT 1 FROM pragma_table_info(${name}) WHERE lower(name) = ${literal(column)} AND upper(type) LIKE '%INT%')`,
			`SELECT * FROM (SELECT ${name} AS table_name, ${literal(column)} AS column_name, typeof(t.${q(column)}) || ' ' || quote(t.${q(column)}) AS found, 'integer values' AS expected FROM ${q(table.name)} AS t WHERE typeof(t.${q(column)}) NOT IN ('integer', 'null') LIMIT 3)`,
		])
		.join(' UNION ALL ');
}
