import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {loadCatalogue} from '../../../src/scenarios/catalogue.js';
import {HomeScreen} from '../../../src/ui/screens/HomeScreen.js';
import {keys, waitForFrame} from '../../helpers/ink.js';

const {scenarios} = loadCatalogue(['test/fixtures/my-scenarios.yaml']);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('HomeScreen', () => {
	it('lists every scenario with its summary and the key help from the keymap', async () => {
		const screen = render(<HomeScreen scenarios={scenarios} />);
		cleanup = screen.unmount;
		const frame = await waitForFrame(screen.lastFrame, 'Pick a scenario');
		for (const scenario of scenarios) expect(frame).toContain(scenario.title);
		expect(frame).toContain('↑/↓ move · enter open · q quit');
		expect(frame).toMatch(/› Real-time login counter/);
	});

	it('moves the cursor with the arrow keys and opens the highlighted scenario', async () => {
		const screen = render(<HomeScreen scenarios={scenarios} />);
		cleanup = screen.unmount;
		await waitForFrame(screen.lastFrame, 'Pick a scenario');
		for (let step = 0; step < scenarios.length; step++) {
			screen.stdin.write(keys.down);
			await waitForFrame(screen.lastFrame, `› ${scenarios[Math.min(step + 1, scenarios.length - 1)]!.title}`);
		}
		screen.stdin.write(keys.enter);
		const last = scenarios.at(-1)!;
		const frame = await waitForFrame(screen.lastFrame, last.prompt.trim().slice(0, 30));
		expect(frame).toContain(`${last.id} · ${last.kind}`);
		expect(frame).toContain('esc back · q quit');
		screen.stdin.write(keys.escape);
		await waitForFrame(screen.lastFrame, 'Pick a scenario');
	});
});
