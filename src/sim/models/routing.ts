/**
Which shard a record lands on: the partition key's value is hashed, and each
shard owns an equal slice of the hash range (as Kinesis splits a new stream's
hash-key range, and as Kafka's default partitioner spreads keys). So a key
that one event in three carries sends one event in three to a single shard,
however many shards there are: the hot-key problem.

Shares are computed once per key layout: the fraction of events each shard
receives. Keys with large cardinality are spread evenly; the hottest keys (all
categorical values, the top of a Zipf) are hashed one by one.
*/
import type {KeyDistribution} from '../../scenarios/model-schema.js';
import {keySamplerFromSpec} from '../kernel/distributions.js';

/** Keys hashed one by one; past this, the rest of the distribution is spread evenly. */
const HASHED_KEYS = 20_000;

/** A deterministic 32-bit hash of a string (FNV-1a with a murmur finaliser), in [0, 1). */
export function hashUnit(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return (h >>> 0) / 4294967296;
}

/** The shard a key value hashes to among `shards`. */
export function shardOfKey(field: string, value: string, shards: number): number {
	return Math.min(shards - 1, Math.floor(hashUnit(`${field}=${value}`) * shards));
}

/** How a partition key spreads events over shards. */
export type KeyLayout = {
	/** Fraction of events per shard; sums to 1. */
	readonly shares: Float64Array;
	/** The single most frequent key value and its share of events (undefined for random keys). */
	readonly topKey?: {readonly value: string; readonly share: number};
};

/**
The share of events each of `shards` shards receives when records are keyed by
`field` drawn from `keys` ("random" = a random key per record, perfectly even).
*/
export function keyLayout(field: string, keys: Readonly<Record<string, KeyDistribution>>, shards: number): KeyLayout {
	const shares = new Float64Array(shards);
	const spec = field === 'random' ? undefined : keys[field];
	if (spec === undefined) {
		shares.fill(1 / shards);
		return {shares};
	}
	if (spec.kind === 'uniform' && spec.cardinality > HASHED_KEYS) {
		// Many equally likely keys: each shard's share is 1/shards to within a fraction of a percent.
		shares.fill(1 / shards);
		return {shares, topKey: {value: '0', share: 1 / spec.cardinality}};
	}
	const sampler = keySamplerFromSpec(spec);
	const labels = spec.kind === 'categorical' ? Object.keys(spec.shares) : undefined;
	const hashed = Math.min(sampler.cardinality, HASHED_KEYS);
	let spread = 1;
	let top = {value: labels?.[0] ?? '0', share: 0};
	for (let i = 0; i < hashed; i++) {
		const share = sampler.probability(i);
		if (!(share > 0)) continue;
		const value = labels?.[i] ?? String(i);
		shares[shardOfKey(field, value, shards)]! += share;
		spread -= share;
		if (share > top.share) top = {value, share};
	}
	if (spread > 0) for (let s = 0; s < shards; s++) shares[s]! += spread / shards;
	normalise(shares);
	return {shares, topKey: top};
}

/**
Adds a hot key: from now on `share` of events carry `value`, which hashes to one
shard; the rest keep their old spread. Returns new shares.
*/
export function withHotKey(shares: Float64Array, field: string, value: string, share: number): Float64Array {
	const out = new Float64Array(shares.length);
	for (let s = 0; s < shares.length; s++) out[s] = shares[s]! * (1 - share);
	out[shardOfKey(field, value, shares.length)]! += share;
	return out;
}

/** The largest share and the shard that has it. */
export function hottest(shares: ArrayLike<number>): {shard: number; share: number} {
	let shard = 0;
	for (let s = 1; s < shares.length; s++) if (shares[s]! > shares[shard]!) shard = s;
	return {shard, share: shares[shard] ?? 0};
}

function normalise(shares: Float64Array): void {
	let total = 0;
	for (const share of shares) total += share;
	if (total > 0) for (let s = 0; s < shares.length; s++) shares[s]! /= total;
}

/**
A consistent-hashing ring: each of `nodes` nodes places `virtualNodes` points
on the unit circle (hashes of "node#point"), and a key belongs to the first
point at or after its own hash, wrapping around. Returns the sorted points and
their owners.
*/
export function hashRing(nodes: number, virtualNodes: number): {readonly points: Float64Array; readonly owners: Int32Array} {
	const entries: Array<[number, number]> = [];
	for (let node = 0; node < nodes; node++) for (let point = 0; point < virtualNodes; point++) entries.push([hashUnit(`node-${node}#${point}`), node]);
	entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	return {points: Float64Array.from(entries, (entry) => entry[0]), owners: Int32Array.from(entries, (entry) => entry[1])};
}

/** The node owning hash `unit` on a ring, skipping nodes marked down. */
export function ringOwner(ring: ReturnType<typeof hashRing>, unit: number, down?: ReadonlySet<number>): number {
	const {points, owners} = ring;
	let low = 0;
	let high = points.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (points[middle]! < unit) low = middle + 1;
		else high = middle;
	}
	for (let step = 0; step < points.length; step++) {
		const owner = owners[(low + step) % points.length]!;
		if (!down?.has(owner)) return owner;
	}
	return -1;
}

/** How keys are spread over a store's nodes: hash mod N, or a consistent-hashing ring. */
export type NodeHashing = {readonly kind: 'mod'} | {readonly kind: 'ring'; readonly virtualNodes: number};

/** Keys sampled to measure a node layout: enough for shares within about a percent. */
const LAYOUT_KEYS = 20_000;

/** The node a key goes to among `nodes` (`down`: nodes that are gone; mod N then counts only the live ones). */
function nodeOfKey(key: string, nodes: number, hashing: NodeHashing, ring: ReturnType<typeof hashRing> | undefined, down: ReadonlySet<number>): number {
	const unit = hashUnit(key);
	if (hashing.kind === 'ring') return ringOwner(ring!, unit, down);
	const live = nodes - down.size;
	// hash mod N over the 32-bit hash: N changes when a node leaves, so most keys change node.
	return Math.floor(unit * 4294967296) % live;
}

/**
The key layout over a store's nodes, and what losing one node does to it: each
node's share of keys, and the share of keys that change node when the last node leaves
(ring: only the lost node's, about 1/N; mod N: all but those whose hash mod N
equals hash mod N−1, e.g. 75% from 4 to 3 nodes).
*/
export function nodeLayout(nodes: number, hashing: NodeHashing): {readonly shares: Float64Array; readonly movedOnLoss: number} {
	const ring = hashing.kind === 'ring' ? hashRing(nodes, hashing.virtualNodes) : undefined;
	const shares = new Float64Array(nodes);
	const none = new Set<number>();
	const lost = new Set([nodes - 1]);
	let moved = 0;
	for (let i = 0; i < LAYOUT_KEYS; i++) {
		const key = `key-${i}`;
		const before = nodeOfKey(key, nodes, hashing, ring, none);
		shares[before]! += 1 / LAYOUT_KEYS;
		if (nodes < 2) continue;
		// With the last node gone, mod N becomes mod N−1 over nodes 0..N−2, which keep their numbers.
		if (nodeOfKey(key, nodes, hashing, ring, lost) !== before) moved++;
	}
	return {shares, movedOnLoss: nodes < 2 ? 1 : moved / LAYOUT_KEYS};
}
