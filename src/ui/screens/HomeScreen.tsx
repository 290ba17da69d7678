/**
The home screen: the scenarios to practise, what the highlighted one is, and
how a round goes. Enter starts a round of it — or, when an unfinished round of
that scenario is saved, offers to resume it. Below the list, progress by area
over the finished rounds, one sparkline each.
*/
import {Box, useInput} from 'ink';
import {useRef, useState} from 'react';
import {phasesFor} from '../../flow/phases.js';
import type {Scenario} from '../../scenarios/schema.js';
import {commandFor, helpLine, viewBindings} from '../keymap.js';
import {splitKeys} from '../keys.js';
import {Lines, paragraph, wrapped, windowOf, type Line} from './lines.js';

/** An unfinished round the home screen can offer to resume. */
export type ResumableRound = {readonly id: number; readonly startedAt: number; readonly phase: string; readonly questions: number};

/** One score area's figures over the finished rounds, oldest first (0–100). */
export type AreaProgress = {readonly title: string; readonly scores: readonly number[]};

type Props = {
	readonly scenarios: readonly Scenario[];
	/** Unfinished rounds of a scenario, newest first (nothing saved: none). */
	readonly unfinished?: (scenarioId: string) => readonly ResumableRound[];
	readonly progress?: readonly AreaProgress[];
	/** Open with the resume offer for this scenario showing (`dojo practice <id>` with a round to resume). */
	readonly offer?: Scenario;
	readonly width?: number;
	readonly height?: number;
	/** A line to show above the list (e.g. the last round's score). */
	readonly notice?: string;
	/** Called with the scenario to play, and the id of the round to resume, if any. */
	readonly onStart?: (scenario: Scenario, resume?: number) => void;
	/** Called with the exit code: 0 for q, 130 for Ctrl-C. */
	readonly onQuit?: (code: number) => void;
};

const ticks = '▁▂▃▄▅▆▇█';

/** A sparkline of 0–100 figures, one character each. */
export function sparkline(scores: readonly number[]): string {
	return scores.map((score) => ticks[Math.min(ticks.length - 1, Math.max(0, Math.floor((score / 100) * ticks.length)))]).join('');
}

/** The lines of progress by area: the last figures as a sparkline, and the latest. */
export function progressLines(progress: readonly AreaProgress[], width: number): Line[] {
	if (progress.length === 0) return [];
	const titleWidth = Math.max(...progress.map((area) => area.title.length));
	const room = Math.max(4, width - titleWidth - 10);
	return [{text: ''}, {text: 'Progress by area (finished rounds, oldest first)', tone: 'dim'}, ...progress.map((area) => ({text: `  ${area.title.padEnd(titleWidth)}  ${sparkline(area.scores.slice(-room))} ${String(area.scores.at(-1) ?? 0).padStart(3)}`}))];
}

