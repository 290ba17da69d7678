/**
What a candidate sees before answering: the task, the staging schema, sample
rows of the visible batches (read back through the sandbox, so the column names
are SQLite's own), the output contract, and an answer template to edit.
*/
import type {Exercise, TableContract} from '../scenarios/exercise-schema.js';
import {showRows} from './compare.js';
import {formatTable} from './format-table.js';
import {batchRows, maxPages, setupSql} from './jobs.js';
import type {JobRunner, Step} from './protocol.js';
import {q} from './sql-gen.js';

const sampleRows = 8;

function contractLines(table: TableContract, prefix = ''): string[] {
	const lines = [`${prefix}${table.name}: ${table.about}`];
	const width = Math.max(...Object.keys(table.columns).map((column) => column.length));
	for (const [column, meaning] of Object.entries(table.columns)) lines.push(`${prefix}  ${column.padEnd(width)}  ${meaning}`);
	const keys = [`grain (${table.grain.join(', ')})`];
	if (table.natural_key) keys.push(`natural key (${table.natural_key.join(', ')})`);
	if (table.surrogate_key) keys.push(`surrogate key ${table.surrogate_key}`);
	for (const [column, target] of Object.entries(table.references)) keys.push(`${column} → ${target}`);
	if (table.order_by) keys.push(`ordered by ${table.order_by.join(', ')}`);
	lines.push(`${prefix}  ${keys.join('; ')}`);
	return lines;
}

/** The output contract as text. */
function formatContract(exercise: Exercise): string[] {
	const lines = exercise.output.flatMap((table) => [...contractLines(table), '']);
	const {conventions} = exercise;
	const notes = [`timestamps: ${conventions.timestamp_format}`];
	if (exercise.output.some((table) => table.scd2)) {
		notes.push(`intervals: ${conventions.interval.replace('_', '-')}, current version's valid_to = ${conventions.current_valid_to ?? 'NULL'}`);
	}
	lines.push(notes.join('; '));
	return lines;
}

/** Sample rows of each visible batch, read from a sandbox run of the setup and the batch. */
async function formatSamples(exercise: Exercise, sandbox: JobRunner): Promise<string[]> {
	const lines: string[] = [];
	for (const [id, batch] of Object.entries(exercise.batches)) {
		if (batch.hidden) continue;
		const rows = batchRows(exercise, id);
		const tables = Object.keys(rows);
		if (tables.length === 0) continue;
		const steps: Step[] = [
			{kind: 'exec', label: 'setup', sql: setupSql(exercise)},
			{kind: 'load', batch: id, clear: [], tables: rows},
			...tables.map((table): Step => ({kind: 'query', label: table, sql: `SELECT * FROM ${q(table)}`})),
		];
		const result = await sandbox.run({steps, maxRows: 1000, maxPages}, 10_000);
		lines.push(`batch ${id}${batch.about ? ` (${batch.about})` : ''}:`);
		for (const table of tables) {
			const read = result.results[table];
			if (!read || 'error' in read) continue;
			const shown = showRows(read.columns, read.rows.slice(0, sampleRows));
			lines.push(`  ${table} (${read.rows.length} ${read.rows.length === 1 ? 'row' : 'rows'}${read.rows.length > sampleRows ? `, first ${sampleRows}` : ''}):`, ...formatTable(shown, '    '));
		}
		lines.push('');
	}
	return lines;
}

/** How the answer file is played, in one paragraph. */
function answerRules(exercise: Exercise): string {
	switch (exercise.kind) {
		case 'pipeline':
		case 'design':
			return `The -- @schema section runs once per run; the -- @load section runs after every batch (staging ${exercise.staging === 'append' ? 'accumulates: each batch is appended' : 'is replaced by each batch'}).`;
		case 'query':
			return 'Your file may prepare views or temp tables; it must end with the query whose rows are graded.';
		case 'index':
			return 'Your DDL runs once, after the data is loaded.';
	}
}

const indent = (text: string) => text.trimEnd().split('\n').map((line) => `  ${line}`);

/**
A design exercise's business questions: the queries that will run on the
candidate's tables and must answer as the reference model does. Shown in
full, because they are the part of the contract a model is built to serve.
*/
function formatQuestions(exercise: Exercise): string[] {
	const questions = exercise.checks.flatMap((check) => (check.type === 'question' ? [check] : []));
	if (questions.length === 0) return [];
	return [
		'Business questions (these queries run on your tables after the hidden batches; their answers must equal the reference model\'s):',
		...questions.flatMap((question) => [`  ${question.id}: ${question.ask}`, ...indent(question.sql).map((line) => `  ${line}`)]),
		'',
	];
}

/** The whole task screen as text. */
export async function formatTask(exercise: Exercise, sandbox: JobRunner): Promise<string[]> {
	return [
		`${exercise.title} (${exercise.id}, scenario ${exercise.scenario})`,
		'',
		...exercise.task.trimEnd().split('\n'),
		'',
		'Staging tables (the harness creates and fills them; read and index them, never change them):',
		...indent(exercise.setup_sql),
		'',
		...(exercise.current_model === undefined
			? []
			: ['The current model (the harness creates it and the batches fill it; read it, never change it, and build your improved model beside it):', ...indent(exercise.current_model), '']),
		'Sample data (hidden batches add duplicates, late events, ties, NULLs and more):',
		...(await formatSamples(exercise, sandbox)),
		'Output contract:',
		...formatContract(exercise).map((line) => (line ? `  ${line}` : line)),
		'',
		...formatQuestions(exercise),
		answerRules(exercise),
	];
}

/** A starting point for the answer file: the contract as comments and the sections to fill in. */
export function answerTemplate(exercise: Exercise): string {
	const comment = (lines: readonly string[]) => lines.map((line) => (line ? `-- ${line}` : '--')).join('\n');
	const header = comment([
		`${exercise.title} (dojo exercise ${exercise.id})`,
		'',
		...formatContract(exercise),
		'',
		answerRules(exercise),
		`Grade it with: dojo exercise ${exercise.id} --answer <this file>`,
	]);
	switch (exercise.kind) {
		case 'design':
			return `${header}\n\n-- @schema\n-- CREATE TABLE ${exercise.output.map((table) => table.name).join(', ')} and the other tables of your design …\n\n\n-- @load\n-- INSERT INTO … SELECT … FROM the staging tables\n\n`;
		case 'pipeline':
			return `${header}\n\n-- @schema\n-- CREATE TABLE ${exercise.output.map((table) => table.name).join(', ')} …\n\n\n-- @load\n-- INSERT INTO … SELECT … FROM the staging tables\n\n`;
		case 'query':
			return `${header}\n\n-- The query (its result must have exactly the columns above):\nSELECT\n`;
		case 'index':
			return `${header}\n\n-- CREATE INDEX …\n`;
	}
}
