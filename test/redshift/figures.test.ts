/**
The Redshift figures against ones worked out by hand (the derivations are in
the comments): rows per slice and skew, each join's distribution, and the
1 MB blocks a range query reads with and without the sort key; then the
grading: a low-cardinality DISTKEY (location) shows its skew and loses to the
high-cardinality one, with the reason.
*/
import {describe, expect, test} from 'vitest';
import {answerProblems, blockFigures, bestAnswer, gradeDesign, joinFigures, readDesignAnswer, resolve, sliceFigures} from '../../src/redshift/index.js';
import {shardOfKey} from '../../src/sim/index.js';
import {builtin} from '../flow/helpers.js';

const design = builtin().scenarios.flatMap((scenario) => scenario.table_designs).find((candidate) => candidate.id === 'redshift-game-events')!;
const table = (name: string) => design.tables.find((candidate) => candidate.name === name)!;
const query = (id: string) => design.queries.find((candidate) => candidate.id === id)!;
const fact = table('fact_game_play');
const cluster = design.cluster;

describe('rows per slice and skew', () => {
	test('KEY on user_id (40M evenly used values) and EVEN: 7,654,604,800 rows / 16 slices = 478,412,800 rows on every slice, skew 1', () => {
		for (const choice of [{diststyle: 'key', distkey: 'user_id'}, {diststyle: 'even'}] as const) {
			const figures = sliceFigures(fact, resolve(fact, choice), cluster);
			expect(figures.slices).toBe(16);
			expect(figures.rows).toEqual(new Array(16).fill(478_412_800));
			expect(figures.skew).toBe(1);
			expect(figures.skewRows).toBe(1);
		}
	});

	test('KEY on country (location, 9 values): every value on one slice, so at most 9 of 16 slices hold rows and the fullest holds at least "other"\'s 26%: skew >= 0.26 × 16 = 4.16', () => {
		const figures = sliceFigures(fact, resolve(fact, {diststyle: 'key', distkey: 'country'}), cluster);
		const shares = (fact.keys['country'] as {shares: Record<string, number>}).shares;
		// By hand from the hash: add each country's share to the slice it hashes to.
		const bySlice = new Array<number>(16).fill(0);
		for (const [value, share] of Object.entries(shares)) bySlice[shardOfKey('country', value, 16)]! += share;
		const fullest = Math.max(...bySlice);
		expect(figures.slicesWithRows).toBe(bySlice.filter((share) => share > 0).length);
		expect(figures.slicesWithRows).toBeLessThanOrEqual(9);
		expect(figures.busiest.rows).toBe(Math.round(fact.rows * fullest));
		expect(figures.skew).toBeCloseTo(fullest * 16, 9);
		expect(figures.skew).toBeGreaterThanOrEqual(4.16 - 1e-9);
		// Empty slices: SVV_TABLE_INFO's fullest / emptiest is infinite.
		expect(figures.skewRows).toBe(Number.POSITIVE_INFINITY);
	});

	test('ALL: a full copy on each of the 4 nodes, 2,000 × 4 = 8,000 rows stored; AUTO on the small table is ALL, on the facts EVEN', () => {
		const games = table('dim_games');
		const all = sliceFigures(games, resolve(games, {diststyle: 'all'}), cluster);
		expect(all.storedRows).toBe(8_000);
		expect(all.slicesWithRows).toBe(4);
		expect(resolve(games, {diststyle: 'auto'})).toEqual({style: 'all'});
		expect(resolve(fact, {diststyle: 'auto'})).toEqual({style: 'even'});
	});
});

