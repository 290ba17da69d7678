/**
Vitest config for mutation testing the rate limiters and API quotas (test/sim/stryker.models-limits.config.mjs):
write-limiter, api-quota, quota-stage and feeds, with the quick tests that drive them: the quota unit tests, the API and Firehose
stage tests (test/sim/models) and the feed and quota suites (test/sim/feeds.test.ts, api-quotas.test.ts),
a few seconds of simulation in all. Streams also use the write limiter; their tests (limits, kpl-aggregation,
behaviours) simulate built-in architectures and are left out, so the score here is a lower bound.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/sim/models/api-quota.test.ts', 'test/sim/models/api.test.ts', 'test/sim/models/firehose.test.ts', 'test/sim/feeds.test.ts', 'test/sim/api-quotas.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
	},
});
