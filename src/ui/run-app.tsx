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
import type {Catalogue} from '../scenarios/builtin.js';
import type {Scenario} from '../scenarios/schema.js';
import {App, type RoundSession} from './app.js';
import {exercisePhases, type Phase} from '../flow/phases.js';
import type {Exercise} from '../scenarios/exercise-schema.js';
import {chosenEditor, editAnswer} from './editor.js';
import {GradeClient} from './grade-client.js';
import {lazyDesignEditor} from './lazy-editor.js';
import {RoundController} from './round-controller.js';
import {SimClient} from './sim-client.js';
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
};

const enterAltScreen = '\u001B[?1049h\u001B[H';
const leaveAltScreen = '\u001B[?1049l';
const clearScreen = '\u001B[2J\u001B[3J\u001B[H';
const showCursor = '\u001B[?25h';

/** Hands the terminal to another program and back (the editor). */
const terminal = {
	suspend() {
		if (process.stdin.isTTY) process.stdin.setRawMode(false);
		process.stdout.write(`${showCursor}${leaveAltScreen}`);
	},
	resume() {
		process.stdout.write(`${enterAltScreen}${clearScreen}`);
		if (process.stdin.isTTY) process.stdin.setRawMode(true);
	},
};

/** What to play: a scenario's round, or (for `dojo exercise`) one exercise alone. */
export type RoundPlan = {readonly scenario: Scenario; readonly exercises?: readonly Exercise[]; readonly phases?: readonly Phase[]};

/** Opens a round with real helpers. */
export function openRound(catalogue: Catalogue, plan: RoundPlan | Scenario, seed: number, timer: boolean, sims: SimClient, design?: DesignEditor, mode: RoundMode = 'candidate'): RoundSession {
	const {scenario, phases, exercises: chosen} = 'kind' in plan ? {scenario: plan, phases: undefined, exercises: undefined} : plan;
	const lazy = design ? undefined : lazyDesignEditor();
	const editor = design ?? lazy!.editor;
	const exercises = chosen ?? (scenario.kind === 'data-modeling' ? catalogue.exercises.filter((exercise) => exercise.scenario === scenario.id) : []);
	let controller: RoundController | undefined;
	const grader = new GradeClient(exercises, () => controller?.refresh());
	// The helpers start once the first frame is out: they would only compete with it for the CPU.
	setTimeout(() => {
		if (scenario.kind === 'system-design') {
			sims.warm();
			void lazy?.load();
		} else grader.warm();
	}, 300).unref();
	const actor = startRound({
		input: {scenario, exercises, seed, timer, startedAt: Date.now(), now: Date.now, matcher: createQuestionMatcher(scenario.questions), matchPoints, editor, ...(phases ? {phases} : {})},
		simulate: sims.simulate,
		grade: grader.grade,
	});
	const editSql = (exerciseId: string) => {
		const exercise = exercises.find((candidate) => candidate.id === exerciseId)!;
		const edited = editAnswer(exerciseId, () => grader.template(exercise), terminal.suspend, terminal.resume);
		return edited.ok ? {ok: true as const, sql: edited.sql, editor: edited.editor} : edited;
	};
	controller = new RoundController(actor, {now: Date.now, editSql});
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

/** Renders the app until the user quits; returns the exit code. */
export async function runApp(options: AppOptions): Promise<number> {
	const stdout = process.stdout;
	const sims = new SimClient();
	let code = 0;
	const exercise = options.exercise;
	const exerciseRun: RoundPlan | undefined = exercise ? {scenario: options.catalogue.scenarios.find((candidate) => candidate.id === exercise.scenario)!, exercises: [exercise], phases: exercisePhases} : undefined;
	const start = exerciseRun?.scenario ?? options.scenario;
	stdout.write(enterAltScreen);
	// Ink erases its last frame line by line; after the window shrinks the old lines have rewrapped, so clear it all first.
	const onResize = () => stdout.write(clearScreen);
	stdout.on('resize', onResize);
	const restore = () => stdout.write(`${showCursor}${leaveAltScreen}`);
	process.once('exit', restore);
	try {
		const instance = render(
			<App
				scenarios={options.catalogue.scenarios}
				openRound={(scenario) => openRound(options.catalogue, exerciseRun ?? scenario, options.seed ?? 1, exerciseRun ? false : (options.timer ?? true), sims, undefined, options.mode)}
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
		stdout.off('resize', onResize);
		process.off('exit', restore);
		restore();
		await sims.close();
	}
	return code;
}
