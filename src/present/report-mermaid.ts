/**
A pipeline as a Mermaid flowchart, for the round report: GitHub and most
Markdown viewers draw it. Node ids are made safe (letters, digits and `_`,
never a Mermaid keyword such as `end`), and every label is a quoted string with
the characters Mermaid would read as syntax written as entities.
*/

/** One box of the chart. */
export type ChartStage = {
	readonly id: string;
	/** What the box says, first line (e.g. "ingest: kinesis"). */
	readonly title: string;
	/** Settings shown under the title (e.g. "shards 20"). */
	readonly detail?: string;
	/** The id of the stage records go to next; by default the one after it. */
	readonly next?: string;
};

/** A label as Mermaid reads a quoted string: quotes and angle brackets as entities, one line. */
export function mermaidLabel(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replaceAll('#', '#35;')
		.replaceAll('"', '#quot;')
		.replaceAll('<', '#lt;')
		.replaceAll('>', '#gt;');
}

/** A stage id as a Mermaid node id: `s<position>_<id with anything else as _>`. */
export function mermaidId(id: string, index: number): string {
	return `s${index}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The flowchart: the source, each stage in order (or as `next` says), left to right. */
export function pipelineFlowchart(source: string, stages: readonly ChartStage[]): string {
	const ids = new Map(stages.map((stage, index) => [stage.id, mermaidId(stage.id, index)]));
	const lines = ['flowchart LR', `  source(["${mermaidLabel(source)}"])`];
	for (const [index, stage] of stages.entries()) {
		const label = stage.detail ? `${mermaidLabel(stage.title)}<br/>${mermaidLabel(stage.detail)}` : mermaidLabel(stage.title);
		lines.push(`  ${mermaidId(stage.id, index)}["${label}"]`);
	}
	if (stages.length > 0) lines.push(`  source --> ${mermaidId(stages[0]!.id, 0)}`);
	for (const [index, stage] of stages.entries()) {
		const next = stage.next === undefined ? stages[index + 1] && mermaidId(stages[index + 1]!.id, index + 1) : ids.get(stage.next);
		if (next) lines.push(`  ${mermaidId(stage.id, index)} --> ${next}`);
	}
	return lines.join('\n');
}
