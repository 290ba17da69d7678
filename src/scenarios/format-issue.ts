/**
Turns a zod issue into a message that says what failed and what was expected,
with the offending value, e.g. `expected one of input, transformation, output,
other; got "inputs"`. Zod's own wording ("Invalid input") names neither.
*/
import type {core} from 'zod';

/** A field path: object keys and list indexes. */
export type Path = ReadonlyArray<string | number>;

/** A message ready to be positioned: where it points, what it says, and whether it points at a key. */
export type FormattedIssue = {path: Path; message: string; atKey: boolean};

/** Describes a value briefly, as it appeared in the file. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
	return `${typeof value} ${String(value)}`;
}

const list = (values: readonly unknown[]) => values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');

const isDefaultMessage = (message: string) => /^(Invalid|Too (small|big)|Unrecognized)/.test(message);

/** Formats one zod issue (a union's inner issues are flattened to the first branch that explains it). */
export function formatIssue(issue: core.$ZodIssue): FormattedIssue {
	const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
	const input = (issue as {input?: unknown}).input;
	switch (issue.code) {
		case 'invalid_type':
			if (input === undefined) return {path, atKey: false, message: `required field is missing; expected ${issue.expected}`};
			// zod 4 reports a fraction where .int() is asked as a wrong type; the schema's own words for it win.
			if (issue.expected === 'int' && typeof input === 'number') return {path, atKey: false, message: `${isDefaultMessage(issue.message) ? 'expected a whole number' : issue.message}; got ${describeValue(input)}`};
			return {path, atKey: false, message: `expected ${issue.expected}; got ${describeValue(input)}`};
		case 'invalid_value':
			return {
				path,
				atKey: false,
				message: issue.values.length === 1 ? `expected ${list(issue.values)}; got ${describeValue(input)}` : `expected one of ${list(issue.values)}; got ${describeValue(input)}`,
			};
		case 'unrecognized_keys': {
			const keys = issue.keys;
			return {
				path: [...path, keys[0]!],
				atKey: true,
				message: keys.length === 1 ? `unknown field "${keys[0]}"; check its spelling and indentation` : `unknown fields ${keys.map((key) => `"${key}"`).join(', ')}`,
			};
		}
		case 'invalid_union': {
			const options = (issue as {options?: unknown[]}).options;
			const discriminator = (issue as {discriminator?: string}).discriminator;
			if (options && discriminator) {
				const got = input && typeof input === 'object' ? (input as Record<string, unknown>)[discriminator] : input;
				return {path, atKey: false, message: `expected one of ${list(options)}; got ${describeValue(got)}`};
			}
			const inner = issue.errors[0]?.[0];
			if (inner) {
				const formatted = formatIssue({...inner, path: [...path, ...inner.path]} as core.$ZodIssue);
				return formatted;
			}
			return {path, atKey: false, message: `does not match any allowed shape; got ${describeValue(input)}`};
		}
		case 'too_small':
		case 'too_big': {
			const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
			const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
			const what = issue.origin === 'array' ? `a list of ${op} ${String(bound)} ${Number(bound) === 1 ? 'item' : 'items'}` : issue.origin === 'string' ? `text of ${op} ${String(bound)} characters` : `a value ${op} ${String(bound)}`;
			const message = isDefaultMessage(issue.message) ? `expected ${what}` : issue.message;
			const got = Array.isArray(input) ? `${input.length} ${input.length === 1 ? 'item' : 'items'}` : describeValue(input);
			return {path, atKey: false, message: `${message}; got ${got}`};
		}
		case 'invalid_format':
			return {path, atKey: false, message: `${isDefaultMessage(issue.message) ? `expected ${issue.format}` : issue.message}; got ${describeValue(input)}`};
		default:
			return {path, atKey: false, message: issue.message};
	}
}
