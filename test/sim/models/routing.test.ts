/** How keys spread records over shards: the hot-key arithmetic a data engineer does by hand. */
import {describe, expect, test} from 'vitest';
import {hashUnit, hottest, keyLayout, shardOfKey, withHotKey} from '../../../src/sim/models/routing.js';

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
