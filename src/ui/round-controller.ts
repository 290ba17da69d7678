/**
Between the keyboard and the round machine: which view is showing, the
cosmetic state of each (the text being typed, the highlighted row, the scroll
offset) and what each key does there, as the keymap table says.

Keys are handled against the live state — the machine's snapshot and this
controller's own state at the moment the key arrives, never a render's copy —
so keys typed in a burst act one after another, as if typed slowly.

Screens read `getState()` through `useSyncExternalStore`; nothing here knows Ink.
*/
import {askEvent, currentPhase, phaseCards, systemDesign, type RoundContext} from '../flow/round-machine.js';
import {parseChoice} from '../flow/cards.js';
import type {RoundActor} from '../flow/round-actor.js';
import type {InterviewerEvent} from '../flow/round-events.js';
import {followPatch} from './follow.js';
import type {Step} from '../flow/phases.js';
import {estimateSpecs} from '../flow/estimate.js';
import {apiStyles} from '../flow/api-styles.js';
import {whatIfsFor} from '../flow/what-ifs.js';
import {knobsFor, palette, type Stage} from '../sim/light.js';
import {commandFor, textViews, type Command, type View} from './keymap.js';
import {splitKeys, isPrintable, type Keypress} from './keys.js';
import {editLine, emptyLine, lineOf, type LineState} from './line-editor.js';
import type {Key} from 'ink';

/** A row of the pipeline editor: a stage, or one knob of it. */
export type PipelineRow = {readonly stageIndex: number; readonly knob: string | null};

/** Everything cosmetic the screens show besides the machine's context. */
export type UiState = {
	readonly help: boolean;
	/** The phase the state below belongs to (a phase change resets it). */
	readonly phaseIndex: number;
	readonly step: Step;
	/** The field of the current text view. */
	readonly field: LineState;
	/** Lines scrolled up from the bottom (transcript) or down from the top (results, review, task). */
	readonly scroll: number;
	readonly estimateIndex: number;
	readonly estimateText: Readonly<Record<string, string>>;
	readonly apiIndex: number;
	/** The style highlighted in the API picker (chosen with enter). */
	readonly apiStyleIndex: number;
	readonly pipelineRow: number;
	readonly pipelineMode: 'browse' | 'knob' | 'palette' | 'start' | 'results';
	readonly paletteIndex: number;
	readonly startIndex: number;
	readonly whatIfIndex: number;
	readonly exerciseIndex: number;
	readonly exerciseOpen: boolean;
	readonly pasting: boolean;
	/** The SQL being pasted, line by line (the last line is `field`). */
	readonly pasteLines: readonly string[];
	/** A line for the status bar: what just happened or what to do. */
	readonly status: string | null;
	/** Set when the candidate asked to leave. */
	readonly quit: boolean;
};

/** What the controller needs from outside: an editor for SQL, and the screen size. */
export type ControllerEnv = {
	/** Opens the SQL of an exercise in the user's editor; returns the text saved, or a message saying why not. */
	readonly editSql?: (exerciseId: string) => {ok: true; sql: string; editor: string} | {ok: false; message: string};
	/** Wall clock for event times. */
	readonly now: () => number;
	/** Follows a round played elsewhere: the step moves to what just changed (see `follow.ts`). */
	readonly follow?: boolean;
};

const initialUi: UiState = {
	help: false,
	phaseIndex: 0,
	step: 'clarify',
	field: emptyLine,
	scroll: 0,
	estimateIndex: 0,
	estimateText: {},
	apiIndex: 0,
	apiStyleIndex: 0,
	pipelineRow: 0,
	pipelineMode: 'browse',
	paletteIndex: 0,
	startIndex: 0,
	whatIfIndex: 0,
	exerciseIndex: 0,
	exerciseOpen: false,
	pasting: false,
	pasteLines: [],
	status: null,
	quit: false,
};

/** The rows of the pipeline editor: each stage followed by its knobs. */
export function pipelineRows(stages: readonly Stage[]): PipelineRow[] {
	return stages.flatMap((stage, stageIndex) => [{stageIndex, knob: null}, ...knobsFor(stage).map((knob) => ({stageIndex, knob: knob.name}))]);
}

