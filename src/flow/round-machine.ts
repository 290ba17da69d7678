/**
An interview round as an xstate machine: the phases of the study notes (see
`phases.ts`), what the candidate does in each, and the interviewer's replies.

Pure: no Ink, no I/O, no clock. The slow and outside work comes in as actors
supplied with `.provide()` — `simulate` (the discrete-event simulator, off the
UI thread) and `grade` (the SQL sandbox) — and the matching of free text as
functions in the input. The phase timer is an xstate delay, so tests drive it
with a simulated clock; `--no-timer` turns the nudges off.

Two regions run side by side while the round is on: `timer` (counting down the
current phase's time box; when it runs out the interviewer nudges and the
candidate may go on) and `work` (idle, or waiting for a simulation or a
grading). Phases are rows of a table, not states: `phase.next` moves along it.
*/
import {assign, fromCallback, raise, sendTo, setup} from 'xstate';
import type {GradeReport} from '../grader/index.js';
import type {Exercise} from '../scenarios/exercise-schema.js';
import type {ApiStyle, Question, Scenario, SystemDesignScenario} from '../scenarios/schema.js';
import type {SimResult} from '../sim/index.js';
import {cardsFor, gradeCard, withCardSteps, type CardAnswer} from './cards.js';
import {designModel, emptyDesign, type Design, type DesignEdit, type DesignEditor} from './design-model.js';
import type {EstimateId} from './estimate.js';
import {phasesFor, type Phase, type PhaseId} from './phases.js';
import type {GradeRequest, HeardLine, HelperEvent, RoundEvent, SimRequest, SimRunRequest} from './round-events.js';
import {applyWhatIf, whatIfsFor} from './what-ifs.js';

/** What the interviewer does with one line the candidate typed (the matcher's answer). */
export type MatchOutcome =
	| {kind: 'answer'; questions: readonly Question[]; repeated: readonly string[]}
	| {kind: 'offer'; options: readonly Question[]}
	| {kind: 'assume'; reply: string}
	| {kind: 'assumption'; text: string}
	| {kind: 'design-choice'; reply: string};

/** Matches a clarifying question against the scenario's bank. */
export type QuestionMatcher = {match(text: string, asked: ReadonlySet<string>): MatchOutcome};

/** Matches a free-text answer against a good answer's points. */
export type PointMatcher = (points: readonly string[], answer: string) => {covered: boolean[]; evidence: (string | null)[]};

/** What a round starts from. */
export type RoundInput = {
	readonly scenario: Scenario;
	/** The exercises of a data-modeling round (empty for system design). */
	readonly exercises?: readonly Exercise[];
	/** The phases to play instead of the scenario kind's own (`dojo exercise` plays one). */
	readonly phases?: readonly Phase[];
	readonly seed: number;
	/** Whether time boxes nudge (`--no-timer` turns them off). */
	readonly timer: boolean;
	/** Wall-clock milliseconds when the round began. */
	readonly startedAt: number;
	readonly matcher: QuestionMatcher;
	readonly matchPoints: PointMatcher;
	/** Checks and applies design edits (`designEditor` from `design.ts`). */
	readonly editor: DesignEditor;
	/**
	The wall clock, read only to size the current phase's remaining time box
	(a resumed round keeps the time it had). Without it every box starts full.
	*/
	readonly now?: () => number;
};

/** One line of the conversation. */
export type TranscriptEntry = {
	readonly at: number;
	readonly phase: PhaseId;
	readonly who: 'candidate' | 'interviewer';
	readonly kind: 'prompt' | 'question' | 'answer' | 'repeat' | 'offer' | 'assume' | 'assumption' | 'design-choice' | 'nudge' | 'note' | 'reveal';
	readonly text: string;
	/** The bank questions an answer came from. */
	readonly questionIds?: readonly string[];
};

