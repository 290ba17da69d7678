/**
A structural reader for the Mermaid flowcharts the report writes: the header,
node definitions with quoted labels, and `a --> b` edges. Anything else, an
edge to an undefined node, a duplicate id, a reserved id or a label with a raw
quote or angle bracket is a problem (brackets are fine inside quotes). Not a full Mermaid parser: it holds the subset
the report uses to what Mermaid accepts.
*/

/** What a chart holds, and what is wrong with it. */
export type Flowchart = {nodes: Array<{id: string; label: string}>; edges: Array<[string, string]>; problems: string[]};

const reserved = new Set(['end', 'subgraph', 'graph', 'flowchart', 'style', 'class', 'classDef', 'click', 'linkStyle', 'direction']);

/** Reads a chart. */
export function parseFlowchart(text: string): Flowchart {
	const [header, ...lines] = text.split('\n');
	const chart: Flowchart = {nodes: [], edges: [], problems: []};
	if (!/^flowchart (LR|TD|TB|RL|BT)$/.test(header ?? '')) chart.problems.push(`header: ${header}`);
	for (const line of lines) {
		const node = /^ {2}([A-Za-z][A-Za-z0-9_]*)(?:\["([^"]*)"\]|\(\["([^"]*)"\]\))$/.exec(line);
		const edge = /^ {2}([A-Za-z][A-Za-z0-9_]*) --> ([A-Za-z][A-Za-z0-9_]*)$/.exec(line);
		if (node) {
			const label = node[2] ?? node[3]!;
			if (reserved.has(node[1]!.toLowerCase())) chart.problems.push(`reserved id: ${node[1]}`);
			if (chart.nodes.some((existing) => existing.id === node[1])) chart.problems.push(`duplicate id: ${node[1]}`);
			if (/[<>]/.test(label.replaceAll('<br/>', ''))) chart.problems.push(`angle bracket in label: ${label}`);
			chart.nodes.push({id: node[1]!, label});
		} else if (edge) chart.edges.push([edge[1]!, edge[2]!]);
		else chart.problems.push(`unreadable line: ${line}`);
	}
	for (const [from, to] of chart.edges) for (const id of [from, to]) if (!chart.nodes.some((node) => node.id === id)) chart.problems.push(`edge to undefined node: ${id}`);
	return chart;
}
