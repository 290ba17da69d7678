// Mutation testing of the grader's pure modules, one file at a time:
// `npx stryker run test/grader/stryker.mutate-pure.config.mjs --mutate src/grader/compare.ts --incrementalFile reports/gr-compare.json`.
// Same as test/grader/stryker.config.mjs but with the narrower test set of test/grader/vitest.mutate-pure.config.ts (a lower bound).
import grader from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...grader,
	vitest: {configFile: 'test/grader/vitest.mutate-pure.config.ts'},
	mutate: ['src/grader/compare.ts', 'src/grader/split.ts', 'src/grader/screen.ts', 'src/grader/printable.ts', 'src/grader/format-table.ts', 'src/grader/answer.ts', 'src/grader/present-report.ts', 'src/grader/sql-gen.ts'],
	incrementalFile: 'reports/grader-pure.json',
	htmlReporter: {fileName: 'reports/mutation-grader-pure/index.html'},
	jsonReporter: {fileName: 'reports/mutation-grader-pure/mutation.json'},
};
