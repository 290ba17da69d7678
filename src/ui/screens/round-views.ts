/**
What each view of a round shows, as lines at the terminal's width: the
conversation, the estimate form, the API picker, the pipeline editor and its
pickers, the simulation results, the what-ifs, the deep dive, the SQL
exercises and the review. Pure functions of the round's context and the
controller's state, so they are tested without a terminal.
*/
import {apiStyle, apiStyles, judgeApi} from '../../flow/api-styles.js';
import {correctionText, pointsNeeded, rightAnswerText} from '../../flow/cards.js';
import {currentPhase, phaseCards, systemDesign, type RoundContext, type SimRun} from '../../flow/round-machine.js';
import {estimateSpecs, gradeEstimate} from '../../flow/estimate.js';
import {whatIfsFor} from '../../flow/what-ifs.js';
import {reviewRound} from '../../flow/score.js';
import type {GradeReport} from '../../grader/index.js';
import type {Exercise} from '../../scenarios/exercise-schema.js';
import {counted, formatRate, pct} from '../../present/format.js';
import {knobsFor, palette, paletteEntryFor, stagePaths, type SimResult, type Stage} from '../../sim/light.js';
import {pipelineRows, startChoices, type UiState} from '../round-controller.js';
import {blank, paragraph, proseAndCode, wrapped, type Line, type Tone} from './lines.js';

/**
Who the screen is for. `solo`: a candidate practising alone sees everything
once it is earned (verdicts, expected answers, the review's model answers).
`interviewer`: the same, on the interviewer's own screen. `candidate`: the
shared screen of an interviewed round, which never shows an expected answer,
a rubric or an answer the interviewer has not given.
*/
export type Audience = 'solo' | 'interviewer' | 'candidate';

/** A view's lines, and how to scroll them. */
export type ViewLines = {readonly lines: readonly Line[]; readonly fromBottom?: boolean; /** The highlighted line, kept in view. */ readonly focus?: number};

/** Renders a simulation result as lines; the screens pass richer components in, tests a plain one. */
export type ResultRenderer = (runs: ReadonlyArray<{label: string; result: SimResult}>, width: number, context: RoundContext) => Line[];

const who = {candidate: 'You', interviewer: 'Interviewer'} as const;

function entryTone(kind: RoundContext['transcript'][number]['kind'], speaker: 'candidate' | 'interviewer'): Tone | undefined {
	if (speaker === 'candidate') return 'accent';
	if (kind === 'nudge') return 'warn';
	if (kind === 'assume' || kind === 'design-choice' || kind === 'note') return 'dim';
	return undefined;
}

/** The conversation so far, newest last, with a hint at the top for a newcomer. */
export function clarifyLines(context: RoundContext, width: number): ViewLines {
	const lines: Line[] = [];
	const asked = new Set(context.asked);
	const groups = (['input', 'transformation', 'output', 'other'] as const).map((group) => `${group === 'other' ? 'context' : group} ${context.scenario.questions.filter((question) => question.phase === group && asked.has(question.id)).length}`);
	lines.push(...paragraph('Ask the interviewer in your own words: input data (source, frequency, schema, size), transformation (business rules), output (metric, usage, refresh rate, query pattern, retention). Start a line with "assume" to state an assumption.', width, 'dim'));
	lines.push({text: `asked so far: ${groups.join(' · ')}`, tone: 'dim'}, blank);
	for (const entry of context.transcript) {
		const prefix = `${who[entry.who]}: `;
		const tone = entryTone(entry.kind, entry.who);
		lines.push(...wrapped(prefix + entry.text.replace(/\s*\n\s*/g, ' '), width, tone, '  '));
	}
	if (context.offer) lines.push({text: `type 1–${context.offer.length} and enter to pick, or ask again in other words`, tone: 'accent'});
	return {lines, fromBottom: true};
}

