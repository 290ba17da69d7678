/**
The scenarios file schema: the message for each field a scenario gets wrong,
and the defaults a scenario gets for the fields it leaves out.
*/
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {formatIssue} from '../../src/scenarios/format-issue.js';
import {pathToString} from '../../src/scenarios/load.js';
import {ScenarioFileSchema} from '../../src/scenarios/schema.js';

/** The valid user file the CLI tests load beside the built-in one (one system-design scenario). */
const base = parse(readFileSync('test/fixtures/my-scenarios.yaml', 'utf8')) as {scenarios: Array<Record<string, unknown>>};

const dataModeling = {id: 'dm', title: 'T', kind: 'data-modeling', summary: 'S', prompt: 'P', questions: [{id: 'q', phase: 'input', topic: 'source', ask: 'A', keywords: ['k'], answer: 'X'}]};

/** `path: message` for each schema problem of the file with `edit` applied to a copy of its first scenario. */
function problems(edit: (scenario: Record<string, any>) => void, scenario: Record<string, unknown> = base.scenarios[0]!): string[] {
	const copy = structuredClone(scenario);
	edit(copy);
	const result = ScenarioFileSchema.safeParse({version: 1, scenarios: [copy]}, {reportInput: true});
	return result.success ? [] : result.error.issues.map(formatIssue).map(({path, message}) => `${pathToString(path)}: ${message}`);
}

const card = (answer: Record<string, unknown>) => ({id: 'c', phase: 'design', topic: 'api-styles', ask: 'A', answer, explain: 'E', source: 'S'});

describe('ScenarioFileSchema messages', () => {
	it('a question with no keyword, a scenario with no question', () => {
		expect(problems((s) => (s.questions[0].keywords = []))).toEqual(['scenarios[0].questions[0].keywords: a question needs at least one keyword to be matched on; got 0 items']);
		expect(problems((s) => (s.questions = []))).toEqual(['scenarios[0].questions: a scenario needs at least one question; got 0 items']);
	});

	it('workload numbers out of range', () => {
		expect(
			problems((s) => {
				s.workload.event_bytes = 0;
				s.workload.peak_multiplier = 0.5;
				s.workload.retention_h = 0;
				s.workload.refresh_interval_s = -1;
			}),
		).toEqual([
			'scenarios[0].workload.event_bytes: event_bytes must be > 0; got number 0',
			'scenarios[0].workload.peak_multiplier: peak_multiplier must be >= 1; got number 0.5',
			'scenarios[0].workload.retention_h: retention_h must be > 0; got number 0',
			'scenarios[0].workload.refresh_interval_s: refresh_interval_s must be > 0; got number -1',
		]);
	});

	it('a system-design scenario with one architecture', () => {
		expect(problems((s) => s.architectures.pop())).toEqual(['scenarios[0].architectures: a system-design scenario needs at least two candidate architectures; got 1 item']);
	});

	it('a choice card with one option, a free-text card with no point', () => {
		expect(problems((s) => (s.cards = [card({kind: 'choice', options: [{text: 'a', right: true}]})]))).toEqual(['scenarios[0].cards[0].answer.options: a choice card needs at least two options; got 1 item']);
		expect(problems((s) => (s.cards = [card({kind: 'points', points: []})]))).toEqual(['scenarios[0].cards[0].answer.points: a free-text card needs at least one point; got 0 items']);
	});

	it('curveball multipliers and times that are not above 0', () => {
		expect(problems((s) => (s.curveballs = [{id: 'c', says: 'S', expect: 'E', load_multiplier: 0, retention_h: 0, refresh_interval_s: 0, bot_multiplier: 0}]))).toEqual([
			'scenarios[0].curveballs[0].load_multiplier: load_multiplier must be > 0; got number 0',
			'scenarios[0].curveballs[0].retention_h: retention_h must be > 0; got number 0',
			'scenarios[0].curveballs[0].refresh_interval_s: refresh_interval_s must be > 0; got number 0',
			'scenarios[0].curveballs[0].bot_multiplier: bot_multiplier must be > 0; got number 0',
		]);
	});

	it('exercises_per_round is above 0', () => {
		expect(problems((s) => (s.exercises_per_round = 0), dataModeling)).toEqual(['scenarios[0].exercises_per_round: exercises_per_round must be > 0; got number 0']);
	});
});

describe('ScenarioFileSchema defaults', () => {
	it('fill in what a file leaves out', () => {
		expect(ScenarioFileSchema.parse({version: 1})).toEqual({version: 1, scenarios: [], exercises: [], coding: []});
		const parsed = ScenarioFileSchema.parse({version: 1, scenarios: [dataModeling, base.scenarios[0]]});
		expect(parsed.scenarios[0]).toEqual({
			...dataModeling,
			questions: [{...dataModeling.questions[0], aliases: [], key: false}],
			deep_dives: [],
			cards: [],
			table_designs: [],
			curveballs: [],
			exercises_per_round: 3,
		});
		const system = parsed.scenarios[1]!;
		expect(system.kind === 'system-design' && system).toMatchObject({apis: [], curveballs: [], deep_dives: [], cards: [], table_designs: [], workload: {peak_multiplier: 1}});
		expect(system.kind === 'system-design' && system.workload.keys).toEqual({session_id: {kind: 'uniform', cardinality: 1_000_000}});
	});

	it('an API interaction accepts no other style unless it lists one; a card option is wrong unless marked right', () => {
		const parsed = ScenarioFileSchema.parse({
			version: 1,
			scenarios: [{...base.scenarios[0], apis: [{between: 'app → collector', style: 'rest', why: 'W'}], cards: [card({kind: 'choice', options: [{text: 'a', right: true}, {text: 'b'}]})]}],
		});
		const scenario = parsed.scenarios[0]!;
		expect(scenario.kind === 'system-design' && scenario.apis).toEqual([{between: 'app → collector', style: 'rest', why: 'W', accept: []}]);
		expect(scenario.cards[0]!.answer).toEqual({kind: 'choice', options: [{text: 'a', right: true}, {text: 'b', right: false}]});
	});
});
