import {describe, expect, it} from 'vitest';
import {startRound} from '../../../src/flow/round-actor.js';
import {apiLines, deepDiveLines, pipelineLines, reviewLines} from '../../../src/ui/screens/round-views.js';
import {rubricItems} from '../../../src/ui/rubric.js';
import {fakeResult, loginCounter, roundInput} from '../../flow/helpers.js';

const scenario = loginCounter();

function reviewWith(answers: boolean) {
	const actor = startRound({
		input: roundInput(scenario),
		simulate: (request, emit) => {
			if (!answers) return;
			for (const run of request.runs) emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: fakeResult(true)});
			emit({type: 'sim.done', requestId: request.requestId});
		},
		grade: () => undefined,
	});
	for (let phase = 0; phase < 5; phase++) actor.send({type: 'phase.next', at: phase});
	const text = reviewLines(actor.getSnapshot().context, 80).lines.map((line) => line.text);
	actor.stop();
	return text;
}

describe('the review', () => {
	it('calls the score provisional while the scenario architectures are still being ranked, and final once they are', () => {
		expect(reviewWith(false)[0]).toMatch(/^Score: \d+ \/ 100 \(provisional: ranking the scenario's architectures\)$/);
		expect(reviewWith(true)[0]).toMatch(/^Score: \d+ \/ 100$/);
	});
});

describe('the API picker with styles the scenario also accepts', () => {
	function pickerAfter(style: 'websocket' | 'graphql', audience: 'solo' | 'candidate' = 'solo') {
		const actor = startRound({input: roundInput(scenario), simulate: () => undefined, grade: () => undefined});
		for (let phase = 0; phase < 2; phase++) actor.send({type: 'phase.next', at: phase});
		actor.send({type: 'api.choose', index: 1, style, at: 3});
		const context = actor.getSnapshot().context;
		actor.stop();
		const ui = {apiIndex: 1, apiStyleIndex: 0} as Parameters<typeof apiLines>[1];
		// Wrapped lines joined back into one text.
		return {text: apiLines(context, ui, 100, audience).lines.map((line) => line.text.trim()).join(' '), items: rubricItems(context)};
	}

	it('WebSocket for the dashboard push: accepted, with its reason, the expected style\'s reason, and the request and response shapes', () => {
		const {text} = pickerAfter('websocket');
		expect(text).toMatch(/dashboard → serving store: WebSocket ✓ \(accepted\)/);
		expect(text).toContain('Accepted (the scenario expects REST, and WebSocket works too)');
		expect(text).toContain("The notes' table gives WebSocket for real-time applications");
		expect(text).toContain('request: GET /v1/logins/count?');
		expect(text).toContain('response: {"step_s": 10');
	});

	it('GraphQL there is wrong; the candidate\'s screen shows neither verdict nor shapes', () => {
		expect(pickerAfter('graphql').text).toMatch(/dashboard → serving store: GraphQL ✗ \(expected REST\)/);
		const candidate = pickerAfter('websocket', 'candidate').text;
		expect(candidate).not.toMatch(/accepted|Accepted|request:|response:|✓/);
	});

	it("the interviewer's rubric counts an accepted style as met and lists it beside the expected one", () => {
		const item = pickerAfter('websocket').items.find((candidate) => candidate.item === 'api:1')!;
		expect(item.auto).toBe(true);
		expect(item.answer).toMatch(/^REST: .*; also WebSocket: /);
	});
});

describe('knowledge cards in the rubric and the review', () => {
	it('the deep dive rubric lists each card with its right answer; the review lists the missed cards with the correction', () => {
		const actor = startRound({input: roundInput(scenario), simulate: () => undefined, grade: () => undefined});
		for (let phase = 0; phase < 3; phase++) actor.send({type: 'phase.next', at: phase});
		actor.send({type: 'card.answer', id: 'kds-retention', text: '1', at: 4});
		const items = rubricItems(actor.getSnapshot().context).filter((item) => item.item.startsWith('card:'));
		expect(items.map((item) => item.item)).toEqual(scenario.cards.filter((card) => card.phase === 'deep-dive').map((card) => `card:${card.id}`));
		expect(items[0]).toMatchObject({auto: false, answer: '(2) 24 hours by default, extendable up to 365 days'});
		for (let phase = 3; phase < 5; phase++) actor.send({type: 'phase.next', at: phase});
		const review = reviewLines(actor.getSnapshot().context, 100).lines.map((line) => line.text.trim()).join(' ');
		actor.stop();
		expect(review).toMatch(/Knowledge cards +0/);
		expect(review).toContain('Knowledge cards to review:');
		expect(review).toContain('The notes say KDS stores data for 1–7 days; today it is 24 h by default');
	});
});

describe('the pipeline editor with a stream read by two applications', () => {
	function chainLines(from: string) {
		const actor = startRound({input: roundInput(scenario), simulate: () => undefined, grade: () => undefined});
		for (let phase = 0; phase < 2; phase++) actor.send({type: 'phase.next', at: phase});
		actor.send({type: 'design.start', from, at: 3});
		const context = actor.getSnapshot().context;
		actor.stop();
		const ui = {pipelineRow: 0} as Parameters<typeof pipelineLines>[1];
		return pipelineLines(context, ui, 80).lines.map((line) => line.text).slice(0, 3);
	}

	it('draws the archive as a second reader of the stream, not as a stage after the dashboard', () => {
		const [main, branch] = chainLines('kds-lambda-redis-archive');
		expect(main).toBe('source (8,333/s (500k/min)) → ingest → count → counters → dashboard');
		expect(branch).toBe('  └ ingest → archive → lake (another reader of ingest)');
	});

	it('draws a pipeline without fan-out as one chain', () => {
		expect(chainLines('kds-lambda-redis').slice(0, 2)).toEqual(['source (8,333/s (500k/min)) → ingest → count → counters → dashboard', '']);
	});
});

describe('the pipeline editor with a refused value', () => {
	it('shows the problem right under the row being edited and keeps both in view', () => {
		const actor = startRound({input: roundInput(scenario), simulate: () => undefined, grade: () => undefined});
		for (let phase = 0; phase < 2; phase++) actor.send({type: 'phase.next', at: phase});
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at: 3});
		actor.send({type: 'design.set', stageId: 'ingest', knob: 'mode', text: '17', at: 4});
		const context = actor.getSnapshot().context;
		actor.stop();
		expect(context.designProblems.length).toBeGreaterThan(0);
		// Row 1 is ingest's first knob, the capacity mode, near the top of a list of about 30 rows.
		const ui = {pipelineRow: 1, pipelineMode: 'knob', field: {text: '17', cursor: 2}} as unknown as Parameters<typeof pipelineLines>[1];
		const view = pipelineLines(context, ui, 80);
		const texts = view.lines.map((line) => line.text);
		const edited = texts.findIndex((text) => text.startsWith('›'));
		expect(texts[edited]).toContain('capacity mode: 17');
		expect(texts[edited + 1]).toMatch(/^✗ ingest\.mode: expected one of provisioned, on_demand/);
		// The view follows the problem's last line, which sits just below the field, not at the end of the list.
		expect(view.focus).toBe(edited + 1);
		expect(texts.length).toBeGreaterThan(edited + 10);
	});
});

