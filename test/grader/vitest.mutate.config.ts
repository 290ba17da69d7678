/**
Vitest config for mutation testing the grader (test/grader/stryker.config.mjs):
the grader's fast tests only. The CLI tests run dist/, which Stryker does not
mutate, and the sandbox's time-limit tests would make every mutant wait.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/grader/compare.test.ts', 'test/grader/split.test.ts', 'test/grader/sql-gen.test.ts', 'test/grader/attacks.test.ts', 'test/grader/exercise-schema.test.ts', 'test/grader/present.test.ts'],
		testTimeout: 30_000,
	},
});
