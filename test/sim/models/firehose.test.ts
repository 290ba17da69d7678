import {describe, expect, it} from 'vitest';
import {FirehoseStage} from '../../../src/sim/models/firehose.js';
import {Stage, type SimContext} from '../../../src/sim/models/stage.js';
import {Random} from '../../../src/sim/kernel/random.js';

/** The stage after the Firehose: keeps every group it is handed. */
class Sink extends Stage {
	readonly groups: {now: number; born: number; count: number; weight: number}[] = [];
	override receive(now: number, born: number, count: number, weight: number): void {
		this.groups.push({now, born, count, weight});
	}
	override utilization(): number {
		return 0;
	}
}

/** A context whose events are kept in a list and run by hand, in time order. */
function context() {
	const events: {time: number; kind: number; local: number}[] = [];
	const ctx: SimContext = {
		warmup: 0,
		end: 1e9,
		measuring: true,
		schedule: (time, _stage, kind, local) => void events.push({time, kind, local}),
		deliver: () => undefined,
		lose: () => undefined,
		absorb: () => undefined,
		completeUpTo: (now) => now,
		random: () => new Random(1, 1),
		note: () => undefined,
	};
	return {ctx, events};
}

describe('Firehose delivery', () => {
	it('hands on the records of one delivery born at the same instant as one group, and keeps each record\'s own wait', () => {
		const {ctx, events} = context();
		const firehose = new FirehoseStage(ctx, 0, {id: 'deliver', bufferSizeMiB: 128, bufferIntervalS: 10, recordBytes: 100});
		const sink = new Sink(ctx, 1, 'sink', 'store', 's3');
		firehose.next = sink;
		// Three shards read at different moments, each with records born in the same two ticks (0.0 s and 0.1 s).
		for (const [at, count] of [[1, 10], [2, 20], [3, 30]] as const) {
			firehose.receive(at, 0, count, count);
			firehose.receive(at, 0.1, count, count);
		}
		// The buffer interval runs out 10 s after the first record; the object is delivered a moment later.
		while (events.length > 0) {
			events.sort((a, b) => a.time - b.time);
			const next = events.shift()!;
			firehose.handle(next.kind, next.local, next.time);
		}
		expect(sink.groups.map(({born, count, weight}) => ({born, count, weight}))).toEqual([
			{born: 0, count: 60, weight: 60},
			{born: 0.1, count: 60, weight: 60},
		]);
		const delivered = sink.groups[0]!.now;
		expect(delivered).toBeGreaterThan(11);
		// Waits are each record's own: 20 records arrived at 1 s, 40 at 2 s, 60 at 3 s.
		const wait = firehose.stats.wait;
		expect(wait.count).toBe(120);
		const meanWaitS = (20 * (delivered - 1) + 40 * (delivered - 2) + 60 * (delivered - 3)) / 120;
		expect(wait.quantile(0) / 1000).toBeCloseTo(delivered - 3, 1);
		expect(wait.quantile(1) / 1000).toBeCloseTo(delivered - 1, 1);
		expect(wait.sum / wait.count / 1000).toBeCloseTo(meanWaitS, 6);
		expect(firehose.stats.departed).toBe(120);
	});
});
