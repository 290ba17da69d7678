/**
The shared screen of interviewer mode (`dojo screen`): over a whole round, in
every state, it never shows the answer to a question not yet asked or
revealed, nor any rubric text (expected figures and formulas, API reasons,
good-answer points, the score); and it follows new events live.
*/
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {designEditor} from '../../src/flow/design.js';
import {estimateSpecs} from '../../src/flow/estimate.js';
import {matchPoints} from '../../src/flow/match-points.js';
import {createQuestionMatcher} from '../../src/flow/match-question.js';
import {startRound, type SimulateFn} from '../../src/flow/round-actor.js';
import type {RoundEvent} from '../../src/flow/round-events.js';
import type {RoundContext} from '../../src/flow/round-machine.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';
import type {SystemDesignScenario} from '../../src/scenarios/schema.js';
import {simulate} from '../../src/sim/index.js';
import {candidateLines} from '../../src/ui/interviewer/candidate-view.js';
import {CandidateScreen, followRound} from '../../src/ui/interviewer/CandidateScreen.js';
import {waitForFrame} from '../helpers/ink.js';

const catalogue = loadCatalogue();
const scenario = findScenario(catalogue, 'login-counter') as SystemDesignScenario;
const t0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const simulateNow: SimulateFn = (request, emit) => {
	for (const run of request.runs) emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: simulate({scenario: null, arch: run.label, model: run.model}, {seed: request.seed, durationS: 60, replications: 1, ...(run.scale ? {scale: run.scale} : {}), ...(run.peak ? {peak: true} : {})})});
	emit({type: 'sim.done', requestId: request.requestId});
};

/** Everything on the interviewer's side that the candidate must not see (beyond answers of unasked questions). */
function rubricTexts(): string[] {
	const texts = [...estimateSpecs(scenario.workload).map((spec) => spec.formula), ...scenario.apis.map((api) => api.why.trim()), ...scenario.deep_dives.flatMap((deepDive) => deepDive.good_answer), 'score', '/100', '★'];
	return texts.map((text) => text.slice(0, 40));
}

/** What must not be on screen in this state: answers to questions neither asked nor revealed. */
function forbidden(context: RoundContext): string[] {
	return context.scenario.questions.filter((question) => !context.asked.includes(question.id) && !context.revealed.includes(question.id)).map((question) => question.answer.trim().slice(0, 40));
}

describe('the candidate screen', () => {
	it('over a whole interviewer-run round never shows an unasked answer or rubric text', () => {
		const actor = startRound({input: {scenario, seed: 1, timer: false, startedAt: t0, matcher: createQuestionMatcher(scenario.questions), matchPoints, editor: designEditor}, simulate: simulateNow, grade: () => undefined});
		let at = t0;
		const events: Array<Record<string, unknown>> = [
			{type: 'clarify.ask', text: 'What is the schema of an event?'},
			{type: 'answer.reveal', questionId: 'retention'},
			{type: 'rubric.mark', item: 'question:metric', value: true},
			{type: 'clarify.ask', text: 'zzz unrelated'},
			{type: 'phase.extend', minutes: 5},
			{type: 'phase.next'},
			...[['events_per_s', '8.3k'], ['peak_events_per_s', '16.7k'], ['mb_per_s', '3.3 MB/s'], ['storage_gb', '144'], ['shards', '4']].map(([id, text]) => ({type: 'estimate.set', id, text})),
			{type: 'estimate.submit'},
			{type: 'rubric.mark', item: 'estimate:shards', value: true},
			{type: 'phase.next'},
			{type: 'api.choose', index: 0, style: 'rest'},
			{type: 'design.start', from: 'kds-lambda-redis'},
			{type: 'sim.run'},
			{type: 'phase.next'},
			{type: 'deepdive.answer', id: 'spof', text: 'redis is a single node'},
			{type: 'rubric.mark', item: 'point:spof:1', value: true},
			{type: 'phase.next'},
			{type: 'whatif.run', id: 'curveball-ten-x'},
			{type: 'whatif.run', id: 'lose-shard'},
			{type: 'phase.next'},
			{type: 'round.finish'},
		];
		const rubric = rubricTexts();
		let checked = 0;
		const check = () => {
			const context = actor.getSnapshot().context;
			const text = candidateLines(context, 200).map((line) => line.text).join('\n');
			for (const hidden of [...forbidden(context), ...rubric]) expect(text, `state ${checked}`).not.toContain(hidden);
			checked++;
			return text;
		};
		check();
		for (const event of events) {
			actor.send({...event, at: (at += 10_000)} as unknown as RoundEvent);
			const text = check();
			if (event.type === 'answer.reveal') expect(text).toContain(scenario.questions.find((question) => question.id === 'retention')!.answer.trim().slice(0, 40));
		}
		expect(checked).toBe(events.length + 1);
		// The check would catch a leak: an unasked answer is in the forbidden list of the first state.
		expect(forbidden(actor.getSnapshot().context).length).toBeGreaterThan(0);
		actor.stop();
	}, 60_000);

	it('follows the round live: a revealed answer appears within a second', async () => {
		const pending: RoundEvent[] = [];
		const feed = {initial: [{type: 'clarify.ask', text: 'What is the schema of an event?', at: t0 + 1000} as RoundEvent], next: () => pending.splice(0)};
		const actor = followRound(catalogue, {scenario: 'login-counter', seed: 1, startedAt: t0}, feed);
		const screen = render(<CandidateScreen actor={actor} feed={feed} size={{columns: 120, rows: 30}} />);
		await waitForFrame(screen.lastFrame, 'You: What is the schema of an event?');
		const answer = scenario.questions.find((question) => question.id === 'retention')!.answer.trim();
		expect(screen.lastFrame()).not.toContain(answer.slice(0, 30));
		const started = Date.now();
		pending.push({type: 'answer.reveal', questionId: 'retention', at: t0 + 2000});
		await waitForFrame(screen.lastFrame, answer.slice(0, 30), 1000);
		expect(Date.now() - started).toBeLessThan(1000);
		screen.unmount();
		actor.stop();
	});
});
