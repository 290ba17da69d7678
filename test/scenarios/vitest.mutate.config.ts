/**
Vitest config for mutation testing src/scenarios (test/scenarios/stryker.config.mjs):
the scenario tests, and the other fast tests that load, validate or read
scenarios in this process. The CLI tests (test/commands/validate.test.ts and
the like) run dist/, which Stryker does not mutate, so they are left out; so
are the simulator and grading tests, whose seconds of runs would be spent on
every mutant of a schema built when its module loads.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/scenarios/*.test.ts', 'test/flow/cards.test.ts', 'test/grader/exercise-schema.test.ts', 'test/sim/models/api-quota.test.ts', 'test/sim/models/queue-station.test.ts'],
		testTimeout: 30_000,
	},
});
