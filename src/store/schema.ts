/**
The progress database's schema as a list of migrations: entry N takes a
database at `PRAGMA user_version = N` to N + 1. A database is only ever
migrated forward, inside one immediate transaction, so two processes opening
a new file at once cannot both apply the same step.
*/
import type {Database} from 'better-sqlite3';

/** The migrations, oldest first; append, never edit one that shipped. */
export const migrations: readonly string[] = [
	`
	CREATE TABLE rounds (
		id          INTEGER PRIMARY KEY AUTOINCREMENT,
		scenario    TEXT    NOT NULL,
		mode        TEXT    NOT NULL CHECK (mode IN ('candidate', 'interviewer')),
		seed        INTEGER NOT NULL,
		timer       INTEGER NOT NULL,
		started_at  INTEGER NOT NULL,
		finished_at INTEGER,
		phase       TEXT    NOT NULL,
		score       TEXT
	);
	CREATE INDEX rounds_scenario ON rounds (scenario, finished_at);
	CREATE TABLE round_events (
		round_id INTEGER NOT NULL REFERENCES rounds (id),
		seq      INTEGER NOT NULL,
		at       INTEGER,
		type     TEXT    NOT NULL,
		event    TEXT    NOT NULL,
		PRIMARY KEY (round_id, seq)
	) WITHOUT ROWID;
	CREATE TABLE attempts (
		id            INTEGER PRIMARY KEY AUTOINCREMENT,
		kind          TEXT    NOT NULL CHECK (kind IN ('sql', 'python')),
		exercise      TEXT    NOT NULL,
		at            INTEGER NOT NULL,
		round_id      INTEGER REFERENCES rounds (id),
		answer        TEXT    NOT NULL,
		passed        INTEGER NOT NULL,
		checks_passed INTEGER NOT NULL,
		checks_total  INTEGER NOT NULL,
		checks        TEXT    NOT NULL
	);
	`,
	// 2: a coding attempt keeps the candidate's think-aloud notes and the time taken with it.
	`
	ALTER TABLE attempts ADD COLUMN notes TEXT;
	ALTER TABLE attempts ADD COLUMN seconds REAL;
	`,
];

/** The schema version this build writes. */
export const schemaVersion = migrations.length;

/** Brings a database up to `schemaVersion`; refuses one written by a newer build. */
export function migrate(db: Database): void {
	const step = db.transaction(() => {
		const version = db.pragma('user_version', {simple: true}) as number;
		if (version > schemaVersion) throw new NewerSchemaError(version);
		for (let next = version; next < schemaVersion; next++) db.exec(migrations[next]!);
		if (version !== schemaVersion) db.pragma(`user_version = ${schemaVersion}`);
	});
	step.immediate();
}

/** The database was written by a newer pipeline-dojo: left alone, not saved to. */
export class NewerSchemaError extends Error {
	constructor(readonly version: number) {
		super(`the progress database has schema version ${version}; this pipeline-dojo knows up to ${schemaVersion} (upgrade it)`);
	}
}
