/**
A one-line text field (the question being typed, a knob value, a deep-dive
answer): the text, the cursor, and the editing keys of a shell prompt
(←/→, Home/End, Backspace/Delete, Ctrl-A/E/U/W/K). Pure: a keypress and the
old state give the new state, so fast typing never loses a character.
*/
import {isPrintable, type Keypress} from './keys.js';

/**
The field's text and where the cursor is (a code-point index). A `selected`
field (a knob's current value) is replaced by the first character typed, as a
selected form field is; any other editing key drops the selection.
*/
export type LineState = {readonly text: string; readonly cursor: number; readonly selected?: boolean};

/** An empty field. */
export const emptyLine: LineState = {text: '', cursor: 0};

/** A field holding `text` with the cursor at its end; `selected` makes typing replace it. */
export function lineOf(text: string, selected = false): LineState {
	return selected && text !== '' ? {text, cursor: [...text].length, selected: true} : {text, cursor: [...text].length};
}

/** The longest text a field takes: enough for a long deep-dive answer, bounded so a runaway paste cannot swamp the screen. */
export const MAX_LINE = 4000;

/**
Applies an editing key; returns undefined when the key is not an editing key
(Enter, Tab, ↑/↓, Esc belong to the screen).
*/
export function editLine(current: LineState, press: Keypress): LineState | undefined {
	if (current.selected) {
		if (isPrintable(press)) return editLine(emptyLine, press);
		if (press.key.backspace || press.key.delete) return emptyLine;
	}
	const state: LineState = {text: current.text, cursor: current.cursor};
	const chars = [...state.text];
	const {key, input} = press;
	const at = Math.min(state.cursor, chars.length);
	if (isPrintable(press)) {
		const typed = [...input].slice(0, Math.max(0, MAX_LINE - chars.length));
		return {text: [...chars.slice(0, at), ...typed, ...chars.slice(at)].join(''), cursor: at + typed.length};
	}
	if (key.backspace) return at === 0 ? state : {text: [...chars.slice(0, at - 1), ...chars.slice(at)].join(''), cursor: at - 1};
	if (key.delete) {
		// Many terminals send DEL for the Backspace key, which Ink reports as `delete`: treat it as Backspace at the end of the line.
		if (at === chars.length) return at === 0 ? state : {text: chars.slice(0, -1).join(''), cursor: at - 1};
		return {text: [...chars.slice(0, at), ...chars.slice(at + 1)].join(''), cursor: at};
	}
	if (key.leftArrow) return {...state, cursor: Math.max(0, at - 1)};
	if (key.rightArrow) return {...state, cursor: Math.min(chars.length, at + 1)};
	if (key.home || (key.ctrl && input === 'a')) return {...state, cursor: 0};
	if (key.end || (key.ctrl && input === 'e')) return {...state, cursor: chars.length};
	if (key.ctrl && input === 'u') return {text: chars.slice(at).join(''), cursor: 0};
	if (key.ctrl && input === 'k') return {text: chars.slice(0, at).join(''), cursor: at};
	if (key.ctrl && input === 'w') {
		let start = at;
		while (start > 0 && chars[start - 1] === ' ') start--;
		while (start > 0 && chars[start - 1] !== ' ') start--;
		return {text: [...chars.slice(0, start), ...chars.slice(at)].join(''), cursor: start};
	}
	return undefined;
}

/**
The field as lines of at most `width` columns, and where the cursor falls:
long answers wrap instead of scrolling off the edge.
*/
export function layoutLine(state: LineState, width: number): {lines: string[]; row: number; col: number} {
	const chars = [...state.text];
	const size = Math.max(1, width);
	const lines: string[] = [];
	for (let start = 0; start < chars.length; start += size) lines.push(chars.slice(start, start + size).join(''));
	if (lines.length === 0 || chars.length % size === 0) lines.push('');
	const cursor = Math.min(state.cursor, chars.length);
	return {lines, row: Math.floor(cursor / size), col: cursor % size};
}
