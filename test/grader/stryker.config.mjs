// Mutation testing of the grader: `npx stryker run test/grader/stryker.config.mjs --mutate "src/grader/compare.ts"`.
// Uses the grader's fast tests only (test/grader/vitest.mutate.config.ts); results kept in reports/grader.json.
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...base,
	vitest: {configFile: 'test/grader/vitest.mutate.config.ts'},
	mutate: ['src/grader/compare.ts', 'src/grader/split.ts', 'src/grader/screen.ts', 'src/grader/printable.ts', 'src/grader/format-table.ts', 'src/grader/answer.ts', 'src/grader/present-report.ts', 'src/grader/sql-gen.ts', 'src/grader/failure-kinds.ts', 'src/grader/checks.ts'],
	incrementalFile: 'reports/grader.json',
	concurrency: 1,
	htmlReporter: {fileName: 'reports/mutation-grader/index.html'},
	jsonReporter: {fileName: 'reports/mutation-grader/mutation.json'},
};
