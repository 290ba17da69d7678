/** What of a broken value still parses, part by part, for the rules to run over (see src/scenarios/salvage.ts). */
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {pathsOverlap, salvage} from '../../src/scenarios/salvage.js';

const Shape = z.strictObject({
	name: z.string(),
	size: z.number().default(3),
	tag: z.string().optional(),
	note: z.string().nullable(),
	extra: z.strictObject({a: z.number(), b: z.number()}).optional(),
	maybe: z.strictObject({a: z.number(), b: z.number()}).nullable(),
	items: z.array(z.strictObject({id: z.string(), n: z.number()})),
	keys: z.record(z.string(), z.number()),
	shape: z.discriminatedUnion('kind', [z.strictObject({kind: z.literal('a'), x: z.number()}), z.strictObject({kind: z.literal('b'), y: z.string()})]),
	plain: z.union([z.number(), z.string()]),
	ro: z.strictObject({v: z.number()}).readonly(),
	pre: z.strictObject({v: z.number(), w: z.number()}).prefault({v: 1, w: 2}),
});

describe('salvage', () => {
	it('keeps each part that parses and leaves out each that does not, through defaults, optionals, nullables and readonly', () => {
		const {value, problems} = salvage(Shape, {
			name: 1,
			size: 'x',
			tag: 2,
			note: 3,
			extra: {a: 1, b: 'x'},
			maybe: {a: 'x', b: 2},
			items: [{id: 'a', n: 'x'}, 5, {id: 'b', n: 1}],
			keys: {a: 1, b: 'x'},
			shape: {kind: 'b', y: 1},
			plain: true,
			ro: {v: 'x'},
			pre: {v: 'x', w: 3},
		});
		expect(value).toEqual({extra: {a: 1}, maybe: {b: 2}, items: [{id: 'a'}, undefined, {id: 'b', n: 1}], keys: {a: 1, b: undefined}, shape: {kind: 'b'}, ro: {}, pre: {w: 3}});
		// A broken record value keeps its key: "is there a key b" is still answered yes.
		expect(Object.keys((value as {keys: object}).keys)).toEqual(['a', 'b']);
		// The fields that failed are absent, not present as undefined.
		expect(Object.keys(value as object)).toEqual(['extra', 'maybe', 'items', 'keys', 'shape', 'ro', 'pre']);
		expect(problems).toEqual([]);
	});

	it('drops a list, record, object or union that is not one at all, and applies the defaults of what is missing', () => {
		expect(salvage(Shape, {items: 'x', keys: [], shape: {kind: 'z'}, ro: 1}).value).toEqual({size: 3, pre: {v: 1, w: 2}});
		expect(salvage(Shape, {shape: 'a', keys: null}).value).toEqual({size: 3, pre: {v: 1, w: 2}});
		expect(salvage(Shape, 'nope')).toEqual({value: undefined, problems: []});
	});

	it('runs an object\'s refinements over its salvaged fields, at their path from the root', () => {
		const Range = z.strictObject({lo: z.number(), hi: z.number(), other: z.string()}).superRefine((range, context) => {
			if (range.hi < range.lo) context.addIssue({code: 'custom', path: ['hi'], message: 'hi below lo'});
		});
		expect(salvage(z.strictObject({r: Range}), {r: {lo: 5, hi: 1, other: 3}})).toEqual({value: {r: {lo: 5, hi: 1}}, problems: [{path: ['r', 'hi'], message: 'hi below lo'}]});
		expect(salvage(z.strictObject({r: Range}), {r: {lo: 1, hi: 5, other: 3}}).problems).toEqual([]);
		expect(salvage(z.strictObject({byName: z.record(z.string(), Range)}), {byName: {k: {lo: 5, hi: 1, other: 3}}}).problems).toEqual([{path: ['byName', 'k', 'hi'], message: 'hi below lo'}]);
	});

	it('skips a refinement that throws on a missing part, and keeps one that can read the parts', () => {
		const Listed = z.strictObject({list: z.array(z.number())}).superRefine((value, context) => {
			if (value.list.length > 1) context.addIssue({code: 'custom', message: 'too long'});
		});
		expect(salvage(z.strictObject({t: Listed}), {t: {list: 7}})).toEqual({value: {t: {}}, problems: []});
		const halfway = z.strictObject({list: z.array(z.number())}).superRefine((value, context) => {
			context.addIssue({code: 'custom', message: 'said before it threw'});
			if (value.list.length > 1) context.addIssue({code: 'custom', message: 'too long'});
		});
		expect(salvage(z.strictObject({t: halfway}), {t: {list: 7}}).problems).toEqual([]);
		expect(salvage(z.strictObject({t: Listed}), {t: {list: [1, 'x']}})).toEqual({value: {t: {list: [1, undefined]}}, problems: [{path: ['t'], message: 'too long'}]});
	});
});

describe('pathsOverlap', () => {
	it('is true for the same path, one inside the other either way, and a list index written as text', () => {
		expect(pathsOverlap(['a', 1], ['a', 1])).toBe(true);
		expect(pathsOverlap(['a', 1], ['a', 1, 'b'])).toBe(true);
		expect(pathsOverlap(['a', 1, 'b'], ['a', 1])).toBe(true);
		expect(pathsOverlap(['a', 1], ['a', '1'])).toBe(true);
		expect(pathsOverlap([], ['x'])).toBe(true);
	});

	it('is false for paths that part', () => {
		expect(pathsOverlap(['a', 2], ['a', 1, 'b'])).toBe(false);
		expect(pathsOverlap(['a', 1, 'b'], ['a', 2])).toBe(false);
		expect(pathsOverlap(['a'], ['b'])).toBe(false);
	});
});
