/** How keys spread records over shards: the hot-key arithmetic a data engineer does by hand. */
import {describe, expect, test} from 'vitest';
import {hashRing, hashUnit, hottest, keyLayout, nodeLayout, ringOwner, shardOfKey, withHotKey} from '../../../src/sim/models/routing.js';

const sum = (shares: ArrayLike<number>) => Array.from(shares).reduce((total, share) => total + share, 0);

describe('hashing', () => {
	test('the same key always lands on the same shard, within range, and keys spread over all shards', () => {
		expect(hashUnit('country=US')).toBe(hashUnit('country=US'));
		expect(hashUnit('country=US')).not.toBe(hashUnit('country=DE'));
		const hits = new Array<number>(8).fill(0);
		for (let i = 0; i < 8000; i++) {
			const shard = shardOfKey('user_id', String(i), 8);
			expect(shard).toBeGreaterThanOrEqual(0);
			expect(shard).toBeLessThan(8);
			hits[shard]!++;
		}
		// 1,000 expected per shard; a Poisson spread of ±3σ is about ±95.
		for (const count of hits) expect(Math.abs(count - 1000)).toBeLessThan(120);
		for (let i = 0; i < 200; i++) {
			const unit = hashUnit(`k${i}`);
			expect(unit).toBeGreaterThanOrEqual(0);
			expect(unit).toBeLessThan(1);
		}
	});

	test('the hash is FNV-1a with a murmur finaliser: known values for the empty string and "a"', () => {
		// FNV-1a offset basis 0x811c9dc5, prime 0x01000193, then fmix32: computed independently in Python.
		expect(Math.round(hashUnit('') * 2 ** 32)).toBe(fmix32(0x811c9dc5));
		expect(Math.round(hashUnit('a') * 2 ** 32)).toBe(fmix32(Math.imul(0x811c9dc5 ^ 0x61, 0x01000193)));
	});
});

