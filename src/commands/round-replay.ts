/**
Rebuilds a stored round by replaying its events through the round machine with
the helpers silent (their answers are among the events), for the commands that
read rounds — `dojo history`, `dojo report` — without a terminal or a simulator.
*/
import type {RoundContext} from '../flow/round-machine.js';
import {followStoredRound} from '../flow/stored-round.js';
import {roundExercises, type Catalogue} from '../scenarios/builtin.js';
import type {StoredRound} from '../store/index.js';

/** The round's context after its stored events; undefined when its scenario is no longer in the catalogue. */
export function replayStored(catalogue: Catalogue, round: StoredRound, events: readonly unknown[]): RoundContext | undefined {
	const scenario = catalogue.scenarios.find((candidate) => candidate.id === round.scenario);
	if (!scenario) return undefined;
	const {actor, catchUp} = followStoredRound({scenario, exercises: roundExercises(catalogue, scenario), seed: round.seed, timer: false, startedAt: round.startedAt}, () => events);
	catchUp();
	const context = actor.getSnapshot().context;
	actor.stop();
	return context;
}

/** A clarifying question as history lists it: the words typed, the bank question it matched (if any), when. */
export type AskedQuestion = {readonly text: string; readonly questionId: string | null; readonly at: number};

/** The candidate's questions, each with the bank question the interviewer answered (a "do you mean…?" resolved by the pick). */
export function questionsOf(context: RoundContext): AskedQuestion[] {
	const out: Array<{text: string; questionId: string | null; at: number}> = [];
	for (const entry of context.transcript) {
		if (entry.who === 'candidate' && entry.kind === 'question') out.push({text: entry.text, questionId: null, at: entry.at});
		else if (entry.who === 'interviewer' && (entry.kind === 'answer' || entry.kind === 'repeat') && entry.questionIds?.length) {
			const last = out.at(-1);
			if (last && last.questionId === null) last.questionId = entry.questionIds[0]!;
		}
	}
	return out;
}
