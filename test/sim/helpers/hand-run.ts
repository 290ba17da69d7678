/**
A stage on its own, driven by hand: a `SimContext` that keeps the events a stage
schedules in a list, a clock the test moves, and `runTo`, which handles the
events in time order up to a moment. The model unit tests (stream, Firehose,
API) use it to check a stage's arithmetic without the engine around it.
*/
import {Random} from '../../../src/sim/kernel/random.js';
import {Stage, type SimContext} from '../../../src/sim/models/stage.js';
import type {DashboardDetails} from '../../../src/sim/result.js';

/** An event a stage scheduled for itself. */
export type HandEvent = {time: number; kind: number; local: number};

/** What a hand-run context measures and hands out. */
export type HandRunOptions = {
	/** Measuring starts here (the context's warm-up) and stops at `end`. */
	warmup?: number;
	end?: number;
	/** The random streams handed to the stage; by default one fixed stream. */
	random?: SimContext['random'];
	/** Events handled before `runTo` gives up: a stage that schedules without end fails instead of hanging. */
	maxEvents?: number;
};

/** A context, its event list, what it was told (delivered records, notes), and `runTo` for one stage. */
export function handRun(stage: () => Pick<Stage, 'handle'>, {warmup = 0, end = 1e9, random = () => new Random(1, 1), maxEvents = 200_000}: HandRunOptions = {}) {
	const events: HandEvent[] = [];
	const notes: string[] = [];
	const delivered: {now: number; born: number; weight: number}[] = [];
	let clock = 0;
	const ctx: SimContext = {
		warmup,
		end,
		get measuring() {
			return clock >= warmup && clock < end;
		},
		schedule: (time, _stage, kind, local) => void events.push({time, kind, local}),
		deliver: (now, born, weight) => void delivered.push({now, born, weight}),
		lose: () => undefined,
		absorb: () => undefined,
		completeUpTo: (now) => now,
		random,
		note: (text) => void notes.push(text),
	};
	let handled = 0;
	/** Handles the stage's events up to `until` in time order, then sets the clock to `until`. */
	const runTo = (until: number) => {
		for (;;) {
			events.sort((a, b) => a.time - b.time);
			if (events.length === 0 || events[0]!.time > until) break;
			const next = events.shift()!;
			if (++handled > maxEvents) throw new Error(`more than ${maxEvents.toLocaleString('en-US')} events by ${next.time} s`);
			clock = next.time;
			stage().handle(next.kind, next.local, next.time);
		}
		clock = until;
	};
	return {ctx, events, notes, delivered, runTo};
}

/** The stage after the one under test: keeps every group it is handed. */
export class GroupSink extends Stage {
	readonly groups: {now: number; born: number; count: number; weight: number}[] = [];
	override receive(now: number, born: number, count: number, weight: number): void {
		this.groups.push({now, born, count, weight});
	}
	override utilization(): number {
		return 0;
	}
	override details(): DashboardDetails {
		return {refresh_s: 0, query_ms: 0, refreshes: 0};
	}
}
