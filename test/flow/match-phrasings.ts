/**
Scores the question matcher on the phrasing sets in test/fixtures/phrasings:
per scenario and per part (tuning, held-out), the share of lines handled well
and the share answered wrong. Shared by the gating test and by the report:

    npx tsx test/flow/match-phrasings.ts           # the table
    npx tsx test/flow/match-phrasings.ts --misses  # and every line not handled well
*/
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';
import {createQuestionMatcher, defaultPolicy, type MatchPolicy} from '../../src/flow/match-question.js';
import type {MatchOutcome} from '../../src/flow/round-machine.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';

const dir = fileURLToPath(new URL('../fixtures/phrasings/', import.meta.url));

/** What a line expects: bank question ids (any of them is right), or one of the non-answers. */
export type Expect = readonly string[] | 'assume' | 'design-choice' | 'assumption';

/** One phrasing line. */
export type Phrasing = {text: string; expect: Expect};

/** A scenario's phrasing set. */
export type PhrasingSet = {scenario: string; tuning: Phrasing[]; heldOut: Phrasing[]; fresh: Phrasing[]};

const special = new Set(['assume', 'design-choice', 'assumption']);

function toPhrasing(raw: {text: string; expect: string | string[]}): Phrasing {
	if (typeof raw.expect === 'string' && special.has(raw.expect)) return {text: raw.text, expect: raw.expect as Expect};
	return {text: raw.text, expect: typeof raw.expect === 'string' ? [raw.expect] : raw.expect};
}

/** Every phrasing set on disk. */
export function phrasingSets(): PhrasingSet[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.yaml'))
		.sort()
		.map((file) => {
			type Raw = Array<{text: string; expect: string}>;
			const data = parse(readFileSync(dir + file, 'utf8')) as {tuning: Raw; held_out: Raw; fresh?: Raw};
			return {scenario: file.replace(/\.yaml$/, ''), tuning: data.tuning.map(toPhrasing), heldOut: data.held_out.map(toPhrasing), fresh: (data.fresh ?? []).map(toPhrasing)};
		});
}

/** Every line of a set. */
export const allLines = (set: PhrasingSet): Phrasing[] => [...set.tuning, ...set.heldOut, ...set.fresh];

/** How one outcome fares against what the line expects. */
export type Verdict = 'right' | 'offered' | 'declined' | 'missed' | 'wrong';

/**
right: answered with expected questions only (or the expected non-answer);
offered: an offer that includes an expected question;
declined: "make an assumption" for a line the bank answers (not handled, not wrong);
missed: any other non-answer (an offer without the right topic, a design-choice reply to a question);
wrong: an answer with a question the line did not ask, or any answer to an off-topic line.
*/
export function verdict(expect: Expect, outcome: MatchOutcome): Verdict {
	if (expect === 'assume') {
		if (outcome.kind === 'answer') return 'wrong';
		// An off-topic line is handled by any reply that answers nothing; an offer puts topics in the candidate's mouth.
		return outcome.kind === 'assume' || outcome.kind === 'design-choice' ? 'right' : 'missed';
	}
	if (expect === 'design-choice' || expect === 'assumption') {
		if (outcome.kind === 'answer') return 'wrong';
		return outcome.kind === expect ? 'right' : 'missed';
	}
	switch (outcome.kind) {
		case 'answer':
			return outcome.questions.every((question) => expect.includes(question.id)) ? 'right' : 'wrong';
		case 'offer':
			return outcome.options.some((question) => expect.includes(question.id)) ? 'offered' : 'missed';
		case 'assume':
			return 'declined';
		default:
			return 'missed';
	}
}

/** The figures of one part of a set. */
export type Figures = {lines: number; handled: number; offered: number; wrong: number; misses: Array<{text: string; expect: Expect; verdict: Verdict; got: string}>};

const describe = (outcome: MatchOutcome) =>
	outcome.kind === 'answer' ? `answer ${outcome.questions.map((question) => question.id).join('+')}` : outcome.kind === 'offer' ? `offer ${outcome.options.map((question) => question.id).join('|')}` : outcome.kind;

/** Scores a matcher (by default the real one over the scenario's bank) on some lines. */
export function score(scenarioId: string, lines: readonly Phrasing[], policy: MatchPolicy = defaultPolicy, make = createQuestionMatcher): Figures {
	const scenario = findScenario(catalogue(), scenarioId);
	const matcher = make(scenario.questions, policy);
	const figures: Figures = {lines: lines.length, handled: 0, offered: 0, wrong: 0, misses: []};
	for (const line of lines) {
		const outcome = matcher.match(line.text, new Set());
		const result = verdict(line.expect, outcome);
		if (result === 'right' || result === 'offered') figures.handled++;
		if (result === 'offered') figures.offered++;
		if (result === 'wrong') figures.wrong++;
		if (result !== 'right') figures.misses.push({text: line.text, expect: line.expect, verdict: result, got: describe(outcome)});
	}
	return figures;
}

let cached: ReturnType<typeof loadCatalogue> | undefined;
const catalogue = () => (cached ??= loadCatalogue());

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`.padStart(6);

/** The report table: per scenario and part, lines, handled well and answered wrong. */
export function report(showMisses = false, policy: MatchPolicy = defaultPolicy): string {
	const rows = ['scenario                part      lines  handled  (of which offered)  wrong'];
	const misses: string[] = [];
	for (const set of phrasingSets()) {
		for (const [part, lines] of [['tuning', set.tuning], ['held-out', set.heldOut], ['fresh', set.fresh], ['all', allLines(set)]] as const) {
			const figures = score(set.scenario, lines, policy);
			rows.push(`${set.scenario.padEnd(24)}${part.padEnd(10)}${String(figures.lines).padStart(5)}   ${pct(figures.handled, figures.lines)}   ${pct(figures.offered, figures.lines)}             ${pct(figures.wrong, figures.lines)}`);
			if (part === 'tuning') for (const miss of figures.misses) misses.push(`  ${set.scenario} ${part} ${miss.verdict.padEnd(8)} ${JSON.stringify(miss.text)} expected ${Array.isArray(miss.expect) ? (miss.expect as string[]).join('|') : miss.expect}, got ${miss.got}`);
		}
	}
	return [...rows, ...(showMisses ? ['', 'tuning lines not handled as expected (held-out misses are not shown: nobody tunes on them):', ...misses] : [])].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	console.log(report(process.argv.includes('--misses')));
}
