/**
`dojo practice <scenario>`: play an interview round in the terminal — clarify,
estimate, design and simulate, deep dive, scale, review. Needs a terminal;
without one it says which commands do the same work from a script.
*/
import {UsageError} from '../errors.js';
import {findScenario} from '../scenarios/builtin.js';
import type {Command} from './command.js';

const help = `
  Usage
    $ dojo practice <scenario> [--seed N] [--no-timer] [--mode interviewer]

  Plays an interview round of the scenario: the phases of the study notes with
  their time boxes (problem space 5 min, requirements 10, high-level design 10,
  deep dive 10, bottlenecks and scaling 10, review 5), the interviewer answering
  your questions, your design simulated at the mean load, the daily peak and 10x,
  and a score with the model answers at the end.

  Everything is saved as you go (see \`dojo history\`). When an unfinished round
  of the scenario is saved — you quit, closed the terminal, or the process was
  killed — it offers to resume it: enter resumes, n starts a new round.

  Options
    --seed N     simulation seed (default 1): the same seed gives the same numbers
    --no-timer   no time boxes: the interviewer never hurries you
    --mode interviewer
                 run the round for a candidate: your console shows the hidden
                 answers and a rubric to mark (ctrl+t), reveal an answer
                 (ctrl+r), extend a time box (ctrl+x), hide the panel (ctrl+g)

  Needs a terminal. From a script use:
    dojo ask <scenario> "question"     the interviewer's answer to one question
    dojo sim <scenario> --arch ID      simulate an architecture
    dojo exercise <id> --answer F.sql  grade a data-modeling answer

  Examples
    $ dojo practice login-counter
    $ dojo practice data-modeling --no-timer
    $ dojo practice login-counter --mode interviewer
`;

/** The message for a run without a terminal: the script-friendly commands, their descriptions in one column. */
export function noTerminal(id: string): string[] {
	const pieces: [string, string][] = [
		[`dojo ask ${id} "what does the data look like?"`, "the interviewer's answers"],
		[`dojo sim ${id} --json`, 'simulate an architecture'],
		['dojo exercise <id> --answer FILE.sql --json', 'grade a data-modeling answer'],
	];
	const width = Math.max(...pieces.map(([command]) => command.length)) + 3;
	return [
		'practice needs a terminal (stdin and stdout must be a TTY): a round is interactive.',
		'Without one, the same pieces work from scripts:',
		...pieces.map(([command, what]) => `  ${command.padEnd(width)}${what}`),
	];
}

/** The `dojo practice` command. */
export const practiceCommand: Command = {
	name: 'practice',
	summary: 'play an interview round of a scenario (needs a terminal)',
	help,
	flags: {
		seed: {type: 'string'},
		timer: {type: 'boolean', default: true},
		mode: {type: 'string', default: 'candidate'},
	},
	async run({input, flags, catalogue, stderr}) {
		if (input.length !== 1) throw new UsageError(`dojo practice takes one scenario id; got ${input.length === 0 ? 'none' : input.join(', ')} (see \`dojo list\`)`);
		const scenario = findScenario(catalogue(), input[0]!);
		const rawSeed = flags['seed'] as string | undefined;
		const seed = rawSeed === undefined ? 1 : /^\d+$/.test(rawSeed.trim()) ? Number(rawSeed.trim()) : Number.NaN;
		if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed: expected a whole number >= 0; got "${rawSeed}"`);
		const mode = flags['mode'] as string;
		if (mode !== 'candidate' && mode !== 'interviewer') throw new UsageError(`--mode: expected candidate or interviewer; got "${mode}"`);
		if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError(noTerminal(scenario.id));
		const [{runApp}, {withRecorder}] = await Promise.all([import('../ui/run-app.js'), import('./app-recorder.js')]);
		return withRecorder(stderr, (recorder) => runApp({catalogue: catalogue(), scenario, seed, timer: flags['timer'] !== false, mode, recorder}));
	},
};
