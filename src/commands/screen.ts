/**
`dojo screen <round-id>|--last`: the candidate-facing view of a round, for the
terminal shared on the call while the interviewer runs `dojo practice <id>
--mode interviewer` in another. It follows the round live through the progress
database; nothing the candidate should not see (unasked answers, the rubric,
the score) is ever drawn.
*/
import type {RoundEvent} from '../flow/round-events.js';
import {UsageError} from '../errors.js';
import {openProgress} from './app-recorder.js';
import type {Command} from './command.js';


/** `dojo screen`. */
export const screenCommand: Command = {
	name: 'screen',
	summary: "the candidate's view of a round, for the shared screen in interviewer mode",
	help: `
  Usage
    $ dojo screen <round-id>
    $ dojo screen --last

  Shows the candidate's side of a round that an interviewer runs with
  \`dojo practice <scenario> --mode interviewer\` in another terminal: the
  phase, the conversation with the answers given and revealed, the candidate's
  figures and choices, the pipeline and its simulation results. It follows the
  round live (new events appear within a fraction of a second) and never shows
  an answer that was not asked for, the rubric or the score. q quits.

  Options
    --last   the most recently started round

  Examples
    $ dojo practice login-counter --mode interviewer   # terminal 1, yours
    $ dojo screen --last                               # terminal 2, shared
`,
	flags: {last: {type: 'boolean', default: false}},
	async run({input, flags, catalogue, stderr}) {
		const last = Boolean(flags['last']);
		if (last ? input.length > 0 : input.length !== 1) throw new UsageError(last ? `--last takes no round id; got ${input.join(' ')}` : `dojo screen takes one round id or --last; got ${input.length === 0 ? 'none' : input.join(' ')} (see \`dojo history\`)`);
		const id = last ? undefined : input[0]!;
		if (id !== undefined && !/^[1-9]\d*$/.test(id)) throw new UsageError(`round id: expected a whole number from \`dojo history\`; got "${id}"`);
		if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError('dojo screen needs a terminal (stdin and stdout must be a TTY); for a summary without one use `dojo report`');
		const store = openProgress(stderr);
		try {
			const rounds = store.rounds();
			const round = id === undefined ? rounds.toSorted((a, b) => b.startedAt - a.startedAt || b.id - a.id)[0] : store.round(Number(id));
			if (!round) throw new UsageError(rounds.length === 0 ? 'no rounds are saved yet: start one with `dojo practice <scenario> --mode interviewer`' : `no round ${id}; saved rounds are ${rounds.map((candidate) => candidate.id).join(', ')}`);
			if (!catalogue().scenarios.some((scenario) => scenario.id === round.scenario)) throw new UsageError(`round ${round.id} is of "${round.scenario}", which is not among the loaded scenarios (add its file with --scenarios FILE)`);
			const stored = store.eventsAfter(round.id, 0);
			let seq = stored.at(-1)?.seq ?? 0;
			const feed = {
				initial: stored.map((row) => row.event as RoundEvent),
				next() {
					const rows = store.eventsAfter(round.id, seq);
					seq = rows.at(-1)?.seq ?? seq;
					return rows.map((row) => row.event as RoundEvent);
				},
			};
			const {runCandidateScreen} = await import('../ui/interviewer/CandidateScreen.js');
			return await runCandidateScreen(catalogue(), round, feed);
		} finally {
			store.close();
		}
	},
};
