/**
`dojo history [--json]`: the rounds played (scenario, when, the phase reached,
the score by area, the questions asked) and the graded attempts, from the
progress database.
*/
import {UsageError} from '../errors.js';
import {table} from '../present/format.js';
import type {Catalogue} from '../scenarios/builtin.js';
import type {ProgressStore, StoredAttempt, StoredRound} from '../store/index.js';
import {openProgress, phaseTitle} from './app-recorder.js';
import type {Command} from './command.js';
import {questionsOf, replayStored} from './round-replay.js';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** The JSON of one round, as DESIGN.md gives it. */
export function roundJson(catalogue: Catalogue, store: ProgressStore, round: StoredRound) {
	const context = replayStored(catalogue, round, store.events(round.id));
	// A round of a scenario no longer loaded still lists what was typed, unmatched.
	const questions = context
		? questionsOf(context)
		: (store.events(round.id) as Array<{type: string; text?: string; at?: number}>).filter((event) => event.type === 'clarify.ask').map((event) => ({text: event.text ?? '', questionId: null, at: event.at ?? round.startedAt}));
	return {
		id: round.id,
		scenario: round.scenario,
		mode: round.mode,
		started_at: iso(round.startedAt)!,
		finished_at: iso(round.finishedAt),
		phase: round.phase,
		score: round.score,
		questions: questions.map((question) => ({text: question.text, question_id: question.questionId, at: iso(question.at)!})),
	};
}

function attemptJson(attempt: StoredAttempt) {
	return {kind: attempt.kind, id: attempt.exercise, at: iso(attempt.at)!, passed: attempt.passed, checks_passed: attempt.checksPassed, checks_total: attempt.checksTotal};
}

/** Local time to the minute, for the table. */
export function localTime(at: number): string {
	const date = new Date(at);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function humanHistory(rounds: ReturnType<typeof roundJson>[], stored: readonly StoredRound[], attempts: readonly StoredAttempt[]): string {
	const lines: string[] = [];
	if (rounds.length === 0 && attempts.length === 0) return 'Nothing played yet. Start with `dojo practice login-counter` or `dojo exercise`.';
	lines.push(`Rounds (${rounds.length})`);
	if (rounds.length === 0) lines.push('  none yet: dojo practice <scenario>');
	else {
		const rows = [['id', 'scenario', 'started', 'finished', 'phase reached', 'score', 'questions']];
		for (const [index, round] of rounds.entries()) {
			const at = stored[index]!;
			const score = round.score ? `${round.score.total} (${Object.entries(round.score.areas).map(([area, value]) => `${area} ${value}`).join(', ')})` : '–';
			rows.push([String(round.id), round.scenario, localTime(at.startedAt), at.finishedAt === null ? 'unfinished' : localTime(at.finishedAt), phaseTitle(round.phase), score, String(round.questions.length)]);
		}
		lines.push(...table(rows).split('\n').map((line) => `  ${line}`));
	}
	lines.push('', `Attempts (${attempts.length})`);
	if (attempts.length === 0) lines.push('  none yet: dojo exercise <id> (SQL) or dojo code <id> (Python)');
	else {
		const rows = [['at', 'kind', 'exercise', 'result', 'checks']];
		for (const attempt of attempts) rows.push([localTime(attempt.at), attempt.kind, attempt.exercise, attempt.passed ? 'passed' : 'failed', `${attempt.checksPassed}/${attempt.checksTotal}`]);
		lines.push(...table(rows).split('\n').map((line) => `  ${line}`));
	}
	const unfinished = stored.filter((round) => round.finishedAt === null);
	if (unfinished.length > 0) lines.push('', `Resume an unfinished round with \`dojo practice ${unfinished.at(-1)!.scenario}\`; share one with \`dojo report <id>\`.`);
	return lines.join('\n');
}

/** `dojo history`. */
export const historyCommand: Command = {
	name: 'history',
	summary: 'past rounds and graded attempts, with scores by area',
	help: `
  Usage
    $ dojo history [--json]

  Lists the rounds you played (scenario, when, the phase reached, the score by
  area once finished, the questions asked) and every graded exercise attempt.
  Progress is saved as you play, in $XDG_DATA_HOME/pipeline-dojo/progress.db
  (~/.local/share/pipeline-dojo/ when XDG_DATA_HOME is unset; DOJO_HOME
  overrides the folder).

  Options
    --json   print {rounds: [{id, scenario, mode, started_at, finished_at, phase,
             score: {total, areas} | null, questions: [{text, question_id, at}]}],
             attempts: [{kind, id, at, passed, checks_passed, checks_total}]}

  Examples
    $ dojo history
    $ dojo history --json | jq '.rounds[] | select(.finished_at == null) | .id'
`,
	flags: {},
	async run({input, flags, catalogue, stdout, stderr}) {
		if (input.length > 0) throw new UsageError(`dojo history takes no arguments; got ${input.join(' ')}`);
		const store = openProgress(stderr);
		try {
			const stored = store.rounds();
			const rounds = stored.map((round) => roundJson(catalogue(), store, round));
			const attempts = store.attempts();
			stdout.write(flags['json'] ? `${JSON.stringify({rounds, attempts: attempts.map(attemptJson)}, null, 2)}\n` : `${humanHistory(rounds, stored, attempts)}\n`);
			return 0;
		} finally {
			store.close();
		}
	},
};
