/**
Vitest config for mutation testing src/sim/analysis/cost.ts (test/sim/stryker.cost.config.mjs):
the hand-built cost lines only (test/sim/analysis/cost-prices.test.ts), which simulate
nothing. test/sim/analysis/cost.test.ts prices simulated runs of built-in architectures
(minutes of simulated traffic per test), too slow to re-run per mutant on the shared
machine, so the score measured here is a lower bound of what the whole suite kills.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/sim/analysis/cost-prices.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
