/**
`dojo report <round-id>|--last [--out FILE]`: a Markdown summary of a saved
round to share with a mentor — finished or not, it covers what was done. The
round is rebuilt from its stored events; when the design was never run at 10x
the report runs that simulation itself, so the table always has 1x, the daily
peak and 10x.
*/
import {writeFileSync} from 'node:fs';
import {designEditor, designModel} from '../flow/design.js';
import {estimateSpecs} from '../flow/estimate.js';
import {currentPhase, systemDesign, type RoundContext} from '../flow/round-machine.js';
import {reviewRound} from '../flow/score.js';
import {whatIfsFor} from '../flow/what-ifs.js';
import {UsageError} from '../errors.js';
import {num} from '../present/format.js';
import {renderRoundReport, type RoundReport} from '../present/report.js';
import type {Catalogue} from '../scenarios/builtin.js';
import {defaultDuration, simulate, type SimResult, type Stage} from '../sim/index.js';
import type {StoredRound} from '../store/index.js';
import {roundArgument} from './round-argument.js';
import {openProgress} from './app-recorder.js';
import type {Command} from './command.js';
import {replayStored} from './round-replay.js';

const groupTitles: Record<string, string> = {input: 'input data', transformation: 'transformation', output: 'output', other: 'context'};
const replyKinds = new Set(['answer', 'repeat', 'offer', 'assume', 'design-choice']);

/** Each question the candidate typed, with what the interviewer said back. */
function questionsWithReplies(context: RoundContext): RoundReport['questions'] {
	const out: Array<{text: string; questionId: string | null; replies: string[]}> = [];
	let open: (typeof out)[number] | undefined;
	for (const entry of context.transcript) {
		if (entry.who === 'candidate') {
			open = entry.kind === 'question' ? {text: entry.text, questionId: null, replies: []} : undefined;
			if (open) out.push(open);
		} else if (open && replyKinds.has(entry.kind)) {
			open.replies.push(entry.text);
			if (open.questionId === null && (entry.kind === 'answer' || entry.kind === 'repeat') && entry.questionIds?.length) open.questionId = entry.questionIds[0]!;
		} else open = undefined;
	}
	return out;
}

