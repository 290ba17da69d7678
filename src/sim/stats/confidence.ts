/**
95% confidence intervals: Student t quantiles and the mean ± half-width of a
set of independent estimates (replications, or batch means within a run).
*/

// t_{0.975} for 1–30 degrees of freedom.
const T975 = [
	Number.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
	2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
The 0.975 quantile of Student's t with `df` degrees of freedom (the factor for
a two-sided 95% interval). Table up to 30, Cornish–Fisher expansion beyond
(error below 1e-4); NaN for df < 1.
*/
export function t975(df: number): number {
	if (!(df >= 1)) return Number.NaN;
	const whole = Math.floor(df);
	if (whole <= 30) return T975[whole]!;
	const z = 1.959963984540054;
	const z3 = z ** 3;
	const z5 = z ** 5;
	const z7 = z ** 7;
	return z + (z3 + z) / (4 * whole) + (5 * z5 + 16 * z3 + 3 * z) / (96 * whole ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * whole ** 3);
}

/** A mean with its 95% confidence half-width (NaN when fewer than two values). */
export type MeanAndHalfWidth = {
	readonly mean: number;
	readonly halfWidth: number;
	/** How many values the interval is based on. */
	readonly n: number;
};

/** Mean and 95% half-width t·s/√n of independent, roughly normal values (e.g. one mean per replication). */
export function meanAndHalfWidth(values: ArrayLike<number>): MeanAndHalfWidth {
	const n = values.length;
	if (n === 0) return {mean: Number.NaN, halfWidth: Number.NaN, n};
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i]!;
	const mean = sum / n;
	if (n < 2) return {mean, halfWidth: Number.NaN, n};
	let squares = 0;
	for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
	return {mean, halfWidth: t975(n - 1) * Math.sqrt(squares / (n - 1) / n), n};
}
