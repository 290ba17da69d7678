/** Replications of a queue-only model: one seed, each replication on its own streams (as the pipeline engine numbers them). */
import {describe, expect, test} from 'vitest';
import {runQueueOnly} from '../../src/sim/queue-adapter.js';
import {runQueueNetwork} from '../../src/sim/models/queue-station.js';
import {queueModel} from './helpers/queue-models.js';

const model = queueModel(3.2, [{servers: 4, service: {dist: 'exp', mean_ms: 1000}}]);
const job = (seed: number, replication: number) => runQueueOnly({model, seed, replication, ratePerS: 3.2, durationS: 2000, warmupS: 200});

describe('queue-only replications', () => {
	test('replication 0 is the plain run of the seed', () => {
		const plain = runQueueNetwork(model, {seed: 5, duration_s: 2000, warmupFraction: 0.1});
		expect(job(5, 0).events_simulated).toBe(plain.events_simulated);
	});

	test('replication 1 of seed 1 is not the plain run of another seed; must fail: seeds + 1,000,003 × r made seed 1, r 1 the same run as seed 1,000,004', () => {
		const replicated = job(1, 1);
		expect(replicated.end_to_end).not.toEqual(job(1_000_004, 0).end_to_end);
		expect(replicated.end_to_end).not.toEqual(job(1, 0).end_to_end);
		// Deterministic: the same seed and replication give the same numbers.
		expect(job(1, 1).end_to_end).toEqual(replicated.end_to_end);
	});
});