/** A simulation the round has run. */
export type SimRun = {
	readonly requestId: number;
	readonly purpose: SimRequest['purpose'];
	readonly label: string;
	/** The what-if it ran, if any. */
	readonly whatIf: string | null;
	/** The design version it ran (0 for a scenario architecture in the ranking). */
	readonly designVersion: number;
	readonly result: SimResult;
};

/** A simulation or grading in flight. */
export type Pending = {
	readonly requestId: number;
	readonly what: 'design' | 'what-if' | 'rank' | 'exercise';
	readonly label: string;
	readonly whatIf: string | null;
	/** The SQL handed in, for a grading. */
	readonly submission: {exerciseId: string; sql: string; at: number} | null;
	/** Share done, 0–1. */
	readonly done: number;
};

/** Everything the round remembers. */
export type RoundContext = {
	readonly scenario: Scenario;
	readonly exercises: readonly Exercise[];
	readonly phases: readonly Phase[];
	readonly phaseIndex: number;
	/** When each phase was entered and left (wall clock, from the events' `at`). */
	readonly phaseTimes: ReadonlyArray<{phase: PhaseId; startedAt: number; endedAt: number | null}>;
	readonly seed: number;
	readonly timer: boolean;
	readonly startedAt: number;
	readonly finishedAt: number | null;
	readonly matcher: QuestionMatcher;
	readonly matchPoints: PointMatcher;
	readonly editor: DesignEditor;
	readonly now: (() => number) | null;
	readonly transcript: readonly TranscriptEntry[];
	/** Bank question ids answered, in the order first asked. */
	readonly asked: readonly string[];
	/** The options of an open "do you mean A or B?". */
	readonly offer: readonly Question[] | null;
	readonly assumptions: ReadonlyArray<{at: number; text: string}>;
	/** Phases whose time box ran out. */
	readonly nudged: readonly PhaseId[];
	readonly estimates: Readonly<Partial<Record<EstimateId, string>>>;
	readonly estimatesSubmitted: boolean;
	/** The style picked for each of the scenario's API interactions (null: not yet). */
	readonly apiChoices: ReadonlyArray<ApiStyle | null>;
	readonly design: Design;
	/** Why the last design edit (or run) was refused; empty after an accepted one. */
	readonly designProblems: readonly string[];
	readonly runs: readonly SimRun[];
	readonly pending: Pending | null;
	/** The last helper failure, said plainly. */
	readonly error: string | null;
	readonly deepDiveIndex: number;
	readonly deepDiveAnswers: Readonly<Record<string, {text: string; covered: boolean[]; evidence: (string | null)[]}>>;
	/** The knowledge card shown, as an index into the current phase's cards (see `phaseCards`). */
	readonly cardIndex: number;
	/** The last answer to each knowledge card, by card id. */
	readonly cardAnswers: Readonly<Record<string, CardAnswer>>;
	/** Every grading of an exercise, newest last. */
	readonly attempts: ReadonlyArray<{exerciseId: string; at: number; sql: string; report: GradeReport}>;
	readonly nextRequestId: number;
	/** The interviewer's rubric marks (see `rubric.mark`), overriding what the round worked out. */
	readonly marks: Readonly<Record<string, boolean>>;
	/** Bank questions whose answer the interviewer revealed to the candidate. */
	readonly revealed: readonly string[];
	/** Minutes added to each phase's time box. */
	readonly extensions: Readonly<Partial<Record<PhaseId, number>>>;
};

/** The current phase's time box in minutes, with any extension. */
export function boxMinutes(context: Pick<RoundContext, 'phases' | 'phaseIndex' | 'extensions'>): number {
	const phase = currentPhase(context);
	return phase.minutes + (context.extensions[phase.id] ?? 0);
}

/** The current phase. */
export function currentPhase(context: Pick<RoundContext, 'phases' | 'phaseIndex'>): Phase {
	return context.phases[context.phaseIndex]!;
}

/** The knowledge cards the current phase asks. */
export function phaseCards(context: Pick<RoundContext, 'scenario' | 'phases' | 'phaseIndex'>) {
	return currentPhase(context).steps.includes('cards') ? cardsFor(context.scenario.cards, currentPhase(context).id) : [];
}

