/**
The knowledge cards of the built-in scenarios: every card's right answer is
accepted and a plausible wrong one is not (table-driven over all cards), the
notes' comparison tables are all covered, the corrections of the notes are
said, and the rules `dojo validate` applies to cards.
*/
import {describe, expect, test} from 'vitest';
import {correctionText, gradeCard, parseChoice, rightAnswerText, withCardSteps} from '../../src/flow/cards.js';
import {matchPoints} from '../../src/flow/match-points.js';
import {systemDesignPhases, dataModelingPhases} from '../../src/flow/phases.js';
import {cardProblems} from '../../src/scenarios/rules.js';
import type {Card} from '../../src/scenarios/schema.js';
import {freeTextSamples} from '../fixtures/cards/samples.js';
import {builtin} from './helpers.js';

const all = builtin().scenarios.flatMap((scenario) => scenario.cards.map((card) => ({scenario: scenario.id, card})));
const choiceCards = all.filter(({card}) => card.answer.kind === 'choice');
const textCards = all.filter(({card}) => card.answer.kind === 'points');

/** The 1-based numbers of a choice card's options, right ones or wrong ones. */
function numbers(card: Card, right: boolean): number[] {
	return card.answer.kind === 'choice' ? card.answer.options.flatMap((option, index) => (option.right === right ? [index + 1] : [])) : [];
}

describe('every card of the built-in scenarios', () => {
	test('there are cards, of both kinds', () => {
		expect(choiceCards.length).toBeGreaterThan(20);
		expect(textCards.length).toBeGreaterThanOrEqual(3);
	});

	test.each(choiceCards.map(({scenario, card}) => [`${scenario}/${card.id}`, card] as const))('%s: the right option(s) are accepted; each wrong option, and a right one with a wrong one, are not', (_, card) => {
		const right = numbers(card, true);
		const wrong = numbers(card, false);
		expect(gradeCard(card, right.join(','), matchPoints)?.right).toBe(true);
		// Letters work as well as numbers.
		expect(gradeCard(card, right.map((n) => String.fromCharCode(96 + n)).join(' '), matchPoints)?.right).toBe(true);
		expect(wrong.length).toBeGreaterThan(0);
		for (const n of wrong) expect(gradeCard(card, String(n), matchPoints)?.right, `option ${n}`).toBe(false);
		expect(gradeCard(card, [...right, wrong[0]!].join(','), matchPoints)?.right).toBe(false);
	});

	test.each(textCards.map(({scenario, card}) => [`${scenario}/${card.id}`, card] as const))('%s: a right answer in other words is accepted and a plausible wrong one is not', (_, card) => {
		const sample = freeTextSamples[card.id];
		expect(sample, `test/fixtures/cards/samples.ts needs a right and a wrong answer for ${card.id}`).toBeDefined();
		expect(gradeCard(card, sample!.right, matchPoints)?.right).toBe(true);
		expect(gradeCard(card, sample!.wrong, matchPoints)?.right).toBe(false);
	});

	test('each card says where its fact comes from and what the model answer is', () => {
		for (const {card} of all) {
			expect(card.source, card.id).toMatch(/notes/i);
			expect(rightAnswerText(card).length, card.id).toBeGreaterThan(0);
		}
	});
});

