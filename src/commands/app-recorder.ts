/**
The bridge between the app and the progress database: the app is handed a
`Recorder` (it never opens SQLite itself), and this makes one over the store —
rounds and their events, graded attempts, progress by area for the home screen.
Messages about the database (moved aside, not saved) go to stderr.
*/
import {phasesFor} from '../flow/phases.js';
import type {RoundEvent} from '../flow/round-events.js';
import type {GradeReport} from '../grader/index.js';
import {openStore, openStoreSoon, type NewAttempt, type ProgressStore} from '../store/index.js';
import type {Recorder, RoundLog} from '../ui/run-app.js';

/** Opens the progress store of this environment, telling the user on `stderr` about anything wrong with it. */
export function openProgress(stderr: NodeJS.WritableStream): ProgressStore {
	return openStore({warn: (message) => stderr.write(`dojo: ${message}\n`)});
}

/** The titles of the score areas, in the order the home screen lists them. */
const areaTitles: Record<string, string> = {clarify: 'Clarifying questions', estimates: 'Estimates', apis: 'API choices', design: 'Design', 'deep-dive': 'Deep dive', cards: 'Knowledge cards', modeling: 'SQL models'};

/** The title of a phase id for any scenario kind ("Requirements"), or the id itself. */
export function phaseTitle(phase: string): string {
	const all = [...phasesFor('system-design'), ...phasesFor('data-modeling')];
	return all.find((candidate) => candidate.id === phase)?.title ?? phase;
}

function attemptOf(attempt: {exercise: string; at: number; roundId: number | null; answer: string; report: GradeReport}) {
	return {kind: 'sql' as const, exercise: attempt.exercise, at: attempt.at, roundId: attempt.roundId, answer: attempt.answer, passed: attempt.report.passed, checks: attempt.report.checks};
}

/** A recorder over an open store. */
export function storeRecorder(store: ProgressStore): Recorder {
	/** The log of a round whose row `id()` gives, creating it when first needed. */
	const logOf = (id: () => number | null, resumed?: RoundLog['resumed']): RoundLog => ({
		get id() {
			return id() ?? -1;
		},
		...(resumed ? {resumed} : {}),
		event: (event) => {
			const round = id();
			if (round !== null) store.appendEvent(round, event as {type: string; at?: number});
		},
		phase: (phase) => {
			const round = id();
			if (round !== null) store.setPhase(round, phase);
		},
		finish: (at, phase, review) => {
			const round = id();
			if (round !== null) store.finishRound(round, at, phase, {total: review.total, areas: Object.fromEntries(review.areas.map((area) => [area.id, area.score]))});
		},
	});
	return {
		unfinished: (scenarioId) => store.unfinished(scenarioId).map((round) => ({id: round.id, startedAt: round.startedAt, phase: phaseTitle(round.phase), questions: round.questions})),
		open(round, resume) {
			if (resume !== undefined) {
				const stored = store.round(resume);
				if (stored) return logOf(() => stored.id, {startedAt: stored.startedAt, seed: stored.seed, timer: stored.timer, events: store.events(stored.id) as RoundEvent[]});
			}
			if (!store.saving) return undefined;
			// The round's row is written with its first event: opening a round and leaving at once (or a start-up
			// benchmark killing it) leaves nothing to offer for resuming, and nothing is written before the first frame.
			let id: number | null | undefined;
			return logOf(() => (id === undefined ? (id = store.startRound(round)) : id));
		},
		progress() {
			const byArea = new Map<string, number[]>();
			for (const round of store.rounds()) {
				for (const [area, score] of Object.entries(round.score?.areas ?? {})) byArea.set(area, [...(byArea.get(area) ?? []), score]);
			}
			return Object.keys(areaTitles)
				.filter((area) => byArea.has(area))
				.map((area) => ({title: areaTitles[area]!, scores: byArea.get(area)!}));
		},
		attempt: (attempt) => store.recordAttempt(attemptOf(attempt)),
	};
}

/**
Runs `body` (the app) with a recorder over the progress store, closing the
store afterwards. Messages about the database are written at once and again
when the app has left the alternate screen, where they would otherwise vanish;
a first run's new database is made just after the first frame
(`openStoreSoon`), and its messages wait for the end.
*/
export async function withRecorder<T>(stderr: NodeJS.WritableStream, body: (recorder: Recorder) => Promise<T>): Promise<T> {
	const said: string[] = [];
	let appOnScreen = false;
	const store = openStoreSoon({
		warn: (message) => {
			said.push(message);
			// Once the app has the screen a message would only garble it: it is written when the app ends.
			if (!appOnScreen) stderr.write(`dojo: ${message}\n`);
		},
	});
	// A first run's database is made just after the first frame is out (a timer runs after the frame is drawn).
	if (!store.opened) setTimeout(() => store.open(), 0).unref();
	try {
		appOnScreen = true;
		return await body(storeRecorder(store));
	} finally {
		store.close();
		for (const message of said) stderr.write(`dojo: ${message}\n`);
	}
}

/** Saves one attempt with the store open just for it (a command that grades once and exits). */
function saveAttempt(stderr: NodeJS.WritableStream, attempt: NewAttempt): void {
	const store = openProgress(stderr);
	try {
		store.recordAttempt(attempt);
	} finally {
		store.close();
	}
}

/** Records one graded answer (`dojo exercise <id> --answer F`). */
export function recordAttempt(stderr: NodeJS.WritableStream, attempt: {exercise: string; at: number; roundId: number | null; answer: string; report: GradeReport}): void {
	saveAttempt(stderr, attemptOf(attempt));
}

/** Records a graded Python answer (`dojo code`), with the think-aloud notes and the time taken when there are any. */
export function recordCodingAttempt(stderr: NodeJS.WritableStream, attempt: {problem: string; at: number; answer: string; passed: boolean; cases: ReadonlyArray<{id: string; passed: boolean; message?: string}>; notes?: string; seconds?: number}): void {
	saveAttempt(stderr, {
		kind: 'python',
		exercise: attempt.problem,
		at: attempt.at,
		roundId: null,
		answer: attempt.answer,
		passed: attempt.passed,
		checks: attempt.cases.map((item) => ({id: item.id, passed: item.passed, message: item.message ?? ''})),
		...(attempt.notes ? {notes: attempt.notes} : {}),
		...(attempt.seconds === undefined ? {} : {seconds: attempt.seconds}),
	});
}
