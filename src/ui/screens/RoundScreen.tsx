/**
The round on screen: the phase bar with its timer, the current view, a status
line, the text field when the view takes typing, and the help line from the
keymap. A thin view over the round controller; every key goes to it.
*/
import {Box, useInput, type Key} from 'ink';
import {useEffect, useState, useSyncExternalStore} from 'react';
import {boxMinutes, currentPhase, type RoundContext} from '../../flow/round-machine.js';
import {pct} from '../../present/format.js';
import {helpLines, textViews, viewBindings, type View} from '../keymap.js';
import {layoutLine} from '../line-editor.js';
import type {GradeReport} from '../../grader/index.js';
import type {Exercise} from '../../scenarios/exercise-schema.js';
import type {RoundController, UiState} from '../round-controller.js';
import {Lines, paragraph, windowOf, wrapped, type Line} from './lines.js';
import {simResults} from '../components/sim-view.js';
import {plainReport, apiLines, cardLines, clarifyLines, deepDiveLines, estimateLines, exerciseLines, knobHelp, paletteLines, pipelineLines, resultsLines, reviewLines, startLines, whatIfLines, type Audience, type ResultRenderer, type ViewLines} from './round-views.js';

type Props = {
	readonly controller: RoundController;
	readonly width: number;
	readonly height: number;
	/** Draws simulation results; plain text by default. */
	readonly renderResults?: ResultRenderer;
	/** The task text of an exercise, once loaded. */
	readonly exerciseTask?: (exerciseId: string) => readonly string[] | undefined;
	/** A grading report as lines. */
	readonly exerciseReport?: (exercise: Exercise, report: GradeReport) => string[];
	/** The editor `e` opens, to say so. */
	readonly editorName?: string;
	/** The wall clock, for the timer. */
	readonly now?: () => number;
	/** Who the screen is for (see `Audience`); `solo` by default. */
	readonly audience?: Audience;
	/** Sees every key first; a key it returns true for goes no further (the interviewer's console). */
	readonly intercept?: (input: string, key: Key) => boolean;
	/** Whether keys reach the controller (false for a screen that only follows a round). */
	readonly interactive?: boolean;
};

