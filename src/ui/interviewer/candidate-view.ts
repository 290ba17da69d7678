/**
What the shared screen shows of a round run by an interviewer: the phase, the
conversation (questions, the answers given, revealed answers, notes), the
candidate's own figures and choices, the pipeline and its simulation results,
the current deep-dive question. Built only from what the candidate has been
told: no bank answer of a question not asked or revealed, no expected figure,
no model answer, no good-answer point, no score. Pure lines, so a test can
check every state of a round.
*/
import {currentPhase, designRuns, systemDesign, type RoundContext} from '../../flow/round-machine.js';
import type {Line} from '../screens/lines.js';

const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text);

/** Lines of the candidate's view of a round, for a screen `width` wide. */
export function candidateLines(context: RoundContext, width: number): Line[] {
	const phase = currentPhase(context);
	const lines: Line[] = [
		{text: fit(context.phases.map((candidate, index) => `${index < context.phaseIndex ? '✓' : index === context.phaseIndex ? '▶' : ' '}${candidate.short}`).join('  '), width), tone: 'strong'},
		{text: fit(`${phase.title}: ${phase.goal}`, width), tone: 'dim'},
		{text: ''},
	];
	// The review is the interviewer's to give: its goal line and model answers stay off the shared screen.
	if (context.finishedAt !== null || phase.id === 'review') return [lines[0]!, {text: ''}, {text: 'The interviewer is reviewing the round with you.', tone: 'accent'}];
	const side: Line[] = [];
	const scenario = systemDesign(context);
	if (scenario && Object.keys(context.estimates).length > 0) side.push({text: fit(`Your estimates: ${Object.values(context.estimates).filter(Boolean).join(' · ')}`, width)});
	const chosen = context.apiChoices.map((choice, index) => (choice && scenario ? `${scenario.apis[index]!.between}: ${choice}` : null)).filter(Boolean);
	if (chosen.length > 0) side.push({text: fit(`APIs: ${chosen.join(' · ')}`, width)});
	if (context.design.stages.length > 0) side.push({text: fit(`Pipeline: ${context.design.stages.map((stage) => `${stage.id} (${'component' in stage ? stage.component : stage.kind})`).join(' → ')}`, width)});
	for (const run of designRuns(context).slice(0, 4).reverse()) {
		const result = run.result;
		const limit = result.bottleneck ? ` · bottleneck ${result.bottleneck.component}` : '';
		side.push({text: fit(`  ${run.label}: SLO ${result.slo.met ? 'met' : 'MISSED'} · p99 ${Math.round(result.end_to_end.latency_ms.p99)} ms · lost ${result.end_to_end.lost}${limit}`, width), tone: result.slo.met ? 'ok' : 'bad'});
	}
	if (context.pending) side.push({text: `  simulating ${context.pending.label}…`, tone: 'dim'});
	if (phase.id === 'deep-dive' && context.scenario.deep_dives[context.deepDiveIndex]) side.push({text: fit(`Deep dive: ${context.scenario.deep_dives[context.deepDiveIndex]!.question.trim()}`, width), tone: 'accent'});
	const talk: Line[] = context.transcript.map((entry) => ({text: fit(`${entry.who === 'candidate' ? 'You' : 'Interviewer'}: ${entry.text.replace(/\s+/g, ' ')}`, width), ...(entry.kind === 'reveal' ? {tone: 'accent' as const} : entry.who === 'candidate' ? {tone: 'strong' as const} : {})}));
	return [...lines, ...side, ...(side.length > 0 ? [{text: ''}] : []), ...talk];
}
