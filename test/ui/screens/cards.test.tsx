/**
Knowledge cards on the round screen: in the deep dive, tab reaches the cards;
a card shows its options, takes the option number typed, and (practising
alone) says right or wrong with the model answer, the correction of the notes
and the source. On the candidate's shared screen the right option is never
marked, before or after answering.
*/
import {afterEach, describe, expect, test} from 'vitest';
import {startRound} from '../../../src/flow/round-actor.js';
import type {Audience} from '../../../src/ui/screens/round-views.js';
import {matchPoints} from '../../../src/flow/match-points.js';
import {ctrl, flat, mountRoundScreen} from '../../helpers/round-screen.js';
import {loginCounter, roundInput} from '../../flow/helpers.js';

const scenario = loginCounter();
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function mount(audience: Audience, columns = 100, rows = 40) {
	const actor = startRound({input: roundInput(scenario, {matchPoints}), simulate: () => undefined, grade: () => undefined});
	const {screen, type, unmount} = mountRoundScreen(actor, {audience, columns, rows});
	cleanup = unmount;
	return {actor, screen, type};
}

async function toCards(type: ReturnType<typeof mount>['type']) {
	await type('', 'ask›');
	await type(ctrl('n'), 'Requirements (10 min)');
	await type(ctrl('n'), 'High-level design (10 min)');
	await type(ctrl('n'), 'Question 1 of');
	return type('\t', 'Card 1 of');
}

const retention = scenario.cards.find((card) => card.id === 'kds-retention')!;

describe('knowledge cards on the round screen', () => {
	test('the deep dive has a cards step; a wrong option is marked with the right one, the correction and the source; the right one says so', async () => {
		const {type, actor} = mount('solo');
		const first = await toCards(type);
		expect(first).toContain('[cards]');
		expect(first).toContain(flat(retention.ask).slice(0, 60));
		expect(first).toContain('2. 24 hours by default, extendable up to 365 days');
		expect(first).toContain('type the number of your answer');
		// Nothing is judged before an answer.
		expect(first).not.toContain('The notes say');
		const notOption = await type('7\r', '"7" is not an option');
		expect(notOption).not.toContain('✗');
		const wrong = await type('1\r', '✗ the answer is (2)');
		expect(wrong).toContain('The notes say KDS stores data for 1–7 days; today it is 24 h by default, up to 365 days');
		expect(wrong).toContain('source: Study notes');
		expect(actor.getSnapshot().context.cardAnswers['kds-retention']).toMatchObject({right: false});
		const right = await type('2\r', '✓ right');
		expect(right).toContain('answered: 1✓');
		// ↓ moves on to the next card.
		const next = await type('\u001B[B', 'Card 2 of');
		expect(next).toContain(flat(scenario.cards.filter((card) => card.phase === 'deep-dive')[1]!.ask).slice(0, 40));
	});

	test('at 80x24 every frame of the cards fits: no line wider than the terminal, none taller', async () => {
		const {type, screen} = mount('solo', 80, 24);
		await toCards(type);
		await type('1\r', '✗ the answer is');
		await type('\u001B[B', 'Card 2 of');
		for (const frame of screen.frames) {
			const lines = frame.split('\n');
			expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
			expect(lines.length).toBeLessThanOrEqual(23);
		}
	});

	test("the candidate's shared screen shows the options but never which is right, before or after answering", async () => {
		const {type, screen} = mount('candidate');
		await toCards(type);
		const answered = await type('1\r', 'answer recorded');
		expect(answered).toContain('• 1. 1 to 7 days');
		const frames = screen.frames.map(flat);
		const hidden = [retention.explain, retention.source, 'The notes say', '✓ right', '✗ the answer is', '✓ 2.'].map((text) => flat(text).slice(0, 40));
		for (const text of hidden) expect(frames.filter((frame) => frame.includes(text)), text).toEqual([]);
	});
});
