/**
The deadline arithmetic of scheduled batch runs, on hand-made step logs: a
run's deadline is the first ready_by at or after its start (a 22:00 run due
"06:00" is due the next morning), and a late run names its longest step.
*/
import {describe, expect, test} from 'vitest';
import {batchReport, clockSeconds, clockText, deadlineAfter} from '../../../src/sim/models/batch-runs.js';

const H = 3600;
const DAY = 86_400;

describe('deadlines', () => {
	test('a 02:00 run is due 06:00 the same day; a 22:00 run is due 06:00 the next day', () => {
		expect(deadlineAfter(DAY + 2 * H, 6 * H)).toBe(DAY + 6 * H);
		expect(deadlineAfter(DAY + 22 * H, 6 * H)).toBe(2 * DAY + 6 * H);
		// A run starting at 06:00 sharp is due the next 06:00, not at its own start.
		expect(deadlineAfter(DAY + 6 * H, 6 * H)).toBe(2 * DAY + 6 * H);
	});

	test('instants read as day and time of day, the run starting on day 1 at 00:00', () => {
		expect(clockText(0)).toBe('day 1 00:00');
		expect(clockText(DAY + 2 * H + 30 * 60)).toBe('day 2 02:30');
	});
});

describe('a report over two chained steps', () => {
	const extract = {id: 'extract', after: null, runs: [{start: 2 * H, finish: 2.5 * H, records: 10}, {start: DAY + 2 * H, finish: DAY + 5 * H, records: 10}]};
	const model = {id: 'model', after: 'extract', runs: [{start: 2.6 * H, finish: 3 * H, records: 10}, {start: DAY + 5.1 * H, finish: DAY + 7 * H, records: 10}]};

	test('the second run ends 07:00, an hour after 06:00; extract (3 h) was its longest step', () => {
		const report = batchReport([extract, model], '06:00', 0, 2 * DAY)!;
		expect(report.runs.map((run) => [run.finish, run.met, run.late_by_s, run.longest_step])).toEqual([
			['day 1 03:00', true, 0, 'extract'],
			['day 2 07:00', false, H, 'extract'],
		]);
		expect(report.met).toBe(false);
		expect(report.late_step).toBe('extract');
	});

	test('with 08:00 as the deadline both runs are in time', () => {
		const report = batchReport([extract, model], '08:00', 0, 2 * DAY)!;
		expect(report.met).toBe(true);
		expect(report.late_step).toBeNull();
	});

	test('runs that start in the warm-up are not judged; without a deadline nothing is', () => {
		expect(batchReport([extract, model], '06:00', 3 * H, 2 * DAY)!.runs.map((run) => run.scheduled)).toEqual(['day 2 02:00']);
		expect(batchReport([extract, model], null, 0, 2 * DAY)!.met).toBeNull();
	});

	test('a run whose last step never finished is late, not in time', () => {
		const unfinished = {...model, runs: [model.runs[0]!, {start: DAY + 5.1 * H, finish: null, records: 10}]};
		const report = batchReport([extract, unfinished], '06:00', 0, 2 * DAY)!;
		expect(report.runs[1]!.met).toBe(false);
		expect(report.runs[1]!.finish_s).toBeNull();
	});
});

describe('times of day', () => {
	test('"HH:MM" reads as seconds after midnight; a bare hour as its hour', () => {
		expect(clockSeconds('06:30')).toBe(6 * H + 30 * 60);
		expect(clockSeconds('00:00')).toBe(0);
		expect(clockSeconds('23:59')).toBe(23 * H + 59 * 60);
		expect(clockSeconds('7')).toBe(7 * H);
	});

	test('hours and minutes are two digits, seconds are dropped, the day counts from 1', () => {
		expect(clockText(9 * H + 5 * 60 + 59)).toBe('day 1 09:05');
		expect(clockText(2 * DAY + 23 * H + 59 * 60)).toBe('day 3 23:59');
		// Rounded to the second first: 59.6 s past 10:00 reads 10:01.
		expect(clockText(10 * H + 59.6)).toBe('day 1 10:01');
	});
});

