/**
Ranks a question bank against one line the candidate typed, with minisearch
(BM25 over each question's ask, aliases and keywords). The policy that turns a
ranking into an answer, an offer or "make an assumption" is in
`match-question.ts`; this module only scores.

Scores are made comparable across lines: minisearch's score grows with the
number of words matched, so it is divided by the number of distinct terms in
the line, and `coverage` says what share of those terms the question matched
at all. A long line that matches one word of a question is not confident.
*/
import MiniSearch from 'minisearch';
import type {Question} from '../scenarios/schema.js';
import {phrasesOf, terms} from './match-text.js';

/** One bank question's standing for a line. */
export type Ranked = {
	readonly question: Question;
	/** minisearch's score over the number of distinct terms in the line. */
	readonly score: number;
	/** Share of the line's distinct terms this question matched (exactly, by prefix or fuzzily). */
	readonly coverage: number;
};

/** A bank, indexed once, that ranks lines. */
export type QuestionRanker = {
	/** The bank's questions, best first, with a positive score; empty when no term matched. */
	rank(text: string): Ranked[];
	/** The search terms of a line, as the ranker sees them (for tests and for debugging a phrasing). */
	terms(text: string): string[];
};

type Doc = {id: string; ask: string; aliases: string; keywords: string};

/** The share of a bank's questions a word may appear in and still tell them apart. */
const commonShare = 0.35;

/** Field boosts: the plain ask and the chosen keywords say more than any one alias. */
const boost = {ask: 2, aliases: 1, keywords: 2};

/** Indexes a question bank. */
export function createQuestionRanker(questions: readonly Question[]): QuestionRanker {
	const phrases = phrasesOf(questions.flatMap((question) => question.keywords));
	const toTerms = (text: string) => terms(text, phrases);
	const byId = new Map(questions.map((question) => [question.id, question]));
	// Documents hold their terms already joined by spaces, so the index and the query split the same way.
	const docs: Doc[] = questions.map((question) => ({
		id: question.id,
		ask: toTerms(question.ask).join(' '),
		aliases: question.aliases.flatMap(toTerms).join(' '),
		keywords: question.keywords.flatMap(toTerms).join(' '),
	}));
	const vocabulary = new Set(docs.flatMap((doc) => `${doc.ask} ${doc.aliases} ${doc.keywords}`.split(' ')).filter(Boolean));
	const search = new MiniSearch<Doc>({
		fields: ['ask', 'aliases', 'keywords'],
		tokenize: (text) => text.split(' ').filter(Boolean),
		processTerm: (term) => term,
		searchOptions: {
			boost,
			combineWith: 'OR',
			// Typos: edit distance up to 30% of the word on words of 5+ letters the bank does not have as they are
			// (so "login" never meets "logic"); prefixes on 4+ ("refresh" meets "refreshed").
			fuzzy: (term) => (term.length >= 5 && !term.includes('_') && !vocabulary.has(term) ? 0.3 : false),
			prefix: (term) => term.length >= 4 && !term.includes('_'),
			weights: {fuzzy: 0.45, prefix: 0.6},
		},
	});
	search.addAll(docs);

	// Words in a large share of the bank ("login" in login-counter, "event" in most event banks) say nothing about
	// which question was meant; they only match everything a little. They are dropped from a line, unless nothing else is left.
	const spread = new Map<string, number>();
	for (const doc of docs) for (const term of new Set(`${doc.ask} ${doc.aliases} ${doc.keywords}`.split(' ').filter(Boolean))) spread.set(term, (spread.get(term) ?? 0) + 1);
	const common = (term: string) => questions.length >= 6 && (spread.get(term) ?? 0) / questions.length >= commonShare;

	return {
		terms: toTerms,
		rank(text) {
			const all = [...new Set(toTerms(text))];
			const telling = all.filter((term) => !common(term));
			const said = telling.length > 0 ? telling : all;
			if (said.length === 0) return [];
			// Every term counts in the normalisation, words the bank does not know too: giving those less
			// weight was measured, and turned small talk ("the budget for the team offsite") into answers.
			return search.search(said.join(' ')).map((result) => ({
				question: byId.get(result.id as string)!,
				score: result.score / said.length,
				coverage: new Set(result.queryTerms).size / said.length,
			}));
		},
	};
}
