/**
The deadline arithmetic of scheduled batch runs, on hand-made step logs: a
run's deadline is the first ready_by at or after its start (a 22:00 run due
"06:00" is due the next morning), and a late run names its longest step.
*/
import {describe, expect, test} from 'vitest';
import {batchReport, clockText, deadlineAfter} from '../../../src/sim/models/batch-runs.js';

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
