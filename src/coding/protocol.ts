/**
Messages between the grader (parent) and its pyodide child, over the IPC
channel: a separate file descriptor from the child's stdout and stderr, which
the parent discards, so nothing an answer prints can reach the protocol. Every
reply carries the nonce of the request it answers; the child keeps the nonce in
a closure, and the parent drops any message without it.
*/

/** One call to make: arguments as JSON text or a Python expression. */
export type WireCase = {
	readonly id: string;
	readonly args?: string;
	readonly args_py?: string;
	readonly kwargs?: Record<string, unknown>;
	readonly expect_py?: string;
};

/** Parent → child: load an answer and run these cases in order. */
export type GradeRequest = {
	readonly type: 'grade';
	readonly nonce: string;
	readonly source: string;
	readonly filename: string;
	readonly function: string;
	readonly cases: readonly WireCase[];
};

/** An exception as Python saw it, with the line of the candidate's file it came from. */
export type PyError = {type: string; mro: string[]; message: string; line: number | null; text: string | null};

/** What loading the answer gave. */
export type LoadOutcome = {
	ok: boolean;
	syntax?: {line: number | null; col: number | null; message: string; text: string};
	error?: PyError;
	missing?: string[];
	memory?: boolean;
	stdout?: string;
};

/** What one call gave. */
export type CaseOutcome = {
	ok: boolean;
	value?: unknown;
	expected?: unknown;
	error?: PyError;
	memory?: boolean;
	harness?: string;
	stdout?: string;
};

/** Child → parent. */
export type ChildMessage =
	| {type: 'ready'; nonce?: undefined; ms: number}
	| {type: 'loaded'; nonce: string; outcome: LoadOutcome}
	| {type: 'case'; nonce: string; id: string; outcome: CaseOutcome; ms: number}
	| {type: 'done'; nonce: string}
	| {type: 'fatal'; nonce: string; message: string};
