/**
Bottleneck advice that was wrong in corners mutation testing exposed (issue 10,
item 6): each case states what a user should read, and failed on the code as it
was when written (commit b85f748).
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../src/sim/analysis/capacity.js';
import {bottleneckOf} from './helpers/verdict-inputs.js';
import {parseModel} from './helpers/model-file.js';

describe('bottleneck advice in corners', () => {
	test('the shard count advised for a skewed key is the fewest that carries the load (18 of 20 equal key values at 5,250/s, not 27)', () => {
		const keys = {tw: {kind: 'categorical', shares: Object.fromEntries(Array.from({length: 20}, (_, i) => [`w${i}`, 0.05]))}};
		const design = (shards: number) => ({source: {rate_per_s: 5250, keys}, stages: [{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards, partition_key: 'tw'}]});
		const carries = (shards: number) => analyseCapacity(parseModel(design(shards))).maxLoadPerS! >= 5250;
		// The premise, from the capacity analysis: 18 shards carry 5,250/s; no count from ceil(5.25) = 6 to 17 does.
		expect(carries(18)).toBe(true);
		for (let shards = 6; shards < 18; shards++) expect(carries(shards)).toBe(false);
		// shardsNeeded steps by ×1.1 past 10 shards (…, 15, 17, 19, 21, 24, 27) and skips 18: it advises 27, 50% too many.
		expect(bottleneckOf(design(2), 5250)?.suggestion).toBe('needs at least 18 shards for 5,250 records/s of 200 B; has 2');
	});

	test('a collector fleet overloaded just under its max asks for more instances than it has (19,990 of 20,000/s at a 100% target)', () => {
		// 10 × 2,000 = 20,000/s; 19,990 is above 99.9% of it, so it counts as overloaded, and the fix said "at least 10" to a fleet of 10.
		const suggestion = bottleneckOf({source: {rate_per_s: 19_990}, stages: [{id: 'front', kind: 'collector', min_instances: 2, max_instances: 10, target_utilization: 1}]}, 19_990)?.suggestion ?? '';
		const advised = Number(/^raise max_instances to at least ([\d,]+)/.exec(suggestion)?.[1]?.replace(/,/g, ''));
		expect(advised).toBeGreaterThan(10);
	});

	test("a Postgres primary whose reads (650/s) leave 50 of its 700 writes/s is not told it needs the 1 primary it has", () => {
		// Capacity (analyseCapacity) counts the reads: 700 − 650 = 50 writes/s left, under the 100/s offered.
		const design = {source: {rate_per_s: 100}, stages: [{id: 'db', kind: 'store', component: 'postgres', write_capacity_per_s: 700, reads_per_s: 650}]};
		expect(analyseCapacity(parseModel(design)).maxLoadPerS).toBe(50);
		const verdict = bottleneckOf(design, 100);
		// It said: "postgres takes 700 write requests/s (1 primary × 700/s); it gets 100/s" and "needs at least 1 primary for 100 writes/s; has 1".
		expect(verdict?.reason).not.toMatch(/takes 700 write requests\/s/);
		expect(verdict?.suggestion).not.toMatch(/needs at least 1 primary for 100 writes\/s; has 1/);
	});

	test('an on-demand stream at exactly its hot key\'s limit (2,500/s, "US" 40% = 1,000/s on one shard) names the key, not the scaling lag', () => {
		// It said "it started at 4,000 records/s and got 2,500/s" (less than it started at) and advised 3 provisioned shards,
		// on which country puts 80% on one shard.
		const keys = {country: {kind: 'categorical', shares: {US: 0.4, DE: 0.2, FR: 0.2, GB: 0.2}}};
		const verdict = bottleneckOf({source: {rate_per_s: 2500, keys}, stages: [{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', mode: 'on_demand', partition_key: 'country'}]}, 2500);
		expect(verdict?.reason).toMatch(/^partition key country sends 40% of records \("US"\) to one shard/);
	});
});

describe('advice for a stream at exactly its limit', () => {
	test('a country key on 2 shards at 1,666/s is told 4 shards, not 3 (where the hottest shard gets 80%); must fail: "one more shard"', () => {
		const keys = {country: {kind: 'categorical', shares: {US: 0.4, DE: 0.2, FR: 0.2, GB: 0.2}}};
		const design = (shards: number) => ({source: {rate_per_s: 1666, keys}, stages: [{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', shards, partition_key: 'country'}]});
		// The premise: 2 shards carry 1,000 / 0.6 = 1,667/s, 3 shards only 1,000 / 0.8 = 1,250/s, 4 shards 2,500/s.
		expect(analyseCapacity(parseModel(design(2))).maxLoadPerS).toBeCloseTo(1666.67, 1);
		expect(analyseCapacity(parseModel(design(3))).maxLoadPerS).toBeCloseTo(1250, 6);
		const verdict = bottleneckOf(design(2), 1666, {stages: {ingest: {throttled: 5000}}});
		expect(verdict?.suggestion).toMatch(/^needs at least 4 shards for 1,666 records\/s/);
	});
});
