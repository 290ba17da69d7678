/** What the progress database holds, as the rest of the app reads it. */

/** Who is at the keyboard: the candidate alone, or an interviewer running the round. */
export type RoundMode = 'candidate' | 'interviewer';

/** A round's score as kept when it finishes: the total and each area's figure (0–100). */
export type StoredScore = {readonly total: number; readonly areas: Readonly<Record<string, number>>};

/** What a new round is started with; replaying its events needs exactly these. */
export type NewRound = {
	readonly scenario: string;
	readonly mode: RoundMode;
	readonly seed: number;
	readonly timer: boolean;
	/** Wall-clock milliseconds. */
	readonly startedAt: number;
	/** The first phase's id. */
	readonly phase: string;
};

/** One stored round. */
export type StoredRound = NewRound & {
	readonly id: number;
	readonly finishedAt: number | null;
	/** The phase reached (the last one entered). */
	readonly phase: string;
	readonly score: StoredScore | null;
	/** How many clarifying lines the candidate typed (for the resume offer). */
	readonly questions: number;
};

/** One check of a graded attempt, as the grader reports it. */
export type StoredCheck = {readonly id: string; readonly passed: boolean; readonly message: string};

/** A graded exercise (SQL) or coding (Python) answer. */
export type NewAttempt = {
	readonly kind: 'sql' | 'python';
	/** The exercise or coding problem id. */
	readonly exercise: string;
	readonly at: number;
	/** The round it was handed in during, if any. */
	readonly roundId: number | null;
	readonly answer: string;
	readonly passed: boolean;
	readonly checks: readonly StoredCheck[];
	/** The think-aloud notes taken during a coding attempt, as written. */
	readonly notes?: string;
	/** Seconds from opening the problem to this grading. */
	readonly seconds?: number;
};

/** One stored attempt. */
export type StoredAttempt = NewAttempt & {readonly id: number; readonly checksPassed: number; readonly checksTotal: number};

/**
The progress database. Writes are synchronous and short (one statement, its
own transaction), so an event is on disk before the screen shows it accepted,
and another process waits at most a few milliseconds for the lock.
*/
export type ProgressStore = {
	/** False when nothing is being saved (read-only folder, full disk): the app plays on in memory. */
	readonly saving: boolean;
	/** Where the database is (or would be). */
	readonly path: string;
	/** Records a new round; null when not saving. */
	startRound(round: NewRound): number | null;
	/** Appends one event of a round (plain JSON). */
	appendEvent(roundId: number, event: {type: string; at?: number}): void;
	/** Notes the phase a round has reached. */
	setPhase(roundId: number, phase: string): void;
	finishRound(roundId: number, finishedAt: number, phase: string, score: StoredScore): void;
	recordAttempt(attempt: NewAttempt): void;
	/** Every round, oldest first. */
	rounds(): StoredRound[];
	round(id: number): StoredRound | undefined;
	/** The events of a round in the order they happened. */
	events(roundId: number): unknown[];
	/** Unfinished rounds, newest first (of one scenario when given). */
	unfinished(scenario?: string): StoredRound[];
	/** Every attempt, oldest first. */
	attempts(): StoredAttempt[];
	close(): void;
};
