import {describe, expect, test} from 'vitest';
import {SimulatedClock} from 'xstate';
import {startRound, type SimulateFn} from '../../src/flow/round-actor.js';
import type {RoundEvent} from '../../src/flow/round-events.js';
import type {RoundContext} from '../../src/flow/round-machine.js';
import {fakeResult, loginCounter, roundInput, scriptedMatcher} from './helpers.js';

const at = 5_000_000;
const scenario = loginCounter();
const input = () => roundInput(scenario, {matcher: scriptedMatcher(scenario.questions, {'whats the schema': 'schema', 'how big is it': 'volume'}), startedAt: at});

/** Answers every run at once, counting the calls. */
function countingSimulator() {
	const calls: number[] = [];
	const simulate: SimulateFn = (request, emit) => {
		calls.push(request.requestId);
		for (const run of request.runs) emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: fakeResult(true)});
		emit({type: 'sim.done', requestId: request.requestId});
	};
	return {calls, simulate};
}

/** What a person sees of a round: everything but the functions. */
function visible(context: RoundContext) {
	const {matcher: _matcher, matchPoints: _points, now: _now, ...rest} = context;
	return rest;
}

const grade = () => undefined;

function playSome(record: RoundEvent[], clock: SimulatedClock, simulate: SimulateFn) {
	const actor = startRound({input: input(), simulate, grade, record: (event) => record.push(event), clock});
	actor.send({type: 'clarify.ask', text: 'whats the schema', at: at + 1000});
	actor.send({type: 'clarify.ask', text: 'how big is it', at: at + 2000});
	actor.send({type: 'clarify.ask', text: 'who are you', at: at + 3000});
	clock.increment(5 * 60_000);
	actor.send({type: 'phase.next', at: at + 6 * 60_000});
	actor.send({type: 'estimate.set', id: 'events_per_s', text: '8.3k', at: at + 7 * 60_000});
	actor.send({type: 'estimate.submit', at: at + 8 * 60_000});
	actor.send({type: 'design.start', from: 'kds-lambda-redis', at: at + 9 * 60_000});
	actor.send({type: 'design.set', stageId: 'ingest', knob: 'shards', text: '20', at: at + 9 * 60_000});
	actor.send({type: 'sim.run', at: at + 10 * 60_000});
	return actor;
}

describe('recording and replaying a round', () => {
	test('the stored events rebuild the same round, without running the simulator again', () => {
		const stored: RoundEvent[] = [];
		const first = countingSimulator();
		const original = playSome(stored, new SimulatedClock(), first.simulate);
		expect(first.calls).toEqual([1]);
		// Helper answers and the nudge are stored; the raised phase.entered and progress ticks are not.
		expect(stored.map((event) => event.type)).toEqual(['clarify.ask', 'clarify.ask', 'clarify.ask', 'timer.expired', 'phase.next', 'estimate.set', 'estimate.submit', 'design.start', 'design.set', 'sim.run', 'sim.result', 'sim.result', 'sim.done']);
		const again = countingSimulator();
		const resumed = startRound({input: input(), simulate: again.simulate, grade, replay: stored});
		expect(again.calls).toEqual([]);
		expect(visible(resumed.getSnapshot().context)).toEqual(visible(original.getSnapshot().context));
		expect(resumed.getSnapshot().value).toEqual(original.getSnapshot().value);
	});

	test('replayed events are not recorded a second time; new ones are', () => {
		const stored: RoundEvent[] = [];
		playSome(stored, new SimulatedClock(), countingSimulator().simulate);
		const appended: RoundEvent[] = [];
		const resumed = startRound({input: input(), simulate: countingSimulator().simulate, grade, replay: stored, record: (event) => appended.push(event)});
		expect(appended).toEqual([]);
		resumed.send({type: 'clarify.ask', text: 'whats the schema', at: at + 11 * 60_000});
		expect(appended.map((event) => event.type)).toEqual(['clarify.ask']);
		expect(resumed.getSnapshot().context.transcript.at(-1)!.kind).toBe('repeat');
	});

	test('a simulation the process died in is started again once the replay ends', () => {
		const stored: RoundEvent[] = [];
		playSome(stored, new SimulatedClock(), countingSimulator().simulate);
		// The process was killed after "sim.run" was stored, before any result.
		const cut = stored.slice(0, stored.findIndex((event) => event.type === 'sim.run') + 1);
		const again = countingSimulator();
		const resumed = startRound({input: input(), simulate: again.simulate, grade, replay: cut});
		expect(again.calls).toEqual([1]);
		expect(resumed.getSnapshot().matches({active: {work: 'idle'}})).toBe(true);
		expect(resumed.getSnapshot().context.runs).toHaveLength(2);
	});

	test('a resumed round keeps the time left in its phase', () => {
		const clock = new SimulatedClock();
		clock.set(at + 2 * 60_000);
		const resumed = startRound({input: {...input(), now: () => clock.now()}, simulate: countingSimulator().simulate, grade, replay: [], clock});
		// Two of the problem space's five minutes were used before the resume: the nudge comes three minutes later.
		clock.increment(3 * 60_000 - 1);
		expect(resumed.getSnapshot().context.nudged).toEqual([]);
		clock.increment(1);
		expect(resumed.getSnapshot().context.nudged).toEqual(['problem']);
	});
});
