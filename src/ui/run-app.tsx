/**
Starts the interactive app on the terminal: the alternate screen (so quitting
leaves the shell as it was), a full redraw when the window is resized, and the
round's helpers — the simulator in a worker thread, the SQL sandbox — started
early so the first run does not wait for them.
*/
import './no-network.js';
import {render} from 'ink';
import {createQuestionMatcher} from '../flow/match-question.js';
import {matchPoints} from '../flow/match-points.js';
import type {DesignEditor} from '../flow/design-model.js';
import {startRound} from '../flow/round-actor.js';
import type {RoundEvent} from '../flow/round-events.js';
import {architectureRunRequests, currentPhase, designRunsAhead, systemDesign} from '../flow/round-machine.js';
import {reviewRound, type Review} from '../flow/score.js';
import type {GradeReport} from '../grader/index.js';
import type {PhaseId} from '../flow/phases.js';
import {roundExercises, type Catalogue} from '../scenarios/builtin.js';
import type {Scenario} from '../scenarios/schema.js';
import {App, type RoundSession} from './app.js';
import type {AreaProgress, ResumableRound} from './screens/HomeScreen.js';
import {exercisePhases, phasesFor, type Phase} from '../flow/phases.js';
import type {Exercise} from '../scenarios/exercise-schema.js';
import {chosenEditor, editAnswer} from './editor.js';
import {GradeClient} from './grade-client.js';
import {lazyDesignEditor} from './lazy-editor.js';
import {RoundController, startChoices} from './round-controller.js';
import {SimClient} from './sim-client.js';
import {enterFullScreen, handOver} from './full-screen.js';
import type {RoundMode} from './app.js';

/** How the app starts. */
export type AppOptions = {
	readonly catalogue: Catalogue;
	/** Go straight into a round of this scenario. */
	readonly scenario?: Scenario;
	/** Go straight into this exercise alone (`dojo exercise <id>`), and leave when it ends. */
	readonly exercise?: Exercise;
	readonly seed?: number;
	readonly timer?: boolean;
	/** Who is at the keyboard: the candidate alone (default) or an interviewer running the round (`--mode interviewer`). */
	readonly mode?: RoundMode;
	/** Where progress is saved; without one nothing is (the app never opens the database itself). */
	readonly recorder?: Recorder;
};

/** The record of one round as it is played: every event appended as the machine takes it. */
export type RoundLog = {
	readonly id: number;
	/** For a round being resumed: what it started with and its stored events, to replay. */
	readonly resumed?: {readonly startedAt: number; readonly seed: number; readonly timer: boolean; readonly events: readonly RoundEvent[]};
	event(event: RoundEvent): void;
	phase(phase: PhaseId): void;
	finish(at: number, phase: PhaseId, review: Review): void;
};

/** Where the app's progress goes, handed in by the command that starts it. */
export type Recorder = {
	/** Unfinished rounds of a scenario, newest first. */
	unfinished(scenarioId: string): readonly ResumableRound[];
	/** Starts the record of a new round, or (with `resume`, a round id) reopens a stored one; undefined when nothing is saved. */
	open(round: {readonly scenario: string; readonly seed: number; readonly timer: boolean; readonly startedAt: number; readonly phase: PhaseId; readonly mode: RoundMode}, resume?: number): RoundLog | undefined;
	/** Scores by area over the finished rounds, oldest first, for the home screen. */
	progress(): readonly AreaProgress[];
	/** Records a graded exercise answer. */
	attempt(attempt: {readonly exercise: string; readonly at: number; readonly roundId: number | null; readonly answer: string; readonly report: GradeReport}): void;
};


/** What to play: a scenario's round, or (for `dojo exercise`) one exercise alone. */
export type RoundPlan = {readonly scenario: Scenario; readonly exercises?: readonly Exercise[]; readonly phases?: readonly Phase[]};

