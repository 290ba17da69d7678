/**
Vitest config for mutation testing the small model files (test/sim/stryker.models-small.config.mjs):
counts, cohorts, delay-line and birth-ledger with their own unit tests only, which
simulate no pipeline, so each mutant costs a second or two. The whole-sim config
(test/sim/vitest.mutate.config.ts) also runs the stage tests that use these files;
the score measured here is a lower bound of what that kills.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/sim/models/counts.test.ts', 'test/sim/models/cohorts.test.ts', 'test/sim/models/delay-line.test.ts', 'test/sim/models/birth-ledger.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
