/**
PLACEHOLDER until the measured matcher lands (its own branch): keyword overlap
only, no offers. Replaced wholesale on merge; nothing may depend on more than
the interface below.
*/
import type {Question} from '../scenarios/schema.js';
import type {MatchOutcome, QuestionMatcher} from './round-machine.js';

export type {MatchOutcome, QuestionMatcher};

const words = (text: string) => text.toLowerCase().match(/[a-z0-9_]+/g) ?? [];

/** Builds a matcher over a question bank. */
export function createQuestionMatcher(questions: readonly Question[]): QuestionMatcher {
	return {
		match(text, asked) {
			const said = new Set(words(text));
			if (/^\s*(assume|assuming|let's say|i'll assume)\b/i.test(text)) return {kind: 'assumption', text: text.trim().replace(/^\s*(assume|assuming|let's say|i'll assume)\s*/i, '')};
			let best: Question | undefined;
			let bestScore = 0;
			for (const question of questions) {
				const score = [...question.keywords, ...question.aliases.flatMap(words)].filter((word) => said.has(word.toLowerCase())).length;
				if (score > bestScore) {
					best = question;
					bestScore = score;
				}
			}
			if (!best) return {kind: 'assume', reply: "I don't have that; make an assumption and state it."};
			return {kind: 'answer', questions: [best], repeated: asked.has(best.id) ? [best.id] : []};
		},
	};
}
