import {describe, expect, test} from 'vitest';
import {GraphemeSegmenter, ONE_PER_GRAPHEME} from '../../src/ui/grapheme-segmenter.js';

const real = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Every BMP code point the fast path takes (all of its code points are single code units). */
function fastSet(): string[] {
	const set: string[] = [];
	for (let code = 0; code <= 0xffff; code++) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		const char = String.fromCharCode(code);
		if (ONE_PER_GRAPHEME.test(char)) set.push(char);
	}
	return set;
}

const segmentsOf = (segments: Intl.Segments) => [...segments].map(({segment, index, input}) => ({segment, index, input}));

/** A deterministic shuffle (a linear congruential generator), so a failure names the same strings each run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	let state = seed;
	for (let index = out.length - 1; index > 0; index--) {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		const other = state % (index + 1);
		[out[index], out[other]] = [out[other]!, out[index]!];
	}
	return out;
}

describe('the grapheme segmenter of the bundle', () => {
	test('no code point of the fast set joins a neighbour, by Intl.Segmenter itself', () => {
		// A grapheme cluster spans two code points only when the second extends or
		// joins the first (Extend, ZWJ, SpacingMark), the first is Prepend, or both
		// are CR LF, Hangul jamo or regional indicators: each probe catches one side.
		const set = fastSet();
		expect(set.length).toBeGreaterThan(1500);
		const joined = set.filter((char) => [`${char}a`, `a${char}`, `${char}${char}`].some((probe) => [...real.segment(probe)].length !== 2));
		expect(joined.map((char) => `U+${char.charCodeAt(0).toString(16).toUpperCase()}`)).toEqual([]);
		for (let seed = 1; seed <= 8; seed++) {
			const text = shuffled(set, seed).join('');
			expect([...real.segment(text)].length, `shuffle ${seed}`).toBe(text.length);
		}
	});

	test('the fast set leaves out what does join: CR (of CR LF), combining marks, joiners, variation selectors', () => {
		for (const char of ['\r', '\u0301', '\u200D', '\uFE0F', '\u1100', '\u{1F1E6}']) expect(ONE_PER_GRAPHEME.test(char), JSON.stringify(char)).toBe(false);
		expect(ONE_PER_GRAPHEME.test('\u001B[31mred\u001B[39m ▶ · ─ … ✓ ✗ → ≤')).toBe(true);
	});

	test('it segments as Intl.Segmenter does, on the app\'s lines and on text that needs ICU', () => {
		const samples = ['▶Problem   Reqs   Design   Deep dive   Scaling   Review', '\u001B[1m✓ 8,300 events/s\u001B[22m', '─'.repeat(80), '', 'line\none', 'crlf\r\nhere', 'e\u0301 café', '👍🏽 thumbs', '👨‍👩‍👧 family', '🇫🇷 flag', '한국어', '日本語', 'tab\there'];
		const segmenter = new GraphemeSegmenter(undefined, {granularity: 'grapheme'});
		for (const sample of samples) expect(segmentsOf(segmenter.segment(sample)), JSON.stringify(sample)).toEqual(segmentsOf(real.segment(sample)));
		expect(segmentsOf(new GraphemeSegmenter().segment('default granularity'))).toEqual(segmentsOf(real.segment('default granularity')));
	});

	test('containing() answers as Intl.Segmenter\'s, for every kind of index', () => {
		const text = 'ask› whats the peak';
		const ours = new GraphemeSegmenter().segment(text);
		const theirs = real.segment(text);
		for (const index of [0, 3, 4, text.length - 1, text.length, -1, 2.7, -0.5, Number.NaN, Infinity, undefined]) {
			expect(ours.containing(index), String(index)).toEqual(theirs.containing(index));
		}
	});

	test('simple text never reaches ICU; other text does, once', () => {
		const segmenter = new GraphemeSegmenter();
		const exact = () => (segmenter as unknown as {real: Intl.Segmenter | undefined}).real;
		segmenter.segment('plain ASCII, ─ and ✓');
		expect(exact()).toBeUndefined();
		segmenter.segment('e\u0301');
		const made = exact();
		expect(made).toBeInstanceOf(Intl.Segmenter);
		segmenter.segment('👍');
		expect(exact()).toBe(made);
	});

	test('words and sentences are handed to a real Intl.Segmenter', () => {
		const words = new GraphemeSegmenter('en', {granularity: 'word'});
		expect(words).toBeInstanceOf(Intl.Segmenter);
		expect([...words.segment('two words')].map((segment) => segment.segment)).toEqual(['two', ' ', 'words']);
		expect(new GraphemeSegmenter('en').resolvedOptions()).toEqual(new Intl.Segmenter('en').resolvedOptions());
		expect(GraphemeSegmenter.supportedLocalesOf(['en', 'de-AT'])).toEqual(Intl.Segmenter.supportedLocalesOf(['en', 'de-AT']));
	});
});
