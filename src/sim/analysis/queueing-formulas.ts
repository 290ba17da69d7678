/**
Steady-state answers from queueing theory, the yardstick the simulator is held to:
Erlang B and C (M/M/c), Pollaczek–Khinchine (M/G/1), the finite M/M/c/K
birth–death chain and Jackson tandems.

Conventions: λ arrivals per time unit, μ service rate of one server, c servers,
a = λ/μ offered load (Erlangs), ρ = a/c. Wq mean wait, W = Wq + 1/μ mean time
in the system; Lq = λWq and L = λW (Little). Times are in the unit of 1/λ.
*/

/** Steady-state figures of one station. */
export type StationTheory = {
	/** Per-server utilisation (of accepted work for finite K). */
	readonly rho: number;
	/** Probability an (accepted) arrival has to queue. */
	readonly pWait: number;
	readonly wq: number;
	readonly w: number;
	readonly lq: number;
	readonly l: number;
	/** Probability an arrival is turned away (0 without a capacity). */
	readonly pBlock: number;
	/** Rate of accepted arrivals. */
	readonly throughput: number;
};

/** Erlang B: blocking probability of M/M/c/c at offered load a, by the stable recursion. */
export function erlangB(c: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
	return b;
}

/** Erlang C: probability an arrival waits in M/M/c at offered load a (requires a < c). */
export function erlangC(c: number, a: number): number {
	if (!(a < c)) throw new RangeError(`erlangC: unstable, offered load ${a} must be below ${c} servers`);
	const b = erlangB(c, a);
	return b / (1 - (a / c) * (1 - b));
}

/** M/M/c with infinite waiting room (requires λ < cμ). */
export function mmc(lambda: number, mu: number, c: number): StationTheory {
	const a = lambda / mu;
	const pWait = erlangC(c, a);
	const wq = pWait / (c * mu - lambda);
	const w = wq + 1 / mu;
	return {rho: a / c, pWait, wq, w, lq: lambda * wq, l: lambda * w, pBlock: 0, throughput: lambda};
}

/**
M/G/1 by Pollaczek–Khinchine: Wq = ρ·E[S]·(1 + cs²) / (2(1 − ρ)), with service
mean `meanService` and squared coefficient of variation `scv` (1 exponential, 0 constant).
*/
export function mg1(lambda: number, meanService: number, scv: number): StationTheory {
	const rho = lambda * meanService;
	if (!(rho < 1)) throw new RangeError(`mg1: unstable, utilisation ${rho} must be below 1`);
	const wq = (rho * meanService * (1 + scv)) / (2 * (1 - rho));
	const w = wq + meanService;
	return {rho, pWait: rho, wq, w, lq: lambda * wq, l: lambda * w, pBlock: 0, throughput: lambda};
}

/**
M/M/c/K: at most K customers in the station (K ≥ c), arrivals beyond are lost.
Solved exactly from the birth–death balance equations; stable at any load.
*/
export function mmck(lambda: number, mu: number, c: number, capacity: number): StationTheory {
	if (!(capacity >= c)) throw new RangeError(`mmck: capacity ${capacity} must be at least the ${c} servers`);
	const a = lambda / mu;
	// Unnormalised p_n, built as ratios p_n / p_{n-1} = λ / (min(n, c) μ).
	const p = new Float64Array(capacity + 1);
	p[0] = 1;
	let total = 1;
	for (let n = 1; n <= capacity; n++) {
		p[n] = (p[n - 1]! * a) / Math.min(n, c);
		total += p[n]!;
	}
	let l = 0;
	let lq = 0;
	let waitMass = 0;
	for (let n = 0; n <= capacity; n++) {
		const pn = p[n]! / total;
		p[n] = pn;
		l += n * pn;
		if (n > c) lq += (n - c) * pn;
		if (n >= c && n < capacity) waitMass += pn;
	}
	const pBlock = p[capacity]!;
	const throughput = lambda * (1 - pBlock);
	return {rho: throughput / (c * mu), pWait: waitMass / (1 - pBlock), wq: lq / throughput, w: l / throughput, lq, l, pBlock, throughput};
}

/**
Mean time through a tandem of M/M/c stations fed by Poisson λ (Jackson: each
station sees Poisson λ, so the sojourns add).
*/
export function tandemMmcSojourn(lambda: number, stations: ReadonlyArray<{readonly mu: number; readonly c: number}>): number {
	return stations.reduce((sum, station) => sum + mmc(lambda, station.mu, station.c).w, 0);
}