/** How a round is saved: the recorder, the round to resume, and whether the round itself is kept (an exercise alone keeps only its attempts). */
export type Recording = {readonly recorder: Recorder; readonly resume?: number; readonly keepRound: boolean};

/** Opens a round with real helpers. */
export function openRound(catalogue: Catalogue, plan: RoundPlan | Scenario, seed: number, timer: boolean, sims: SimClient, design?: DesignEditor, recording?: Recording, mode: RoundMode = 'candidate'): RoundSession {
	const {scenario, phases, exercises: chosen} = 'kind' in plan ? {scenario: plan, phases: undefined, exercises: undefined} : plan;
	const lazy = design ? undefined : lazyDesignEditor();
	const editor = design ?? lazy!.editor;
	const exercises = chosen ?? roundExercises(catalogue, scenario);
	let controller: RoundController | undefined;
	const grader = new GradeClient(exercises, () => controller?.refresh());
	// The helpers start once the first frame is out: they would only compete with it for the CPU.
	let runAhead: (() => void) | undefined;
	setTimeout(() => {
		if (scenario.kind === 'system-design') {
			// The design editor first: workers started beside it would slow its load on two cores, and a design
			// started from an architecture before it is there is refused.
			void (lazy?.load() ?? Promise.resolve()).then(() => {
				sims.warm();
				runAhead?.();
			});
		} else grader.warm();
	}, 300).unref();
	const firstPhase = (phases ?? phasesFor(scenario.kind))[0]!.id;
	const log = recording?.keepRound ? recording.recorder.open({scenario: scenario.id, seed, timer, startedAt: Date.now(), phase: firstPhase, mode}, recording.resume) : undefined;
	const resumed = log?.resumed;
	const actor = startRound({
		input: {scenario, exercises, seed: resumed?.seed ?? seed, timer: resumed?.timer ?? timer, startedAt: resumed?.startedAt ?? Date.now(), now: Date.now, matcher: createQuestionMatcher(scenario.questions), matchPoints, editor, ...(phases ? {phases} : {})},
		simulate: sims.simulate,
		grade: grader.grade,
		...(resumed ? {replay: resumed.events} : {}),
		// Appended as the machine takes each event, before the screen shows it accepted.
		...(log ? {record: (event: RoundEvent) => log.event(event)} : {}),
	});
	if (recording) followProgress(actor, recording.recorder, log);
	if (scenario.kind === 'system-design') runAhead = startRunsAhead(actor, sims);
	const editSql = (exerciseId: string) => {
		const exercise = exercises.find((candidate) => candidate.id === exerciseId)!;
		const edited = editAnswer(exerciseId, () => grader.template(exercise), handOver.suspend, handOver.resume);
		return edited.ok ? {ok: true as const, sql: edited.sql, editor: edited.editor} : edited;
	};
	controller = new RoundController(actor, {now: Date.now, editSql});
	if (scenario.kind === 'system-design') startRunsForHighlight(controller, sims);
	return {
		controller,
		mode,
		exerciseTask: grader.task,
		exerciseReport: grader.reportLines,
		...(chosenEditor() ? {editorName: chosenEditor()} : {}),
		close() {
			actor.stop();
			grader.close();
		},
	};
}

/** How long the design must rest before its runs start ahead of r: a burst of edits starts one set of runs, not one per key. */
const RUN_AHEAD_DELAY_MS = 250;

/**
Starts the runs of the design on screen before r is pressed, a moment after
each change, and stops those of a design that changed since; returns the check
to make once the design editor has loaded (a resumed round's design is runnable
from the start).
*/
export function startRunsAhead(actor: ReturnType<typeof startRound>, sims: Pick<SimClient, 'prefetch'>): () => void {
	let version: number | undefined;
	let timer: NodeJS.Timeout | undefined;
	const consider = () => {
		const context = actor.getSnapshot().context;
		if (context.design.version === version) return;
		version = context.design.version;
		clearTimeout(timer);
		timer = setTimeout(() => {
			const now = actor.getSnapshot().context;
			// An empty pipeline runs nothing, and must not stop the runs of the architecture highlighted in the start menu.
			if (now.design.stages.length === 0) return;
			const runs = designRunsAhead(now);
			sims.prefetch(runs && {seed: now.seed, runs});
		}, RUN_AHEAD_DELAY_MS);
		timer.unref();
	};
	actor.subscribe(consider);
	return () => {
		version = undefined;
		consider();
	};
}

