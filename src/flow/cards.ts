/**
Knowledge cards in a round: which cards each phase asks, how an answer is read
and judged, and what the round shows once a card is answered.

A card is a comparison from the study notes (KDS vs Firehose, sharding vs
partitioning, the API-style table, the ETL transformations, partition DDL, the
10x recipe) asked in the notes' own terms. A choice card is answered by the
number(s) of its options ("2", "1,3", "b"); it is right when exactly the right
options are picked. A free-text card is matched against its points with the
deep dive's point matcher and is right when enough points are covered.

Pure: no Ink, no I/O.
*/
import type {Card} from '../scenarios/schema.js';
import type {Phase} from './phases.js';

/** The verdict on one answer to a card. */
export type CardGrade = {
	readonly right: boolean;
	/** The options picked (0-based), for a choice card. */
	readonly chosen?: readonly number[];
	/** Which points the text covered, for a free-text card. */
	readonly covered?: readonly boolean[];
	readonly evidence?: ReadonlyArray<string | null>;
};

/** An answer as the round keeps it. */
export type CardAnswer = CardGrade & {readonly text: string};

/** Matches free text against points (the interview's `matchPoints`). */
type PointMatcher = (points: readonly string[], answer: string) => {covered: boolean[]; evidence: (string | null)[]};

/** The cards a phase asks, in file order. */
export function cardsFor(cards: readonly Card[], phase: Phase['id']): Card[] {
	return cards.filter((card) => card.phase === phase);
}

/**
The phases of a round with a `cards` step added to each phase that has cards,
after the phase's own steps, so a scenario without cards plays as before.
*/
export function withCardSteps(phases: readonly Phase[], cards: readonly Card[]): Phase[] {
	return phases.map((phase) => (cardsFor(cards, phase.id).length > 0 && !phase.steps.includes('cards') ? {...phase, steps: [...phase.steps, 'cards']} : phase));
}

/**
The options a choice answer picks, 0-based, or a message saying what was
expected. Numbers from 1 or letters from a, separated by commas or spaces.
*/
export function parseChoice(text: string, optionCount: number): {ok: true; chosen: number[]} | {ok: false; message: string} {
	const parts = text
		.trim()
		.toLowerCase()
		.split(/[\s,;/]+|\band\b/)
		.filter((part) => part !== '');
	const last = String.fromCharCode(96 + optionCount);
	const expected = `type the number of your answer (1–${optionCount}, or a–${last}); several with commas: 1,3`;
	if (parts.length === 0) return {ok: false, message: expected};
	const chosen = new Set<number>();
	for (const part of parts) {
		const index = /^\d+$/.test(part) ? Number(part) - 1 : /^[a-z]$/.test(part) ? part.charCodeAt(0) - 97 : Number.NaN;
		if (!Number.isInteger(index) || index < 0 || index >= optionCount) return {ok: false, message: `"${part}" is not an option; ${expected}`};
		chosen.add(index);
	}
	return {ok: true, chosen: [...chosen].sort((a, b) => a - b)};
}

/** How many points a free-text card needs: its `need`, or all of them. */
export function pointsNeeded(card: Card): number {
	return card.answer.kind === 'points' ? (card.answer.need ?? card.answer.points.length) : 0;
}

/**
Judges an answer to a card, or returns undefined when a choice answer names no
option (the screen asks again; the round records nothing).
*/
export function gradeCard(card: Card, text: string, matchPoints: PointMatcher): CardGrade | undefined {
	if (card.answer.kind === 'choice') {
		const parsed = parseChoice(text, card.answer.options.length);
		if (!parsed.ok) return undefined;
		const right = card.answer.options.flatMap((option, index) => (option.right ? [index] : []));
		return {right: right.length === parsed.chosen.length && right.every((index) => parsed.chosen.includes(index)), chosen: parsed.chosen};
	}
	if (text.trim() === '') return undefined;
	const matched = matchPoints(card.answer.points, text);
	return {right: matched.covered.filter(Boolean).length >= pointsNeeded(card), covered: matched.covered, evidence: matched.evidence};
}

/** The right answer in words: the right options' numbers and texts, or the points. */
export function rightAnswerText(card: Card): string {
	if (card.answer.kind === 'choice') {
		return card.answer.options
			.flatMap((option, index) => (option.right ? [`(${index + 1}) ${option.text}`] : []))
			.join(' and ');
	}
	return card.answer.points.join('; ');
}

/** A correction of the notes said plainly: "The notes say 1–7 days; today it is 24 h by default, up to 365 days." */
export function correctionText(card: Card): string | undefined {
	return card.correction ? `The notes say ${card.correction.notes_say}; ${card.correction.fact}` : undefined;
}