describe('reports, edge by edge', () => {
	const run = (start: number, finish: number | null, records = 5) => ({start, finish, records});

	test('no scheduled step: no report', () => {
		expect(batchReport([{id: 'x', after: 'y', runs: []}], '06:00', 0, DAY)).toBeUndefined();
		expect(batchReport([], null, 0, DAY)).toBeUndefined();
	});

	test('a run is a step in full: start, finish, records rounded, as day and time too', () => {
		const report = batchReport([{id: 'load', after: null, runs: [run(2 * H + 0.00049, 3 * H, 10.4)]}], '06:00', 0, DAY)!;
		expect(report).toEqual({
			ready_by: '06:00',
			met: true,
			late_step: null,
			runs: [
				{
					scheduled_s: 2 * H,
					scheduled: 'day 1 02:00',
					steps: [{id: 'load', start_s: 2 * H, start: 'day 1 02:00', finish_s: 3 * H, finish: 'day 1 03:00', records: 10}],
					finish_s: 3 * H,
					finish: 'day 1 03:00',
					deadline_s: 6 * H,
					met: true,
					late_by_s: 0,
					longest_step: 'load',
				},
			],
		});
	});

	test('finishing exactly at 06:00 is in time; a second later is late by a second', () => {
		const at = (finish: number) => batchReport([{id: 'load', after: null, runs: [run(2 * H, finish)]}], '06:00', 0, DAY)!.runs[0]!;
		expect(at(6 * H)).toMatchObject({met: true, late_by_s: 0});
		expect(at(6 * H + 1)).toMatchObject({met: false, late_by_s: 1});
	});

	test('a run starting at the end of the window is not in it; one starting at the warm-up\'s end is', () => {
		const logs = [{id: 'load', after: null, runs: [run(H, 2 * H), run(DAY, DAY + H)]}];
		expect(batchReport(logs, '06:00', H, DAY)!.runs.map((entry) => entry.scheduled_s)).toEqual([H]);
	});

	test('a chained step\'s run belongs to the root run it follows: one starting after the next root run is not this one\'s', () => {
		const root = {id: 'extract', after: null, runs: [run(2 * H, 3 * H), run(DAY + 2 * H, DAY + 3 * H)]};
		// The first night's transform never ran; the second night's did.
		const transform = {id: 'transform', after: 'extract', runs: [run(DAY + 3 * H, DAY + 4 * H)]};
		const report = batchReport([root, transform], '06:00', 0, 2 * DAY)!;
		expect(report.runs.map((entry) => [entry.steps.map((s) => s.id), entry.finish_s, entry.met])).toEqual([
			[['extract'], null, false],
			[['extract', 'transform'], DAY + 4 * H, true],
		]);
		// A chained run starting a hair (under a nanosecond) before its step finished still follows it.
		const early = {id: 'transform', after: 'extract', runs: [run(3 * H - 1e-10, 4 * H)]};
		expect(batchReport([{...root, runs: [root.runs[0]!]}, early], '06:00', 0, DAY)!.runs[0]!.finish_s).toBe(4 * H);
	});

	test('the longest step names the late run: the first of equal ones; an unfinished step is the longest', () => {
		const a = {id: 'a', after: null, runs: [run(2 * H, 4 * H)]};
		const b = {id: 'b', after: 'a', runs: [run(4 * H, 6 * H)]};
		const c = {id: 'c', after: 'b', runs: [run(6 * H, 7 * H)]};
		expect(batchReport([a, b, c], '06:00', 0, DAY)!).toMatchObject({met: false, late_step: 'a'});
		const slow = {...c, runs: [run(6 * H, null)]};
		expect(batchReport([a, b, slow], '06:00', 0, 2 * DAY)!).toMatchObject({met: false, late_step: 'c'});
	});

	test('of two late runs the later one by more names the step; an unfinished run is the latest of all', () => {
		const extract = {id: 'extract', after: null, runs: [run(2 * H, 7 * H), run(DAY + 2 * H, DAY + 3 * H)]};
		const model = {id: 'model', after: 'extract', runs: [run(7 * H, 8 * H), run(DAY + 3 * H, DAY + 9 * H)]};
		// Night 1: 2 h late, extract (5 h) longest; night 2: 3 h late, model (6 h) longest.
		const report = batchReport([extract, model], '06:00', 0, 2 * DAY)!;
		expect(report.runs.map((entry) => [entry.late_by_s, entry.longest_step])).toEqual([[2 * H, 'extract'], [3 * H, 'model']]);
		expect(report.late_step).toBe('model');
		// Night 1 never finishes (its unfinished step, model, is longest); night 2 is 3 h late with extract longest.
		const extract2 = {id: 'extract', after: null, runs: [run(2 * H, 3 * H), run(DAY + 2 * H, DAY + 8 * H)]};
		const stuck = {id: 'model', after: 'extract', runs: [run(3 * H, null), run(DAY + 8 * H, DAY + 9 * H)]};
		expect(batchReport([extract2, stuck], '06:00', 0, 2 * DAY)!.late_step).toBe('model');
	});

	test('a run still going when the simulation stops, before its deadline, is not judged', () => {
		const load = {id: 'load', after: null, runs: [run(2 * H, null)]};
		const report = batchReport([load], '06:00', 0, 4 * H)!;
		expect(report.runs[0]!.met).toBe(false);
		expect(report.met).toBeNull();
		expect(report.late_step).toBeNull();
		// Past its deadline it is judged, and missed.
		expect(batchReport([load], '06:00', 0, 7 * H)!.met).toBe(false);
		expect(batchReport([load], '06:00', 0, 6 * H)!.met).toBe(false);
	});

	test('two scheduled chains report their runs in time order; a chain that loops stops at its start', () => {
		const late = {id: 'late', after: null, runs: [run(3 * H, 4 * H)]};
		const early = {id: 'early', after: null, runs: [run(H, 2 * H)]};
		expect(batchReport([late, early], null, 0, DAY)!.runs.map((entry) => [entry.scheduled, entry.met, entry.deadline_s])).toEqual([
			['day 1 01:00', null, null],
			['day 1 03:00', null, null],
		]);
		const back = {id: 'back', after: 'early', runs: [run(2 * H, 2.5 * H)]};
		const loop = {id: 'early', after: 'back', runs: []};
		expect(batchReport([early, back, loop], '06:00', 0, DAY)!.runs[0]!.steps.map((s) => s.id)).toEqual(['early', 'back']);
	});
});

