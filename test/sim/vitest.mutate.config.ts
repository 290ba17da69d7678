/**
Vitest config for mutation testing the simulator (test/sim/stryker.config.mjs):
the unit tests that mirror src (test/sim/analysis/**, test/sim/models/**) only, so
each mutant costs a second or two rather than a minute. The scenario-wide suites
(scenarios, behaviours, verdicts, limits, mutations) simulate minutes of built-in
architectures per test and cover nearly every mutant, so each surviving mutant would
re-run all of them (about 20 s a mutant on the shared machine, hours for the 4,800).
The queueing-theory comparison (queue-station.theory) is left out too: its long runs
take 15 s or more a mutant when instrumented. The score measured here is a lower bound
of what the whole sim suite kills.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/sim/analysis/**/*.test.ts', 'test/sim/models/**/*.test.ts'],
		exclude: ['test/sim/models/queue-station.theory.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
