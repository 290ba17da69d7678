/**
@alcalzone/ansi-tokenize as Ink uses it, with faster `styledCharsFromTokens`
and `styledCharsToString`. Ink splits every line of a frame into styled
characters and joins them back into text, and the package copies the style list
into each character, then works out the style change between each pair of
neighbours with three Sets and two filtered arrays: about 5 ms of the first
frame, though neighbours almost always share their style. Here characters of one
run share one style list (nothing changes a list once made: a style code makes
a new one), and an unchanged style between neighbours writes nothing, as the
package's empty change does.

The build substitutes this module for the package in the bundle;
`test/ui/fast-styled-chars.test.ts` checks it against the package's own
function on styled lines.
*/
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, type AnsiCode, type StyledChar, type Token} from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

type Styles = StyledChar['styles'];

/** Whether two reduced style lists are the same codes in the same order (then no code is needed between them). */
function sameStyles(from: Styles, to: Styles): boolean {
	if (from === to) return true;
	if (from.length !== to.length) return false;
	for (let index = 0; index < from.length; index++) {
		if (from[index]!.code !== to[index]!.code || from[index]!.endCode !== to[index]!.endCode) return false;
	}
	return true;
}

/** The package's styledCharsFromTokens: each character with the styles in force where it stands (shared, not copied, along a run). */
export function styledCharsFromTokens(tokens: readonly Token[]): StyledChar[] {
	let codes: AnsiCode[] = [];
	const chars: StyledChar[] = [];
	for (const token of tokens) {
		if (token.type === 'ansi') codes = reduceAnsiCodesIncremental(codes, [token]);
		else chars.push({type: 'char', value: token.value, fullWidth: token.fullWidth, styles: codes});
	}
	return chars;
}

/** The package's styledCharsToString: the characters with the fewest codes between them, every style closed at the end. */
export function styledCharsToString(chars: readonly StyledChar[]): string {
	let text = '';
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index]!;
		if (index === 0) text += ansiCodesToString(char.styles);
		else if (!sameStyles(chars[index - 1]!.styles, char.styles)) text += ansiCodesToString(diffAnsiCodes(chars[index - 1]!.styles, char.styles));
		text += char.value;
		if (index === chars.length - 1) text += ansiCodesToString(diffAnsiCodes(char.styles, []));
	}
	return text;
}
