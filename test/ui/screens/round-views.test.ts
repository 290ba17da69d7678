import {describe, expect, it} from 'vitest';
import {startRound} from '../../../src/flow/round-actor.js';
import {reviewLines} from '../../../src/ui/screens/round-views.js';
import {fakeResult, loginCounter, roundInput} from '../../flow/helpers.js';

const scenario = loginCounter();

function reviewWith(answers: boolean) {
	const actor = startRound({
		input: roundInput(scenario),
		simulate: (request, emit) => {
			if (!answers) return;
			for (const run of request.runs) emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: fakeResult(true)});
			emit({type: 'sim.done', requestId: request.requestId});
		},
		grade: () => undefined,
	});
	for (let phase = 0; phase < 5; phase++) actor.send({type: 'phase.next', at: phase});
	const text = reviewLines(actor.getSnapshot().context, 80).lines.map((line) => line.text);
	actor.stop();
	return text;
}

describe('the review', () => {
	it('calls the score provisional while the scenario architectures are still being ranked, and final once they are', () => {
		expect(reviewWith(false)[0]).toMatch(/^Score: \d+ \/ 100 \(provisional: ranking the scenario's architectures\)$/);
		expect(reviewWith(true)[0]).toMatch(/^Score: \d+ \/ 100$/);
	});
});
