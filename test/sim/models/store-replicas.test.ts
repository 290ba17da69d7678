/**
Read replicas and key layout on a store built of nodes: reads that share a
node's capacity with writes, replicas that take them (at the price of a
replication lag readers see), failover to a replica when a primary is lost, and
a consistent-hashing ring against hash mod N when a node leaves.
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../../src/sim/analysis/capacity.js';
import {hashRing, nodeLayout, ringOwner} from '../../../src/sim/models/routing.js';
import {findScenario, loadCatalogue} from '../../../src/scenarios/catalogue.js';
import type {SystemDesignScenario} from '../../../src/scenarios/schema.js';
import {component, loginModel, parseModel, run} from '../helpers/pipeline-models.js';

const redis = (stage: Record<string, unknown>, rate: number, extra: Record<string, unknown> = {}) =>
	parseModel({source: {rate_per_s: rate, arrivals: 'constant'}, stages: [{id: 'cache', kind: 'cache', component: 'redis', latency: {dist: 'const', mean_ms: 1}, ...stage}], slo: {latency_p99_ms: 2000}, ...extra});

describe('reads share a Redis node with writes; replicas take them off the primary', () => {
	// One node serves 100,000 operations/s. 60,000 reads/s leave 40,000 for writes; with one replica
	// the reads split over primary and replica, 30,000 each, leaving 70,000.
	test('capacity on paper: 100,000 − 60,000 = 40,000 writes/s; with a replica 100,000 − 30,000 = 70,000', () => {
		expect(analyseCapacity(redis({nodes: 1, reads_per_s: 60_000}, 50_000)).maxLoadPerS).toBe(40_000);
		const replicated = analyseCapacity(redis({nodes: 1, reads_per_s: 60_000, read_replicas: 1}, 50_000)).stages[0]!;
		expect(replicated.maxLoadPerS).toBe(70_000);
		expect(replicated.limit).toBe('70,000 write requests/s (1 node × 100,000/s; minus 30,000 reads/s on the primaries (60,000 spread over primary + 1 replica))');
	});

	test('50,000 writes/s fall behind without the replica (10,000/s more than is left) and keep up with it', () => {
		const alone = run(redis({nodes: 1, reads_per_s: 60_000}, 50_000), {durationS: 120});
		expect(component(alone, 'cache').backlog_growth_per_s).toBeGreaterThan(9000);
		expect(component(alone, 'cache').backlog_growth_per_s).toBeLessThan(11_000);
		expect(alone.slo.met).toBe(false);
		expect(alone.bottleneck?.component).toBe('cache');
		const replicated = run(redis({nodes: 1, reads_per_s: 60_000, read_replicas: 1}, 50_000), {durationS: 120});
		expect(component(replicated, 'cache').backlog_growth_per_s).toBeLessThan(100);
		expect(replicated.slo.met).toBe(true);
	});

	test('a replica adds its replication lag to what readers see: 1 ms write + 100 ms lag', () => {
		const plain = run(redis({nodes: 1}, 1000), {durationS: 60});
		const replicated = run(redis({nodes: 1, read_replicas: 1}, 1000), {durationS: 60});
		expect(plain.end_to_end.latency_ms.p50).toBeLessThan(20);
		expect(replicated.end_to_end.latency_ms.p50 - plain.end_to_end.latency_ms.p50).toBeCloseTo(100, -1);
		const slower = run(redis({nodes: 1, read_replicas: 1, replica_lag_ms: 500}, 1000), {durationS: 60});
		expect(slower.end_to_end.latency_ms.p50 - plain.end_to_end.latency_ms.p50).toBeCloseTo(500, -1);
	});

	test('DynamoDB serves reads from read units, apart from writes: reads_per_s leaves its write capacity alone, with a note', () => {
		const table = parseModel({source: {rate_per_s: 100}, stages: [{id: 'table', kind: 'store', component: 'dynamodb', nodes: 2, reads_per_s: 50_000}]});
		expect(analyseCapacity(table).maxLoadPerS).toBe(2000);
		expect(run(table, {durationS: 30}).notes.join(' ')).toMatch(/table: dynamodb serves reads from separate capacity/);
	});
});

describe('losing the single Redis node: a replica fails over instead of the counters stopping', () => {
	const lose = [{at_s: 60, kind: 'lose_node', stage: 'counters'}] as const;

	test('with a replica nothing is lost and every event arrives; the outage is the 30 s failover, and the advice says so', () => {
		const model = loginModel('kds-lambda-redis', {counters: {read_replicas: 1}});
		const result = run({...model, injections: [...lose]}, {durationS: 240});
		expect(result.end_to_end.lost).toBe(0);
		expect(result.end_to_end.undelivered).toBe(0);
		expect(component(result, 'counters').details['failovers']).toBe(1);
		expect(result.notes).toContain('counters: 1 primary node lost at 60 s; a replica takes over after 30 s (failover_s)');
		// The writes of [60, 90) wait for the promotion: the screen is about 30 s behind for a while.
		expect(result.end_to_end.completeness_max_s).toBeGreaterThan(30);
		expect(result.capacity.max_load_per_s).toBeGreaterThan(0);
		expect(result.bottleneck?.component).toBe('counters');
		expect(result.bottleneck?.reason).toMatch(/lost a primary at 60 s and its replica took over after 30 s/);
	});

	test('must fail: without the replica the node is gone for good and the events pile up undelivered', () => {
		const result = run({...loginModel('kds-lambda-redis'), injections: [...lose]}, {durationS: 240});
		expect(result.end_to_end.undelivered).toBeGreaterThan(0);
		expect(result.capacity.max_load_per_s).toBe(0);
		expect(result.bottleneck?.reason).toMatch(/lost its only node at 60 s/);
	});

	test('a 5 s failover keeps the login counter inside its 15 s freshness target', () => {
		const model = loginModel('kds-lambda-redis', {counters: {read_replicas: 1, failover_s: 5}});
		const result = run({...model, injections: [...lose]}, {durationS: 240});
		expect(result.slo.met).toBe(true);
	});
});

describe('consistent hashing vs hash mod N', () => {
	test('mod N moves most keys when a node leaves: 4 → 3 keeps only hash mod 12 in {0, 1, 2}, so 75% move; 5 → 4 moves 80%', () => {
		expect(nodeLayout(4, {kind: 'mod'}).movedOnLoss).toBeCloseTo(0.75, 2);
		expect(nodeLayout(5, {kind: 'mod'}).movedOnLoss).toBeCloseTo(0.8, 2);
	});

	test("user-engagement's consistent-hashing card says what the layout does: 4 → 5 nodes moves 80% with mod N, about a fifth on a ring", () => {
		const card = (findScenario(loadCatalogue(), 'user-engagement') as SystemDesignScenario).cards.find((candidate) => candidate.id === 'consistent-hashing')!;
		expect(card.ask).toContain('about 80% of keys move');
		const right = card.answer.kind === 'choice' ? card.answer.options.find((option) => option.right)!.text : '';
		expect(right).toMatch(/about a fifth of the keys move/);
		// Growing 4 → 5 moves the same keys as shrinking 5 → 4: those whose hash mod 4 differs from hash mod 5.
		expect(nodeLayout(5, {kind: 'mod'}).movedOnLoss).toBeCloseTo(0.8, 2);
		expect(Math.abs(nodeLayout(5, {kind: 'ring', virtualNodes: 100}).movedOnLoss - 1 / 5)).toBeLessThan(0.07);
	});

	test('a ring with 100 points per node moves only the lost node\'s keys, about 1/N, to its neighbours', () => {
		for (const nodes of [4, 5, 10]) {
			const ring = nodeLayout(nodes, {kind: 'ring', virtualNodes: 100});
			expect(ring.movedOnLoss).toBeCloseTo(ring.shares[nodes - 1]!, 6);
			expect(Math.abs(ring.movedOnLoss - 1 / nodes)).toBeLessThan(0.35 / nodes);
		}
	});

	test('on the ring, keys of a lost node go to other nodes, and no other key moves', () => {
		const ring = hashRing(4, 100);
		let moved = 0;
		for (let i = 0; i < 2000; i++) {
			const unit = (i + 0.5) / 2000;
			const before = ringOwner(ring, unit);
			const after = ringOwner(ring, unit, new Set([2]));
			expect(after).not.toBe(2);
			if (before !== 2) expect(after).toBe(before);
			else moved++;
		}
		expect(moved).toBeGreaterThan(0);
	});

	test('few points per node give one node far more than 1/N: with 1 point each the fullest of 4 owns ~48%, and its capacity binds', () => {
		const one = nodeLayout(4, {kind: 'ring', virtualNodes: 1});
		expect(Math.max(...one.shares)).toBeGreaterThan(0.4);
		const many = nodeLayout(4, {kind: 'ring', virtualNodes: 100});
		expect(Math.max(...many.shares)).toBeLessThan(0.3);
		// Capacity: 4 × 100,000 × (1/4) / the fullest node's share.
		const capacity = (virtual_nodes: number) => analyseCapacity(redis({nodes: 4, hashing: 'ring', virtual_nodes}, 1000)).maxLoadPerS!;
		expect(capacity(1)).toBeCloseTo(100_000 / Math.max(...one.shares), 0);
		expect(capacity(100)).toBeCloseTo(100_000 / Math.max(...many.shares), 0);
		expect(analyseCapacity(redis({nodes: 4}, 1000)).maxLoadPerS).toBe(400_000);
	});

	test('losing a node of a 4-node cache reports how many keys move: ~25% on the ring, 75% with mod N', () => {
		const lose = {injections: [{at_s: 30, kind: 'lose_node', stage: 'cache'}]};
		const ring = run(redis({nodes: 4, hashing: 'ring'}, 1000, lose), {durationS: 60});
		expect(ring.notes.join(' ')).toMatch(/cache: 2\d(\.\d)?% of keys move to other nodes \(a hash ring moves only the lost node's keys\)/);
		const mod = run(redis({nodes: 4, hashing: 'mod'}, 1000, lose), {durationS: 60});
		expect(mod.notes.join(' ')).toMatch(/cache: 75% of keys move to other nodes \(hash mod N changes N, so most keys move\)/);
		expect(component(mod, 'cache').details['keys_moved_on_node_loss']).toBeCloseTo(0.75, 2);
	});
});