/** The scenario as a system-design one, or undefined for a data-modeling round. */
export function systemDesign(context: Pick<RoundContext, 'scenario'>): SystemDesignScenario | undefined {
	return context.scenario.kind === 'system-design' ? context.scenario : undefined;
}

/** The runs of the current design, newest first. */
export function designRuns(context: Pick<RoundContext, 'runs' | 'design'>): SimRun[] {
	return context.runs.filter((run) => run.purpose !== 'rank' && run.designVersion === context.design.version).reverse();
}

function initialContext(input: RoundInput): RoundContext {
	// A round of the scenario draws its knowledge cards into their phases; a round of given phases (one exercise) does not.
	const phases = input.phases ?? withCardSteps(phasesFor(input.scenario.kind), input.scenario.cards);
	const first = phases[0]!;
	return {
		scenario: input.scenario,
		exercises: input.exercises ?? [],
		phases,
		phaseIndex: 0,
		phaseTimes: [{phase: first.id, startedAt: input.startedAt, endedAt: null}],
		seed: input.seed,
		timer: input.timer,
		startedAt: input.startedAt,
		finishedAt: null,
		matcher: input.matcher,
		matchPoints: input.matchPoints,
		editor: input.editor,
		now: input.now ?? null,
		transcript: [{at: input.startedAt, phase: first.id, who: 'interviewer', kind: 'prompt', text: input.scenario.prompt.trim()}],
		asked: [],
		offer: null,
		assumptions: [],
		nudged: [],
		estimates: {},
		estimatesSubmitted: false,
		apiChoices: input.scenario.kind === 'system-design' ? input.scenario.apis.map(() => null) : [],
		design: emptyDesign,
		designProblems: [],
		runs: [],
		pending: null,
		error: null,
		deepDiveIndex: 0,
		deepDiveAnswers: {},
		cardIndex: 0,
		cardAnswers: {},
		attempts: [],
		nextRequestId: 1,
		marks: {},
		revealed: [],
		extensions: {},
	};
}

type Assigner = Partial<RoundContext>;

function say(context: RoundContext, at: number, who: TranscriptEntry['who'], kind: TranscriptEntry['kind'], text: string, questionIds?: readonly string[]): TranscriptEntry[] {
	const entry: TranscriptEntry = questionIds ? {at, phase: currentPhase(context).id, who, kind, text, questionIds} : {at, phase: currentPhase(context).id, who, kind, text};
	return [...context.transcript, entry];
}

/** The interviewer's reply to bank questions: each answer, "You asked that" for a repeat. */
function answerQuestions(context: RoundContext, at: number, questions: readonly Question[], repeated: readonly string[]): Assigner {
	let transcript = [...context.transcript];
	const asked = [...context.asked];
	for (const question of questions) {
		const again = repeated.includes(question.id) || asked.includes(question.id);
		transcript = say({...context, transcript}, at, 'interviewer', again ? 'repeat' : 'answer', again ? `You asked that already: ${question.answer}` : question.answer, [question.id]);
		if (!asked.includes(question.id)) asked.push(question.id);
	}
	return {transcript, asked, offer: null};
}

/** What the interviewer makes of a line now: the matcher's answer given the topics already asked. */
function hear(context: Pick<RoundContext, 'matcher' | 'asked'>, text: string): MatchOutcome {
	return context.matcher.match(text.trim(), new Set(context.asked));
}

/** A matcher's answer in the form a stored event keeps (question ids, not questions). */
export function heardLine(outcome: MatchOutcome): HeardLine {
	switch (outcome.kind) {
		case 'answer':
			return {kind: 'answer', ids: outcome.questions.map((question) => question.id)};
		case 'offer':
			return {kind: 'offer', ids: outcome.options.map((option) => option.id)};
		case 'assumption':
			return {kind: 'assumption', text: outcome.text};
		default:
			return {kind: outcome.kind, reply: outcome.reply};
	}
}

