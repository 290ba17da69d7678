/**
Command-line flags for `dojo`: Node's own `util.parseArgs` splits argv into
tokens, and this module gives them dojo's rules — every flag a command does not
declare refused with the nearest one it does, a repeated single flag or a flag
without its value refused with a message naming it, `--no-X` turning an on/off
flag off — and formats help text. It replaced meow, which took about 5 ms of
every start-up (a 127 KB bundle and its parser) and crashed on a repeated flag.
*/
import {parseArgs} from 'node:util';
import {nearest} from './did-you-mean.js';
import {UsageError} from './errors.js';

/** One flag a command takes: text (once or, with `isMultiple`, repeatable) or on/off. */
export type Flag = {readonly type: 'string'; readonly isMultiple?: boolean; readonly default?: string | readonly string[]} | {readonly type: 'boolean'; readonly default?: boolean};

/** The flags of a command, by name as typed (`--seed`). */
export type FlagSpec = Readonly<Record<string, Flag>>;

/** What argv holds: the positional arguments and every declared flag's value (defaults filled in). */
export type ParsedArgs = {readonly input: string[]; readonly flags: Record<string, unknown>};

const onOff = new Set(['true', 'false']);

/** Where to look next: `dojo <command> --help`, or `dojo --help` at the top. */
const helpPointer = (command: string | undefined) => (command ? `see \`dojo ${command} --help\`` : 'see `dojo --help`');

/**
Parses argv against `spec`. `command` names the command in messages. Throws
UsageError for an undeclared flag (with "did you mean"), a text flag without its
value, a single flag given twice, or an on/off flag given a value other than
true or false.
*/
export function parseFlags(argv: readonly string[], spec: FlagSpec, command?: string): ParsedArgs {
	const options = Object.fromEntries(Object.entries(spec).map(([name, flag]) => [name, {type: flag.type}]));
	const {tokens} = parseArgs({args: [...argv], options, strict: false, allowPositionals: true, tokens: true});
	const input: string[] = [];
	const given = new Map<string, string[] | boolean>();
	const refuse = (message: string) => new UsageError([message, helpPointer(command)]);
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		if (token.kind === 'positional') {
			input.push(token.value);
			continue;
		}
		if (token.kind === 'option-terminator') continue;
		const raw = argv[token.index]!;
		// A negative number standing alone ("-5") is an argument, not a short flag.
		if (!raw.startsWith('--') && /^-\d/.test(raw)) {
			if (tokens[index - 1]?.index !== token.index) input.push(raw);
			continue;
		}
		const negated = token.name.startsWith('no-') && spec[token.name] === undefined && spec[token.name.slice(3)] !== undefined;
		const name = negated ? token.name.slice(3) : token.name;
		const flag = spec[name];
		if (flag === undefined || !raw.startsWith('--')) {
			const near = nearest(name, ['help', ...Object.keys(spec)]);
			throw refuse(`unknown flag ${raw.split('=')[0]}${near ? ` (did you mean --${near}?)` : ''}`);
		}
		if (flag.type === 'boolean') {
			let value: boolean;
			if (negated) {
				if (token.inlineValue) throw refuse(`--no-${name} takes no value; got "${raw}"`);
				value = false;
			} else if (token.value !== undefined) {
				if (!onOff.has(token.value)) throw refuse(`--${name} is on or off: give --${name} or --no-${name}; got "${raw}"`);
				value = token.value === 'true';
			} else {
				// "--peak false", as the earlier parser read it.
				const next = tokens[index + 1];
				if (next?.kind === 'positional' && onOff.has(next.value)) {
					value = next.value === 'true';
					index++;
				} else value = true;
			}
			given.set(name, value);
			continue;
		}
		if (negated) throw refuse(`--${name} takes a value; --no-${name} means nothing`);
		// parseArgs takes whatever follows as the value; a following flag means the value was left out.
		if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) throw refuse(`--${name} needs a value (--${name} VALUE or --${name}=VALUE)`);
		const earlier = given.get(name);
		if (Array.isArray(earlier) && !flag.isMultiple) throw refuse(`--${name} is given twice ("${earlier[0]}" and "${token.value}"); give it once`);
		given.set(name, [...(Array.isArray(earlier) ? earlier : []), token.value]);
	}
	const flags: Record<string, unknown> = {};
	for (const [name, flag] of Object.entries(spec)) {
		const value = given.get(name);
		if (flag.type === 'boolean') {
			if (value !== undefined) flags[name] = value;
			else if (flag.default !== undefined) flags[name] = flag.default;
		} else if (flag.isMultiple) flags[name] = value ?? flag.default ?? [];
		else if (value !== undefined) flags[name] = (value as string[])[0];
		else if (flag.default !== undefined) flags[name] = flag.default;
	}
	return {input, flags};
}

/** Help text as printed: blank lines around it, and its lines indented by two spaces past the text's own least indent. */
export function formatHelp(help: string): string {
	const lines = help.replace(/^\n+|\s+$/g, '').split('\n');
	const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length));
	const strip = new RegExp(`^[ \\t]{${indent}}`);
	return `\n${lines.map((line) => (line.trim() === '' ? line.replace(strip, '') : `  ${line.replace(strip, '')}`)).join('\n')}\n`;
}
