/**
`dojo report` of a login-counter round played end to end (real matcher, real
design editor, real simulator), stored as the app stores it: the Markdown has
every section, a Mermaid flowchart that parses structurally, and the
simulation table at 1x, the daily peak and 10x. Also an unfinished round, and
the CLI's --last, --out and bad input.
*/
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {roundReport} from '../../src/commands/report.js';
import {designEditor} from '../../src/flow/design.js';
import {matchPoints} from '../../src/flow/match-points.js';
import {createQuestionMatcher} from '../../src/flow/match-question.js';
import {startRound, type SimulateFn} from '../../src/flow/round-actor.js';
import {reviewRound} from '../../src/flow/score.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';
import type {SystemDesignScenario} from '../../src/scenarios/schema.js';
import {simulate} from '../../src/sim/index.js';
import {openStore, type ProgressStore} from '../../src/store/index.js';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';
import {parseFlowchart} from '../present/mermaid-structure.js';

const catalogue = loadCatalogue();
const scenario = findScenario(catalogue, 'login-counter') as SystemDesignScenario;
const home = mkdtempSync(join(tmpdir(), 'dojo-report-'));
afterAll(() => process.env['KEEP_REPORT_HOME'] || rmSync(home, {recursive: true, force: true}));
const t0 = Date.UTC(2026, 11, 3, 9, 0, 0);

const simulateNow: SimulateFn = (request, emit) => {
	for (const run of request.runs) emit({type: 'sim.result', requestId: request.requestId, label: run.label, result: simulate({scenario: null, arch: run.label, model: run.model}, {seed: request.seed, durationS: 120, replications: 1, ...(run.scale ? {scale: run.scale} : {}), ...(run.peak ? {peak: true} : {})})});
	emit({type: 'sim.done', requestId: request.requestId});
};

/** Plays a round into the store as the app would; `upTo` stops early (an unfinished round). */
function play(store: ProgressStore, upTo: 'estimates' | 'end'): number {
	const id = store.startRound({scenario: 'login-counter', mode: 'candidate', seed: 1, timer: false, startedAt: t0, phase: 'problem'})!;
	const actor = startRound({
		input: {scenario, seed: 1, timer: false, startedAt: t0, matcher: createQuestionMatcher(scenario.questions), matchPoints, editor: designEditor},
		simulate: simulateNow,
		grade: () => undefined,
		record: (event) => store.appendEvent(id, event),
	});
	let at = t0;
	const send = (event: Record<string, unknown>) => actor.send({...event, at: (at += 30_000)} as never);
	send({type: 'clarify.ask', text: 'What is the schema of an event?'});
	send({type: 'clarify.ask', text: 'What is the refresh rate?'});
	send({type: 'clarify.ask', text: 'Where do we get the input data from?'});
	send({type: 'clarify.ask', text: 'assume events are | "pipe" separated'});
	send({type: 'phase.next'});
	for (const [estimate, text] of [['events_per_s', '8.3k'], ['peak_events_per_s', '16.7k'], ['mb_per_s', '3.3 MB/s'], ['storage_gb', '144'], ['shards', '4']]) send({type: 'estimate.set', id: estimate, text});
	send({type: 'estimate.submit'});
	if (upTo === 'estimates') {
		actor.stop();
		return id;
	}
	send({type: 'phase.next'});
	send({type: 'api.choose', index: 0, style: 'sdk'});
	send({type: 'design.start', from: 'kds-lambda-redis'});
	send({type: 'design.set', stageId: 'ingest', knob: 'shards', text: '20'});
	send({type: 'sim.run'});
	send({type: 'phase.next'});
	send({type: 'deepdive.answer', id: 'spof', text: 'kinesis replicates across three availability zones and lambda retries the batch from the checkpoint'});
	send({type: 'card.answer', id: 'kds-retention', text: '2'});
	send({type: 'phase.next'});
	send({type: 'whatif.run', id: 'lose-shard'});
	send({type: 'phase.next'});
	send({type: 'round.finish'});
	const context = actor.getSnapshot().context;
	store.finishRound(id, context.finishedAt!, 'review', {total: reviewRound(context).total, areas: {}});
	actor.stop();
	return id;
}

let finishedId = 0;
let unfinishedId = 0;
let markdown = '';
beforeAll(() => {
	const store = openStore({env: {DOJO_HOME: home}, warn: (message) => expect.fail(message)});
	finishedId = play(store, 'end');
	unfinishedId = play(store, 'estimates');
	markdown = roundReport(catalogue, store.round(finishedId)!, store.events(finishedId));
	store.close();
}, 120_000);

const section = (title: string) => {
	const start = markdown.indexOf(`\n## ${title}\n`);
	expect(start, `section ${title}`).toBeGreaterThan(0);
	const end = markdown.indexOf('\n## ', start + 4);
	return markdown.slice(start, end < 0 ? undefined : end);
};

