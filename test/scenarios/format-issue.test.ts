/** What `dojo validate` says for each kind of schema failure, in place of zod's "Invalid input". */
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {describeValue, formatIssue, type FormattedIssue} from '../../src/scenarios/format-issue.js';

/** The formatted issues of `value` under `schema`, as the loader gets them (with the input reported). */
function issues(schema: z.ZodType, value: unknown): FormattedIssue[] {
	const result = schema.safeParse(value, {reportInput: true});
	if (result.success) throw new Error('expected the value to fail');
	return result.error.issues.map(formatIssue);
}

/** The one message of a value at the root. */
const says = (schema: z.ZodType, value: unknown) => issues(schema, value).map((issue) => issue.message);

describe('describeValue', () => {
	it('names the kind of value, and quotes text up to 60 characters', () => {
		expect([undefined, null, [], {}, true, 3, 10n].map(describeValue)).toEqual(['nothing', 'null', 'a list', 'a mapping', 'boolean true', 'number 3', 'bigint 10']);
		expect(describeValue('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
		expect(describeValue('x'.repeat(61))).toBe(`"${'x'.repeat(57)}..."`);
	});
});

describe('formatIssue', () => {
	it('a missing field, and a value of the wrong type', () => {
		expect(issues(z.strictObject({a: z.number()}), {})).toEqual([{path: ['a'], atKey: false, message: 'required field is missing; expected number'}]);
		expect(says(z.number(), 'x')).toEqual(['expected number; got "x"']);
	});

	it('a fraction where a whole number is asked: the schema\'s own words, else "a whole number"', () => {
		expect(says(z.number().int('shards must be a whole number'), 1.5)).toEqual(['shards must be a whole number; got number 1.5']);
		expect(says(z.number().int(), 2.5)).toEqual(['expected a whole number; got number 2.5']);
		expect(says(z.object({n: z.number().int()}), {})).toEqual(['required field is missing; expected number']);
		// Text where a whole number is asked is a plain wrong type.
		expect(says(z.number().int('n must be a whole number'), 'x')).toEqual(['expected number; got "x"']);
	});

	it('a value not among the allowed ones: the one expected, or the list', () => {
		expect(says(z.literal(1), 2)).toEqual(['expected 1; got number 2']);
		expect(says(z.enum(['a', 'b']), 'c')).toEqual(['expected one of a, b; got "c"']);
		expect(says(z.literal([1, 'x']), 'c')).toEqual(['expected one of 1, x; got "c"']);
	});

	it('unknown fields point at the first key', () => {
		expect(issues(z.strictObject({a: z.number()}), {a: 1, b: 2})).toEqual([{path: ['b'], atKey: true, message: 'unknown field "b"; check its spelling and indentation'}]);
		expect(issues(z.strictObject({a: z.number()}), {a: 1, b: 2, c: 3})).toEqual([{path: ['b'], atKey: true, message: 'unknown fields "b", "c"'}]);
	});

	it('a union: the discriminator\'s choices, or the first branch\'s own complaint at its own path', () => {
		const tagged = z.discriminatedUnion('k', [z.strictObject({k: z.literal('a')}), z.strictObject({k: z.literal('b')})]);
		expect(issues(tagged, {k: 'c'})).toEqual([{path: ['k'], atKey: false, message: 'expected one of a, b; got "c"'}]);
		expect(says(tagged, 'zz')).toEqual(['expected object; got "zz"']);
		expect(says(z.union([z.number(), z.string()]), true)).toEqual(['expected number; got boolean true']);
		expect(issues(z.strictObject({u: z.union([z.strictObject({a: z.number()}), z.string()])}), {u: {a: 'x'}})).toEqual([{path: ['u', 'a'], atKey: false, message: 'expected number; got "x"'}]);
	});

	it('bounds on lists, text and numbers, inclusive or not, with the schema\'s own message when it has one', () => {
		expect(says(z.array(z.number()).min(2), [1])).toEqual(['expected a list of >= 2 items; got 1 item']);
		expect(says(z.array(z.number()).max(1), [1, 2])).toEqual(['expected a list of <= 1 item; got 2 items']);
		expect(says(z.string().min(3), 'ab')).toEqual(['expected text of >= 3 characters; got "ab"']);
		expect(says(z.string().max(1), 'ab')).toEqual(['expected text of <= 1 characters; got "ab"']);
		expect(says(z.number().positive(), 0)).toEqual(['expected a value > 0; got number 0']);
		expect(says(z.number().min(1), 0)).toEqual(['expected a value >= 1; got number 0']);
		expect(says(z.number().max(1), 2)).toEqual(['expected a value <= 1; got number 2']);
		expect(says(z.number().lt(1), 1)).toEqual(['expected a value < 1; got number 1']);
		expect(says(z.number().min(1, 'servers must be >= 1'), 0)).toEqual(['servers must be >= 1; got number 0']);
	});

	it('a format: the schema\'s message, or the format\'s name', () => {
		expect(says(z.string().regex(/^a$/, 'expected an a'), 'b')).toEqual(['expected an a; got "b"']);
		expect(says(z.string().regex(/^a$/), 'b')).toEqual(['expected regex; got "b"']);
		expect(says(z.string().email(), 'x')).toEqual(['expected email; got "x"']);
	});

	it('a symbol key in a path is written as text', () => {
		const key = Symbol.for('s');
		expect(issues(z.object({[key]: z.number()}), {})).toEqual([{path: ['Symbol(s)'], atKey: false, message: 'required field is missing; expected number'}]);
	});

	it('any other issue keeps its own message', () => {
		expect(says(z.string().refine(() => false, 'nope'), 'x')).toEqual(['nope']);
	});
});
