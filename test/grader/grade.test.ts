/**
Grading (src/grader/grade.ts) with a runner that plays the runs in this process
and records them: which runs the reference solution plays and when it is
played again, the time limits each side gets, the runs not played after one
hit a limit, and the wall time the report shows.
*/
import {beforeEach, describe, expect, it} from 'vitest';
import {clearReferenceCache, gradeAnswer} from '../../src/grader/index.js';
import type {JobRunner, RunJob, RunResult} from '../../src/grader/protocol.js';
import {runJob} from '../../src/grader/run-job.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import type {Exercise} from '../../src/scenarios/exercise-schema.js';

const {exercises} = loadCatalogue();
const exercise = (id: string) => exercises.find((candidate) => candidate.id === id)!;
const attribution = exercise('marketing-attribution');
const design = exercise('design-attribution-model');

type Played = {role: 'candidate' | 'reference'; timeoutMs: number; job: RunJob};

/** The candidate's jobs read its property checks back; the reference's never do. */
const roleOf = (job: RunJob): Played['role'] => (job.steps.some((step) => step.kind === 'query' && step.label.startsWith('check:')) ? 'candidate' : 'reference');

/** Plays runs in-process, recording each; `fake` may answer a run instead (a failure the test needs). */
function recorder(fake?: (played: Played, index: number) => RunResult | undefined, delayMs = 0): JobRunner & {played: Played[]} {
	const played: Played[] = [];
	return {
		played,
		async run(job, timeoutMs) {
			const entry: Played = {role: roleOf(job), timeoutMs, job};
			played.push(entry);
			if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
			return fake?.(entry, played.length - 1) ?? runJob(job);
		},
	};
}

const count = (runner: {played: Played[]}, role: Played['role']) => runner.played.filter((entry) => entry.role === role).length;

beforeEach(() => clearReferenceCache());

describe('the reference solution', () => {
	it('is played once per run for the life of the process, and again after clearReferenceCache', async () => {
		const first = recorder();
		expect((await gradeAnswer(attribution, attribution.solution, {sandbox: first})).passed).toBe(true);
		const runs = Object.keys(attribution.runs).length;
		expect(count(first, 'reference')).toBe(runs);
		expect(count(first, 'candidate')).toBe(runs);
		const second = recorder();
		expect((await gradeAnswer(attribution, attribution.solution, {sandbox: second})).passed).toBe(true);
		expect(count(second, 'reference')).toBe(0);
		clearReferenceCache();
		const third = recorder();
		await gradeAnswer(attribution, attribution.solution, {sandbox: third});
		expect(count(third, 'reference')).toBe(runs);
	});

	it('that failed once (a busy machine timing it out) is played again at the next grading, not remembered as failed', async () => {
		const busy = recorder((played) => (played.role === 'reference' ? {results: {}, ms: 0, failure: {kind: 'timeout', message: 'stopped after 10 s, the time limit for one run'}} : undefined));
		await expect(gradeAnswer(attribution, attribution.solution, {sandbox: busy})).rejects.toThrow(/its reference solution fails in run "sample": stopped after 10 s/);
		const calm = recorder();
		expect((await gradeAnswer(attribution, attribution.solution, {sandbox: calm})).passed).toBe(true);
		expect(count(calm, 'reference')).toBe(Object.keys(attribution.runs).length);
	});

	it('plays only the runs its reference checks look at', async () => {
		const oneRun: Exercise = {...attribution, checks: attribution.checks.filter((check) => check.type !== 'reference' || check.id === 'matches-reference')};
		expect(oneRun.checks.find((check) => check.id === 'matches-reference')!.runs).toEqual(['sample']);
		const runner = recorder();
		expect((await gradeAnswer(oneRun, attribution.solution, {sandbox: runner})).passed).toBe(true);
		expect(runner.played.filter((entry) => entry.role === 'reference').map((entry) => entry.job.steps.find((step) => step.kind === 'load')!.batch)).toEqual(['sample']);
	});

	it('is played for the business questions of a design exercise that has no reference diff', async () => {
		const questionsOnly: Exercise = {...design, checks: design.checks.filter((check) => check.type !== 'reference')};
		expect(questionsOnly.checks.some((check) => check.type === 'question')).toBe(true);
		const runner = recorder();
		const report = await gradeAnswer(questionsOnly, design.solution, {sandbox: runner});
		expect(report.passed).toBe(true);
		expect(count(runner, 'reference')).toBe(Object.keys(design.runs).length);
	});
});

describe('time limits', () => {
	it("give the reference at least 10 s and the candidate the exercise's limit, or the one asked for", async () => {
		const runner = recorder();
		await gradeAnswer(attribution, attribution.solution, {sandbox: runner});
		expect(new Set(runner.played.filter((entry) => entry.role === 'reference').map((entry) => entry.timeoutMs))).toEqual(new Set([10_000]));
		expect(new Set(runner.played.filter((entry) => entry.role === 'candidate').map((entry) => entry.timeoutMs))).toEqual(new Set([attribution.limits.timeout_ms]));
		const asked = recorder();
		await gradeAnswer(attribution, attribution.solution, {sandbox: asked, timeoutMs: 600});
		expect(new Set(asked.played.map((entry) => entry.timeoutMs))).toEqual(new Set([600]));
		clearReferenceCache();
		const slow = recorder();
		await gradeAnswer({...attribution, limits: {...attribution.limits, timeout_ms: 20_000}}, attribution.solution, {sandbox: slow});
		expect(new Set(slow.played.map((entry) => entry.timeoutMs))).toEqual(new Set([20_000]));
	});

	for (const kind of ['timeout', 'memory', 'too_big'] as const) {
		it(`stop the grading after a run ends with ${kind}: the later runs are not played, and their checks say why`, async () => {
			await gradeAnswer(attribution, attribution.solution, {sandbox: recorder()});
			const runner = recorder((played) => (played.role === 'candidate' ? {results: {}, ms: 0, failure: {kind, message: `stopped (${kind})`}} : undefined));
			const report = await gradeAnswer(attribution, attribution.solution, {sandbox: runner});
			expect(count(runner, 'candidate')).toBe(1);
			expect(report.passed).toBe(false);
			const direct = report.checks.find((check) => check.id === 'no-touch-is-direct')!;
			expect(direct.message).toMatch(new RegExp(`not played, because an earlier run was stopped: stopped \\(${kind}\\)`));
		});
	}

	it('do not stop the grading after a run with a SQL error: every run is played and judged', async () => {
		await gradeAnswer(attribution, attribution.solution, {sandbox: recorder()});
		const runner = recorder((played, index) => (played.role === 'candidate' && index === 0 ? {results: {}, ms: 0, failure: {kind: 'sql', message: 'no such table: x'}} : undefined));
		const report = await gradeAnswer(attribution, attribution.solution, {sandbox: runner});
		expect(count(runner, 'candidate')).toBe(Object.keys(attribution.runs).length);
		expect(report.checks.find((check) => check.id === 'no-touch-is-direct')!.passed).toBe(true);
	});
});

describe('the report', () => {
	it('shows the wall time of the grading in seconds', async () => {
		const runner = recorder(undefined, 40);
		const started = performance.now();
		const report = await gradeAnswer(attribution, attribution.solution, {sandbox: runner});
		const elapsed = (performance.now() - started) / 1000;
		const played = runner.played.length;
		expect(played).toBeGreaterThan(5);
		expect(report.wall_s).toBeGreaterThanOrEqual((played * 40) / 1000 - 0.01);
		expect(report.wall_s).toBeLessThanOrEqual(elapsed + 0.001);
	});
});
