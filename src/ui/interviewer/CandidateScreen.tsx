/**
`dojo screen`: the candidate-facing view of a round an interviewer is running,
for the terminal shared on the call. It replays the stored events with the
helpers silent, then takes each new event the feed brings (the command polls
the progress database), so it follows the round live. q or ctrl+c leaves.
*/
import {Box, render, useApp, useInput, useStdout} from 'ink';
import {useEffect, useState} from 'react';
import {designEditor} from '../../flow/design.js';
import {matchPoints} from '../../flow/match-points.js';
import {createQuestionMatcher} from '../../flow/match-question.js';
import {startRound, type RoundActor} from '../../flow/round-actor.js';
import type {RoundEvent} from '../../flow/round-events.js';
import type {Catalogue} from '../../scenarios/builtin.js';
import {Lines} from '../screens/lines.js';
import {candidateLines} from './candidate-view.js';

/** Where the round's events come from: those stored so far, then any new ones on each poll. */
export type RoundFeed = {readonly initial: readonly RoundEvent[]; next(): readonly RoundEvent[]};

/** The round to follow. */
export type FollowedRound = {readonly scenario: string; readonly seed: number; readonly startedAt: number};

/** Rebuilds the round from the feed's stored events, helpers silent. */
export function followRound(catalogue: Catalogue, round: FollowedRound, feed: RoundFeed): RoundActor {
	const scenario = catalogue.scenarios.find((candidate) => candidate.id === round.scenario)!;
	const exercises = scenario.kind === 'data-modeling' ? catalogue.exercises.filter((exercise) => exercise.scenario === scenario.id) : [];
	return startRound({
		input: {scenario, exercises, seed: round.seed, timer: false, startedAt: round.startedAt, matcher: createQuestionMatcher(scenario.questions), matchPoints, editor: designEditor},
		simulate: () => undefined,
		grade: () => undefined,
		replay: feed.initial,
	});
}

type Props = {readonly actor: RoundActor; readonly feed: RoundFeed; readonly pollMs?: number; readonly size?: {columns: number; rows: number}};

/** The shared screen: the candidate's view, redrawn as events arrive. */
export function CandidateScreen({actor, feed, pollMs = 200, size}: Props) {
	const {exit} = useApp();
	const {stdout} = useStdout();
	const [, redraw] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => {
			const events = feed.next();
			for (const event of events) actor.send(event);
			if (events.length > 0) redraw((value) => value + 1);
		}, pollMs);
		return () => clearInterval(timer);
	}, [actor, feed, pollMs]);
	useInput((input, key) => {
		if (input === 'q' || (key.ctrl && input === 'c')) exit();
	});
	const width = size?.columns ?? (stdout.columns || 80);
	const height = (size?.rows ?? (stdout.rows || 24)) - 1;
	const lines = candidateLines(actor.getSnapshot().context, width);
	// The newest lines matter most: keep the top three (the phase) and the tail.
	const shown = lines.length <= height - 1 ? lines : [...lines.slice(0, 3), ...lines.slice(lines.length - (height - 4))];
	return (
		<Box flexDirection="column" width={width}>
			<Lines lines={shown} height={height - 1} />
			<Lines lines={[{text: 'the candidate’s screen of the round · q quits', tone: 'dim'}]} />
		</Box>
	);
}

/** Shows the screen until q; returns the exit code. */
export async function runCandidateScreen(catalogue: Catalogue, round: FollowedRound, feed: RoundFeed): Promise<number> {
	const actor = followRound(catalogue, round, feed);
	process.stdout.write('\u001B[?1049h\u001B[H');
	try {
		const instance = render(<CandidateScreen actor={actor} feed={feed} />, {exitOnCtrlC: false, patchConsole: false});
		await instance.waitUntilExit();
	} finally {
		process.stdout.write('\u001B[?25h\u001B[?1049l');
		actor.stop();
	}
	return 0;
}