describe('dojo report of a finished login-counter round', () => {
	it('names the scenario and quotes its prompt', () => {
		expect(markdown).toMatch(/^# Real-time login counter: round \d+\n/);
		expect(markdown).toContain('> We want a dashboard');
	});

	it("lists each question with the interviewer's answer, the key questions missed and the assumptions", () => {
		const questions = section('Clarifying questions');
		expect(questions).toContain('| 1 | What is the schema of an event? | Each event has user_id, timestamp and country.');
		expect(questions).toContain('### Key questions missed');
		expect(questions).toContain('**How will the output data be used?** (output) — It feeds a dashboard');
		expect(questions).not.toContain('**What is the schema of an event?**');
		expect(section('Assumptions stated')).toContain('- events are | "pipe" separated');
	});

	it('puts the estimates against the expected figures with formulas', () => {
		const estimates = section('Estimates');
		expect(estimates).toContain('| Events per second at the mean | 8.3k | 8,333 events/s | ✓ 8,300 events/s: right');
		expect(estimates).toContain('500,000 events/min ÷ 60 = 8,333 events/s');
		expect(estimates).toMatch(/\| 4 \| 17 shards \| ✗ 4 shards: 4.25x too low/);
	});

	it('gives the API choices', () => {
		expect(section('API choices')).toMatch(/\| sdk ✓ \| sdk \|/);
	});

	it('draws the final design as a Mermaid flowchart that holds together', () => {
		const design = section('Final design');
		const chart = /```mermaid\n([\s\S]*?)\n```/.exec(design)?.[1];
		expect(chart).toBeDefined();
		const parsed = parseFlowchart(chart!);
		expect(parsed.problems).toEqual([]);
		expect(parsed.nodes.map((node) => node.label.split('<br/>')[0])).toEqual(['500,000 events/min', 'ingest: kinesis_data_streams', 'count: lambda', 'counters: redis', 'dashboard: grafana']);
		expect(parsed.nodes[1]!.label).toContain('shards 20');
		expect(parsed.edges).toEqual([
			['source', parsed.nodes[1]!.id],
			[parsed.nodes[1]!.id, parsed.nodes[2]!.id],
			[parsed.nodes[2]!.id, parsed.nodes[3]!.id],
			[parsed.nodes[3]!.id, parsed.nodes[4]!.id],
		]);
	});

	it('has the simulation table at 1x, the daily peak and 10x, and the what-ifs', () => {
		const simulation = section('Simulation');
		const rows = simulation.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !line.startsWith('| Run'));
		expect(rows.map((row) => row.split(' | ')[0]!.slice(2))).toEqual(['1x', 'daily peak (2x)', 'lose a shard (what-if)', '10x load (simulated for this report)']);
		expect(rows[0]).toMatch(/\| 8,333\/s \| (met|MISSED) \|/);
		expect(rows[3]).toMatch(/\| 83,333\/s \|/);
		expect(simulation).toContain('### What-ifs tried');
		expect(simulation).toContain('**lose a shard**');
	});

	it('lists the deep-dive points covered and missed, the score by area and the time per phase', () => {
		expect(section('Deep dive')).toMatch(/- \[x\] /);
		expect(section('Deep dive')).toMatch(/- \[ \] /);
		expect(section('Deep dive')).toContain('_Not answered._');
		const score = section('Score');
		expect(score).toMatch(/\*\*\d+\/100\*\*\n/);
		for (const area of ['Clarifying questions', 'Estimates', 'API choices', 'Design', 'Deep dive']) expect(score).toMatch(new RegExp(`\\| ${area} \\| \\d+ \\|`));
		expect(section('Time per phase')).toMatch(/\| Problem space \| 2.5 \| 5 min \|/);
	});
});

describe('dojo report: the knowledge cards', () => {
	it('lists each card asked with the answer given, the right answer, the correction of the notes and the source', () => {
		const cards = section('Knowledge cards');
		expect(cards).toContain('- [x] The notes\' KDS vs Firehose table has a row for data storage. How long does Kinesis Data Streams keep records? — answered `2`; the answer: (2) 24 hours by default, extendable up to 365 days');
		expect(cards).toContain('  - The notes say KDS stores data for 1–7 days; today it is 24 h by default, up to 365 days');
		expect(cards).toMatch(/- \[ \] .*How many consumers do work\? — answered _not answered_/);
	});
});

describe('dojo report on the command line', () => {
	it('covers an unfinished round so far, with --last, and writes --out FILE', () => {
		const out = join(home, 'last.md');
		const run = runCli(['report', '--last', '--out', out], {env: {DOJO_HOME: home}});
		expect(run.status).toBe(0);
		expect(run.stderr).toBe(`dojo: wrote the report of round ${unfinishedId} to ${out}\n`);
		const text = readFileSync(out, 'utf8');
		expect(text).toContain('unfinished (reached Requirements)');
		expect(text).toContain('so far (the round is unfinished)');
		expect(text).toContain('| Events per second at the mean | 8.3k |');
		expect(text).toContain('No pipeline was built.');
	});

	it('prints a round by id', () => {
		const run = runCli(['report', String(finishedId)], {env: {DOJO_HOME: home}});
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('```mermaid\nflowchart LR');
	});

	it('rejects a missing or unknown round with exit 2, naming the saved ones', () => {
		const none = runCli(['report'], {env: {DOJO_HOME: home}});
		expect(none.status).toBe(2);
		expect(none.stderr).toMatch(/dojo report takes one round id or --last; got none/);
		const unknown = runCli(['report', '99'], {env: {DOJO_HOME: home}});
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toMatch(new RegExp(`no round 99; saved rounds are ${finishedId}, ${unfinishedId}`));
		const word = runCli(['report', 'latest'], {env: {DOJO_HOME: home}});
		expect(word.stderr).toMatch(/round id: expected a whole number/);
		expect(hasStackTrace(none.stderr + unknown.stderr + word.stderr)).toBe(false);
	});
});
