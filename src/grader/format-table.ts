/** Renders rows as a small aligned text table, the way the CLI shows diffs and sample data. */
import {showValue, type ShownRow} from './compare.js';
import {printable} from './printable.js';
import type {Value} from './protocol.js';

const maxCell = 72;

function cell(value: Value | undefined): string {
	const text = value === undefined ? '' : printable(showValue(value)).replaceAll('\n', '\\n').replaceAll('\t', '\\t');
	return text.length > maxCell ? `${text.slice(0, maxCell - 1)}…` : text;
}

/** Renders `rows` (column → value) under a header; returns one string per line, without a trailing newline. */
export function formatTable(rows: readonly ShownRow[], indent = ''): string[] {
	if (rows.length === 0) return [`${indent}(no rows)`];
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const header = columns.map((column) => printable(column));
	const cells = rows.map((row) => columns.map((column) => cell(row[column])));
	const widths = header.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
	const render = (values: readonly string[]) => `${indent}${values.map((value, i) => value.padEnd(widths[i]!)).join(' │ ')}`.trimEnd();
	return [render(header), `${indent}${widths.map((width) => '─'.repeat(width)).join('─┼─')}`, ...cells.map(render)];
}
