/**
The terminal width of a string, fast for the text this app draws. Ink measures
every line with `string-width`, whose exact path (grapheme segmentation and
emoji property regexes) costs tens of milliseconds before the first frame.
Printable ASCII and the narrow symbols the screens use (box drawing, arrows,
check marks, Latin letters, dashes, bullets) are one column each: counted
directly. Anything else goes to `string-width` itself.

The build substitutes this module for `string-width` in the bundle;
`test/ui/fast-string-width.test.ts` checks every code point of the fast set
against the real package.
*/
import realStringWidth from 'string-width';
import {NARROW_CLASS} from './narrow-characters.js';

/** Code points that are always exactly one column wide (checked against string-width in the tests). */
export const NARROW = new RegExp(`^[${NARROW_CLASS}]*$`, 'u');

/** Same options as string-width. */
type Options = {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean};

const cache = new Map<string, number>();

/** string-width's answer, computed without its slow path for the common case. */
export default function stringWidth(text: string, options?: Options): number {
	if (typeof text !== 'string' || text.length === 0) return 0;
	if (options === undefined && NARROW.test(text)) return [...text].length;
	if (options !== undefined) return realStringWidth(text, options);
	const known = cache.get(text);
	if (known !== undefined) return known;
	const width = realStringWidth(text);
	if (cache.size > 5000) cache.clear();
	cache.set(text, width);
	return width;
}