describe('reports, the rest of the edges', () => {
	const run = (start: number, finish: number | null, records = 5) => ({start, finish, records});

	test('a step that never finished ends the run there: its finish reads null, and the steps after it are not this run\'s', () => {
		const a = {id: 'a', after: null, runs: [run(2 * H, 3 * H)]};
		const b = {id: 'b', after: 'a', runs: [run(3 * H, null)]};
		const c = {id: 'c', after: 'b', runs: [run(DAY + H, DAY + 2 * H)]};
		const only = batchReport([a, b, c], '06:00', 0, 2 * DAY)!.runs[0]!;
		expect(only.steps.map((s) => [s.id, s.finish_s, s.finish])).toEqual([['a', 3 * H, 'day 1 03:00'], ['b', null, null]]);
		expect([only.finish_s, only.finish, only.met]).toEqual([null, null, false]);
	});

	test('without a deadline nothing is late', () => {
		const load = {id: 'load', after: null, runs: [run(2 * H, 9 * H)]};
		expect(batchReport([load], null, 0, DAY)!.runs[0]).toMatchObject({deadline_s: null, met: null, late_by_s: 0});
	});

	test('a run that finished is judged even when its deadline is after the end of the simulation', () => {
		const load = {id: 'load', after: null, runs: [run(2 * H, 3 * H)]};
		expect(batchReport([load], '06:00', 0, 4 * H)!.met).toBe(true);
	});

	test('of two runs late by the same, the earlier names the step', () => {
		const extract = {id: 'extract', after: null, runs: [run(2 * H, 6 * H), run(DAY + 2 * H, DAY + 3 * H)]};
		const model = {id: 'model', after: 'extract', runs: [run(6 * H, 7 * H), run(DAY + 3 * H, DAY + 7 * H)]};
		// Both 1 h late: night 1's longest is extract (4 h), night 2's model (4 h).
		const report = batchReport([extract, model], '06:00', 0, 2 * DAY)!;
		expect(report.runs.map((entry) => [entry.late_by_s, entry.longest_step])).toEqual([[H, 'extract'], [H, 'model']]);
		expect(report.late_step).toBe('extract');
	});
});