/** MurmurHash3's 32-bit finaliser, written out once more for the known-value check. */
function fmix32(value: number): number {
	let h = value;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

describe('key layouts', () => {
	const country = {country: {kind: 'categorical' as const, shares: {US: 0.4, DE: 0.2, FR: 0.2, GB: 0.2}}};

	test('random keys (or a field the source does not have) are perfectly even, with no top key', () => {
		for (const field of ['random', 'missing']) {
			const layout = keyLayout(field, country, 4);
			expect(Array.from(layout.shares)).toEqual([0.25, 0.25, 0.25, 0.25]);
			expect(layout.topKey).toBeUndefined();
		}
	});

	test('a categorical key: "US" is 40% of records, and its shard gets at least that; shares sum to 1', () => {
		const layout = keyLayout('country', country, 20);
		expect(layout.topKey).toEqual({value: 'US', share: 0.4});
		expect(sum(layout.shares)).toBeCloseTo(1, 12);
		const hot = hottest(layout.shares);
		expect(hot.shard).toBe(shardOfKey('country', 'US', 20));
		expect(hot.share).toBeGreaterThanOrEqual(0.4);
		// Each value's whole share lands on its own shard: 20 shards, 4 values, so at most 4 shards get anything.
		expect(Array.from(layout.shares).filter((share) => share > 0).length).toBeLessThanOrEqual(4);
	});

	test('the top key is the most frequent value, wherever it is listed; values with no share are skipped', () => {
		const layout = keyLayout('tier', {tier: {kind: 'categorical', shares: {free: 0.1, gold: 0, pro: 0.9}}}, 1);
		expect(layout.topKey).toEqual({value: 'pro', share: 0.9});
		expect(Array.from(layout.shares)).toEqual([1]);
	});

	test('a million uniform users spread evenly; each user is one in a million', () => {
		const layout = keyLayout('user_id', {user_id: {kind: 'uniform', cardinality: 1_000_000}}, 10);
		expect(Array.from(layout.shares)).toEqual(new Array(10).fill(0.1));
		expect(layout.topKey).toEqual({value: '0', share: 1e-6});
	});

	test('a few uniform keys are hashed one by one: 3 keys over 3 shards rarely land one each', () => {
		const layout = keyLayout('k', {k: {kind: 'uniform', cardinality: 3}}, 3);
		expect(sum(layout.shares)).toBeCloseTo(1, 12);
		const expected = new Array<number>(3).fill(0);
		for (let i = 0; i < 3; i++) expected[shardOfKey('k', String(i), 3)]! += 1 / 3;
		Array.from(layout.shares).forEach((share, shard) => expect(share).toBeCloseTo(expected[shard]!, 12));
		expect(layout.topKey?.share).toBeCloseTo(1 / 3, 12);
	});

	test('a Zipf key past 20,000 values: the head is hashed, the tail spread evenly, the top key is value 0', () => {
		const layout = keyLayout('page', {page: {kind: 'zipf', cardinality: 100_000, exponent: 1}}, 4);
		expect(sum(layout.shares)).toBeCloseTo(1, 12);
		// H(100,000) ≈ ln(100,000) + 0.5772 = 12.09, so the top page is about 8.3% of views.
		expect(layout.topKey?.value).toBe('0');
		expect(layout.topKey?.share).toBeCloseTo(1 / 12.09, 3);
		// Every shard gets at least its part of the evenly spread tail.
		for (const share of layout.shares) expect(share).toBeGreaterThan(0.02);
	});
});

describe('a key turning hot', () => {
	test('30% of events on one key: that shard gets 30% plus 70% of its old share; shares still sum to 1', () => {
		const even = new Float64Array([0.25, 0.25, 0.25, 0.25]);
		const hot = withHotKey(even, 'user_id', 'celebrity', 0.3);
		const shard = shardOfKey('user_id', 'celebrity', 4);
		expect(hot[shard]).toBeCloseTo(0.3 + 0.7 * 0.25, 12);
		for (let s = 0; s < 4; s++) if (s !== shard) expect(hot[s]).toBeCloseTo(0.7 * 0.25, 12);
		expect(sum(hot)).toBeCloseTo(1, 12);
		expect(Array.from(even)).toEqual([0.25, 0.25, 0.25, 0.25]);
	});

	test('hottest picks the largest share (the first of equals), and an empty layout has none', () => {
		expect(hottest([0.1, 0.5, 0.4])).toEqual({shard: 1, share: 0.5});
		expect(hottest([0.2, 0.3, 0.5])).toEqual({shard: 2, share: 0.5});
		expect(hottest([0.5, 0.5])).toEqual({shard: 0, share: 0.5});
		expect(hottest([])).toEqual({shard: 0, share: 0});
	});
});

describe('known hashes of longer keys', () => {
	test('"ab" and "country=US" hash to the values FNV-1a + fmix32 gives (computed independently in Python)', () => {
		// Python: h = 0x811c9dc5; for each byte: h ^= b; h = h * 0x01000193 mod 2³²; then fmix32, over 2³².
		expect(Math.round(hashUnit('ab') * 2 ** 32)).toBe(2_563_531_789);
		expect(Math.round(hashUnit('country=US') * 2 ** 32)).toBe(1_651_689_639);
		expect(shardOfKey('country', 'US', 4)).toBe(1); // 0.3846 × 4 = 1.54
		expect(shardOfKey('country', 'US', 1)).toBe(0);
	});
});

describe('key layouts at the edges', () => {
	test('20,000 uniform keys are still hashed one by one (uneven to within a few percent); 20,001 are spread exactly evenly', () => {
		const hashed = keyLayout('user_id', {user_id: {kind: 'uniform', cardinality: 20_000}}, 4);
		const expected = new Array<number>(4).fill(0);
		for (let i = 0; i < 20_000; i++) expected[shardOfKey('user_id', String(i), 4)]! += 1 / 20_000;
		Array.from(hashed.shares).forEach((share, shard) => expect(share).toBeCloseTo(expected[shard]!, 9));
		expect(Array.from(hashed.shares)).not.toEqual([0.25, 0.25, 0.25, 0.25]);
		expect(hashed.topKey).toEqual({value: '0', share: 1 / 20_000});
		expect(Array.from(keyLayout('user_id', {user_id: {kind: 'uniform', cardinality: 20_001}}, 4).shares)).toEqual([0.25, 0.25, 0.25, 0.25]);
	});

	test('partition_key "random" is a random key per record even when the source has a field named "random"', () => {
		const layout = keyLayout('random', {random: {kind: 'categorical', shares: {a: 0.9, b: 0.1}}}, 2);
		expect(Array.from(layout.shares)).toEqual([0.5, 0.5]);
		expect(layout.topKey).toBeUndefined();
	});

	test('of equally frequent values the top key is the first listed', () => {
		expect(keyLayout('tier', {tier: {kind: 'categorical', shares: {free: 0.5, pro: 0.5}}}, 2).topKey).toEqual({value: 'free', share: 0.5});
		expect(keyLayout('k', {k: {kind: 'uniform', cardinality: 3}}, 3).topKey?.value).toBe('0');
	});

	test('a Zipf tail past 20,000 values is spread evenly: the shards get the hashed head plus a quarter of the rest each', () => {
		const layout = keyLayout('page', {page: {kind: 'zipf', cardinality: 100_000, exponent: 1}}, 4);
		// H(n) = Σ 1/k; the head (k ≤ 20,000) carries H(20,000) / H(100,000) of views, the tail the rest.
		let head = 0;
		let all = 0;
		for (let k = 1; k <= 100_000; k++) {
			all += 1 / k;
			if (k <= 20_000) head += 1 / k;
		}
		const expected = new Array<number>(4).fill((1 - head / all) / 4);
		for (let i = 0; i < 20_000; i++) expected[shardOfKey('page', String(i), 4)]! += 1 / (i + 1) / all;
		Array.from(layout.shares).forEach((share, shard) => expect(share).toBeCloseTo(expected[shard]!, 6));
	});
});

describe('the consistent-hashing ring and node layouts', () => {
	test('the ring has every node\'s points in order; a key belongs to the first point at or after it, wrapping to the first', () => {
		const ring = hashRing(3, 10);
		expect(ring.points.length).toBe(30);
		for (let i = 1; i < 30; i++) expect(ring.points[i]!).toBeGreaterThan(ring.points[i - 1]!);
		expect([0, 1, 2].map((node) => Array.from(ring.owners).filter((owner) => owner === node).length)).toEqual([10, 10, 10]);
		// node-0#0 hashes to 0.33535 (Python, as above): it is one of node 0's points.
		expect(Array.from(ring.points).some((point, i) => Math.abs(point - 0.335_349_406) < 1e-9 && ring.owners[i] === 0)).toBe(true);
		for (let i = 0; i < 30; i++) {
			expect(ringOwner(ring, ring.points[i]!)).toBe(ring.owners[i]);
			if (i > 0) expect(ringOwner(ring, (ring.points[i - 1]! + ring.points[i]!) / 2)).toBe(ring.owners[i]);
		}
		expect(ringOwner(ring, 0)).toBe(ring.owners[0]);
		expect(ringOwner(ring, ring.points[29]! + 1e-9)).toBe(ring.owners[0]);
		// With every node down nobody owns the key.
		expect(ringOwner(ring, 0.5, new Set([0, 1, 2]))).toBe(-1);
	});

	test('hash mod N: each of 4 nodes gets about a quarter of the keys; 2 → 1 node moves the half whose hash is odd; a single node loses all', () => {
		const four = nodeLayout(4, {kind: 'mod'});
		expect(sum(four.shares)).toBeCloseTo(1, 9);
		// 20,000 keys: a quarter is 5,000 ± 3σ ≈ 185.
		for (const share of four.shares) expect(Math.abs(share - 0.25)).toBeLessThan(0.01);
		expect(nodeLayout(2, {kind: 'mod'}).movedOnLoss).toBeCloseTo(0.5, 1);
		for (const hashing of [{kind: 'mod'}, {kind: 'ring', virtualNodes: 100}] as const) {
			const one = nodeLayout(1, hashing);
			expect(one.shares.length).toBe(1);
			expect(one.shares[0]).toBeCloseTo(1, 9);
			expect(one.movedOnLoss).toBe(1);
		}
	});
});
