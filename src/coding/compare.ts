/**
Compares what an answer returned with what a case expects, after the child
turned both into JSON (tuples are lists by then). Numbers agree within a
tolerance, `1` and `'1'` never do, and a list may be compared as a multiset
where the statement says order does not matter. Returns the first difference,
worded with its path, so a candidate sees where the result went wrong.
*/

/** How to compare. */
export type CompareOptions = {readonly unordered: boolean; readonly tolerance: number};

/** A value as shown to the candidate: JSON with Python's spelling of None, True and False, cut short. */
export function showValue(value: unknown, limit = 300): string {
	const text = JSON.stringify(value, (_key, item: unknown) => (isRepr(item) ? `⟨${item.__repr__}⟩` : item)) ?? 'undefined';
	const python = text.replace(/"(?:[^"\\]|\\.)*"|\b(null|true|false)\b/g, (match, word: string | undefined) => (word === 'null' ? 'None' : word === 'true' ? 'True' : word === 'false' ? 'False' : match));
	return python.length > limit ? `${python.slice(0, limit - 1)}…` : python;
}

function isRepr(value: unknown): value is {__repr__: string} {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && '__repr__' in value;
}

function close(a: number, b: number, tolerance: number): boolean {
	return a === b || Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Text that sorts equal values together, floats rounded so values within the tolerance usually sort alike. */
function sortKey(value: unknown): string {
	return JSON.stringify(value, (_key, item: unknown) => {
		if (typeof item === 'number' && !Number.isInteger(item)) return Number(item.toPrecision(9));
		if (item && typeof item === 'object' && !Array.isArray(item)) return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
		return item;
	});
}

const kind = (value: unknown) => (value === null ? 'None' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? (isRepr(value) ? 'an object' : 'a dict') : typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a bool' : typeof value);

/** The first difference between expected and got, or undefined when they agree. */
export function difference(expected: unknown, got: unknown, options: CompareOptions, path = ''): string | undefined {
	const where = path || 'the result';
	if (typeof expected === 'number' && typeof got === 'number') return close(expected, got, options.tolerance) ? undefined : `${where}: expected ${showValue(expected)}, got ${showValue(got)}`;
	if (Array.isArray(expected) && Array.isArray(got)) {
		let [left, right] = [expected, got];
		if (options.unordered && path === '') [left, right] = [[...expected].sort(bySortKey), [...got].sort(bySortKey)];
		if (left.length !== right.length) return `${where}: expected ${left.length} item${left.length === 1 ? '' : 's'}, got ${right.length}${missingHint(left, right)}`;
		for (const [index, item] of left.entries()) {
			const found = difference(item, right[index], options, `${path}[${index}]`);
			if (found) return options.unordered && path === '' ? `${found} (compared in sorted order: the order does not matter here)` : found;
		}
		return undefined;
	}
	if (isDict(expected) && isDict(got)) {
		for (const key of Object.keys(expected)) if (!(key in got)) return `${where}: missing key ${JSON.stringify(key)}`;
		for (const key of Object.keys(got)) if (!(key in expected)) return `${where}: unexpected key ${JSON.stringify(key)}`;
		for (const key of Object.keys(expected)) {
			const found = difference(expected[key], got[key], options, `${path}[${JSON.stringify(key)}]`);
			if (found) return found;
		}
		return undefined;
	}
	if (expected === got) return undefined;
	const types = kind(expected) === kind(got) ? '' : ` (${kind(got)} where ${kind(expected)} was expected)`;
	return `${where}: expected ${showValue(expected)}, got ${showValue(got)}${types}`;
}

function bySortKey(a: unknown, b: unknown): number {
	const [x, y] = [sortKey(a), sortKey(b)];
	return x < y ? -1 : x > y ? 1 : 0;
}

function isDict(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !isRepr(value);
}

/** Names one item the shorter list lacks or has extra, which is what a candidate looks for first. */
function missingHint(expected: readonly unknown[], got: readonly unknown[]): string {
	const gotKeys = new Set(got.map(sortKey));
	const missing = expected.find((item) => !gotKeys.has(sortKey(item)));
	if (missing !== undefined) return `; missing ${showValue(missing, 120)}`;
	const expectedKeys = new Set(expected.map(sortKey));
	const extra = got.find((item) => !expectedKeys.has(sortKey(item)));
	return extra !== undefined ? `; unexpected ${showValue(extra, 120)}` : '';
}
