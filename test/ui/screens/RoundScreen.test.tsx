/**
The round screen at 80x24 and wider: every view fits the terminal (no line
wider than it, no frame taller), `?` shows the keys of the view underneath,
and NO_COLOR output carries no colour codes.
*/
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {startRound} from '../../../src/flow/round-actor.js';
import {RoundController} from '../../../src/ui/round-controller.js';
import {RoundScreen} from '../../../src/ui/screens/RoundScreen.js';
import {colorOn, toneProps} from '../../../src/ui/screens/lines.js';
import {keys, waitForFrame} from '../../helpers/ink.js';
import {fakeResult, loginCounter, roundInput, scriptedMatcher} from '../../flow/helpers.js';

const scenario = loginCounter();
const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function mount(columns: number, rows: number) {
	const actor = startRound({
		input: roundInput(scenario, {matcher: scriptedMatcher(scenario.questions, {'whats the schema': 'schema'})}),
		simulate: (request, emit) => {
			for (const run of request.runs) emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: fakeResult(run.label === '1x')});
			emit({type: 'sim.done', requestId: request.requestId});
		},
		grade: () => undefined,
	});
	const controller = new RoundController(actor, {now: () => 1_000_000});
	const screen = render(<RoundScreen controller={controller} width={columns} height={rows - 1} now={() => 1_000_000} />);
	cleanup = () => {
		screen.unmount();
		actor.stop();
	};
	const type = async (text: string, expected: string | RegExp) => {
		screen.stdin.write(text);
		return waitForFrame(screen.lastFrame, expected);
	};
	return {screen, type};
}

/**
Fails with the offending lines when a frame does not fit: taller than the
terminal, or a line Ink had to cut ("…" at the edge) — only the phase's goal
line (the second) is cut on purpose.
*/
function expectFits(frame: string, columns: number, rows: number) {
	const lines = frame.split('\n');
	expect(lines.filter((line) => [...line].length > columns)).toEqual([]);
	expect(lines.filter((line, index) => index !== 1 && line.endsWith('…'))).toEqual([]);
	expect(lines.length).toBeLessThanOrEqual(rows - 1);
}

describe.each([
	[80, 24],
	[120, 40],
])('the round screen at %ix%i', (columns, rows) => {
	test('every view of every phase fits the terminal', async () => {
		const {type} = mount(columns, rows);
		const frames: string[] = [];
		frames.push(await type('whats the schema\r', 'You: whats the schema'));
		frames.push(await type('?', 'Keys on this screen'));
		frames.push(await type(keys.escape, 'asked so far'));
		frames.push(await type(ctrl('n'), 'Requirements'));
		frames.push(await type('\t', 'Back-of-envelope'));
		frames.push(await type('8.3k\r16.7k\r3.3\r144\r17\r', 'estimates handed in'));
		frames.push(await type(ctrl('n'), 'Start with the APIs'));
		frames.push(await type(keys.enter, 'Expected Vendor SDK'));
		frames.push(await type('\t', 'The pipeline is empty'));
		frames.push(await type('a', 'Add a component'));
		frames.push(await type(keys.escape, 'The pipeline is empty'));
		frames.push(await type('s', 'Start the design from'));
		frames.push(await type(keys.enter, '1. ingest'));
		frames.push(await type(keys.down + keys.down + keys.enter, 'value›'));
		frames.push(await type(keys.escape, 'r run'));
		frames.push(await type('r', /verdict +✓ SLO met/));
		frames.push(await type(ctrl('n'), 'Question 1 of'));
		frames.push(await type('kinesis replicates\r', 'answer recorded'));
		frames.push(await type(ctrl('n'), 'daily peak'));
		frames.push(await type(keys.enter, /before +daily peak/));
		frames.push(await type(ctrl('n'), /Score: \d+ \/ 100/));
		for (const frame of frames) expectFits(frame, columns, rows);
	});
});

describe('help and colour', () => {
	test('? lists the keys of the view underneath, with what each does; on a text view only while the field is empty', async () => {
		const {screen, type} = mount(100, 30);
		let frame = await type('?', 'Keys on this screen');
		expect(frame).toMatch(/enter +ask/);
		expect(frame).toMatch(/ctrl\+n +next phase/);
		frame = await type(keys.escape, 'asked so far');
		// With text typed, ? is a question mark.
		frame = await type('why?', 'ask› why?');
		expect(screen.lastFrame()).not.toContain('Keys on this screen');
	});

	test('NO_COLOR turns every tone into plain text (bold stays: it is not a colour)', () => {
		expect(colorOn({NO_COLOR: '1'})).toBe(false);
		expect(colorOn({NO_COLOR: ''})).toBe(true);
		expect(colorOn({TERM: 'dumb'})).toBe(false);
		expect(colorOn({})).toBe(true);
		expect(toneProps('bad', false)).toEqual({});
		expect(toneProps('strong', false)).toEqual({bold: true});
		expect(toneProps('bad', true)).toEqual({color: 'red'});
	});
});
