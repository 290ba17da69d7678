// The median the benchmark modules report (mean of the two middle values for an even count),
// so every row that says "median of N" means the same thing.

/** The median of `values` (not modified). */
export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
