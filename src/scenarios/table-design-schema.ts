/**
The schema of a Redshift table-design exercise (`table_designs:` in a
scenario): the cluster's slices, each table's rows, column widths and key
distributions (the simulator's key specs), the query pattern, and the best
DISTSTYLE / DISTKEY / SORTKEY per table with the reasons. The candidate's
choice is graded by `src/redshift` against it.
*/
import {z} from 'zod';
import {Id, KeyDistributionSchema} from './model-schema.js';

/** Redshift's distribution styles (CREATE TABLE ... DISTSTYLE). */
export const DistStyleSchema = z.enum(['key', 'all', 'even', 'auto']);

/** A table's distribution and sort key, as the candidate or the reference chooses them. */
export const TableChoiceSchema = z.strictObject({
	diststyle: DistStyleSchema,
	distkey: z.string().min(1).optional().describe('the distribution column, with diststyle key'),
	sortkey: z.string().min(1).optional().describe('the leading sort key column'),
});

/** One table of the exercise. */
export const DesignTableSchema = z.strictObject({
	name: Id,
	rows: z.number().int().positive('rows must be > 0'),
	columns: z.record(z.string(), z.number().positive('a column width must be > 0 bytes')).describe('column → bytes one value takes on disk after encoding'),
	keys: z.record(z.string(), KeyDistributionSchema).default({}).describe('how the values of candidate distribution columns spread (the simulator\'s key specs)'),
	auto: z.enum(['all', 'even']).describe('what DISTSTYLE AUTO amounts to for this table: ALL while it is small, EVEN once large (Redshift docs, "Distribution styles")'),
	best: TableChoiceSchema.extend({
		why: z.string().min(1).describe('why this is the best choice'),
		also: z.array(TableChoiceSchema.omit({sortkey: true})).default([]).describe('other distributions that are as good here'),
	}),
});

/** A query of the pattern: the table it scans (filtered on a range), the columns it reads, and the tables it joins. */
export const DesignQuerySchema = z.strictObject({
	id: Id,
	says: z.string().min(1).describe('the query in words'),
	scans: z.string().min(1).describe('the table it scans'),
	reads: z.array(z.string().min(1)).min(1).describe('the columns it reads from that table'),
	range: z
		.strictObject({column: z.string().min(1), span: z.number().positive(), of: z.number().positive(), unit: z.string().min(1).default('days')})
		.optional()
		.describe('a range filter: `span` of the column\'s `of` (the last 7 of 365 days)'),
	joins: z.array(z.strictObject({table: z.string().min(1), on: z.string().min(1)})).default([]).describe('tables joined on a column of the same name'),
});

/** A Redshift table-design exercise. */
export const TableDesignSchema = z.strictObject({
	id: Id,
	title: z.string().min(1),
	summary: z.string().min(1),
	task: z.string().min(1).describe('what the candidate is asked'),
	cluster: z.strictObject({
		nodes: z.number().int().positive(),
		slices_per_node: z.number().int().positive(),
		node_type: z.string().min(1).optional(),
	}),
	tables: z.array(DesignTableSchema).min(1),
	queries: z.array(DesignQuerySchema).min(1),
	source: z.string().min(1).describe('the documentation the figures rest on'),
});

export type DistStyle = z.infer<typeof DistStyleSchema>;
export type TableChoice = z.infer<typeof TableChoiceSchema>;
export type DesignTable = z.infer<typeof DesignTableSchema>;
export type DesignQuery = z.infer<typeof DesignQuerySchema>;
export type TableDesign = z.infer<typeof TableDesignSchema>;