/**
Starts the runs of the architecture highlighted in the "start the design from"
menu: a candidate who starts from it and presses r at once finds them under
way (a design started from an architecture makes exactly these runs). Moving
the highlight stops the previous ones.
*/
export function startRunsForHighlight(controller: RoundController, sims: Pick<SimClient, 'prefetch'>): void {
	let highlighted: string | null | undefined;
	controller.subscribe(() => {
		const {context, ui} = controller.getState();
		const scenario = systemDesign(context);
		const choice = scenario && ui.pipelineMode === 'start' ? startChoices(context)[ui.startIndex] : undefined;
		const id = choice?.id ?? undefined;
		if (id === highlighted) return;
		highlighted = id;
		const runs = scenario && id ? architectureRunRequests(scenario, id) : null;
		if (runs) sims.prefetch({seed: context.seed, runs});
	});
}

/** Saves what the stored events alone do not make cheap to read: new graded attempts, the phase reached, the score at the end. */
function followProgress(actor: ReturnType<typeof startRound>, recorder: Recorder, log: RoundLog | undefined): void {
	let context = actor.getSnapshot().context;
	let attempts = context.attempts.length;
	let phase = currentPhase(context).id;
	let finished = context.finishedAt !== null;
	actor.subscribe((snapshot) => {
		context = snapshot.context;
		for (const attempt of context.attempts.slice(attempts)) recorder.attempt({exercise: attempt.exerciseId, at: attempt.at, roundId: log?.id ?? null, answer: attempt.sql, report: attempt.report});
		attempts = context.attempts.length;
		if (currentPhase(context).id !== phase) {
			phase = currentPhase(context).id;
			log?.phase(phase);
		}
		if (!finished && context.finishedAt !== null) {
			finished = true;
			log?.finish(context.finishedAt, phase, reviewRound(context));
		}
	});
}

/** Renders the app until the user quits; returns the exit code. */
export async function runApp(options: AppOptions): Promise<number> {
	const stdout = process.stdout;
	const sims = new SimClient();
	let code = 0;
	const exercise = options.exercise;
	const exerciseRun: RoundPlan | undefined = exercise ? {scenario: options.catalogue.scenarios.find((candidate) => candidate.id === exercise.scenario)!, exercises: [exercise], phases: exercisePhases} : undefined;
	const start = exerciseRun?.scenario ?? options.scenario;
	const recorder = options.recorder;
	const leaveFullScreen = enterFullScreen(stdout);
	try {
		const instance = render(
			<App
				scenarios={options.catalogue.scenarios}
				openRound={(scenario, resume) => openRound(options.catalogue, exerciseRun ?? scenario, options.seed ?? 1, exerciseRun ? false : (options.timer ?? true), sims, undefined, recorder && {recorder, keepRound: !exerciseRun, ...(resume === undefined ? {} : {resume})}, options.mode)}
				{...(recorder && !exerciseRun ? {unfinished: (id: string) => recorder.unfinished(id), progress: () => recorder.progress()} : {})}
				{...(start ? {start} : {})}
				{...(exerciseRun ? {leaveWhenDone: true} : {})}
				onExit={(exitCode) => {
					code = exitCode;
				}}
			/>,
			{exitOnCtrlC: false, patchConsole: false},
		);
		await instance.waitUntilExit();
	} finally {
		leaveFullScreen();
		await sims.close();
	}
	return code;
}
