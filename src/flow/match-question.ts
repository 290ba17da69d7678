/**
The interviewer's ear: what to do with one line the candidate typed during
clarify. Recognises a stated assumption, a design-choice question and small
talk by how they are put (`match-intent.ts`), ranks the bank with minisearch
(`match-rank.ts`), then applies a measured policy:

- answer when the best question is confident and clearly ahead of the next;
- otherwise offer "do you mean A or B?" when the best is plausible, with the
  runners-up close to it (one to three options);
- otherwise "I don't have that; make an assumption and state it".

A wrong answer misleads the candidate, an offer or "make an assumption" only
costs them a keystroke or a rephrasing, so the thresholds favour those: they
were picked from a grid on the `tuning:` lines of test/fixtures/phrasings,
above the lowest values that still gave no wrong answer there, and checked on
the `held_out:` lines (`npx tsx test/flow/match-phrasings.ts` prints the figures). A line with several
questions ("what's the schema and how many per second?") is split into its
parts, and each confident part is answered.
*/
import type {Question} from '../scenarios/schema.js';
import {assumeReply, designChoiceReply, isDesignChoice, isSmallTalk, statedAssumption} from './match-intent.js';
import {createQuestionRanker, type Ranked} from './match-rank.js';
import type {MatchOutcome, QuestionMatcher} from './round-machine.js';

export type {MatchOutcome, QuestionMatcher};

/** The thresholds of the policy (scores as `match-rank.ts` normalises them). */
export type MatchPolicy = {
	/** Least score for an answer. */
	readonly answerScore: number;
	/** Least share of the line's terms the best question must match for an answer. */
	readonly answerCoverage: number;
	/** Largest runner-up score, as a share of the best, that still lets the best answer alone. */
	readonly margin: number;
	/** Least score for a question to be offered. */
	readonly offerScore: number;
	/** Least share of the line's terms the best question must match to be offered. */
	readonly offerCoverage: number;
	/** Least score, as a share of the best, for a runner-up to be offered beside it. */
	readonly offerClose: number;
};

/** The tuned policy. */
export const defaultPolicy: MatchPolicy = {answerScore: 6, answerCoverage: 0.4, margin: 0.7, offerScore: 2.5, offerCoverage: 0.3, offerClose: 0.5};

/** What the policy decides from a ranking alone. */
export type Decision = {kind: 'answer'; question: Question} | {kind: 'offer'; options: Question[]} | {kind: 'none'};

/**
The policy over one ranking: answer the best when it is confident and well
ahead; offer it (with the close runners-up, at most three in all) when it is
plausible but not confident; otherwise nothing.
*/
export function decide(ranked: readonly Ranked[], policy: MatchPolicy = defaultPolicy): Decision {
	const [best, next] = ranked;
	if (!best || best.score < policy.offerScore || best.coverage < policy.offerCoverage) return {kind: 'none'};
	const ratio = next ? next.score / best.score : 0;
	if (best.score >= policy.answerScore && best.coverage >= policy.answerCoverage && ratio <= policy.margin) return {kind: 'answer', question: best.question};
	const close = ranked.filter((entry) => entry.score >= policy.offerScore && entry.score >= best.score * policy.offerClose).slice(0, 3);
	return {kind: 'offer', options: close.map((entry) => entry.question)};
}

/** The parts of a line that asks several things: split at question marks, semicolons and "and"/"also" between clauses. */
export function questionParts(text: string): string[] {
	return text
		.split(/[?;]|,?\s+\b(?:and|also|plus)\s+(?=(?:what|whats|what's|how|who|whos|where|when|which|is|are|do|does|can|will|would|should)\b)|,\s+(?=(?:what|whats|what's|how|who|where|when|which)\b)/i)
		.map((part) => part.trim())
		.filter((part) => part.length > 0);
}

/** Builds the matcher over a scenario's question bank. */
export function createQuestionMatcher(questions: readonly Question[], policy: MatchPolicy = defaultPolicy): QuestionMatcher {
	// The index is built on the first question, not when the round opens: it is not needed for the first frame.
	let built: ReturnType<typeof createQuestionRanker> | undefined;
	const ranker = {rank: (text: string) => (built ??= createQuestionRanker(questions)).rank(text)};
	const answer = (found: readonly Question[], asked: ReadonlySet<string>): MatchOutcome => ({kind: 'answer', questions: found, repeated: found.filter((question) => asked.has(question.id)).map((question) => question.id)});
	return {
		match(text, asked) {
			const assumption = statedAssumption(text);
			if (assumption !== null) return assumption.length > 0 ? {kind: 'assumption', text: assumption} : {kind: 'assume', reply: 'Assume what? Say it in the same line, for example "assume 1 KB events".'};
			if (isDesignChoice(text)) return {kind: 'design-choice', reply: designChoiceReply};
			if (isSmallTalk(text)) return {kind: 'assume', reply: assumeReply};

			const parts = questionParts(text);
			if (parts.length > 1) {
				const found: Question[] = [];
				for (const part of parts) {
					const decision = decide(ranker.rank(part), policy);
					if (decision.kind === 'answer' && !found.includes(decision.question)) found.push(decision.question);
				}
				if (found.length > 1) return answer(found, asked);
			}
			const decision = decide(ranker.rank(text), policy);
			if (decision.kind === 'answer') return answer([decision.question], asked);
			if (decision.kind === 'offer') return {kind: 'offer', options: decision.options};
			return {kind: 'assume', reply: assumeReply};
		},
	};
}
