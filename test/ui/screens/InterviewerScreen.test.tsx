/**
Interviewer mode on one machine: the interviewer's console drives the round
(marks, reveals, curveballs, more time) while a second screen follows the same
round as the candidate sees it. Over every frame the candidate screen ever
drew, no hidden answer, rubric text or model answer appears.
*/
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {startRound} from '../../../src/flow/round-actor.js';
import {estimateSpecs} from '../../../src/flow/estimate.js';
import {reviewRound} from '../../../src/flow/score.js';
import {whatIfsFor} from '../../../src/flow/what-ifs.js';
import {RoundController} from '../../../src/ui/round-controller.js';
import {InterviewerScreen} from '../../../src/ui/screens/InterviewerScreen.js';
import {RoundScreen} from '../../../src/ui/screens/RoundScreen.js';
import {keys, waitForFrame} from '../../helpers/ink.js';
import {apiLines, clarifyLines, deepDiveLines, estimateLines, resultsLines, reviewLines, whatIfLines} from '../../../src/ui/screens/round-views.js';
import {simResults} from '../../../src/ui/components/sim-view.js';
import {fakeResult, loginCounter, roundInput, scriptedMatcher} from '../../flow/helpers.js';

const scenario = loginCounter();
const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);
const flat = (text: string) => text.replace(/\s+/g, ' ');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function mount(columns = 80, rows = 24) {
	const actor = startRound({
		input: roundInput(scenario, {matcher: scriptedMatcher(scenario.questions, {'whats the schema': 'schema'})}),
		simulate: (request, emit) => {
			for (const run of request.runs) emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: fakeResult(run.label === '1x')});
			emit({type: 'sim.done', requestId: request.requestId});
		},
		grade: () => undefined,
	});
	const console = new RoundController(actor, {now: () => 1_000_000});
	const follower = new RoundController(actor, {now: () => 1_000_000, follow: true});
	const screen = render(<InterviewerScreen controller={console} width={columns} height={rows - 1} now={() => 1_000_000} />);
	const shared = render(<RoundScreen controller={follower} width={columns} height={rows - 1} audience="candidate" interactive={false} now={() => 1_000_000} />);
	cleanup = () => {
		screen.unmount();
		shared.unmount();
		actor.stop();
	};
	const type = async (text: string, expected: string | RegExp) => {
		screen.stdin.write(text);
		return waitForFrame(screen.lastFrame, expected);
	};
	const candidateSees = (expected: string | RegExp) => waitForFrame(shared.lastFrame, expected, 1000);
	return {actor, console, follower, screen, shared, type, candidateSees};
}

describe('the interviewer console', () => {
	test('shows the key questions with their hidden answers, marks change the score, and a reveal reaches the candidate', async () => {
		const {console: controller, type, candidateSees, shared} = mount(140, 40);
		const keyQuestions = scenario.questions.filter((question) => question.key);
		const schema = keyQuestions.findIndex((question) => question.id === 'schema');
		let frame = await type('whats the schema\r', 'You: whats the schema');
		expect(frame).toContain('Interviewer only');
		expect(frame).toContain(`✓ ${keyQuestions[schema]!.ask}`.slice(0, 40));
		for (const [index, question] of keyQuestions.entries()) if (index !== schema) expect(frame).not.toContain(`✓ ${question.ask}`.slice(0, 40));
		await candidateSees('whats the schema');

		// Mark the first key question not asked as asked aloud: the clarify score goes up; mark it again: not met; again: automatic.
		const clarify = () => reviewRound(controller.getState().context).areas.find((area) => area.id === 'clarify')!.score;
		const before = clarify();
		const other = keyQuestions.findIndex((_, index) => index !== schema);
		for (let step = 0; step < other; step++) await type(ctrl('o'), '›');
		frame = await type(ctrl('o'), `› · ${keyQuestions[other]!.ask}`.slice(0, 30));
		frame = await type(ctrl('p'), `› · ${keyQuestions[other]!.ask}`.slice(0, 30));
		frame = await type(ctrl('t'), '(marked)');
		expect(clarify()).toBeGreaterThan(before);
		await type(ctrl('t'), /› · .*\(marked\)/);
		expect(clarify()).toBe(before);
		await type(ctrl('t'), new RegExp(`› · ${keyQuestions[other]!.ask.slice(0, 15)}`));
		expect(frame).toContain('hidden answer: ');

		// Reveal it: the candidate's screen shows the answer; the console says it was revealed.
		await type(ctrl('r'), '(revealed)');
		await candidateSees(keyQuestions[other]!.answer.slice(0, 20));
		expect(flat(shared.lastFrame()!)).toContain(flat(keyQuestions[other]!.answer).slice(0, 40));
	});

	test('ctrl+x gives the phase five more minutes; ctrl+g hides the private panel and brings it back', async () => {
		const {type} = mount();
		let frame = await type(ctrl('x'), '10:00 left');
		frame = await type(ctrl('g'), 'ctrl+g shows the interviewer panel');
		expect(frame).not.toContain('Interviewer only');
		frame = await type(ctrl('g'), 'Interviewer only');
	});

	test('beside the round at 120 columns, below it at 80; neither is wider than the terminal', async () => {
		for (const [columns, rows] of [
			[80, 24],
			[140, 40],
		] as const) {
			const {type, screen} = mount(columns, rows);
			const frame = await type('whats the schema\r', 'Interviewer only');
			const lines = frame.split('\n');
			expect(lines.filter((line) => [...line].length > columns)).toEqual([]);
			expect(lines.length).toBeLessThanOrEqual(rows - 1);
			const panelRow = lines.findIndex((line) => line.includes('Interviewer only'));
			if (columns >= 120) expect(panelRow).toBeLessThan(3);
			else expect(panelRow).toBeGreaterThan(8);
			screen.unmount();
			cleanup?.();
		}
	});

	test('a curveball from the scaling phase runs the simulation again, and the candidate sees its results', async () => {
		const {actor, type, candidateSees} = mount();
		await type(ctrl('n'), 'Requirements');
		await type(ctrl('n'), 'Start with the APIs');
		await type('\t', 'The pipeline is empty');
		await type('s', 'Start the design from');
		await type(keys.enter, '1. ingest');
		await type('r', /verdict/);
		await candidateSees(/verdict/);
		const runsBefore = actor.getSnapshot().context.runs.length;
		await type(ctrl('n'), 'Question 1 of');
		await type(ctrl('n'), '▶Scaling');
		const frame = await type(keys.enter, /✗ breaks|✓ holds/);
		expect(flat(frame)).toContain('a strong answer to daily peak');
		expect(actor.getSnapshot().context.runs.length).toBeGreaterThan(runsBefore);
		await candidateSees(/before +daily peak/);
	});
});

