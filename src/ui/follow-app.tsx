/**
The shared screen of an interviewed round (`dojo screen`): the candidate's
view of a round being played in another terminal, followed live. The stored
events are replayed through the round machine with the helpers silent (their
results are among the events) and its own timer stopped (the nudges are
events too), then every new event is fed in as it appears. Nothing here can
change the round, and the candidate audience shows no hidden answer.
*/
import './no-network.js';
import {Box, render, Text, useApp, useInput, useStdout} from 'ink';
import {useEffect, useState} from 'react';
import {followStoredRound} from '../flow/stored-round.js';
import {roundExercises, type Catalogue} from '../scenarios/builtin.js';
import type {Scenario} from '../scenarios/schema.js';
import {commandFor, helpLines} from './keymap.js';
import {GradeClient} from './grade-client.js';
import {RoundController} from './round-controller.js';
import {RoundScreen} from './screens/RoundScreen.js';
import {enterFullScreen} from './full-screen.js';

/** The round to follow: what it started with, and how to read its events so far (oldest first). */
export type FollowedRound = {
	readonly id: number;
	readonly scenario: Scenario;
	readonly seed: number;
	readonly timer: boolean;
	readonly startedAt: number;
	readonly events: () => readonly unknown[];
};

/** How often the events are read again: well inside the 1 s a revealed answer may take to show. */
export const POLL_MS = 200;

type FollowProps = {
	/** A controller that follows the round (`follow: true`). */
	readonly controller: RoundController;
	readonly round: FollowedRound;
	/** Feeds in the events stored since the last call. */
	readonly catchUp: () => number;
	/** The exercises' task texts and grading reports (a data-modeling round). */
	readonly grader: GradeClient;
	/** Called with the exit code on quitting: 0 for q, 130 for Ctrl-C (as the home screen does). */
	readonly onQuit: (code: number) => void;
};

/** Commands the shared screen passes on to the round screen: it scrolls and shows help, it never plays. */
const passOn = new Set(['up', 'down', 'page-up', 'page-down', 'help', 'close']);

function FollowScreen({controller, round, catchUp, grader, onQuit}: FollowProps) {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const [size, setSize] = useState({columns: stdout.columns || 80, rows: stdout.rows || 24});
	useEffect(() => {
		const onResize = () => setSize({columns: stdout.columns || 80, rows: stdout.rows || 24});
		stdout.on('resize', onResize);
		const timer = setInterval(catchUp, POLL_MS);
		return () => {
			stdout.off('resize', onResize);
			clearInterval(timer);
		};
	}, [stdout, catchUp]);
	useInput((input, key) => {
		const command = commandFor('follow', {input, key});
		if (command === 'quit') {
			onQuit(key.ctrl ? 130 : 0);
			exit();
		}
		else if (command && passOn.has(command)) controller.input(input, key);
	});
	const footer = [`shared screen of round ${round.id}, followed live`, ...helpLines('follow', size.columns)].join(' · ');
	return (
		<Box flexDirection="column">
			<RoundScreen controller={controller} width={size.columns} height={size.rows - 2} audience="candidate" interactive={false} exerciseTask={grader.task} exerciseReport={grader.reportLines} />
			<Text dimColor>{footer.slice(0, size.columns)}</Text>
		</Box>
	);
}

/** Shows the round's candidate view until the user quits; returns the exit code. */
export async function followRound(catalogue: Catalogue, round: FollowedRound): Promise<number> {
	const exercises = roundExercises(catalogue, round.scenario);
	const {actor, catchUp} = followStoredRound({scenario: round.scenario, exercises, seed: round.seed, timer: round.timer, startedAt: round.startedAt}, round.events);
	// Created before the first events come in, the controller follows each: a screen started mid-phase opens on the step in play.
	const controller = new RoundController(actor, {now: Date.now, follow: true});
	catchUp();
	const grader = new GradeClient(exercises, () => controller.refresh());
	const leaveFullScreen = enterFullScreen(process.stdout);
	let code = 0;
	try {
		const onQuit = (quitCode: number) => {
			code = quitCode;
		};
		const instance = render(<FollowScreen controller={controller} round={round} catchUp={catchUp} grader={grader} onQuit={onQuit} />, {exitOnCtrlC: false, patchConsole: false});
		await instance.waitUntilExit();
	} finally {
		leaveFullScreen();
		actor.stop();
		grader.close();
	}
	return code;
}
