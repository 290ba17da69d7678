/**
How many events fall in a tick, and how many of them go to one shard: Poisson
and binomial counts drawn in constant time whatever the mean, so a tick of
50M events/min costs the same as a tick of 500k.

Both are exact samplers (no normal approximation): inversion for small means,
Hörmann's transformed rejection with squeeze for large ones — PTRS for Poisson
(1993) and BTRS for binomial (1993). One `Random` stream per caller keeps runs
reproducible.
*/
import type {Random} from '../kernel/random.js';

const LOG_SQRT_2PI = 0.9189385332046728;

/** log(k!) by table for small k and Stirling's series beyond (error < 1e-10). */
function logFactorial(k: number): number {
	if (k < LOG_FACT.length) return LOG_FACT[k]!;
	const x = k + 1;
	return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + 1 / (12 * x) - 1 / (360 * x * x * x);
}

const LOG_FACT = (() => {
	const table = new Float64Array(256);
	for (let k = 1; k < table.length; k++) table[k] = table[k - 1]! + Math.log(k);
	return table;
})();

/** A Poisson count with the given mean (≥ 0). */
export function poisson(rng: Random, mean: number): number {
	if (!(mean > 0)) return 0;
	if (mean < 10) {
		// Inversion by sequential search: about mean + 1 uniforms' worth of work, one uniform.
		let p = Math.exp(-mean);
		let k = 0;
		let cumulative = p;
		const u = rng.next();
		while (u > cumulative) {
			k++;
			p *= mean / k;
			cumulative += p;
			if (k > 1000) break;
		}
		return k;
	}
	// PTRS (Hörmann 1993).
	const slam = Math.sqrt(mean);
	const logLam = Math.log(mean);
	const b = 0.931 + 2.53 * slam;
	const a = -0.059 + 0.02483 * b;
	const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
	const vr = 0.9277 - 3.6224 / (b - 2);
	for (;;) {
		const u = rng.next() - 0.5;
		const v = rng.nextOpen();
		const us = 0.5 - Math.abs(u);
		const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
		if (us >= 0.07 && v <= vr) return k;
		if (k < 0 || (us < 0.013 && v > us)) continue;
		if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logLam - logFactorial(k)) return k;
	}
}

/** A binomial count: successes in `n` trials (a whole number ≥ 0) of probability `p`. */
export function binomial(rng: Random, n: number, p: number): number {
	if (!(n > 0) || !(p > 0)) return 0;
	if (p >= 1) return n;
	if (p > 0.5) return n - binomial(rng, n, 1 - p);
	if (n * p < 10) {
		// Inversion: walk the pmf from 0.
		const q = 1 - p;
		const s = p / q;
		let prob = Math.exp(n * Math.log1p(-p));
		let cumulative = prob;
		const u = rng.next();
		let k = 0;
		while (u > cumulative && k < n) {
			prob *= (s * (n - k)) / (k + 1);
			k++;
			cumulative += prob;
			if (prob === 0) break;
		}
		return k;
	}
	// BTRS (Hörmann 1993).
	const spq = Math.sqrt(n * p * (1 - p));
	const b = 1.15 + 2.53 * spq;
	const a = -0.0873 + 0.0248 * b + 0.01 * p;
	const c = n * p + 0.5;
	const vr = 0.92 - 4.2 / b;
	const alpha = (2.83 + 5.1 / b) * spq;
	const lpq = Math.log(p / (1 - p));
	const m = Math.floor((n + 1) * p);
	const h = logFactorial(m) + logFactorial(n - m);
	for (;;) {
		const u = rng.next() - 0.5;
		const v = rng.nextOpen();
		const us = 0.5 - Math.abs(u);
		const k = Math.floor(((2 * a) / us + b) * u + c);
		if (k < 0 || k > n) continue;
		if (us >= 0.07 && v <= vr) return k;
		const lhs = Math.log((v * alpha) / (a / (us * us) + b));
		if (lhs <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
	}
}
