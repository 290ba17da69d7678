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

/** Keeps every k-th point so the chart fits `room` columns, always keeping the last. */
function thin<T>(values: readonly T[], room: number): T[] {
	if (values.length <= room) return [...values];
	const step = values.length / room;
	return Array.from({length: room}, (_, index) => values[Math.min(values.length - 1, Math.round((index + 1) * step) - 1)]!);
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
	const room = Math.max(10, width - LABEL_WIDTH - 1);
	const values = thin(filled(spec.values), room);
	const times = thin(spec.t_s, room);
	const labels = values.map(spec.format);
	const labelWidth = Math.max(...labels.map((label) => label.length), spec.format(Math.max(...values)).length);
	const plot = asciichart.plot(values, {
		height,
		// Charts start at zero, so a small wobble does not look like a cliff.
		min: 0,
		padding: ' '.repeat(Math.max(labelWidth, LABEL_WIDTH - 2)),
		format: (value: number) => spec.format(value).padStart(Math.max(labelWidth, LABEL_WIDTH - 2)),
	});
	const lines: Line[] = wrapped(spec.title, width, 'strong');
	for (const row of plot.split('\n')) lines.push({text: row.trimEnd()});
	const axisStart = Math.max(labelWidth, LABEL_WIDTH - 2) + 2;
	const first = timeLabel(times[0]!);
	const last = timeLabel(times.at(-1)!);
	const span = values.length - first.length;
	lines.push({text: `${' '.repeat(axisStart)}${first}${last.padStart(Math.max(last.length + 1, span))}`, tone: 'dim'});
	return lines;
}