/** A stored answer back in the matcher's form, or null when one of its questions is no longer in the bank. */
function recalled(context: RoundContext, heard: HeardLine): MatchOutcome | null {
	if (!('ids' in heard)) return heard;
	const questions = heard.ids.map((id) => context.scenario.questions.find((question) => question.id === id));
	if (questions.length === 0 || questions.some((question) => question === undefined)) return null;
	const found = questions as Question[];
	if (heard.kind === 'offer') return {kind: 'offer', options: found};
	const asked = new Set(context.asked);
	return {kind: 'answer', questions: found, repeated: found.filter((question) => asked.has(question.id)).map((question) => question.id)};
}

/**
The event for a line the candidate typed, with what the interviewer makes of
it: the machine answers from `heard`, and the stored event keeps it, so the
round replays as it was played.
*/
export function askEvent(context: RoundContext, text: string, at: number): RoundEvent {
	return {type: 'clarify.ask', text, at, ...(text.trim() === '' ? {} : {heard: heardLine(hear(context, text))})};
}

function onAsk(context: RoundContext, at: number, text: string, heard?: HeardLine): Assigner {
	const trimmed = text.trim();
	const transcript = say(context, at, 'candidate', 'question', trimmed);
	const base = {...context, transcript};
	const outcome = (heard && recalled(context, heard)) ?? hear(context, trimmed);
	switch (outcome.kind) {
		case 'answer':
			return answerQuestions(base, at, outcome.questions, outcome.repeated);
		case 'offer':
			return {
				transcript: say(base, at, 'interviewer', 'offer', offerText(outcome.options), outcome.options.map((option) => option.id)),
				offer: outcome.options,
			};
		case 'assume':
			return {transcript: say(base, at, 'interviewer', 'assume', outcome.reply), offer: null};
		case 'design-choice':
			return {transcript: say(base, at, 'interviewer', 'design-choice', outcome.reply), offer: null};
		case 'assumption':
			return {
				transcript: say({...base, transcript: [...context.transcript, {at, phase: currentPhase(context).id, who: 'candidate', kind: 'assumption', text: trimmed}]}, at, 'interviewer', 'note', `Noted: ${outcome.text}`),
				assumptions: [...context.assumptions, {at, text: outcome.text}],
				offer: null,
			};
	}
}

function applyEdit(context: RoundContext, edit: DesignEdit): Assigner {
	return edit.ok ? {design: edit.design, designProblems: []} : {designProblems: edit.problems};
}

/** "Do you mean (1) What is the schema? or (2) How big is an event?": each ask keeps its own question mark, one is added only when none ends the list. */
export function offerText(options: readonly Question[]): string {
	const listed = options.map((option, index) => `(${index + 1}) ${option.ask.trim()}`).join(' or ');
	return `Do you mean ${listed}${listed.endsWith('?') ? '' : '?'}`;
}

/** The runs a design request makes: the mean load, and the daily peak when the scenario has one. */
function designRunRequests(scenario: SystemDesignScenario, design: Pick<Design, 'stages'>): SimRunRequest[] {
	const model = designModel(scenario, design);
	const runs: SimRunRequest[] = [{label: '1x', model}];
	if (scenario.workload.peak_multiplier > 1) runs.push({label: `daily peak (${scenario.workload.peak_multiplier}x)`, model, peak: true});
	return runs;
}

/**
The runs r would start for the design as it stands, or null when it cannot run
yet (no system-design scenario, an empty or invalid design): the screen starts
them ahead of r, so the verdict is there when the candidate asks for it.
*/
export function designRunsAhead(context: RoundContext): SimRunRequest[] | null {
	const scenario = systemDesign(context);
	if (!scenario || context.design.stages.length === 0) return null;
	if (context.editor.runProblems(scenario, context.design).length > 0) return null;
	return designRunRequests(scenario, context.design);
}

