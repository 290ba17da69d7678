/**
Plays whole rounds through the Ink app as a user would: keys typed into the
home screen and every phase, asserting what each screen shows.
*/
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {App} from '../../src/ui/app.js';
import {openRound} from '../../src/ui/run-app.js';
import {SimClient} from '../../src/ui/sim-client.js';
import {designEditor} from '../../src/flow/design.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {keys, waitForFrame} from '../helpers/ink.js';

const catalogue = loadCatalogue();
const size = {columns: 100, rows: 32};
const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);
const tab = '\t';
const pageDown = '\u001B[6~';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start() {
	const sims = new SimClient();
	let exitCode: number | undefined;
	const screen = render(<App scenarios={catalogue.scenarios} size={size} openRound={(scenario) => openRound(catalogue, scenario, 1, true, sims, designEditor)} onExit={(code) => (exitCode = code)} />);
	cleanup = () => {
		screen.unmount();
		void sims.close();
	};
	const type = async (text: string, expect?: string | RegExp) => {
		screen.stdin.write(text);
		if (expect !== undefined) return waitForFrame(screen.lastFrame, expect, 20_000);
		await new Promise((resolve) => setTimeout(resolve, 30));
		return screen.lastFrame() ?? '';
	};
	/** Waits until no simulation or grading is running. */
	const idle = async () => {
		const deadline = Date.now() + 30_000;
		while (/simulating|grading…/.test(screen.lastFrame() ?? '')) {
			if (Date.now() > deadline) throw new Error(`still busy:\n${screen.lastFrame()}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	};
	return {screen, type, idle, exitCode: () => exitCode};
}

describe('a login-counter round, from the home screen to the review', () => {
	test('every phase shows what the candidate needs, and the review scores what they did', async () => {
		const {screen, type, idle} = start();
		let frame = await waitForFrame(screen.lastFrame, 'Practise a data-engineering interview');
		expect(frame).toContain('› Real-time login counter');
		expect(frame).toContain('enter open');

		// Problem space: the prompt, then free-text questions.
		frame = await type(keys.enter, 'asked so far');
		expect(frame).toContain('Interviewer: We want a dashboard that shows how many users are logging in');
		expect(frame).toMatch(/▶Problem/);
		expect(frame).toContain('left');
		frame = await type('whats the schema\r', /You: whats the schema/);
		frame = await type('assume 1 KB events\r', 'Noted: 1 KB events');

		// Requirements: the estimates, graded with the worked formula once handed in.
		frame = await type(ctrl('n'), /▶Req/);
		frame = await type(tab, 'Back-of-envelope numbers');
		frame = await type('8.3k\r16.7k\r3.3 MB/s\r144\r4\r', 'estimates handed in');
		expect(frame).toContain('✓ 8,300 events/s: right');
		expect(frame).toMatch(/✗ 4 shards: 4.25x too low/);
		expect(frame).toContain('= 17 shards');

		// High-level design: an API choice, then the pipeline from an architecture, a knob, a run.
		frame = await type(ctrl('n'), 'Start with the APIs');
		frame = await type('\u001B[C'.repeat(5), '[sdk]');
		frame = await type(keys.enter, /Vendor SDK \/ producer library ✓/);
		expect(frame).toContain('Right: The producer library');
		// The interaction not chosen yet is not judged.
		expect(frame).toMatch(/dashboard → serving store: —\n/);
		frame = await type(tab, 'The pipeline is empty');
		frame = await type('s', 'Start the design from');
		frame = await type(keys.enter, '1. ingest — Kinesis Data Streams');
		expect(frame).toContain('shards: 10 shards');
		frame = await type(`${keys.down}${keys.down}`, /› +shards: 10 shards/);
		frame = await type(keys.enter, 'value›');
		frame = await type('0\r', /ingest\.shards: .*shards must be >= 1/);
		frame = await type(`${ctrl('u')}4\r`, 'ingest.shards set');
		expect(frame).toContain('shards: 4 shards');
		frame = await type('r', /verdict +✗ SLO missed +✗ SLO missed/);
		expect(frame).toMatch(/ +1x +daily peak \(2x\)/);
		expect(frame).toMatch(/lost +[\d,]+ \(\d+%\)/);
		expect(frame).toContain('bottleneck (1x): ingest');
		expect(frame).toMatch(/fix: needs at least \d+ shards/);
		// Below the fold: the diagram of the run that failed, and the charts.
		for (let page = 0; page < 4 && !frame.includes('end-to-end latency at'); page++) frame = await type(pageDown);
		expect(frame).toMatch(/│ 100% busy +│/);
		expect(frame).toMatch(/│ throttles +│/);
		expect(frame).toContain('end-to-end latency at 1x');

		// The design change that fixes it, and the run again.
		frame = await type('v', '1. ingest');
		frame = await type(keys.enter, 'value›');
		frame = await type(`${ctrl('u')}20\r`, 'shards: 20 shards');
		frame = await type('r', /verdict +✓ SLO met +✓ SLO met +✗ SLO missed/);
		expect(frame).toMatch(/1x +daily peak \(2x\) +before \(1x\)/);
		await idle();

		// Deep dive: a free-text answer, matched point by point.
		frame = await type(ctrl('n'), 'Question 1 of 5');
		expect(frame).toContain('single point of failure');
		frame = await type('kinesis replicates across three availability zones and lambda retries the batch from the checkpoint\r', 'answer recorded');
		frame = await type(keys.up, /covered [12] of 2 points/);

		// Scaling: the 10x what-if breaks the design; a fix, then the re-run holds better.
		frame = await type(ctrl('n'), '▶Scaling');
		const tenX = frame.split('\n').findIndex((line) => /^[› ] ten x/.test(line));
		const first = frame.split('\n').findIndex((line) => /^[› ] daily peak/.test(line));
		frame = await type(keys.down.repeat(tenX - first), '› ten x');
		frame = await type(keys.enter, /✗ breaks/);
		await idle();
		expect(frame).toMatch(/before +ten x/);
		expect(frame).toMatch(/verdict +✓ SLO met +✗ SLO missed/);
		frame = await type('e', 'shift+tab back to the what-ifs');
		expect(frame).toContain('steps: what-ifs  [pipeline]  cards');
		frame = await type(`${keys.down}${keys.down}${keys.enter}`, 'value›');
		frame = await type(`${ctrl('u')}200\r`, 'shards: 200 shards');
		frame = await type('\u001B[Z', '› ten x');
		frame = await type('r', /ten x  ✓ holds|ten x  ✗ breaks/);
		await idle();

		// Review: the score by area and the model answers.
		frame = await type(ctrl('n'), /Score: \d+ \/ 100/);
		expect(frame).toContain('Clarifying questions');
		expect(frame).toContain('Estimates');
		expect(frame).toContain('API choices');
		for (const heading of ['Key questions you did not ask', 'The strongest design here', 'Deep-dive points to know', 'Time per phase']) {
			for (let page = 0; page < 12 && !frame.includes(heading); page++) frame = await type(pageDown);
			expect(frame).toContain(heading);
		}
		expect(frame).toMatch(/Problem space +[\d.]+ min of 5/);
		frame = await type(keys.enter, /Round finished: Real-time login counter, score \d+\/100/);
	}, 120_000);
});

describe('a data-modeling round, with an exercise graded', () => {
	test('clarify, paste SQL for an exercise, see it graded, and the review scores the SQL models', async () => {
		const {readFileSync} = await import('node:fs');
		const {screen, type, idle} = start();
		await waitForFrame(screen.lastFrame, 'Practise a data-engineering interview');
		let frame = await type(keys.down.repeat(4), /› Game events star schema/);
		frame = await type(keys.enter, 'asked so far');
		expect(frame).toContain('Data modeling');
		frame = await type('what is the grain of the fact table?\r', /You: what is the grain/);
		frame = await type(ctrl('n'), /▶Req/);
		frame = await type(ctrl('n'), 'Write the models in SQL');
		expect(frame).toContain('› Star schema');
		frame = await type(keys.enter, 'enter pastes');
		frame = await waitForFrame(screen.lastFrame, 'Staging tables', 20_000);
		frame = await type(keys.enter, 'sql›');
		// Paste the answer in one burst, as a terminal delivers a paste; ctrl+d hands it in.
		const sql = readFileSync('test/fixtures/answers/star-schema-game-events.sql', 'utf8').replace(/\r?\n/g, '\r');
		frame = await type(sql);
		frame = await type(ctrl('d'), /checks passed in/);
		await idle();
		frame = screen.lastFrame() ?? '';
		expect(frame).toMatch(/star-schema-game-events\): (\d+)\/\1 checks passed/);
		frame = await type(keys.escape, '✓ passed');
		frame = await type(ctrl('n'), 'Question 1 of');
		frame = await type(ctrl('n'), /Score: \d+ \/ 100/);
		expect(frame).toMatch(/SQL models +\d+/);
		expect(frame).toContain('star-schema-game-events: passed');
	}, 120_000);
});
