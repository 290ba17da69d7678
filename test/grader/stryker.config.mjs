// Mutation testing of the grader: `npx stryker run test/grader/stryker.config.mjs --mutate "src/grader/compare.ts"`.
// Uses the grader's fast tests only (test/grader/vitest.mutate.config.ts); results kept in reports/grader.json.
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...base,
	vitest: {configFile: 'test/grader/vitest.mutate.config.ts'},
	// Everything in src/grader but the child's process hooks (sandbox-child.ts: see test/grader/EQUIVALENT-MUTANTS.md) and the index.
	mutate: ['src/grader/*.ts', '!src/grader/index.ts', '!src/grader/sandbox-child.ts'],
	incrementalFile: 'reports/grader.json',
	concurrency: 1,
	htmlReporter: {fileName: 'reports/mutation-grader/index.html'},
	jsonReporter: {fileName: 'reports/mutation-grader/mutation.json'},
};
