import realStringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import stringWidth, {NARROW} from '../../src/ui/fast-string-width.js';

describe('the fast string width', () => {
	test('every code point of the fast set is one column wide by string-width itself', () => {
		const wrong: string[] = [];
		for (let code = 0x20; code <= 0x2fff; code++) {
			const char = String.fromCodePoint(code);
			if (!NARROW.test(char)) continue;
			if (realStringWidth(char) !== 1) wrong.push(`U+${code.toString(16).toUpperCase()}`);
		}
		expect(wrong).toEqual([]);
	});

	test('it agrees with string-width on the app\'s own lines and on text outside the fast set', () => {
		const samples = ['▶Problem   Reqs   Design', '─'.repeat(80), 'source (8,333/s) → ingest → count', '✓ 8,300 events/s: right', '› 1. ingest — Kinesis', 'ask› ', '', '日本語のテキスト', '👍 thumbs', '\u001B[31mred\u001B[39m', 'e\u0301', 'tab\there', '⚠ throttled', '✗ 3.2k lost'];
		for (const sample of samples) expect(stringWidth(sample), JSON.stringify(sample)).toBe(realStringWidth(sample));
		// Wide and zero-width characters are outside the fast set, so they go the exact way.
		expect(NARROW.test('日')).toBe(false);
		expect(NARROW.test('\u200B')).toBe(false);
		expect(NARROW.test('\u00AD')).toBe(false);
		expect(stringWidth('ambiguous ±', {ambiguousIsNarrow: false})).toBe(realStringWidth('ambiguous ±', {ambiguousIsNarrow: false}));
	});
});
