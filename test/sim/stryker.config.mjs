// Mutation testing of the simulator's analysis and models (issue 10, item 6: score ≥ 85%):
// `npx stryker run test/sim/stryker.config.mjs` (optionally `--mutate "src/sim/models/firehose.ts"`).
// Uses the simulator's tests only (test/sim/vitest.mutate.config.ts); results kept in reports/sim.json, so a
// re-run only re-tests mutants whose code or covering tests changed. Concurrency 1: the machine is shared.
// Survivors that no test can kill are explained in test/sim/EQUIVALENT-MUTANTS.md.
import base from '../../stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...base,
	vitest: {configFile: 'test/sim/vitest.mutate.config.ts'},
	mutate: ['src/sim/analysis/**/*.ts', 'src/sim/models/**/*.ts'],
	incrementalFile: 'reports/sim.json',
	concurrency: 1,
	// Static mutants (module-level tables) would re-run every sim test each, minutes apiece instrumented; counted as ignored.
	ignoreStatic: true,
	htmlReporter: {fileName: 'reports/mutation-sim/index.html'},
	jsonReporter: {fileName: 'reports/mutation-sim/mutation.json'},
};
