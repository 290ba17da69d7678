/**
Grades a Redshift table design against the exercise's best choice, check by
check, each with the figures that show why: per table, the distribution (the
best one or one as good, with the reason) and the slice skew; per query, each
join's distribution and the blocks the range scan reads. The best choice's
figures are worked out the same way, so every comparison is like for like.

A check on figures passes when the choice is within 10% of the best choice's
figure (this exercise's own tolerance, so that a design as good as the
reference by another route passes).
*/
import {blockFigures, choiceText, count, joinFigures, resolve, rowsRead, sliceFigures, type BlockFigures, type JoinFigures, type SliceFigures} from './figures.js';
import type {DesignTable, TableChoice, TableDesign} from '../scenarios/table-design-schema.js';

/** How far a figure may be above the best choice's and still pass. */
export const tolerance = 1.1;

/** The candidate's choice for every table, by table name. */
export type DesignAnswer = Readonly<Record<string, TableChoice>>;

/** One graded check, in the shape `dojo exercise --json` prints. */
export type DesignCheck = {readonly id: string; readonly passed: boolean; readonly message: string};

/** The figures of one design. */
export type DesignFigures = {
	readonly tables: ReadonlyArray<{readonly name: string; readonly choice: string; readonly sortkey: string | null; readonly slices: SliceFigures}>;
	readonly queries: ReadonlyArray<{readonly id: string; readonly joins: readonly JoinFigures[]; readonly blocks: BlockFigures}>;
};

/** The grading of an answer. */
export type DesignReport = {
	readonly exercise: string;
	readonly passed: boolean;
	readonly checks: readonly DesignCheck[];
	readonly figures: {readonly answer: DesignFigures; readonly best: DesignFigures};
};

/** The best choice for each table, as an answer. */
export function bestAnswer(design: TableDesign): DesignAnswer {
	return Object.fromEntries(design.tables.map((table) => [table.name, {diststyle: table.best.diststyle, ...(table.best.distkey ? {distkey: table.best.distkey} : {}), ...(table.best.sortkey ? {sortkey: table.best.sortkey} : {})}]));
}

/** The figures of a design: every table's slices, every query's joins and blocks. */
export function designFigures(design: TableDesign, answer: DesignAnswer): DesignFigures {
	const byName = new Map(design.tables.map((table) => [table.name, table]));
	const tables = design.tables.map((table) => {
		const choice = answer[table.name]!;
		return {name: table.name, choice: choiceText(table, choice), sortkey: choice.sortkey ?? null, slices: sliceFigures(table, resolve(table, choice), design.cluster), table, resolved: resolve(table, choice)};
	});
	const figuresOf = new Map(tables.map((entry) => [entry.name, entry]));
	const queries = design.queries.map((query) => {
		const scanned = figuresOf.get(query.scans)!;
		const read = rowsRead(scanned.table, query);
		const joins = query.joins.map((join) => {
			const inner = figuresOf.get(join.table)!;
			return joinFigures({table: scanned.table, resolved: scanned.resolved, rowsRead: read}, {table: byName.get(join.table)!, resolved: inner.resolved}, join.on, design.cluster.nodes);
		});
		return {id: query.id, joins, blocks: blockFigures(scanned.table, scanned.slices, query, answer[query.scans]!.sortkey)};
	});
	return {tables: tables.map(({name, choice, sortkey, slices}) => ({name, choice, sortkey, slices})), queries};
}

/** "rows on 3 of 16 slices; the fullest holds 45% of the rows, 7.2x an even share (skew_rows ∞)". */
export function skewText(figures: SliceFigures): string {
	if (figures.style === 'all') return `a full copy on each node: ${count(figures.storedRows)} rows stored`;
	const skewRows = Number.isFinite(figures.skewRows) ? `${round(figures.skewRows)}` : '∞, some slices are empty';
	return `rows on ${figures.slicesWithRows} of ${figures.slices} slices; the fullest holds ${percent(figures.busiest.share)} of the rows (${count(figures.busiest.rows)}), ${round(figures.skew)}x an even share (skew_rows ${skewRows})`;
}

function round(value: number): string {
	return String(Number(value.toPrecision(3)));
}

function percent(share: number): string {
	return `${Number((share * 100).toPrecision(3))}%`;
}

