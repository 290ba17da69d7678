/**
The review's score: one figure (0–100) per area the round grades, the total,
and what was missed with the model answers. A pure function of the round's
context, so the screen, the report and the history all agree.

Areas: clarifying questions (key questions asked, by group), estimates, API
choices, the design (meets the SLO at the mean and at the daily peak, headroom
at 10x, cost against the cheapest architecture that holds), deep-dive points,
for a data-modeling round the SQL exercises, and the knowledge cards the
round drew in (right answers over cards asked).
*/
import type {Question} from '../scenarios/schema.js';
import type {SimResult} from '../sim/index.js';
import {counted} from '../present/format.js';
import {judgeApi} from './api-styles.js';
import {cardsFor, correctionText, rightAnswerText} from './cards.js';
import {estimateSpecs, gradeEstimate, type EstimateGrade} from './estimate.js';
import {designRuns, systemDesign, type RoundContext} from './round-machine.js';

/** One graded area. */
export type AreaScore = {
	readonly id: 'clarify' | 'estimates' | 'apis' | 'design' | 'deep-dive' | 'cards' | 'modeling';
	readonly title: string;
	/** 0–100. */
	readonly score: number;
	/** How the figure was reached, one line per part. */
	readonly details: readonly string[];
};

/** A key question the candidate did not ask, with the interviewer's answer. */
export type MissedQuestion = {readonly id: string; readonly group: Question['phase']; readonly ask: string; readonly answer: string};

/** How one of the scenario's architectures fared at the daily peak, for "the strongest design and why". */
export type ArchitectureVerdict = {
	readonly id: string;
	readonly title: string;
	readonly met: boolean;
	readonly capacityMultiple: number | null;
	readonly costPerMonth: number | null;
	readonly why: string;
};

/** The whole review. */
export type Review = {
	/** 0–100: the mean of the areas. */
	readonly total: number;
	readonly areas: readonly AreaScore[];
	readonly missedQuestions: readonly MissedQuestion[];
	readonly estimates: readonly EstimateGrade[];
	readonly apis: ReadonlyArray<{between: string; chosen: string | null; expected: string; why: string; right: boolean}>;
	readonly deepDive: ReadonlyArray<{id: string; question: string; points: ReadonlyArray<{text: string; covered: boolean}>}>;
	/** The knowledge cards of the round: answered or not, right or not, with the model answer and any correction of the notes. */
	readonly cards: ReadonlyArray<{id: string; ask: string; answered: boolean; right: boolean; answer: string; explain: string; correction?: string; source: string}>;
	/** The scenario's architectures, strongest first (empty until ranked, or for data modeling). */
	readonly architectures: readonly ArchitectureVerdict[];
	/** Minutes spent in each phase so far. */
	readonly time: ReadonlyArray<{phase: string; title: string; minutes: number; box: number}>;
};

const groupTitles: Record<Question['phase'], string> = {input: 'input data', transformation: 'transformation', output: 'output', other: 'context'};

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((100 * part) / whole));

function clarifyArea(context: RoundContext): {area: AreaScore; missed: MissedQuestion[]} {
	const keys = context.scenario.questions.filter((question) => question.key);
	// An interviewer's mark wins over what the matcher heard.
	const asked = new Set(context.scenario.questions.filter((question) => context.marks[`question:${question.id}`] ?? context.asked.includes(question.id)).map((question) => question.id));
	const details: string[] = [];
	for (const group of ['input', 'transformation', 'output', 'other'] as const) {
		const inGroup = keys.filter((question) => question.phase === group);
		if (inGroup.length === 0) continue;
		details.push(`${groupTitles[group]}: ${inGroup.filter((question) => asked.has(question.id)).length} of ${counted(inGroup.length, 'key question')}`);
	}
	const hit = keys.filter((question) => asked.has(question.id)).length;
	const missed = keys.filter((question) => !asked.has(question.id)).map((question) => ({id: question.id, group: question.phase, ask: question.ask, answer: question.answer}));
	if (context.assumptions.length > 0) details.push(`${counted(context.assumptions.length, 'assumption')} stated`);
	return {area: {id: 'clarify', title: 'Clarifying questions', score: percent(hit, keys.length), details}, missed};
}

/** The design runs to judge: the latest design's runs at the mean and at the peak. */
function latestRun(context: RoundContext, pick: (run: {label: string; whatIf: string | null}) => boolean): SimResult | undefined {
	return designRuns(context).find((run) => run.purpose === 'design' && pick(run))?.result;
}

