/**
Scores the deep-dive point matcher on the labelled answers in
test/fixtures/phrasings/points: per scenario and part, every (answer, point)
pair judged covered or not against the label. Shared by the test and the report:

    npx tsx test/flow/match-points-report.ts           # the table
    npx tsx test/flow/match-points-report.ts --misses  # and each wrong call on a tuning answer
*/
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {parse} from 'yaml';
import {matchPoints} from '../../src/flow/match-points.js';
import type {PointMatcher} from '../../src/flow/round-machine.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';

const dir = fileURLToPath(new URL('../fixtures/phrasings/points/', import.meta.url));

/** One labelled answer. */
export type LabelledAnswer = {deep_dive: string; answer: string; covered: number[]};

/** A scenario's labelled answers. */
export type AnswerSet = {scenario: string; tuning: LabelledAnswer[]; heldOut: LabelledAnswer[]};

/** Every answer set on disk. */
export function answerSets(): AnswerSet[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.yaml'))
		.sort()
		.map((file) => {
			const data = parse(readFileSync(dir + file, 'utf8')) as {tuning: LabelledAnswer[]; held_out: LabelledAnswer[]};
			return {scenario: file.replace(/\.yaml$/, ''), tuning: data.tuning, heldOut: data.held_out};
		});
}

/** Point decisions against the labels. */
export type PointFigures = {pairs: number; right: number; falseCovered: number; missed: number; wrongCalls: string[]};

let cached: ReturnType<typeof loadCatalogue> | undefined;

/** Scores a point matcher on some labelled answers of a scenario. */
export function scorePoints(scenarioId: string, answers: readonly LabelledAnswer[], matcher: PointMatcher = matchPoints): PointFigures {
	const scenario = findScenario((cached ??= loadCatalogue()), scenarioId);
	const figures: PointFigures = {pairs: 0, right: 0, falseCovered: 0, missed: 0, wrongCalls: []};
	for (const labelled of answers) {
		const deepDive = scenario.deep_dives.find((candidate) => candidate.id === labelled.deep_dive);
		if (!deepDive) throw new Error(`${scenarioId}: no deep dive "${labelled.deep_dive}"`);
		const {covered} = matcher(deepDive.good_answer, labelled.answer);
		covered.forEach((said, index) => {
			const truth = labelled.covered.includes(index);
			figures.pairs++;
			if (said === truth) figures.right++;
			else {
				if (said) figures.falseCovered++;
				else figures.missed++;
				figures.wrongCalls.push(`${said ? 'claimed' : 'missed '} ${labelled.deep_dive}[${index}] ${JSON.stringify(labelled.answer.slice(0, 90))}`);
			}
		});
	}
	return figures;
}

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`.padStart(6);

/** The report table. */
export function pointsReport(showMisses = false): string {
	const rows = ['scenario                part      pairs   right  claimed-but-not-made  made-but-missed'];
	const misses: string[] = [];
	for (const set of answerSets()) {
		for (const [part, answers] of [['tuning', set.tuning], ['held-out', set.heldOut]] as const) {
			const f = scorePoints(set.scenario, answers);
			rows.push(`${set.scenario.padEnd(24)}${part.padEnd(10)}${String(f.pairs).padStart(5)}  ${pct(f.right, f.pairs)}  ${pct(f.falseCovered, f.pairs)}                ${pct(f.missed, f.pairs)}`);
			if (part === 'tuning') misses.push(...f.wrongCalls.map((call) => `  ${set.scenario} ${call}`));
		}
	}
	return [...rows, ...(showMisses ? ['', 'wrong calls on tuning answers:', ...misses] : [])].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(pointsReport(process.argv.includes('--misses')));
