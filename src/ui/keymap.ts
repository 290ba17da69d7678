/**
The one table of keys: what each key does on each screen. Screens ask
`matches(command, input, key)` and the help line is rendered from the same
table, so the footer can never disagree with the keys.
*/
import type {Key} from 'ink';

/** Something the user can ask for with a key. */
export type KeyCommand = 'up' | 'down' | 'select' | 'back' | 'quit';

type Binding = {readonly keys: readonly string[]; readonly label: string; readonly test: (input: string, key: Key) => boolean};

/** Every binding, with the label the help line shows. */
export const keymap: Record<KeyCommand, Binding> = {
	up: {keys: ['↑', 'k'], label: 'move', test: (input, key) => key.upArrow || input === 'k'},
	down: {keys: ['↓', 'j'], label: 'move', test: (input, key) => key.downArrow || input === 'j'},
	select: {keys: ['enter'], label: 'open', test: (_input, key) => key.return},
	back: {keys: ['esc'], label: 'back', test: (_input, key) => key.escape},
	quit: {keys: ['q'], label: 'quit', test: (input, key) => input === 'q' || (key.ctrl && input === 'c')},
};

/** True when the keypress is bound to `command`. */
export function matches(command: KeyCommand, input: string, key: Key): boolean {
	return keymap[command].test(input, key);
}

/** The help line for a screen's commands, e.g. "↑/↓ move · enter open · q quit". */
export function helpLine(commands: readonly KeyCommand[]): string {
	const parts: string[] = [];
	const seen = new Set<string>();
	for (const command of commands) {
		const {label} = keymap[command];
		if (label === 'move') {
			if (seen.has('move')) continue;
			seen.add('move');
			parts.push('↑/↓ move');
			continue;
		}
		parts.push(`${keymap[command].keys[0]} ${label}`);
	}
	return parts.join(' · ');
}
