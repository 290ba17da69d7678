/**
Vitest config for mutation testing the simulator (test/sim/stryker.config.mjs):
the simulator's fast tests only, so each mutant costs a second or two rather than a
minute. The unit tests that mirror src (test/sim/analysis/**, test/sim/models/**)
plus the hand-made slips (mutations, limits). The scenario-wide suites (scenarios,
behaviours, verdicts) simulate minutes of every built-in architecture per test and
cover nearly every mutant, so a surviving mutant would re-run all of them; the score
measured here is a lower bound of what the whole suite kills.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/sim/analysis/**/*.test.ts', 'test/sim/models/**/*.test.ts', 'test/sim/mutations.test.ts', 'test/sim/limits.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