/** The runs r makes for a design started from one of the scenario's architectures (its stages unchanged): what to start while it is highlighted in the menu. */
export function architectureRunRequests(scenario: SystemDesignScenario, architectureId: string): SimRunRequest[] | null {
	const architecture = scenario.architectures.find((candidate) => candidate.id === architectureId);
	return architecture ? designRunRequests(scenario, architecture) : null;
}

/** The runs that rank the scenario's own architectures at the daily peak for the review's "strongest architecture". */
export function rankRunRequests(scenario: SystemDesignScenario): SimRunRequest[] {
	return scenario.architectures.map((architecture) => ({label: architecture.id, model: designModel(scenario, architecture), peak: scenario.workload.peak_multiplier > 1}));
}

const isHelperFor = (context: RoundContext, event: {requestId: number}) => context.pending?.requestId === event.requestId;

/**
The round machine. Supply the real actors with `.provide({actors: {simulate,
grade}})`; the defaults fail loudly so a missing one is never silent.
*/
export const roundMachine = setup({
	types: {
		context: {} as RoundContext,
		events: {} as RoundEvent,
		input: {} as RoundInput,
	},
	actors: {
		simulate: fromCallback<HelperEvent, SimRequest>(({sendBack, input}) => {
			sendBack({type: 'sim.failed', requestId: input.requestId, message: 'no simulator was provided to the round'});
		}),
		grade: fromCallback<HelperEvent, GradeRequest>(({sendBack, input}) => {
			sendBack({type: 'exercise.failed', requestId: input.requestId, message: 'no SQL grader was provided to the round'});
		}),
	},
	delays: {
		timeBox: ({context}) => {
			const box = boxMinutes(context) * 60_000;
			if (!context.now) return box;
			return Math.max(0, context.phaseTimes.at(-1)!.startedAt + box - context.now());
		},
	},
	guards: {
		hasTimer: ({context}) => context.timer,
		isClarifyOpen: ({context}) => currentPhase(context).id !== 'review',
		hasOffer: ({context, event}) => event.type === 'clarify.pick' && context.offer !== null && event.index >= 0 && event.index < context.offer.length,
		isLastPhase: ({context}) => context.phaseIndex === context.phases.length - 1,
		isSystemDesign: ({context}) => context.scenario.kind === 'system-design',
		isRunnable: ({context}) => {
			const scenario = systemDesign(context);
			return scenario !== undefined && context.editor.runProblems(scenario, context.design).length === 0;
		},
		isKnownWhatIf: ({context, event}) => {
			const scenario = systemDesign(context);
			return event.type === 'whatif.run' && scenario !== undefined && whatIfsFor(scenario, context.design.stages).some((whatIf) => whatIf.id === event.id);
		},
		isKnownExercise: ({context, event}) => event.type === 'exercise.submit' && context.exercises.some((exercise) => exercise.id === event.id) && event.sql.trim() !== '',
		isCurrentTimer: ({context, event}) => event.type === 'timer.expired' && event.phase === currentPhase(context).id && !context.nudged.includes(event.phase),
		needsRanking: ({context}) => currentPhase(context).id === 'review' && context.scenario.kind === 'system-design' && context.error === null && !context.runs.some((run) => run.purpose === 'rank'),
		// The review judges the design as it ends: one changed after its last run (a fix made while trying what-ifs) is run again.
		needsFinalDesignRun: ({context}) => {
			const scenario = systemDesign(context);
			if (currentPhase(context).id !== 'review' || !scenario || context.error !== null || context.design.stages.length === 0) return false;
			return !designRuns(context).some((run) => run.purpose === 'design') && context.editor.runProblems(scenario, context.design).length === 0;
		},
	},
	actions: {
		nudge: assign(({context}) => {
			const phase = currentPhase(context);
			return {nudged: [...context.nudged, phase.id], transcript: say(context, context.phaseTimes.at(-1)!.startedAt + boxMinutes(context) * 60_000, 'interviewer', 'nudge', phase.nudge)};
		}),
		// Sent, not raised: sent events reach the store's recorder, so a replay nudges at the same point.
		announceTimeout: sendTo(({self}) => self, ({context}) => ({type: 'timer.expired' as const, phase: currentPhase(context).id})),
		refuseRun: assign(({context}) => {
			const scenario = systemDesign(context);
			return {designProblems: scenario ? context.editor.runProblems(scenario, context.design) : ['this round has no pipeline to simulate']};
		}),
	},
}).createMachine({
	id: 'round',
	context: ({input}) => initialContext(input),
	initial: 'active',
	states: {
		active: {
			type: 'parallel',
			on: {
				'clarify.ask': {guard: 'isClarifyOpen', actions: assign(({context, event}) => (event.text.trim() === '' ? {} : onAsk(context, event.at, event.text, event.heard)))},
				'clarify.pick': {
					guard: 'hasOffer',
					actions: assign(({context, event}) => {
						const question = context.offer![event.index]!;
						return answerQuestions(context, event.at, [question], []);
					}),
				},
				'estimate.set': {guard: 'isSystemDesign', actions: assign(({context, event}) => ({estimates: {...context.estimates, [event.id]: event.text}}))},
				'estimate.submit': {guard: 'isSystemDesign', actions: assign({estimatesSubmitted: true})},
				'api.choose': {
					guard: ({context, event}) => event.index >= 0 && event.index < context.apiChoices.length,
					actions: assign(({context, event}) => ({apiChoices: context.apiChoices.map((choice, index) => (index === event.index ? event.style : choice))})),
				},
				'design.start': {
					guard: 'isSystemDesign',
					actions: assign(({context, event}) => (event.from === null ? {design: {...emptyDesign, version: context.design.version + 1}, designProblems: []} : applyEdit(context, context.editor.start(systemDesign(context)!, event.from, context.design.version)))),
				},
				'design.add': {guard: 'isSystemDesign', actions: assign(({context, event}) => applyEdit(context, context.editor.add(systemDesign(context)!, context.design, event.component, event.position)))},
				'design.remove': {guard: 'isSystemDesign', actions: assign(({context, event}) => applyEdit(context, context.editor.remove(systemDesign(context)!, context.design, event.stageId)))},
				'design.move': {guard: 'isSystemDesign', actions: assign(({context, event}) => applyEdit(context, context.editor.move(systemDesign(context)!, context.design, event.stageId, event.delta)))},
				'design.set': {guard: 'isSystemDesign', actions: assign(({context, event}) => applyEdit(context, context.editor.set(systemDesign(context)!, context.design, event.stageId, event.knob, event.text)))},
				'deepdive.goto': {
					guard: ({context, event}) => event.index >= 0 && event.index < context.scenario.deep_dives.length,
					actions: assign(({event}) => ({deepDiveIndex: event.index})),
				},
				'deepdive.answer': {
					guard: ({context, event}) => context.scenario.deep_dives.some((deepDive) => deepDive.id === event.id),
					actions: assign(({context, event}) => {
						const deepDive = context.scenario.deep_dives.find((candidate) => candidate.id === event.id)!;
						const matched = context.matchPoints(deepDive.good_answer, event.text);
						return {deepDiveAnswers: {...context.deepDiveAnswers, [event.id]: {text: event.text, covered: matched.covered, evidence: matched.evidence}}};
					}),
				},
				'card.goto': {
					guard: ({context, event}) => event.index >= 0 && event.index < phaseCards(context).length,
					actions: assign(({event}) => ({cardIndex: event.index})),
				},
				'card.answer': {
					// Only a card of this phase, and only an answer that names an option of a choice card.
					guard: ({context, event}) => {
						const card = phaseCards(context).find((candidate) => candidate.id === event.id);
						return card !== undefined && gradeCard(card, event.text, context.matchPoints) !== undefined;
					},
					actions: assign(({context, event}) => {
						const card = phaseCards(context).find((candidate) => candidate.id === event.id)!;
						return {cardAnswers: {...context.cardAnswers, [card.id]: {text: event.text.trim(), ...gradeCard(card, event.text, context.matchPoints)!}}};
					}),
				},
				'timer.expired': {guard: 'isCurrentTimer', actions: 'nudge'},
				'rubric.mark': {
					actions: assign(({context, event}) => {
						const marks = {...context.marks};
						if (event.value === null) delete marks[event.item];
						else marks[event.item] = event.value;
						return {marks};
					}),
				},
				'answer.reveal': {
					guard: ({context, event}) => context.scenario.questions.some((question) => question.id === event.questionId) && !context.revealed.includes(event.questionId),
					actions: assign(({context, event}) => {
						const question = context.scenario.questions.find((candidate) => candidate.id === event.questionId)!;
						return {revealed: [...context.revealed, question.id], transcript: say(context, event.at, 'interviewer', 'reveal', `(${question.ask}) ${question.answer}`, [question.id])};
					}),
				},
				'phase.extend': {
					guard: ({event}) => Number.isFinite(event.minutes) && event.minutes > 0 && event.minutes <= 60,
					actions: [
						assign(({context, event}) => {
							const phase = currentPhase(context).id;
							return {extensions: {...context.extensions, [phase]: (context.extensions[phase] ?? 0) + event.minutes}, nudged: context.nudged.filter((id) => id !== phase), transcript: say(context, event.at, 'interviewer', 'note', `Take ${event.minutes} more minute${event.minutes === 1 ? '' : 's'} on this.`)};
						}),
						// The timer restarts with the longer box.
						raise({type: 'phase.entered'}),
					],
				},
			},
			states: {
				timer: {
					initial: 'counting',
					on: {'phase.entered': {target: '.counting', reenter: true}},
					states: {
						counting: {after: {timeBox: {guard: 'hasTimer', target: 'expired', actions: 'announceTimeout'}}},
						expired: {},
					},
				},
				work: {
					initial: 'idle',
					states: {
						idle: {
							on: {
								'sim.run': [{guard: 'isRunnable', target: 'simulating', actions: assign(({context}) => startSim(context, 'design', null))}, {actions: 'refuseRun'}],
								'whatif.run': [{guard: 'isKnownWhatIf', target: 'simulating', actions: assign(({context, event}) => startSim(context, 'what-if', event.id))}],
								'exercise.submit': {
									guard: 'isKnownExercise',
									target: 'grading',
									actions: assign(({context, event}) => ({
										pending: {requestId: context.nextRequestId, what: 'exercise', label: event.id, whatIf: null, submission: {exerciseId: event.id, sql: event.sql, at: event.at}, done: 0},
										nextRequestId: context.nextRequestId + 1,
										error: null,
									})),
								},
								'phase.next': [
									{guard: 'isLastPhase', target: '#round.finished', actions: assign(({context, event}) => finish(context, event.at))},
									{actions: [assign(({context, event}) => nextPhase(context, event.at)), raise({type: 'phase.entered'})]},
								],
								'round.finish': {target: '#round.finished', actions: assign(({context, event}) => finish(context, event.at))},
							},
							// Entering the review runs the design as it ends (unless its last run is of it), then ranks the scenario's own architectures once, for "the strongest design and why".
							always: [
								{guard: 'needsFinalDesignRun', target: 'simulating', actions: assign(({context}) => startSim(context, 'design', null))},
								{guard: 'needsRanking', target: 'simulating', actions: assign(({context}) => startSim(context, 'rank', null))},
							],
						},
						simulating: {
							invoke: {
								src: 'simulate',
								input: ({context}) => simRequest(context),
								onError: {target: 'idle', actions: assign(({event}) => ({pending: null, error: `the simulation failed: ${errorText(event.error)}`}))},
							},
							on: {
								'sim.progress': {guard: ({context, event}) => isHelperFor(context, event), actions: assign(({context, event}) => ({pending: {...context.pending!, done: event.done}}))},
								'sim.result': {
									guard: ({context, event}) => isHelperFor(context, event),
									actions: assign(({context, event}) => ({
										runs: [...context.runs, {requestId: event.requestId, purpose: context.pending!.what as SimRun['purpose'], label: event.label, whatIf: context.pending!.whatIf, designVersion: context.pending!.what === 'rank' ? 0 : context.design.version, result: event.result}],
									})),
								},
								'sim.done': {guard: ({context, event}) => isHelperFor(context, event), target: 'idle', actions: assign({pending: null})},
								'sim.failed': {guard: ({context, event}) => isHelperFor(context, event), target: 'idle', actions: assign(({event}) => ({pending: null, error: `the simulation failed: ${event.message}`}))},
							},
						},
						grading: {
							invoke: {
								src: 'grade',
								input: ({context}) => ({requestId: context.pending!.requestId, exerciseId: context.pending!.submission!.exerciseId, sql: context.pending!.submission!.sql}),
								onError: {target: 'idle', actions: assign(({event}) => ({pending: null, error: `grading failed: ${errorText(event.error)}`}))},
							},
							on: {
								'exercise.graded': {
									guard: ({context, event}) => isHelperFor(context, event),
									target: 'idle',
									actions: assign(({context, event}) => ({
										attempts: [...context.attempts, {...context.pending!.submission!, report: event.report}],
										pending: null,
									})),
								},
								'exercise.failed': {guard: ({context, event}) => isHelperFor(context, event), target: 'idle', actions: assign(({event}) => ({pending: null, error: `grading failed: ${event.message}`}))},
							},
						},
					},
				},
			},
		},
		finished: {type: 'final'},
	},
});

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function startSim(context: RoundContext, what: 'design' | 'what-if' | 'rank', whatIf: string | null): Assigner {
	const label = what === 'design' ? 'your design' : what === 'rank' ? 'the scenario architectures' : whatIf!;
	return {pending: {requestId: context.nextRequestId, what, label, whatIf, submission: null, done: 0}, nextRequestId: context.nextRequestId + 1, error: null, designProblems: []};
}