/** "4:05" from milliseconds. */
function clock(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** The phase bar: every phase, the current one marked, and the time left in its box. */
export function phaseBar(context: RoundContext, width: number, now: number): Line[] {
	const phase = currentPhase(context);
	const started = context.phaseTimes.at(-1)!.startedAt;
	const used = now - started;
	const box = boxMinutes(context) * 60_000;
	const timer = context.timer ? (used <= box ? `${clock(box - used)} left` : `${clock(used - box)} over`) : `${clock(used)}`;
	const build = (short: boolean) => context.phases.map((candidate, index) => `${index === context.phaseIndex ? '▶' : index < context.phaseIndex ? '✓' : ' '}${short ? candidate.short : candidate.title}`).join('  ');
	let bar = build(false);
	if (bar.length + timer.length + 3 > width) bar = build(true);
	const over = context.timer && used > box;
	return [
		{text: `${bar}${' '.repeat(Math.max(1, width - bar.length - timer.length))}${timer}`.slice(0, width), tone: over ? 'warn' : 'strong'},
		{text: `${phase.title} (${phase.minutes} min): ${phase.goal}`, tone: 'dim'},
	];
}

function stepLine(context: RoundContext, ui: UiState): Line | undefined {
	const steps = currentPhase(context).steps;
	if (steps.length < 2) return undefined;
	const names: Record<string, string> = {clarify: 'questions', estimate: 'estimates', apis: 'APIs', pipeline: 'pipeline', 'what-ifs': 'what-ifs', exercises: 'exercises', 'deep-dive': 'deep dive', cards: 'cards', review: 'review'};
	return {text: `steps: ${steps.map((step) => (step === ui.step ? `[${names[step]}]` : names[step])).join('  ')}   (tab switches)`, tone: 'accent'};
}

function bodyFor(view: View, context: RoundContext, ui: UiState, width: number, props: Props): ViewLines {
	const render = props.renderResults ?? simResults;
	const audience = props.audience ?? 'solo';
	switch (view) {
		case 'clarify':
			return clarifyLines(context, width);
		case 'estimate':
			return estimateLines(context, ui, width, audience);
		case 'apis':
			return apiLines(context, ui, width, audience);
		case 'pipeline':
		case 'knob':
			return pipelineLines(context, ui, width);
		case 'palette':
			return paletteLines(ui, width);
		case 'start':
			return startLines(context, ui, width);
		case 'results':
			return resultsLines(context, width, render);
		case 'what-ifs':
			return whatIfLines(context, ui, width, render, audience);
		case 'deep-dive':
			return deepDiveLines(context, width, audience);
		case 'cards':
			return cardLines(context, width, audience);
		case 'exercises':
		case 'exercise':
		case 'paste': {
			const exercise = context.exercises[ui.exerciseIndex];
			return exerciseLines(context, ui, width, exercise ? props.exerciseTask?.(exercise.id) : undefined, props.exerciseReport ?? plainReport, props.editorName);
		}
		case 'review':
			return reviewLines(context, width, audience);
		default:
			return {lines: []};
	}
}

function helpOverlay(underlying: View, width: number): Line[] {
	const lines: Line[] = [{text: 'Keys on this screen (esc closes):', tone: 'strong'}, {text: ''}];
	for (const binding of viewBindings(underlying)) lines.push(...wrapped(`  ${binding.keys.padEnd(10)} ${binding.label}`, width, undefined, '             '));
	lines.push({text: ''}, ...paragraph('Every phase has a time box; when it runs out the interviewer nudges you, and you may go on. ctrl+n moves to the next phase whenever you are ready; nothing you typed is lost.', width, 'dim'));
	return lines;
}

const prompts: Partial<Record<View, string>> = {clarify: 'ask› ', estimate: 'figure› ', knob: 'value› ', 'deep-dive': 'answer› ', cards: 'answer› ', paste: 'sql› '};

/** The whole round screen at a given size. */
export function RoundScreen(props: Props) {
	const {controller, width, height} = props;
	const state = useSyncExternalStore(controller.subscribe, controller.getState);
	const now = props.now ?? Date.now;
	const [tick, setTick] = useState(now());
	useEffect(() => {
		const timer = setInterval(() => setTick(now()), 1000);
		return () => clearInterval(timer);
	}, [now]);
	useInput(
		(input, key) => {
			if (props.intercept?.(input, key)) return;
			controller.input(input, key);
		},
		{isActive: props.interactive ?? true},
	);

	const {context, ui, view} = state;
	const underlying = view === 'help' ? (controller.viewBehindHelp() ?? 'clarify') : view;
	const top: Line[] = [...phaseBar(context, width, Math.max(tick, context.phaseTimes.at(-1)!.startedAt))];
	const step = stepLine(context, ui);
	if (step) top.push(step);
	top.push({text: '─'.repeat(width), tone: 'dim'});

	// A screen that only follows has no field to type in.
	const field = textViews.has(view) && props.interactive !== false ? layoutLine(ui.field, Math.max(10, width - (prompts[view]?.length ?? 2))) : undefined;
	const fieldLines: Line[] = field ? field.lines.slice(-3).map((line, index) => ({text: `${index === 0 ? prompts[view] : ' '.repeat(prompts[view]?.length ?? 2)}${line}`, tone: 'accent'})) : [];
	const status = context.pending
		? `${context.pending.what === 'exercise' ? 'grading' : `simulating ${context.pending.label}`}… ${progress(context.pending.done, 20)} ${pct(context.pending.done)}`
		: (ui.status ?? context.error ?? (view === 'knob' ? knobHelp(context, ui) : ''));
	const statusTone = context.pending ? 'accent' : context.error && !ui.status ? 'bad' : 'dim';
	const statusLines = status === '' ? [{text: ''}] : wrapped(status, width, statusTone).slice(0, 2);
	const bottom: Line[] = [{text: '─'.repeat(width), tone: 'dim'}, ...statusLines, ...fieldLines, ...(props.interactive === false ? [] : helpLines(view, width).map((text): Line => ({text, tone: 'dim'})))];

	const bodyHeight = Math.max(3, height - top.length - bottom.length);
	const body = view === 'help' ? {lines: helpOverlay(underlying, width)} : bodyFor(view, context, ui, width, props);
	const shown = windowOf(body.lines, bodyHeight, ui.scroll, body.fromBottom, body.focus);
	const lines = [...shown.lines];
	if (shown.above > 0 && !body.fromBottom) lines[0] = {text: `↑ ${shown.above} more above (↑/pgup)`, tone: 'dim'};
	if (shown.below > 0 && !body.fromBottom) lines[lines.length - 1] = {text: `↓ ${shown.below} more below (↓/pgdn)`, tone: 'dim'};
	if (shown.above > 0 && body.fromBottom) lines[0] = {text: `↑ ${shown.above} earlier lines (↑/pgup)`, tone: 'dim'};
	if (shown.below > 0 && body.fromBottom) lines[lines.length - 1] = {text: `↓ ${shown.below} newer lines (↓/pgdn)`, tone: 'dim'};

	return (
		<Box flexDirection="column" width={width}>
			<Lines lines={top} />
			<Lines lines={lines} height={bodyHeight} />
			<Lines lines={bottom} />
		</Box>
	);
}

function progress(done: number, width: number): string {
	const filled = Math.round(Math.max(0, Math.min(1, done)) * width);
	return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}
