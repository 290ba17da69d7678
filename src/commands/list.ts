/** `dojo list`: what can be practised, by id; with a scenario, its architectures, stages and knobs. */
import {UsageError} from '../errors.js';
import {findScenario} from '../scenarios/builtin.js';
import type {SystemDesignScenario} from '../scenarios/schema.js';
import {wrapLine} from '../present/format.js';
import {knobsFor, type KnobValue, type Stage} from '../sim/index.js';
import type {Command} from './command.js';

/** One knob of one stage as `dojo list <scenario>` shows it: the value the architecture sets, the default, the unit. */
type KnobRow = {name: string; label: string; value: KnobValue | null; default: KnobValue | null; unit: string; choices?: readonly string[]};

function knobRows(stage: Stage, keys: readonly string[]): KnobRow[] {
	return knobsFor(stage).map((knob) => {
		const value = (stage as Record<string, unknown>)[knob.name];
		const choices = knob.choices === 'keys' ? ['random', ...keys] : knob.choices;
		return {
			name: knob.name,
			label: knob.label,
			value: typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : null,
			default: knob.default ?? null,
			unit: knob.unit,
			...(choices ? {choices} : {}),
		};
	});
}

/** A scenario's architectures with their stages and knobs, as JSON-ready data. */
export function describeScenario(scenario: SystemDesignScenario) {
	const keys = Object.keys(scenario.workload.keys);
	return {
		scenario: scenario.id,
		title: scenario.title,
		architectures: scenario.architectures.map((architecture) => ({
			id: architecture.id,
			title: architecture.title,
			summary: architecture.summary,
			stages: architecture.stages.map((stage) => ({id: stage.id, kind: stage.kind, component: 'component' in stage ? stage.component : stage.kind, knobs: knobRows(stage, keys)})),
		})),
	};
}

function withUnit(value: KnobValue | null, unit: string): string {
	if (value === null) return '–';
	return unit && typeof value === 'number' ? `${value} ${unit}` : String(value);
}

function formatScenario(described: ReturnType<typeof describeScenario>): string {
	const lines = [`${described.scenario} — ${described.title}`, ''];
	for (const architecture of described.architectures) {
		lines.push(`${architecture.id}  ${architecture.title}`);
		for (const stage of architecture.stages) {
			lines.push(`  ${stage.id.padEnd(12)}${stage.kind === stage.component ? stage.kind : `${stage.kind}:${stage.component}`}`);
			const width = Math.max(8, ...stage.knobs.map((knob) => knob.name.length)) + 2;
			for (const knob of stage.knobs) {
				const value = withUnit(knob.value, knob.unit).padEnd(16);
				lines.push(`    ${knob.name.padEnd(width)}${value}(default ${withUnit(knob.default, knob.unit)})${knob.choices ? ` one of ${knob.choices.join(', ')}` : ''}`);
			}
		}
		lines.push('');
	}
	lines.push(`Simulate: dojo sim ${described.scenario} --arch ID [--set STAGE.KNOB=VALUE]`);
	return `${lines.join('\n')}\n`;
}

/** Lists scenarios and exercises, as a table or as the JSON DESIGN.md specifies. */
export const listCommand: Command = {
	name: 'list',
	summary: 'scenarios and exercises with ids and one-line summaries',
	help: `
  Usage
    $ dojo list [--json] [--scenarios FILE]
    $ dojo list <scenario> [--json]

  Lists the scenarios, SQL exercises and Python coding problems, with the ids the other commands take.
  With a scenario: its architectures (the --arch ids), their stages, and each
  stage's knobs (the --set STAGE.KNOB names) with value, default and unit.

  Options
    --json            print {"scenarios": [...], "exercises": [...], "coding": [...]}
    --scenarios FILE  include your own scenarios file (repeatable)

  Examples
    $ dojo list
    $ dojo list --json | jq '.scenarios[].id'
    $ dojo list login-counter
`,
	flags: {},
	async run({input, flags, catalogue, stdout}) {
		if (input.length > 1) throw new UsageError(`dojo list takes at most one scenario; got ${input.length} (${input.join(', ')})`);
		if (input.length === 1) {
			const scenario = findScenario(catalogue(), input[0]!);
			if (scenario.kind !== 'system-design') throw new UsageError(`scenario "${scenario.id}" is a data-modeling round; it has no architectures (try \`dojo exercise\`)`);
			const described = describeScenario(scenario);
			stdout.write(flags['json'] ? `${JSON.stringify(described, null, 2)}\n` : formatScenario(described));
			return 0;
		}
		const {scenarios, exercises, coding} = catalogue();
		// Redshift table designs are exercises too (`dojo exercise <id>`), kept in their scenario.
		const designs = scenarios.flatMap((scenario) => scenario.table_designs.map((design) => ({...design, scenario: scenario.id})));
		if (flags['json']) {
			const json = {
				scenarios: scenarios.map(({id, title, kind, summary}) => ({id, title, kind, summary})),
				exercises: [...exercises.map(({id, title, scenario, summary}) => ({id, title, scenario, summary})), ...designs.map(({id, title, scenario, summary}) => ({id, title, scenario, summary}))],
				coding: coding.map(({id, title, summary}) => ({id, title, summary})),
			};
			stdout.write(`${JSON.stringify(json, null, 2)}\n`);
			return 0;
		}
		// Ids and kinds on one line, the summary wrapped beneath: the list fits 80 columns (or the terminal, if wider).
		const columns = Math.max(80, (stdout as NodeJS.WriteStream).columns ?? 0);
		const width = Math.max(...scenarios.map((s) => s.id.length), ...exercises.map((e) => e.id.length), ...designs.map((d) => d.id.length), ...coding.map((c) => c.id.length), 2) + 2;
		const row = (id: string, kind: string, summary: string) => {
			const head = `  ${id.padEnd(width)}${kind}`;
			const inline = `${head.padEnd(width + 18)}${summary}`;
			if ([...inline].length <= columns) return `${inline}\n`;
			return `${head}\n${wrapLine(summary, columns - 6).map((line) => `      ${line}`).join('\n')}\n`;
		};
		stdout.write('Scenarios\n');
		for (const scenario of scenarios) stdout.write(row(scenario.id, scenario.kind, scenario.summary));
		stdout.write('\nExercises\n');
		if (exercises.length === 0) stdout.write('  (none yet)\n');
		for (const exercise of exercises) stdout.write(row(exercise.id, exercise.scenario, exercise.summary));
		for (const design of designs) stdout.write(row(design.id, `${design.scenario} (redshift)`, design.summary));
		stdout.write('\nCoding problems (Python)\n');
		if (coding.length === 0) stdout.write('  (none yet)\n');
		for (const problem of coding) stdout.write(row(problem.id, 'python', problem.summary));
		stdout.write('\nPractise: dojo practice <scenario>   Simulate: dojo sim <scenario>\nGrade SQL: dojo exercise <id>       Code: dojo code <id>\n');
		return 0;
	},
};
