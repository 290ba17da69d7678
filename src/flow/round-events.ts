/**
The events of an interview round: everything the candidate (or the interviewer
on their behalf) does, and what the round's helpers (the simulator, the SQL
grader, the phase timer) report back.

Every event is plain JSON. The progress store appends them in order as they
happen, so a round is resumed — or followed live from a second terminal — by
replaying them through the machine. Events the candidate causes carry `at`,
the wall-clock milliseconds when it happened, so the review can say how long
each phase took; the machine itself never reads a clock.
*/
import type {GradeReport} from '../grader/index.js';
import type {ApiStyle} from '../scenarios/schema.js';
import type {Model, SimResult} from '../sim/index.js';
import type {EstimateId} from './estimate.js';
import type {PhaseId} from './phases.js';

/** Something the candidate did, with when. */
type At = {readonly at: number};

/** The candidate's side of the round. */
export type CandidateEvent =
	/** A clarifying question, or an assumption, in the candidate's own words. */
	| ({type: 'clarify.ask'; text: string; heard?: HeardLine} & At)
	/** Picks option `index` of the interviewer's "do you mean A or B?". */
	| ({type: 'clarify.pick'; index: number} & At)
	/** Types the figure for one estimate (not graded until submitted). */
	| ({type: 'estimate.set'; id: EstimateId; text: string} & At)
	/** Hands in the estimates: they are graded and the formulas shown. */
	| ({type: 'estimate.submit'} & At)
	/** Picks an API style for the scenario's API interaction `index`. */
	| ({type: 'api.choose'; index: number; style: ApiStyle} & At)
	/** Starts the design from one of the scenario's architectures, or from scratch (null). */
	| ({type: 'design.start'; from: string | null} & At)
	/** Adds a palette component at `position` (default: the end). */
	| ({type: 'design.add'; component: string; position?: number} & At)
	| ({type: 'design.remove'; stageId: string} & At)
	| ({type: 'design.move'; stageId: string; delta: -1 | 1} & At)
	/** Sets a knob from the text typed; empty text restores the default. */
	| ({type: 'design.set'; stageId: string; knob: string; text: string} & At)
	/** Simulates the design at the mean load and at the daily peak. */
	| ({type: 'sim.run'} & At)
	/** Simulates one what-if against the current design. */
	| ({type: 'whatif.run'; id: string} & At)
	/** Shows deep-dive question `index`. */
	| ({type: 'deepdive.goto'; index: number} & At)
	/** Answers a deep-dive question in free text. */
	| ({type: 'deepdive.answer'; id: string; text: string} & At)
	/** Shows knowledge card `index` of the current phase's cards. */
	| ({type: 'card.goto'; index: number} & At)
	/** Answers a knowledge card: option numbers ("2", "1,3") for a choice card, free text for the others. */
	| ({type: 'card.answer'; id: string; text: string} & At)
	/** Hands in SQL for one of the round's exercises. */
	| ({type: 'exercise.submit'; id: string; sql: string} & At)
	/** Moves on to the next phase (allowed at any time; the time box only nudges). */
	| ({type: 'phase.next'} & At)
	/** Ends the round from the review. */
	| ({type: 'round.finish'} & At);

/**
What an interviewer running the round live does besides typing for the
candidate (who asked what is typed with `clarify.ask`, as the candidate would).
*/
export type InterviewerEvent =
	/**
	Marks a rubric item met or not, overriding what the round worked out: a key
	question the candidate asked aloud (`question:<id>`), an estimate
	(`estimate:<id>`), an API choice (`api:<index>`), a deep-dive point
	(`point:<deep-dive id>:<index>`), a knowledge card (`card:<id>`). `null` clears the mark.
	*/
	| ({type: 'rubric.mark'; item: string; value: boolean | null} & At)
	/** Shows the candidate the answer to a bank question they did not ask (it does not count as asked). */
	| ({type: 'answer.reveal'; questionId: string} & At)
	/** Gives the current phase more minutes before the nudge. */
	| ({type: 'phase.extend'; minutes: number} & At);

/** One run a simulation request asks for. */
export type SimRunRequest = {
	/** What the screen calls it: "1x", "daily peak (2x)", "10x load", an architecture id. */
	readonly label: string;
	readonly model: Model;
	readonly scale?: number;
	readonly peak?: boolean;
};

/** What the round asks the simulator for; the `simulate` actor answers with the events below. */
export type SimRequest = {
	readonly requestId: number;
	readonly purpose: 'design' | 'what-if' | 'rank';
	readonly seed: number;
	readonly runs: readonly SimRunRequest[];
};

/** What the round asks the SQL grader for. */
export type GradeRequest = {
	readonly requestId: number;
	readonly exerciseId: string;
	readonly sql: string;
};

/** What the round's helpers report back. */
export type HelperEvent =
	/** Share of a simulation request done (0–1); not stored. */
	| {type: 'sim.progress'; requestId: number; done: number}
	/** One run of a request finished. */
	| {type: 'sim.result'; requestId: number; label: string; result: SimResult}
	/** Every run of a request finished. */
	| {type: 'sim.done'; requestId: number}
	| {type: 'sim.failed'; requestId: number; message: string}
	| {type: 'exercise.graded'; requestId: number; report: GradeReport}
	| {type: 'exercise.failed'; requestId: number; message: string}
	/** The current phase's time box ran out (raised by the machine's own timer). */
	| {type: 'timer.expired'; phase: PhaseId}
	/** A new phase began (raised by the machine on `phase.next`; restarts the timer). */
	| {type: 'phase.entered'};

/**
What the interviewer made of a candidate's line when it was asked, stored with
the line: a saved round replays (resume, history, report, `dojo screen`) with
the answers the candidate saw, even after the question bank or the matcher
changed. Questions are named by id; a line whose ids are no longer in the bank
is matched afresh.
*/
export type HeardLine =
	| {readonly kind: 'answer' | 'offer'; readonly ids: readonly string[]}
	| {readonly kind: 'assume' | 'design-choice'; readonly reply: string}
	| {readonly kind: 'assumption'; readonly text: string};

/** Every event the round machine takes. */
export type RoundEvent = CandidateEvent | InterviewerEvent | HelperEvent;

/**
Events a store keeps, so that replaying them rebuilds the round: everything but
progress ticks, and the events the machine raises itself from another one
(`phase.entered` follows every `phase.next`, so a replay raises it again).
*/
export function isStoredEvent(event: {type: string}): boolean {
	return event.type !== 'sim.progress' && event.type !== 'phase.entered' && !event.type.startsWith('xstate.');
}
