/**
What the grader (parent) and the sandbox child process say to each other.

A job is one *run*: a fresh in-memory database, a list of steps played in
order, and the results of the harness's own queries. Expected results never
travel to the child: it only receives staging rows, the candidate's or the
reference's statements, and the queries that read the state back.
*/
import type {Cell} from '../scenarios/exercise-schema.js';
import type {Section} from './answer.js';
import type {Statement} from './split.js';

/** Name prefix of the sandbox's empty work directory; the child removes it when the parent dies without doing so. */
export const workDirPrefix = 'dojo-sandbox-';

/** A value read back from SQLite (blobs arrive as `x'…'` text). */
export type Value = string | number | null;

/** One step of a run. */
export type Step =
	/** Trusted harness SQL, e.g. the exercise's setup (may hold several statements). */
	| {readonly kind: 'exec'; readonly label: string; readonly sql: string}
	/** Staging rows: `clear` tables are emptied first (replace mode), then rows are inserted in column order. */
	| {readonly kind: 'load'; readonly batch: string; readonly clear: readonly string[]; readonly tables: Readonly<Record<string, ReadonlyArray<readonly Cell[]>>>}
	/**
	Screened answer statements. With `capture`, the last statement's rows are kept as
	the result under `captureLabel` and copied into a table of that name, so property
	checks can query it.
	*/
	| {
			readonly kind: 'answer';
			readonly section: Section;
			readonly batch?: string;
			readonly statements: readonly Statement[];
			readonly capture?: {readonly table: string; readonly label: string};
	  }
	/** A trusted read; its result (or error) is returned under `label`. */
	| {readonly kind: 'query'; readonly label: string; readonly sql: string};

/** A job for the child: one run. */
export type RunJob = {
	readonly steps: readonly Step[];
	/** Rows any single query may return before it is cut off. */
	readonly maxRows: number;
	/** Page cap (4 KiB pages) on the main and temp databases. */
	readonly maxPages: number;
	/** The staging tables the answer must leave alone (checked after every answer statement that writes). */
	readonly staging?: StagingRules;
};

/**
The harness's staging tables. An answer may read them (and index them), but may
not drop, alter, shadow with a temp table or view, or put triggers on them, since
that would tamper with the batches loaded after it; nor change the rows of those
in `frozenRows` (every staging table that is not also an output table).
*/
export type StagingRules = {
	readonly tables: readonly string[];
	readonly frozenRows: readonly string[];
};

/** The rows of a harness query, or why it failed. */
export type QueryResult =
	| {readonly columns: readonly string[]; readonly rows: ReadonlyArray<readonly Value[]>; readonly truncated: boolean}
	| {readonly error: string};

/** Why a run stopped early. */
export type RunFailure = {
	readonly kind: 'sql' | 'refused' | 'timeout' | 'too_big' | 'too_many_rows' | 'memory' | 'staging' | 'crashed';
	readonly message: string;
	/** The label of the harness query that was running (after the answer had finished), when it was one. */
	readonly reading?: string;
	/** The answer statement that failed or was running, when known. */
	readonly section?: Section;
	readonly statement?: Statement;
	/** The batch that had just been loaded. */
	readonly batch?: string;
};

/** What a run produced. */
export type RunResult = {
	readonly failure?: RunFailure;
	readonly results: Readonly<Record<string, QueryResult>>;
	/** Time spent inside the child, milliseconds. */
	readonly ms: number;
};

/**
What grading needs from a sandbox: play a run within a time limit. The Sandbox
class is one; tests may grade in their own process through runJob (run-job.ts).
*/
export type JobRunner = {
	run(job: RunJob, timeoutMs: number): Promise<RunResult>;
};

/** Parent → child. */
export type ParentMessage = {readonly type: 'run'; readonly id: number; readonly job: RunJob};

/** Child → parent. */
export type ChildMessage =
	| {readonly type: 'ready'}
	| {readonly type: 'progress'; readonly section: Section; readonly statement: Statement; readonly batch?: string}
	/** The harness started reading query `label`: a time-out from here on is not the answer statement's. */
	| {readonly type: 'reading'; readonly label: string}
	| {readonly type: 'done'; readonly id: number; readonly result: RunResult};
