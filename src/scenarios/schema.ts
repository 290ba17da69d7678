/**
The schema of `scenarios.yaml`: the single source of truth for scenario types,
for `dojo validate` and for the editor JSON Schema (`npm run schema`).

A scenario is one interview: a prompt, a question bank the interviewer answers
from, the workload numbers the simulator needs, candidate architectures,
deep-dive points and curveballs.
*/
import {z} from 'zod';
import {ArchitectureSchema, Id, KeyDistributionSchema, SloSchema} from './model-schema.js';
import {ExerciseSchema} from './exercise-schema.js';
import {CodingProblemSchema} from './coding-schema.js';
import {TableDesignSchema} from './table-design-schema.js';

/** The part of a design round a clarifying question belongs to, as the study notes group them. */
export const PhaseSchema = z.enum(['input', 'transformation', 'output', 'other']);

/** A clarifying question the candidate may ask, the ways they might phrase it, and the interviewer's answer. */
export const QuestionSchema = z.strictObject({
	id: Id,
	phase: PhaseSchema,
	topic: z
		.enum(['source', 'frequency', 'schema', 'size', 'business-rules', 'metric', 'usage', 'refresh-rate', 'query-pattern', 'retention', 'grain', 'history', 'clients', 'existing-systems', 'objectives', 'other'])
		.describe('what the question is about, from the notes: input (source, frequency, schema, size), transformation (business rules), output (metric, usage, refresh rate, query pattern, retention)'),
	ask: z.string().min(1).describe('the question in its plainest form'),
	aliases: z.array(z.string().min(1)).default([]).describe('other ways a candidate might phrase it'),
	keywords: z.array(z.string().min(1)).min(1, 'a question needs at least one keyword to be matched on').describe('words that signal this question'),
	answer: z.string().min(1).describe("the interviewer's answer"),
	key: z.boolean().default(false).describe('a question a strong candidate must ask'),
});

/** The numbers the simulator and the load estimate need. */
export const WorkloadSchema = z.strictObject({
	events_per_min: z.number().positive('events_per_min must be > 0').describe('mean events per minute at 1x'),
	event_bytes: z.number().positive('event_bytes must be > 0'),
	peak_multiplier: z.number().min(1, 'peak_multiplier must be >= 1').default(1),
	keys: z.record(z.string(), KeyDistributionSchema).default({}).describe('partition-key candidates: field → distribution'),
	retention_h: z.number().positive('retention_h must be > 0'),
	refresh_interval_s: z.number().positive('refresh_interval_s must be > 0').optional(),
	slo: SloSchema,
});

/** The API styles a candidate can pick between, as the notes list them plus the data-engineering ones. */
export const ApiStyleSchema = z.enum(['rest', 'soap', 'graphql', 'rpc', 'websocket', 'sdk', 'file-drop', 'cdc']);

/** Another style that is also a good answer for an interaction, and the notes' reasoning that supports it. */
export const ApiAcceptSchema = z.strictObject({
	style: ApiStyleSchema,
	why: z.string().min(1).describe('why this style is also right here'),
});

/** A system an answer must talk to, the API style a good answer picks, and why. */
export const ApiInteractionSchema = z.strictObject({
	between: z.string().min(1).describe('who talks to whom, e.g. "mobile app → collector"'),
	style: ApiStyleSchema,
	why: z.string().min(1),
	accept: z.array(ApiAcceptSchema).default([]).describe('other styles accepted as right, each with its reason (the notes: WebSocket for a live push, GraphQL for self-serve fetching)'),
	request: z.string().min(1).optional().describe('the parameters a call carries, as the notes ask ("the parameters and response type")'),
	response: z.string().min(1).optional().describe('what a call returns'),
});

/** The round phases a knowledge card can be drawn into: those where the candidate answers questions on the design. */
export const CardPhaseSchema = z.enum(['design', 'modeling', 'deep-dive', 'scaling']);

/** What a card is about: the comparison tables and lists of the study notes it tests. */
export const CardTopicSchema = z.enum(['kds-vs-firehose', 'sharding-vs-partitioning', 'api-styles', 'etl-transformations', 'partitioning', 'scale-10x', 'serving-stores', 'redshift-keys']);

/** One option of a choice card. */
export const CardOptionSchema = z.strictObject({
	text: z.string().min(1),
	right: z.boolean().default(false),
	why: z.string().min(1).optional().describe('why this option is right or wrong, shown once answered'),
});

/** A card answered by picking option(s): right when exactly the right ones are picked. */
export const ChoiceAnswerSchema = z.strictObject({
	kind: z.literal('choice'),
	options: z.array(CardOptionSchema).min(2, 'a choice card needs at least two options'),
});

/** A card answered in free text, matched against points with the deep dive's point matcher. */
export const PointsAnswerSchema = z.strictObject({
	kind: z.literal('points'),
	points: z.array(z.string().min(1)).min(1, 'a free-text card needs at least one point'),
	need: z.number().int().positive().optional().describe('how many points make the answer right (default: all of them)'),
});

/** Where the notes are wrong: what they say, and the fact that replaces it. */
export const CorrectionSchema = z.strictObject({
	notes_say: z.string().min(1).describe('what the study notes say, in their terms'),
	fact: z.string().min(1).describe('what is true today'),
});

