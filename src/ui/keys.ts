/**
Keypresses as the screens see them. Ink hands a burst of typed characters
("jj\r", or a paste) to its input handler as one string; split here into one
keypress per character, so `j j Enter` typed fast moves twice and then selects,
exactly as typed slowly.
*/
import type {Key} from 'ink';

/** One keypress: the text it types (empty for a special key) and Ink's key flags. */
export type Keypress = {readonly input: string; readonly key: Key};

const plain: Key = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false};

/** A keypress with only the given flags set (for tests and for splitting bursts). */
export function keypress(input: string, flags: Partial<Key> = {}): Keypress {
	return {input, key: {...plain, ...flags}};
}

/**
Splits what Ink delivered into single keypresses. Special keys (arrows, Enter,
Esc, Ctrl-…) arrive alone and pass through; a run of plain characters is split,
with carriage returns and newlines read as Enter, tabs as Tab, DEL/BS as
Backspace and the other control characters as Ctrl-letter (Ctrl-N twice in a
row arrives as one chunk).
*/
export function splitKeys(input: string, key: Key): Keypress[] {
	if ([...input].length <= 1 || key.ctrl || key.meta) return [{input, key}];
	const out: Keypress[] = [];
	// A CRLF from a paste is one Enter, not two.
	for (const char of input.replace(/\r\n/g, '\r')) {
		if (char === '\r' || char === '\n') out.push(keypress('', {return: true}));
		else if (char === '\t') out.push(keypress('', {tab: true}));
		else if (char === '\u007f' || char === '\b') out.push(keypress('', {backspace: true}));
		else if (char >= '\u0001' && char <= '\u001a') out.push(keypress(String.fromCharCode(char.charCodeAt(0) + 96), {ctrl: true}));
		else if (char < ' ') continue;
		else out.push(keypress(char, {shift: /[A-Z]/.test(char)}));
	}
	return out;
}

/** True when a keypress types something (a printable character, not a special key). */
export function isPrintable({input, key}: Keypress): boolean {
	return input !== '' && !key.ctrl && !key.meta && !key.return && !key.tab && !key.escape && !key.backspace && !key.delete && [...input].every((char) => char >= ' ' && char !== '\u007f');
}
