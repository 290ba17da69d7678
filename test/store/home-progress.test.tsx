/** The home screen with saved progress: a sparkline per area over finished rounds, and the scenarios with a round to resume marked. */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {afterAll, describe, expect, it} from 'vitest';
import {storeRecorder} from '../../src/commands/app-recorder.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import {openStore} from '../../src/store/index.js';
import {HomeScreen, sparkline} from '../../src/ui/screens/HomeScreen.js';
import {waitForFrame} from '../helpers/ink.js';

const {scenarios} = loadCatalogue();
const home = mkdtempSync(join(tmpdir(), 'dojo-home-progress-'));
afterAll(() => rmSync(home, {recursive: true, force: true}));

describe('progress on the home screen', () => {
	it('sparklines scale 0–100 to the eight block heights', () => {
		expect(sparkline([0, 12, 25, 50, 75, 100])).toBe('▁▁▃▅▇█');
	});

	it('shows each area over the finished rounds, oldest first, and marks a scenario with an unfinished round', async () => {
		const store = openStore({env: {DOJO_HOME: home}, warn: (message) => expect.fail(message)});
		for (const [index, clarify] of [20, 50, 90].entries()) {
			const id = store.startRound({scenario: 'login-counter', mode: 'candidate', seed: 1, timer: true, startedAt: 1000 + index, phase: 'problem'})!;
			store.finishRound(id, 2000 + index, 'review', {total: clarify, areas: {clarify, design: 100 - clarify}});
		}
		store.startRound({scenario: 'login-counter', mode: 'candidate', seed: 1, timer: true, startedAt: 5000, phase: 'problem'});
		const recorder = storeRecorder(store);
		const screen = render(<HomeScreen scenarios={scenarios} width={100} height={40} progress={recorder.progress()} unfinished={(id) => recorder.unfinished(id)} />);
		const frame = await waitForFrame(screen.lastFrame, 'Progress by area');
		expect(frame).toMatch(/Clarifying questions {2}▂▅█ {2}90/);
		expect(frame).toMatch(/Design {16}▇▅▁ {2}10/);
		expect(frame).toContain('Real-time login counter (unfinished round saved)');
		expect(frame).not.toMatch(/Estimates\s+[▁-█]/);
		screen.unmount();
		store.close();
	});

	it('shows no progress block before any round is finished', async () => {
		const screen = render(<HomeScreen scenarios={scenarios} width={100} height={40} progress={[]} />);
		const frame = await waitForFrame(screen.lastFrame, 'Practise');
		expect(frame).not.toContain('Progress by area');
		screen.unmount();
	});
});