/** The request for the simulation now pending. */
export function simRequest(context: RoundContext): SimRequest {
	const scenario = systemDesign(context)!;
	const pending = context.pending!;
	const base = {requestId: pending.requestId, seed: context.seed};
	if (pending.what === 'rank') return {...base, purpose: 'rank', runs: rankRunRequests(scenario)};
	if (pending.what === 'design') return {...base, purpose: 'design', runs: designRunRequests(scenario, context.design)};
	const whatIf = whatIfsFor(scenario, context.design.stages).find((candidate) => candidate.id === pending.whatIf)!;
	const model = designModel(scenario, context.design);
	// The what-if beside the run before it: the design as it is, then the same design under the what-if.
	return {
		...base,
		purpose: 'what-if',
		runs: [
			{label: 'before', model},
			{label: whatIf.title, model: applyWhatIf(model, whatIf), ...(whatIf.scale === undefined ? {} : {scale: whatIf.scale}), ...(whatIf.peak ? {peak: true} : {})},
		],
	};
}

function nextPhase(context: RoundContext, at: number): Assigner {
	const phaseIndex = Math.min(context.phaseIndex + 1, context.phases.length - 1);
	const next = context.phases[phaseIndex]!;
	const phaseTimes = [...context.phaseTimes.slice(0, -1), {...context.phaseTimes.at(-1)!, endedAt: at}, {phase: next.id, startedAt: at, endedAt: null}];
	return {phaseIndex, phaseTimes, offer: null, cardIndex: 0, transcript: [...context.transcript, {at, phase: next.id, who: 'interviewer', kind: 'note', text: `${next.title}: ${next.goal}`}]};
}

function finish(context: RoundContext, at: number): Assigner {
	return {finishedAt: at, phaseTimes: [...context.phaseTimes.slice(0, -1), {...context.phaseTimes.at(-1)!, endedAt: at}]};
}
