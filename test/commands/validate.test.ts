import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

const broken = 'test/fixtures/broken';

/**
Each broken file, and the exact place and field path `dojo validate` must name.
Line:col are 1-based and point where an editor should jump.
*/
const cases: Array<{file: string; where: string; path?: string; says: RegExp}> = [
	{file: 'bad-indentation.yaml', where: '4:12', says: /YAML syntax: .*check the indentation/},
	{file: 'tab-indent.yaml', where: '3:1', says: /YAML syntax: a tab is used for indentation/},
	{file: 'duplicate-key.yaml', where: '4:1', says: /YAML syntax: Map keys must be unique/},
	{file: 'unknown-field.yaml', where: '12:7', path: 'scenarios[0].workload.evnts_per_sec', says: /unknown field "evnts_per_sec"/},
	{file: 'wrong-type.yaml', where: '11:20', path: 'scenarios[0].workload.event_bytes', says: /expected number; got "four hundred"/},
	{file: 'missing-field.yaml', where: '17:9', path: 'scenarios[0].questions[0].answer', says: /required field is missing; expected string/},
	{file: 'duplicate-id.yaml', where: '30:13', path: 'scenarios[0].architectures[1].id', says: /duplicate architecture id "firehose-s3"/},
	{file: 'dangling-reference.yaml', where: '28:72', path: 'scenarios[0].architectures[0].stages[0].next', says: /leads to "warehouse", which is not a stage here; expected one of ingest, lake/},
	{file: 'negative-rate.yaml', where: '10:23', path: 'scenarios[0].workload.events_per_min', says: /events_per_min must be > 0; got number -600000/},
	{file: 'empty.yaml', where: '1:1', says: /the file is empty/},
	{file: 'not-yaml.yaml', where: '3:1', says: /binary, not YAML text/},
	{file: 'wrong-phase.yaml', where: '18:16', path: 'scenarios[0].questions[0].phase', says: /expected one of input, transformation, output, other; got "inputs"/},
	{file: 'unknown-partition-key.yaml', where: '34:100', path: 'scenarios[0].architectures[1].stages[0].partition_key', says: /no key "country"; expected one of random, session_id/},
	{file: 'shares-sum.yaml', where: '13:46', path: 'scenarios[0].workload.keys.country.shares', says: /shares must sum to 1; they sum to 0.7/},
	{file: 'unknown-kind.yaml', where: '35:31', path: 'scenarios[0].architectures[1].stages[1].kind', says: /expected one of queue, stream, .*; got "lambda_function"/},
	{file: 'card-phase.yaml', where: '18:16', path: 'scenarios[0].cards[0].phase', says: /a data-modeling round has no phase "scaling"; expected one of modeling, deep-dive/},
	{file: 'top-level-list.yaml', where: '1:1', says: /expected a YAML mapping of fields at the top level; got a list/},
];

