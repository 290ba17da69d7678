// Mutation testing of src/sim/analysis/cost.ts with its hand-built unit tests only (test/sim/vitest.cost.config.ts):
// `nice -n 19 npx stryker run test/sim/stryker.cost.config.mjs`. Results in reports/sim-cost.json.
import sim from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...sim,
	vitest: {configFile: 'test/sim/vitest.cost.config.ts'},
	mutate: ['src/sim/analysis/cost.ts'],
	incrementalFile: 'reports/sim-cost.json',
	htmlReporter: {fileName: 'reports/mutation-cost/index.html'},
	jsonReporter: {fileName: 'reports/mutation-cost/mutation.json'},
};