/** The scenario's architectures at the daily peak, strongest first: holds the SLO, then cheapest, then most headroom. */
export function rankArchitectures(context: RoundContext): ArchitectureVerdict[] {
	const scenario = systemDesign(context);
	if (!scenario) return [];
	const verdicts = context.runs
		.filter((run) => run.purpose === 'rank')
		.map((run): ArchitectureVerdict => {
			const architecture = scenario.architectures.find((candidate) => candidate.id === run.label);
			const result = run.result;
			const capacityMultiple = result.capacity.max_load_per_s === null ? null : result.capacity.max_load_per_s / (scenario.workload.events_per_min / 60);
			const cost = result.cost.per_month_usd;
			const holds = result.slo.met ? 'meets the SLO at the daily peak' : `misses the SLO at the daily peak (${result.slo.checks.filter((check) => !check.met).map((check) => check.says).join('; ')})`;
			const headroom = capacityMultiple === null ? 'no catalogue limit' : `capacity ${Number(capacityMultiple.toPrecision(3))}x the mean load`;
			const price = cost === null ? 'cost not priced' : `about $${Math.round(cost).toLocaleString('en-US')}/month`;
			return {id: run.label, title: architecture?.title ?? run.label, met: result.slo.met, capacityMultiple, costPerMonth: cost, why: `${holds}; ${headroom}; ${price}${architecture?.tradeoffs ? `. ${architecture.tradeoffs.trim()}` : ''}`};
		});
	return verdicts.sort((a, b) => Number(b.met) - Number(a.met) || (a.costPerMonth ?? Number.POSITIVE_INFINITY) - (b.costPerMonth ?? Number.POSITIVE_INFINITY) || (b.capacityMultiple ?? 0) - (a.capacityMultiple ?? 0));
}

function designArea(context: RoundContext): AreaScore | undefined {
	const scenario = systemDesign(context);
	if (!scenario) return undefined;
	const mean = latestRun(context, (run) => run.label === '1x');
	const peak = scenario.workload.peak_multiplier > 1 ? latestRun(context, (run) => run.label !== '1x') : mean;
	if (!mean) return {id: 'design', title: 'Design', score: 0, details: ['the design was never simulated']};
	const details: string[] = [];
	let points = 0;
	let weight = 0;
	weight += 40;
	if (mean.slo.met) points += 40;
	details.push(`${mean.slo.met ? 'meets' : 'misses'} the SLO at the mean load`);
	weight += 30;
	if (peak?.slo.met) points += 30;
	details.push(`${peak?.slo.met ? 'meets' : 'misses'} the SLO at the daily peak (${scenario.workload.peak_multiplier}x)`);
	const meanRate = scenario.workload.events_per_min / 60;
	const capacity = mean.capacity.max_load_per_s;
	const headroom = capacity === null ? 1 : Math.min(1, capacity / (10 * meanRate));
	weight += 20;
	points += 20 * headroom;
	details.push(capacity === null ? 'no catalogue limit at 10x' : `capacity ${Number((capacity / meanRate).toPrecision(3))}x the mean (10x wanted)`);
	const cheapest = rankArchitectures(context).find((verdict) => verdict.met && verdict.costPerMonth !== null)?.costPerMonth;
	const cost = mean.cost.per_month_usd;
	if (cheapest !== undefined && cheapest !== null && cost !== null && cost > 0) {
		weight += 10;
		const ratio = cost / cheapest;
		points += ratio <= 1.25 ? 10 : ratio <= 2 ? 5 : 0;
		details.push(`about $${Math.round(cost).toLocaleString('en-US')}/month, ${Number(ratio.toPrecision(2))}x the cheapest architecture that holds`);
	}
	return {id: 'design', title: 'Design', score: Math.round((100 * points) / weight), details};
}

/** The knowledge cards a round asks: those of its phases that carry the cards step. */
export function roundCards(context: Pick<RoundContext, 'scenario' | 'phases'>) {
	return context.phases.filter((phase) => phase.steps.includes('cards')).flatMap((phase) => cardsFor(context.scenario.cards, phase.id));
}

