import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {poolSize, SimClient} from '../../src/ui/sim-client.js';
import {designModel} from '../../src/flow/design-model.js';
import type {HelperEvent, SimRequest} from '../../src/flow/round-events.js';
import {loginCounter} from '../flow/helpers.js';

const script = fileURLToPath(new URL('../../dist/sim-worker.js', import.meta.url));
const scenario = loginCounter();
const model = designModel(scenario, scenario.architectures[0]!);

function play(client: SimClient, request: SimRequest): Promise<HelperEvent[]> {
	return new Promise((resolve) => {
		const events: HelperEvent[] = [];
		client.simulate(request, (event) => {
			events.push(event);
			if (event.type === 'sim.done' || event.type === 'sim.failed') resolve(events);
		});
	});
}

describe('the round simulator', () => {
	it('keeps two workers warm on two cores or more, one on one core', () => {
		expect(poolSize(1)).toBe(1);
		expect(poolSize(2)).toBe(2);
		expect(poolSize(16)).toBe(2);
	});

	describe.runIf(existsSync(script))('with the built worker', () => {
		const client = new SimClient(2, script);
		afterAll(() => client.close());

		it('runs a request side by side and reports its results in the request order, then done', async () => {
			// The 10x run is slower than the 1x, so it finishes second even when started first.
			const events = await play(client, {requestId: 1, seed: 3, runs: [{label: '10x', model, scale: 10}, {label: '1x', model}]} as unknown as SimRequest);
			const results = events.filter((event) => event.type === 'sim.result');
			expect(results.map((event) => event.type === 'sim.result' && event.label)).toEqual(['10x', '1x']);
			expect(events.at(-1)!.type).toBe('sim.done');
			const progress = events.flatMap((event) => (event.type === 'sim.progress' ? [event.done] : []));
			expect(progress.every((done) => done >= 0 && done <= 1)).toBe(true);
		});

		it('gives the same numbers as the same run in this thread (the worker is the simulator, not a copy)', async () => {
			const request = {requestId: 2, seed: 5, runs: [{label: '1x', model}]} as unknown as SimRequest;
			const [viaWorker, inThread] = await Promise.all([play(client, request), play(new SimClient(1, null), request)]);
			const pick = (events: HelperEvent[]) => events.flatMap((event) => (event.type === 'sim.result' ? [{...event.result, wall_s: 0}] : []));
			expect(pick(viaWorker)).toEqual(pick(inThread));
		});
	});
});
