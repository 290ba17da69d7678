import {describe, expect, it} from 'vitest';
import {seriesChart} from '../../../src/ui/components/sim-chart.js';

const t = (n: number) => Array.from({length: n}, (_, index) => (index + 1) * 10);

describe('series chart', () => {
	it('plots a title, height+1 rows starting at zero, and a time axis from the first to the last sample', () => {
		const values = Array.from({length: 60}, (_, index) => index * 100);
		const lines = seriesChart({title: 'backlog', values, t_s: t(60), format: (value) => String(Math.round(value))}, 80, 5);
		expect(lines[0]!.text).toBe('backlog');
		expect(lines).toHaveLength(1 + 6 + 1);
		expect(lines[1]!.text).toMatch(/^\s*5900 /);
		expect(lines[6]!.text).toMatch(/^\s*0 /);
		expect(lines.at(-1)!.text).toMatch(/10 s\s+10 min$/);
	});

	it('thins a long series to the width, keeping its last value', () => {
		const values = Array.from({length: 600}, (_, index) => (index === 599 ? 5000 : 1));
		const lines = seriesChart({title: 'x', values, t_s: t(600), format: (value) => String(Math.round(value))}, 60, 4);
		for (const line of lines) expect([...line.text].length).toBeLessThanOrEqual(60);
		expect(lines[1]!.text).toMatch(/5000/);
		expect(lines[1]!.text.trimEnd().endsWith('╭') || lines[1]!.text.trimEnd().endsWith('╮') || lines[1]!.text.trimEnd().endsWith('─')).toBe(true);
	});

	it('keeps a peak that falls inside a merged column, and stays inside the width with long labels', () => {
		const values = Array.from({length: 600}, (_, index) => (index === 301 ? 12_345_678 : 1));
		const lines = seriesChart({title: 'backlog', values, t_s: t(600), format: (value) => Math.round(value).toLocaleString('en-US')}, 80, 4);
		for (const line of lines) expect([...line.text].length).toBeLessThanOrEqual(80);
		expect(lines[1]!.text).toMatch(/12,345,678/);
		expect(lines[1]!.text).toMatch(/[╭╮]/);
	});

	it('carries the last value over intervals where nothing arrived (NaN)', () => {
		const lines = seriesChart({title: 'latency', values: [Number.NaN, 2, Number.NaN, 2], t_s: t(4), format: (value) => value.toFixed(1)}, 80, 2);
		expect(lines.map((line) => line.text).join('\n')).not.toMatch(/NaN/);
		expect(lines[1]!.text).toMatch(/2\.0/);
	});

	it('draws nothing for fewer than two samples', () => {
		expect(seriesChart({title: 'x', values: [1], t_s: [10], format: String}, 80)).toEqual([]);
	});
});
