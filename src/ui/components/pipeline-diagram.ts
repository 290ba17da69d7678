/**
The pipeline as boxes and arrows, one box per stage in flow order, each
coloured by how hard the stage works and marked when it throttles, drops or
falls behind. The words carry the meaning too (a percentage and the marks), so
the diagram reads the same with NO_COLOR.
*/
import {palette, type ComponentResult} from '../../sim/light.js';
import type {Line, Span, Tone} from '../screens/lines.js';

/** How a stage fared in a run: a tone for its box and the marks printed in it. */
export type StageHealth = {readonly tone: Tone; readonly marks: readonly string[]};

/** A stage is hot from 70% utilisation (queueing delay grows fast beyond it: M/M/1 waits are ρ/(1−ρ) service times, 2.3 at 70%). */
const HOT = 0.7;

/** A backlog grows when it rises faster than 1% of the stage's throughput (noise in a stage that keeps up stays below it). */
function fallsBehind(component: ComponentResult): boolean {
	return component.backlog_growth_per_s > Math.max(1, 0.01 * component.throughput_per_s);
}

/** The health of one stage: bad when it loses data, is saturated or falls behind; warn when hot or throttled. */
export function stageHealth(component: ComponentResult): StageHealth {
	const marks: string[] = [];
	if (component.throttled > 0) marks.push('throttles');
	if (component.lost + component.dropped > 0) marks.push('drops');
	if (fallsBehind(component)) marks.push('behind');
	const bad = component.lost + component.dropped > 0 || component.utilization >= 1 || fallsBehind(component);
	const tone: Tone = bad ? 'bad' : component.throttled > 0 || component.utilization >= HOT ? 'warn' : 'ok';
	return {tone, marks};
}

const ARROW = '──▶';
const MIN_INNER = 9;
const MAX_INNER = 12;

function fit(text: string, inner: number): string {
	const chars = [...text];
	return chars.length <= inner ? text + ' '.repeat(inner - chars.length) : `${chars.slice(0, inner - 1).join('')}…`;
}

function percent(utilization: number): string {
	return `${Math.round(utilization * 100)}% busy`;
}

/** The component's short name from the palette ("kinesis", "lambda"), else the catalogue's own. */
function shortName(component: ComponentResult): string {
	const entry = palette.find((candidate) => candidate.template.kind === component.kind && (!('component' in candidate.template) || candidate.template.component === component.component));
	return entry?.id ?? component.component;
}

/** The text rows inside a stage's box: its id, its component, its load, then one row per mark. */
function boxContent(component: ComponentResult, health: StageHealth): string[] {
	return [component.id, shortName(component), percent(component.utilization), ...health.marks];
}

/**
Draws the stages as rows of boxes joined by arrows, as many per row as the
width holds; a row that continues the one above starts with an arrow.
*/
export function pipelineDiagram(components: readonly ComponentResult[], width: number): Line[] {
	if (components.length === 0) return [];
	const healths = components.map(stageHealth);
	const contents = components.map((component, index) => boxContent(component, healths[index]!));
	const longest = Math.max(...contents.flat().map((text) => [...text].length));
	const inner = Math.max(MIN_INNER, Math.min(MAX_INNER, longest));
	const boxWidth = inner + 4;
	const oneRow = components.length * boxWidth + (components.length - 1) * ARROW.length <= width;
	const perRow = oneRow ? components.length : Math.max(1, Math.floor(width / (boxWidth + ARROW.length)));
	const height = Math.max(...contents.map((content) => content.length));
	const lines: Line[] = [];
	for (let start = 0; start < components.length; start += perRow) {
		const rowLines: Span[][] = Array.from({length: height + 2}, () => []);
		for (let index = start; index < Math.min(components.length, start + perRow); index++) {
			const tone = healths[index]!.tone;
			const content = contents[index]!;
			const pieces = [`┌${'─'.repeat(inner + 2)}┐`, ...Array.from({length: height}, (_, row) => `│ ${fit(content[row] ?? '', inner)} │`), `└${'─'.repeat(inner + 2)}┘`];
			for (const [rowIndex, piece] of pieces.entries()) {
				if (index > 0) rowLines[rowIndex]!.push({text: rowIndex === 1 ? ARROW : ' '.repeat(ARROW.length)});
				rowLines[rowIndex]!.push({text: piece, tone});
			}
		}
		for (const spans of rowLines) lines.push({text: spans.map((span) => span.text).join('').trimEnd(), spans});
	}
	return lines;
}