/** A stage's settings in a few words: its numeric and named knobs ("shards 20, partition_key user_id"). */
function stageDetail(stage: Stage): string {
	const skip = new Set(['id', 'kind', 'component', 'label', 'next']);
	return Object.entries(stage)
		.filter(([key, value]) => !skip.has(key) && (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'))
		.slice(0, 4)
		.map(([key, value]) => `${key} ${typeof value === 'number' ? num(value) : String(value)}`)
		.join(', ');
}

/** The runs of the final design for the table: 1x and the daily peak, the what-ifs, and 10x (simulated here if never run). */
function simulationRuns(context: RoundContext): RoundReport['runs'] {
	const scenario = systemDesign(context);
	if (!scenario || context.design.stages.length === 0) return [];
	const current = context.runs.filter((run) => run.designVersion === context.design.version && run.purpose !== 'rank');
	const lastDesignRequest = Math.max(-1, ...current.filter((run) => run.purpose === 'design').map((run) => run.requestId));
	const rows: Array<{label: string; note?: string; result: SimResult}> = current.filter((run) => run.purpose === 'design' && run.requestId === lastDesignRequest).map((run) => ({label: run.label, result: run.result}));
	for (const run of current.filter((candidate) => candidate.purpose === 'what-if' && candidate.label !== 'before')) rows.push({label: run.label, note: 'what-if', result: run.result});
	const mean = scenario.workload.events_per_min / 60;
	const hasTenX = rows.some((row) => row.result.load_per_s >= 9.99 * mean);
	if (!hasTenX && designEditor.runProblems(scenario, context.design).length === 0) {
		const model = designModel(scenario, context.design);
		rows.push({label: '10x load', note: 'simulated for this report', result: simulate({scenario: scenario.id, arch: 'design', model}, {seed: context.seed, durationS: defaultDuration(model), replications: 1, scale: 10})});
	}
	return rows;
}

/** Gathers a replayed round into what the report says. */
export function gatherReport(round: StoredRound, context: RoundContext): RoundReport {
	const review = reviewRound(context);
	const scenario = systemDesign(context);
	const specs = scenario ? estimateSpecs(scenario.workload) : [];
	const tried = [...new Set(context.runs.filter((run) => run.purpose === 'what-if' && run.whatIf !== null).map((run) => run.whatIf!))];
	const whatIfs = scenario ? whatIfsFor(scenario, context.design.stages) : [];
	return {
		id: round.id,
		scenario: {id: context.scenario.id, title: context.scenario.title, kind: context.scenario.kind, prompt: context.scenario.prompt},
		mode: round.mode,
		startedAt: new Date(round.startedAt).toISOString(),
		finishedAt: round.finishedAt === null ? null : new Date(round.finishedAt).toISOString(),
		phase: currentPhase(context).title,
		questions: questionsWithReplies(context),
		missed: review.missedQuestions.map((missed) => ({group: groupTitles[missed.group] ?? missed.group, ask: missed.ask, answer: missed.answer})),
		revealed: context.revealed.map((id) => context.scenario.questions.find((question) => question.id === id)?.ask ?? id),
		assumptions: context.assumptions.map((assumption) => assumption.text),
		estimates: specs.map((spec, index) => {
			const grade = review.estimates[index]!;
			return {label: spec.label, typed: context.estimates[spec.id] ?? null, expected: `${num(spec.expected)} ${spec.unit}`, says: grade.says, formula: spec.formula, credit: grade.credit};
		}),
		estimatesSubmitted: context.estimatesSubmitted,
		apis: review.apis,
		design: scenario
			? {
					from: context.design.from,
					source: `${num(scenario.workload.events_per_min)} events/min`,
					stages: context.design.stages.map((stage) => ({id: stage.id, title: `${stage.label ?? stage.id}: ${'component' in stage && stage.component ? stage.component : stage.kind}`, detail: stageDetail(stage), ...(stage.next ? {next: stage.next} : {})})),
				}
			: null,
		runs: simulationRuns(context),
		whatIfs: tried.map((id) => whatIfs.find((whatIf) => whatIf.id === id) ?? {title: id, says: ''}).map((whatIf) => ({title: whatIf.title, says: whatIf.says})),
		deepDive: review.deepDive.map((question) => ({question: question.question, answer: context.deepDiveAnswers[question.id]?.text ?? null, points: question.points})),
		cards: review.cards.map((card) => ({ask: card.ask, given: context.cardAnswers[card.id]?.text ?? null, right: card.right, answer: card.answer, ...(card.correction ? {correction: card.correction} : {}), source: card.source})),
		attempts: context.attempts.map((attempt) => ({exercise: attempt.exerciseId, passed: attempt.report.passed, checksPassed: attempt.report.checks.filter((check) => check.passed).length, checksTotal: attempt.report.checks.length})),
		score: {total: review.total, areas: review.areas.map((area) => ({title: area.title, score: area.score, details: area.details}))},
		time: review.time.map((entry) => ({title: entry.title, minutes: entry.minutes, box: entry.box})),
	};
}

/** The report of a stored round as Markdown. */
export function roundReport(catalogue: Catalogue, round: StoredRound, events: readonly unknown[]): string {
	const context = replayStored(catalogue, round, events);
	if (!context) throw new UsageError(`round ${round.id} is a round of "${round.scenario}", which is not among the loaded scenarios (add its file with --scenarios FILE)`);
	return renderRoundReport(gatherReport(round, context));
}

/** `dojo report`. */
export const reportCommand: Command = {
	name: 'report',
	summary: 'a Markdown summary of a round, to share with a mentor',
	help: `
  Usage
    $ dojo report <round-id> [--out FILE]
    $ dojo report --last [--out FILE]

  Writes a Markdown summary of a saved round (finished or not): the scenario,
  your questions with the interviewer's answers and the key questions missed,
  the assumptions, the estimates against the expected figures with formulas,
  the API choices, the final design as a Mermaid flowchart, the simulation at
  1x, the daily peak and 10x (run for the report if you never ran it) and the
  what-ifs, the deep-dive points covered and missed, the score by area and the
  time per phase. Round ids are listed by \`dojo history\`.

  Options
    --last      the most recently started round
    --out FILE  write the report to FILE instead of printing it

  Examples
    $ dojo report --last
    $ dojo report 3 --out round-3.md
`,
	flags: {last: {type: 'boolean', default: false}, out: {type: 'string'}},
	async run({input, flags, catalogue, stdout, stderr}) {
		const id = roundArgument('report', input, Boolean(flags['last']));
		const store = openProgress(stderr);
		try {
			const rounds = store.rounds();
			if (rounds.length === 0) throw new UsageError('no rounds are saved yet: play one with `dojo practice <scenario>`');
			const round = id === undefined ? rounds.toSorted((a, b) => b.startedAt - a.startedAt || b.id - a.id)[0]! : store.round(Number(id));
			if (!round) throw new UsageError(`no round ${id}; saved rounds are ${rounds.map((candidate) => candidate.id).join(', ')} (see \`dojo history\`)`);
			const markdown = roundReport(catalogue(), round, store.events(round.id));
			const out = flags['out'] as string | undefined;
			if (out === undefined) stdout.write(markdown);
			else {
				try {
					writeFileSync(out, markdown);
				} catch (error) {
					throw new UsageError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
				}
				stderr.write(`dojo: wrote the report of round ${round.id} to ${out}\n`);
			}
			return 0;
		} finally {
			store.close();
		}
	},
};
