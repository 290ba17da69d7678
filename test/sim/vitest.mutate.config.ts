/**
Vitest config for mutation testing the simulator (test/sim/stryker.config.mjs):
the simulator's own tests (test/sim/**) only. The CLI tests run dist/, which
Stryker does not mutate, and the rest of the suite does not reach src/sim's
analysis and models directly.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/sim/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
