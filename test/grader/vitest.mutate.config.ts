/**
Vitest config for mutation testing the grader (test/grader/stryker.config.mjs):
the grader's unit tests, and the grading tests with their runs played in this
process (DOJO_GRADE_IN_PROCESS, see test/helpers/grading-sandbox.ts), so the
code the sandbox child runs (run-job.ts, staging-guard.ts) is mutated and
seen too. The CLI tests run dist/, which Stryker does not mutate, and the
tests that need the child process itself (time and memory limits) are skipped
there (it.skipIf(inProcess)). The sandbox's own wiring (sandbox.ts, child-loop.ts)
is tested with stand-in children that start in milliseconds
(sandbox-wiring.test.ts) and in-process (child-loop.test.ts).
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/grader/compare.test.ts', 'test/grader/compare-edges.test.ts', 'test/grader/split.test.ts', 'test/grader/tokenize.test.ts', 'test/grader/answer.test.ts', 'test/grader/present.test.ts', 'test/grader/screen.test.ts', 'test/grader/sql-gen.test.ts', 'test/grader/failure-kinds.test.ts', 'test/grader/checks.test.ts', 'test/grader/exercises.test.ts', 'test/grader/design-checks.test.ts', 'test/grader/independent-wrong.test.ts', 'test/grader/hints.test.ts', 'test/grader/rule-coverage.test.ts', 'test/grader/sandbox.test.ts', 'test/grader/attacks.test.ts', 'test/grader/run-job.test.ts', 'test/grader/grade.test.ts', 'test/grader/present-task.test.ts', 'test/grader/staging-guard.test.ts', 'test/grader/design-sql.test.ts', 'test/grader/jobs.test.ts', 'test/grader/checks-verdicts.test.ts', 'test/grader/sandbox-wiring.test.ts', 'test/grader/child-loop.test.ts'],
		env: {DOJO_GRADE_IN_PROCESS: '1'},
		testTimeout: 30_000,
	},
});
