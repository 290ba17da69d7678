/**
Grades an answer to an exercise: plays every run of the exercise for the
answer and the reference solution's runs the checks compare with (each in its
own in-memory database in the sandbox), then judges every check.

The reference's results stay in this process; the candidate's database never
sees them.
*/
import {createHash} from 'node:crypto';
import type {Exercise} from '../scenarios/exercise-schema.js';
import {parseAnswer, type Answer} from './answer.js';
import {judgeCheck, type CheckResult} from './checks.js';
import {buildJob, checkRuns} from './jobs.js';
import type {JobRunner, RunFailure, RunResult} from './protocol.js';

/** The outcome of grading, exactly as `dojo exercise --json` prints it. */
export type GradeReport = {
	exercise: string;
	passed: boolean;
	wall_s: number;
	checks: CheckResult[];
};

/** Options for one grading. */
export type GradeOptions = {
	/** Where runs are played: a Sandbox, or anything that plays a RunJob the same way. */
	readonly sandbox: JobRunner;
	/** Time limit for one run, overriding the exercise's `limits.timeout_ms`. */
	readonly timeoutMs?: number;
	/**
	Show the expected rows of hidden runs too (`--reveal`: practice after giving
	up). Off by default, so a failed grading cannot be replayed into a pass.
	*/
	readonly reveal?: boolean;
};

const referenceCache = new Map<string, RunResult>();

/** Forgets the reference solutions' results (they are kept per exercise content for the life of the process). */
export function clearReferenceCache(): void {
	referenceCache.clear();
}

function exerciseKey(exercise: Exercise): string {
	return createHash('sha1').update(JSON.stringify(exercise)).digest('hex');
}

async function referenceRuns(exercise: Exercise, sandbox: JobRunner): Promise<Map<string, RunResult>> {
	const needed = new Set(exercise.checks.flatMap((check) => (check.type === 'reference' || check.type === 'question' ? checkRuns(exercise, check) : [])));
	const key = exerciseKey(exercise);
	const out = new Map<string, RunResult>();
	let answer: Answer | undefined;
	for (const runId of needed) {
		const cacheKey = `${key}:${runId}`;
		let result = referenceCache.get(cacheKey);
		if (!result) {
			answer ??= parseAnswer(exercise.solution, exercise.kind);
			// The reference gets a generous limit: a slow machine must not turn it into a failure.
			result = await sandbox.run(buildJob(exercise, runId, answer, 'reference'), Math.max(exercise.limits.timeout_ms, 10_000));
			if (!result.failure) referenceCache.set(cacheKey, result);
		}
		out.set(runId, result);
	}
	return out;
}

/**
Grades `answerText`. Throws UsageError when the answer cannot be graded at all
(empty, or refused by the sandbox rules); SQL errors, timeouts and wrong
results come back as failed checks.
*/
export async function gradeAnswer(exercise: Exercise, answerText: string, options: GradeOptions): Promise<GradeReport> {
	const started = performance.now();
	const answer = parseAnswer(answerText, exercise.kind);
	const timeoutMs = options.timeoutMs ?? exercise.limits.timeout_ms;
	const reference = await referenceRuns(exercise, options.sandbox);
	const candidate = new Map<string, RunResult>();
	let stopped: RunFailure | undefined;
	for (const runId of Object.keys(exercise.runs)) {
		if (stopped) {
			// A run that hit a limit: every later run would likely hit it too; report the first and stop.
			candidate.set(runId, {results: {}, ms: 0, failure: {...stopped, message: `not played, because an earlier run was stopped: ${stopped.message}`}});
			continue;
		}
		const result = await options.sandbox.run(buildJob(exercise, runId, answer, 'candidate'), timeoutMs);
		candidate.set(runId, result);
		if (result.failure && ['timeout', 'memory', 'too_big'].includes(result.failure.kind)) stopped = result.failure;
	}
	const checks = exercise.checks.map((check) => judgeCheck(exercise, check, {candidate, reference, ...(options.reveal ? {reveal: true} : {})}));
	return {
		exercise: exercise.id,
		passed: checks.every((check) => check.passed),
		wall_s: Number(((performance.now() - started) / 1000).toFixed(3)),
		checks,
	};
}
