/**
The interviewer's console: the round as the interviewer runs it, with a
private panel of the rubric for the phase in play (key questions with their
hidden answers, expected estimates, API choices, deep-dive points, and what
a strong answer to the selected curveball says). Ctrl keys from the keymap mark
items, reveal an answer to the candidate, extend the time box and hide the
panel; everything else goes to the round as usual.
*/
import {Box, type Key} from 'ink';
import {useState, useSyncExternalStore} from 'react';
import {commandFor, consoleHelpLines} from '../keymap.js';
import type {RoundController} from '../round-controller.js';
import {curveballNote, itemMet, nextMark, rubricItems} from '../rubric.js';
import {Lines, windowOf, wrapped, type Line} from './lines.js';
import {RoundScreen} from './RoundScreen.js';
import type {RoundContext} from '../../flow/round-machine.js';

type Props = {
	/** The round, as the interviewer drives it. */
	readonly controller: RoundController;
	/** The terminal's size. */
	readonly width: number;
	readonly height: number;
	/** The wall clock, for the timer and the time of the interviewer's events. */
	readonly now?: () => number;
};

/** Minutes one ctrl+x adds to the current time box. */
const EXTEND_MINUTES = 5;

/** At this width and wider the panel sits beside the round; narrower, below it. */
const SIDE_BY_SIDE = 120;

/** The panel's lines: the items with their state, the selected one's hidden answer, the curveballs. */
export function panelLines(context: RoundContext, selected: number, whatIfIndex: number, width: number, height: number, answerLines = 4): Line[] {
	const items = rubricItems(context);
	const lines: Line[] = [{text: 'Interviewer only: not on the shared screen', tone: 'strong'}];
	const list: Line[] = items.map((item, index) => {
		const met = itemMet(context, item);
		const by = context.marks[item.item] === undefined ? '' : ' (marked)';
		const revealed = item.questionId && context.revealed.includes(item.questionId) ? ' (revealed)' : '';
		return {text: `${index === selected ? '›' : ' '} ${met ? '✓' : '·'} ${item.label}${by}${revealed}`.slice(0, width), tone: index === selected ? 'selected' : met ? 'ok' : undefined};
	});
	const current = items[selected];
	const answer = current ? wrapped(`hidden answer: ${current.answer}`, width, 'accent', '  ') : [];
	const note = curveballNote(context, whatIfIndex);
	const notes = note ? wrapped(`a strong answer to ${note}`, width, 'accent', '  ') : [];
	const room = Math.max(1, height - lines.length - Math.min(answer.length, answerLines) - Math.min(notes.length, answerLines));
	if (items.length === 0 && notes.length === 0) lines.push({text: 'nothing to mark in this phase', tone: 'dim'});
	lines.push(...windowOf(list, room, 0, false, selected).lines, ...answer.slice(0, answerLines), ...notes.slice(0, answerLines));
	return lines.slice(0, height);
}

/** The console: the round screen and the private panel, beside or below it. */
export function InterviewerScreen({controller, width, height, now}: Props) {
	const state = useSyncExternalStore(controller.subscribe, controller.getState);
	// The rubric cursor belongs to a phase: a new phase starts at its first item.
	const [cursorAt, setCursorAt] = useState({phase: 0, item: 0});
	const [panel, setPanel] = useState(true);
	const context = state.context;
	const items = rubricItems(context);
	const selected = cursorAt.phase === context.phaseIndex ? cursorAt.item : 0;
	const cursor = Math.max(0, Math.min(selected, items.length - 1));
	const setSelected = (item: number) => setCursorAt({phase: context.phaseIndex, item: Math.max(0, Math.min(item, items.length - 1))});

	const intercept = (input: string, key: Key): boolean => {
		const command = commandFor('console', {input, key});
		const at = (now ?? Date.now)();
		switch (command) {
			case 'toggle-panel':
				setPanel((shown) => !shown);
				return true;
			case 'rubric-up':
				setSelected(Math.max(0, cursor - 1));
				return true;
			case 'rubric-down':
				setSelected(Math.min(items.length - 1, cursor + 1));
				return true;
			case 'rubric-mark': {
				const item = items[cursor];
				if (item) controller.interviewer({type: 'rubric.mark', item: item.item, value: nextMark(context.marks[item.item]), at});
				return true;
			}
			case 'reveal': {
				const item = items[cursor];
				if (item?.questionId) controller.interviewer({type: 'answer.reveal', questionId: item.questionId, at});
				return true;
			}
			case 'extend':
				controller.interviewer({type: 'phase.extend', minutes: EXTEND_MINUTES, at});
				return true;
			default:
				return false;
		}
	};

	const help = (columns: number) => consoleHelpLines(columns).map((text): Line => ({text, tone: 'dim'}));
	if (!panel) {
		return (
			<Box flexDirection="column" width={width}>
				<RoundScreen controller={controller} width={width} height={height - 1} audience="interviewer" intercept={intercept} {...(now ? {now} : {})} />
				<Lines lines={[{text: 'ctrl+g shows the interviewer panel', tone: 'dim'}]} />
			</Box>
		);
	}
	if (width >= SIDE_BY_SIDE) {
		const side = Math.min(56, Math.floor(width * 0.4));
		const main = width - side - 1;
		const keys = help(side);
		const body = panelLines(context, cursor, state.ui.whatIfIndex, side, height - keys.length);
		return (
			<Box flexDirection="row" width={width}>
				<RoundScreen controller={controller} width={main} height={height} audience="interviewer" intercept={intercept} {...(now ? {now} : {})} />
				<Box flexDirection="column" width={side} marginLeft={1}>
					<Lines lines={body} height={height - keys.length} />
					<Lines lines={keys} />
				</Box>
			</Box>
		);
	}
	const keys = help(width);
	const panelHeight = Math.min(11, Math.max(6, Math.floor(height * 0.35)));
	// Stacked under the round the panel is short: the selected answer gets two lines, the list the rest.
	const body = panelLines(context, cursor, state.ui.whatIfIndex, width, panelHeight - keys.length - 1, 2);
	return (
		<Box flexDirection="column" width={width}>
			<RoundScreen controller={controller} width={width} height={height - panelHeight} audience="interviewer" intercept={intercept} {...(now ? {now} : {})} />
			<Lines lines={[{text: '━'.repeat(width), tone: 'accent'}, ...body]} height={panelHeight - keys.length} />
			<Lines lines={keys} />
		</Box>
	);
}