/** The review of a round at this moment (it works on an unfinished round too). */
export function reviewRound(context: RoundContext): Review {
	const areas: AreaScore[] = [];
	const {area: clarify, missed} = clarifyArea(context);
	areas.push(clarify);
	const scenario = systemDesign(context);
	let estimates: EstimateGrade[] = [];
	let apis: Review['apis'] = [];
	if (scenario) {
		const specs = estimateSpecs(scenario.workload);
		estimates = specs.map((spec) => {
			const grade = gradeEstimate(spec, context.estimatesSubmitted ? context.estimates[spec.id] : undefined);
			const mark = context.marks[`estimate:${spec.id}`];
			if (mark === undefined) return grade;
			return {...grade, credit: mark ? 1 : 0, says: `${grade.says} — marked ${mark ? 'right' : 'wrong'} by the interviewer`};
		});
		areas.push({id: 'estimates', title: 'Estimates', score: Math.round((100 * estimates.reduce((sum, grade) => sum + grade.credit, 0)) / specs.length), details: estimates.map((grade, index) => `${specs[index]!.label}: ${grade.says}`)});
		apis = scenario.apis.map((api, index) => {
			const chosen = context.apiChoices[index] ?? null;
			// A style the scenario accepts counts as right, with its own reason.
			const verdict = chosen === null ? null : judgeApi(api, chosen);
			return {between: api.between, chosen, expected: api.style, why: verdict?.why ?? api.why, right: context.marks[`api:${index}`] ?? (verdict !== null && verdict.verdict !== 'wrong')};
		});
		if (apis.length > 0) areas.push({id: 'apis', title: 'API choices', score: percent(apis.filter((api) => api.right).length, apis.length), details: apis.map((api) => `${api.between}: ${api.chosen ?? 'not chosen'}${api.right ? ' ✓' : ` (expected ${api.expected})`}`)});
		areas.push(designArea(context)!);
	} else {
		const exercises = context.exercises;
		const passed = exercises.filter((exercise) => context.attempts.some((attempt) => attempt.exerciseId === exercise.id && attempt.report.passed));
		// A round asks for a few of the scenario's exercises, the candidate's pick, not all of them in its 30 minutes.
		const asked = Math.min(exercises.length, context.scenario.kind === 'data-modeling' ? context.scenario.exercises_per_round : exercises.length);
		areas.push({id: 'modeling', title: 'SQL models', score: percent(Math.min(passed.length, asked), asked), details: [...(asked < exercises.length ? [`${asked} of the ${exercises.length} exercises are asked for (any ${asked}); passed ${passed.length}`] : []), ...exercises.map((exercise) => `${exercise.id}: ${passed.includes(exercise) ? 'passed' : context.attempts.some((attempt) => attempt.exerciseId === exercise.id) ? 'attempted, not passed' : 'not attempted'}`)]});
	}
	const deepDive = context.scenario.deep_dives.map((question) => {
		const answer = context.deepDiveAnswers[question.id];
		return {id: question.id, question: question.question, points: question.good_answer.map((text, index) => ({text, covered: context.marks[`point:${question.id}:${index}`] ?? answer?.covered[index] ?? false}))};
	});
	const cards = roundCards(context).map((card) => {
		const answer = context.cardAnswers[card.id];
		const correction = correctionText(card);
		return {id: card.id, ask: card.ask, answered: answer !== undefined, right: context.marks[`card:${card.id}`] ?? answer?.right ?? false, answer: rightAnswerText(card), explain: card.explain, ...(correction ? {correction} : {}), source: card.source};
	});
	const allPoints = deepDive.flatMap((question) => question.points);
	if (allPoints.length > 0) areas.push({id: 'deep-dive', title: 'Deep dive', score: percent(allPoints.filter((point) => point.covered).length, allPoints.length), details: deepDive.map((question) => `${question.id}: ${question.points.filter((point) => point.covered).length} of ${counted(question.points.length, 'point')}`)});
	if (cards.length > 0) {
		const right = cards.filter((card) => card.right).length;
		areas.push({id: 'cards', title: 'Knowledge cards', score: percent(right, cards.length), details: [`${right} of ${cards.length} cards right (${cards.filter((card) => card.answered).length} answered)`, ...cards.filter((card) => !card.right).map((card) => `${card.id}: ${card.answered ? 'wrong' : 'not answered'}`)]});
	}
	const total = Math.round(areas.reduce((sum, area) => sum + area.score, 0) / areas.length);
	const time = context.phaseTimes.map((entry) => {
		const phase = context.phases.find((candidate) => candidate.id === entry.phase)!;
		const end = entry.endedAt ?? context.finishedAt ?? entry.startedAt;
		return {phase: entry.phase, title: phase.title, minutes: Math.round(((end - entry.startedAt) / 60_000) * 10) / 10, box: phase.minutes + (context.extensions[phase.id] ?? 0)};
	});
	return {total, areas, missedQuestions: missed, estimates, apis, deepDive, cards, architectures: rankArchitectures(context), time};
}