function clock(at: number): string {
	const date = new Date(at);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The lines of the resume offer. */
export function resumeLines(scenario: Scenario, round: ResumableRound, width: number): Line[] {
	return [
		{text: 'Pipeline Dojo', tone: 'strong'},
		{text: ''},
		...paragraph(`${scenario.title}: an unfinished round from ${clock(round.startedAt)} is saved.`, width),
		...paragraph(`${round.questions} question${round.questions === 1 ? '' : 's'} asked, reached ${round.phase}.`, width),
		{text: ''},
		{text: '  enter  resume it where you left off', tone: 'selected'},
		{text: '  n      start a new round'},
		{text: '  esc    back to the scenarios'},
	];
}

/** The lines of the home screen. */
export function homeLines(scenarios: readonly Scenario[], cursor: number, width: number, help: boolean, notice?: string, unfinished?: Props['unfinished']): Line[] {
	if (help) return [{text: 'Keys (esc closes):', tone: 'strong'}, ...viewBindings('home').map((binding) => ({text: `  ${binding.keys.padEnd(8)} ${binding.label}`})), {text: ''}, ...paragraph('A round plays the interview of the study notes: clarify, estimate, design and simulate, deep dive, scale, review. Nothing you type is lost when you quit.', width, 'dim')];
	const lines: Line[] = [{text: 'Pipeline Dojo', tone: 'strong'}, {text: 'Practise a data-engineering interview: pick a scenario, enter starts a round.', tone: 'dim'}];
	if (notice) lines.push({text: notice, tone: 'ok'});
	lines.push({text: ''});
	for (const [index, scenario] of scenarios.entries()) {
		const selected = index === cursor;
		const saved = unfinished?.(scenario.id).length ? ' (unfinished round saved)' : '';
		const text = `${selected ? '› ' : '  '}${scenario.title}${saved} — ${scenario.summary}`;
		lines.push({text: text.length > width ? `${text.slice(0, width - 1)}…` : text, tone: selected ? 'selected' : undefined});
	}
	const open = scenarios[cursor];
	if (open) {
		lines.push({text: ''});
		lines.push({text: `${open.id} · ${open.kind} · ${phasesFor(open.kind).map((phase) => `${phase.short} ${phase.minutes}m`).join(' → ')}`, tone: 'dim'});
		lines.push(...wrapped(`Interviewer: ${open.prompt.trim().replace(/\s*\n\s*/g, ' ')}`, width, undefined, '  '));
	}
	return lines;
}

/** Lists scenarios; enter starts a round of the highlighted one. */
export function HomeScreen({scenarios, unfinished, progress = [], offer, width = 80, height = 24, notice, onStart, onQuit}: Props) {
	const [, render] = useState(0);
	// Live state in a ref: keys typed in a burst each see the previous one's result.
	const state = useRef<{cursor: number; help: boolean; resume: {scenario: Scenario; round: ResumableRound} | null}>({
		cursor: Math.max(0, offer ? scenarios.indexOf(offer) : 0),
		help: false,
		resume: offer && unfinished?.(offer.id)[0] ? {scenario: offer, round: unfinished(offer.id)[0]!} : null,
	});
	useInput((input, key) => {
		for (const press of splitKeys(input, key)) {
			const current = state.current;
			const resume = current.resume;
			if (resume && !current.help) {
				const command = commandFor('resume', press);
				if (command === 'quit') onQuit?.(130);
				else if (command === 'submit') onStart?.(resume.scenario, resume.round.id);
				else if (command === 'new-round') onStart?.(resume.scenario);
				else if (command === 'close') current.resume = null;
				continue;
			}
			const command = commandFor(current.help ? 'help' : 'home', press);
			if (command === 'quit') onQuit?.(press.key.ctrl ? 130 : 0);
			else if (command === 'help') current.help = true;
			else if (command === 'close') current.help = false;
			else if (command === 'up') current.cursor = Math.max(0, current.cursor - 1);
			else if (command === 'down') current.cursor = Math.min(scenarios.length - 1, current.cursor + 1);
			else if (command === 'submit' && !current.help) {
				const scenario = scenarios[current.cursor]!;
				const saved = unfinished?.(scenario.id)[0];
				if (saved) current.resume = {scenario, round: saved};
				else onStart?.(scenario);
			}
		}
		render((value) => value + 1);
	});
	const {resume, help} = state.current;
	const body = resume && !help ? resumeLines(resume.scenario, resume.round, width) : [...homeLines(scenarios, state.current.cursor, width, help, notice, unfinished), ...(help ? [] : progressLines(progress, width))];
	const shown = windowOf(body, height - 2, 0);
	return (
		<Box flexDirection="column" width={width}>
			<Lines lines={shown.lines} height={height - 2} />
			<Lines lines={[{text: '─'.repeat(width), tone: 'dim'}, {text: helpLine(help ? 'help' : resume ? 'resume' : 'home'), tone: 'dim'}]} />
		</Box>
	);
}
