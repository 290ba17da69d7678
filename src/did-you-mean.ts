/** "Did you mean …?" for typos in ids, flags and markers: the nearest known word by edit distance. */

/** Levenshtein distance between two words. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
		previous = row;
	}
	return previous[b.length]!;
}

/** The known word nearest to `word`, if it is close enough to be a typo of it (≤ 2 edits, more for long words), else undefined. */
export function nearest(word: string, known: readonly string[]): string | undefined {
	const limit = Math.max(2, Math.floor(word.length / 5));
	let best: {word: string; distance: number} | undefined;
	for (const candidate of known) {
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (distance <= limit && (!best || distance < best.distance)) best = {word: candidate, distance};
	}
	return best?.word;
}
