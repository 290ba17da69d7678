/** Test doubles for the round machine: scenarios, a matcher with scripted answers, simulators and graders that answer at once. */
import {fromCallback} from 'xstate';
import type {GradeReport} from '../../src/grader/index.js';
import type {QuestionMatcher, MatchOutcome, PointMatcher, RoundInput} from '../../src/flow/round-machine.js';
import type {GradeRequest, HelperEvent, SimRequest} from '../../src/flow/round-events.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';
import type {DataModelingScenario, Question, SystemDesignScenario} from '../../src/scenarios/schema.js';
import type {Exercise} from '../../src/scenarios/exercise-schema.js';
import {simulate, type SimResult} from '../../src/sim/index.js';
import {designEditor} from '../../src/flow/design.js';

let catalogue: ReturnType<typeof loadCatalogue> | undefined;

/** The built-in catalogue, loaded once per test file. */
export function builtin() {
	catalogue ??= loadCatalogue();
	return catalogue;
}

export const loginCounter = () => findScenario(builtin(), 'login-counter') as SystemDesignScenario;
export const dataModeling = () => findScenario(builtin(), 'data-modeling') as DataModelingScenario;
export const modelingExercises = (): Exercise[] => builtin().exercises.filter((exercise) => exercise.scenario === 'data-modeling');

/**
A matcher that knows a few phrasings exactly: the text is looked up in
`script`; anything else is "make an assumption". Enough to drive the machine;
the real matcher has its own tests.
*/
export function scriptedMatcher(questions: readonly Question[], script: Record<string, MatchOutcome | string | string[]>): QuestionMatcher {
	return {
		match(text, asked) {
			const entry = script[text];
			if (entry === undefined) return {kind: 'assume', reply: "I don't have that; make an assumption and state it."};
			if (typeof entry === 'string' || Array.isArray(entry)) {
				const ids = typeof entry === 'string' ? [entry] : entry;
				const found = ids.map((id) => questions.find((question) => question.id === id)!);
				return {kind: 'answer', questions: found, repeated: ids.filter((id) => asked.has(id))};
			}
			return entry;
		},
	};
}

/** Points are covered when the answer contains the point's first word (case-insensitive). */
export const firstWordPoints: PointMatcher = (points, answer) => {
	const covered = points.map((point) => answer.toLowerCase().includes(point.split(/\s+/)[0]!.toLowerCase()));
	return {covered, evidence: covered.map((hit, index) => (hit ? points[index]!.split(/\s+/)[0]! : null))};
};

/** A round input for a scenario with the scripted matcher. */
export function roundInput(scenario: RoundInput['scenario'], overrides: Partial<RoundInput> = {}): RoundInput {
	return {scenario, seed: 1, timer: true, startedAt: 1_000_000, matcher: scriptedMatcher(scenario.questions, {}), matchPoints: firstWordPoints, editor: designEditor, ...overrides};
}

/** A simulator that answers every run of a request at once with `result(run)`, reporting progress in between. */
export function instantSimulator(result: (run: SimRequest['runs'][number], request: SimRequest) => SimResult) {
	return fromCallback<HelperEvent, SimRequest>(({sendBack, input}) => {
		input.runs.forEach((run, index) => {
			sendBack({type: 'sim.progress', requestId: input.requestId, done: index / input.runs.length});
			sendBack({type: 'sim.result', requestId: input.requestId, label: run.label, result: result(run, input)});
		});
		sendBack({type: 'sim.done', requestId: input.requestId});
	});
}

/** A simulator that never answers (to hold the round in `simulating`). */
export const silentSimulator = fromCallback<HelperEvent, SimRequest>(() => undefined);

/** The real simulator, in process, on short runs (for the few tests that need real numbers). */
export const realSimulator = instantSimulator((run, request) => simulate({scenario: null, arch: run.label, model: run.model}, {seed: request.seed, durationS: 120, replications: 1, ...(run.scale ? {scale: run.scale} : {}), ...(run.peak ? {peak: true} : {})}));

/** A grader that passes SQL containing "PASS" and fails the rest. */
export const keywordGrader = fromCallback<HelperEvent, GradeRequest>(({sendBack, input}) => {
	const passed = input.sql.includes('PASS');
	const report: GradeReport = {exercise: input.exerciseId, passed, wall_s: 0, checks: [{id: 'result', passed, message: passed ? 'ok' : 'wrong rows'}]};
	sendBack({type: 'exercise.graded', requestId: input.requestId, report});
});

/** A made-up simulation result: the SLO met or not, a capacity and a cost. */
export function fakeResult(met: boolean, capacityPerS: number | null = 20_000, cost: number | null = 100): SimResult {
	return {
		scenario: null,
		arch: null,
		seed: 1,
		load_per_s: 8333,
		duration_s: 600,
		warmup_s: 60,
		tick_s: 0.02,
		replications: 1,
		events_simulated: 1,
		wall_s: 0,
		components: [],
		end_to_end: {delivered: 1, lost: 0, filtered: 0, undelivered: 0, latency_ms: {mean: 1, p50: 1, p95: 1, p99: 1, max: 1}, freshness_s: 1, freshness_p99_s: 1, freshness_max_s: 1},
		slo: {latency_p99_ms: 5000, freshness_s: 15, met, checks: met ? [] : [{name: 'freshness_s', target: 15, actual: 40, met: false, says: 'data on screen is up to 40 s old (p99); target 15 s'}]},
		capacity: {max_load_per_s: capacityPerS, limited_by: 'ingest', stages: []},
		bottleneck: null,
		cost: {per_month_usd: cost, items: []},
		little: {l: 0, lambda: 0, w_s: 0},
		series: {interval_s: 10, t_s: [], offered_per_s: [], delivered_per_s: [], freshness_s: [], latency_s: [], components: {}},
		notes: [],
	};
}
