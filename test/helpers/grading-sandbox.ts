/**
The sandbox the grading tests play their runs in. Normally the real one: a
warm child process (src/grader/sandbox.ts). With DOJO_GRADE_IN_PROCESS=1, set
by the grader's mutation config (test/grader/vitest.mutate.config.ts), runs are
played by runJob in the test process instead, so Stryker can see the code that
runs in the child (run-job.ts, staging-guard.ts) and switch its mutants on.
In-process runs have no time or memory limit: the tests that need one
(attacks, sandbox) always use the real child.
*/
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Sandbox} from '../../src/grader/index.js';
import type {JobRunner} from '../../src/grader/protocol.js';
import {runJob} from '../../src/grader/run-job.js';

/** A sandbox as the grading tests use it. */
export type GradingSandbox = JobRunner & {readonly workDir: string; readonly spawnCount: number; warm(): Promise<void>; close(): Promise<void>};

/** Whether this test process plays runs in-process (see the module comment). */
export const inProcess = process.env['DOJO_GRADE_IN_PROCESS'] === '1';

/** A sandbox for grading tests: the real child, or runJob in this process under the mutation config. */
export function gradingSandbox(): GradingSandbox {
	if (!inProcess) return new Sandbox();
	// An empty directory like the child's, for the tests that check nothing was written there.
	const workDir = mkdtempSync(join(tmpdir(), 'dojo-in-process-'));
	return {
		workDir,
		spawnCount: 0,
		run: async (job) => runJob(job),
		warm: async () => undefined,
		close: async () => rmSync(workDir, {recursive: true, force: true}),
	};
}
