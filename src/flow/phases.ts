/**
The phases of an interview round and their time boxes, as the study notes give
them: define the problem space (5 min), requirements (10), high-level design
(10), deep dive (10), bottlenecks and scaling (10), review (5). A data-modeling
round swaps design and scaling for the SQL exercises.

One table, read by the round machine (what happens in each phase, when the
interviewer nudges), by the screens (the phase bar, the timer) and by the
review (time per phase, what was graded where).
*/

/** The id of a phase. */
export type PhaseId = 'problem' | 'requirements' | 'design' | 'modeling' | 'deep-dive' | 'scaling' | 'review';

/** What the candidate does in a phase; the screens pick their view from it. */
export type Step = 'clarify' | 'estimate' | 'apis' | 'pipeline' | 'exercises' | 'deep-dive' | 'what-ifs' | 'cards' | 'review';

/** One row of the phase table. */
export type Phase = {
	readonly id: PhaseId;
	/** As the phase bar shows it. */
	readonly title: string;
	/** A shorter title for narrow terminals. */
	readonly short: string;
	/** The time box, minutes. */
	readonly minutes: number;
	/** What the candidate does here, in order. */
	readonly steps: readonly Step[];
	/** The score areas graded on what happens in this phase (ids of `score.ts` areas). */
	readonly graded: readonly string[];
	/** What the interviewer says when the time box runs out. */
	readonly nudge: string;
	/** One line for a newcomer: what this phase is for. */
	readonly goal: string;
};

const problem: Phase = {
	id: 'problem',
	title: 'Problem space',
	short: 'Problem',
	minutes: 5,
	steps: ['clarify'],
	graded: ['clarify'],
	nudge: "That's our five minutes on the problem. Let's move on to the requirements.",
	goal: 'Ask clarifying questions to turn the vague prompt into specific requirements: input data, transformation, output.',
};

const requirements: Phase = {
	id: 'requirements',
	title: 'Requirements',
	short: 'Reqs',
	minutes: 10,
	steps: ['clarify', 'estimate'],
	graded: ['clarify', 'estimates'],
	nudge: "Let's move on to the design; you can state any remaining assumptions as you go.",
	goal: 'Pin down clients, existing systems and objectives, then estimate the load: events/s, MB/s, storage, shards.',
};

const deepDive: Phase = {
	id: 'deep-dive',
	title: 'Deep dive',
	short: 'Deep dive',
	minutes: 10,
	steps: ['deep-dive'],
	graded: ['deep-dive'],
	nudge: "Let's leave the deep dive there and look at bottlenecks and scale.",
	goal: "Answer the interviewer's deep-dive questions on your design, in your own words.",
};

const review: Phase = {
	id: 'review',
	title: 'Review',
	short: 'Review',
	minutes: 5,
	steps: ['review'],
	graded: [],
	nudge: "We're at time. Thanks — here is how it went.",
	goal: 'Your score by area, what you missed, and the model answers.',
};

/** The phases of a system-design round, in order. */
export const systemDesignPhases: readonly Phase[] = [
	problem,
	requirements,
	{
		id: 'design',
		title: 'High-level design',
		short: 'Design',
		minutes: 10,
		steps: ['apis', 'pipeline'],
		graded: ['apis', 'design'],
		nudge: "Let's move on to the deep dive. You can come back to the design when we look at scaling.",
		goal: 'Start with the APIs between the systems, then build the pipeline from real components and simulate it.',
	},
	deepDive,
	{
		id: 'scaling',
		title: 'Bottlenecks and scaling',
		short: 'Scaling',
		minutes: 10,
		steps: ['what-ifs', 'pipeline'],
		graded: ['design'],
		nudge: "Let's wrap up and review.",
		goal: 'Throw the what-ifs at your design (10x, the daily peak, a lost shard, a hot key, the curveballs); fix and re-run.',
	},
	review,
];

/** The phases of a data-modeling round, in order: no load to estimate, SQL instead of a pipeline. */
export const dataModelingPhases: readonly Phase[] = [
	problem,
	{...requirements, steps: ['clarify'], graded: ['clarify'], goal: 'Pin down the grain, the history the business needs, late data and the questions the model must answer.', nudge: "Let's move on to the model itself."},
	{
		id: 'modeling',
		title: 'Data modeling',
		short: 'Modeling',
		minutes: 30,
		steps: ['exercises'],
		graded: ['modeling'],
		nudge: "Let's move on to the deep dive; finish the exercise you are on if you like.",
		goal: 'Write the models in SQL; each answer is graded on SQLite over hidden batches.',
	},
	deepDive,
	review,
];

/** The phase table for a kind of scenario. */
export function phasesFor(kind: 'system-design' | 'data-modeling'): readonly Phase[] {
	return kind === 'system-design' ? systemDesignPhases : dataModelingPhases;
}

/** The one phase of `dojo exercise <id>` on a terminal: the SQL exercise alone, untimed. */
export const exercisePhases: readonly Phase[] = [
	{
		id: 'modeling',
		title: 'SQL exercise',
		short: 'Exercise',
		minutes: 30,
		steps: ['exercises'],
		graded: ['modeling'],
		nudge: 'Take your time; grade as often as you like.',
		goal: 'Write the SQL; it runs on SQLite over the sample and hidden batches, and every check shows its diff.',
	},
];