/**
A knowledge card: a comparison from the notes asked in the notes' own terms,
drawn into the round phase where it fits, answered by choice or in free text.
*/
export const CardSchema = z.strictObject({
	id: Id,
	phase: CardPhaseSchema.describe('the round phase the card is asked in; it must be a phase of the scenario\'s kind'),
	topic: CardTopicSchema,
	ask: z.string().min(1).describe('the question, in the notes\' terms'),
	answer: z.discriminatedUnion('kind', [ChoiceAnswerSchema, PointsAnswerSchema]),
	explain: z.string().min(1).describe('the model answer, shown once the card is answered'),
	correction: CorrectionSchema.optional(),
	source: z.string().min(1).describe('where the fact comes from: the notes\' section, and the documentation it was checked against'),
});

/** A deep-dive or scaling point from the notes, and what a good answer covers. */
export const DeepDiveSchema = z.strictObject({
	id: Id,
	topic: z.enum([
		'single-point-of-failure',
		'replication',
		'multi-region',
		'hot-keys',
		'scale-10x',
		'upgrade-vs-migrate',
		'late-data',
		'exactly-once',
		'cost',
		'data-quality',
		'security',
		'design-rationale',
		'incremental-loading',
		'change-data-capture',
		'slowly-changing-dimensions',
		'query-performance',
	]),
	question: z.string().min(1),
	good_answer: z.array(z.string().min(1)).min(1).describe('points a good answer covers'),
});

/** A change the interviewer throws in mid-round, and what it does to the numbers. */
export const CurveballSchema = z.strictObject({
	id: Id,
	says: z.string().min(1).describe('what the interviewer says'),
	load_multiplier: z.number().positive('load_multiplier must be > 0').optional(),
	retention_h: z.number().positive('retention_h must be > 0').optional(),
	refresh_interval_s: z.number().positive('refresh_interval_s must be > 0').optional(),
	bot_multiplier: z.number().positive('bot_multiplier must be > 0').optional().describe('one client (a bot) sends this multiple of the normal load on top of it'),
	expect: z.string().min(1).describe('what a good candidate changes in the design'),
});

const scenarioBase = {
	id: Id,
	title: z.string().min(1),
	summary: z.string().min(1).describe('one line shown in `dojo list`'),
	prompt: z.string().min(1).describe('what the interviewer says to open the round'),
	questions: z.array(QuestionSchema).min(1, 'a scenario needs at least one question'),
	deep_dives: z.array(DeepDiveSchema).default([]),
	cards: z.array(CardSchema).default([]).describe('knowledge cards drawn into the round'),
	table_designs: z.array(TableDesignSchema).default([]).describe('Redshift table-design exercises (`dojo exercise <id>`)'),
};

/** A system-design round: clarify, estimate, design, simulate, scale. */
export const SystemDesignScenarioSchema = z.strictObject({
	...scenarioBase,
	kind: z.literal('system-design'),
	workload: WorkloadSchema,
	apis: z.array(ApiInteractionSchema).default([]),
	architectures: z.array(ArchitectureSchema).min(2, 'a system-design scenario needs at least two candidate architectures'),
	curveballs: z.array(CurveballSchema).default([]),
});

/** A data-modeling round: a schema to design, then SQL exercises graded on SQLite. */
export const DataModelingScenarioSchema = z.strictObject({
	...scenarioBase,
	kind: z.literal('data-modeling'),
	curveballs: z.array(CurveballSchema).default([]),
	exercises_per_round: z
		.number()
		.int('exercises_per_round must be a whole number')
		.positive('exercises_per_round must be > 0')
		.default(3)
		.describe('how many of the SQL exercises a round asks for in its modeling phase (the candidate picks which): the "SQL models" score is the passed ones out of this many'),
});

/** One interview scenario. */
export const ScenarioSchema = z.discriminatedUnion('kind', [SystemDesignScenarioSchema, DataModelingScenarioSchema]);

/** A whole scenarios file. */
export const ScenarioFileSchema = z.strictObject({
	$schema: z.string().optional(),
	version: z.literal(1).describe('file format version'),
	scenarios: z.array(ScenarioSchema).default([]),
	exercises: z.array(ExerciseSchema).default([]),
	coding: z.array(CodingProblemSchema).default([]).describe('Python live-coding problems (`dojo code`)'),
});

export {ExerciseSchema};
export type Phase = z.infer<typeof PhaseSchema>;
export type ApiStyle = z.infer<typeof ApiStyleSchema>;
export type ApiInteraction = z.infer<typeof ApiInteractionSchema>;
export type Card = z.infer<typeof CardSchema>;
export type CardPhase = z.infer<typeof CardPhaseSchema>;
export type DeepDive = z.infer<typeof DeepDiveSchema>;
export type Curveball = z.infer<typeof CurveballSchema>;
export type DataModelingScenario = z.infer<typeof DataModelingScenarioSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Workload = z.infer<typeof WorkloadSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type SystemDesignScenario = z.infer<typeof SystemDesignScenarioSchema>;
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
export type {Exercise} from './exercise-schema.js';
export type {CodingProblem} from './coding-schema.js';
export type {TableDesign} from './table-design-schema.js';
