/**
YAML text → typed, validated value, or a list of errors that each say
`file:line:col path: what failed; what was expected`.

Three layers, as a careful reader would check a file: YAML syntax (tabs, bad
indentation, duplicate keys), then the zod schema, then cross-reference rules
the schema cannot express (unique ids, references that resolve). The schema
and the rules report in one pass: when the schema fails, the rules still run
over the parts that parsed.
*/
import {readFileSync, statSync} from 'node:fs';
import {parseDocument, isAlias, isMap, isSeq, isScalar, isPair, visit, type Document, type Node} from 'yaml';
import type {z} from 'zod';
import {formatIssue, type Path} from './format-issue.js';
import {pathsOverlap, salvage} from './salvage.js';

/** A problem found in a file, positioned so an editor can jump to it. */
export type FileError = {
	readonly file: string;
	readonly line: number;
	readonly col: number;
	/** Field path such as `scenarios[1].questions[3].phase`, or '' for the whole file. */
	readonly path: string;
	readonly message: string;
};

/**
A rule beyond the schema: returns problems as (path, message) pairs, positioned by
the loader. When the file fails the schema, a rule receives what of it parsed:
broken parts are missing, and a rule may throw on them (it is then skipped).
*/
export type CrossCheck<T> = (value: T) => Array<{path: Path; message: string}>;

/** The outcome of loading: the value, or every problem found. */
export type LoadResult<T> = {ok: true; value: T} | {ok: false; errors: FileError[]};

/** Renders an error as the single line `dojo validate` prints. */
export function formatFileError(error: FileError): string {
	const where = `${error.file}:${error.line}:${error.col}`;
	return error.path ? `${where} ${error.path}: ${error.message}` : `${where} ${error.message}`;
}

