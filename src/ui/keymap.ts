/**
The one table of keys: what each key does on each view. The controllers ask
`commandFor(view, keypress)` and the help line and the `?` overlay are
rendered from the same table, so what the footer says is always what the keys do.

Views where the candidate types (a question, an answer, a knob value) take
printable characters as text, so their commands are Enter, Tab, arrows, Esc
and Ctrl- keys; `?` opens the help there only while the field is empty.
*/
import {isPrintable, type Keypress} from './keys.js';

/** A screen, or a mode of one, with its own keys. */
export type View =
	| 'home'
	| 'resume'
	| 'clarify'
	| 'estimate'
	| 'apis'
	| 'pipeline'
	| 'knob'
	| 'palette'
	| 'start'
	| 'results'
	| 'deep-dive'
	| 'what-ifs'
	/** The knowledge cards of a phase. */
	| 'cards'
	| 'exercises'
	| 'exercise'
	| 'paste'
	| 'review'
	| 'help'
	/** The interviewer's private panel, over whichever view the round is on. */
	| 'console'
	/** A screen that follows a round played elsewhere (`dojo screen`): it scrolls, it does not play. */
	| 'follow';

/** Views whose printable keys type text. */
export const textViews: ReadonlySet<View> = new Set(['clarify', 'estimate', 'knob', 'deep-dive', 'cards', 'paste']);

/** Something a key asks for. */
export type Command =
	| 'quit'
	| 'help'
	| 'close'
	| 'next-phase'
	| 'next-step'
	| 'prev-step'
	| 'submit'
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'page-up'
	| 'page-down'
	| 'add'
	| 'remove'
	| 'move-up'
	| 'move-down'
	| 'start-from'
	| 'run'
	| 'toggle-results'
	| 'edit-design'
	| 'editor'
	| 'paste'
	| 'finish'
	| 'new-round'
	| 'rubric-up'
	| 'rubric-down'
	| 'rubric-mark'
	| 'reveal'
	| 'extend'
	| 'toggle-panel';

/** One row of the table. */
export type Binding = {
	readonly command: Command;
	/** The key as the help line writes it. */
	readonly keys: string;
	/** What it does, per view ('*' for every view it applies to). */
	readonly label: Partial<Record<View | '*', string>>;
	/** The views it works on. */
	readonly views: readonly View[] | 'all';
	/** Shown in the one-line footer (the rest only in the `?` overlay). */
	readonly footer?: boolean;
	readonly test: (press: Keypress) => boolean;
};

const round: View[] = ['clarify', 'estimate', 'apis', 'pipeline', 'results', 'deep-dive', 'what-ifs', 'cards', 'exercises', 'exercise', 'review'];
const lists: View[] = ['home', 'resume', 'apis', 'pipeline', 'palette', 'start', 'what-ifs', 'exercises', 'estimate'];
const scrolling: View[] = ['clarify', 'results', 'deep-dive', 'cards', 'exercise', 'review', 'help', 'what-ifs', 'estimate', 'follow'];
const letter = (char: string) => (press: Keypress) => press.input === char && !press.key.ctrl && !press.key.meta;

