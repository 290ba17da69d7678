/** `dojo exercise redshift-game-events` as a user runs it: the built CLI, no TTY (`npm test` builds first). */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dojo-redshift-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function answerFile(name: string, text: string): string {
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

const best = `
CREATE TABLE fact_game_play (play_id BIGINT, user_id BIGINT, game_id INT, played_at TIMESTAMP, score INT, duration_s INT, platform CHAR(1), country CHAR(2))
DISTSTYLE KEY DISTKEY (user_id) SORTKEY (played_at);
CREATE TABLE dim_users (user_id BIGINT DISTKEY, country CHAR(2), signup_date DATE, plan_id INT);
CREATE TABLE dim_games (game_id INT, title VARCHAR(200), genre VARCHAR(20)) DISTSTYLE ALL;
`;

describe('dojo exercise redshift-game-events', () => {
	it('without an answer prints the task: the slices, every table with its rows and key distributions, the queries', () => {
		const run = runCli(['exercise', 'redshift-game-events']);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('4 nodes × 4 slices = 16 slices');
		expect(run.stdout).toContain('fact_game_play: 7,654,604,800 rows');
		expect(run.stdout).toContain('country: 9 values: other 26%, US 25%');
		expect(run.stdout).toContain('daily-by-game');
	});

	it('grades the best design from DDL: exit 0, every check in the JSON of DESIGN.md plus the figures', () => {
		const run = runCli(['exercise', 'redshift-game-events', '--answer', answerFile('best.sql', best), '--json']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const json = JSON.parse(run.stdout) as {exercise: string; passed: boolean; checks: Array<{id: string; passed: boolean; message: string}>; figures: unknown};
		expect(Object.keys(json)).toEqual(['exercise', 'passed', 'wall_s', 'checks', 'figures']);
		expect(json).toMatchObject({exercise: 'redshift-game-events', passed: true});
		expect(json.checks.find((check) => check.id === 'daily-by-game.blocks')!.message).toContain('reads 2,864 blocks of 1 MB');
	});

	it('a location DISTKEY: exit 1, its skew shown, and the reason it loses to user_id', () => {
		const run = runCli(['exercise', 'redshift-game-events', '--answer', answerFile('country.yaml', 'tables:\n  fact_game_play: {diststyle: key, distkey: country, sortkey: played_at}\n  dim_users: {diststyle: key, distkey: user_id}\n  dim_games: {diststyle: all}\n')]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/✗ fact_game_play\.skew: rows on \d of 16 slices; the fullest holds .*x an even share/);
		expect(run.stdout).toContain('✗ fact_game_play.distribution: KEY(country) is not the best choice; KEY(user_id): user_id has 40M evenly used values');
		expect(run.stdout).toMatch(/✗ country-trend\.join\.dim_users: DS_DIST_OUTER/);
	});

	it('an answer that names no table column, or is not DDL or YAML, exits 2 saying what and where, without a stack trace', () => {
		const wrong = runCli(['exercise', 'redshift-game-events', '--answer', answerFile('typo.yaml', 'tables:\n  fact_game_play: {diststyle: key, distkey: userid}\n  dim_users: {diststyle: even}\n  dim_games: {diststyle: all}\n')]);
		expect(wrong.status).toBe(2);
		expect(hasStackTrace(wrong.stderr)).toBe(false);
		expect(wrong.stderr).toMatch(/typo\.yaml: fact_game_play: DISTKEY userid is not a column; expected one of play_id, user_id/);
		const junk = runCli(['exercise', 'redshift-game-events', '--answer', answerFile('junk.txt', 'just some words: [')]);
		expect(junk.status).toBe(2);
		expect(junk.stderr).toMatch(/junk\.txt: the answer is neither CREATE TABLE statements nor YAML/);
	});

	it('is listed by dojo list --json and dojo exercise --json with its scenario', () => {
		const list = JSON.parse(runCli(['list', '--json']).stdout) as {exercises: Array<{id: string; scenario: string}>};
		expect(list.exercises).toContainEqual(expect.objectContaining({id: 'redshift-game-events', scenario: 'data-modeling'}));
		const exercises = JSON.parse(runCli(['exercise', '--json']).stdout) as {exercises: Array<{id: string; kind: string}>};
		expect(exercises.exercises).toContainEqual(expect.objectContaining({id: 'redshift-game-events', kind: 'redshift'}));
	});
});
