// The fast tests of the results view and the interviewer's rubric, for mutation testing (test/ui/stryker.config.mjs).
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/ui/components/**/*.test.ts', 'test/flow/stored-round.test.ts', 'test/ui/screens/round-views.test.ts'],
	},
});
