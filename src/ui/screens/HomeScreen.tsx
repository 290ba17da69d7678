/**
The home screen: the scenarios to practise, what the highlighted one is, and
how a round goes. Enter starts a round of it.
*/
import {Box, useInput} from 'ink';
import {useRef, useState} from 'react';
import {phasesFor} from '../../flow/phases.js';
import type {Scenario} from '../../scenarios/schema.js';
import {commandFor, helpLine, viewBindings} from '../keymap.js';
import {splitKeys} from '../keys.js';
import {Lines, paragraph, wrapped, windowOf, type Line} from './lines.js';

type Props = {
	readonly scenarios: readonly Scenario[];
	readonly width?: number;
	readonly height?: number;
	/** A line to show above the list (e.g. the last round's score). */
	readonly notice?: string;
	/** Called with the scenario to play. */
	readonly onStart?: (scenario: Scenario) => void;
	/** Called with the exit code: 0 for q, 130 for Ctrl-C. */
	readonly onQuit?: (code: number) => void;
};

/** The lines of the home screen. */
export function homeLines(scenarios: readonly Scenario[], cursor: number, width: number, help: boolean, notice?: string): Line[] {
	if (help) return [{text: 'Keys (esc closes):', tone: 'strong'}, ...viewBindings('home').map((binding) => ({text: `  ${binding.keys.padEnd(8)} ${binding.label}`})), {text: ''}, ...paragraph('A round plays the interview of the study notes: clarify, estimate, design and simulate, deep dive, scale, review. Nothing you type is lost when you quit.', width, 'dim')];
	const lines: Line[] = [{text: 'Pipeline Dojo', tone: 'strong'}, {text: 'Practise a data-engineering interview: pick a scenario, enter starts a round.', tone: 'dim'}];
	if (notice) lines.push({text: notice, tone: 'ok'});
	lines.push({text: ''});
	for (const [index, scenario] of scenarios.entries()) {
		const selected = index === cursor;
		const text = `${selected ? '› ' : '  '}${scenario.title} — ${scenario.summary}`;
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
export function HomeScreen({scenarios, width = 80, height = 24, notice, onStart, onQuit}: Props) {
	const [, render] = useState(0);
	// Live state in a ref: keys typed in a burst each see the previous one's result.
	const state = useRef({cursor: 0, help: false});
	useInput((input, key) => {
		for (const press of splitKeys(input, key)) {
			const current = state.current;
			const command = commandFor(current.help ? 'help' : 'home', press);
			if (command === 'quit') onQuit?.(press.key.ctrl ? 130 : 0);
			else if (command === 'help') current.help = true;
			else if (command === 'close') current.help = false;
			else if (command === 'up') current.cursor = Math.max(0, current.cursor - 1);
			else if (command === 'down') current.cursor = Math.min(scenarios.length - 1, current.cursor + 1);
			else if (command === 'submit' && !current.help) onStart?.(scenarios[current.cursor]!);
		}
		render((value) => value + 1);
	});
	const body = homeLines(scenarios, state.current.cursor, width, state.current.help, notice);
	const shown = windowOf(body, height - 2, 0);
	return (
		<Box flexDirection="column" width={width}>
			<Lines lines={shown.lines} height={height - 2} />
			<Lines lines={[{text: '─'.repeat(width), tone: 'dim'}, {text: helpLine(state.current.help ? 'help' : 'home'), tone: 'dim'}]} />
		</Box>
	);
}
