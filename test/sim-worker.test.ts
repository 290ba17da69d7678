/**
The worker thread passes a model the simulator refuses back as the user's
error: its lines, so `dojo sim` exits 2 with them instead of 70 ("internal error").
*/
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {describe, expect, test} from 'vitest';
import {parseModel} from './sim/helpers/pipeline-models.js';

const script = fileURLToPath(new URL('../dist/sim-worker.js', import.meta.url));

describe.runIf(existsSync(script))('the built simulation worker', () => {
	test('a loop of queue stations comes back as lines for a usage error; must fail: only the message', async () => {
		const model = parseModel({
			source: {rate_per_s: 10},
			stages: [
				{id: 'a', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 10}, next: 'b'},
				{id: 'b', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 10}, next: 'a'},
			],
		});
		const worker = new Worker(script);
		try {
			const answer = await new Promise<{error?: string; lines?: string[]}>((resolve) => {
				worker.on('message', resolve);
				worker.postMessage({id: 1, task: 'simulate', input: {scenario: null, arch: null, model}, options: {seed: 1, durationS: 60, replications: 1}});
			});
			expect(answer.lines).toEqual([expect.stringMatching(/stages form a loop/)]);
		} finally {
			await worker.terminate();
		}
	});
});
