// Mutation testing (StrykerJS): `npm run mutate` mutates src/sim by default;
// `npm run mutate -- --mutate "src/grader/**/*.ts"` picks another folder.
// Incremental: results are kept in reports/stryker-incremental.json, so a
// re-run only re-tests mutants whose code or tests changed. Not part of CI.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: {configFile: 'vitest.config.ts'},
	mutate: ['src/sim/**/*.ts', '!src/sim/**/index.ts'],
	coverageAnalysis: 'perTest',
	incremental: true,
	incrementalFile: 'reports/stryker-incremental.json',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: {fileName: 'reports/mutation/index.html'},
	jsonReporter: {fileName: 'reports/mutation/mutation.json'},
	concurrency: 2,
	timeoutMS: 20_000,
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
};
