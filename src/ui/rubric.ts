/**
The interviewer's rubric for the phase in play: the items they can mark met
or not (key questions, estimates, API choices, deep-dive points), each with
what the round worked out and the hidden answer beside it. Pure: the console
screen draws it and sends the marks and reveals as round events.
*/
import {apiStyle, judgeApi} from '../flow/api-styles.js';
import {phaseCards} from '../flow/round-machine.js';
import {rightAnswerText} from '../flow/cards.js';
import {estimateSpecs, gradeEstimate} from '../flow/estimate.js';
import {currentPhase, systemDesign, type RoundContext} from '../flow/round-machine.js';
import {whatIfsFor} from '../flow/what-ifs.js';

/** One markable line of the rubric. */
export type RubricItem = {
	/** The `rubric.mark` item id (`question:<id>`, `estimate:<id>`, `api:<i>`, `point:<deep dive>:<i>`, `card:<id>`). */
	readonly item: string;
	/** What is looked for, in a few words. */
	readonly label: string;
	/** What the round worked out without the interviewer. */
	readonly auto: boolean;
	/** The hidden answer or expected figure, shown beside it. */
	readonly answer: string;
	/** The bank question whose answer a reveal shows the candidate. */
	readonly questionId?: string;
};

/** The rubric items of the current phase (none for the review). */
export function rubricItems(context: RoundContext): RubricItem[] {
	const phase = currentPhase(context).id;
	const items: RubricItem[] = [];
	if (currentPhase(context).steps.includes('clarify')) {
		for (const question of context.scenario.questions.filter((candidate) => candidate.key)) {
			items.push({item: `question:${question.id}`, label: question.ask, auto: context.asked.includes(question.id), answer: question.answer, questionId: question.id});
		}
	}
	const scenario = systemDesign(context);
	if (scenario && phase === 'requirements') {
		for (const spec of estimateSpecs(scenario.workload)) {
			const typed = context.estimates[spec.id];
			const grade = gradeEstimate(spec, typed);
			items.push({item: `estimate:${spec.id}`, label: `${spec.label}: ${typed ?? '—'}`, auto: context.estimatesSubmitted && grade.verdict === 'right', answer: spec.formula});
		}
	}
	if (scenario && phase === 'design') {
		for (const [index, api] of scenario.apis.entries()) {
			const chosen = context.apiChoices[index];
			const accepted = api.accept.map((entry) => `; also ${apiStyle(entry.style).title}: ${entry.why}`).join('');
			items.push({item: `api:${index}`, label: `${api.between}: ${chosen ? apiStyle(chosen).title : '—'}`, auto: chosen ? judgeApi(api, chosen).verdict !== 'wrong' : false, answer: `${apiStyle(api.style).title}: ${api.why}${accepted}`});
		}
	}
	if (phase === 'deep-dive') {
		const question = context.scenario.deep_dives[context.deepDiveIndex];
		const answer = question ? context.deepDiveAnswers[question.id] : undefined;
		for (const [index, point] of (question?.good_answer ?? []).entries()) {
			items.push({item: `point:${question!.id}:${index}`, label: point, auto: answer?.covered[index] ?? false, answer: point});
		}
	}
	if (currentPhase(context).steps.includes('cards')) {
		for (const card of phaseCards(context)) {
			items.push({item: `card:${card.id}`, label: `card: ${card.ask.trim()}`, auto: context.cardAnswers[card.id]?.right ?? false, answer: rightAnswerText(card)});
		}
	}
	return items;
}

/** Whether an item counts as met: the interviewer's mark when there is one, else the round's own verdict. */
export function itemMet(context: RoundContext, item: RubricItem): boolean {
	return context.marks[item.item] ?? item.auto;
}

/** The next mark when the interviewer toggles an item: met, then not met, then back to the round's own verdict. */
export function nextMark(current: boolean | undefined): boolean | null {
	if (current === undefined) return true;
	if (current) return false;
	return null;
}

/** In the scaling phase, the what-if the round has selected and what a strong answer to it says. */
export function curveballNote(context: RoundContext, whatIfIndex: number): string | undefined {
	const scenario = systemDesign(context);
	if (!scenario || currentPhase(context).id !== 'scaling') return undefined;
	const whatIf = whatIfsFor(scenario, context.design.stages)[whatIfIndex];
	return whatIf ? `${whatIf.title}: ${whatIf.expect ?? 'no model answer in the scenario; judge the fix by its simulation'}` : undefined;
}
