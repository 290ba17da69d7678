// Mutation testing of compute, compute-modes, store, collector and stage with their quick tests
// (test/sim/vitest.models-compute.config.ts), one file at a time:
// `npx stryker run test/sim/stryker.models-compute.config.mjs --mutate src/sim/models/compute.ts`.
// Results in reports/sim-models-compute.json; scores: `node scripts/mutation-score.mjs reports/sim-models-compute.json`.
import sim from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...sim,
	vitest: {configFile: 'test/sim/vitest.models-compute.config.ts'},
	mutate: ['src/sim/models/compute.ts', 'src/sim/models/compute-modes.ts', 'src/sim/models/store.ts', 'src/sim/models/collector.ts', 'src/sim/models/stage.ts'],
	incrementalFile: 'reports/sim-models-compute.json',
	htmlReporter: {fileName: 'reports/mutation-models-compute/index.html'},
	jsonReporter: {fileName: 'reports/mutation-models-compute/mutation.json'},
};
