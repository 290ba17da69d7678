/**
Numbers as the simulator reports them: rounded for JSON, and written out for the
reasons, limits and fixes a reader checks by hand ("8,333 records/s", "40%").
One place, so every stage and every analysis rounds and prints the same way.
*/

/** `value` rounded to `digits` decimals (non-finite values pass through). */
export function roundTo(value: number, digits: number): number {
	if (!Number.isFinite(value)) return value;
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}

/** A figure for a sentence: whole and comma-grouped from 100 up, 3 significant digits below; `notFinite` for ∞ or NaN. */
export function fmt(value: number, notFinite = 'n/a'): string {
	if (!Number.isFinite(value)) return notFinite;
	if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
	return Number(value.toPrecision(3)).toLocaleString('en-US');
}

/** A share (0–1) as a percentage with 3 significant digits: 0.4 → "40%". */
export function pct(share: number): string {
	return `${Number((share * 100).toPrecision(3))}%`;
}

/**
A whole count with its noun, comma-grouped and singular for one: (1, 'shard') →
"1 shard", (100000, 'shard') → "100,000 shards", (2, 'primary') → "2 primaries".
The reasons and fixes a reader checks by hand must not say "1 shards" or "2 primarys".
*/
export function counted(value: number, noun: string): string {
	return `${fmt(value)} ${value === 1 ? noun : plural(noun)}`;
}

/** The English plural of a unit noun ("shard" → "shards", "primary" → "primaries", "data node" → "data nodes"). */
export function plural(noun: string): string {
	if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
	if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
	return `${noun}s`;
}

/** A duration for a sentence: seconds under 90 s, minutes under 90 min, else hours ("4.07 h"). */
export function fmtSpan(seconds: number): string {
	if (!Number.isFinite(seconds)) return 'n/a';
	if (Math.abs(seconds) < 90) return `${fmt(seconds)} s`;
	if (Math.abs(seconds) < 90 * 60) return `${fmt(seconds / 60)} min`;
	return `${fmt(seconds / 3600)} h`;
}
