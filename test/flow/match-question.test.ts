/**
The question matcher as a candidate meets it: the gate on the phrasing sets
(handled well >= 90%, answered wrong <= 3%, per scenario), the answers the
issue names, and each outcome of the policy.
*/
import {describe, expect, it} from 'vitest';
import {createQuestionMatcher, defaultPolicy, questionParts, type MatchOutcome} from '../../src/flow/match-question.js';
import {findScenario} from '../../src/scenarios/catalogue.js';
import {builtin} from './helpers.js';
import {allLines, phrasingSets, report, score} from './match-phrasings.js';

const matcherFor = (id: string) => createQuestionMatcher(findScenario(builtin(), id).questions);
const ids = (outcome: MatchOutcome) => (outcome.kind === 'answer' ? outcome.questions.map((question) => question.id) : outcome.kind === 'offer' ? outcome.options.map((question) => question.id) : []);

describe('the phrasing sets', () => {
	const sets = phrasingSets();

	it('cover every built-in scenario, with 40+ lines and 8+ off-topic or design-choice lines each', () => {
		expect(sets.map((set) => set.scenario).sort()).toEqual(builtin().scenarios.map((scenario) => scenario.id).sort());
		for (const set of sets) {
			const lines = allLines(set);
			expect(lines.length, set.scenario).toBeGreaterThanOrEqual(40);
			expect(lines.filter((line) => line.expect === 'assume' || line.expect === 'design-choice').length, set.scenario).toBeGreaterThanOrEqual(8);
			expect(set.heldOut.length, set.scenario).toBeGreaterThanOrEqual(15);
		}
	});

	it.each(sets.map((set) => [set.scenario, set] as const))('%s: handled well >= 90%, answered wrong <= 3%', (id, set) => {
		const figures = score(id, allLines(set));
		const detail = figures.misses.map((miss) => `${miss.verdict}: ${miss.text} → ${miss.got}`).join('\n');
		expect(figures.handled / figures.lines, detail).toBeGreaterThanOrEqual(0.9);
		expect(figures.wrong / figures.lines, detail).toBeLessThanOrEqual(0.03);
	});

	it('prints the figures per scenario, tuning and held-out apart', () => {
		const table = report();
		console.log(table);
		expect(table).toMatch(/login-counter +held-out/);
	});

	it('would fail a matcher that always answers its best guess (the gate bites)', () => {
		const reckless = {...defaultPolicy, answerScore: 0, answerCoverage: 0, margin: 1};
		const worst = Math.max(...sets.map((set) => {
			const figures = score(set.scenario, allLines(set), reckless);
			return figures.wrong / figures.lines;
		}));
		expect(worst).toBeGreaterThan(0.03);
	});
});

describe('login-counter', () => {
	const matcher = matcherFor('login-counter');

	it.each(['what does the data look like?', 'whats the schema'])('answers "%s" with the fields user_id, timestamp and country', (text) => {
		const outcome = matcher.match(text, new Set());
		expect(outcome.kind).toBe('answer');
		const answer = outcome.kind === 'answer' ? outcome.questions.map((question) => question.answer).join(' ') : '';
		for (const field of ['user_id', 'timestamp', 'country']) expect(answer).toContain(field);
	});

	it('recognises a topic asked again', () => {
		expect(matcher.match('what fields does each event have', new Set(['schema']))).toMatchObject({kind: 'answer', repeated: ['schema']});
		expect(matcher.match('what fields does each event have', new Set(['volume']))).toMatchObject({kind: 'answer', repeated: []});
	});

	it('records a stated assumption without its lead-in', () => {
		expect(matcher.match('assume 1 KB events', new Set())).toEqual({kind: 'assumption', text: '1 KB events'});
		expect(matcher.match("let's assume the peak is 3x the average", new Set())).toEqual({kind: 'assumption', text: 'the peak is 3x the average'});
		expect(matcher.match('assume', new Set()).kind).toBe('assume');
	});

	it('hands a design choice back to the candidate', () => {
		const outcome = matcher.match('can I use Kafka?', new Set());
		expect(outcome.kind).toBe('design-choice');
		expect(outcome.kind === 'design-choice' ? outcome.reply : '').toMatch(/your call.*why/i);
	});

	it('says "make an assumption" to small talk instead of answering', () => {
		for (const text of ['what time is lunch', 'how was your weekend', 'do you have any pets']) {
			const outcome = matcher.match(text, new Set());
			expect(outcome.kind, text).toBe('assume');
			expect(outcome.kind === 'assume' ? outcome.reply : '').toMatch(/make an assumption/);
		}
	});

	it('answers each part of a line that asks two things', () => {
		expect(questionParts('whats the schema and how many events per second?')).toEqual(['whats the schema', 'how many events per second']);
		expect(ids(matcher.match('whats the schema and how many events per second?', new Set()))).toEqual(['schema', 'volume']);
		// "or" inside one question is not a second question.
		expect(questionParts('is it streaming or batch')).toEqual(['is it streaming or batch']);
	});
});

describe('offers', () => {
	it('asks "do you mean A or B?" when two topics are close, and never answers one of them', () => {
		const outcome = matcherFor('marketing-pipeline').match('do they need it real time or is hourly ok', new Set());
		expect(outcome.kind).toBe('offer');
		expect(ids(outcome)).toEqual(expect.arrayContaining(['refresh-rate', 'frequency']));
	});

	it('offers at most three topics', () => {
		for (const set of phrasingSets()) {
			const matcher = matcherFor(set.scenario);
			for (const line of allLines(set)) {
				const outcome = matcher.match(line.text, new Set());
				if (outcome.kind === 'offer') expect(outcome.options.length, line.text).toBeLessThanOrEqual(3);
			}
		}
	});
});
