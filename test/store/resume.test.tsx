/**
Resuming a round in the app: a round played up to the estimates and left
without finishing (the store writes each event as it is taken, so this is what
a killed process leaves), then the app opened again on that scenario offers to
resume it, and the resumed round shows every question, answer and estimate.
*/
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterAll, afterEach, describe, expect, test} from 'vitest';
import {storeRecorder} from '../../src/commands/app-recorder.js';
import {designEditor} from '../../src/flow/design.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';
import {openStore, type ProgressStore} from '../../src/store/index.js';
import {App} from '../../src/ui/app.js';
import {openRound} from '../../src/ui/run-app.js';
import {SimClient} from '../../src/ui/sim-client.js';
import {keys, waitForFrame} from '../helpers/ink.js';

const catalogue = loadCatalogue();
const loginCounter = findScenario(catalogue, 'login-counter');
const home = mkdtempSync(join(tmpdir(), 'dojo-resume-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));
const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function app(store: ProgressStore, start?: typeof loginCounter) {
	const sims = new SimClient();
	const recorder = storeRecorder(store);
	const screen = render(
		<App
			scenarios={catalogue.scenarios}
			size={{columns: 100, rows: 34}}
			openRound={(scenario, resume) => openRound(catalogue, scenario, 1, false, sims, designEditor, {recorder, keepRound: true, ...(resume === undefined ? {} : {resume})})}
			unfinished={(id) => recorder.unfinished(id)}
			progress={() => recorder.progress()}
			{...(start ? {start} : {})}
			onExit={() => undefined}
		/>,
	);
	cleanup = () => {
		screen.unmount();
		void sims.close();
	};
	const type = async (text: string, expected: string | RegExp) => {
		screen.stdin.write(text);
		return waitForFrame(screen.lastFrame, expected, 20_000);
	};
	return {screen, type};
}

const questions = ['what is the schema of an event', 'how many events per minute', 'where does the input data come from'];

describe('resuming a saved round', () => {
	test('questions and estimates typed before the process ended are all there after resuming', async () => {
		const store = openStore({env: {DOJO_HOME: home}, warn: (message) => expect.fail(message)});
		const first = app(store, loginCounter);
		await waitForFrame(first.screen.lastFrame, 'asked so far');
		for (const question of questions) await first.type(`${question}\r`, `You: ${question}`);
		await first.type(ctrl('n'), /▶Req/);
		await first.type('\t', 'Back-of-envelope numbers');
		await first.type('8.3k\r16.7k\r3.3 MB/s\r144\r4\r', 'estimates handed in');
		// Left without finishing: nothing more is written than what was already taken.
		cleanup!();
		cleanup = undefined;
		const saved = store.unfinished('login-counter');
		expect(saved).toHaveLength(1);
		expect(saved[0]).toMatchObject({phase: 'requirements', questions: 3});

		const second = app(store, loginCounter);
		let frame = await waitForFrame(second.screen.lastFrame, 'an unfinished round from');
		expect(frame).toContain('3 questions asked, reached Requirements');
		expect(frame).toContain('enter  resume it');
		frame = await second.type(keys.enter, /▶Req/);
		frame = await second.type('\t', '✓ 8,300 events/s: right');
		expect(frame).toMatch(/✗ 4 shards: 4.25x too low/);
		frame = await second.type('\t', /You: where does the input data come from/);
		for (const question of questions) expect(frame).toContain(`You: ${question}`);
		// Every answer the interviewer gave before is on screen again.
		const context = (await import('../../src/commands/round-replay.js')).replayStored(catalogue, saved[0]!, store.events(saved[0]!.id))!;
		const answers = context.transcript.filter((entry) => entry.who === 'interviewer' && entry.kind === 'answer');
		expect(answers.length).toBeGreaterThanOrEqual(3);
		// The resumed round appends to the same record: one more question lands on round 1, and no second round is started.
		await second.type('what is the retention\r', 'You: what is the retention');
		expect(store.unfinished('login-counter').map((round) => [round.id, round.questions])).toEqual([[saved[0]!.id, 4]]);
		store.close();
	}, 60_000);

	test('n starts a new round instead; esc goes back to the list, which marks the saved round', async () => {
		const store = openStore({env: {DOJO_HOME: home}, warn: (message) => expect.fail(message)});
		const before = store.rounds().length;
		const {screen, type} = app(store, loginCounter);
		await waitForFrame(screen.lastFrame, 'an unfinished round from');
		let frame = await type(keys.escape, 'Practise a data-engineering interview');
		expect(frame).toContain('Real-time login counter (unfinished round saved)');
		frame = await type(keys.enter, 'an unfinished round from');
		frame = await type('n', 'asked so far');
		expect(frame).not.toContain('You: what is the schema of an event');
		// The new round is written with its first event, so leaving now would leave nothing to resume.
		expect(store.rounds()).toHaveLength(before);
		frame = await type('where does the data come from\r', 'You: where does the data come from');
		expect(store.rounds()).toHaveLength(before + 1);
		store.close();
	}, 30_000);
});
