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
import {BaseSequencer, type TestSpecification} from 'vitest/node';

/**
Quick files first: the analysis tests (no simulation) before the model tests that run
short simulations, so a mutant one of them kills stops (bail) before the slow ones start.
Vitest's default puts the slowest files first.
*/
class QuickFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const rank = (spec: TestSpecification) => (spec.moduleId.includes('/test/sim/analysis/') ? 0 : 1);
		return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
	}
}

export default defineConfig({
	test: {
		include: ['test/sim/analysis/**/*.test.ts', 'test/sim/models/**/*.test.ts'],
		exclude: ['test/sim/models/queue-station.theory.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
		sequence: {sequencer: QuickFirst},
	},
});
