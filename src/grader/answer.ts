/**
An answer file → the statements the harness runs, by section.

A pipeline or design answer has two sections, marked by comment lines: `-- @schema`
(runs once, before the first batch) and `-- @load` (runs after every batch).
Without markers the whole file is the load section. A query answer ends with
the query whose result is graded; an index answer is run once after the data
is loaded.
*/
import {editDistance} from '../did-you-mean.js';
import {UsageError} from '../errors.js';
import type {Exercise} from '../scenarios/exercise-schema.js';
import {refusedStatement} from './screen.js';
import {keyword, splitTokens, tokenize, type Statement, type Token} from './split.js';

/** The two parts of an answer, statements numbered within each. */
export type Answer = {
	readonly schema: readonly Statement[];
	readonly load: readonly Statement[];
};

/** The sections an answer may have, in the order they run. */
export type Section = keyof Answer;

const markerPattern = /^--\s*@(schema|load)\b/i;
/** Anything that looks like a section marker: `-- @word`. */
const markerLike = /^--\s*@([A-Za-z_]+)/;

/** Marker-like comments that are not markers, as messages; a silently ignored `-- @schem` would run the schema after every batch. */
function nearMissMarkers(tokens: readonly Token[]): string[] {
	const problems: string[] = [];
	for (const token of tokens) {
		if (token.type !== 'comment' || markerPattern.test(token.text)) continue;
		const word = markerLike.exec(token.text)?.[1]?.toLowerCase();
		if (!word) continue;
		const near = (['schema', 'load'] as const).find((name) => editDistance(word, name) <= 2 || name.startsWith(word));
		if (near) problems.push(`line ${token.line}: "-- @${word}" is not a section marker; did you mean "-- @${near}"?`);
	}
	return problems;
}

/**
Describes where a statement is, the way error messages name it: a pipeline
answer by section, a query answer by "the query" (or the statements before it),
an index answer as its DDL.
*/
export function describeStatement(section: Section, statement: Pick<Statement, 'index' | 'line' | 'role'>, kind: Exercise['kind'] = 'pipeline'): string {
	if (statement.role === 'query') return `the query (line ${statement.line})`;
	if (kind === 'query') return `statement ${statement.index} before the query (line ${statement.line})`;
	if (kind === 'index') return `statement ${statement.index} of the DDL (line ${statement.line})`;
	return `statement ${statement.index} of the ${section} section (line ${statement.line})`;
}

/**
Parses and screens an answer. Throws UsageError (exit 2) when it has no
statements, when a statement is refused by the sandbox rules, or when a query
answer does not end with a query.
*/
export function parseAnswer(source: string, kind: Exercise['kind']): Answer {
	// Editors on some systems start a file with a byte-order mark; SQLite would read it as part of a name.
	const text = source.replace(/^\uFEFF/, '');
	const nul = text.indexOf('\u0000');
	if (nul !== -1) {
		// SQLite stops reading at a NUL, so the statement it runs would not be the one the screens read.
		const line = text.slice(0, nul).split('\n').length;
		throw new UsageError(`the answer holds a NUL byte (line ${line}); an answer is SQL text, not binary data`);
	}
	const tokens = tokenize(text);
	const misses = nearMissMarkers(tokens);
	if (misses.length > 0) throw new UsageError(misses);
	const marked = splitTokens(text, tokens, (comment) => markerPattern.exec(comment.text)?.[1]?.toLowerCase(), 'load');
	const sections: Record<Section, Statement[]> = {schema: [], load: []};
	for (const statement of marked) {
		const list = sections[statement.section as Section];
		list.push({sql: statement.sql, line: statement.line, index: list.length + 1});
	}
	if (sections.schema.length + sections.load.length === 0) {
		throw new UsageError('the answer has no SQL statements (only blank lines or comments); write the SQL the task asks for');
	}
	if (kind === 'query' && sections.load.length > 0) {
		const last = sections.load.length - 1;
		sections.load[last] = {...sections.load[last]!, role: 'query'};
	}
	const refusals: string[] = [];
	for (const section of ['schema', 'load'] as const) {
		for (const statement of sections[section]) {
			const why = refusedStatement(statement.sql);
			if (why) refusals.push(`${describeStatement(section, statement, kind)}: ${why}`);
		}
	}
	if (refusals.length > 0) throw new UsageError(refusals.map((line) => `refused: ${line}`));
	if (kind === 'query') {
		const last = sections.load[sections.load.length - 1];
		const lead = last ? keyword(tokenize(last.sql).find((token) => token.type !== 'comment')) : '';
		if (!last || !['SELECT', 'WITH', 'VALUES'].includes(lead)) {
			const where = last ? `; the last statement (line ${last.line}) starts with ${lead || 'something else'}` : '';
			throw new UsageError(`a query answer must end with the query whose rows are graded (SELECT … or WITH … SELECT …)${where}`);
		}
	}
	return sections;
}