describe('a deep-dive answer', () => {
	function deepDiveAfter(answer: string, audience: 'solo' | 'candidate' = 'solo') {
		const actor = startRound({input: roundInput(scenario), simulate: () => undefined, grade: () => undefined});
		for (let phase = 0; phase < 3; phase++) actor.send({type: 'phase.next', at: phase});
		// The test matcher covers a point when the answer holds the point's first word: spof's are "Kinesis …" and "A single Redis node …".
		actor.send({type: 'deepdive.answer', id: 'spof', text: answer, at: 4});
		const text = deepDiveLines(actor.getSnapshot().context, 80, audience).lines.map((line) => line.text).join('\n');
		actor.stop();
		return text;
	}

	it('names each point it covered with the words that showed it, and only counts the missed ones', () => {
		const text = deepDiveAfter('kinesis keeps three copies');
		expect(text).toContain('covered 1 of 2 points');
		expect(text).toMatch(/✓ Kinesis replicates across three availability zones;[\s\S]*\(you said: Kinesis\)/);
		expect(text).not.toContain('A single Redis node');
		expect(text).toContain('the 1 missed point is in the review');
	});

	it('says nothing is missed when every point is covered, and nothing of the points on the candidate\'s screen', () => {
		const text = deepDiveAfter('kinesis is managed; a redis node is the weak point');
		expect(text).toContain('covered 2 of 2 points');
		expect(text).toContain('✓ A single Redis node is the weak point');
		expect(text).not.toContain('missed');
		const shared = deepDiveAfter('kinesis is managed; a redis node is the weak point', 'candidate');
		expect(shared).not.toContain('covered');
		expect(shared).not.toContain('Kinesis replicates');
	});
});
