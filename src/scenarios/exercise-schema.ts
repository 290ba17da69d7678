/**
The shape of a SQL data-modeling exercise in `scenarios.yaml`.

Owned by the grader: setup SQL, the task and its output contract, sample and
hidden batches, runs, checks, a reference solution and known-wrong answers.
*/
import {z} from 'zod';
import {Id} from './model-schema.js';

/** One data-modeling exercise, graded by running SQL on SQLite. */
export const ExerciseSchema = z.strictObject({
	id: Id,
	title: z.string().min(1),
	scenario: Id.describe('the scenario this exercise belongs to'),
	summary: z.string().min(1).describe('one line shown in `dojo list`'),
});

export type Exercise = z.infer<typeof ExerciseSchema>;