/** Renders a field path as `a.b[2].c`. */
export function pathToString(path: Path): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${part}` : part;
	}
	return out;
}

/**
Finds the source position of a path in the document: the value's node when it
exists, else the deepest parent that does (a missing field points at the map that
lacks it). With `atKey`, points at the key rather than the value (unknown fields).
*/
function locate(doc: Document, path: Path, atKey = false): number {
	let node: unknown = doc.contents;
	let offset = rangeStart(node) ?? 0;
	for (const [index, part] of path.entries()) {
		const last = index === path.length - 1;
		if (isMap(node)) {
			const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
			if (!pair) return offset;
			if (last && atKey) return rangeStart(pair.key) ?? offset;
			node = pair.value;
			offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
		} else if (isSeq(node) && typeof part === 'number') {
			node = node.items[part];
			if (node === undefined) return offset;
			offset = rangeStart(node) ?? offset;
		} else {
			return offset;
		}
	}
	return offset;
}

function rangeStart(node: unknown): number | undefined {
	const range = (node as Node | undefined)?.range;
	return range ? range[0] : undefined;
}

/** Where and why the aliases of a document could not be resolved (an unknown anchor, or an alias bomb). */
function aliasError(doc: Document, error: unknown, at: (offset: number, path: string, message: string) => FileError): FileError {
	const message = error instanceof Error ? error.message : String(error);
	const anchors = new Set<string>();
	let unresolved: {name: string; offset: number} | undefined;
	let firstAlias: number | undefined;
	visit(doc, {
		Node(_key, node) {
			if (isAlias(node)) {
				firstAlias ??= node.range?.[0];
				if (!anchors.has(node.source) && !unresolved) unresolved = {name: node.source, offset: node.range?.[0] ?? 0};
			} else if (node.anchor) anchors.add(node.anchor);
		},
	});
	if (unresolved) return at(unresolved.offset, '', `YAML alias *${unresolved.name} names no anchor set before it; define &${unresolved.name} earlier in the file, or write the value out`);
	if (/alias count|resource exhaustion/i.test(message)) return at(firstAlias ?? 0, '', 'YAML aliases expand to too many values (over 100 alias uses); write the values out instead of nesting aliases');
	return at(firstAlias ?? 0, '', `YAML aliases could not be resolved: ${message}`);
}

/**
Parses YAML text and validates it with a zod schema, then runs cross-checks.
`file` is only used in messages.
*/
export function parseYaml<S extends z.ZodType>(
	text: string,
	file: string,
	schema: S,
	crossChecks: ReadonlyArray<CrossCheck<z.output<S>>> = [],
): LoadResult<z.output<S>> {
	const at = (offset: number, path: string, message: string): FileError => ({file, ...positionOf(text, offset), path, message});

	// Line by line: one regex over the whole text backtracks exponentially on long comment headers.
	if (text.split('\n').every((line) => /^\s*(#.*)?$/.test(line))) {
		return {ok: false, errors: [at(0, '', 'the file is empty; expected a YAML mapping (see scenarios.schema.json)')]};
	}
	if (text.includes('\u0000')) {
		return {ok: false, errors: [at(text.indexOf('\u0000'), '', 'the file contains a NUL byte: it is binary, not YAML text')]};
	}

	const doc = parseDocument(text, {prettyErrors: false, uniqueKeys: true, strict: true});
	if (doc.errors.length > 0) {
		return {
			ok: false,
			errors: doc.errors.map((error) => at(error.pos[0], '', `YAML syntax: ${describeYamlError(error.code, error.message)}`)),
		};
	}

	let data: unknown;
	try {
		data = doc.toJS({maxAliasCount: 100});
	} catch (error) {
		// yaml checks aliases only when it builds the values: an alias to an anchor not set before it, or aliases that multiply into a huge document.
		return {ok: false, errors: [aliasError(doc, error, at)]};
	}
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		const got = Array.isArray(data) ? 'a list' : data === null ? 'nothing' : `${typeof data} ${JSON.stringify(data)?.slice(0, 40)}`;
		return {ok: false, errors: [at(rangeStart(doc.contents) ?? 0, '', `expected a YAML mapping of fields at the top level; got ${got}`)]};
	}

	const parsed = schema.safeParse(data, {reportInput: true});
	if (!parsed.success) {
		const issues = parsed.error.issues.map(formatIssue);
		const errors = issues.map(({path, message, atKey}) => at(locate(doc, path, atKey), pathToString(path), message));
		// One pass: the rules run over the parts that did parse. A rule problem where the schema already
		// found one (the same field, inside it, or around it) may only echo it, so the schema's stands alone.
		const rules = ruleProblemsOfSalvage(schema, data, crossChecks).filter((problem) => !issues.some((issue) => pathsOverlap(issue.path, problem.path)));
		return {ok: false, errors: sortErrors([...errors, ...rules.map(({path, message}) => at(locate(doc, path), pathToString(path), message))])};
	}

	const value = parsed.data as z.output<S>;
	const problems = crossChecks.flatMap((check) => check(value));
	if (problems.length > 0) {
		return {ok: false, errors: sortErrors(problems.map(({path, message}) => at(locate(doc, path), pathToString(path), message)))};
	}
	return {ok: true, value};
}

/**
The cross-check problems of a value that failed its schema, found over what of it
parses (see salvage.ts). A rule that throws on a missing part is skipped: its input
is broken, and the schema error says so.
*/
function ruleProblemsOfSalvage<S extends z.ZodType>(schema: S, data: unknown, crossChecks: ReadonlyArray<CrossCheck<z.output<S>>>): Array<{path: Path; message: string}> {
	const {value, problems} = salvage(schema, data);
	if (value === undefined) return problems;
	return [
		...problems,
		...crossChecks.flatMap((check) => {
			try {
				return check(value as z.output<S>);
			} catch {
				return [];
			}
		}),
	];
}

/** Reads and loads one file; a missing or unreadable path is reported as an error, not thrown. */
export function loadYamlFile<S extends z.ZodType>(
	file: string,
	schema: S,
	crossChecks: ReadonlyArray<CrossCheck<z.output<S>>> = [],
): LoadResult<z.output<S>> {
	let text: string;
	try {
		if (statSync(file).isDirectory()) {
			return {ok: false, errors: [{file, line: 1, col: 1, path: '', message: 'is a directory; expected a YAML file'}]};
		}
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read it (${code ?? String(error)})`;
		return {ok: false, errors: [{file, line: 1, col: 1, path: '', message: why}]};
	}
	return parseYaml(text, file, schema, crossChecks);
}

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): {line: number; col: number} {
	let line = 1;
	let lineStart = 0;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
		line++;
		lineStart = index + 1;
	}
	return {line, col: offset - lineStart + 1};
}

function sortErrors(errors: FileError[]): FileError[] {
	return errors.sort((a, b) => a.line - b.line || a.col - b.col);
}

function describeYamlError(code: string, message: string): string {
	const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
	// An unclosed bracket or quote is reported where the file ends, so indentation advice would mislead.
	if (/end with a [}\]]|Missing closing/.test(first)) return `${first} (a bracket or quote opened above is never closed)`;
	switch (code) {
		case 'TAB_AS_INDENT':
			return 'a tab is used for indentation; YAML allows only spaces';
		case 'DUPLICATE_KEY':
			return `${first} (each field may appear once per mapping)`;
		case 'BAD_INDENT':
		case 'MISSING_CHAR':
		case 'UNEXPECTED_TOKEN':
		case 'BLOCK_AS_IMPLICIT_KEY':
		case 'MULTILINE_IMPLICIT_KEY':
			return `${first} (check the indentation of this line and the next: fields of one mapping line up exactly)`;
		default:
			return first;
	}
}
