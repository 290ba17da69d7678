/**
Keeps an answer's hands off the staging tables. The harness loads every batch
into them, so an answer that dropped, altered or shadowed one, put a trigger on
it, or changed its rows would tamper with the batches after it (and with the
checks that read them). The sandbox child records the tables after the setup
and after each load, and asks for a violation after every answer statement.
*/
import type {Database as DatabaseType, Statement as PreparedStatement} from 'better-sqlite3';
import type {StagingRules} from './protocol.js';

/** A value tagged with its storage class, so values of different classes never print alike. */
export function typedValue(value: unknown): string {
	if (value === null) return 'n';
	if (typeof value === 'bigint') return `i${value}`;
	if (typeof value === 'number') return `r${Object.is(value, -0) ? '-0' : String(value)}`;
	if (typeof value === 'string') return `t${value}`;
	if (value instanceof Uint8Array) return `b${Buffer.from(value).toString('hex')}`;
	return `?${String(value)}`;
}

/** Watches the staging tables for what an answer may not do to them (see StagingRules). */
export class StagingGuard {
	readonly #db: DatabaseType;
	readonly #rules: StagingRules;
	/** Staging table names by their lower-case form: SQLite matches names case-insensitively. */
	readonly #staging: ReadonlyMap<string, string>;
	readonly #definitions = new Map<string, unknown>();
	readonly #rows = new Map<string, string>();
	readonly #definition: PreparedStatement;
	readonly #triggers: PreparedStatement;
	readonly #shadows: PreparedStatement;

	constructor(db: DatabaseType, rules: StagingRules) {
		this.#db = db;
		this.#rules = rules;
		this.#staging = new Map(rules.tables.map((table) => [table.toLowerCase(), table]));
		this.#definition = db.prepare("SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ? COLLATE NOCASE").pluck();
		this.#triggers = db.prepare("SELECT name, tbl_name FROM main.sqlite_schema WHERE type = 'trigger' UNION ALL SELECT name, tbl_name FROM temp.sqlite_schema WHERE type = 'trigger'").raw(true);
		this.#shadows = db.prepare("SELECT type, name FROM temp.sqlite_schema WHERE type IN ('table', 'view')").raw(true);
	}

	/** Records the tables' definitions and (empty) rows, once the setup has created them. */
	recordSetup(): void {
		for (const table of this.#rules.tables) this.#definitions.set(table, this.#definition.get(table));
		this.recordRows();
	}

	/** Records the rows that must not change, once the harness has loaded a batch. */
	recordRows(): void {
		for (const table of this.#rules.frozenRows) this.#rows.set(table, this.#readRows(table));
	}

	#readRows(table: string): string {
		// Typed and exact: JSON alone prints Infinity and NULL alike, and doubles cannot hold every 64-bit integer.
		const rows = this.#db.prepare(`SELECT * FROM main."${table}"`).raw(true).safeIntegers(true).all() as unknown[][];
		return JSON.stringify(rows.map((row) => row.map(typedValue)));
	}

	/** What the answer did to a staging table, worded to follow "it", or undefined when it left them alone. */
	violation(): string | undefined {
		for (const table of this.#rules.tables) {
			const now = this.#definition.get(table);
			if (now === undefined) return `dropped or renamed the staging table ${table}`;
			if (now !== this.#definitions.get(table)) return `altered the staging table ${table}`;
		}
		for (const [name, target] of this.#triggers.all() as Array<[string, string]>) {
			if (this.#staging.has(target.toLowerCase())) return `put the trigger ${name} on the staging table ${this.#staging.get(target.toLowerCase())}`;
		}
		for (const [type, name] of this.#shadows.all() as Array<[string, string]>) {
			if (this.#staging.has(name.toLowerCase())) return `created a temp ${type} named ${name}, which hides the staging table of that name`;
		}
		for (const [table, rows] of this.#rows) {
			if (this.#readRows(table) !== rows) return `changed the rows of the staging table ${table} (copy them into a table of your own to change them)`;
		}
		return undefined;
	}
}
