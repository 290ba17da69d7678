// Mutation testing of src/sim/analysis with its own unit tests only (the quick variant of test/sim/stryker.config.mjs):
// `npx stryker run test/sim/stryker.analysis.config.mjs --mutate "src/sim/analysis/capacity.ts"`. Results in reports/sim-analysis.json.
import sim from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...sim,
	vitest: {configFile: 'test/sim/vitest.analysis.config.ts'},
	mutate: ['src/sim/analysis/**/*.ts', '!src/sim/analysis/cost.ts'],
	incrementalFile: 'reports/sim-analysis.json',
};
