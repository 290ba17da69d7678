import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {poolSize, PROGRESS_EVERY_MS, SimClient} from '../../src/ui/sim-client.js';
import {designModel} from '../../src/flow/design-model.js';
import type {HelperEvent, SimRequest, SimRunRequest} from '../../src/flow/round-events.js';
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
	it('passes progress on at most every 100 ms (each report redraws the screen); must fail: one report per series sample', async () => {
		const started = performance.now();
		const events = await play(new SimClient(1, null), {requestId: 9, seed: 3, runs: [{label: '1x', model}, {label: '10x', model, scale: 10}]} as unknown as SimRequest);
		const elapsed = performance.now() - started;
		const progress = events.filter((event) => event.type === 'sim.progress');
		// A 600 s run samples its series 120 times or more; two runs without the limit would report over 200 times.
		expect(progress.length).toBeGreaterThan(0);
		expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / PROGRESS_EVERY_MS) + 1);
	});

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

describe.runIf(existsSync(script))('runs started ahead of r', () => {
	const run = (label: string, scale?: number) => ({label, model, ...(scale === undefined ? {} : {scale})}) as unknown as SimRunRequest;
	const request = (requestId: number, ...runs: ReturnType<typeof run>[]) => ({requestId, seed: 7, purpose: 'design', runs}) as unknown as SimRequest;
	const until = async (test: () => boolean) => {
		for (let waited = 0; !test(); waited += 10) {
			if (waited > 20_000) throw new Error('the pool never got there');
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	};

	it('answers r from the runs started ahead, without running them again', async () => {
		const client = new SimClient(2, script);
		try {
			client.prefetch({seed: 7, runs: [run('1x'), run('peak', 2)]});
			await until(() => client.busy().running.length === 1);
			const events = await play(client, request(1, run('1x'), run('peak', 2)));
			expect(events.filter((event) => event.type === 'sim.result')).toHaveLength(2);
			expect(client.busy().started).toBe(2);
			// The same design asked again (a what-if's "before", an undo) is answered from the finished runs.
			await play(client, request(2, run('before')));
			expect(client.busy().started).toBe(2);
		} finally {
			await client.close();
		}
	});

	it('stops the runs of a design that changed before r, and starts the new ones at once', async () => {
		const client = new SimClient(2, script);
		try {
			client.prefetch({seed: 7, runs: [run('old 1x', 30), run('old peak', 40)]});
			await until(() => client.busy().running.length === 1);
			expect(client.busy()).toMatchObject({running: ['old 1x'], queued: ['old peak']});
			client.prefetch({seed: 7, runs: [run('new 1x', 3)]});
			await until(() => client.busy().running[0] === 'new 1x');
			expect(client.busy()).toMatchObject({running: ['new 1x'], queued: []});
			const events = await play(client, request(3, run('new 1x', 3)));
			expect(events.at(-1)!.type).toBe('sim.done');
			// The old peak never started: it waited for the first worker to warm up.
			expect(client.busy().started).toBe(2);
		} finally {
			await client.close();
		}
	});

	it('stops a run when its request is abandoned, unless it was started ahead', async () => {
		const client = new SimClient(2, script);
		try {
			const cancel = client.simulate(request(4, run('10x', 30)), () => undefined);
			await until(() => client.busy().running.length === 1);
			(cancel as () => void)();
			expect(client.busy()).toMatchObject({running: [], queued: []});
			client.prefetch({seed: 7, runs: [run('ahead', 20)]});
			await until(() => client.busy().running.length === 1);
			const again = client.simulate(request(5, run('ahead', 20)), () => undefined);
			(again as () => void)();
			expect(client.busy().running).toEqual(['ahead']);
		} finally {
			await client.close();
		}
	});

	it('starts no worker once closed: a run asked for while the app leaves must not keep the process alive', async () => {
		const client = new SimClient(2, script);
		client.warm();
		await client.close();
		client.prefetch({seed: 7, runs: [run('1x')]});
		client.warm();
		expect(client.busy()).toMatchObject({running: [], started: 0});
	});

	it('runs nothing ahead without built workers (it would hold up the screen)', () => {
		const client = new SimClient(1, null);
		client.prefetch({seed: 7, runs: [run('1x')]});
		expect(client.busy()).toEqual({running: [], queued: [], started: 0, warming: 0});
	});
});

describe.runIf(existsSync(script))('workers and their first run', () => {
	const run = (label: string, scale?: number) => ({label, model, ...(scale === undefined ? {} : {scale})}) as unknown as SimRunRequest;
	const until = async (test: () => boolean) => {
		for (let waited = 0; !test(); waited += 5) {
			if (waited > 30_000) throw new Error('the pool never got there');
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	};

	it('runs one run at a time until a worker has compiled the simulator, then warms the other and runs side by side; must fail: two first runs at once', async () => {
		const client = new SimClient(2, script);
		try {
			client.prefetch({seed: 7, runs: [run('1x', 3), run('peak', 6)]});
			// Two first runs at once: 1.15–1.27 s each against 0.80 s for one alone (marketing webhooks).
			expect(client.busy()).toMatchObject({running: ['1x'], queued: ['peak']});
			await until(() => client.busy().running[0] === 'peak');
			expect(client.busy()).toMatchObject({running: ['peak'], queued: [], warming: 0});
			// Idle again: the cold worker repeats the last run to warm up, and is then used beside the first.
			await until(() => client.busy().warming === 1);
			await until(() => client.busy().warming === 0);
			client.prefetch({seed: 7, runs: [run('again 1x', 4), run('again peak', 7)]});
			expect(client.busy()).toMatchObject({running: ['again 1x', 'again peak'], queued: []});
			expect(client.busy().started).toBe(4);
		} finally {
			await client.close();
		}
	});

	it('gives a run someone waits for the worker of a run only started ahead, which goes back in the queue; must fail: r waits behind a stale design', async () => {
		const client = new SimClient(2, script);
		try {
			client.prefetch({seed: 7, runs: [run('ahead', 30)]});
			await until(() => client.busy().running[0] === 'ahead');
			const events = new Promise<HelperEvent[]>((resolve) => {
				const seen: HelperEvent[] = [];
				client.simulate({requestId: 8, seed: 7, purpose: 'design', runs: [run('wanted', 3)]} as unknown as SimRequest, (event) => {
					seen.push(event);
					if (event.type === 'sim.done') resolve(seen);
				});
			});
			await until(() => client.busy().running[0] === 'wanted');
			expect(client.busy()).toMatchObject({running: ['wanted'], queued: ['ahead']});
			expect((await events).filter((event) => event.type === 'sim.result')).toHaveLength(1);
			// Then the run started ahead goes on (from the start: a stopped run keeps nothing).
			await until(() => client.busy().running[0] === 'ahead');
		} finally {
			await client.close();
		}
	});

	it('drops a warm-up as soon as a run is wanted, and never counts it as a run', async () => {
		const client = new SimClient(2, script);
		try {
			client.prefetch({seed: 7, runs: [run('first', 3)]});
			await until(() => client.busy().warming === 1);
			client.prefetch({seed: 7, runs: [run('second', 4)]});
			// The warm worker takes it at once; the warm-up is asked to stop at its next progress report.
			expect(client.busy()).toMatchObject({running: ['second'], queued: []});
			await until(() => client.busy().warming === 0);
			expect(client.busy().running).toEqual(['second']);
			expect(client.busy().started).toBe(2);
		} finally {
			await client.close();
		}
	});
});
