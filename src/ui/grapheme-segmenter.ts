/**
`Intl.Segmenter` as the bundle sees it: the same answers, without loading ICU's
break-iterator data for text that does not need it. The first real
`Intl.Segmenter` a process makes costs 10–20 ms, and Ink's text packages
(string-width, slice-ansi, @alcalzone/ansi-tokenize) each make one as they load,
so that cost fell before the first frame. Nearly everything the screens draw is
text in which every code point is a grapheme of its own (printable ASCII, escape
codes and the narrow symbols of `narrow-characters.ts`); such text is split
code unit by code unit here. Any other text, and any granularity but graphemes,
goes to a real `Intl.Segmenter`, made when first needed.

The build defines `Intl.Segmenter` as this class in the bundle (scripts/build.mjs);
`test/ui/grapheme-segmenter.test.ts` checks it against the real one.
*/
import {NARROW_CLASS} from './narrow-characters.js';

// Reached through globalThis so that the build's define, which swaps the bare
// name `Intl.Segmenter` for this class, leaves this reference alone.
const RealSegmenter: typeof Intl.Segmenter = globalThis.Intl.Segmenter;

/**
Text where each code point is a grapheme cluster on its own: controls other
than CR (CR LF is one cluster), DEL, and the narrow characters, none of which
extends, prepends to or joins a neighbour (checked in the tests, pair by pair).
All of them are single UTF-16 code units.
*/
export const ONE_PER_GRAPHEME = new RegExp(`^[\\u0000-\\u000C\\u000E-\\u001F\\u007F${NARROW_CLASS}]*$`, 'u');

/** The segments of text made only of one-code-unit graphemes, shaped as `Intl.Segmenter`'s. */
class SingleUnitSegments implements Intl.Segments {
	constructor(private readonly input: string) {}

	containing(codeUnitIndex?: number): Intl.SegmentData | undefined {
		// As the real method: the index is converted to an integer (undefined and NaN become 0).
		const index = Math.trunc(Number(codeUnitIndex ?? 0)) || 0;
		if (index < 0 || index >= this.input.length) return undefined;
		return {segment: this.input[index]!, index, input: this.input};
	}

	*[Symbol.iterator](): IterableIterator<Intl.SegmentData> {
		const input = this.input;
		for (let index = 0; index < input.length; index++) yield {segment: input[index]!, index, input};
	}
}

/** A grapheme segmenter that reaches for ICU only when the text needs it. */
export class GraphemeSegmenter {
	private real: Intl.Segmenter | undefined;

	constructor(
		private readonly locales?: string | string[],
		private readonly options?: Intl.SegmenterOptions,
	) {
		// Words and sentences always need ICU: hand back a real segmenter (a constructor may return another object).
		// eslint-disable-next-line no-constructor-return
		if (options?.granularity !== undefined && options.granularity !== 'grapheme') return new RealSegmenter(locales, options) as unknown as GraphemeSegmenter;
	}

	/** The real segmenter behind this one, made on first need. */
	private exact(): Intl.Segmenter {
		this.real ??= new RealSegmenter(this.locales, this.options);
		return this.real;
	}

	segment(input: string): Intl.Segments {
		const text = String(input);
		return ONE_PER_GRAPHEME.test(text) ? new SingleUnitSegments(text) : this.exact().segment(text);
	}

	resolvedOptions(): Intl.ResolvedSegmenterOptions {
		return this.exact().resolvedOptions();
	}

	static supportedLocalesOf(locales: string | string[], options?: {localeMatcher?: 'lookup' | 'best fit'}): string[] {
		return RealSegmenter.supportedLocalesOf(locales, options);
	}
}
