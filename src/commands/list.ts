/** `dojo list`: what can be practised, by id. */
import type {Command} from './command.js';

/** Lists scenarios and exercises, as a table or as the JSON DESIGN.md specifies. */
export const listCommand: Command = {
	name: 'list',
	summary: 'scenarios and exercises with ids and one-line summaries',
	help: `
  Usage
    $ dojo list [--json] [--scenarios FILE]

  Lists the scenarios, SQL exercises and Python coding problems, with the ids the other commands take.

  Options
    --json            print {"scenarios": [...], "exercises": [...], "coding": [...]}
    --scenarios FILE  include your own scenarios file (repeatable)

  Examples
    $ dojo list
    $ dojo list --json | jq '.scenarios[].id'
`,
	flags: {},
	async run({flags, catalogue, stdout}) {
		const {scenarios, exercises, coding} = catalogue();
		if (flags['json']) {
			const json = {
				scenarios: scenarios.map(({id, title, kind, summary}) => ({id, title, kind, summary})),
				exercises: exercises.map(({id, title, scenario, summary}) => ({id, title, scenario, summary})),
				coding: coding.map(({id, title, summary}) => ({id, title, summary})),
			};
			stdout.write(`${JSON.stringify(json, null, 2)}\n`);
			return 0;
		}
		const width = Math.max(...scenarios.map((s) => s.id.length), ...exercises.map((e) => e.id.length), 2) + 2;
		stdout.write('Scenarios\n');
		for (const scenario of scenarios) stdout.write(`  ${scenario.id.padEnd(width)}${scenario.kind.padEnd(16)}${scenario.summary}\n`);
		stdout.write('\nExercises\n');
		if (exercises.length === 0) stdout.write('  (none yet)\n');
		for (const exercise of exercises) stdout.write(`  ${exercise.id.padEnd(width)}${exercise.scenario.padEnd(16)}${exercise.summary}\n`);
		stdout.write('\nCoding problems (Python)\n');
		if (coding.length === 0) stdout.write('  (none yet)\n');
		for (const problem of coding) stdout.write(`  ${problem.id.padEnd(width)}${'python'.padEnd(16)}${problem.summary}\n`);
		stdout.write('\nPractise: dojo practice <scenario>   Simulate: dojo sim <scenario>   Grade SQL: dojo exercise <id>   Code: dojo code <id>\n');
		return 0;
	},
};
