/**
The Markdown summary of a round to share with a mentor (`dojo report`): what
was asked and answered, what was missed, the assumptions, the estimates with
their formulas, the API choices, the design as a Mermaid flowchart, the
simulation table, the deep dive, the score by area and the time per phase.

Pure: the command gathers the round into a `RoundReport` (plain data); this
only writes text, so the same round always gives the same Markdown.
*/
import type {SimResult} from '../sim/index.js';
import {ms, num, seconds, usd} from './format.js';
import {pipelineFlowchart, type ChartStage} from './report-mermaid.js';

/** Everything the report says, gathered from a round. */
export type RoundReport = {
	readonly id: number;
	readonly scenario: {readonly id: string; readonly title: string; readonly kind: string; readonly prompt: string};
	readonly mode: string;
	readonly startedAt: string;
	readonly finishedAt: string | null;
	/** The title of the phase reached. */
	readonly phase: string;
	readonly questions: ReadonlyArray<{readonly text: string; readonly questionId: string | null; readonly replies: readonly string[]}>;
	readonly missed: ReadonlyArray<{readonly group: string; readonly ask: string; readonly answer: string}>;
	readonly revealed: readonly string[];
	readonly assumptions: readonly string[];
	/** Empty when the round has no estimates (data modeling). */
	readonly estimates: ReadonlyArray<{readonly label: string; readonly typed: string | null; readonly expected: string; readonly says: string; readonly formula: string; readonly credit: number}>;
	readonly estimatesSubmitted: boolean;
	readonly apis: ReadonlyArray<{readonly between: string; readonly chosen: string | null; readonly expected: string; readonly right: boolean; readonly why: string}>;
	/** The design at the end; null for a round without one. */
	readonly design: {readonly from: string | null; readonly source: string; readonly stages: readonly ChartStage[]} | null;
	/** Simulation runs, in the order the table shows them. */
	readonly runs: ReadonlyArray<{readonly label: string; readonly note?: string; readonly result: SimResult}>;
	readonly whatIfs: ReadonlyArray<{readonly title: string; readonly says: string}>;
	readonly deepDive: ReadonlyArray<{readonly question: string; readonly answer: string | null; readonly points: ReadonlyArray<{readonly text: string; readonly covered: boolean}>}>;
	/** The knowledge cards the round asked (empty when it had none). */
	readonly cards?: ReadonlyArray<{readonly ask: string; readonly given: string | null; readonly right: boolean; readonly answer: string; readonly correction?: string; readonly source: string}>;
	readonly attempts: ReadonlyArray<{readonly exercise: string; readonly passed: boolean; readonly checksPassed: number; readonly checksTotal: number}>;
	readonly score: {readonly total: number; readonly areas: ReadonlyArray<{readonly title: string; readonly score: number; readonly details: readonly string[]}>};
	readonly time: ReadonlyArray<{readonly title: string; readonly minutes: number; readonly box: number}>;
};

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
	return text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|').trim() || ' ';
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
	return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

function questionsSection(report: RoundReport): string[] {
	const out = ['## Clarifying questions', ''];
	if (report.questions.length === 0) out.push('No questions were asked.');
	else out.push(...markdownTable(['#', 'Asked', "Interviewer's answer"], report.questions.map((question, index) => [String(index + 1), question.text, question.replies.join(' ') || '(no reply)'])));
	if (report.revealed.length > 0) out.push('', `Answers revealed by the interviewer: ${report.revealed.join('; ')}.`);
	out.push('', '### Key questions missed', '');
	if (report.missed.length === 0) out.push('None: every key question was asked.');
	else for (const missed of report.missed) out.push(`- **${missed.ask}** (${missed.group}) — ${missed.answer.trim()}`);
	out.push('', '## Assumptions stated', '');
	if (report.assumptions.length === 0) out.push('None.');
	else for (const assumption of report.assumptions) out.push(`- ${assumption}`);
	return out;
}

function estimatesSection(report: RoundReport): string[] {
	if (report.estimates.length === 0) return [];
	const out = ['', '## Estimates', ''];
	if (!report.estimatesSubmitted) out.push('_Not handed in yet: the figures typed so far, ungraded._', '');
	out.push(...markdownTable(['Figure', 'Yours', 'Expected', 'Verdict', 'Formula'], report.estimates.map((estimate) => [estimate.label, estimate.typed ?? '–', estimate.expected, `${estimate.credit >= 1 ? '✓' : estimate.credit > 0 ? '≈' : '✗'} ${estimate.says}`, estimate.formula])));
	return out;
}

function apisSection(report: RoundReport): string[] {
	if (report.apis.length === 0) return [];
	return ['', '## API choices', '', ...markdownTable(['Between', 'Chosen', 'Expected', 'Why'], report.apis.map((api) => [api.between, `${api.chosen ?? 'not chosen'}${api.chosen === null ? '' : api.right ? ' ✓' : ' ✗'}`, api.expected, api.why]))];
}