/** The architectures a design can start from, then "from scratch". */
export function startChoices(context: RoundContext): Array<{id: string | null; title: string; summary: string}> {
	const scenario = systemDesign(context);
	if (!scenario) return [];
	return [...scenario.architectures.map((architecture) => ({id: architecture.id, title: architecture.title, summary: architecture.summary})), {id: null, title: 'From scratch', summary: 'an empty pipeline: add components one by one'}];
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** The view showing for a machine state and a UI state. */
export function viewOf(context: RoundContext, ui: UiState): View {
	if (ui.help) return 'help';
	switch (ui.step) {
		case 'clarify':
			return 'clarify';
		case 'estimate':
			return 'estimate';
		case 'apis':
			return 'apis';
		case 'pipeline':
			return ui.pipelineMode === 'browse' ? 'pipeline' : ui.pipelineMode === 'knob' ? 'knob' : ui.pipelineMode;
		case 'what-ifs':
			return 'what-ifs';
		case 'deep-dive':
			return 'deep-dive';
		case 'cards':
			return 'cards';
		case 'exercises':
			return ui.exerciseOpen ? (ui.pasting ? 'paste' : 'exercise') : 'exercises';
		case 'review':
			return 'review';
	}
	void context;
	return 'clarify';
}

/** The controller of one round on screen. */
export class RoundController {
	private ui: UiState;
	private listeners = new Set<() => void>();
	private snapshot: {context: RoundContext; ui: UiState; view: View; busy: boolean; finished: boolean};

	constructor(
		readonly actor: RoundActor,
		private readonly env: ControllerEnv,
	) {
		const context = actor.getSnapshot().context;
		const step = currentPhase(context).steps[0]!;
		// A round of one exercise (`dojo exercise <id>`) opens on it.
		this.ui = {...initialUi, phaseIndex: context.phaseIndex, step, exerciseOpen: step === 'exercises' && context.exercises.length === 1};
		this.snapshot = this.compute();
		actor.subscribe(() => this.sync());
	}

	/** Subscribes to changes (for useSyncExternalStore). */
	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Redraws (something outside the machine changed, e.g. an exercise's task finished loading). */
	refresh(): void {
		this.sync();
	}

	/** The view the help overlay sits on (its keys are the ones the overlay lists). */
	viewBehindHelp(): View {
		return viewOf(this.context, {...this.ui, help: false});
	}

	/** The state to render: the machine's context, the cosmetic state and the view. */
	getState = () => this.snapshot;

	private compute() {
		const snapshot = this.actor.getSnapshot();
		const context = snapshot.context;
		return {context, ui: this.ui, view: viewOf(context, this.ui), busy: context.pending !== null, finished: snapshot.status === 'done'};
	}

	private sync(): void {
		const context = this.actor.getSnapshot().context;
		// A status about work in flight ("grading…") is stale once the work ends.
		if (this.snapshot?.context.pending && !context.pending) this.ui = {...this.ui, status: null};
		const followed = this.env.follow && this.snapshot ? followPatch(this.snapshot.context, context) : undefined;
		if (followed) this.ui = {...this.ui, ...followed};
		if (context.phaseIndex !== this.ui.phaseIndex) {
			// A new phase starts on its first step, with fresh fields.
			this.ui = {...this.ui, phaseIndex: context.phaseIndex, step: currentPhase(context).steps[0]!, field: emptyLine, scroll: 0, pipelineMode: 'browse', pipelineRow: 0, exerciseOpen: false, pasting: false, status: null};
		}
		this.snapshot = this.compute();
		for (const listener of this.listeners) listener();
	}

	private set(patch: Partial<UiState>): void {
		this.ui = {...this.ui, ...patch};
		this.sync();
	}

	/** What the interviewer does from the console (marks, reveals, more time), sent to the round as is. */
	interviewer(event: InterviewerEvent): void {
		this.send(event);
	}

	private send(event: Parameters<RoundActor['send']>[0]): void {
		this.actor.send(event);
	}

	private get context(): RoundContext {
		return this.actor.getSnapshot().context;
	}

	/** Handles what Ink delivered for one input event (possibly a burst of keys). */
	input(input: string, key: Key): void {
		for (const press of splitKeys(input, key)) this.press(press);
	}

	/** Handles one keypress. */
	press(press: Keypress): void {
		const view = viewOf(this.context, this.ui);
		const command = commandFor(view, press, this.ui.field.text === '');
		if (command) {
			this.command(view, command);
			return;
		}
		if (textViews.has(view)) {
			const edited = editLine(this.ui.field, press);
			if (edited) this.set({field: edited, status: null});
			return;
		}
		if (isPrintable(press) && view !== 'help') this.set({status: `"${press.input}" does nothing here: see the keys below, or ? for help`});
	}

	private command(view: View, command: Command): void {
		const context = this.context;
		switch (command) {
			case 'quit':
				this.set({quit: true});
				return;
			case 'help':
				this.set({help: true, scroll: 0});
				return;
			case 'next-phase':
				if (context.pending) return this.set({status: 'wait for the run to finish, then move on'});
				this.send({type: 'phase.next', at: this.env.now()});
				return;
			case 'next-step':
			case 'prev-step':
				return this.moveStep(command === 'next-step' ? 1 : -1);
			default:
				break;
		}
		switch (view) {
			case 'help':
				if (command === 'close') this.set({help: false});
				else this.scroll(command);
				return;
			case 'clarify':
				return this.clarify(command);
			case 'estimate':
				return this.estimate(command);
			case 'apis':
				return this.apis(command);
			case 'pipeline':
			case 'results':
				return this.pipeline(view, command);
			case 'knob':
				return this.knob(command);
			case 'palette':
				return this.palettePick(command);
			case 'start':
				return this.startPick(command);
			case 'what-ifs':
				return this.whatIfs(command);
			case 'deep-dive':
				return this.deepDive(command);
			case 'cards':
				return this.cards(command);
			case 'exercises':
			case 'exercise':
			case 'paste':
				return this.exercises(view, command);
			case 'review':
				if (command === 'submit') this.send({type: 'round.finish', at: this.env.now()});
				else this.scroll(command);
				return;
			default:
				return;
		}
	}

	private moveStep(delta: 1 | -1): void {
		const steps = currentPhase(this.context).steps;
		if (steps.length < 2) return this.set({status: 'this phase has one step; ctrl+n moves to the next phase'});
		// Tab cycles through the phase's steps.
		const next = steps[(steps.indexOf(this.ui.step) + delta + steps.length) % steps.length]!;
		this.set({step: next, field: emptyLine, scroll: 0, pipelineMode: 'browse', status: null});
	}

	private scroll(command: Command): void {
		const by = command === 'up' ? -1 : command === 'down' ? 1 : command === 'page-up' ? -10 : command === 'page-down' ? 10 : 0;
		if (by !== 0) this.set({scroll: Math.max(0, this.ui.scroll + by)});
	}

	private clarify(command: Command): void {
		if (command === 'submit') {
			const text = this.ui.field.text.trim();
			if (text === '') return this.set({status: 'type a question (or "assume …") and press enter'});
			const pick = /^\s*([1-3])\s*$/.exec(text);
			if (pick && this.context.offer) this.send({type: 'clarify.pick', index: Number(pick[1]) - 1, at: this.env.now()});
			else this.send(askEvent(this.context, text, this.env.now()));
			this.set({field: emptyLine, scroll: 0, status: null});
			return;
		}
		// The transcript scrolls up from its newest line.
		if (command === 'up' || command === 'page-up') this.set({scroll: this.ui.scroll + (command === 'up' ? 1 : 10)});
		if (command === 'down' || command === 'page-down') this.set({scroll: Math.max(0, this.ui.scroll - (command === 'down' ? 1 : 10))});
	}

	private estimate(command: Command): void {
		const scenario = systemDesign(this.context);
		if (!scenario) return;
		const specs = estimateSpecs(scenario.workload);
		const index = this.ui.estimateIndex;
		const keep = () => ({...this.ui.estimateText, [specs[index]!.id]: this.ui.field.text});
		const goTo = (next: number, estimateText = keep()) => this.set({estimateIndex: next, estimateText, field: lineOf(estimateText[specs[next]!.id] ?? this.context.estimates[specs[next]!.id] ?? ''), status: null});
		if (command === 'up') return goTo(clamp(index - 1, 0, specs.length - 1));
		if (command === 'down') return goTo(clamp(index + 1, 0, specs.length - 1));
		if (command === 'page-up' || command === 'page-down') return this.scroll(command);
		if (command !== 'submit') return;
		const estimateText = keep();
		const text = estimateText[specs[index]!.id] ?? '';
		if (text.trim() !== '') this.send({type: 'estimate.set', id: specs[index]!.id, text, at: this.env.now()});
		if (index < specs.length - 1) return goTo(index + 1, estimateText);
		this.send({type: 'estimate.submit', at: this.env.now()});
		this.set({estimateText, status: 'estimates handed in: the worked figures are below; ctrl+n moves on'});
	}

	private apis(command: Command): void {
		const count = this.context.apiChoices.length;
		if (count === 0) return;
		const hoverFor = (index: number) => Math.max(0, apiStyles.findIndex((style) => style.id === this.context.apiChoices[index]));
		if (command === 'up' || command === 'down') {
			const apiIndex = clamp(this.ui.apiIndex + (command === 'up' ? -1 : 1), 0, count - 1);
			return this.set({apiIndex, apiStyleIndex: hoverFor(apiIndex)});
		}
		if (command === 'left' || command === 'right') return this.set({apiStyleIndex: (this.ui.apiStyleIndex + (command === 'left' ? -1 : 1) + apiStyles.length) % apiStyles.length});
		if (command === 'submit') {
			this.send({type: 'api.choose', index: this.ui.apiIndex, style: apiStyles[this.ui.apiStyleIndex]!.id, at: this.env.now()});
			if (this.ui.apiIndex < count - 1 && this.context.apiChoices[this.ui.apiIndex + 1] === null) this.set({status: '↓ for the next pair of systems'});
			else if (this.context.apiChoices.every((choice) => choice !== null)) this.set({status: 'every API has a style: tab to build the pipeline'});
		}
	}

	private pipeline(view: View, command: Command): void {
		const context = this.context;
		const stages = context.design.stages;
		const rows = pipelineRows(stages);
		const row = rows[clamp(this.ui.pipelineRow, 0, Math.max(0, rows.length - 1))];
		const at = this.env.now();
		switch (command) {
			case 'up':
			case 'down':
				if (view === 'results') return this.scroll(command);
				return this.set({pipelineRow: clamp(this.ui.pipelineRow + (command === 'up' ? -1 : 1), 0, Math.max(0, rows.length - 1))});
			case 'page-up':
			case 'page-down':
				return this.scroll(command);
			case 'toggle-results':
				return this.set({pipelineMode: view === 'results' ? 'browse' : 'results', scroll: 0});
			case 'start-from':
				return this.set({pipelineMode: 'start', startIndex: 0});
			case 'add':
				return this.set({pipelineMode: 'palette', paletteIndex: 0});
			case 'remove':
				if (!row) return this.set({status: 'nothing to remove: the pipeline is empty'});
				this.send({type: 'design.remove', stageId: stages[row.stageIndex]!.id, at});
				return this.set({pipelineRow: clamp(this.ui.pipelineRow, 0, Math.max(0, pipelineRows(this.context.design.stages).length - 1))});
			case 'move-up':
			case 'move-down': {
				if (!row) return;
				const stageId = stages[row.stageIndex]!.id;
				this.send({type: 'design.move', stageId, delta: command === 'move-up' ? -1 : 1, at});
				const moved = this.context.design.stages.findIndex((stage) => stage.id === stageId);
				return this.set({pipelineRow: pipelineRows(this.context.design.stages).findIndex((candidate) => candidate.stageIndex === moved && candidate.knob === null)});
			}
			case 'run':
				if (context.pending) return this.set({status: 'a run is already going'});
			{
				const before = context.nextRequestId;
				this.send({type: 'sim.run', at});
				// A run started (it may already be over, when the simulator answers at once): show the results.
				if (this.context.nextRequestId > before) this.set({pipelineMode: 'results', scroll: 0, status: null});
				return;
			}
			case 'submit': {
				if (!row) return this.set({pipelineMode: 'start', startIndex: 0});
				const stage = stages[row.stageIndex]!;
				const knob = row.knob ?? knobsFor(stage)[0]?.name;
				if (!knob) return;
				const value = (stage as Record<string, unknown>)[knob];
				return this.set({pipelineMode: 'knob', pipelineRow: row.knob ? this.ui.pipelineRow : this.ui.pipelineRow + 1, field: lineOf(value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value), true), status: null});
			}
			default:
				return;
		}
	}

	private knob(command: Command): void {
		if (command === 'close') return this.set({pipelineMode: 'browse', field: emptyLine, status: null});
		if (command !== 'submit') return;
		const rows = pipelineRows(this.context.design.stages);
		const row = rows[this.ui.pipelineRow];
		if (!row?.knob) return this.set({pipelineMode: 'browse'});
		const stage = this.context.design.stages[row.stageIndex]!;
		const before = this.context.design.version;
		this.send({type: 'design.set', stageId: stage.id, knob: row.knob, text: this.ui.field.text, at: this.env.now()});
		if (this.context.design.version !== before) this.set({pipelineMode: 'browse', field: emptyLine, status: `${stage.id}.${row.knob} set; r to simulate`});
		else this.set({status: null});
	}

	private palettePick(command: Command): void {
		if (command === 'close') return this.set({pipelineMode: 'browse'});
		if (command === 'up' || command === 'down') return this.set({paletteIndex: clamp(this.ui.paletteIndex + (command === 'up' ? -1 : 1), 0, palette.length - 1)});
		if (command !== 'submit') return;
		const stages = this.context.design.stages;
		const row = pipelineRows(stages)[this.ui.pipelineRow];
		const position = row ? row.stageIndex + 1 : stages.length;
		const entry = palette[this.ui.paletteIndex]!;
		this.send({type: 'design.add', component: entry.id, position, at: this.env.now()});
		const added = this.context.design.stages[position];
		if (this.context.design.stages.length > stages.length && added) {
			this.set({pipelineMode: 'browse', pipelineRow: pipelineRows(this.context.design.stages).findIndex((candidate) => candidate.stageIndex === position && candidate.knob === null), status: `added ${entry.title} as "${added.id}"`});
		} else this.set({pipelineMode: 'browse'});
	}

	private startPick(command: Command): void {
		const choices = startChoices(this.context);
		if (command === 'close') return this.set({pipelineMode: 'browse'});
		if (command === 'up' || command === 'down') return this.set({startIndex: clamp(this.ui.startIndex + (command === 'up' ? -1 : 1), 0, choices.length - 1)});
		if (command !== 'submit') return;
		const choice = choices[this.ui.startIndex]!;
		const before = this.context.design.version;
		this.send({type: 'design.start', from: choice.id, at: this.env.now()});
		// Refused (the design editor still loading): the menu stays open with the reason, for enter again.
		if (this.context.design.version === before) return this.set({status: this.context.designProblems.join('; ') || null});
		this.set({pipelineMode: 'browse', pipelineRow: 0, status: choice.id ? `started from ${choice.title}: enter edits a knob, r simulates` : 'empty pipeline: a adds a component'});
	}

	private whatIfs(command: Command): void {
		const scenario = systemDesign(this.context);
		if (!scenario) return;
		const list = whatIfsFor(scenario, this.context.design.stages);
		if (command === 'up' || command === 'down') return this.set({whatIfIndex: clamp(this.ui.whatIfIndex + (command === 'up' ? -1 : 1), 0, Math.max(0, list.length - 1)), scroll: 0});
		if (command === 'page-up' || command === 'page-down') return this.scroll(command);
		if (command === 'edit-design') {
			// The what-ifs are the step before the pipeline; with cards in the phase, tab would go on to them.
			const steps = currentPhase(this.context).steps;
			const back = steps.indexOf('pipeline') === steps.indexOf('what-ifs') + 1 && steps.length > 2 ? 'shift+tab' : 'tab';
			return this.set({step: 'pipeline', pipelineMode: 'browse', status: `fix the design, then ${back} back to the what-ifs and re-run`});
		}
		if (command === 'submit' || command === 'run') {
			if (this.context.design.stages.length === 0) return this.set({status: 'no design yet: e to build one (or start from an architecture)'});
			const whatIf = list[this.ui.whatIfIndex];
			if (!whatIf) return;
			if (this.context.pending) return this.set({status: 'a run is already going'});
			this.send({type: 'whatif.run', id: whatIf.id, at: this.env.now()});
			this.set({scroll: 0, status: null});
		}
	}

	private deepDive(command: Command): void {
		const deepDives = this.context.scenario.deep_dives;
		if (deepDives.length === 0) return;
		const index = this.context.deepDiveIndex;
		const go = (next: number) => {
			this.send({type: 'deepdive.goto', index: next, at: this.env.now()});
			const question = deepDives[next]!;
			this.set({field: lineOf(this.context.deepDiveAnswers[question.id]?.text ?? ''), scroll: 0, status: null});
		};
		if (command === 'up') return index > 0 ? go(index - 1) : undefined;
		if (command === 'down') return index < deepDives.length - 1 ? go(index + 1) : undefined;
		if (command === 'page-up' || command === 'page-down') return this.scroll(command);
		if (command !== 'submit') return;
		const text = this.ui.field.text.trim();
		if (text === '') return this.set({status: 'type your answer in your own words, then press enter'});
		this.send({type: 'deepdive.answer', id: deepDives[index]!.id, text, at: this.env.now()});
		if (index < deepDives.length - 1) {
			go(index + 1);
			this.set({status: 'answer recorded; next question (↑ to go back)'});
		} else this.set({status: 'answer recorded; that was the last question: ctrl+n moves on'});
	}

	private cards(command: Command): void {
		const cards = phaseCards(this.context);
		if (cards.length === 0) return;
		const index = Math.min(this.context.cardIndex, cards.length - 1);
		const go = (next: number) => {
			this.send({type: 'card.goto', index: next, at: this.env.now()});
			this.set({field: lineOf(this.context.cardAnswers[cards[next]!.id]?.text ?? ''), scroll: 0, status: null});
		};
		if (command === 'up') return index > 0 ? go(index - 1) : undefined;
		if (command === 'down') return index < cards.length - 1 ? go(index + 1) : undefined;
		if (command === 'page-up' || command === 'page-down') return this.scroll(command);
		if (command !== 'submit') return;
		const card = cards[index]!;
		const text = this.ui.field.text.trim();
		if (card.answer.kind === 'choice') {
			const parsed = parseChoice(text, card.answer.options.length);
			// The status quotes what was typed, so the field starts afresh.
			if (!parsed.ok) return this.set({status: parsed.message, field: emptyLine});
		} else if (text === '') return this.set({status: 'type your answer in your own words, then press enter'});
		this.send({type: 'card.answer', id: card.id, text, at: this.env.now()});
		// The verdict stays on screen; ↓ goes on to the next card.
		this.set({field: emptyLine, status: index < cards.length - 1 ? 'answer recorded; ↓ for the next card' : 'answer recorded; that was the last card: ctrl+n moves on'});
	}

	private exercises(view: View, command: Command): void {
		const exercises = this.context.exercises;
		const exercise = exercises[this.ui.exerciseIndex];
		if (view === 'exercises') {
			if (command === 'up' || command === 'down') return this.set({exerciseIndex: clamp(this.ui.exerciseIndex + (command === 'up' ? -1 : 1), 0, Math.max(0, exercises.length - 1))});
			if (command === 'submit' && exercise) return this.set({exerciseOpen: true, scroll: 0, status: null});
			return;
		}
		if (view === 'exercise') {
			if (command === 'close') return this.set({exerciseOpen: false, scroll: 0});
			if (command === 'submit') return this.set({pasting: true, pasteLines: [], field: emptyLine, status: 'paste or type the SQL; enter adds a line, ctrl+d hands it in, esc cancels'});
			if (command === 'editor' && exercise) {
				if (!this.env.editSql) return this.set({status: 'no editor here: press enter to paste the SQL'});
				const edited = this.env.editSql(exercise.id);
				if (!edited.ok) return this.set({status: edited.message});
				if (edited.sql.trim() === '') return this.set({status: `${edited.editor} saved an empty answer; nothing was graded`});
				this.send({type: 'exercise.submit', id: exercise.id, sql: edited.sql, at: this.env.now()});
				return this.set({status: `grading what ${edited.editor} saved…`, scroll: 0});
			}
			return this.scroll(command);
		}
		// Pasting: Enter ends a line; Ctrl-D hands the SQL in.
		if (command === 'close') return this.set({pasting: false, pasteLines: [], field: emptyLine, status: 'paste cancelled'});
		if (command === 'submit') return this.set({pasteLines: [...this.ui.pasteLines, this.ui.field.text], field: emptyLine});
		if (command === 'paste' && exercise) {
			const sql = [...this.ui.pasteLines, this.ui.field.text].join('\n');
			if (sql.trim() === '') return this.set({status: 'nothing to hand in yet: paste the SQL first'});
			this.send({type: 'exercise.submit', id: exercise.id, sql: `${sql}\n`, at: this.env.now()});
			this.set({pasting: false, pasteLines: [], field: emptyLine, scroll: 0, status: 'grading…'});
		}
	}
}
