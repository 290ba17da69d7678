/**
The Redshift table-design exercise as text: the task with each table's rows,
columns and key distributions, and a grading with every check and the
figures beside the best design's. Plain lines, for `dojo exercise`.
*/
import type {KeyDistribution} from '../scenarios/model-schema.js';
import type {TableDesign} from '../scenarios/table-design-schema.js';
import {blockBytes, count} from './figures.js';
import type {DesignReport} from './grade.js';

function keyText(key: KeyDistribution): string {
	if (key.kind === 'uniform') return `${count(key.cardinality)} values, evenly used`;
	if (key.kind === 'zipf') return `${count(key.cardinality)} values, Zipf (s = ${key.exponent}): a few values dominate`;
	const shares = Object.entries(key.shares).sort((a, b) => b[1] - a[1]);
	return `${shares.length} values: ${shares.map(([value, share]) => `${value} ${Math.round(share * 100)}%`).join(', ')}`;
}

/** The task: the cluster, the tables and the query pattern, and how to answer. */
export function designTaskLines(design: TableDesign): string[] {
	const slices = design.cluster.nodes * design.cluster.slices_per_node;
	const lines = [`${design.title} (${design.id})`, '', ...design.task.trimEnd().split('\n'), '', `Cluster: ${design.cluster.nodes} nodes × ${design.cluster.slices_per_node} slices = ${slices} slices; columns are stored in ${blockBytes / 1_048_576} MB blocks per slice.`, ''];
	for (const table of design.tables) {
		lines.push(`${table.name}: ${count(table.rows)} rows`);
		lines.push(`  columns (bytes per value on disk): ${Object.entries(table.columns).map(([column, bytes]) => `${column} ${bytes}`).join(', ')}`);
		for (const [column, key] of Object.entries(table.keys)) lines.push(`  ${column}: ${keyText(key)}`);
	}
	lines.push('', 'Queries:');
	for (const query of design.queries) {
		const range = query.range ? ` — filters ${query.range.column} to ${query.range.span} of ${query.range.of} ${query.range.unit}` : '';
		const joins = query.joins.length > 0 ? `; joins ${query.joins.map((join) => `${join.table} on ${join.on}`).join(', ')}` : '';
		lines.push(`  ${query.id}: ${query.says}${range}; reads ${query.reads.join(', ')} of ${query.scans}${joins}`);
	}
	lines.push('', `Grade a file:  dojo exercise ${design.id} --answer FILE.sql (or FILE.yaml) [--json]`);
	return lines;
}

/** A grading: passed or not, every check, and the figures of the answer beside the best design's. */
export function designReportLines(design: TableDesign, report: DesignReport): string[] {
	const passed = report.checks.filter((check) => check.passed).length;
	const lines = [`${design.title}: ${report.passed ? 'passed' : 'not yet'} — ${passed}/${report.checks.length} checks passed`, ''];
	for (const check of report.checks) lines.push(`${check.passed ? '✓' : '✗'} ${check.id}: ${check.message}`);
	lines.push('', 'Your design beside the best one:');
	for (const [index, table] of report.figures.answer.tables.entries()) {
		const best = report.figures.best.tables[index]!;
		lines.push(`  ${table.name}: ${table.choice}${table.sortkey ? ` SORTKEY(${table.sortkey})` : ''}  |  best ${best.choice}${best.sortkey ? ` SORTKEY(${best.sortkey})` : ''}`);
	}
	lines.push('', `Formulas: rows on a slice = rows × the slice's share (KEY hashes each DISTKEY value to one slice; EVEN is round-robin); skew = rows on the fullest slice ÷ (rows ÷ slices); blocks per slice and column = ceil(rows on the slice × bytes per value ÷ 1,048,576); a range on the leading sort key reads ceil(blocks × span ÷ of) + 1 of them, otherwise all.`);
	lines.push(`source: ${design.source}`);
	return lines;
}
