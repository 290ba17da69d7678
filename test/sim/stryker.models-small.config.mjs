// Mutation testing of the small model files with their own unit tests (test/sim/vitest.models-small.config.ts):
// `nice -n 19 npx stryker run test/sim/stryker.models-small.config.mjs`. Results in reports/sim-models-small.json.
import sim from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...sim,
	vitest: {configFile: 'test/sim/vitest.models-small.config.ts'},
	mutate: ['src/sim/models/counts.ts', 'src/sim/models/cohorts.ts', 'src/sim/models/delay-line.ts', 'src/sim/models/birth-ledger.ts'],
	incrementalFile: 'reports/sim-models-small.json',
	htmlReporter: {fileName: 'reports/mutation-models-small/index.html'},
	jsonReporter: {fileName: 'reports/mutation-models-small/mutation.json'},
};
