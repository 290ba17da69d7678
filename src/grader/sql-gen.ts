/**
The SQL the harness runs against a finished run, generated from the exercise's
output contract: snapshots with surrogate keys resolved to natural keys, and
the built-in property checks (grain, orphans, foreign keys, SCD2 rules), each a
query that returns the violating rows, as dbt data tests do.
*/
import type {Conventions, TableContract} from '../scenarios/exercise-schema.js';

/** Quotes an identifier for SQLite. */
export const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Quotes a text literal for SQLite. */
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Finds a contract table by name or throws (the schema's cross-checks make this unreachable for valid exercises). */
export function contractTable(tables: readonly TableContract[], name: string): TableContract {
	const table = tables.find((candidate) => candidate.name === name);
	if (!table) throw new Error(`no output table ${name}`);
	return table;
}

/**
A snapshot of a table that does not depend on surrogate-key values: the table's
own surrogate key is left out, and each reference is replaced by the grain of
the row it points to (`user_sk→user_id`). Comparing snapshots therefore accepts
any valid surrogate-key scheme.
*/
export function snapshotSql(table: TableContract, tables: readonly TableContract[]): {sql: string; columns: string[]} {
	const select: string[] = [];
	const columns: string[] = [];
	const joins: string[] = [];
	for (const column of Object.keys(table.columns)) {
		if (column === table.surrogate_key || table.ignore.includes(column)) continue;
		const target = table.references[column];
		if (!target) {
			select.push(`t.${q(column)}`);
			columns.push(column);
			continue;
		}
		const [targetName = '', targetColumn = ''] = target.split('.');
		const other = contractTable(tables, targetName);
		const alias = `r${joins.length + 1}`;
		joins.push(`LEFT JOIN ${q(targetName)} AS ${alias} ON ${alias}.${q(targetColumn)} = t.${q(column)}`);
		for (const part of other.grain) {
			const name = `${column}→${part}`;
			select.push(`${alias}.${q(part)} AS ${q(name)}`);
			columns.push(name);
		}
	}
	return {sql: `SELECT ${select.join(', ')} FROM ${q(table.name)} AS t ${joins.join(' ')}`.trim(), columns};
}

/** Which contract columns exist: one row per (table, column) found, read with pragma_table_info. */
export function columnsSql(tables: readonly TableContract[]): string {
	return tables.map((table) => `SELECT ${literal(table.name)} AS table_name, name AS column_name FROM pragma_table_info(${literal(table.name)})`).join(' UNION ALL ');
}

/** Rows that share the grain, with how many copies. */
export function grainSql(table: TableContract): string {
	const grain = table.grain.map(q).join(', ');
	return `SELECT ${literal(table.name)} AS table_name, ${grain}, COUNT(*) AS copies FROM ${q(table.name)} GROUP BY ${grain} HAVING COUNT(*) > 1`;
}

/** Rows whose references find no row. */
export function orphansSql(table: TableContract): string | undefined {
	const parts = Object.entries(table.references).map(([column, target]) => {
		const [targetName = '', targetColumn = ''] = target.split('.');
		return `SELECT ${literal(table.name)} AS table_name, ${literal(column)} AS column_name, t.${q(column)} AS value, ${literal(target)} AS should_match FROM ${q(table.name)} AS t WHERE t.${q(column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${q(targetName)} AS r WHERE r.${q(targetColumn)} = t.${q(column)})`;
	});
	return parts.length > 0 ? parts.join(' UNION ALL ') : undefined;
}

/** References that are not declared as FOREIGN KEY constraints (pragma_foreign_key_list). */
export function foreignKeysSql(table: TableContract): string | undefined {
	const parts = Object.entries(table.references).map(([column, target]) => {
		const [targetName = ''] = target.split('.');
		return `SELECT ${literal(table.name)} AS table_name, ${literal(column)} AS column_name, ${literal(`REFERENCES ${targetName}`)} AS expected WHERE NOT EXISTS (SELECT 1 FROM pragma_foreign_key_list(${literal(table.name)}) AS k WHERE lower(k."from") = ${literal(column)} AND lower(k."table") = ${literal(targetName)})`;
	});
	return parts.length > 0 ? parts.join(' UNION ALL ') : undefined;
}

/** Surrogate-key values that are NULL or shared by several rows, with how many rows hold them. */
export function surrogateKeySql(table: TableContract): string {
	const key = q(table.surrogate_key!);
	return `SELECT ${literal(table.name)} AS table_name, ${key}, COUNT(*) AS copies FROM ${q(table.name)} GROUP BY ${key} HAVING COUNT(*) > 1 OR ${key} IS NULL`;
}

/** Rows with NULL in any of `columns`. */
export function notNullSql(table: TableContract, columns: readonly string[]): string {
	const shown = [...new Set([...table.grain, ...columns])].map(q).join(', ');
	return `SELECT ${shown} FROM ${q(table.name)} WHERE ${columns.map((column) => `${q(column)} IS NULL`).join(' OR ')}`;
}

/** The grain and surrogate key of every row, to follow keys from batch to batch. */
export function surrogateKeysSql(table: TableContract): string {
	return `SELECT ${table.grain.map(q).join(', ')}, ${q(table.surrogate_key!)} FROM ${q(table.name)}`;
}

function scd2Parts(table: TableContract, conventions: Conventions) {
	const scd2 = table.scd2!;
	const from = q(scd2.valid_from);
	const to = q(scd2.valid_to);
	const isOpen = conventions.current_valid_to === null ? `${to} IS NULL` : `${to} = ${literal(conventions.current_valid_to)}`;
	const key = table.natural_key!.map(q);
	return {scd2, from, to, isOpen, key};
}

/** Natural keys without exactly one current version (or, for keys deleted at the source, with any). */
export function scd2OneCurrentSql(table: TableContract, conventions: Conventions, deletedKeysSql?: string): string {
	const {isOpen, key} = scd2Parts(table, conventions);
	const expected = deletedKeysSql
		? `CASE WHEN EXISTS (SELECT 1 FROM (${deletedKeysSql}) AS d WHERE ${table.natural_key!.map((column) => `d.${q(column)} IS t.${q(column)}`).join(' AND ')}) THEN 0 ELSE 1 END`
		: '1';
	return `SELECT ${key.map((column) => `t.${column}`).join(', ')}, SUM(CASE WHEN ${isOpen} THEN 1 ELSE 0 END) AS current_versions, ${expected} AS expected FROM ${q(table.name)} AS t GROUP BY ${key.map((column) => `t.${column}`).join(', ')} HAVING current_versions <> expected`;
}

/** Versions that are empty, whose current flag disagrees with the interval, or that leave a gap or overlap before the next version. */
export function scd2IntervalsSql(table: TableContract, conventions: Conventions): string {
	const {scd2, from, to, isOpen, key} = scd2Parts(table, conventions);
	const shown = `${key.join(', ')}, ${from}, ${to}`;
	// The valid_to a version must have when `next_from` starts the next one.
	const expectedTo =
		conventions.interval === 'half_open' ? 'next_from' : conventions.interval === 'closed_day' ? "date(next_from, '-1 day')" : "datetime(next_from, '-1 second')";
	const empty = conventions.interval === 'half_open' ? `${to} <= ${from}` : `${to} < ${from}`;
	const parts = [
		`SELECT 'empty version: valid_to is not after valid_from' AS problem, ${shown} FROM ${q(table.name)} WHERE NOT (${isOpen}) AND ${empty}`,
		`SELECT CASE WHEN ${isOpen} THEN 'a current (open) version is followed by a later one' WHEN ${to} < ${expectedTo} THEN 'gap before the next version' ELSE 'overlaps the next version' END AS problem, ${shown} FROM (SELECT *, LEAD(${from}) OVER (PARTITION BY ${key.join(', ')} ORDER BY ${from}) AS next_from FROM ${q(table.name)}) WHERE next_from IS NOT NULL AND (${isOpen} OR ${to} IS NOT ${expectedTo})`,
	];
	if (scd2.is_current) {
		parts.push(`SELECT ${literal(`${scd2.is_current} disagrees with ${scd2.valid_to}`)} AS problem, ${shown} FROM ${q(table.name)} WHERE (${q(scd2.is_current)} = 1) IS NOT (${isOpen})`);
	}
	return parts.join(' UNION ALL ');
}

/** Consecutive versions of a key whose tracked columns are all unchanged. */
export function scd2NoNoopSql(table: TableContract, conventions: Conventions): string {
	const {scd2, from, key} = scd2Parts(table, conventions);
	const lags = scd2.tracked.map((column, i) => `LAG(${q(column)}) OVER w AS prev_${i}`).join(', ');
	const same = scd2.tracked.map((column, i) => `prev_${i} IS ${q(column)}`).join(' AND ');
	return `SELECT ${key.join(', ')}, ${from}, ${scd2.tracked.map(q).join(', ')} FROM (SELECT *, ${lags}, LAG(${from}) OVER w AS prev_from FROM ${q(table.name)} WINDOW w AS (PARTITION BY ${key.join(', ')} ORDER BY ${from})) WHERE prev_from IS NOT NULL AND ${same}`;
}
