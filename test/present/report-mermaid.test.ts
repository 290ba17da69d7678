/** The report's Mermaid flowchart holds together whatever the stage ids and labels contain. */
import {describe, expect, it} from 'vitest';
import {mermaidLabel, pipelineFlowchart} from '../../src/present/report-mermaid.js';
import {parseFlowchart} from './mermaid-structure.js';

describe('pipelineFlowchart', () => {
	it('gives every stage a safe id and a quoted label, and links them in order', () => {
		const chart = pipelineFlowchart('500,000 events/min', [
			{id: 'end', title: 'end: the "last" <stage> [x] | y', detail: 'shards 20'},
			{id: 'my-stage.2', title: 'count (lambda) #1'},
			{id: 'end', title: 'a duplicate id'},
		]);
		const parsed = parseFlowchart(chart);
		expect(parsed.problems).toEqual([]);
		expect(parsed.nodes.map((node) => node.id)).toEqual(['source', 's0_end', 's1_my_stage_2', 's2_end']);
		expect(parsed.edges).toEqual([['source', 's0_end'], ['s0_end', 's1_my_stage_2'], ['s1_my_stage_2', 's2_end']]);
		expect(parsed.nodes[1]!.label).toBe('end: the #quot;last#quot; #lt;stage#gt; [x] | y<br/>shards 20');
		expect(parsed.nodes[2]!.label).toBe('count (lambda) #35;1');
	});

	it('follows `next` when a stage names where records go', () => {
		const parsed = parseFlowchart(pipelineFlowchart('s', [{id: 'a', title: 'a', next: 'c'}, {id: 'b', title: 'b'}, {id: 'c', title: 'c'}]));
		expect(parsed.edges).toEqual([['source', 's0_a'], ['s0_a', 's2_c'], ['s1_b', 's2_c']]);
	});

	it('the structure check catches what Mermaid would reject', () => {
		expect(parseFlowchart('flowchart LR\n  a["say "hi""]').problems).toHaveLength(1);
		expect(parseFlowchart('flowchart LR\n  end["x"]').problems).toEqual(['reserved id: end']);
		expect(parseFlowchart('flowchart LR\n  a["x"]\n  a --> b').problems).toEqual(['edge to undefined node: b']);
		expect(mermaidLabel('a\n  "b"')).toBe('a #quot;b#quot;');
	});
});
