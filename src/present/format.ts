/**
Numbers, units and tables as people read them, shared by the commands and the
screens so a figure prints the same everywhere: "8,333", "1.36 s", "40%".
Pure text; no colour (screens add colour around these strings).
*/
import {formatDuration, formatRate} from '../scenarios/units.js';

export {formatDuration, formatRate};

/** 8333.3 → "8,333"; 12.34 → "12.3"; 0.0123 → "0.0123"; a missing or non-finite value → "–". */
export function num(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
	if (Math.abs(value) >= 10) return (Math.round(value * 10) / 10).toLocaleString('en-US');
	return Number(value.toPrecision(3)).toString();
}

/**
A count with its noun, singular for one: (1, 'point') → "1 point", (3, 'point') → "3 points",
(1200, 'attempt') → "1,200 attempts". A review that says "1 points" or "attempt(s)" reads as unfinished.
*/
export function counted(value: number, noun: string, pluralNoun = `${noun}s`): string {
	return `${Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–'} ${value === 1 ? noun : pluralNoun}`;
}

/** Milliseconds as a person reads them: "870 ms", "1.36 s", "5.1 min", "2.5 h", "3 d". */
export function ms(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	if (value < 1) return `${Number(value.toPrecision(2))} ms`;
	if (value < 1000) return `${Math.round(value)} ms`;
	if (value < 120_000) return `${Number((value / 1000).toPrecision(3))} s`;
	if (value < 7_200_000) return `${Number((value / 60_000).toPrecision(3))} min`;
	if (value < 172_800_000) return `${Number((value / 3_600_000).toPrecision(3))} h`;
	return `${Number((value / 86_400_000).toPrecision(3))} d`;
}

/** Seconds the same way as `ms`: 12.4 → "12.4 s", 600 → "10 min". */
export function seconds(value: number | null | undefined): string {
	return value === null || value === undefined || !Number.isFinite(value) ? '–' : ms(value * 1000);
}

/** A share (0–1) as a whole percentage: 0.404 → "40%"; below 1% keeps one digit ("0.4%"), exactly 0 is "0%". */
export function pct(share: number | null | undefined): string {
	if (share === null || share === undefined || !Number.isFinite(share)) return '–';
	const percent = share * 100;
	if (percent !== 0 && Math.abs(percent) < 1) return `${Number(percent.toPrecision(1))}%`;
	return `${Math.round(percent)}%`;
}

/** Bytes with a binary unit: 1536 → "1.5 KiB", 5 × 2^20 → "5 MiB". */
export function bytes(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
	let scaled = value;
	let unit = 0;
	while (Math.abs(scaled) >= 1024 && unit < units.length - 1) {
		scaled /= 1024;
		unit++;
	}
	const shown = Math.abs(scaled) >= 100 ? Math.round(scaled) : Number(scaled.toPrecision(3));
	return `${shown} ${units[unit]}`;
}

/** US dollars: 1234.5 → "$1,235"; 0.39 → "$0.39". */
export function usd(value: number | null | undefined): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	return `$${num(value)}`;
}

/** Rows as an aligned text table: columns padded, the ones in `rightAligned` padded on the left; trailing spaces trimmed. */
export function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
	if (rows.length === 0) return '';
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
	return rows
		.map((row) =>
			row
				.map((cell, column) => {
					const pad = widths[column]! - [...cell].length;
					return rightAligned.has(column) ? ' '.repeat(pad) + cell : cell + ' '.repeat(pad);
				})
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

/**
Reflows prose to `width` columns: the YAML's own line breaks inside a paragraph
become spaces, blank lines stay paragraph breaks, and lines that start with a
list marker ("- ", "* ", "1. ") keep their own line.
*/
export function reflow(text: string, width: number): string[] {
	const out: string[] = [];
	const paragraphs = text.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
	for (const [index, paragraph] of paragraphs.entries()) {
		if (index > 0) out.push('');
		const items: string[] = [];
		for (const line of paragraph.split('\n')) {
			const trimmed = line.trim();
			if (trimmed === '') continue;
			if (items.length === 0 || /^([-*•]|\d+[.)])\s/.test(trimmed)) items.push(trimmed);
			else items[items.length - 1] += ` ${trimmed}`;
		}
		for (const item of items) {
			const marker = /^([-*•]|\d+[.)])\s+/.exec(item)?.[0] ?? '';
			out.push(...wrapLine(item, Math.max(10, width), ' '.repeat(marker.length)));
		}
	}
	return out;
}

/** Wraps one line at word boundaries; continuation lines start with `indent`. Words longer than the width are cut. */
export function wrapLine(line: string, width: number, indent = ''): string[] {
	const lines: string[] = [];
	let current = '';
	const length = (text: string) => [...text].length;
	const limit = () => Math.max(1, width - (lines.length > 0 ? length(indent) : 0));
	const flush = () => {
		lines.push((lines.length > 0 ? indent : '') + current);
		current = '';
	};
	for (let word of line.split(/\s+/).filter(Boolean)) {
		if (current !== '' && length(current) + 1 + length(word) <= limit()) {
			current += ` ${word}`;
			continue;
		}
		if (current !== '') flush();
		while (length(word) > limit()) {
			const room = limit();
			current = [...word].slice(0, room).join('');
			flush();
			word = [...word].slice(room).join('');
		}
		current = word;
	}
	if (current !== '' || lines.length === 0) flush();
	return lines;
}