/** The estimate form: each figure, what was typed, and after handing in, the verdict and the worked formula. */
export function estimateLines(context: RoundContext, ui: UiState, width: number, audience: Audience = 'solo'): ViewLines {
	const scenario = systemDesign(context);
	if (!scenario) return {lines: []};
	const specs = estimateSpecs(scenario.workload);
	const lines: Line[] = paragraph('Back-of-envelope numbers before the design. ↑/↓ pick a figure, type it (units are fine: 1.35k, 81k/min, 0.37 MB/s, 2.6 TB), enter for the next; enter on the last hands them in.', width, 'dim');
	lines.push(blank);
	let focus = 0;
	for (const [index, spec] of specs.entries()) {
		const current = index === ui.estimateIndex;
		if (current) focus = lines.length;
		// The field shows what is being typed, else what was entered before (also what a following screen shows).
		const typed = current && ui.field.text !== '' ? ui.field.text : (ui.estimateText[spec.id] ?? context.estimates[spec.id] ?? '');
		lines.push({text: `${current ? '›' : ' '} ${spec.label}: ${typed === '' ? (current ? '' : '—') : typed}${current ? '▏' : ''}`, tone: current ? 'selected' : undefined});
		if (context.estimatesSubmitted && audience !== 'candidate') {
			const grade = gradeEstimate(spec, context.estimates[spec.id]);
			const tone: Tone = grade.verdict === 'right' ? 'ok' : grade.verdict === 'close' ? 'warn' : 'bad';
			lines.push(...wrapped(`    ${grade.verdict === 'right' ? '✓' : grade.verdict === 'close' ? '~' : '✗'} ${grade.says}`, width, tone, '      '));
			lines.push(...wrapped(`      ${spec.formula}`, width, 'dim', '  '));
		}
	}
	if (!context.estimatesSubmitted) lines.push(blank, {text: `hint: ${specs[ui.estimateIndex]!.hint}`, tone: 'dim'});
	else if (audience === 'candidate') lines.push(blank, {text: 'estimates handed in; the interviewer goes through them with you', tone: 'dim'});
	return {lines, focus};
}

/** The API picker: each interaction with the style chosen; the styles and their trade-offs; once chosen, the verdict, why, and the call's shape. */
export function apiLines(context: RoundContext, ui: UiState, width: number, audience: Audience = 'solo'): ViewLines {
	const scenario = systemDesign(context);
	if (!scenario || scenario.apis.length === 0) return {lines: paragraph('This scenario names no API between systems; tab to the pipeline.', width, 'dim')};
	const lines: Line[] = paragraph('Start with the APIs: for each pair of systems (↑/↓) pick a style (←/→, then enter).', width, 'dim');
	lines.push(blank);
	for (const [index, api] of scenario.apis.entries()) {
		const chosen = context.apiChoices[index];
		const current = index === ui.apiIndex;
		const judged = chosen && audience !== 'candidate' ? judgeApi(api, chosen) : undefined;
		const verdict = judged ? (judged.verdict === 'right' ? ' ✓' : judged.verdict === 'accepted' ? ' ✓ (accepted)' : ` ✗ (expected ${apiStyle(api.style).title})`) : '';
		lines.push(...wrapped(`${current ? '›' : ' '} ${api.between}: ${chosen ? apiStyle(chosen).title : '—'}${verdict}`, width, current ? 'selected' : judged ? (judged.verdict === 'wrong' ? 'bad' : 'ok') : undefined, '    '));
	}
	lines.push(blank);
	const hovered = apiStyles[ui.apiStyleIndex]!;
	lines.push({text: apiStyles.map((style) => (style.id === hovered.id ? `[${style.id}]` : style.id)).join(' '), tone: 'accent'});
	lines.push(...wrapped(`${hovered.title}: ${hovered.protocol}; ${hovered.format}; ${hovered.state}. + ${hovered.good}. − ${hovered.bad}.`, width, 'dim'));
	const api = scenario.apis[ui.apiIndex]!;
	const chosen = context.apiChoices[ui.apiIndex];
	if (chosen && audience !== 'candidate') {
		const judged = judgeApi(api, chosen);
		lines.push(blank);
		const head = judged.verdict === 'right' ? 'Right' : judged.verdict === 'accepted' ? `Accepted (the scenario expects ${apiStyle(api.style).title}, and ${apiStyle(chosen).title} works too)` : `Expected ${apiStyle(api.style).title}`;
		lines.push(...wrapped(`${head}: ${judged.why}`, width, judged.verdict === 'wrong' ? 'warn' : 'ok'));
		if (judged.verdict === 'accepted') lines.push(...wrapped(`${apiStyle(api.style).title}: ${api.why}`, width, 'dim'));
		if (api.request) lines.push(...wrapped(`  request: ${api.request}`, width, 'dim', '    '));
		if (api.response) lines.push(...wrapped(`  response: ${api.response}`, width, 'dim', '    '));
	}
	return {lines};
}