describe('what the cards cover', () => {
	test("every comparison table and list of the notes has cards: KDS vs Firehose, sharding vs partitioning, API styles, ETL transformations, partition DDL, the 10x recipe", () => {
		const topics = new Set(all.map(({card}) => card.topic));
		for (const topic of ['kds-vs-firehose', 'sharding-vs-partitioning', 'api-styles', 'etl-transformations', 'partitioning', 'scale-10x', 'serving-stores', 'redshift-keys'] as const) expect(topics, topic).toContain(topic);
	});

	test('the KDS vs Firehose cards ask scaling, latency, retention, replay, sources and destinations', () => {
		const text = all.filter(({card}) => card.topic === 'kds-vs-firehose').map(({card}) => `${card.ask} ${rightAnswerText(card)}`).join(' ').toLowerCase();
		for (const word of ['scal', 'latency', 'keep records', 'replay', 'upstream', 'downstream']) expect(text, word).toContain(word);
	});

	test('each of the nine named ETL transformations is the right answer of a card', () => {
		const answers = all.filter(({card}) => card.topic === 'etl-transformations').map(({card}) => rightAnswerText(card).toLowerCase()).join(' | ');
		for (const name of ['dedup', 'cleansing', 'filtering', 'joining', 'derivation', 'aggregation', 'binning', 'splitting', 'integration']) {
			const named = name === 'cleansing' ? all.some(({card}) => card.id === 'etl-cleansing') : answers.includes(name);
			expect(named, name).toBe(true);
		}
	});

	test('RANGE, LIST and HASH partitioning and pruning each have a card', () => {
		const asks = all.filter(({card}) => card.topic === 'partitioning').map(({card}) => card.ask).join(' ');
		for (const ddl of ['RANGE', 'LIST', 'HASH', 'PARTITION (p_0)']) expect(asks, ddl).toMatch(new RegExp(ddl.replace(/[()]/g, '\\$&').replace('LIST', 'pRegion'), 'i'));
	});

	test('the parts of the 10x recipe are each asked: load balancer, auto-scaling, rate limiting, caching, read replicas, consistent hashing, consumer groups', () => {
		const text = all.filter(({card}) => card.topic === 'scale-10x').map(({card}) => `${card.ask} ${rightAnswerText(card)} ${card.explain}`).join(' ').toLowerCase();
		for (const part of ['load balancer', 'auto-scaling', 'rate limiting', 'cache', 'read replicas', 'consistent hashing', 'consumer group']) expect(text, part).toContain(part);
	});

	test('GraphQL and WebSocket are each the right answer of a card', () => {
		const answers = all.filter(({card}) => card.topic === 'api-styles').map(({card}) => rightAnswerText(card));
		expect(answers.some((answer) => /\bGraphQL\b/.test(answer))).toBe(true);
		expect(answers.some((answer) => /\bWebSocket\b/.test(answer))).toBe(true);
	});

	test.each([
		['kds-retention', /The notes say KDS stores data for 1–7 days; today it is 24 h by default, up to 365 days/],
		['redshift-distkey-location', /The notes say a good DISTKEY is, e.g., location .*; a low-cardinality DISTKEY such as location or platform skews slices/],
		['sharding-splits-rows', /The notes say sharding splits the schema .*; sharding splits rows/],
		['etl-integration', /The notes say aggregation is merging data from various sources into one complete dataset; merging sources is integration/],
		['serving-stores', /The notes say Snowflake or Redshift are low-latency databases .*; they are analytic warehouses, not low-latency serving stores/],
	])('card %s corrects the notes plainly', (id, says) => {
		const card = all.find((entry) => entry.card.id === id)?.card;
		expect(card, id).toBeDefined();
		expect(correctionText(card!)).toMatch(says);
	});
});

describe('reading a choice', () => {
	test('numbers from 1 or letters from a, one or several', () => {
		expect(parseChoice('2', 4)).toEqual({ok: true, chosen: [1]});
		expect(parseChoice(' b ', 4)).toEqual({ok: true, chosen: [1]});
		expect(parseChoice('3, 1', 4)).toEqual({ok: true, chosen: [0, 2]});
		expect(parseChoice('1 and 3', 4)).toEqual({ok: true, chosen: [0, 2]});
	});

	test('anything else says what was expected', () => {
		expect(parseChoice('', 4)).toMatchObject({ok: false, message: expect.stringContaining('1–4')});
		expect(parseChoice('5', 4)).toMatchObject({ok: false, message: expect.stringContaining('"5" is not an option')});
		expect(parseChoice('kinesis', 4)).toMatchObject({ok: false, message: expect.stringContaining('"kinesis" is not an option')});
	});
});

describe('cards in the phase table', () => {
	const card = (phase: Card['phase']): Card => ({id: `c-${phase}`, phase, topic: 'scale-10x', ask: 'q', answer: {kind: 'choice', options: [{text: 'a', right: true}, {text: 'b', right: false}]}, explain: 'e', source: 'notes'});

	test('a phase with cards gets a cards step after its own; phases without cards are unchanged', () => {
		const phases = withCardSteps(systemDesignPhases, [card('scaling')]);
		expect(phases.find((phase) => phase.id === 'scaling')!.steps).toEqual(['what-ifs', 'pipeline', 'cards']);
		expect(phases.find((phase) => phase.id === 'deep-dive')!.steps).toEqual(['deep-dive']);
		expect(withCardSteps(systemDesignPhases, [])).toEqual(systemDesignPhases);
	});

	test('validate: a card must be drawn into a phase of its round, a choice card needs a right option, a text card no more points than it lists', () => {
		expect(cardProblems([card('scaling')], 'data-modeling', ['cards'])).toEqual([{path: ['cards', 0, 'phase'], message: 'a data-modeling round has no phase "scaling"; expected one of modeling, deep-dive'}]);
		expect(cardProblems([card('scaling')], 'system-design', ['cards'])).toEqual([]);
		expect(cardProblems([card('modeling')], 'system-design', ['cards'])[0]!.message).toMatch(/a system-design round has no phase "modeling"; expected one of design, deep-dive, scaling/);
		const noRight: Card = {...card('deep-dive'), answer: {kind: 'choice', options: [{text: 'a', right: false}, {text: 'b', right: false}]}};
		expect(cardProblems([noRight], 'data-modeling', ['cards'])).toEqual([{path: ['cards', 0, 'answer', 'options'], message: 'card "c-deep-dive" has no right option; mark one with right: true'}]);
		const tooMany: Card = {...card('deep-dive'), answer: {kind: 'points', points: ['a'], need: 2}};
		expect(cardProblems([tooMany], 'data-modeling', ['cards'])[0]!.message).toBe('card "c-deep-dive" needs 2 points but lists 1');
		expect(dataModelingPhases.some((phase) => phase.id === 'scaling')).toBe(false);
	});
});
