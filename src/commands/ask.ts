/**
`dojo ask <scenario> ["question"] [--json]`: the interviewer's answer to a
clarifying question, without a terminal, for scripts and for interviewers
preparing a round. The same matcher as `dojo practice` (src/flow/match-question.ts).
With no question it reads one per line from stdin and remembers what was
asked, so a repeated topic is recognised as it is in a round.
*/
import {createInterface} from 'node:readline';
import {createQuestionMatcher} from '../flow/match-question.js';
import type {MatchOutcome} from '../flow/round-machine.js';
import {UsageError} from '../errors.js';
import {findScenario} from '../scenarios/builtin.js';
import type {Question} from '../scenarios/schema.js';
import type {Command} from './command.js';

const help = `
  Usage
    $ dojo ask <scenario> "question" [--json]
    $ dojo ask <scenario> [--json] < questions.txt    one question per line

  The interviewer's answer to a clarifying question, matched against the
  scenario's question bank as in \`dojo practice\`. It answers when it is
  confident, asks "do you mean A or B?" when two topics are close, and
  otherwise says "make an assumption and state it". A line starting with
  "assume" states an assumption; "can I use Kafka?" is your call.

  Options
    --json   one JSON object per question (DESIGN.md, "dojo ask --json"):
             {question, kind: "answer"|"offer"|"assume", topic?, question_id?,
              answer?, options?: [{topic, question_id, ask}]}
             "answer": the bank question's topic, id and answer; a line that
               asks two bank questions gives the first here and the rest in
               "also": [{topic, question_id, ask, answer}]; "repeated": true
               when an earlier line of the same run asked it.
             "offer": the close topics in "options".
             "assume": the interviewer's reply in "answer", and in "reason"
               why: "not-in-bank" (off-topic, or nothing confident),
               "assumption" (the line stated one; its text in "assumption")
               or "design-choice" ("can I use Kafka?": your call, say why).

  Examples
    $ dojo ask login-counter "whats the schema"
    $ dojo ask marketing-pipeline "how fresh must the data be?" --json
    $ printf 'where does the data come from\\nhow many events per second\\n' | dojo ask login-counter --json
`;

/** One question's answer as `dojo ask --json` prints it. */
export type AskJson = {
	question: string;
	kind: 'answer' | 'offer' | 'assume';
	topic?: string;
	question_id?: string;
	answer?: string;
	repeated?: boolean;
	also?: Array<{topic: string; question_id: string; ask: string; answer: string}>;
	options?: Array<{topic: string; question_id: string; ask: string}>;
	reason?: 'not-in-bank' | 'assumption' | 'design-choice';
	assumption?: string;
};

/** The JSON object for one matched line. */
export function askJson(question: string, outcome: MatchOutcome): AskJson {
	switch (outcome.kind) {
		case 'answer': {
			const [first, ...rest] = outcome.questions as [Question, ...Question[]];
			return {
				question,
				kind: 'answer',
				topic: first.topic,
				question_id: first.id,
				answer: first.answer,
				...(outcome.repeated.includes(first.id) ? {repeated: true} : {}),
				...(rest.length > 0 ? {also: rest.map((other) => ({topic: other.topic, question_id: other.id, ask: other.ask, answer: other.answer}))} : {}),
			};
		}
		case 'offer':
			return {question, kind: 'offer', options: outcome.options.map((option) => ({topic: option.topic, question_id: option.id, ask: option.ask}))};
		case 'assume':
			return {question, kind: 'assume', answer: outcome.reply, reason: 'not-in-bank'};
		case 'assumption':
			return {question, kind: 'assume', answer: `Noted: ${outcome.text}`, reason: 'assumption', assumption: outcome.text};
		case 'design-choice':
			return {question, kind: 'assume', answer: outcome.reply, reason: 'design-choice'};
	}
}

/** The interviewer's reply to one line, as plain text. */
export function askText(outcome: MatchOutcome): string {
	switch (outcome.kind) {
		case 'answer':
			return outcome.questions.map((question) => `${outcome.repeated.includes(question.id) ? 'You asked that already: ' : ''}${question.answer}  [${question.id}]`).join('\n');
		case 'offer':
			return ['Do you mean:', ...outcome.options.map((option, index) => `  ${index + 1}. ${option.ask}  [${option.id}]`), 'Ask again in those words to get the answer.'].join('\n');
		case 'assume':
		case 'design-choice':
			return outcome.reply;
		case 'assumption':
			return `Noted: ${outcome.text}`;
	}
}

/** The `dojo ask` command. */
export const askCommand: Command = {
	name: 'ask',
	summary: "the interviewer's answer to a clarifying question (or one per stdin line)",
	help,
	flags: {},
	async run({input, flags, catalogue, stdout, stderr}) {
		const [id, ...words] = input;
		if (id === undefined) throw new UsageError(`dojo ask takes a scenario id and a question; expected one of ${catalogue().scenarios.map((scenario) => scenario.id).join(', ')} (see \`dojo ask --help\`)`);
		const scenario = findScenario(catalogue(), id);
		const matcher = createQuestionMatcher(scenario.questions);
		const json = flags['json'] === true;
		const asked = new Set<string>();
		const answer = (line: string) => {
			const outcome = matcher.match(line, asked);
			if (outcome.kind === 'answer') for (const question of outcome.questions) asked.add(question.id);
			return outcome;
		};

		// Words after the id are the question, so a forgotten pair of quotes still works.
		if (words.length > 0) {
			const question = words.join(' ').trim();
			if (question.length === 0) throw new UsageError('the question is empty; expected for example dojo ask login-counter "whats the schema"');
			const outcome = answer(question);
			stdout.write(`${json ? JSON.stringify(askJson(question, outcome)) : askText(outcome)}\n`);
			return 0;
		}

		if (process.stdin.isTTY) stderr.write('Type one question per line; Ctrl-D ends.\n');
		const lines = createInterface({input: process.stdin, crlfDelay: Infinity});
		let first = true;
		for await (const raw of lines) {
			const question = raw.trim();
			if (question.length === 0) continue;
			const outcome = answer(question);
			if (json) stdout.write(`${JSON.stringify(askJson(question, outcome))}\n`);
			else {
				stdout.write(`${first ? '' : '\n'}> ${question}\n${askText(outcome)}\n`);
				first = false;
			}
		}
		return 0;
	},
};
