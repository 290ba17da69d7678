/**
Vitest config for mutation testing src/sim/analysis alone (test/sim/stryker.analysis.config.mjs):
the analysis unit tests only, which simulate nothing, so a mutant costs a few seconds even
on a loaded machine. A lower bound of what test/sim/vitest.mutate.config.ts kills.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/sim/analysis/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
