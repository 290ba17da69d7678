/**
Vitest config for mutation testing src/scenarios (test/scenarios/stryker.config.mjs):
the scenario tests, and the exercise-schema tests of the grader, which load and
validate exercises in this process. Most of src/scenarios is zod schemas built
when their module loads, so Stryker runs every one of these tests for each of
their mutants: the set is kept to the tests that read scenarios, leaving out the
CLI tests (test/commands/validate.test.ts and the like run dist/, which Stryker
does not mutate) and the round, simulator and grading tests, whose imports cost
seconds a mutant (api-shapes.test.ts among them).
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/scenarios/*.test.ts', 'test/grader/exercise-schema.test.ts'],
		// Its import of the round helpers (the simulator, xstate) costs seconds a run; it checks the built-in content, which catalogue.test.ts loads too.
		exclude: ['test/scenarios/api-shapes.test.ts'],
		testTimeout: 30_000,
	},
});
