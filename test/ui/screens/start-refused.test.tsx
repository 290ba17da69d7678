/**
Starting the design from an architecture before the design editor has loaded
(it loads after the first frame): the start is refused with the reason and the
menu stays open, so enter again starts it. It used to close the menu and say
"started from …" over an empty pipeline, and r then said the pipeline is empty.
*/
import {render} from 'ink-testing-library';
import {afterEach, expect, test} from 'vitest';
import {designEditor} from '../../../src/flow/design.js';
import type {DesignEditor} from '../../../src/flow/design-model.js';
import {startRound} from '../../../src/flow/round-actor.js';
import {RoundController} from '../../../src/ui/round-controller.js';
import {RoundScreen} from '../../../src/ui/screens/RoundScreen.js';
import {waitForFrame} from '../../helpers/ink.js';
import {loginCounter, roundInput} from '../../flow/helpers.js';

const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);
const flat = (text: string) => text.replace(/\s+/g, ' ');
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

test('a start refused while the editor loads keeps the menu open with the reason; enter again starts it', async () => {
	let loaded = false;
	const editor: DesignEditor = {...designEditor, start: (...args) => (loaded ? designEditor.start(...args) : {ok: false, problems: ['the design editor is still loading; try again in a moment']})};
	const actor = startRound({input: roundInput(loginCounter(), {editor}), simulate: () => undefined, grade: () => undefined});
	const controller = new RoundController(actor, {now: () => 1_000_000});
	const screen = render(<RoundScreen controller={controller} width={100} height={39} now={() => 1_000_000} audience="solo" />);
	cleanup = () => {
		screen.unmount();
		actor.stop();
	};
	const type = async (text: string, expected: string | RegExp) => {
		screen.stdin.write(text);
		return flat(await waitForFrame(screen.lastFrame, expected));
	};
	await type('', 'ask›');
	await type(ctrl('n'), 'Requirements (10 min)');
	await type(ctrl('n'), 'Start with the APIs');
	await type('\t', 'pipeline is empty');
	await type('s', 'Start the design from');
	const refused = await type('\r', 'still loading');
	expect(refused).toContain('Start the design from');
	expect(refused).not.toContain('started from');
	loaded = true;
	const started = await type('\r', 'started from');
	expect(started).toContain('1. ingest');
	expect(actor.getSnapshot().context.design.stages.length).toBeGreaterThan(0);
});
