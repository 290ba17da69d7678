/**
Starting the design from an architecture before the design editor has loaded
(it loads after the first frame): the start is refused with the reason and the
menu stays open, so enter again starts it. It used to close the menu and say
"started from …" over an empty pipeline, and r then said the pipeline is empty.
*/
import {afterEach, expect, test} from 'vitest';
import {designEditor} from '../../../src/flow/design.js';
import type {DesignEditor} from '../../../src/flow/design-model.js';
import {startRound} from '../../../src/flow/round-actor.js';
import {ctrl, mountRoundScreen} from '../../helpers/round-screen.js';
import {loginCounter, roundInput} from '../../flow/helpers.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

test('a start refused while the editor loads keeps the menu open with the reason; enter again starts it', async () => {
	let loaded = false;
	const editor: DesignEditor = {...designEditor, start: (...args) => (loaded ? designEditor.start(...args) : {ok: false, problems: ['the design editor is still loading; try again in a moment']})};
	const actor = startRound({input: roundInput(loginCounter(), {editor}), simulate: () => undefined, grade: () => undefined});
	const {type, unmount} = mountRoundScreen(actor);
	cleanup = unmount;
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
