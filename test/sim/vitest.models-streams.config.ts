/**
Vitest config for mutation testing the stream, Firehose, write limiter, API, batch-run and feed models
(test/sim/stryker.models-streams.config.mjs), with the quick tests that drive them: their unit tests in
test/sim/models (stream, write-limiter, feeds and hand-run parts of firehose and api; batch-runs) and
consumer-groups.test.ts (Kafka partitions, well under a second). The suites that simulate built-in architectures
(limits, kpl-aggregation, feeds, api-quotas, behaviours, scenarios: each 3–15 s of simulation, or 6–11 s of import
under load) are left out, so the scores here are lower bounds.
*/
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: [
			'test/sim/models/stream.test.ts',
			'test/sim/models/write-limiter.test.ts',
			'test/sim/models/firehose.test.ts',
			'test/sim/models/api.test.ts',
			'test/sim/models/batch-runs.test.ts',
			'test/sim/models/feeds.test.ts',
			'test/sim/consumer-groups.test.ts',
		],
		environment: 'node',
		testTimeout: 120_000,
	},
});
