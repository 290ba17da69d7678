// Mutation testing of the results view's components and the follower:
// `npx stryker run test/ui/stryker.config.mjs`. Uses their fast tests only
// (test/ui/vitest.mutate.config.ts); results kept in reports/ui.json.
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...base,
	vitest: {configFile: 'test/ui/vitest.mutate.config.ts'},
	mutate: ['src/ui/components/*.ts', 'src/ui/follow.ts'],
	incrementalFile: 'reports/ui.json',
	concurrency: 1,
	htmlReporter: {fileName: 'reports/mutation-ui/index.html'},
	jsonReporter: {fileName: 'reports/mutation-ui/mutation.json'},
};
