/**
`dojo screen <round-id>|--last`: the candidate-facing view of a round played
in another terminal (`dojo practice <id> --mode interviewer`), followed live
through the progress database. This is the window to share on the call: it
shows what the candidate may see and nothing hidden.
*/
import {UsageError} from '../errors.js';
import type {StoredRound} from '../store/index.js';
import {roundArgument} from './round-argument.js';
import {openProgress} from './app-recorder.js';
import type {Command} from './command.js';

const help = `
  Usage
    $ dojo screen <round-id>
    $ dojo screen --last

  Shows the candidate's view of a round being played in another terminal, and
  follows it live: the questions and the interviewer's answers, the estimates,
  the design and its simulations, the deep dive, the score. Hidden answers,
  the rubric and the model answers never appear. Share this window on the call
  and run the round with \`dojo practice <scenario> --mode interviewer\`.

  Options
    --last   the round being interviewed (the newest unfinished round started
             with --mode interviewer; else the newest round)

  Examples
    $ dojo practice login-counter --mode interviewer     # your terminal
    $ dojo screen --last                                 # the shared one
`;

/** The round to follow: for --last, the newest unfinished round in interviewer mode, else the newest interviewed one, else the newest unfinished, else the newest. */
export function pickRound(rounds: readonly StoredRound[], id: string | undefined): StoredRound {
	if (rounds.length === 0) throw new UsageError('no rounds are saved yet: start one with `dojo practice <scenario> --mode interviewer`');
	if (id === undefined) {
		// The round being interviewed right now, else the latest interviewed one, else any round.
		const newest = [...rounds].sort((a, b) => b.startedAt - a.startedAt || b.id - a.id);
		const interviewed = newest.filter((round) => round.mode === 'interviewer');
		return interviewed.find((round) => round.finishedAt === null) ?? interviewed[0] ?? newest.find((round) => round.finishedAt === null) ?? newest[0]!;
	}
	const round = rounds.find((candidate) => candidate.id === Number(id));
	if (!round) throw new UsageError(`no round ${id}; saved rounds are ${rounds.map((candidate) => candidate.id).join(', ')} (see \`dojo history\`)`);
	return round;
}

/** The `dojo screen` command. */
export const screenCommand: Command = {
	name: 'screen',
	summary: "the candidate's view of a round played in another terminal, live",
	help,
	flags: {last: {type: 'boolean', default: false}},
	async run({input, flags, catalogue, stderr}) {
		const id = roundArgument('screen', input, Boolean(flags['last']));
		const store = openProgress(stderr);
		try {
			const round = pickRound(store.rounds(), id);
			const scenario = catalogue().scenarios.find((candidate) => candidate.id === round.scenario);
			if (!scenario) throw new UsageError(`round ${round.id} is of scenario "${round.scenario}", which is not loaded (add its file with --scenarios)`);
			if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError(['screen needs a terminal (stdin and stdout must be a TTY): it shows the round live.', `Without one, \`dojo report ${round.id}\` prints the round so far as Markdown.`]);
			const {followRound} = await import('../ui/follow-app.js');
			return await followRound(catalogue(), {id: round.id, scenario, seed: round.seed, timer: round.timer, startedAt: round.startedAt, events: () => store.events(round.id)});
		} finally {
			store.close();
		}
	},
};