function sameDistribution(table: DesignTable, a: TableChoice, b: TableChoice): boolean {
	const x = resolve(table, a);
	const y = resolve(table, b);
	return x.style === y.style && x.distkey === y.distkey;
}

/** Problems with an answer before it can be graded: a table left out, or a key that is not a column. */
export function answerProblems(design: TableDesign, answer: DesignAnswer): string[] {
	const problems: string[] = [];
	const names = design.tables.map((table) => table.name);
	for (const name of Object.keys(answer)) if (!names.includes(name)) problems.push(`the answer designs "${name}", which is not a table here; expected ${names.join(', ')}`);
	for (const table of design.tables) {
		const choice = answer[table.name];
		if (!choice) {
			problems.push(`no choice for table ${table.name}; give its DISTSTYLE (and DISTKEY, SORTKEY)`);
			continue;
		}
		const columns = Object.keys(table.columns);
		if (choice.diststyle === 'key' && !choice.distkey) problems.push(`${table.name}: DISTSTYLE KEY needs a DISTKEY column`);
		if (choice.diststyle !== 'key' && choice.distkey) problems.push(`${table.name}: DISTKEY (${choice.distkey}) goes with DISTSTYLE KEY, not ${choice.diststyle.toUpperCase()}`);
		for (const [what, column] of [['DISTKEY', choice.distkey], ['SORTKEY', choice.sortkey]] as const) {
			if (column !== undefined && !columns.includes(column)) problems.push(`${table.name}: ${what} ${column} is not a column; expected one of ${columns.join(', ')}`);
		}
		if (choice.distkey && columns.includes(choice.distkey) && !(choice.distkey in table.keys)) {
			problems.push(`${table.name}: the exercise gives no value distribution for ${choice.distkey}, so its skew cannot be worked out; choose one of ${Object.keys(table.keys).join(', ')}`);
		}
	}
	return problems;
}

/** Grades an answer (check `answerProblems` first). */
export function gradeDesign(design: TableDesign, answer: DesignAnswer): DesignReport {
	const best = designFigures(design, bestAnswer(design));
	const mine = designFigures(design, answer);
	const checks: DesignCheck[] = [];
	for (const [index, table] of design.tables.entries()) {
		const choice = answer[table.name]!;
		const asGood = [table.best, ...table.best.also].some((option) => sameDistribution(table, choice, option as TableChoice));
		const bestText = choiceText(table, table.best);
		checks.push({
			id: `${table.name}.distribution`,
			passed: asGood,
			message: asGood ? `${mine.tables[index]!.choice}: ${table.best.why}` : `${mine.tables[index]!.choice} is not the best choice; ${bestText}: ${table.best.why}`,
		});
		const figures = mine.tables[index]!.slices;
		const reference = best.tables[index]!.slices;
		const skewOk = figures.style === 'all' || figures.skew <= Math.max(reference.skew, 1) * tolerance;
		checks.push({
			id: `${table.name}.skew`,
			passed: skewOk,
			message: `${skewText(figures)}${skewOk ? '' : `; ${bestText} gives ${skewText(reference)}`}`,
		});
	}
	for (const [index, query] of design.queries.entries()) {
		const figures = mine.queries[index]!;
		const reference = best.queries[index]!;
		for (const [j, join] of figures.joins.entries()) {
			const target = reference.joins[j]!;
			const passed = join.movedRows <= target.movedRows * tolerance;
			checks.push({id: `${query.id}.join.${join.table}`, passed, message: `${join.plan}: ${join.says}${passed ? '' : `; the best design gives ${target.plan} (${target.says})`}`});
		}
		const blocks = figures.blocks;
		const passed = blocks.busiestSlice <= reference.blocks.busiestSlice * tolerance;
		const range = query.range ? `SORTKEY(${query.range.column}) reads ${count(blocks.sorted)} of ${count(blocks.total)}, without it all ${count(blocks.unsorted)}` : `no range filter: all ${count(blocks.total)} blocks`;
		checks.push({
			id: `${query.id}.blocks`,
			passed,
			message: `reads ${count(blocks.scanned)} blocks of 1 MB (${count(blocks.busiestSlice)} on the busiest slice); ${range}${passed ? '' : `; the best design reads ${count(reference.blocks.scanned)} (${count(reference.blocks.busiestSlice)} on its busiest slice)`}`,
		});
	}
	return {exercise: design.id, passed: checks.every((check) => check.passed), checks, figures: {answer: mine, best}};
}