describe('blocks a range query reads', () => {
	// Per slice 478,412,800 rows. An 8-byte column: 478,412,800 × 8 / 1,048,576 = 3,650 blocks; a 4-byte column 1,825.
	// daily-by-game reads played_at (8), game_id, score, duration_s (4 each): 3,650 + 3 × 1,825 = 9,125 blocks per slice,
	// 16 × 9,125 = 146,000 in all. The last 7 of 365 days, sorted on played_at: ceil(3,650 × 7 / 365) + 1 = 71 and
	// ceil(1,825 × 7 / 365) + 1 = 36 blocks, so 71 + 3 × 36 = 179 per slice and 16 × 179 = 2,864 in all.
	const even = sliceFigures(fact, resolve(fact, {diststyle: 'key', distkey: 'user_id'}), cluster);

	test('the last 7 days: 2,864 blocks with SORTKEY(played_at), 146,000 without', () => {
		expect(blockFigures(fact, even, query('daily-by-game'), 'played_at')).toMatchObject({total: 146_000, scanned: 2_864, busiestSlice: 179, sorted: 2_864, unsorted: 146_000, usesSortKey: true});
		expect(blockFigures(fact, even, query('daily-by-game'), undefined)).toMatchObject({scanned: 146_000, busiestSlice: 9_125, usesSortKey: false});
		// A sort key on another column skips nothing for a date range.
		expect(blockFigures(fact, even, query('daily-by-game'), 'user_id')).toMatchObject({scanned: 146_000});
	});

	// country-trend reads played_at and user_id (8 bytes each): 2 × 3,650 = 7,300 per slice, 116,800 in all;
	// 30 of 365 days sorted: 2 × (ceil(3,650 × 30 / 365) + 1) = 2 × 301 = 602 per slice, 9,632 in all.
	test('the last 30 days: 9,632 blocks with the sort key, 116,800 without', () => {
		expect(blockFigures(fact, even, query('country-trend'), 'played_at')).toMatchObject({total: 116_800, scanned: 9_632, busiestSlice: 602});
	});
});

describe('join distribution', () => {
	// country-trend reads 30 / 365 of the facts: 7,654,604,800 × 30 / 365 = 629,145,600 rows.
	const users = table('dim_users');
	const outer = (choice: Parameters<typeof resolve>[1]) => ({table: fact, resolved: resolve(fact, choice), rowsRead: 629_145_600});

	test('both on user_id: DS_DIST_NONE, nothing moves; the inner ALL: DS_DIST_ALL_NONE', () => {
		expect(joinFigures(outer({diststyle: 'key', distkey: 'user_id'}), {table: users, resolved: {style: 'key', distkey: 'user_id'}}, 'user_id', 4)).toMatchObject({plan: 'DS_DIST_NONE', movedRows: 0});
		expect(joinFigures(outer({diststyle: 'even'}), {table: users, resolved: {style: 'all'}}, 'user_id', 4)).toMatchObject({plan: 'DS_DIST_ALL_NONE', movedRows: 0});
	});

	test('one side on the column: the other is redistributed (the 40M users, or the 629,145,600 filtered facts)', () => {
		expect(joinFigures(outer({diststyle: 'key', distkey: 'user_id'}), {table: users, resolved: {style: 'even'}}, 'user_id', 4)).toMatchObject({plan: 'DS_DIST_INNER', movedRows: 40_000_000});
		expect(joinFigures(outer({diststyle: 'even'}), {table: users, resolved: {style: 'key', distkey: 'user_id'}}, 'user_id', 4)).toMatchObject({plan: 'DS_DIST_OUTER', movedRows: 629_145_600});
	});

	test('neither: broadcasting 40M users to 4 nodes (160M rows) is cheaper than moving both (669,145,600)', () => {
		expect(joinFigures(outer({diststyle: 'key', distkey: 'country'}), {table: users, resolved: {style: 'key', distkey: 'country'}}, 'user_id', 4)).toMatchObject({plan: 'DS_BCAST_INNER', movedRows: 160_000_000});
		const big = {...users, rows: 400_000_000};
		expect(joinFigures(outer({diststyle: 'even'}), {table: big, resolved: {style: 'even'}}, 'user_id', 4)).toMatchObject({plan: 'DS_DIST_BOTH', movedRows: 1_029_145_600});
	});
});

