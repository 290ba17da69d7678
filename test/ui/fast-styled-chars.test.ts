import {styledCharsFromTokens as packageStyledCharsFromTokens, styledCharsToString as packageStyledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import {describe, expect, it} from 'vitest';
import {styledCharsFromTokens, styledCharsToString} from '../../src/ui/fast-styled-chars.js';

/** Styles the screens use (bold, dim, inverse, colours, their ends) and a few they do not. */
const codes = ['\u001B[1m', '\u001B[22m', '\u001B[2m', '\u001B[7m', '\u001B[27m', '\u001B[31m', '\u001B[32m', '\u001B[39m', '\u001B[4m', '\u001B[24m', '\u001B[0m', '\u001B[38;5;208m', '\u001B[44m', '\u001B[49m'];

/** A deterministic line of text with style codes sprinkled in (runs of one style, as a frame has). */
function styledLine(seed: number): string {
	let state = seed;
	const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
	let line = '';
	for (let index = 0; index < 60; index++) {
		if (next() < 0.15) line += codes[Math.floor(next() * codes.length)];
		line += 'ab ✓│é'[Math.floor(next() * 6)];
	}
	return line;
}

describe('fast styled characters', () => {
	it('give exactly the package\'s characters and text for 500 styled lines', () => {
		for (let seed = 1; seed <= 500; seed++) {
			const tokens = tokenize(styledLine(seed));
			const chars = packageStyledCharsFromTokens(tokens);
			expect(styledCharsFromTokens(tokens), `seed ${seed}`).toEqual(chars);
			expect(styledCharsToString(chars), `seed ${seed}`).toBe(packageStyledCharsToString(chars));
			expect(styledCharsToString(styledCharsFromTokens(tokens)), `seed ${seed}`).toBe(packageStyledCharsToString(chars));
		}
	});

	it('must fail: a style change between neighbours is written (bold then plain closes the bold)', () => {
		const chars = styledCharsFromTokens(tokenize('\u001B[1mab\u001B[22mc'));
		expect(styledCharsToString(chars)).toBe('\u001B[1mab\u001B[22mc');
		expect(styledCharsToString(styledCharsFromTokens(tokenize('\u001B[31ma\u001B[32mb\u001B[39m')))).toBe('\u001B[31ma\u001B[32mb\u001B[39m');
	});
});
