/**
The task screen and the answer template (src/grader/present-task.ts) of a
small exercise written here, line by line: what a candidate reads before
answering, and the file they start from, for every kind of exercise.
*/
import {describe, expect, it} from 'vitest';
import {answerTemplate, formatTask} from '../../src/grader/present-task.js';
import {runJob} from '../../src/grader/run-job.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import type {Exercise} from '../../src/scenarios/exercise-schema.js';

const base = loadCatalogue().exercises.find((candidate) => candidate.id === 'scd2-plan-price')!;
const inProcess = {run: async (job: Parameters<typeof runJob>[0]) => runJob(job)};

/** Ten rows for batch b1, one for b2, a hidden batch and one with no rows. */
const small: Exercise = {
	...base,
	id: 'tiny',
	title: 'Tiny task',
	scenario: 'data-modeling',
	kind: 'pipeline',
	staging: 'replace',
	task: 'Build dim_thing.\nKeep it small.\n\n',
	setup_sql: 'CREATE TABLE src (id INTEGER, name TEXT);\n',
	batches: {
		b1: {about: 'ten things', hidden: false, include: [], tables: {src: Array.from({length: 10}, (_, i) => [i + 1, `n${i + 1}`])}},
		b2: {hidden: false, include: [], tables: {src: [[11, 'eleven']]}},
		secret: {about: 'never shown', hidden: true, include: [], tables: {src: [[99, 'hidden row']]}},
		empty: {about: 'no rows', hidden: false, include: [], tables: {}},
	},
	output: [
		{name: 'dim_thing', about: 'one row per thing', columns: {thing_sk: 'surrogate key', id: 'natural key', name_text: 'the name'}, grain: ['id'], natural_key: ['id'], surrogate_key: 'thing_sk', references: {}, ignore: []},
		{name: 'fact_use', about: 'one row per use', columns: {thing_sk: 'the thing', at: 'when'}, grain: ['thing_sk', 'at'], natural_key: ['thing_sk', 'at'], references: {thing_sk: 'dim_thing.thing_sk'}, ignore: [], order_by: ['at', 'thing_sk']},
	],
	conventions: {timestamp_format: 'YYYY-MM-DD', interval: 'half_open', current_valid_to: null},
	checks: [],
};

const rows8 = Array.from({length: 8}, (_, i) => `    ${String(i + 1).padEnd(2)} │ 'n${i + 1}'`);

