/**
Scheduled batch runs and their deadline: a nightly job at 02:00, the steps
chained after it (each started when the one before has finished and its output
has arrived), and whether the last step is done by the time the report must be
ready ("06:00").

Like a relay race against a clock: the first runner leaves at a fixed time,
each next one starts only when the baton arrives, and what counts is when the
last one crosses the line. The slowest leg is the one to shorten.

The simulation starts at 00:00 UTC, so simulated second t is time of day
t mod 86,400. Pure: times in, a report out.
*/
import type {BatchReport, BatchRun, BatchStep} from '../result.js';
import {roundTo} from '../numbers.js';

const DAY_S = 86_400;

/** One run of one batch step, as the stage logged it: simulated seconds and the records it took. */
export type StepRun = {readonly start: number; readonly finish: number | null; readonly records: number};

/** A batch step's runs and what starts it: its own schedule (`after` null) or the step it is chained after. */
export type StepLog = {readonly id: string; readonly after: string | null; readonly runs: readonly StepRun[]};

/** Seconds after midnight of a "HH:MM" time of day. */
export function clockSeconds(text: string): number {
	const [hours, minutes] = text.split(':').map(Number);
	return (hours ?? 0) * 3600 + (minutes ?? 0) * 60;
}

/** A simulated instant as day and time of day: 93,600 → "day 2 02:00" (the run starts on day 1 at 00:00). */
export function clockText(at: number): string {
	const day = Math.floor(at / DAY_S) + 1;
	const of = Math.round(at - (day - 1) * DAY_S);
	const hours = Math.floor(of / 3600);
	const minutes = Math.floor((of % 3600) / 60);
	return `day ${day} ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** The first instant after `start` that falls on `readyBy` (seconds after midnight): a run's deadline (a run starting at 06:00 sharp is due 06:00 the next day). */
export function deadlineAfter(start: number, readyBy: number): number {
	const midnight = Math.floor(start / DAY_S) * DAY_S;
	const same = midnight + readyBy;
	return same > start ? same : same + DAY_S;
}

/**
The batch runs of a model with scheduled steps, judged against `readyBy`
("HH:MM", or null for no deadline). A run is one start of a scheduled step
(a root: `after` null) inside the measurement window [warmup, end), with the
runs of the steps chained after it that started before the root's next run.
The step that made a late run late is its longest step.
*/
export function batchReport(logs: readonly StepLog[], readyBy: string | null, warmup: number, end: number): BatchReport | undefined {
	const roots = logs.filter((log) => log.after === null);
	if (roots.length === 0) return undefined;
	const deadline = readyBy === null ? null : clockSeconds(readyBy);
	const runs: BatchRun[] = [];
	for (const root of roots) {
		const chain = chainFrom(root, logs);
		root.runs.forEach((run, index) => {
			if (run.start < warmup || run.start >= end) return;
			const until = root.runs[index + 1]?.start ?? Number.POSITIVE_INFINITY;
			const steps: BatchStep[] = [];
			let from = run.start;
			for (const log of chain) {
				const mine = log === root ? run : log.runs.find((candidate) => candidate.start >= from - 1e-9 && candidate.start < until);
				if (!mine) break;
				steps.push(step(log.id, mine));
				if (mine.finish === null) break;
				from = mine.finish;
			}
			const done = steps.length === chain.length && steps.every((entry) => entry.finish_s !== null);
			const finish = done ? steps[steps.length - 1]!.finish_s : null;
			const due = deadline === null ? null : deadlineAfter(run.start, deadline);
			const met = due === null ? null : finish !== null && finish <= due + 1e-9;
			const late = due !== null && finish !== null ? Math.max(0, finish - due) : 0;
			const longest = steps.reduce<BatchStep | undefined>((most, entry) => (!most || duration(entry) > duration(most) ? entry : most), undefined);
			runs.push({
				scheduled_s: roundTo(run.start, 3),
				scheduled: clockText(run.start),
				steps,
				finish_s: finish === null ? null : roundTo(finish, 3),
				finish: finish === null ? null : clockText(finish),
				deadline_s: due === null ? null : roundTo(due, 3),
				met,
				late_by_s: roundTo(late, 3),
				longest_step: longest?.id ?? null,
			});
		});
	}
	runs.sort((a, b) => a.scheduled_s - b.scheduled_s);
	const judged = runs.filter((run) => run.met !== null && !(run.finish_s === null && run.deadline_s !== null && run.deadline_s > end));
	const missed = judged.filter((run) => run.met === false);
	const worst = missed.reduce<BatchRun | undefined>((most, run) => (!most || lateness(run) > lateness(most) ? run : most), undefined);
	return {
		ready_by: readyBy,
		runs,
		met: deadline === null || judged.length === 0 ? null : missed.length === 0,
		late_step: worst?.longest_step ?? null,
	};
}

/** The steps of one chain in order: the root, then each step chained after the one before. */
function chainFrom(root: StepLog, logs: readonly StepLog[]): StepLog[] {
	const chain = [root];
	let last = root;
	for (;;) {
		const next = logs.find((log) => log.after === last.id);
		if (!next || chain.includes(next)) return chain;
		chain.push(next);
		last = next;
	}
}

function step(id: string, run: StepRun): BatchStep {
	return {
		id,
		start_s: roundTo(run.start, 3),
		start: clockText(run.start),
		finish_s: run.finish === null ? null : roundTo(run.finish, 3),
		finish: run.finish === null ? null : clockText(run.finish),
		records: roundTo(run.records, 0),
	};
}

function duration(entry: BatchStep): number {
	return (entry.finish_s ?? Number.POSITIVE_INFINITY) - entry.start_s;
}

function lateness(run: BatchRun): number {
	return run.finish_s === null ? Number.POSITIVE_INFINITY : run.late_by_s;
}
