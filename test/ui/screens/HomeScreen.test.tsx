import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {loadCatalogue} from '../../../src/scenarios/catalogue.js';
import {HomeScreen} from '../../../src/ui/screens/HomeScreen.js';
import {keys, waitForFrame} from '../../helpers/ink.js';

const {scenarios} = loadCatalogue(['test/fixtures/my-scenarios.yaml']);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('HomeScreen', () => {
	it('lists every scenario with its summary, the highlighted one\'s prompt, and the keys from the keymap', async () => {
		const screen = render(<HomeScreen scenarios={scenarios} width={100} height={30} />);
		cleanup = screen.unmount;
		const frame = await waitForFrame(screen.lastFrame, 'Practise a data-engineering interview');
		for (const scenario of scenarios) expect(frame).toContain(scenario.title);
		expect(frame).toMatch(/› Real-time login counter/);
		expect(frame).toContain('Interviewer: We want a dashboard');
		expect(frame).toContain('enter open · ? help · q/ctrl+c quit');
	});

	it('moves with arrows or j/k, typed slowly or in a burst, and enter starts the highlighted scenario', async () => {
		const started: string[] = [];
		const screen = render(<HomeScreen scenarios={scenarios} width={100} height={30} onStart={(scenario) => started.push(scenario.id)} />);
		cleanup = screen.unmount;
		await waitForFrame(screen.lastFrame, 'Practise');
		screen.stdin.write(keys.down);
		await waitForFrame(screen.lastFrame, `› ${scenarios[1]!.title}`);
		// A burst, as a fast typist sends it: j j enter in one chunk.
		screen.stdin.write('jk' + 'j\r');
		await waitForFrame(screen.lastFrame, `› ${scenarios[2]!.title}`);
		expect(started).toEqual([scenarios[2]!.id]);
		screen.stdin.write('k');
		await waitForFrame(screen.lastFrame, `› ${scenarios[1]!.title}`);
	});

	it('? shows the keys and esc closes them; q quits with 0 and ctrl+c with 130', async () => {
		const codes: number[] = [];
		const screen = render(<HomeScreen scenarios={scenarios} width={100} height={30} onQuit={(code) => codes.push(code)} />);
		cleanup = screen.unmount;
		await waitForFrame(screen.lastFrame, 'Practise');
		screen.stdin.write('?');
		await waitForFrame(screen.lastFrame, 'Keys (esc closes)');
		screen.stdin.write(keys.escape);
		await waitForFrame(screen.lastFrame, 'Practise');
		screen.stdin.write('q');
		screen.stdin.write('\u0003');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(codes).toEqual([0, 130]);
	});
});
