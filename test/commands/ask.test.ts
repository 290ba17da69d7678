/** `dojo ask` as a script or an interviewer preparing a round uses it: built CLI, no terminal. */
import {describe, expect, it} from 'vitest';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

const lines = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('dojo ask', () => {
	it('answers one question with the interviewer\'s words', () => {
		const run = runCli(['ask', 'login-counter', 'whats the schema']);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('user_id, timestamp and country');
	});

	it('takes the question unquoted too', () => {
		const run = runCli(['ask', 'login-counter', 'what', 'does', 'the', 'data', 'look', 'like?', '--json']);
		expect(run.status).toBe(0);
		expect(lines(run.stdout)).toEqual([{question: 'what does the data look like?', kind: 'answer', topic: 'schema', question_id: 'schema', answer: expect.stringContaining('user_id')}]);
	});

	it('reads one question per stdin line and prints one JSON object each, recognising a repeat', () => {
		const input = ['where does the data come from', '', 'how many events per second', 'where do events come from?', 'what time is lunch', 'assume 1 KB events', 'can I use Kafka?'].join('\n');
		const run = runCli(['ask', 'login-counter', '--json'], {input});
		expect(run.status).toBe(0);
		const out = lines(run.stdout);
		expect(out.map((line) => line['question'])).toEqual(['where does the data come from', 'how many events per second', 'where do events come from?', 'what time is lunch', 'assume 1 KB events', 'can I use Kafka?']);
		expect(out[0]).toMatchObject({kind: 'answer', question_id: 'source', topic: 'source'});
		expect(out[0]).not.toHaveProperty('repeated');
		expect(out[1]).toMatchObject({kind: 'answer', question_id: 'volume', topic: 'size'});
		expect(out[2]).toMatchObject({kind: 'answer', question_id: 'source', repeated: true});
		expect(out[3]).toMatchObject({kind: 'assume', reason: 'not-in-bank', answer: expect.stringMatching(/make an assumption/)});
		expect(out[3]).not.toHaveProperty('question_id');
		expect(out[4]).toMatchObject({kind: 'assume', reason: 'assumption', assumption: '1 KB events'});
		expect(out[5]).toMatchObject({kind: 'assume', reason: 'design-choice', answer: expect.stringMatching(/your call/i)});
	});

	it('offers the close topics with their ids and asks', () => {
		const run = runCli(['ask', 'marketing-pipeline', 'do they need it real time or is hourly ok', '--json']);
		const [out] = lines(run.stdout);
		expect(out).toMatchObject({kind: 'offer'});
		expect(out!['options']).toEqual(expect.arrayContaining([{topic: 'refresh-rate', question_id: 'refresh-rate', ask: 'How fresh must the data be?'}, expect.objectContaining({question_id: 'frequency'})]));
	});

	it('answers both parts of a two-part question', () => {
		const [out] = lines(runCli(['ask', 'login-counter', 'whats the schema and how many events per second?', '--json']).stdout);
		expect(out).toMatchObject({kind: 'answer', question_id: 'schema', also: [expect.objectContaining({question_id: 'volume', answer: expect.stringContaining('500k')})]});
	});

	it('prints each stdin question and its reply as text without --json', () => {
		const run = runCli(['ask', 'login-counter'], {input: 'whats the schema\nwhat time is lunch\n'});
		expect(run.stdout).toBe(`> whats the schema\nEach event has user_id, timestamp and country. About 200 bytes as JSON.  [schema]\n\n> what time is lunch\nI don't have that; make an assumption and state it (start a line with "assume").\n`);
	});

	it('exits 2 on an unknown scenario, naming the valid ids, without a stack trace', () => {
		const run = runCli(['ask', 'login-countr', 'whats the schema']);
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/unknown scenario "login-countr"; expected one of login-counter, marketing-pipeline/);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});

	it('exits 2 without a scenario', () => {
		const run = runCli(['ask']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/takes a scenario id and a question; expected one of login-counter/);
	});

	it('explains itself with an example in --help, and is listed in dojo --help', () => {
		expect(runCli(['ask', '--help']).stdout).toContain('$ dojo ask login-counter "whats the schema"');
		expect(runCli(['--help']).stdout).toMatch(/ask +the interviewer's answer/);
	});
});
