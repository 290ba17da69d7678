/**
Vitest config for mutation testing the grader (test/grader/stryker.config.mjs):
the grader's unit tests only. The CLI tests run dist/, which Stryker does not
mutate, and the tests that grade in the sandbox take seconds per mutant.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/grader/compare.test.ts', 'test/grader/compare-edges.test.ts', 'test/grader/split.test.ts', 'test/grader/tokenize.test.ts', 'test/grader/answer.test.ts', 'test/grader/present.test.ts', 'test/grader/screen.test.ts', 'test/grader/sql-gen.test.ts', 'test/grader/failure-kinds.test.ts', 'test/grader/checks.test.ts'],
		testTimeout: 30_000,
	},
});
