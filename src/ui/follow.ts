/**
Following a round from another screen (the candidate's shared screen in
interviewer mode): which step to show after the round changed, worked out from
what changed, since the follower never sees the keys that moved the other
screen. A new estimate shows the estimate form, a new run its results, a new
answer the deep dive, and so on; nothing changes the step outside the phase.
*/
import {currentPhase, systemDesign, type RoundContext} from '../flow/round-machine.js';
import {whatIfsFor} from '../flow/what-ifs.js';
import type {UiState} from './round-controller.js';

/** The cosmetic change that shows what just happened in the round, or nothing. */
export function followPatch(before: RoundContext, after: RoundContext): Partial<UiState> | undefined {
	if (before.phaseIndex !== after.phaseIndex) return undefined;
	const steps = currentPhase(after).steps;
	const within = (patch: Partial<UiState>) => (patch.step && steps.includes(patch.step) ? {...patch, help: false, scroll: 0} : undefined);
	if (after.runs.length > before.runs.length) {
		const run = after.runs.at(-1)!;
		if (run.purpose === 'what-if') {
			const scenario = systemDesign(after);
			const index = scenario ? whatIfsFor(scenario, after.design.stages).findIndex((whatIf) => whatIf.id === run.whatIf) : -1;
			return within({step: 'what-ifs', ...(index >= 0 ? {whatIfIndex: index} : {})});
		}
		if (run.purpose === 'design') return within({step: 'pipeline', pipelineMode: 'results'});
	}
	if (after.design.version !== before.design.version) return within({step: 'pipeline', pipelineMode: 'browse'});
	if (after.apiChoices !== before.apiChoices) return within({step: 'apis'});
	if (after.estimates !== before.estimates || after.estimatesSubmitted !== before.estimatesSubmitted) return within({step: 'estimate'});
	if (after.deepDiveIndex !== before.deepDiveIndex || after.deepDiveAnswers !== before.deepDiveAnswers) return within({step: 'deep-dive'});
	if (after.cardIndex !== before.cardIndex || after.cardAnswers !== before.cardAnswers) return within({step: 'cards'});
	if (after.attempts.length > before.attempts.length) {
		const index = after.exercises.findIndex((exercise) => exercise.id === after.attempts.at(-1)!.exerciseId);
		return within({step: 'exercises', exerciseOpen: true, pasting: false, ...(index >= 0 ? {exerciseIndex: index} : {})});
	}
	if (after.transcript.length > before.transcript.length) return within({step: 'clarify'});
	return undefined;
}
