/**
The characters the screens draw that are one terminal column wide, as the body
of a regular-expression character class: printable ASCII, Latin letters, general
punctuation, arrows, maths symbols, box drawing and check marks. Shared by
`fast-string-width.ts` (one column each) and `grapheme-segmenter.ts` (one
grapheme each), so the fast paths of both cover the same text; each property is
checked code point by code point against the real packages in `test/ui`.
*/
export const NARROW_CLASS = '\\u0020-\\u007E\\u00A1-\\u00AC\\u00AE-\\u02FF\\u2010-\\u2027\\u2030-\\u205E\\u2070-\\u209C\\u20A0-\\u20C0\\u2100-\\u214F\\u2190-\\u21FF\\u2200-\\u22FF\\u2500-\\u25FC\\u2713-\\u2718';