describe('the candidate screen of an interviewed round', () => {
	test('never shows an answer not asked or revealed, a rubric line or a model answer, in any frame of a whole round', async () => {
		const {actor, type, candidateSees, shared, follower} = mount(140, 40);
		await type('whats the schema\r', 'You: whats the schema');
		await type(ctrl('o'), '› ·');
		await type(ctrl('r'), '(revealed)');
		await type(ctrl('n'), 'Requirements');
		await type('\t', 'Back-of-envelope');
		await type('8.3k\r16.7k\r3.3\r144\r17\r', 'estimates handed in');
		await candidateSees('estimates handed in');
		await type(ctrl('n'), 'Start with the APIs');
		await type(keys.enter, /logging service → ingestion: \S+ [✓✗]/);
		await candidateSees(/logging service → ingestion: \S/);
		await type('\t', 'The pipeline is empty');
		await type('s', 'Start the design from');
		await type(keys.enter, '1. ingest');
		await type('r', /verdict/);
		await type(ctrl('n'), 'Question 1 of');
		await type('kinesis replicates across zones\r', 'answer recorded');
		await candidateSees('answered: 1✓');
		await type(ctrl('n'), '▶Scaling');
		// Nothing is posed yet: the candidate sees no list of what is coming.
		await candidateSees('The interviewer puts what-ifs to your design here.');
		expect(shared.lastFrame()).not.toMatch(/^[› ] (lose a shard|a hot key|ten x)/m);
		await type(keys.enter, /✗ breaks|✓ holds/);
		await candidateSees(/before +daily peak/);
		expect(shared.lastFrame()).not.toMatch(/^[› ] (lose a shard|a hot key|ten x)/m);
		// A curveball of the scenario's, which has a model answer.
		const curveball = whatIfsFor(scenario, actor.getSnapshot().context.design.stages).findIndex((whatIf) => whatIf.expect);
		expect(curveball).toBeGreaterThan(0);
		await type(keys.down.repeat(curveball), 'a strong answer to');
		await type(keys.enter, 'A strong answer');
		await type(ctrl('n'), /Score: \d+ \/ 100/);
		await candidateSees(/Score: \d+ \/ 100/);

		const context = actor.getSnapshot().context;
		const shown = new Set([...context.asked, ...context.revealed]);
		const hidden = [
			...scenario.questions.filter((question) => !shown.has(question.id)).map((question) => question.answer),
			...scenario.deep_dives.flatMap((deepDive) => deepDive.good_answer),
			...whatIfsFor(scenario, context.design.stages).flatMap((whatIf) => (whatIf.expect ? [whatIf.expect] : [])),
			...scenario.apis.map((api) => api.why),
			...estimateSpecs(scenario.workload).map((spec) => spec.formula),
		].map((text) => flat(text).slice(0, 40));
		const rubricWords = ['covered', 'points', 'expected', 'A strong answer', 'Key questions you did not ask', 'The strongest design', 'Deep-dive points to know', 'Interviewer only', 'hidden answer'];
		const frames = shared.frames.map(flat);
		expect(frames.length).toBeGreaterThan(10);
		for (const text of hidden) expect(frames.filter((frame) => frame.includes(text)), text).toEqual([]);
		for (const word of rubricWords) expect(frames.filter((frame) => frame.includes(word)), word).toEqual([]);
		// Below the fold too: every view's whole text, as the candidate would scroll it.
		const ui = follower.getState().ui;
		const views = [
			clarifyLines(context, 100),
			estimateLines(context, ui, 100, 'candidate'),
			...scenario.apis.map((_, apiIndex) => apiLines(context, {...ui, apiIndex}, 100, 'candidate')),
			...whatIfsFor(scenario, context.design.stages).map((_, whatIfIndex) => whatIfLines(context, {...ui, whatIfIndex}, 100, simResults, 'candidate')),
			resultsLines(context, 100, simResults),
			...scenario.deep_dives.map((_, index) => deepDiveLines({...context, deepDiveIndex: index}, 100, 'candidate')),
			reviewLines(context, 100, 'candidate'),
		].map((view) => flat(view.lines.map((line) => line.text).join('\n')));
		for (const text of hidden) expect(views.filter((view) => view.includes(text)), text).toEqual([]);
		for (const word of rubricWords) expect(views.filter((view) => view.includes(word)), word).toEqual([]);
		// What was revealed and asked does reach the candidate.
		for (const id of shown) expect(frames.some((frame) => frame.includes(flat(scenario.questions.find((question) => question.id === id)!.answer).slice(0, 30)))).toBe(true);
	});
});
