/**
The architecture highlighted in the "start the design from" menu has its runs
started ahead, so a start from it and r at once find them under way.
*/
import {afterEach, expect, test} from 'vitest';
import {designEditor} from '../../src/flow/design.js';
import {startRound} from '../../src/flow/round-actor.js';
import {startRunsAhead, startRunsForHighlight} from '../../src/ui/run-app.js';
import type {RunsAhead} from '../../src/ui/sim-client.js';
import {ctrl, mountRoundScreen} from '../helpers/round-screen.js';
import {loginCounter, roundInput} from '../flow/helpers.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

test('moving the highlight starts the highlighted architecture\'s 1x and peak runs; must fail: nothing before enter', async () => {
	const scenario = loginCounter();
	const actor = startRound({input: roundInput(scenario, {editor: designEditor}), simulate: () => undefined, grade: () => undefined});
	const {controller, type, unmount} = mountRoundScreen(actor);
	cleanup = unmount;
	const asked: RunsAhead[] = [];
	startRunsForHighlight(controller, {prefetch: (ahead) => void (ahead && asked.push(ahead))});
	await type('', 'ask›');
	await type(ctrl('n'), 'Requirements (10 min)');
	await type(ctrl('n'), 'Start with the APIs');
	await type('\t', 'pipeline is empty');
	expect(asked).toEqual([]);
	await type('s', 'Start the design from');
	await type('j', '› Firehose');
	const archived = (ahead: RunsAhead) => ahead.runs.map((run) => run.label);
	expect(asked.map(archived)).toEqual([['1x', 'daily peak (2x)'], ['1x', 'daily peak (2x)']]);
	// The second is the highlighted (second) architecture's model, as a start from it would run.
	expect(asked[1]!.runs[0]!.model.stages.map((stage) => stage.id)).toEqual(scenario.architectures[1]!.stages.map((stage) => stage.id));
	expect(asked[0]!.runs[0]!.model.stages.map((stage) => stage.id)).toEqual(scenario.architectures[0]!.stages.map((stage) => stage.id));
});

test('the empty pipeline behind the start menu does not stop the highlighted architecture\'s runs; a design started from it runs the same; must fail: prefetch(null) 250 ms after the editor loads', async () => {
	const scenario = loginCounter();
	const actor = startRound({input: roundInput(scenario, {editor: designEditor}), simulate: () => undefined, grade: () => undefined});
	const {controller, type, unmount} = mountRoundScreen(actor);
	cleanup = unmount;
	const asked: Array<RunsAhead | null> = [];
	const sims = {prefetch: (ahead: RunsAhead | null) => void asked.push(ahead)};
	const editorLoaded = startRunsAhead(actor, sims);
	startRunsForHighlight(controller, sims);
	editorLoaded();
	await type('', 'ask›');
	await type(ctrl('n'), 'Requirements (10 min)');
	await type(ctrl('n'), 'Start with the APIs');
	await type('\t', 'pipeline is empty');
	await type('s', 'Start the design from');
	await new Promise((resolve) => setTimeout(resolve, 400));
	// Only the highlighted architecture's runs: nothing asked the pool to drop them.
	expect(asked.map((ahead) => ahead?.runs.map((run) => run.label) ?? null)).toEqual([['1x', 'daily peak (2x)']]);
	await type('\r', 'r run');
	await new Promise((resolve) => setTimeout(resolve, 400));
	expect(asked).toHaveLength(2);
	expect(asked[1]!.runs.map((run) => run.model)).toEqual(asked[0]!.runs.map((run) => run.model));
});
