import {describe, expect, it} from 'vitest';
import {pipelineDiagram, stageHealth} from '../../../src/ui/components/pipeline-diagram.js';
import type {ComponentResult} from '../../../src/sim/index.js';

function stage(id: string, utilization: number, more: Partial<ComponentResult> = {}): ComponentResult {
	return {id, kind: 'compute', component: 'lambda', utilization, throughput_per_s: 1000, queue: {mean: 0, max: 0}, wait_ms: {mean: 1, p50: 1, p95: 1, p99: 1}, throttled: 0, dropped: 0, lost: 0, backlog_growth_per_s: 0, details: {}, ...more} as ComponentResult;
}

const width = (text: string) => [...text].length;

describe('stage health', () => {
	it('is fine below 70% busy and hot from 70% (must fail: 69% is not hot)', () => {
		expect(stageHealth(stage('a', 0.69)).tone).toBe('ok');
		expect(stageHealth(stage('a', 0.7)).tone).toBe('warn');
		expect(stageHealth(stage('a', 0.7)).marks).toEqual([]);
	});

	it('marks a stage that throttles, drops or falls behind, and calls loss bad', () => {
		expect(stageHealth(stage('a', 0.5, {throttled: 3}))).toEqual({tone: 'warn', marks: ['throttles']});
		expect(stageHealth(stage('a', 0.5, {lost: 1}))).toEqual({tone: 'bad', marks: ['drops']});
		expect(stageHealth(stage('a', 0.5, {dropped: 1}))).toEqual({tone: 'bad', marks: ['drops']});
		expect(stageHealth(stage('a', 1))).toEqual({tone: 'bad', marks: []});
	});

	it('calls a backlog growing faster than 1% of throughput "behind", and not one growing slower', () => {
		expect(stageHealth(stage('a', 0.5, {backlog_growth_per_s: 11})).marks).toEqual(['behind']);
		expect(stageHealth(stage('a', 0.5, {backlog_growth_per_s: 9})).marks).toEqual([]);
	});
});

describe('pipeline diagram', () => {
	const four = [stage('ingest', 1, {kind: 'stream', component: 'kinesis_data_streams', throttled: 5, lost: 2}), stage('count', 0.06), stage('counters', 0.01, {kind: 'cache', component: 'redis'}), stage('dashboard', 0.01, {kind: 'dashboard', component: 'grafana'})];

	it('draws four stages in one row at 80 columns, joined by arrows, with short component names and marks', () => {
		const lines = pipelineDiagram(four, 80);
		const text = lines.map((line) => line.text).join('\n');
		expect(lines[1]!.text.match(/──▶/g)).toHaveLength(3);
		expect(text).toContain('kinesis');
		expect(text).not.toContain('kinesis_data');
		expect(text).toMatch(/100% busy/);
		expect(text).toMatch(/throttles/);
		expect(text).toMatch(/drops/);
		for (const line of lines) expect(width(line.text)).toBeLessThanOrEqual(80);
	});

	it('colours each box by its own health: spans carry the tones, and join to the line text', () => {
		const lines = pipelineDiagram(four, 80);
		for (const line of lines) expect(line.spans!.map((span) => span.text).join('').trimEnd()).toBe(line.text);
		const tones = lines[1]!.spans!.filter((span) => span.tone).map((span) => span.tone);
		expect(tones).toEqual(['bad', 'ok', 'ok', 'ok']);
	});

	it('wraps onto a second row that starts with an arrow when the stages do not fit', () => {
		const five = [...four, stage('long-archive', 0.2, {kind: 'store', component: 's3'})];
		const lines = pipelineDiagram(five, 80);
		const rows = lines.filter((line) => line.text.trimStart().startsWith('┌') || line.text.startsWith('   ┌'));
		expect(rows).toHaveLength(2);
		const secondRowName = lines.findIndex((line) => line.text.includes('long-archive'));
		expect(lines[secondRowName]!.text.startsWith('──▶')).toBe(true);
		for (const width of [30, 40, 80, 120]) for (const line of pipelineDiagram(five, width)) expect([...line.text].length).toBeLessThanOrEqual(Math.max(width, 16));
		expect(pipelineDiagram(five, 120).filter((line) => line.text.includes('┌'))).toHaveLength(1);
	});

	it('draws nothing for an empty pipeline', () => {
		expect(pipelineDiagram([], 80)).toEqual([]);
	});
});
