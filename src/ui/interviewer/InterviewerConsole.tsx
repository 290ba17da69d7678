/**
The interviewer's console: the round as the candidate plays it (the
interviewer types what the candidate says) above a private panel with the
rubric — hidden answers, expected estimates, good-answer points, what-ifs and
curveballs — the live score and the phase timers. Only this window shows the
panel; `dojo screen` in a second terminal shows the candidate's side alone.
*/
import {Box} from 'ink';
import {useSyncExternalStore, type ComponentProps} from 'react';
import {reviewRound} from '../../flow/score.js';
import type {RoundContext} from '../../flow/round-machine.js';
import {RoundScreen} from '../screens/RoundScreen.js';
import {Lines, type Line} from '../screens/lines.js';
import type {InterviewerController, PanelState} from './interviewer-controller.js';
import {rubricRows} from './rubric.js';

const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text);

/** The panel's lines for a round and the panel state, `height` lines at most. */
export function panelLines(context: RoundContext, panel: PanelState, width: number, height: number, now: number): Line[] {
	const score = reviewRound(context);
	const keys = panel.focused ? 'j/k pick · space mark · r reveal · w run · + 5 min · h hide · esc back' : 'ctrl+o: interviewer keys';
	if (panel.hidden) return [{text: fit(`── private panel hidden (ctrl+o then h shows it) ──`, width), tone: 'dim'}];
	const timers = context.phaseTimes
		.map((entry) => {
			const phase = context.phases.find((candidate) => candidate.id === entry.phase)!;
			const minutes = ((entry.endedAt ?? context.finishedAt ?? now) - entry.startedAt) / 60_000;
			return `${entry.endedAt === null ? '▶' : ''}${phase.short} ${minutes.toFixed(1)}/${phase.minutes + (context.extensions[phase.id] ?? 0)}m`;
		})
		.join(' ');
	const head: Line[] = [
		{text: fit(`── interviewer only ── score ${score.total}/100 (${score.areas.map((area) => `${area.id} ${area.score}`).join(', ')})`, width), tone: 'strong'},
		{text: fit(`timers: ${timers}`, width), tone: 'dim'},
		{text: fit(panel.note ? `${panel.note} · ${keys}` : keys, width), tone: panel.focused ? 'accent' : 'dim'},
	];
	const rows = rubricRows(context);
	const room = Math.max(1, height - head.length);
	const cursor = Math.min(panel.cursor, rows.length - 1);
	const first = Math.max(0, Math.min(cursor - Math.floor(room / 2), rows.length - room));
	const body = rows.slice(first, first + room).map((row, index): Line => {
		const selected = panel.focused && first + index === cursor;
		const mark = row.met === null ? '  ' : `${row.met ? '✓' : '·'}${row.marked ? 'M' : ' '}`;
		return {text: fit(`${selected ? '›' : ' '}${mark} ${row.section}: ${row.text} — ${row.hidden}`, width), ...(selected ? {tone: 'selected' as const} : row.met ? {tone: 'ok' as const} : {})};
	});
	return [...head, ...body];
}

type Props = Omit<ComponentProps<typeof RoundScreen>, 'controller'> & {readonly controller: InterviewerController};

/** The console: the round on top, the private panel below. */
export function InterviewerConsole(props: Props) {
	const {controller, width, height} = props;
	const panel = useSyncExternalStore(controller.subscribePanel, controller.getPanel);
	const state = useSyncExternalStore(controller.subscribe, controller.getState);
	const panelHeight = panel.hidden ? 1 : Math.max(4, Math.min(14, Math.floor(height * 0.4)));
	return (
		<Box flexDirection="column" width={width}>
			<RoundScreen {...props} height={height - panelHeight} />
			<Lines lines={panelLines(state.context, panel, width, panelHeight, (props.now ?? Date.now)())} height={panelHeight} />
		</Box>
	);
}
