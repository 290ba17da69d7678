/**
Screens as lists of lines: each view works out exactly the lines it shows at
the terminal's width, so the frame never grows past the terminal's height and
scrolling is slicing. A line has a tone (ok, warn, bad, dim, accent, strong)
that becomes a colour only when colour is on; the words alone carry the meaning.
*/
import {Box, Text} from 'ink';
import {reflow, wrapLine} from '../../present/format.js';

/** How a line should stand out. */
export type Tone = 'ok' | 'warn' | 'bad' | 'dim' | 'accent' | 'strong' | 'selected';

/** A run of text inside a line with its own tone (a box of the pipeline diagram). */
export type Span = {readonly text: string; readonly tone?: Tone};

/**
One screen line (its text already fits the width, or is pre-rendered output of
a component). When `spans` is given they are what is drawn, each in its own
tone, and `text` is their concatenation (what tests and plain output read).
*/
export type Line = {readonly text: string; readonly tone?: Tone; readonly spans?: readonly Span[]};

/** Whether colours are used: off when NO_COLOR is set to anything non-empty (no-color.org) or TERM is dumb. */
export function colorOn(env: NodeJS.ProcessEnv = process.env): boolean {
	return !(env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') && env['TERM'] !== 'dumb';
}

const palette: Record<Tone, {color?: string; bold?: boolean; dimColor?: boolean; inverse?: boolean}> = {
	ok: {color: 'green'},
	warn: {color: 'yellow'},
	bad: {color: 'red'},
	dim: {dimColor: true},
	accent: {color: 'cyan'},
	strong: {bold: true},
	selected: {color: 'cyan', bold: true},
};

/** Ink text props for a tone (none when colour is off, but bold survives: it is not a colour). */
export function toneProps(tone: Tone | undefined, color = colorOn()): Record<string, unknown> {
	if (!tone) return {};
	const props = palette[tone];
	if (color) return props;
	return props.bold ? {bold: true} : {};
}

/** A paragraph reflowed to the width, every line with the same tone. */
export function paragraph(text: string, width: number, tone?: Tone, indent = ''): Line[] {
	return reflow(text, width - indent.length).map((line) => (tone ? {text: indent + line, tone} : {text: indent + line}));
}

/**
One logical line wrapped to the width, keeping its own indent (a list's "› "
marker counts as indent); continuation lines are indented a further `hang`.
*/
export function wrapped(text: string, width: number, tone?: Tone, hang = '  '): Line[] {
	const lead = /^\s*(?:› )?/.exec(text)![0];
	const pad = ' '.repeat([...lead].length);
	return wrapLine(text.slice(lead.length), Math.max(10, width - pad.length), hang).map((line, index) => {
		const full = (index === 0 ? lead : pad) + line;
		return tone ? {text: full, tone} : {text: full};
	});
}

/**
Text that mixes prose and preformatted lines (SQL, tables, column lists): prose
is reflowed to the width, lines that start indented are kept as they are
(cut at the edge rather than rewrapped, so tables stay tables).
*/
export function proseAndCode(lines: readonly string[], width: number): Line[] {
	const out: Line[] = [];
	let prose: string[] = [];
	const flush = () => {
		if (prose.length > 0) out.push(...reflow(prose.join('\n'), width).map((text) => ({text})));
		prose = [];
	};
	let inItem = false;
	for (const line of lines) {
		const indent = /^\s*/.exec(line)![0].length;
		if (line.trim() !== '' && indent <= 4 && indent > 0 && inItem) {
			// A list item continued on an indented line is still prose.
			prose.push(line);
			continue;
		}
		inItem = /^([-*•]|\d+[.)])\s/.test(line.trim()) && indent === 0 ? true : indent === 0 ? false : inItem;
		if (/^\s+\S/.test(line)) {
			flush();
			out.push({text: line});
		} else if (line.trim() === '') {
			flush();
			out.push(blank);
		} else prose.push(line);
	}
	flush();
	return out;
}

/** A blank line. */
export const blank: Line = {text: ''};

/**
The window of `lines` that fits `height`: from the top, `offset` lines down, or
(when `fromBottom`) the newest lines, `offset` lines up. When `focus` is given
(the highlighted row of a list) the window moves as little as needed to show it.
Says when more is hidden.
*/
export function windowOf(lines: readonly Line[], height: number, offset: number, fromBottom = false, focus?: number): {lines: Line[]; above: number; below: number; offset: number} {
	const room = Math.max(1, height);
	if (lines.length <= room) return {lines: [...lines], above: 0, below: 0, offset: 0};
	const maxOffset = lines.length - room;
	// Keep the focused line inside the window, a line clear of the "more" markers at its edges.
	if (focus !== undefined && !fromBottom) offset = Math.min(Math.max(offset, focus - room + 2), Math.max(0, focus - 1));
	const clamped = Math.min(Math.max(0, offset), maxOffset);
	const start = fromBottom ? maxOffset - clamped : clamped;
	return {lines: lines.slice(start, start + room), above: start, below: lines.length - start - room, offset: clamped};
}

type Props = {
	readonly lines: readonly Line[];
	/** Pads to this many lines so the frame keeps its height. */
	readonly height?: number;
};

/** Renders lines, one Text each, truncated at the edge rather than wrapped (the views already fit the width). */
export function Lines({lines, height}: Props) {
	const padded = height === undefined ? lines : [...lines, ...Array.from({length: Math.max(0, height - lines.length)}, () => blank)];
	return (
		<Box flexDirection="column">
			{padded.map((line, index) => (
				<Text key={index} wrap="truncate" {...toneProps(line.tone)}>
					{line.spans
						? line.spans.map((span, part) => (
								<Text key={part} {...toneProps(span.tone)}>
									{span.text}
								</Text>
							))
						: line.text === ''
							? ' '
							: line.text}
				</Text>
			))}
		</Box>
	);
}