function knobValue(stage: Stage, name: string): unknown {
	return (stage as Record<string, unknown>)[name];
}

function showValue(value: unknown): string {
	if (value === undefined) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The pipeline editor: each stage with its knobs, the highlighted row, and why the last change was refused. */
export function pipelineLines(context: RoundContext, ui: UiState, width: number): ViewLines {
	const stages = context.design.stages;
	const lines: Line[] = [];
	let focus = 0;
	if (stages.length === 0) {
		lines.push(...paragraph('The pipeline is empty. s starts from one of the scenario\'s architectures; a adds a component (Kinesis, Kafka, Firehose, Lambda, Spark, Flink, Redis, S3, Redshift, Snowflake, …).', width));
	} else {
		// Each reader of a fanned-out stream is a path of its own, drawn from the stream it reads.
		const [main, ...branches] = stagePaths(stages);
		lines.push(...wrapped(`source (${formatRate(sourceRate(context))}) → ${main!.stages.join(' → ')}`, width, 'dim', '  '));
		for (const branch of branches) lines.push(...wrapped(`  └ ${branch.stages.slice(branch.branch).join(' → ')} (another reader of ${branch.stages[branch.branch]})`, width, 'dim', '    '));
		lines.push(blank);
		const rows = pipelineRows(stages);
		for (const [index, row] of rows.entries()) {
			const stage = stages[row.stageIndex]!;
			const selected = index === ui.pipelineRow;
			if (selected) focus = lines.length;
			const cursor = selected ? '›' : ' ';
			if (row.knob === null) {
				lines.push({text: `${cursor} ${row.stageIndex + 1}. ${stage.id} — ${paletteEntryFor(stage)?.title ?? stage.kind}`, tone: selected ? 'selected' : 'strong'});
				continue;
			}
			const spec = knobsFor(stage).find((knob) => knob.name === row.knob)!;
			const value = knobValue(stage, spec.name);
			const shown = value === undefined ? (spec.default === undefined ? '—' : `${spec.default} (default)`) : showValue(value);
			const editing = selected && ui.pipelineMode === 'knob';
			lines.push({text: `${cursor}     ${spec.label}: ${editing ? `${ui.field.text}▏` : shown}${spec.unit && !editing ? ` ${spec.unit}` : ''}`, tone: selected ? 'selected' : undefined});
		}
	}
	if (context.designProblems.length === 0) return {lines, focus};
	// The problems go right under the row being edited, so the field and what is wrong with it are on screen together.
	const problems = context.designProblems.flatMap((problem) => wrapped(`✗ ${problem}`, width, 'bad', '  '));
	if (stages.length === 0) {
		lines.push(blank, ...problems);
		return {lines, focus: lines.length - 1};
	}
	lines.splice(focus + 1, 0, ...problems);
	return {lines, focus: focus + problems.length};
}

/** What the knob being edited takes. */
export function knobHelp(context: RoundContext, ui: UiState): string {
	const row = pipelineRows(context.design.stages)[ui.pipelineRow];
	if (!row?.knob) return '';
	const stage = context.design.stages[row.stageIndex]!;
	const spec = knobsFor(stage).find((knob) => knob.name === row.knob)!;
	const choices = spec.choices === 'keys' ? ['random', ...Object.keys(systemDesign(context)?.workload.keys ?? {})] : spec.choices;
	const parts = [`${stage.id}.${spec.name}: ${spec.label}`];
	if (spec.unit) parts.push(`in ${spec.unit}`);
	if (choices) parts.push(`one of ${choices.join(', ')}`);
	if (spec.default !== undefined) parts.push(`default ${spec.default}`);
	return `${parts.join('; ')} — enter sets it, empty restores the default, esc cancels`;
}

/** The component picker. */
export function paletteLines(ui: UiState, width: number): ViewLines {
	const lines: Line[] = [{text: 'Add a component (enter adds it after the highlighted stage, esc cancels):', tone: 'dim'}, blank];
	let focus = 0;
	for (const [index, entry] of palette.entries()) {
		const selected = index === ui.paletteIndex;
		if (selected) focus = lines.length;
		lines.push(...wrapped(`${selected ? '›' : ' '} ${entry.title} — ${entry.summary}`, width, selected ? 'selected' : undefined, '    '));
	}
	return {lines, focus};
}

/** The architecture picker. */
export function startLines(context: RoundContext, ui: UiState, width: number): ViewLines {
	const lines: Line[] = [{text: 'Start the design from (enter picks, esc cancels):', tone: 'dim'}, blank];
	for (const [index, choice] of startChoices(context).entries()) {
		const selected = index === ui.startIndex;
		lines.push(...wrapped(`${selected ? '›' : ' '} ${choice.title} — ${choice.summary}`, width, selected ? 'selected' : undefined, '    '));
	}
	return {lines};
}

function sourceRate(context: RoundContext): number {
	const scenario = systemDesign(context);
	return scenario ? scenario.workload.events_per_min / 60 : 0;
}

/** Runs of one request, in the order they were asked. */
function requestRuns(context: RoundContext, requestId: number): SimRun[] {
	return context.runs.filter((run) => run.requestId === requestId);
}

/** The results of the design: the latest runs (1x and the daily peak), and the previous design's beside them. */
export function resultsLines(context: RoundContext, width: number, render: ResultRenderer): ViewLines {
	const lines: Line[] = [];
	const designOnly = context.runs.filter((run) => run.purpose === 'design');
	if (designOnly.length === 0 && !context.pending) return {lines: paragraph('No run yet: r simulates the design at the mean load and at the daily peak; v goes back to the editor.', width, 'dim')};
	const latestRequest = designOnly.at(-1)?.requestId;
	if (latestRequest !== undefined) {
		const latest = requestRuns(context, latestRequest);
		const stale = latest[0]!.designVersion !== context.design.version;
		if (stale) lines.push({text: 'the design changed since this run: r runs it again', tone: 'warn'});
		const runs = latest.map((run) => ({label: run.label, result: run.result}));
		const previous = designOnly.filter((run) => run.requestId !== latestRequest).at(-1);
		const before = previous ? requestRuns(context, previous.requestId).find((run) => run.label === '1x') : undefined;
		// The previous design stays beside this one, so a change can be judged at a glance.
		if (before) runs.push({label: 'before (1x)', result: before.result});
		lines.push(...render(runs, width, context));
	}
	return {lines};
}

/** The what-ifs: the list with the last outcome of each, and the selected one's runs side by side. */
export function whatIfLines(context: RoundContext, ui: UiState, width: number, render: ResultRenderer, audience: Audience = 'solo'): ViewLines {
	const scenario = systemDesign(context);
	if (!scenario) return {lines: []};
	const list = whatIfsFor(scenario, context.design.stages);
	const lines: Line[] = [];
	if (context.design.stages.length === 0) lines.push(...paragraph('There is no design yet: e (or tab) goes to the pipeline editor.', width, 'warn'));
	// The shared screen of an interviewed round lists a what-if only once the interviewer has put it.
	const posed = (id: string) => context.runs.some((run) => run.whatIf === id);
	if (audience === 'candidate' && !list.some((whatIf) => posed(whatIf.id))) return {lines: [...lines, ...paragraph('The interviewer puts what-ifs to your design here.', width, 'dim')]};
	for (const [index, whatIf] of list.entries()) {
		if (audience === 'candidate' && !posed(whatIf.id)) continue;
		const last = [...context.runs].reverse().find((run) => run.whatIf === whatIf.id && run.label !== 'before');
		const outcome = last ? (last.result.slo.met ? '✓ holds' : '✗ breaks') : '';
		const selected = index === ui.whatIfIndex;
		lines.push({text: `${selected ? '›' : ' '} ${whatIf.title}${outcome ? `  ${outcome}${last!.designVersion !== context.design.version ? ' (earlier design)' : ''}` : ''}`, tone: selected ? 'selected' : last ? (last.result.slo.met ? 'ok' : 'bad') : undefined});
	}
	const whatIf = list[ui.whatIfIndex];
	if (whatIf && (audience !== 'candidate' || posed(whatIf.id))) {
		lines.push(blank);
		lines.push(...wrapped(`Interviewer: ${whatIf.says}`, width));
		const runs = context.runs.filter((run) => run.whatIf === whatIf.id);
		const request = runs.at(-1)?.requestId;
		if (request !== undefined) {
			lines.push(blank);
			lines.push(...render(requestRuns(context, request).map((run) => ({label: run.label, result: run.result})), width, context));
			if (whatIf.expect && audience !== 'candidate') lines.push(...wrapped(`A strong answer: ${whatIf.expect}`, width, 'dim'));
		} else lines.push({text: 'enter runs it against your design, beside the run before', tone: 'dim'});
	}
	return {lines};
}

/** The deep dive: the question, the answer given and which points it covered. */
export function deepDiveLines(context: RoundContext, width: number, audience: Audience = 'solo'): ViewLines {
	const deepDives = context.scenario.deep_dives;
	if (deepDives.length === 0) return {lines: paragraph('No deep-dive questions in this scenario; ctrl+n moves on.', width, 'dim')};
	const index = context.deepDiveIndex;
	const question = deepDives[index]!;
	const lines: Line[] = [{text: `Question ${index + 1} of ${deepDives.length} (↑/↓ for the others):`, tone: 'dim'}];
	lines.push(...wrapped(`Interviewer: ${question.question}`, width, 'strong'));
	const answer = context.deepDiveAnswers[question.id];
	if (answer) {
		const covered = answer.covered.filter(Boolean).length;
		lines.push(blank, ...wrapped(`Your answer: ${answer.text}`, width, 'accent'));
		if (audience === 'candidate') lines.push({text: 'answer recorded', tone: 'dim'});
		else {
			lines.push({text: `covered ${covered} of ${counted(question.good_answer.length, 'point')}`, tone: covered === question.good_answer.length ? 'ok' : covered > 0 ? 'warn' : 'bad'});
			// Only the points the answer made are shown here; the missed ones wait for the review, so the screen gives nothing away.
			for (const [pointIndex, point] of question.good_answer.entries()) {
				const words = answer.evidence[pointIndex];
				if (answer.covered[pointIndex] && words) lines.push(...wrapped(`  ✓ ${point} (you said: ${words})`, width, 'ok', '    '));
			}
			const missed = question.good_answer.length - covered;
			lines.push({text: missed > 0 ? `edit and enter again to add to it; the ${counted(missed, 'missed point')} ${missed === 1 ? 'is' : 'are'} in the review` : 'edit and enter again to add to it', tone: 'dim'});
		}
	}
	lines.push(blank, {text: 'answered: ' + deepDives.map((candidate, i) => `${i + 1}${context.deepDiveAnswers[candidate.id] ? '✓' : '·'}`).join(' '), tone: 'dim'});
	return {lines};
}

/**
The knowledge cards of the phase: the card shown with its options (or a free-text
prompt), and once answered the verdict, the model answer, any correction of the
notes and the source. The candidate's shared screen shows the question and the
options only: never which option is right, before or after answering.
*/
export function cardLines(context: RoundContext, width: number, audience: Audience = 'solo'): ViewLines {
	const cards = phaseCards(context);
	if (cards.length === 0) return {lines: paragraph('No knowledge cards in this phase; ctrl+n moves on.', width, 'dim')};
	const index = Math.min(context.cardIndex, cards.length - 1);
	const card = cards[index]!;
	const lines: Line[] = [{text: `Card ${index + 1} of ${cards.length} (↑/↓ for the others):`, tone: 'dim'}];
	lines.push(...wrapped(`Interviewer: ${card.ask.trim()}`, width, 'strong'));
	const answer = context.cardAnswers[card.id];
	const judged = answer !== undefined && audience !== 'candidate';
	if (card.answer.kind === 'choice') {
		lines.push(blank);
		for (const [optionIndex, option] of card.answer.options.entries()) {
			const picked = answer?.chosen?.includes(optionIndex) ?? false;
			const mark = judged ? (option.right ? '✓' : picked ? '✗' : ' ') : picked ? '•' : ' ';
			lines.push(...wrapped(`${mark} ${optionIndex + 1}. ${option.text}`, width, judged ? (option.right ? 'ok' : picked ? 'bad' : undefined) : picked ? 'accent' : undefined, '     '));
			if (judged && option.why && (option.right || picked)) lines.push(...wrapped(`     ${option.why}`, width, 'dim', ''));
		}
		if (!answer) lines.push(blank, {text: 'type the number of your answer (several with commas: 1,3) and enter', tone: 'dim'});
	} else if (!answer) lines.push(blank, {text: 'answer in your own words and press enter', tone: 'dim'});
	if (answer) {
		if (card.answer.kind === 'points') lines.push(blank, ...wrapped(`Your answer: ${answer.text}`, width, 'accent'));
		if (!judged) lines.push(blank, {text: 'answer recorded', tone: 'dim'});
		else {
			lines.push(blank);
			if (card.answer.kind === 'points') {
				const covered = answer.covered?.filter(Boolean).length ?? 0;
				lines.push(...wrapped(`${answer.right ? '✓' : '✗'} covered ${covered} of ${counted(card.answer.points.length, 'point')} (${pointsNeeded(card)} needed)`, width, answer.right ? 'ok' : 'bad'));
				for (const [pointIndex, point] of card.answer.points.entries()) lines.push(...wrapped(`  ${answer.covered?.[pointIndex] ? '✓' : '·'} ${point}`, width, answer.covered?.[pointIndex] ? 'ok' : undefined, '    '));
			} else lines.push(...wrapped(answer.right ? '✓ right' : `✗ the answer is ${rightAnswerText(card)}`, width, answer.right ? 'ok' : 'bad'));
			lines.push(...wrapped(card.explain.trim(), width));
			const correction = correctionText(card);
			if (correction) lines.push(...wrapped(correction, width, 'warn'));
			lines.push(...wrapped(`source: ${card.source.trim()}`, width, 'dim'));
		}
	}
	lines.push(blank, {text: 'answered: ' + cards.map((candidate, i) => `${i + 1}${context.cardAnswers[candidate.id] ? '✓' : '·'}`).join(' '), tone: 'dim'});
	return {lines, focus: 1};
}

/** A report in one line per check, when the grader's own formatting is not at hand. */
export function plainReport(exercise: Exercise, report: GradeReport): string[] {
	return [`${exercise.title}: ${report.checks.filter((check) => check.passed).length}/${report.checks.length} checks passed`, ...report.checks.map((check) => `${check.passed ? '✓' : '✗'} ${check.id}: ${check.message}`)];
}

/** The exercises of a data-modeling round: the list, or one exercise's task and its last grading. */
export function exerciseLines(context: RoundContext, ui: UiState, width: number, task: readonly string[] | undefined, formatReport: (exercise: Exercise, report: GradeReport) => string[], editorName?: string): ViewLines {
	const lines: Line[] = [];
	if (!ui.exerciseOpen) {
		const asked = context.scenario.kind === 'data-modeling' ? Math.min(context.scenario.exercises_per_round, context.exercises.length) : context.exercises.length;
		const pick = asked < context.exercises.length ? ` The round asks for ${asked} of these ${context.exercises.length}: pick any.` : '';
		lines.push(...paragraph(`Write the models in SQL; each answer runs on SQLite over hidden batches.${pick} enter opens an exercise.`, width, 'dim'), blank);
		for (const [index, exercise] of context.exercises.entries()) {
			const attempts = context.attempts.filter((attempt) => attempt.exerciseId === exercise.id);
			const state = attempts.some((attempt) => attempt.report.passed) ? '✓ passed' : attempts.length > 0 ? `✗ ${counted(attempts.length, 'attempt')}` : '';
			const selected = index === ui.exerciseIndex;
			lines.push(...wrapped(`${selected ? '›' : ' '} ${exercise.title} — ${exercise.summary}${state ? `  ${state}` : ''}`, width, selected ? 'selected' : state.startsWith('✓') ? 'ok' : undefined, '    '));
		}
		return {lines};
	}
	const exercise = context.exercises[ui.exerciseIndex]!;
	const last = context.attempts.filter((attempt) => attempt.exerciseId === exercise.id).at(-1);
	if (context.error && !context.pending) lines.push(...wrapped(`✗ ${context.error}`, width, 'bad'), blank);
	if (context.pending?.what === 'exercise') lines.push({text: 'grading…', tone: 'accent'}, blank);
	else if (!ui.pasting) lines.push(...wrapped(editorName ? `e opens ${editorName} on ${exercise.id}.sql (a template the first time); enter pastes SQL instead.` : `enter pastes your SQL here (set $EDITOR to edit ${exercise.id}.sql in your editor instead).`, width, 'accent'), blank);
	if (ui.pasting) {
		lines.push({text: `Your SQL for ${exercise.id} (ctrl+d hands it in, esc cancels):`, tone: 'dim'});
		for (const line of ui.pasteLines) lines.push({text: `  ${line}`});
		return {lines, fromBottom: true};
	}
	if (last) {
		for (const line of formatReport(exercise, last.report)) lines.push(...wrapped(line, width, line.startsWith('✓') ? 'ok' : line.startsWith('✗') ? 'bad' : undefined, '      '));
		lines.push(blank);
	}
	lines.push(...proseAndCode(task ?? ['loading the task…'], width));
	return {lines};
}

/** The review: the score by area, what was missed with the model answers, the strongest architecture, the time per phase. */
export function reviewLines(context: RoundContext, width: number, audience: Audience = 'solo'): ViewLines {
	const review = reviewRound(context);
	// The design's cost is judged against the scenario's own architectures, ranked when the review opens: until then the total may still move.
	const provisional = context.pending?.what === 'rank' ? ' (provisional: ranking the scenario\'s architectures)' : context.pending?.what === 'design' && currentPhase(context).id === 'review' ? ' (provisional: running your design as it ends)' : '';
	const lines: Line[] = [{text: `Score: ${review.total} / 100${provisional}`, tone: 'strong'}, blank];
	for (const area of review.areas) {
		lines.push({text: `${area.title.padEnd(22)} ${String(area.score).padStart(3)}`, tone: area.score >= 70 ? 'ok' : area.score >= 40 ? 'warn' : 'bad'});
		if (audience !== 'candidate') for (const detail of area.details) lines.push(...wrapped(`    ${detail}`, width, 'dim', '      '));
	}
	if (audience === 'candidate') {
		// The model answers stay with the interviewer, who goes through them with the candidate.
		lines.push(blank, ...paragraph('The interviewer goes through what was missed and the model answers with you.', width, 'dim'));
		lines.push(blank, {text: 'Time per phase:', tone: 'strong'});
		for (const time of review.time) lines.push({text: `  ${time.title.padEnd(24)} ${String(time.minutes).padStart(5)} min of ${time.box}`, tone: time.minutes > time.box ? 'warn' : undefined});
		return {lines};
	}
	if (review.missedQuestions.length > 0) {
		lines.push(blank, {text: 'Key questions you did not ask, and the answers:', tone: 'strong'});
		for (const missed of review.missedQuestions) lines.push(...wrapped(`• ${missed.ask} — ${missed.answer}`, width, undefined, '  '));
	}
	if (review.architectures.length > 0) {
		const best = review.architectures[0]!;
		lines.push(blank, {text: `The strongest design here: ${best.title}`, tone: 'strong'});
		lines.push(...paragraph(best.why, width));
		for (const other of review.architectures.slice(1)) lines.push(...wrapped(`• ${other.title}: ${other.why.split('. ')[0]}`, width, 'dim', '  '));
	} else if (context.pending?.what === 'rank') lines.push(blank, {text: `ranking the scenario's architectures… ${pct(context.pending.done)}`, tone: 'dim'});
	const missedPoints = review.deepDive.flatMap((question) => question.points.filter((point) => !point.covered).map((point) => ({question: question.question, point: point.text})));
	if (missedPoints.length > 0) {
		lines.push(blank, {text: 'Deep-dive points to know:', tone: 'strong'});
		for (const missed of missedPoints) lines.push(...wrapped(`• ${missed.point}`, width, undefined, '  '));
	}
	const missedCards = review.cards.filter((card) => !card.right);
	if (missedCards.length > 0) {
		lines.push(blank, {text: 'Knowledge cards to review:', tone: 'strong'});
		for (const card of missedCards) {
			lines.push(...wrapped(`• ${card.ask.trim()} — ${card.answer}`, width, undefined, '  '));
			if (card.correction) lines.push(...wrapped(`  ${card.correction}`, width, 'warn', '  '));
		}
	}
	if (review.estimates.some((grade) => grade.verdict !== 'right')) {
		lines.push(blank, {text: 'Estimates, worked out:', tone: 'strong'});
		const scenario = systemDesign(context);
		for (const spec of scenario ? estimateSpecs(scenario.workload) : []) lines.push(...wrapped(`• ${spec.label}: ${spec.formula}`, width, undefined, '  '));
	}
	lines.push(blank, {text: 'Time per phase:', tone: 'strong'});
	for (const time of review.time) lines.push({text: `  ${time.title.padEnd(24)} ${String(time.minutes).padStart(5)} min of ${time.box}`, tone: time.minutes > time.box ? 'warn' : undefined});
	lines.push(blank, {text: 'enter finishes the round', tone: 'dim'});
	return {lines};
}