describe('grading', () => {
	test('the best design passes every check', () => {
		const report = gradeDesign(design, bestAnswer(design));
		expect(report.checks.filter((check) => !check.passed)).toEqual([]);
		expect(report.passed).toBe(true);
	});

	test('DISTKEY(country) loses to DISTKEY(user_id): the skew is shown, and the reason names the high-cardinality key', () => {
		const report = gradeDesign(design, {...bestAnswer(design), fact_game_play: {diststyle: 'key', distkey: 'country', sortkey: 'played_at'}});
		expect(report.passed).toBe(false);
		const check = (id: string) => report.checks.find((candidate) => candidate.id === id)!;
		expect(check('fact_game_play.distribution')).toMatchObject({passed: false, message: expect.stringContaining('KEY(country) is not the best choice; KEY(user_id): user_id has 40M evenly used values')});
		expect(check('fact_game_play.skew')).toMatchObject({passed: false, message: expect.stringMatching(/rows on \d of 16 slices; the fullest holds \d+(\.\d+)?% of the rows .*x an even share \(skew_rows ∞/)});
		// The join with dim_users is no longer co-located, and the busiest slice reads more blocks.
		expect(check('country-trend.join.dim_users').passed).toBe(false);
		expect(check('daily-by-game.blocks').passed).toBe(false);
	});

	test('no sort key: the range queries fail with both block counts', () => {
		const report = gradeDesign(design, {...bestAnswer(design), fact_game_play: {diststyle: 'key', distkey: 'user_id'}});
		expect(report.checks.find((check) => check.id === 'daily-by-game.blocks')).toMatchObject({passed: false, message: expect.stringContaining('reads 146,000 blocks of 1 MB (9,125 on the busiest slice); SORTKEY(played_at) reads 2,864 of 146,000')});
		expect(report.checks.filter((check) => !check.passed).map((check) => check.id)).toEqual(['daily-by-game.blocks', 'country-trend.blocks']);
	});

	test('AUTO for the small dimension is as good as ALL', () => {
		expect(gradeDesign(design, {...bestAnswer(design), dim_games: {diststyle: 'auto'}}).passed).toBe(true);
	});

	test('an answer missing a table, or naming a column that does not exist, is refused before grading', () => {
		expect(answerProblems(design, {fact_game_play: {diststyle: 'key', distkey: 'userid'}})).toEqual([
			'fact_game_play: DISTKEY userid is not a column; expected one of play_id, user_id, game_id, played_at, score, duration_s, platform, country',
			'no choice for table dim_users; give its DISTSTYLE (and DISTKEY, SORTKEY)',
			'no choice for table dim_games; give its DISTSTYLE (and DISTKEY, SORTKEY)',
		]);
	});
});

describe('reading an answer', () => {
	test('DDL: table attributes, column attributes, the leading column of a compound sort key, AUTO by default', () => {
		const read = readDesignAnswer(`
			-- the facts
			CREATE TABLE IF NOT EXISTS public.fact_game_play (play_id BIGINT, user_id BIGINT NOT NULL, played_at TIMESTAMP, PRIMARY KEY (play_id))
			DISTSTYLE KEY DISTKEY (user_id) COMPOUND SORTKEY (played_at, game_id);
			CREATE TABLE dim_users (user_id BIGINT DISTKEY SORTKEY, country CHAR(2));
			CREATE TABLE dim_games (game_id INT, title VARCHAR(200));`);
		expect(read).toEqual({
			ok: true,
			format: 'ddl',
			answer: {fact_game_play: {diststyle: 'key', distkey: 'user_id', sortkey: 'played_at'}, dim_users: {diststyle: 'key', distkey: 'user_id', sortkey: 'user_id'}, dim_games: {diststyle: 'auto'}},
		});
	});

	test('YAML, with DISTSTYLE in any case; a wrong style says what was expected', () => {
		expect(readDesignAnswer('tables:\n  dim_games: {diststyle: ALL}\n')).toEqual({ok: true, format: 'yaml', answer: {dim_games: {diststyle: 'all'}}});
		const bad = readDesignAnswer('tables:\n  dim_games: {diststyle: round-robin}\n');
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.problems[0]).toMatch(/tables\.dim_games\.diststyle: .*expected CREATE TABLE statements, or YAML/);
		expect(readDesignAnswer('CREATE TABLE t (a INT) DISTSTYLE RANDOM;')).toEqual({ok: false, problems: ['CREATE TABLE t: DISTSTYLE RANDOM is not one of KEY, ALL, EVEN, AUTO']});
	});
});

