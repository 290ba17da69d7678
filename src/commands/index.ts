/**
Every `dojo` subcommand, by name, loaded on demand so `dojo --version` never
pays for Ink, SQLite or the simulator.
*/
import type {Command} from './command.js';

/** Name → loader, in the order `dojo --help` lists them. */
export const commands: Record<string, () => Promise<Command>> = {
	practice: async () => (await import('./practice.js')).practiceCommand,
	list: async () => (await import('./list.js')).listCommand,
	validate: async () => (await import('./validate.js')).validateCommand,
	sim: async () => (await import('./sim.js')).simCommand,
	sweep: async () => (await import('./sweep.js')).sweepCommand,
	bench: async () => (await import('./bench.js')).benchCommand,
	exercise: async () => (await import('./exercise.js')).exerciseCommand,
	history: async () => (await import('./history.js')).historyCommand,
	report: async () => (await import('./report.js')).reportCommand,
	screen: async () => (await import('./screen.js')).screenCommand,
	ask: async () => (await import('./ask.js')).askCommand,
	code: async () => (await import('./code.js')).codeCommand,
};

/** One-line summaries for `dojo --help`, kept here so the top-level help loads no command module. */
export const summaries: Record<string, string> = {
	practice: 'play an interview round of a scenario (needs a terminal)',
	list: 'scenarios and exercises with ids and one-line summaries',
	validate: 'check scenario files; errors carry file:line:col',
	sim: "simulate a scenario's architecture (or --model FILE) at a load",
	sweep: 'find the load multiple where a design stops meeting its SLO',
	bench: 'simulation-engine throughput on a standard M/M/c model',
	exercise: 'grade a data-modeling answer written in SQL',
	history: 'past rounds and graded attempts, with scores by area',
	report: 'a Markdown summary of a round, to share with a mentor',
	screen: "the candidate's view of a round played in another terminal, live",
	ask: "the interviewer's answer to a clarifying question (or one per stdin line)",
	code: 'grade a Python live-coding answer',
};
