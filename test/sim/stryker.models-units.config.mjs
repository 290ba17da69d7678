// Mutation testing of the plan, routing, dashboard and store profiles with their quick tests (test/sim/vitest.models-units.config.ts):
// `nice -n 19 npx stryker run test/sim/stryker.models-units.config.mjs`. Results in reports/sim-models-units.json.
import sim from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...sim,
	vitest: {configFile: 'test/sim/vitest.models-units.config.ts'},
	mutate: ['src/sim/models/plan.ts', 'src/sim/models/routing.ts', 'src/sim/models/dashboard.ts', 'src/sim/models/store-profiles.ts'],
	incrementalFile: 'reports/sim-models-units.json',
	htmlReporter: {fileName: 'reports/mutation-models-units/index.html'},
	jsonReporter: {fileName: 'reports/mutation-models-units/mutation.json'},
};