/** Every binding, in the order the help shows them. */
export const bindings: readonly Binding[] = [
	{
		command: 'submit',
		keys: 'enter',
		label: {home: 'open', resume: 'choose', clarify: 'ask', estimate: 'next field', apis: 'pick style', pipeline: 'edit', knob: 'set', palette: 'add', start: 'start from it', 'deep-dive': 'answer', cards: 'answer', 'what-ifs': 'run', exercises: 'open', exercise: 'paste SQL', paste: 'new line', review: 'finish'},
		views: ['home', 'resume', 'clarify', 'estimate', 'apis', 'pipeline', 'knob', 'palette', 'start', 'deep-dive', 'cards', 'what-ifs', 'exercises', 'exercise', 'paste', 'review'],
		footer: true,
		test: ({key}) => key.return && !key.ctrl,
	},
	{command: 'up', keys: '↑/k', label: {'*': 'move up', clarify: 'scroll', results: 'scroll', 'deep-dive': 'previous question', cards: 'previous card', review: 'scroll', exercise: 'scroll', help: 'scroll'}, views: [...lists, ...scrolling], test: ({key, input}) => (key.upArrow && !key.shift) || input === 'k'},
	{command: 'down', keys: '↓/j', label: {'*': 'move down', clarify: 'scroll', results: 'scroll', 'deep-dive': 'next question', cards: 'next card', review: 'scroll', exercise: 'scroll', help: 'scroll'}, views: [...lists, ...scrolling], test: ({key, input}) => (key.downArrow && !key.shift) || input === 'j'},
	{command: 'left', keys: '←', label: {apis: 'previous style'}, views: ['apis'], test: ({key}) => key.leftArrow},
	{command: 'right', keys: '→', label: {apis: 'next style'}, views: ['apis'], test: ({key}) => key.rightArrow},
	{command: 'page-up', keys: 'pgup', label: {'*': 'page up'}, views: scrolling, test: ({key}) => key.pageUp},
	{command: 'page-down', keys: 'pgdn', label: {'*': 'page down'}, views: scrolling, test: ({key}) => key.pageDown},
	{command: 'add', keys: 'a', label: {pipeline: 'add'}, views: ['pipeline'], footer: true, test: letter('a')},
	{command: 'remove', keys: 'x', label: {pipeline: 'remove stage'}, views: ['pipeline'], test: (press) => letter('x')(press) || press.key.delete},
	{command: 'move-up', keys: 'shift+↑', label: {pipeline: 'move stage up'}, views: ['pipeline'], test: ({key, input}) => (key.upArrow && key.shift) || input === 'K'},
	{command: 'move-down', keys: 'shift+↓', label: {pipeline: 'move stage down'}, views: ['pipeline'], test: ({key, input}) => (key.downArrow && key.shift) || input === 'J'},
	{command: 'start-from', keys: 's', label: {pipeline: 'start from', results: 'start from'}, views: ['pipeline', 'results'], footer: true, test: letter('s')},
	{command: 'run', keys: 'r', label: {pipeline: 'run', results: 'run again', 'what-ifs': 're-run'}, views: ['pipeline', 'results', 'what-ifs'], footer: true, test: letter('r')},
	{command: 'toggle-results', keys: 'v', label: {pipeline: 'results', results: 'editor'}, views: ['pipeline', 'results'], footer: true, test: letter('v')},
	{command: 'edit-design', keys: 'e', label: {'what-ifs': 'edit design'}, views: ['what-ifs'], footer: true, test: letter('e')},
	{command: 'editor', keys: 'e', label: {exercise: 'open $EDITOR'}, views: ['exercise'], footer: true, test: letter('e')},
	{command: 'paste', keys: 'ctrl+d', label: {paste: 'hand in'}, views: ['paste'], footer: true, test: ({key, input}) => key.ctrl && input === 'd'},
	{command: 'next-step', keys: 'tab', label: {'*': 'next step'}, views: round, footer: true, test: ({key}) => key.tab && !key.shift},
	{command: 'prev-step', keys: 'shift+tab', label: {'*': 'previous step'}, views: round, test: ({key}) => key.tab && key.shift},
	{command: 'next-phase', keys: 'ctrl+n', label: {'*': 'next phase', review: 'finish'}, views: round, footer: true, test: ({key, input}) => key.ctrl && input === 'n'},
	{command: 'new-round', keys: 'n', label: {home: 'new round'}, views: ['resume'], test: letter('n')},
	{command: 'close', keys: 'esc', label: {'*': 'back', help: 'close help'}, views: ['knob', 'palette', 'start', 'exercise', 'paste', 'help', 'resume'], footer: true, test: ({key}) => key.escape},
	{command: 'help', keys: '?', label: {'*': 'help'}, views: 'all', footer: true, test: letter('?')},
	{command: 'quit', keys: 'ctrl+c', label: {'*': 'quit'}, views: 'all', footer: true, test: ({key, input}) => key.ctrl && input === 'c'},
	{command: 'quit', keys: 'q', label: {'*': 'quit'}, views: ['home', 'follow'], footer: true, test: letter('q')},
	// The interviewer's console: Ctrl keys, so they never collide with what is typed for the candidate.
	{command: 'rubric-up', keys: 'ctrl+p', label: {console: 'previous item'}, views: ['console'], footer: true, test: ({key, input}) => key.ctrl && input === 'p'},
	{command: 'rubric-down', keys: 'ctrl+o', label: {console: 'next item'}, views: ['console'], footer: true, test: ({key, input}) => key.ctrl && input === 'o'},
	{command: 'rubric-mark', keys: 'ctrl+t', label: {console: 'mark met / not met / auto'}, views: ['console'], footer: true, test: ({key, input}) => key.ctrl && input === 't'},
	{command: 'reveal', keys: 'ctrl+r', label: {console: 'reveal answer'}, views: ['console'], footer: true, test: ({key, input}) => key.ctrl && input === 'r'},
	{command: 'extend', keys: 'ctrl+x', label: {console: '+5 min'}, views: ['console'], footer: true, test: ({key, input}) => key.ctrl && input === 'x'},
	{command: 'toggle-panel', keys: 'ctrl+g', label: {console: 'hide/show panel'}, views: ['console'], footer: true, test: ({key, input}) => key.ctrl && input === 'g'},
];

