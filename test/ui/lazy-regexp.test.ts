import {describe, expect, test} from 'vitest';
import {lazyRegExp} from '../../src/ui/lazy-regexp.js';

describe('a lazily built regular expression', () => {
	test('nothing is built until the first use, and only once', () => {
		let built = 0;
		const lazy = lazyRegExp(() => {
			built++;
			return /\p{Extended_Pictographic}/u;
		});
		expect(built).toBe(0);
		expect(lazy.test('👍')).toBe(true);
		expect(lazy.test('a')).toBe(false);
		expect(built).toBe(1);
	});

	test('strings use it as they would the expression itself', () => {
		const make = () => /\p{Extended_Pictographic}/gu;
		const text = 'a 👍 b 🎉 c';
		expect(text.match(lazyRegExp(make))).toEqual(text.match(make()));
		expect([...text.matchAll(lazyRegExp(make))].map((match) => match.index)).toEqual([...text.matchAll(make())].map((match) => match.index));
		expect(text.replace(lazyRegExp(make), '*')).toBe(text.replace(make(), '*'));
		expect(text.search(lazyRegExp(make))).toBe(2);
		expect(text.split(lazyRegExp(make))).toEqual(text.split(make()));
		expect('no emoji'.match(lazyRegExp(make))).toBeNull();
		const visible = lazyRegExp(() => new RegExp('[^\\p{Default_Ignorable_Code_Point}\\p{Control}]', 'v'));
		expect('\u200Bx'.search(visible)).toBe(1);
	});

	test('exec and lastIndex are the expression\'s own', () => {
		const lazy = lazyRegExp(() => /b/g);
		expect(lazy.exec('abab')?.index).toBe(1);
		expect(lazy.lastIndex).toBe(2);
		lazy.lastIndex = 0;
		expect(lazy.exec('abab')?.index).toBe(1);
	});
});
