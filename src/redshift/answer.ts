/**
Reads a table-design answer: Redshift DDL (CREATE TABLE ... DISTSTYLE KEY
DISTKEY (user_id) SORTKEY (played_at), or the column attributes `user_id
BIGINT DISTKEY SORTKEY`), or YAML/JSON naming each table's choice:

    tables:
      fact_game_play: {diststyle: key, distkey: user_id, sortkey: played_at}

A CREATE TABLE without DISTSTYLE or DISTKEY is AUTO, Redshift's default. Of a
compound sort key only the leading column counts for range scans (zone maps on
later columns skip little); an INTERLEAVED key is read the same way, which
understates it. Pure: text in, choices or problems out.
*/
import {parse} from 'yaml';
import {z} from 'zod';
import {TableChoiceSchema, type TableChoice} from '../scenarios/table-design-schema.js';
import type {DesignAnswer} from './grade.js';

/** An answer read, or what is wrong with the text. */
export type ReadAnswer = {ok: true; answer: DesignAnswer; format: 'ddl' | 'yaml'} | {ok: false; problems: string[]};

const YamlAnswerSchema = z.strictObject({tables: z.record(z.string(), TableChoiceSchema)});

/** Reads an answer file's text. */
export function readDesignAnswer(text: string): ReadAnswer {
	const code = stripComments(text);
	if (/\bcreate\s+table\b/i.test(code)) return readDdl(code);
	let value: unknown;
	try {
		value = parse(text);
	} catch (error) {
		return {ok: false, problems: [`the answer is neither CREATE TABLE statements nor YAML: ${(error as Error).message.split('\n')[0]}`]};
	}
	const lowered = lowerStyles(value);
	const result = YamlAnswerSchema.safeParse(lowered);
	if (!result.success) {
		return {ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.') || 'the answer'}: ${issue.message}; expected CREATE TABLE statements, or YAML like "tables: {fact_game_play: {diststyle: key, distkey: user_id, sortkey: played_at}}"`)};
	}
	return {ok: true, answer: result.data.tables, format: 'yaml'};
}

/** DISTSTYLE written in any case. */
function lowerStyles(value: unknown): unknown {
	if (typeof value !== 'object' || value === null || !('tables' in value)) return value;
	const tables = (value as {tables: unknown}).tables;
	if (typeof tables !== 'object' || tables === null) return value;
	return {
		...value,
		tables: Object.fromEntries(Object.entries(tables).map(([name, choice]) => [name, typeof choice === 'object' && choice !== null && typeof (choice as {diststyle?: unknown}).diststyle === 'string' ? {...choice, diststyle: (choice as {diststyle: string}).diststyle.toLowerCase()} : choice])),
	};
}

function stripComments(text: string): string {
	return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
}

const unquote = (name: string) => name.replace(/"/g, '').toLowerCase();

/** The CREATE TABLE statements of a DDL answer, each table's distribution and leading sort column. */
function readDdl(code: string): ReadAnswer {
	const answer: Record<string, TableChoice> = {};
	const problems: string[] = [];
	const create = /\bcreate\s+(?:temp(?:orary)?\s+)?table\s+(?:if\s+not\s+exists\s+)?((?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)\s*\(/gi;
	for (let match = create.exec(code); match; match = create.exec(code)) {
		const name = unquote(match[1]!.split('.').at(-1)!);
		const open = match.index + match[0].length - 1;
		const close = matchingParen(code, open);
		if (close < 0) {
			problems.push(`CREATE TABLE ${name}: the column list's parenthesis is never closed`);
			break;
		}
		const end = code.indexOf(';', close);
		const attributes = code.slice(close + 1, end < 0 ? code.length : end);
		let distkey: string | undefined;
		let sortkey: string | undefined;
		for (const column of splitTopLevel(code.slice(open + 1, close))) {
			const head = /^\s*("[^"]+"|\w+)\s+(.*)$/s.exec(column);
			if (!head || /^(constraint|primary|unique|foreign)$/i.test(head[1]!)) continue;
			if (/\bdistkey\b/i.test(head[2]!)) distkey = unquote(head[1]!);
			if (/\bsortkey\b/i.test(head[2]!)) sortkey ??= unquote(head[1]!);
		}
		const style = /\bdiststyle\s+(\w+)/i.exec(attributes)?.[1]?.toLowerCase();
		const tableKey = /\bdistkey\s*\(\s*("[^"]+"|\w+)\s*\)/i.exec(attributes)?.[1];
		const tableSort = /\bsortkey\s*\(\s*("[^"]+"|\w+)/i.exec(attributes)?.[1];
		if (tableKey) distkey = unquote(tableKey);
		if (tableSort) sortkey = unquote(tableSort);
		if (style !== undefined && !['key', 'all', 'even', 'auto'].includes(style)) {
			problems.push(`CREATE TABLE ${name}: DISTSTYLE ${style.toUpperCase()} is not one of KEY, ALL, EVEN, AUTO`);
			continue;
		}
		const diststyle = (style ?? (distkey ? 'key' : 'auto')) as TableChoice['diststyle'];
		answer[name] = {diststyle, ...(distkey ? {distkey} : {}), ...(sortkey ? {sortkey} : {})};
	}
	return problems.length > 0 ? {ok: false, problems} : {ok: true, answer, format: 'ddl'};
}

function matchingParen(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		if (text[i] === '(') depth++;
		else if (text[i] === ')' && --depth === 0) return i;
	}
	return -1;
}

function splitTopLevel(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '(') depth++;
		else if (text[i] === ')') depth--;
		else if (text[i] === ',' && depth === 0) {
			parts.push(text.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(text.slice(start));
	return parts;
}
