/** A round rebuilt from its stored events, as `dojo screen` follows it: the events so far, then each new one as it lands. */
import {describe, expect, it} from 'vitest';
import {startRound} from '../../src/flow/round-actor.js';
import {createQuestionMatcher} from '../../src/flow/match-question.js';
import {matchPoints} from '../../src/flow/match-points.js';
import type {RoundEvent} from '../../src/flow/round-events.js';
import {followStoredRound} from '../../src/flow/stored-round.js';
import {RoundController} from '../../src/ui/round-controller.js';
import {keypress} from '../../src/ui/keys.js';
import {fakeResult, loginCounter, roundInput} from './helpers.js';

const scenario = loginCounter();

function playedRound() {
	const events: RoundEvent[] = [];
	const actor = startRound({
		// The follower matches questions with the app's matcher, as the interviewer's own process does.
		input: roundInput(scenario, {matcher: createQuestionMatcher(scenario.questions), matchPoints}),
		simulate: (request, emit) => {
			for (const run of request.runs) emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: fakeResult(run.label === '1x')});
			emit({type: 'sim.done', requestId: request.requestId});
		},
		grade: () => undefined,
		record: (event) => events.push(event),
	});
	return {actor, events};
}

describe('following a round', () => {
	it('rebuilds the round from the events so far, then takes the new ones as they are stored', () => {
		const {actor, events} = playedRound();
		actor.send({type: 'clarify.ask', text: 'whats the schema', at: 1});
		actor.send({type: 'answer.reveal', questionId: 'schema', at: 2});
		const follower = followStoredRound({scenario, exercises: [], seed: 1, timer: true, startedAt: 1_000_000}, () => events);
		expect(follower.catchUp()).toBe(events.length);
		expect(follower.actor.getSnapshot().context.revealed).toEqual(['schema']);
		expect(follower.catchUp()).toBe(0);

		actor.send({type: 'phase.next', at: 3});
		actor.send({type: 'phase.next', at: 4});
		actor.send({type: 'design.start', from: scenario.architectures[0]!.id, at: 5});
		actor.send({type: 'sim.run', at: 6});
		expect(follower.catchUp()).toBeGreaterThan(3);
		const mine = actor.getSnapshot().context;
		const theirs = follower.actor.getSnapshot().context;
		expect(theirs.phaseIndex).toBe(mine.phaseIndex);
		expect(theirs.transcript).toEqual(mine.transcript);
		// The simulation results come from the stored events; the follower simulates nothing itself.
		expect(theirs.runs.map((run) => run.label)).toEqual(mine.runs.map((run) => run.label));
		expect(theirs.runs.length).toBeGreaterThan(0);
	});

	it('a question typed in the round is stored with the answer the candidate saw, and the follower shows that answer', () => {
		const {actor, events} = playedRound();
		const controller = new RoundController(actor, {now: () => 7});
		for (const char of 'whats the schema') controller.press(keypress(char));
		controller.press(keypress('', {return: true}));
		const stored = events.find((event) => event.type === 'clarify.ask');
		expect(stored).toMatchObject({text: 'whats the schema', heard: {kind: 'answer', ids: ['schema']}});
		// Rebuilt with a matcher that would answer nothing (the bank changed since): the stored answer stands.
		const follower = followStoredRound({scenario: {...scenario, questions: scenario.questions.map((question) => ({...question, ask: 'Unrelated?', aliases: [], keywords: []}))}, exercises: [], seed: 1, timer: true, startedAt: 1_000_000}, () => events);
		follower.catchUp();
		expect(follower.actor.getSnapshot().context.asked).toEqual(['schema']);
	});

	it('a screen started mid-phase opens on the step in play: the results of the run just made', () => {
		const {actor, events} = playedRound();
		for (const at of [1, 2]) actor.send({type: 'phase.next', at});
		actor.send({type: 'design.start', from: scenario.architectures[0]!.id, at: 3});
		actor.send({type: 'sim.run', at: 4});
		const follower = followStoredRound({scenario, exercises: [], seed: 1, timer: true, startedAt: 1_000_000}, () => events);
		const controller = new RoundController(follower.actor, {now: () => 0, follow: true});
		follower.catchUp();
		expect(controller.getState().view).toBe('results');
	});

	it('never nudges on its own: the time boxes change only through stored events', async () => {
		const {events} = playedRound();
		const follower = followStoredRound({scenario, exercises: [], seed: 1, timer: true, startedAt: 1_000_000}, () => events);
		follower.catchUp();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(follower.actor.getSnapshot().context.transcript.filter((entry) => entry.kind === 'nudge')).toEqual([]);
		events.push({type: 'timer.expired', phase: 'problem'} as RoundEvent);
		follower.catchUp();
		expect(follower.actor.getSnapshot().context.transcript.filter((entry) => entry.kind === 'nudge')).toHaveLength(1);
	});
});
