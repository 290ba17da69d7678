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
import {createQuestionMatcher} from '../flow/match-question.js';
import {matchPoints} from '../flow/match-points.js';
import {designEditor} from '../flow/design.js';
import {startRound, type RoundActor} from '../flow/round-actor.js';
import type {RoundEvent} from '../flow/round-events.js';
import type {Catalogue} from '../scenarios/builtin.js';
import type {Scenario} from '../scenarios/schema.js';
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

/** A clock whose timers never fire: the follower's time boxes only change through the stored events. */
const stoppedClock = {setTimeout: () => 0, clearTimeout: () => undefined};

/** Starts the following actor with the events so far; returns it and a function that feeds in the events added since. */
export function followActor(catalogue: Catalogue, round: FollowedRound): {actor: RoundActor; catchUp: () => number} {
	const exercises = round.scenario.kind === 'data-modeling' ? catalogue.exercises.filter((exercise) => exercise.scenario === round.scenario.id) : [];
	const first = round.events();
	const actor = startRound({
		input: {scenario: round.scenario, exercises, seed: round.seed, timer: round.timer, startedAt: round.startedAt, now: Date.now, matcher: createQuestionMatcher(round.scenario.questions), matchPoints, editor: designEditor},
		simulate: () => undefined,
		grade: () => undefined,
		replay: first as RoundEvent[],
		clock: stoppedClock,
	});
	let seen = first.length;
	return {
		actor,
		catchUp() {
			const all = round.events();
			const added = all.slice(seen);
			seen = all.length;
			for (const event of added) actor.send(event as RoundEvent);
			return added.length;
		},
	};
}

function FollowScreen({controller, round, catchUp}: {readonly controller: RoundController; readonly round: FollowedRound; readonly catchUp: () => number}) {
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
		if (input === 'q' || (key.ctrl && input === 'c')) exit();
	});
	return (
		<Box flexDirection="column">
			<RoundScreen controller={controller} width={size.columns} height={size.rows - 2} audience="candidate" interactive={false} />
			<Text dimColor>{`shared screen of round ${round.id} · follows live · q quits`.slice(0, size.columns)}</Text>
		</Box>
	);
}

/** Shows the round's candidate view until the user quits; returns the exit code. */
export async function followRound(catalogue: Catalogue, round: FollowedRound): Promise<number> {
	const {actor, catchUp} = followActor(catalogue, round);
	const controller = new RoundController(actor, {now: Date.now, follow: true});
	const leaveFullScreen = enterFullScreen(process.stdout);
	try {
		const instance = render(<FollowScreen controller={controller} round={round} catchUp={catchUp} />, {exitOnCtrlC: false, patchConsole: false});
		await instance.waitUntilExit();
	} finally {
		leaveFullScreen();
		actor.stop();
	}
	return 0;
}
