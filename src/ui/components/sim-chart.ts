/**
Line charts of a run over simulated time (asciichart), as screen lines: the
y axis labelled in the series' unit, the x axis from the first to the last
sample. Series longer than the width are thinned to fit.
*/
import asciichart from 'asciichart';
import {wrapped, type Line} from '../screens/lines.js';

/** What to chart: a title, the values, the sample times and how to print a y label. */
export type ChartSpec = {
	readonly title: string;
	readonly values: readonly number[];
	readonly t_s: readonly number[];
	readonly format: (value: number) => string;
};

/** Room the y labels and the axis take at the left. */
const LABEL_WIDTH = 10;

/** Merges the points into `room` columns, each the largest of its run (a peak never falls between two columns). */
function thin(values: readonly number[], room: number): number[] {
	if (values.length <= room) return [...values];
	const step = values.length / room;
	return Array.from({length: room}, (_, index) => values.slice(Math.floor(index * step), Math.max(Math.floor(index * step) + 1, Math.floor((index + 1) * step))).reduce((a, b) => Math.max(a, b)));
}

/** Gaps (NaN: nothing arrived in that interval) carry the last value, so the line stays continuous. */
function filled(values: readonly number[]): number[] {
	let last = values.find(Number.isFinite) ?? 0;
	return values.map((value) => (Number.isFinite(value) ? (last = value) : last));
}

function timeLabel(seconds: number): string {
	return seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds)} s`;
}

/** A chart of one series at the width, `height` rows tall, with its title above and the time axis below. */
export function seriesChart(spec: ChartSpec, width: number, height = 5): Line[] {
	if (spec.values.length < 2) return [];
	const all = filled(spec.values);
	// The y labels are as wide as the largest value printed; the plot gets what is left of the width.
	const labelWidth = Math.max(LABEL_WIDTH - 2, ...all.map((value) => spec.format(value).length));
	const room = Math.max(10, width - labelWidth - 3);
	const values = thin(all, room);
	const plot = asciichart.plot(values, {
		height,
		// Charts start at zero, so a small wobble does not look like a cliff.
		min: 0,
		padding: ' '.repeat(labelWidth),
		format: (value: number) => spec.format(value).padStart(labelWidth),
	});
	const lines: Line[] = wrapped(spec.title, width, 'strong');
	for (const row of plot.split('\n')) lines.push({text: row.trimEnd()});
	const axisStart = labelWidth + 2;
	const first = timeLabel(spec.t_s[0]!);
	const last = timeLabel(spec.t_s.at(-1)!);
	const span = values.length - first.length;
	lines.push({text: `${' '.repeat(axisStart)}${first}${last.padStart(Math.max(last.length + 1, span))}`, tone: 'dim'});
	return lines;
}
