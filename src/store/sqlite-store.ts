/**
The progress store on an open better-sqlite3 database: prepared statements,
one short transaction per write. A write that fails because the disk is full
or the file turned read-only says so once and turns saving off; the round goes
on in memory.
*/
import type {Database, Statement} from 'better-sqlite3';
import type {NewAttempt, NewRound, ProgressStore, StoredAttempt, StoredRound, StoredScore} from './types.js';

type RoundRow = {id: number; scenario: string; mode: string; seed: number; timer: number; started_at: number; finished_at: number | null; phase: string; score: string | null; questions: number};
type AttemptRow = {id: number; kind: string; exercise: string; at: number; round_id: number | null; answer: string; passed: number; checks_passed: number; checks_total: number; checks: string; notes: string | null; seconds: number | null};

const roundColumns = `r.id, r.scenario, r.mode, r.seed, r.timer, r.started_at, r.finished_at, r.phase, r.score,
	(SELECT count(*) FROM round_events e WHERE e.round_id = r.id AND e.type = 'clarify.ask') AS questions`;

function toRound(row: RoundRow): StoredRound {
	return {
		id: row.id,
		scenario: row.scenario,
		mode: row.mode as StoredRound['mode'],
		seed: row.seed,
		timer: row.timer === 1,
		startedAt: row.started_at,
		finishedAt: row.finished_at,
		phase: row.phase,
		score: row.score === null ? null : (JSON.parse(row.score) as StoredScore),
		questions: row.questions,
	};
}

function toAttempt(row: AttemptRow): StoredAttempt {
	return {
		id: row.id,
		kind: row.kind as StoredAttempt['kind'],
		exercise: row.exercise,
		at: row.at,
		roundId: row.round_id,
		answer: row.answer,
		passed: row.passed === 1,
		checksPassed: row.checks_passed,
		checksTotal: row.checks_total,
		checks: JSON.parse(row.checks) as StoredAttempt['checks'],
		...(row.notes === null ? {} : {notes: row.notes}),
		...(row.seconds === null ? {} : {seconds: row.seconds}),
	};
}

/** SQLite result codes after which writing again is pointless. */
const unwritable: Record<string, string> = {
	SQLITE_FULL: 'the disk is full',
	SQLITE_READONLY: 'the database became read-only',
	SQLITE_IOERR: 'the disk reported an I/O error',
	SQLITE_CANTOPEN: 'the database file cannot be opened',
	SQLITE_BUSY: 'another dojo process held the database for too long',
};

function reasonOf(error: unknown): string | undefined {
	const code = (error as {code?: unknown}).code;
	if (typeof code !== 'string') return undefined;
	return unwritable[code] ?? unwritable[code.replace(/_[A-Z]+$/, '')];
}

/** The store over an open, migrated database. */
export class SqliteStore implements ProgressStore {
	saving = true;
	private readonly insertRound: Statement;
	private readonly insertEvent: Statement;
	private readonly updatePhase: Statement;
	private readonly updateFinish: Statement;
	private readonly insertAttempt: Statement;

	constructor(
		private readonly db: Database,
		readonly path: string,
		private readonly warn: (message: string) => void,
	) {
		this.insertRound = db.prepare('INSERT INTO rounds (scenario, mode, seed, timer, started_at, phase) VALUES (?, ?, ?, ?, ?, ?)');
		// The next sequence number is read in the same statement, so the append is one atomic write.
		this.insertEvent = db.prepare('INSERT INTO round_events (round_id, seq, at, type, event) VALUES (@round, (SELECT coalesce(max(seq), 0) + 1 FROM round_events WHERE round_id = @round), @at, @type, @event)');
		this.updatePhase = db.prepare('UPDATE rounds SET phase = ? WHERE id = ?');
		this.updateFinish = db.prepare('UPDATE rounds SET finished_at = ?, phase = ?, score = ? WHERE id = ?');
		this.insertAttempt = db.prepare('INSERT INTO attempts (kind, exercise, at, round_id, answer, passed, checks_passed, checks_total, checks, notes, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
	}

	/** Runs a write; a full disk or a lost file turns saving off with one warning. */
	private write<T>(run: () => T): T | undefined {
		if (!this.saving) return undefined;
		try {
			return run();
		} catch (error) {
			const reason = reasonOf(error);
			if (reason === undefined) throw error;
			this.saving = false;
			this.warn(`progress is no longer saved: ${reason} (${this.path}); what you do now stays in memory and is lost when dojo exits`);
			return undefined;
		}
	}

	startRound(round: NewRound): number | null {
		return this.write(() => Number(this.insertRound.run(round.scenario, round.mode, round.seed, round.timer ? 1 : 0, round.startedAt, round.phase).lastInsertRowid)) ?? null;
	}

	appendEvent(roundId: number, event: {type: string; at?: number}): void {
		this.write(() => this.insertEvent.run({round: roundId, at: typeof event.at === 'number' ? event.at : null, type: event.type, event: JSON.stringify(event)}));
	}

	setPhase(roundId: number, phase: string): void {
		this.write(() => this.updatePhase.run(phase, roundId));
	}

	finishRound(roundId: number, finishedAt: number, phase: string, score: StoredScore): void {
		this.write(() => this.updateFinish.run(finishedAt, phase, JSON.stringify(score), roundId));
	}

	recordAttempt(attempt: NewAttempt): void {
		const passed = attempt.checks.filter((check) => check.passed).length;
		const checks = attempt.checks.map(({id, passed: ok, message}) => ({id, passed: ok, message}));
		this.write(() => this.insertAttempt.run(attempt.kind, attempt.exercise, attempt.at, attempt.roundId, attempt.answer, attempt.passed ? 1 : 0, passed, attempt.checks.length, JSON.stringify(checks), attempt.notes ?? null, attempt.seconds ?? null));
	}

	rounds(): StoredRound[] {
		return (this.db.prepare(`SELECT ${roundColumns} FROM rounds r ORDER BY r.started_at, r.id`).all() as RoundRow[]).map(toRound);
	}

	round(id: number): StoredRound | undefined {
		const row = this.db.prepare(`SELECT ${roundColumns} FROM rounds r WHERE r.id = ?`).get(id) as RoundRow | undefined;
		return row && toRound(row);
	}

	events(roundId: number): unknown[] {
		return (this.db.prepare('SELECT event FROM round_events WHERE round_id = ? ORDER BY seq').all(roundId) as Array<{event: string}>).map((row) => JSON.parse(row.event) as unknown);
	}

	unfinished(scenario?: string): StoredRound[] {
		const where = scenario === undefined ? '' : 'AND r.scenario = ?';
		const rows = this.db.prepare(`SELECT ${roundColumns} FROM rounds r WHERE r.finished_at IS NULL ${where} ORDER BY r.started_at DESC, r.id DESC`).all(...(scenario === undefined ? [] : [scenario])) as RoundRow[];
		return rows.map(toRound);
	}

	attempts(): StoredAttempt[] {
		return (this.db.prepare('SELECT * FROM attempts ORDER BY at, id').all() as AttemptRow[]).map(toAttempt);
	}

	close(): void {
		if (this.db.open) this.db.close();
	}
}

/** A store that saves nothing (the folder is read-only, the file is from a newer dojo): the app plays on in memory. */
export function unsavedStore(path: string): ProgressStore {
	return {
		saving: false,
		path,
		startRound: () => null,
		appendEvent() {},
		setPhase() {},
		finishRound() {},
		recordAttempt() {},
		rounds: () => [],
		round: () => undefined,
		events: () => [],
		unfinished: () => [],
		attempts: () => [],
		close() {},
	};
}
