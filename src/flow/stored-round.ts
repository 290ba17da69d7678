/**
A round rebuilt from its stored events, in another process than the one that
played it: `dojo screen` follows it live, `dojo history` and `dojo report`
read where it got to. The helpers are silent (their results are among the
events) and the timer never fires on its own (the nudges are events too), so
the events alone decide the state.
*/
import {designEditor} from './design.js';
import {matchPoints} from './match-points.js';
import {createQuestionMatcher} from './match-question.js';
import {startRound, type RoundActor} from './round-actor.js';
import type {RoundEvent} from './round-events.js';
import type {Scenario} from '../scenarios/schema.js';
import type {Exercise} from '../scenarios/exercise-schema.js';

/** What a stored round started with. */
export type StoredRoundStart = {
	readonly scenario: Scenario;
	readonly exercises: readonly Exercise[];
	readonly seed: number;
	readonly timer: boolean;
	/** Wall-clock milliseconds. */
	readonly startedAt: number;
};

/** A clock whose timers never fire. */
const stoppedClock = {setTimeout: () => 0, clearTimeout: () => undefined};

/**
Starts the round's actor and a function that feeds in the events stored since
its last call (the first call brings in everything so far); it returns how
many it fed. Whoever watches the actor before that first call sees every event.
*/
export function followStoredRound(start: StoredRoundStart, events: () => readonly unknown[]): {actor: RoundActor; catchUp: () => number} {
	const actor = startRound({
		input: {...start, now: Date.now, matcher: createQuestionMatcher(start.scenario.questions), matchPoints, editor: designEditor},
		simulate: () => undefined,
		grade: () => undefined,
		clock: stoppedClock,
	});
	let seen = 0;
	return {
		actor,
		catchUp() {
			const all = events();
			const added = all.slice(seen);
			seen = all.length;
			for (const event of added) actor.send(event as RoundEvent);
			return added.length;
		},
	};
}