describe('the task screen', () => {
	it('shows the title, the task, the staging tables, sample rows of the visible batches, the contract and how the file is played', async () => {
		const lines = await formatTask(small, inProcess);
		expect(lines).toEqual([
			'Tiny task (tiny, scenario data-modeling)',
			'',
			'Build dim_thing.',
			'Keep it small.',
			'',
			'Staging tables (the harness creates and fills them; read and index them, never change them):',
			'  CREATE TABLE src (id INTEGER, name TEXT);',
			'',
			'Sample data (hidden batches add duplicates, late events, ties, NULLs and more):',
			'batch b1 (ten things):',
			'  src (10 rows, first 8):',
			'    id │ name',
			'    ───┼─────',
			...rows8,
			'',
			'batch b2:',
			'  src (1 row):',
			'    id │ name',
			'    ───┼─────────',
			"    11 │ 'eleven'",
			'',
			'Output contract:',
			'  dim_thing: one row per thing',
			'    thing_sk   surrogate key',
			'    id         natural key',
			'    name_text  the name',
			'    grain (id); natural key (id); surrogate key thing_sk',
			'',
			'  fact_use: one row per use',
			'    thing_sk  the thing',
			'    at        when',
			'    grain (thing_sk, at); natural key (thing_sk, at); thing_sk → dim_thing.thing_sk; ordered by at, thing_sk',
			'',
			'  timestamps: YYYY-MM-DD',
			'',
			'The -- @schema section runs once per run; the -- @load section runs after every batch (staging is replaced by each batch).',
		]);
	});

	it('names the SCD2 interval convention and the current version\'s valid_to, NULL or the sentinel', async () => {
		const scd2 = {...small.output[0]!, scd2: {valid_from: 'valid_from', valid_to: 'valid_to', tracked: ['name_text']}};
		// One SCD2 table beside a plain one is enough for the note.
		const withNull = await formatTask({...small, output: [scd2, small.output[1]!]}, inProcess);
		expect(withNull).toContain("  timestamps: YYYY-MM-DD; intervals: half-open, current version's valid_to = NULL");
		const sentinel = await formatTask({...small, output: [scd2], conventions: {timestamp_format: 'YYYY-MM-DD', interval: 'closed_day', current_valid_to: '9999-12-31'}}, inProcess);
		expect(sentinel).toContain("  timestamps: YYYY-MM-DD; intervals: closed-day, current version's valid_to = 9999-12-31");
	});

	it('shows the current model of an "improve this model" exercise and the business questions of a design one', async () => {
		const design: Exercise = {
			...small,
			kind: 'design',
			staging: 'append',
			current_model: 'CREATE TABLE old_things (id INTEGER);',
			checks: [{id: 'how-many', title: 'Counts things', type: 'question', ask: 'How many things are there?', sql: 'SELECT count(*)\nFROM dim_thing;\n', hint_when: []} as unknown as Exercise['checks'][number]],
		};
		const lines = await formatTask(design, inProcess);
		const at = (text: string) => lines.indexOf(text);
		expect(lines.slice(at('  CREATE TABLE src (id INTEGER, name TEXT);') + 1, at('Sample data (hidden batches add duplicates, late events, ties, NULLs and more):'))).toEqual([
			'',
			'The current model (the harness creates it and the batches fill it; read it, never change it, and build your improved model beside it):',
			'  CREATE TABLE old_things (id INTEGER);',
			'',
		]);
		expect(lines.slice(at('  timestamps: YYYY-MM-DD') + 1)).toEqual([
			'',
			"Business questions (these queries run on your tables after the hidden batches; their answers must equal the reference model's):",
			'  how-many: How many things are there?',
			'    SELECT count(*)',
			'    FROM dim_thing;',
			'',
			'The -- @schema section runs once per run; the -- @load section runs after every batch (staging accumulates: each batch is appended).',
		]);
	});

	it('shows no rows, rather than failing, for a batch the sandbox could not load or read', async () => {
		const broken: Exercise = {...small, batches: {b1: {about: 'too wide', hidden: false, include: [], tables: {src: [[1, 'a', 'extra']]}}}};
		const lines = await formatTask(broken, inProcess);
		expect(lines.slice(lines.indexOf('batch b1 (too wide):'), lines.indexOf('Output contract:'))).toEqual(['batch b1 (too wide):', '']);
	});
});

describe('the answer template', () => {
	const header = (rules: string, kind = 'pipeline') => [
		'-- Tiny task (dojo exercise tiny)',
		'--',
		'-- dim_thing: one row per thing',
		'--   thing_sk   surrogate key',
		'--   id         natural key',
		'--   name_text  the name',
		'--   grain (id); natural key (id); surrogate key thing_sk',
		'--',
		'-- fact_use: one row per use',
		'--   thing_sk  the thing',
		'--   at        when',
		'--   grain (thing_sk, at); natural key (thing_sk, at); thing_sk → dim_thing.thing_sk; ordered by at, thing_sk',
		'--',
		'-- timestamps: YYYY-MM-DD',
		'--',
		`-- ${rules}`,
		`-- Grade it with: dojo exercise tiny --answer <this file>`,
		kind,
	].slice(0, -1).join('\n');
	const sections = 'The -- @schema section runs once per run; the -- @load section runs after every batch (staging is replaced by each batch).';

	it('holds the contract as comments and the sections to fill in, for each kind of exercise', () => {
		expect(answerTemplate(small)).toBe(`${header(sections)}\n\n-- @schema\n-- CREATE TABLE dim_thing, fact_use …\n\n\n-- @load\n-- INSERT INTO … SELECT … FROM the staging tables\n\n`);
		expect(answerTemplate({...small, kind: 'design'})).toBe(`${header(sections)}\n\n-- @schema\n-- CREATE TABLE dim_thing, fact_use and the other tables of your design …\n\n\n-- @load\n-- INSERT INTO … SELECT … FROM the staging tables\n\n`);
		expect(answerTemplate({...small, kind: 'query'})).toBe(`${header('Your file may prepare views or temp tables; it must end with the query whose rows are graded.')}\n\n-- The query (its result must have exactly the columns above):\nSELECT\n`);
		expect(answerTemplate({...small, kind: 'index'})).toBe(`${header('Your DDL runs once, after the data is loaded.')}\n\n-- CREATE INDEX …\n`);
	});
});
