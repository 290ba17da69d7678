/**
Hand-built run results for the check judge's in-process tests
(checks.test.ts, checks-verdicts.test.ts): the built-in exercises and checks by
id, tables, runs and run outputs, and dim_users rows.
*/
import type {RunOutputs} from '../../src/grader/checks.js';
import type {QueryResult, RunFailure, RunResult, Value} from '../../src/grader/protocol.js';
import {loadCatalogue} from '../../src/scenarios/catalogue.js';
import type {Check, Exercise} from '../../src/scenarios/exercise-schema.js';

const {exercises} = loadCatalogue();
export const exercise = (id: string): Exercise => exercises.find((candidate) => candidate.id === id)!;
export const check = (of: Exercise, id: string): Check => of.checks.find((candidate) => candidate.id === id)!;

export const table = (columns: string[], rows: Value[][], truncated = false): QueryResult => ({columns, rows, truncated});
export const run = (results: Record<string, QueryResult>, failure?: RunFailure): RunResult => ({results, ms: 0, ...(failure ? {failure} : {})});
export const outputs = (candidate: Record<string, RunResult>, reference: Record<string, RunResult> = {}, reveal = false): RunOutputs => ({
	candidate: new Map(Object.entries(candidate)),
	reference: new Map(Object.entries(reference)),
	reveal,
});

export const userColumns = ['user_sk', 'user_id', 'email', 'street', 'city', 'country', 'language', 'marketing_opt_in', 'updated_at', 'is_deleted'];
export const allColumns = (name: string, columns: string[]) => table(['table_name', 'column_name'], columns.map((column) => [name, column]));
export const user = (sk: number, id: string, email: string): Value[] => [sk, id, email, '1 Main St', 'Oslo', 'NO', 'no', 1, '2024-01-01 00:00:00', 0];
