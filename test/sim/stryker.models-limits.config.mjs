// Mutation testing of the rate limiters, API quotas and feeds with their quick tests (test/sim/vitest.models-limits.config.ts):
// `nice -n 19 npx stryker run test/sim/stryker.models-limits.config.mjs`. Results in reports/sim-models-limits.json.
import sim from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...sim,
	vitest: {configFile: 'test/sim/vitest.models-limits.config.ts'},
	mutate: ['src/sim/models/write-limiter.ts', 'src/sim/models/api-quota.ts', 'src/sim/models/quota-stage.ts', 'src/sim/models/feeds.ts'],
	incrementalFile: 'reports/sim-models-limits.json',
	htmlReporter: {fileName: 'reports/mutation-models-limits/index.html'},
	jsonReporter: {fileName: 'reports/mutation-models-limits/mutation.json'},
};
