// Mutation testing of the stream, Firehose, write limiter, API, batch-run and feed models with their quick tests
// (test/sim/vitest.models-streams.config.ts), one file at a time:
// `npx stryker run test/sim/stryker.models-streams.config.mjs --mutate src/sim/models/stream.ts`.
// Results in reports/sim-models-streams.json (incremental).
import sim from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...sim,
	vitest: {configFile: 'test/sim/vitest.models-streams.config.ts'},
	mutate: ['src/sim/models/stream.ts', 'src/sim/models/firehose.ts', 'src/sim/models/write-limiter.ts', 'src/sim/models/api.ts', 'src/sim/models/batch-runs.ts', 'src/sim/models/feeds.ts'],
	incrementalFile: 'reports/sim-models-streams.json',
	// The covering tests run in about a second; 10 s over that is ample and halves what each endless-loop mutant costs.
	timeoutMS: 10_000,
	htmlReporter: {fileName: 'reports/mutation-models-streams/index.html'},
	jsonReporter: {fileName: 'reports/mutation-models-streams/mutation.json'},
};