/** Whether a binding works on a view. */
function appliesTo(binding: Binding, view: View): boolean {
	return binding.views === 'all' || binding.views.includes(view);
}

/**
The command a keypress asks for on a view, or undefined (on a text view the
key then types). `fieldEmpty` says whether the view's text field is empty:
`?` is text while something is typed.
*/
export function commandFor(view: View, press: Keypress, fieldEmpty = true): Command | undefined {
	const typing = textViews.has(view) && isPrintable(press);
	for (const binding of bindings) {
		if (!appliesTo(binding, view) || !binding.test(press)) continue;
		// On a text view, letters are text: only `?` on an empty field is a command.
		if (typing && (binding.command !== 'help' || !fieldEmpty)) continue;
		return binding.command;
	}
	return undefined;
}

/** What a binding does on a view, in words. */
export function labelFor(binding: Binding, view: View): string {
	return binding.label[view] ?? binding.label['*'] ?? binding.command;
}

/** The bindings of a view, for the help overlay: every key with what it does. */
export function viewBindings(view: View): Array<{keys: string; label: string}> {
	const seen = new Set<string>();
	const out: Array<{keys: string; label: string}> = [];
	for (const binding of bindings) {
		if (!appliesTo(binding, view)) continue;
		const entry = {keys: binding.keys, label: labelFor(binding, view)};
		const id = `${entry.keys} ${entry.label}`;
		if (seen.has(id)) continue;
		seen.add(id);
		out.push(entry);
	}
	return out;
}

function footerParts(view: View): string[] {
	const byLabel = new Map<string, string[]>();
	for (const binding of bindings) {
		if (!binding.footer || !appliesTo(binding, view)) continue;
		const label = labelFor(binding, view);
		const keys = byLabel.get(label) ?? [];
		if (!keys.includes(binding.keys)) keys.unshift(binding.keys);
		byLabel.set(label, keys);
	}
	return [...byLabel].map(([label, keys]) => `${keys.join('/')} ${label}`);
}

/** The footer of a view on one line: "enter ask · tab next step · ctrl+n next phase · ? help · ctrl+c quit". */
export function helpLine(view: View): string {
	return footerParts(view).join(' · ');
}

/**
The footer laid out in at most `maxLines` lines of `width` columns. Help and
quit always show; when the rest does not fit, the last-listed keys give way
(the `?` overlay lists them all).
*/
export function helpLines(view: View, width: number, maxLines = 2): string[] {
	const parts = footerParts(view);
	const fixed = parts.slice(-2);
	const rest = parts.slice(0, -2);
	for (;;) {
		const lines: string[] = [];
		for (const part of [...rest, ...fixed]) {
			const last = lines.at(-1);
			if (last !== undefined && `${last} · ${part}`.length <= width) lines[lines.length - 1] = `${last} · ${part}`;
			else lines.push(part);
		}
		if (lines.length <= maxLines || rest.length === 0) return lines;
		rest.pop();
	}
}

/** The console's own keys on lines of `width` (the round's footer below it lists the rest). */
export function consoleHelpLines(width: number): string[] {
	const parts = bindings.filter((binding) => binding.views !== 'all' && binding.views.includes('console')).map((binding) => `${binding.keys} ${labelFor(binding, 'console')}`);
	const lines: string[] = [];
	for (const part of parts) {
		const last = lines.at(-1);
		if (last !== undefined && `${last} · ${part}`.length <= width) lines[lines.length - 1] = `${last} · ${part}`;
		else lines.push(part);
	}
	return lines;
}
