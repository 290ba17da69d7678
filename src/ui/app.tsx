/**
The interactive app: the home screen, then a round, then home again with the
score. Owns the terminal size (redrawn on resize) and the way out; the round
itself is a session the caller opens (the machine, its helpers, the controller).
*/
import {useApp, useStdout} from 'ink';
import {useEffect, useState, useSyncExternalStore} from 'react';
import {reviewRound} from '../flow/score.js';
import type {GradeReport} from '../grader/index.js';
import type {Exercise} from '../scenarios/exercise-schema.js';
import type {Scenario} from '../scenarios/schema.js';
import type {RoundController} from './round-controller.js';
import {HomeScreen, type AreaProgress, type ResumableRound} from './screens/HomeScreen.js';
import {RoundScreen} from './screens/RoundScreen.js';
import type {ResultRenderer} from './screens/round-views.js';

/** A round being played: its controller, and what the screen needs besides. */
export type RoundSession = {
	readonly controller: RoundController;
	readonly exerciseTask?: (exerciseId: string) => readonly string[] | undefined;
	readonly exerciseReport?: (exercise: Exercise, report: GradeReport) => string[];
	/** The editor `e` opens, to say so on screen. */
	readonly editorName?: string;
	readonly renderResults?: ResultRenderer;
	/** Stops the helpers (simulator worker, sandbox). */
	close(): void;
};

type Props = {
	readonly scenarios: readonly Scenario[];
	/** Opens a round of a scenario: a new one, or the saved round `resume` (its id). */
	readonly openRound: (scenario: Scenario, resume?: number) => RoundSession;
	/** Start straight in a round of this scenario (`dojo practice <id>`); with a saved unfinished one, offer to resume it first. */
	readonly start?: Scenario;
	/** Saved unfinished rounds of a scenario, newest first. */
	readonly unfinished?: (scenarioId: string) => readonly ResumableRound[];
	/** Scores by area over the finished rounds, read each time the home screen shows. */
	readonly progress?: () => readonly AreaProgress[];
	/** Leave the app when that round ends, instead of going home (`dojo exercise <id>`): 0 when the last grading passed, else 1. */
	readonly leaveWhenDone?: boolean;
	/** Called with the exit code when the user leaves. */
	readonly onExit: (code: number) => void;
	/** Fixed size (tests); by default the terminal's. */
	readonly size?: {readonly columns: number; readonly rows: number};
};

function useTerminalSize(fixed: Props['size']): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (fixed) return;
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	});
	return size;
}

function RoundView({session, size, onDone}: {readonly session: RoundSession; readonly size: {columns: number; rows: number}; readonly onDone: (how: 'quit' | 'finished') => void}) {
	const state = useSyncExternalStore(session.controller.subscribe, session.controller.getState);
	useEffect(() => {
		if (state.ui.quit) onDone('quit');
		else if (state.finished) onDone('finished');
	}, [state.ui.quit, state.finished, onDone]);
	return <RoundScreen controller={session.controller} width={size.columns} height={size.rows - 1} {...(session.renderResults ? {renderResults: session.renderResults} : {})} {...(session.exerciseTask ? {exerciseTask: session.exerciseTask} : {})} {...(session.exerciseReport ? {exerciseReport: session.exerciseReport} : {})} {...(session.editorName ? {editorName: session.editorName} : {})} />;
}

/** The app: home ⇄ round. */
export function App({scenarios, openRound, start, unfinished, progress, leaveWhenDone, onExit, size: fixedSize}: Props) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const offer = start && !leaveWhenDone && unfinished?.(start.id).length ? start : undefined;
	const [session, setSession] = useState<RoundSession | undefined>(() => (start && !offer ? openRound(start) : undefined));
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const leave = (code: number) => {
		onExit(code);
		exit();
	};
	if (session) {
		return (
			<RoundView
				session={session}
				size={size}
				onDone={(how) => {
					const context = session.controller.getState().context;
					session.close();
					if (how === 'quit') return leave(130);
					if (leaveWhenDone) return leave(context.attempts.at(-1)?.report.passed ? 0 : 1);
					setNotice(`Round finished: ${context.scenario.title}, score ${reviewRound(context).total}/100.`);
					setSession(undefined);
				}}
			/>
		);
	}
	return (
		<HomeScreen
			scenarios={scenarios}
			width={size.columns}
			height={size.rows - 1}
			{...(notice ? {notice} : {})}
			{...(unfinished ? {unfinished} : {})}
			{...(progress ? {progress: progress()} : {})}
			{...(offer && !notice ? {offer} : {})}
			onStart={(scenario, resume) => setSession(openRound(scenario, resume))}
			onQuit={leave}
		/>
	);
}