function designSection(report: RoundReport): string[] {
	const design = report.design;
	if (!design) return [];
	const out = ['', '## Final design', ''];
	if (design.stages.length === 0) return [...out, 'No pipeline was built.'];
	out.push(design.from ? `Started from the architecture \`${design.from}\`, then edited.` : 'Built from scratch.', '');
	out.push('```mermaid', pipelineFlowchart(design.source, design.stages), '```');
	return out;
}

function simulationSection(report: RoundReport): string[] {
	if (!report.design) return [];
	const out = ['', '## Simulation', ''];
	if (report.runs.length === 0) return [...out, 'The design was not simulated.'];
	const rows = report.runs.map(({label, note, result}) => [
		note ? `${label} (${note})` : label,
		`${num(result.load_per_s)}/s`,
		result.slo.met ? 'met' : 'MISSED',
		ms(result.end_to_end.latency_ms.p99),
		seconds(result.end_to_end.freshness_s),
		num(result.end_to_end.lost),
		result.bottleneck ? `${result.bottleneck.component}: ${result.bottleneck.reason}` : '–',
		result.cost.per_month_usd === null ? '–' : `${usd(result.cost.per_month_usd)}/mo`,
	]);
	out.push(...markdownTable(['Run', 'Load', 'SLO', 'p99 latency', 'Freshness', 'Lost', 'Bottleneck', 'Cost'], rows));
	if (report.whatIfs.length > 0) {
		out.push('', '### What-ifs tried', '');
		for (const whatIf of report.whatIfs) out.push(`- **${whatIf.title}**: ${whatIf.says}`);
	}
	return out;
}

function deepDiveSection(report: RoundReport): string[] {
	if (report.deepDive.length === 0) return [];
	const out = ['', '## Deep dive', ''];
	for (const question of report.deepDive) {
		out.push(`### ${question.question.trim()}`, '');
		if (question.answer) out.push(`> ${question.answer.replace(/\n/g, ' ')}`, '');
		else out.push('_Not answered._', '');
		for (const point of question.points) out.push(`- [${point.covered ? 'x' : ' '}] ${point.text}`);
		out.push('');
	}
	out.pop();
	return out;
}

function cardsSection(report: RoundReport): string[] {
	if (!report.cards || report.cards.length === 0) return [];
	const out = ['', '## Knowledge cards', ''];
	for (const card of report.cards) {
		out.push(`- [${card.right ? 'x' : ' '}] ${card.ask.trim()} — answered ${card.given === null ? '_not answered_' : `\`${card.given}\``}; the answer: ${card.answer}`);
		if (card.correction) out.push(`  - ${card.correction}`);
		out.push(`  - source: ${card.source.trim()}`);
	}
	return out;
}

function attemptsSection(report: RoundReport): string[] {
	if (report.attempts.length === 0) return [];
	return ['', '## SQL exercises', '', ...markdownTable(['Exercise', 'Result', 'Checks'], report.attempts.map((attempt) => [attempt.exercise, attempt.passed ? 'passed' : 'failed', `${attempt.checksPassed}/${attempt.checksTotal}`]))];
}

function scoreSection(report: RoundReport): string[] {
	const out = ['', '## Score', '', `**${report.score.total}/100**${report.finishedAt === null ? ' so far (the round is unfinished)' : ''}`, ''];
	out.push(...markdownTable(['Area', 'Score', 'How'], report.score.areas.map((area) => [area.title, String(area.score), area.details.join('; ')])));
	out.push('', '## Time per phase', '', ...markdownTable(['Phase', 'Minutes', 'Time box'], report.time.map((entry) => [entry.title, num(entry.minutes), `${entry.box} min`])));
	return out;
}

/** The whole report as Markdown. */
export function renderRoundReport(report: RoundReport): string {
	const status = report.finishedAt === null ? `unfinished (reached ${report.phase})` : `finished ${report.finishedAt}`;
	const lines = [
		`# ${report.scenario.title}: round ${report.id}`,
		'',
		`Scenario \`${report.scenario.id}\` (${report.scenario.kind}) · ${report.mode} mode · started ${report.startedAt} · ${status}`,
		'',
		'## The scenario',
		'',
		...report.scenario.prompt.trim().split('\n').map((line) => `> ${line.trim()}`),
		'',
		...questionsSection(report),
		...estimatesSection(report),
		...apisSection(report),
		...designSection(report),
		...simulationSection(report),
		...deepDiveSection(report),
		...cardsSection(report),
		...attemptsSection(report),
		...scoreSection(report),
	];
	return `${lines.join('\n')}\n`;
}
