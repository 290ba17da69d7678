/**
Makes text safe to print on a terminal: an answer's values reach the screen,
and a value holding escape codes could clear it and draw a fake "All checks
passed.". Control characters (C0 but newline and tab, DEL, C1) and bidi
overrides are shown as `\xNN` / `\uNNNN` instead of being sent.
*/

// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (char: string): string => {
	const code = char.charCodeAt(0);
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` with every control character written as an escape; newlines and tabs are kept. */
export function printable(text: string): string {
	return text.replace(unsafe, escape);
}

/**
JSON text with the characters JSON.stringify leaves raw but a terminal obeys
(DEL, C1 controls, bidi overrides) written as `\uNNNN`: still the same JSON
value, safe to print.
*/
export function printableJson(json: string): string {
	return json.replace(unsafe, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
