/**
The interviewer's private rubric for a round, as rows: every bank question
with its hidden answer (key ones first), the expected estimates with their
formulas, the expected API styles, the deep-dive good-answer points, and the
what-ifs and curveballs to throw in. A pure function of the round's context;
nothing here is ever shown on the candidate's screen.
*/
import {estimateSpecs} from '../../flow/estimate.js';
import {systemDesign, type RoundContext} from '../../flow/round-machine.js';
import {reviewRound} from '../../flow/score.js';
import {whatIfsFor} from '../../flow/what-ifs.js';

/** One row of the rubric. */
export type RubricRow = {
	/** The mark key (`question:<id>`, `estimate:<id>`, `api:<i>`, `point:<dd>:<i>`), or `whatif:<id>` for a what-if to run. */
	readonly key: string;
	readonly section: 'questions' | 'estimates' | 'apis' | 'deep dive' | 'what-ifs';
	/** What the row is about. */
	readonly text: string;
	/** The hidden part: the answer, the expected figure, the expected style. */
	readonly hidden: string;
	/** Whether the round counts it now (after any mark); null for what-ifs. */
	readonly met: boolean | null;
	/** Whether the interviewer's mark decides it. */
	readonly marked: boolean;
	/** A bank question whose answer can be revealed (not asked, not revealed yet). */
	readonly revealable: boolean;
};

/** The rubric rows for the round as it stands. */
export function rubricRows(context: RoundContext): RubricRow[] {
	const review = reviewRound(context);
	const rows: RubricRow[] = [];
	const asked = (id: string) => context.marks[`question:${id}`] ?? context.asked.includes(id);
	const questions = [...context.scenario.questions].sort((a, b) => Number(b.key) - Number(a.key));
	for (const question of questions) {
		const key = `question:${question.id}`;
		rows.push({key, section: 'questions', text: `${question.key ? '★ ' : ''}${question.ask}`, hidden: question.answer.trim(), met: asked(question.id), marked: key in context.marks, revealable: !context.asked.includes(question.id) && !context.revealed.includes(question.id)});
	}
	const scenario = systemDesign(context);
	if (scenario) {
		for (const [index, spec] of estimateSpecs(scenario.workload).entries()) {
			const key = `estimate:${spec.id}`;
			const grade = review.estimates[index]!;
			rows.push({key, section: 'estimates', text: `${spec.label}: ${context.estimates[spec.id] ?? '–'}`, hidden: `expected ${spec.formula}`, met: grade.credit >= 1, marked: key in context.marks, revealable: false});
		}
		for (const [index, api] of review.apis.entries()) {
			const key = `api:${index}`;
			rows.push({key, section: 'apis', text: `${api.between}: ${api.chosen ?? 'not chosen'}`, hidden: `expected ${api.expected}: ${api.why}`, met: api.right, marked: key in context.marks, revealable: false});
		}
	}
	for (const deepDive of review.deepDive) {
		for (const [index, point] of deepDive.points.entries()) {
			const key = `point:${deepDive.id}:${index}`;
			rows.push({key, section: 'deep dive', text: `${deepDive.id} #${index + 1}`, hidden: point.text, met: point.covered, marked: key in context.marks, revealable: false});
		}
	}
	if (scenario) {
		for (const whatIf of whatIfsFor(scenario, context.design.stages)) rows.push({key: `whatif:${whatIf.id}`, section: 'what-ifs', text: whatIf.title, hidden: whatIf.says, met: null, marked: false, revealable: false});
	}
	return rows;
}