describe('dojo validate', () => {
	it('passes on the built-in scenarios.yaml', () => {
		const run = runCli(['validate']);
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(/^ok: built-in scenarios.yaml/);
		expect(run.status).toBe(0);
	});

	it('passes on a valid user file loaded beside the built-in one', () => {
		const run = runCli(['validate', 'test/fixtures/my-scenarios.yaml']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it.each(cases)('rejects $file at $where', ({file, where, path, says}) => {
		const run = runCli(['validate', `${broken}/${file}`]);
		expect(run.status).toBe(2);
		expect(hasStackTrace(run.stderr)).toBe(false);
		const first = run.stderr.split('\n')[0]!;
		const prefix = `${broken}/${file}:${where} ${path ? `${path}: ` : ''}`;
		expect(first.startsWith(prefix), `expected "${first}" to start with "${prefix}"`).toBe(true);
		expect(first).toMatch(says);
	});

	it('accepts a file that opens with a long comment header (the empty-file check must not backtrack)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dojo-validate-'));
		const file = join(dir, 'commented.yaml');
		writeFileSync(file, `${'# a comment line\n'.repeat(200)}version: 1\nscenarios: []\n`);
		const run = runCli(['validate', file], {timeoutMs: 15_000});
		rmSync(dir, {recursive: true, force: true});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});

	it('still calls a file of only comments empty', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dojo-validate-'));
		const file = join(dir, 'comments-only.yaml');
		writeFileSync(file, '# nothing here\n  # indented comment\n\n');
		const run = runCli(['validate', file]);
		rmSync(dir, {recursive: true, force: true});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/comments-only.yaml:1:1 the file is empty/);
	});

	it('reports an alias to an unknown anchor at its line, with exit 2 and no internal error', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dojo-validate-'));
		const file = join(dir, 'alias.yaml');
		writeFileSync(file, 'version: 1\nscenarios: *missing\n');
		const run = runCli(['validate', file]);
		rmSync(dir, {recursive: true, force: true});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/alias.yaml:2:12 YAML alias \*missing names no anchor set before it/);
		expect(run.stderr).not.toMatch(/internal error/);
	});

	it('rejects a path that does not exist, naming it', () => {
		const run = runCli(['validate', 'no/such/scenarios.yaml']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^no\/such\/scenarios.yaml:1:1 no such file/);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});

	it('reports every broken file in one run, one line per problem', () => {
		const run = runCli(['validate', `${broken}/wrong-phase.yaml`, `${broken}/negative-rate.yaml`]);
		expect(run.status).toBe(2);
		const lines = run.stderr.trim().split('\n');
		expect(lines.filter((line) => line.includes('wrong-phase.yaml:'))).toHaveLength(1);
		expect(lines.filter((line) => line.includes('negative-rate.yaml:'))).toHaveLength(1);
		expect(lines.at(-1)).toBe('2 problems found');
	});

	it('refuses a scenario id that the built-in file already uses', () => {
		const run = runCli(['validate', 'test/fixtures/my-scenarios.yaml', 'test/fixtures/my-scenarios.yaml']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/scenarios\[0\]\.id: scenario "clickstream" is already defined by an earlier file/);
	});

	it('reports schema and rule errors of one file in one pass', () => {
		const run = runCli(['validate', `${broken}/schema-and-rule.yaml`]);
		expect(run.status).toBe(2);
		expect(hasStackTrace(run.stderr)).toBe(false);
		const lines = run.stderr.trim().split('\n');
		expect(lines).toContain(`${broken}/schema-and-rule.yaml:20:16 scenarios[0].questions[0].phase: expected one of input, transformation, output, other; got "inputs"`);
		expect(lines.find((line) => line.includes('architectures[1].id:'))).toMatch(/^test\/fixtures\/broken\/schema-and-rule.yaml:32:13 scenarios\[0\]\.architectures\[1\]\.id: duplicate architecture id "firehose-s3"/);
		expect(lines.at(-1)).toBe('2 problems found');
	});

	it('skips a rule whose input is broken instead of crashing or inventing a problem', () => {
		const run = runCli(['validate', `${broken}/rule-input-broken.yaml`]);
		expect(run.status).toBe(2);
		expect(hasStackTrace(run.stderr)).toBe(false);
		const lines = run.stderr.trim().split('\n');
		// Only the schema's own three errors: no "leads to lake" (the stage with that id failed), no "needs shards" (shards is there, only wrong).
		expect(lines).toEqual([
			expect.stringMatching(/rule-input-broken.yaml:31:18 scenarios\[0\]\.architectures\[0\]\.stages\[1\]\.id: expected an id/),
			expect.stringMatching(/rule-input-broken.yaml:36:100 scenarios\[0\]\.architectures\[1\]\.stages\[0\]\.shards: expected number; got "twelve"/),
			expect.stringMatching(/rule-input-broken.yaml:41:17 scenarios\[0\]\.architectures\[2\]\.stages: expected array; got "none"/),
			'3 problems found',
		]);
	});

	it('validates a model file as a model, not as a scenarios file', () => {
		const run = runCli(['validate', 'test/fixtures/models/mm1.yaml']);
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(/^ok: test\/fixtures\/models\/mm1.yaml \(model: 1 stage\)/);
		expect(run.status).toBe(0);
	});

	it('takes a model file with --model too', () => {
		const run = runCli(['validate', '--model', 'test/fixtures/models/clickstream.yaml']);
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(/^ok: test\/fixtures\/models\/clickstream.yaml \(model: \d+ stages\)/);
		expect(run.status).toBe(0);
	});

	it('reports a broken model with the model rules, never "version: expected 1"', () => {
		const run = runCli(['validate', 'test/fixtures/models/leads-nowhere.yaml']);
		expect(run.status).toBe(2);
		expect(run.stderr).not.toMatch(/version/);
		expect(run.stderr).toMatch(/^test\/fixtures\/models\/leads-nowhere.yaml:4:\d+ stages\[0\]\.next: stage "ingest" leads to "warehouse", which is not a stage here; expected one of ingest, lake/);
	});

	it('reports a model file\'s schema and rule errors in one pass', () => {
		const run = runCli(['validate', '--model', 'test/fixtures/models/schema-and-rule.yaml']);
		expect(run.status).toBe(2);
		expect(hasStackTrace(run.stderr)).toBe(false);
		const lines = run.stderr.trim().split('\n');
		expect(lines).toEqual([
			expect.stringMatching(/^test\/fixtures\/models\/schema-and-rule.yaml:5:\d+ stages\[0\]\.servers: expected number; got "many"/),
			expect.stringMatching(/^test\/fixtures\/models\/schema-and-rule.yaml:5:\d+ stages\[0\]\.next: stage "q" leads to "r", which is not a stage here; expected one of q, s/),
			'2 problems found',
		]);
	});

	it('says --model wants a model when given a scenarios file', () => {
		const run = runCli(['validate', '--model', 'test/fixtures/my-scenarios.yaml']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/my-scenarios.yaml:\d+:\d+ .*unknown field/);
	});

	it('reports a model file in --json', () => {
		const run = runCli(['validate', '--json', 'test/fixtures/models/leads-nowhere.yaml']);
		expect(run.status).toBe(2);
		const report = JSON.parse(run.stdout) as {valid: boolean; errors: Array<{path: string}>};
		expect(report.valid).toBe(false);
		expect(report.errors.map((error) => error.path)).toEqual(['stages[0].next']);
	});
});
