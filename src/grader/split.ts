/**
Splits SQL text into statements the way SQLite reads it, so each statement can
be screened, prepared and reported on its own (better-sqlite3's `prepare` takes
exactly one). Semicolons inside strings, quoted names, comments and the body of
`CREATE TRIGGER … BEGIN … END` do not end a statement.
*/

/** A lexical token. Whitespace is skipped; comments are kept so section markers can be found. */
export type Token = {
	readonly type: 'word' | 'string' | 'name' | 'number' | 'semicolon' | 'comment' | 'other';
	readonly text: string;
	readonly start: number;
	readonly end: number;
	/** 1-based line of the first character. */
	readonly line: number;
	/** Set when a string, quoted name or block comment runs to the end of the text. */
	readonly unterminated?: boolean;
};

/** One statement, without its closing semicolon. */
export type Statement = {
	readonly sql: string;
	/** 1-based line in the answer file where the statement starts. */
	readonly line: number;
	/** 1-based position among the statements of its section. */
	readonly index: number;
	/** Set on a query answer's last statement: the query whose rows are graded, named so in messages. */
	readonly role?: 'query';
};

const closing: Record<string, string> = {"'": "'", '"': '"', '`': '`', '[': ']'};

/** Reads SQL text into tokens; never throws (an unterminated quote runs to the end). */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let line = 1;
	let i = 0;
	const push = (type: Token['type'], start: number, end: number, startLine: number, unterminated = false) => {
		tokens.push({type, text: text.slice(start, end), start, end, line: startLine, ...(unterminated ? {unterminated} : {})});
	};
	const countLines = (from: number, to: number) => {
		for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) line++;
	};
	while (i < text.length) {
		const char = text[i]!;
		const startLine = line;
		if (char === '\n') {
			line++;
			i++;
		} else if (/\s/.test(char)) {
			i++;
		} else if (char === '-' && text[i + 1] === '-') {
			const end = text.indexOf('\n', i);
			const stop = end === -1 ? text.length : end;
			push('comment', i, stop, startLine);
			i = stop;
		} else if (char === '/' && text[i + 1] === '*') {
			const end = text.indexOf('*/', i + 2);
			const stop = end === -1 ? text.length : end + 2;
			countLines(i, stop);
			push('comment', i, stop, startLine, end === -1);
			i = stop;
		} else if (char in closing) {
			const close = closing[char]!;
			let k = i + 1;
			let done = false;
			while (k < text.length) {
				if (text[k] === close) {
					// '' inside '…' (and "" inside "…") is an escaped quote, not the end.
					if (close !== ']' && text[k + 1] === close) {
						k += 2;
						continue;
					}
					done = true;
					k++;
					break;
				}
				k++;
			}
			countLines(i, k);
			push(char === "'" ? 'string' : 'name', i, k, startLine, !done);
			i = k;
		} else if (char === ';') {
			push('semicolon', i, i + 1, startLine);
			i++;
		} else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
			const match = /^(0x[0-9a-f]+|[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?)/i.exec(text.slice(i));
			const stop = i + (match?.[0].length || 1);
			push('number', i, stop, startLine);
			i = stop;
		} else if (/[A-Za-z_\u0080-\uffff]/.test(char)) {
			let k = i + 1;
			while (k < text.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(text[k]!)) k++;
			push('word', i, k, startLine);
			i = k;
		} else {
			push('other', i, i + 1, startLine);
			i++;
		}
	}
	return tokens;
}

/** The upper-cased text of a word token, or '' for any other token. */
export const keyword = (token: Token | undefined): string => (token?.type === 'word' ? token.text.toUpperCase() : '');

/** A statement with the section it belongs to (an answer's `-- @schema` or `-- @load` part). */
export type SectionStatement = Omit<Statement, 'index'> & {readonly section: string};

/**
Splits text into statements. `marker` recognises comment tokens that start a new
section (the answer's `-- @schema` / `-- @load` lines); a marker also ends the
statement before it, even without a semicolon.
*/
export function splitTokens(text: string, tokens: readonly Token[], marker: (comment: Token) => string | undefined = () => undefined, firstSection = ''): SectionStatement[] {
	const out: SectionStatement[] = [];
	let section = firstSection;
	let current: Token[] = [];
	let inTrigger = false;
	let depth = 0;
	const flush = () => {
		const first = current[0];
		const last = current[current.length - 1];
		if (first && last) out.push({sql: text.slice(first.start, last.end), line: first.line, section});
		current = [];
		inTrigger = false;
		depth = 0;
	};
	for (const token of tokens) {
		if (token.type === 'comment') {
			const next = marker(token);
			if (next !== undefined) {
				flush();
				section = next;
			}
			continue;
		}
		// Inside a trigger body (BEGIN … END, with CASE … END nested) a semicolon ends an inner statement only.
		if (token.type === 'semicolon' && (!inTrigger || depth === 0)) {
			flush();
			continue;
		}
		current.push(token);
		if (token.type !== 'word') continue;
		const word = keyword(token);
		// Only CREATE [TEMP|TEMPORARY] TRIGGER starts a trigger: `CREATE TABLE trigger (begin)` is a table.
		if (!inTrigger && word === 'TRIGGER' && keyword(current[0]) === 'CREATE' && (current.length === 2 || (current.length === 3 && ['TEMP', 'TEMPORARY'].includes(keyword(current[1]))))) inTrigger = true;
		else if (inTrigger && (word === 'BEGIN' || word === 'CASE')) depth++;
		else if (inTrigger && word === 'END' && depth > 0) depth--;
	}
	flush();
	return out;
}

/** Splits SQL text into statements, numbered from 1. */
export function splitStatements(text: string): Statement[] {
	return splitTokens(text, tokenize(text)).map(({sql, line}, index) => ({sql, line, index: index + 1}));
}
