/**
Vitest config for mutation testing the compute, store, collector and stage
models (test/sim/stryker.models-compute.config.mjs) with their quick unit tests:
short simulations of small models (test/sim/models/compute.test.ts,
store.test.ts, store-replicas.test.ts, collector.test.ts), each under a few
seconds. The built-in-architecture suites are left out, so the score is a lower
bound of what the whole sim suite kills.

MUT_TESTS (comma-separated paths) narrows the files, e.g. to compute.test.ts
alone when mutating compute.ts and compute-modes.ts: the store and collector
tests simulate built-in architectures that also run compute stages, and every
surviving mutant would re-run them (about 40 s a mutant on the shared machine).
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: process.env['MUT_TESTS']?.split(',') ?? ['test/sim/models/compute.test.ts', 'test/sim/models/store.test.ts', 'test/sim/models/store-replicas.test.ts', 'test/sim/models/collector.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
