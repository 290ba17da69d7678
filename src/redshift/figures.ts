/**
The figures of a Redshift table design, worked out from the table's rows,
column widths and key distributions: how rows spread over the slices (and the
skew), how each join of the query pattern is distributed (co-located or with
rows moved), and how many 1 MB blocks a range query reads with and without the
sort key. Pure arithmetic: no I/O.

Facts used, from the Redshift Database Developer Guide:
- KEY distribution puts rows with the same DISTKEY value on the same slice,
  by hashing the value; EVEN spreads rows round-robin; ALL keeps a full copy
  of the table on every node; AUTO starts small tables as ALL and moves them
  to EVEN (or KEY) as they grow ("Distribution styles",
  https://docs.aws.amazon.com/redshift/latest/dg/c_choosing_dist_sort.html).
- Skew: SVV_TABLE_INFO.skew_rows is the rows of the fullest slice over the
  rows of the emptiest (https://docs.aws.amazon.com/redshift/latest/dg/r_SVV_TABLE_INFO.html);
  a query waits for its busiest slice, so this module also gives the fullest
  slice against an even share (its share × slices).
- Joins: DS_DIST_NONE (both tables distributed on the join column, no rows
  move), DS_DIST_ALL_NONE (the inner table is ALL), DS_DIST_INNER and
  DS_DIST_OUTER (one side redistributed on the join column), DS_BCAST_INNER
  (the inner table copied to every node), DS_DIST_BOTH (both redistributed)
  ("Evaluating the query plan", https://docs.aws.amazon.com/redshift/latest/dg/c_data_redistribution.html).
- Storage: each column of each slice is stored in 1 MB blocks, and the zone
  map keeps each block's min and max, so a range filter on the leading sort
  key column skips the blocks outside the range; without a useful sort order
  every block's range spans the filter and none is skipped
  ("Columnar storage", https://docs.aws.amazon.com/redshift/latest/dg/c_columnar_storage_disk_mem_mgmnt.html;
  "Sort keys", https://docs.aws.amazon.com/redshift/latest/dg/t_Sorting_data.html).
*/
import {keyLayout} from '../sim/index.js';
import type {DesignQuery, DesignTable, TableChoice, TableDesign} from '../scenarios/table-design-schema.js';

/** Redshift's block size: 1 MB (1,048,576 bytes) per column per slice ("Columnar storage"). */
export const blockBytes = 1_048_576;

/** A distribution with AUTO resolved to what it amounts to for the table. */
export type Resolved = {readonly style: 'key' | 'all' | 'even'; readonly distkey?: string};

/** How a table's rows lie on the slices. */
export type SliceFigures = {
	readonly style: Resolved['style'];
	readonly slices: number;
	/** Rows on each slice (for ALL: rows on each node's copy, counted once). */
	readonly rows: readonly number[];
	readonly slicesWithRows: number;
	/** The fullest slice and its share of the rows. */
	readonly busiest: {readonly slice: number; readonly rows: number; readonly share: number};
	/** The fullest slice's rows over an even share: 1 is perfectly even. */
	readonly skew: number;
	/** SVV_TABLE_INFO's skew_rows: fullest over emptiest slice (Infinity when a slice is empty). */
	readonly skewRows: number;
	/** Rows stored in all (ALL keeps a copy per node). */
	readonly storedRows: number;
};

/** How one join of a query is distributed. */
export type JoinFigures = {
	readonly table: string;
	readonly on: string;
	readonly plan: 'DS_DIST_NONE' | 'DS_DIST_ALL_NONE' | 'DS_DIST_INNER' | 'DS_DIST_OUTER' | 'DS_BCAST_INNER' | 'DS_DIST_BOTH';
	/** Rows sent over the network for the join. */
	readonly movedRows: number;
	readonly says: string;
};

/** The blocks a query reads from its scanned table. */
export type BlockFigures = {
	/** Blocks of the read columns in the whole table, over all slices. */
	readonly total: number;
	/** Blocks read with the design as chosen. */
	readonly scanned: number;
	/** Blocks read on the busiest slice (the query waits for it). */
	readonly busiestSlice: number;
	/** Blocks read if the leading sort key were the range column, and if it were not. */
	readonly sorted: number;
	readonly unsorted: number;
	/** Whether the chosen sort key serves the range. */
	readonly usesSortKey: boolean;
	/** The share of the range column the filter keeps (span / of). */
	readonly fraction: number | null;
};

/** AUTO resolved for the table (its `auto` says what AUTO amounts to at its size). */
export function resolve(table: DesignTable, choice: TableChoice): Resolved {
	const style = choice.diststyle === 'auto' ? table.auto : choice.diststyle;
	return style === 'key' ? {style, distkey: choice.distkey!} : {style};
}

/** "KEY(user_id)", "EVEN", "AUTO (ALL here)". */
export function choiceText(table: DesignTable, choice: TableChoice): string {
	const base = choice.diststyle === 'key' ? `KEY(${choice.distkey})` : choice.diststyle.toUpperCase();
	return choice.diststyle === 'auto' ? `${base} (${table.auto.toUpperCase()} at this size)` : base;
}

