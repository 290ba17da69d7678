/**
Vitest config for mutation testing model files that unit tests reach without a
long simulation (test/sim/stryker.models-units.config.mjs): the resolved plan,
key routing, the dashboard and the store profiles, with the model unit tests and
the analysis tests (capacity, bottleneck and cost read the plan and routing).
The built-in-architecture suites are left out, so the score is a lower bound.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/sim/models/plan.test.ts', 'test/sim/models/routing.test.ts', 'test/sim/models/dashboard.test.ts', 'test/sim/models/store.test.ts', 'test/sim/models/store-replicas.test.ts', 'test/sim/models/store-profiles.test.ts', 'test/sim/analysis/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
