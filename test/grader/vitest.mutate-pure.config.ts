/**
Vitest config for mutation testing the grader's pure modules (compare, split,
screen, printable, format-table, answer, present-report, sql-gen) quickly:
only the unit tests that import them, plus the hostile-answer and job tests
that reach them in-process (test/grader/stryker.mutate-pure.config.mjs). The
full grader config (vitest.mutate.config.ts) runs more tests that reach these
modules through checks.ts and grade.ts, so a score measured here is a lower
bound of what the grader's suite kills.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/grader/compare.test.ts', 'test/grader/compare-edges.test.ts', 'test/grader/failure-kinds.test.ts', 'test/grader/present.test.ts', 'test/grader/split.test.ts', 'test/grader/tokenize.test.ts', 'test/grader/screen.test.ts', 'test/grader/answer.test.ts', 'test/grader/sql-gen.test.ts', 'test/grader/attacks.test.ts', 'test/grader/jobs.test.ts'],
		env: {DOJO_GRADE_IN_PROCESS: '1'},
		testTimeout: 30_000,
	},
});
