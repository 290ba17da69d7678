// Mutation testing of the scenario files' schema, rules and loader:
// `npx stryker run test/scenarios/stryker.config.mjs --mutate "src/scenarios/units.ts"`.
// Uses the fast tests that read scenarios in process (test/scenarios/vitest.mutate.config.ts); results kept in reports/scenarios.json.
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...base,
	vitest: {configFile: 'test/scenarios/vitest.mutate.config.ts'},
	mutate: ['src/scenarios/*.ts'],
	incrementalFile: 'reports/scenarios.json',
	concurrency: 1,
	htmlReporter: {fileName: 'reports/mutation-scenarios/index.html'},
	jsonReporter: {fileName: 'reports/mutation-scenarios/mutation.json'},
};
