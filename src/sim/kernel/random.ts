/**
Seeded random numbers for the simulator: xoshiro128** on 32-bit integer ops.

Think of a casino with one sealed deck per table: every source of randomness in
a model (the arrival process, each station's service times, routing, keys) draws
from its own stream, so changing one table's game never reshuffles another's.
That gives common random numbers across what-ifs and byte-identical runs for a
seed. `Math.random` is never used.

Invariants: the same (seed, stream) always yields the same sequence; streams
are seeded through splitmix32 from a hash of both numbers, so neighbouring
seeds or streams do not produce related sequences.
*/

/** 2^-32: turns a 32-bit unsigned integer into a fraction. */
const INV_2_32 = 2.3283064365386963e-10;

/** murmur3's 32-bit finaliser: spreads every input bit over every output bit. */
function fmix32(value: number): number {
	let h = value | 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h | 0;
}

/** A 32-bit hash of (seed, stream); seeds may be any safe integer, including negative ones. */
function mixSeed(seed: number, stream: number): number {
	const lo = seed >>> 0;
	const hi = Math.floor(seed / 4294967296) | 0;
	let h = fmix32(lo ^ fmix32(hi + 0x632be5ab));
	h = fmix32(h ^ Math.imul((stream | 0) + 1, 0x9e3779b9));
	return h;
}

/**
One independent stream of uniform random numbers (xoshiro128**, period 2^128 − 1).

Create one per source of randomness: `new Random(seed, streamId)`.
*/
/**
Random streams each replication owns: replication r of a run uses streams
r × REPLICATION_STREAMS up to the next multiple, all of one seed, so
replications are independent and replication 0 is the plain run. Both
engines (the pipeline's and the exact queueing network's) number their
streams this way.
*/
export const REPLICATION_STREAMS = 4096;

export class Random {
	/** The seed this stream was made from. */
	readonly seed: number;
	/** The stream id within the seed. */
	readonly stream: number;
	private s0: number;
	private s1: number;
	private s2: number;
	private s3: number;

	constructor(seed: number, stream: number) {
		if (!Number.isFinite(seed) || !Number.isFinite(stream)) throw new RangeError(`Random: seed and stream must be finite numbers; got ${seed}, ${stream}`);
		this.seed = Math.trunc(seed);
		this.stream = Math.trunc(stream);
		// splitmix32 expands the 32-bit hash into the 128-bit state.
		let a = mixSeed(this.seed, this.stream);
		const next = (): number => {
			a = (a + 0x9e3779b9) | 0;
			let t = a ^ (a >>> 16);
			t = Math.imul(t, 0x21f0aaad);
			t ^= t >>> 15;
			t = Math.imul(t, 0x735a2d97);
			return (t ^ (t >>> 15)) | 0;
		};
		this.s0 = next();
		this.s1 = next();
		this.s2 = next();
		this.s3 = next();
		// An all-zero state would only ever produce zeros.
		if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
	}

	/** The next raw 32-bit output, as an unsigned integer in [0, 2^32). */
	nextUint32(): number {
		const s1 = this.s1;
		const x = Math.imul(s1, 5);
		const result = Math.imul((x << 7) | (x >>> 25), 9);
		const t = s1 << 9;
		this.s2 ^= this.s0;
		this.s3 ^= s1;
		this.s1 = s1 ^ this.s2;
		this.s0 ^= this.s3;
		this.s2 ^= t;
		this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
		return result >>> 0;
	}

	/** A uniform number in [0, 1) with 32 random bits. */
	next(): number {
		return this.nextUint32() * INV_2_32;
	}

	/** A uniform number in (0, 1]: safe for `-Math.log(u)`, which is then finite. */
	nextOpen(): number {
		return (this.nextUint32() + 1) * INV_2_32;
	}

	/** A uniform number in (0, 1), never 0 or 1: safe for inverse CDFs with infinite tails on both sides. */
	nextMid(): number {
		return (this.nextUint32() + 0.5) * INV_2_32;
	}

	/** A uniform integer in [0, n) for 1 ≤ n ≤ 2^32 (bias below 2^-32 · n, negligible for simulation). */
	int(n: number): number {
		return Math.floor(this.nextUint32() * INV_2_32 * n);
	}

	/**
	An independent child stream, derived from this stream's seed and id and `stream`.
	Forking the same parent with the same id always gives the same child.
	*/
	fork(stream: number): Random {
		return new Random(this.seed, fmix32(Math.imul(this.stream + 1, 0x27d4eb2d) ^ fmix32(stream | 0)));
	}
}
