/**
Interviewer mode in the app (ink-testing-library): the private panel shows the
rubric and the live score; marking a rubric item changes the score; a
curveball runs the simulation again; a reveal puts the answer in the
candidate's transcript.
*/
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {designEditor} from '../../src/flow/design.js';
import {reviewRound} from '../../src/flow/score.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';
import {App, type RoundSession} from '../../src/ui/app.js';
import {InterviewerController} from '../../src/ui/interviewer/interviewer-controller.js';
import {rubricRows} from '../../src/ui/interviewer/rubric.js';
import {openRound} from '../../src/ui/run-app.js';
import {SimClient} from '../../src/ui/sim-client.js';
import {keys, waitForFrame} from '../helpers/ink.js';

const catalogue = loadCatalogue();
const loginCounter = findScenario(catalogue, 'login-counter');
const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start() {
	const sims = new SimClient();
	let session: RoundSession | undefined;
	const screen = render(
		<App
			scenarios={catalogue.scenarios}
			size={{columns: 110, rows: 40}}
			start={loginCounter}
			openRound={(scenario) => (session = openRound(catalogue, scenario, 1, false, sims, designEditor, undefined, 'interviewer'))}
			onExit={() => undefined}
		/>,
	);
	cleanup = () => {
		screen.unmount();
		void sims.close();
	};
	const controller = () => session!.controller as InterviewerController;
	const context = () => controller().actor.getSnapshot().context;
	const type = async (text: string, expected: string | RegExp) => {
		screen.stdin.write(text);
		return waitForFrame(screen.lastFrame, expected, 30_000);
	};
	/** Moves the panel's cursor to the row with `key`. */
	const pick = async (key: string) => {
		const index = rubricRows(context()).findIndex((row) => row.key === key);
		expect(index).toBeGreaterThanOrEqual(0);
		const at = Math.min(controller().getPanel().cursor, rubricRows(context()).length - 1);
		const moves = index - at;
		screen.stdin.write((moves > 0 ? 'j' : 'k').repeat(Math.abs(moves)));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(controller().getPanel().cursor).toBe(index);
	};
	return {screen, type, pick, controller, context};
}

describe('interviewer mode', () => {
	test('marking rubric items changes the score; a reveal reaches the transcript', async () => {
		const {screen, type, pick, context} = start();
		let frame = await waitForFrame(screen.lastFrame, 'interviewer only');
		expect(frame).toContain('★ What exactly is the metric?');
		// The hidden answer is on the interviewer's panel.
		expect(frame).toContain('The number of login events');
		const before = reviewRound(context()).total;
		expect(frame).toContain(`score ${before}/100`);
		frame = await type(ctrl('o'), 'space mark');
		await pick('question:metric');
		frame = await type(' ', /✓M questions: ★ What exactly is the metric\?/);
		const after = reviewRound(context()).total;
		expect(after).toBeGreaterThan(before);
		expect(frame).toContain(`score ${after}/100`);
		// Space again: marked not met; a third time: back to automatic.
		await type(' ', /·M questions: ★ What exactly is the metric\?/);
		await type(' ', /· {2}questions: ★ What exactly is the metric\?/);
		expect(reviewRound(context()).total).toBe(before);

		await pick('question:retention');
		frame = await type('r', 'answer shown to the candidate');
		expect(context().revealed).toEqual(['retention']);
		expect(context().transcript.at(-1)).toMatchObject({kind: 'reveal'});
		// esc hands the keys back to the candidate's side: typing asks a question.
		await type(keys.escape, 'ctrl+o: interviewer keys');
		await type('what is the schema of an event\r', 'You: what is the schema of an event');
		// h hides the panel (one window, shared): nothing hidden is left on screen.
		await type(ctrl('o'), 'space mark');
		frame = await type('h', 'private panel hidden');
		expect(frame).not.toContain('The number of login events');
		expect(frame).not.toContain('★');
	}, 60_000);

	test('triggering a curveball runs the simulation again', async () => {
		const {screen, type, pick, context, controller} = start();
		await waitForFrame(screen.lastFrame, 'interviewer only');
		await type(ctrl('n'), /▶Req/);
		await type(ctrl('n'), 'Start with the APIs');
		await type('\t', 'The pipeline is empty');
		await type('s', 'Start the design from');
		await type(keys.enter, '1. ingest');
		await type('r', /1x: SLO (met|MISSED)/);
		const deadline = Date.now() + 30_000;
		while (context().pending && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
		const runs = context().runs.length;
		await type(ctrl('o'), 'space mark');
		const curveball = rubricRows(context()).find((row) => row.key.startsWith('whatif:curveball-'))!;
		expect(curveball).toBeDefined();
		await pick(curveball.key);
		screen.stdin.write('w');
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(controller().getPanel().note).toBe(`running ${curveball.text}`);
		while (context().pending && Date.now() < deadline + 30_000) await new Promise((resolve) => setTimeout(resolve, 50));
		const whatIfRuns = context().runs.slice(runs);
		expect(whatIfRuns.map((run) => run.whatIf)).toEqual([curveball.key.slice('whatif:'.length), curveball.key.slice('whatif:'.length)]);
		expect(whatIfRuns.map((run) => run.purpose)).toEqual(['what-if', 'what-if']);
	}, 90_000);
});