/**
Rows per slice: KEY hashes the DISTKEY's values onto the slices with the
simulator's key layout (the same hashing as a stream's shards, so a value
carrying 45% of rows puts 45% on one slice); EVEN is round-robin; ALL holds
every row on each node.
*/
export function sliceFigures(table: DesignTable, resolved: Resolved, cluster: TableDesign['cluster']): SliceFigures {
	const slices = cluster.nodes * cluster.slices_per_node;
	let rows: number[];
	if (resolved.style === 'all') rows = Array.from({length: slices}, (_, slice) => (slice % cluster.slices_per_node === 0 ? table.rows : 0));
	else {
		const shares = resolved.style === 'even' ? new Array<number>(slices).fill(1 / slices) : [...keyLayout(resolved.distkey!, table.keys, slices).shares];
		// Whole rows: the shares are fractions that sum to 1 within rounding.
		rows = shares.map((share) => Math.round(table.rows * share));
	}
	let busiest = 0;
	for (let slice = 1; slice < slices; slice++) if (rows[slice]! > rows[busiest]!) busiest = slice;
	const stored = rows.reduce((sum, count) => sum + count, 0);
	const fewest = Math.min(...rows);
	const spread = resolved.style === 'all' ? table.rows : stored;
	return {
		style: resolved.style,
		slices,
		rows,
		slicesWithRows: rows.filter((count) => count > 0).length,
		busiest: {slice: busiest, rows: rows[busiest]!, share: rows[busiest]! / spread},
		skew: resolved.style === 'all' ? 1 : (rows[busiest]! * slices) / spread,
		skewRows: resolved.style === 'all' ? 1 : fewest === 0 ? Number.POSITIVE_INFINITY : rows[busiest]! / fewest,
		storedRows: stored,
	};
}

/** The share of rows a query's range filter keeps, or null without one. */
export function rangeFraction(query: DesignQuery): number | null {
	return query.range ? Math.min(1, query.range.span / query.range.of) : null;
}

/** The rows a query reads from its scanned table: rows × span / of under a range filter. */
export function rowsRead(table: DesignTable, query: DesignQuery): number {
	return query.range ? Math.min(table.rows, (table.rows * query.range.span) / query.range.of) : table.rows;
}

/**
Blocks a query reads: per slice and column, ceil(rows × bytes / 1 MB) blocks;
a range on the leading sort column reads ceil(blocks × fraction) + 1 of them
(the block where the range begins also holds earlier rows), otherwise all.
*/
export function blockFigures(table: DesignTable, figures: SliceFigures, query: DesignQuery, sortkey: string | undefined): BlockFigures {
	const fraction = rangeFraction(query);
	// A scan of an ALL table reads one node's copy.
	const layout = figures.style === 'all' ? [table.rows] : figures.rows;
	const perSlice = (sorted: boolean) =>
		layout.map((rows) =>
			query.reads.reduce((sum, column) => {
				const blocks = Math.ceil((rows * table.columns[column]!) / blockBytes);
				// span / of applied as integers first, so 3,650 blocks × 7 / 365 is exactly 70.
				return sum + (sorted && query.range && blocks > 0 ? Math.min(blocks, Math.ceil((blocks * query.range.span) / query.range.of) + 1) : blocks);
			}, 0),
		);
	const usesSortKey = fraction !== null && sortkey === query.range!.column;
	const total = perSlice(false).reduce((sum, blocks) => sum + blocks, 0);
	const sortedBlocks = perSlice(true);
	const chosen = usesSortKey ? sortedBlocks : perSlice(false);
	return {
		total,
		scanned: chosen.reduce((sum, blocks) => sum + blocks, 0),
		busiestSlice: Math.max(...chosen),
		sorted: sortedBlocks.reduce((sum, blocks) => sum + blocks, 0),
		unsorted: total,
		usesSortKey,
		fraction,
	};
}

/**
How a join is distributed, the scanned table as the outer side: co-located
when both are distributed on the join column or the inner is ALL; otherwise
the side not on the column is redistributed, or, when neither is, the cheaper
of broadcasting the inner table to every node and redistributing both.
*/
export function joinFigures(outer: {table: DesignTable; resolved: Resolved; rowsRead: number}, inner: {table: DesignTable; resolved: Resolved}, on: string, nodes: number): JoinFigures {
	const base = {table: inner.table.name, on};
	const outerOn = outer.resolved.style === 'key' && outer.resolved.distkey === on;
	const innerOn = inner.resolved.style === 'key' && inner.resolved.distkey === on;
	if (inner.resolved.style === 'all') return {...base, plan: 'DS_DIST_ALL_NONE', movedRows: 0, says: `${inner.table.name} is ALL: every node has a copy, no rows move`};
	if (outer.resolved.style === 'all') return {...base, plan: 'DS_DIST_NONE', movedRows: 0, says: `${outer.table.name} is ALL: every node has a copy, no rows move`};
	if (outerOn && innerOn) return {...base, plan: 'DS_DIST_NONE', movedRows: 0, says: `both distributed on ${on}: matching rows share a slice, no rows move`};
	if (outerOn) return {...base, plan: 'DS_DIST_INNER', movedRows: inner.table.rows, says: `${inner.table.name} is redistributed on ${on}: ${count(inner.table.rows)} rows move`};
	if (innerOn) return {...base, plan: 'DS_DIST_OUTER', movedRows: outer.rowsRead, says: `${outer.table.name}'s ${count(outer.rowsRead)} filtered rows are redistributed on ${on}`};
	const broadcast = inner.table.rows * nodes;
	const both = inner.table.rows + outer.rowsRead;
	return broadcast <= both
		? {...base, plan: 'DS_BCAST_INNER', movedRows: broadcast, says: `${inner.table.name} is broadcast to all ${nodes} nodes: ${count(inner.table.rows)} × ${nodes} = ${count(broadcast)} rows move`}
		: {...base, plan: 'DS_DIST_BOTH', movedRows: both, says: `both sides are redistributed on ${on}: ${count(outer.rowsRead)} + ${count(inner.table.rows)} = ${count(both)} rows move`};
}

/** A count with thousands separators. */
export function count(value: number): string {
	return Math.round(value).toLocaleString('en-US');
}
