/** The deep-dive point matcher, measured on labelled answers and on the cases a candidate notices. */
import {describe, expect, it} from 'vitest';
import {matchPoints} from '../../src/flow/match-points.js';
import type {SystemDesignScenario} from '../../src/scenarios/schema.js';
import {loginCounter} from './helpers.js';
import {answerSets, pointsReport, scorePoints} from './match-points-report.js';

describe('the labelled deep-dive answers', () => {
	const sets = answerSets();

	it.each(sets.map((set) => [set.scenario, set] as const))('%s: >= 85% of point calls right, <= 5% claimed but not made', (id, set) => {
		const figures = scorePoints(id, [...set.tuning, ...set.heldOut]);
		expect(figures.right / figures.pairs, figures.wrongCalls.join('\n')).toBeGreaterThanOrEqual(0.85);
		expect(figures.falseCovered / figures.pairs, figures.wrongCalls.join('\n')).toBeLessThanOrEqual(0.05);
	});

	it('prints the figures', () => {
		const table = pointsReport();
		console.log(table);
		expect(table).toMatch(/login-counter +held-out/);
	});

	it('would fail a matcher that calls every point covered (the gate bites)', () => {
		const generous = (points: readonly string[]) => ({covered: points.map(() => true), evidence: points.map(() => 'all')});
		const worst = Math.max(...sets.map((set) => {
			const figures = scorePoints(set.scenario, [...set.tuning, ...set.heldOut], generous);
			return figures.falseCovered / figures.pairs;
		}));
		expect(worst).toBeGreaterThan(0.05);
	});
});

describe('matchPoints', () => {
	const spof = (loginCounter() as SystemDesignScenario).deep_dives.find((deepDive) => deepDive.id === 'spof')!.good_answer;

	it('credits a point made in other words, and shows the words that made it', () => {
		const result = matchPoints(spof, 'kinesis replicates across three availability zones and lambda retries the batch from the checkpoint');
		expect(result.covered).toEqual([true, false]);
		expect(result.evidence[0]).toContain('kinesis');
		expect(result.evidence[1]).toBeNull();
	});

	it('spells out abbreviations: a Redis replica with Multi-AZ failover is the second point', () => {
		expect(matchPoints(spof, 'one redis node is the weak point, add a replica with multi-AZ automatic failover').covered).toEqual([false, true]);
	});

	it('credits nothing for an answer without substance', () => {
		expect(matchPoints(spof, 'I think it is fine, everything is managed by the cloud').covered).toEqual([false, false]);
		expect(matchPoints(spof, '').covered).toEqual([false, false]);
	});
});

describe('what a point rules out', () => {
	const hotKeys = (loginCounter() as SystemDesignScenario).deep_dives.find((deepDive) => deepDive.good_answer.some((point) => point.startsWith('Key by user_id, not country')))!.good_answer;
	const keyPoint = hotKeys.findIndex((point) => point.startsWith('Key by user_id, not country'));

	it('is not evidence: "key by country" does not make the point "key by user_id, not country"', () => {
		expect(matchPoints(hotKeys, 'key the stream by country so each region has its shard').covered[keyPoint]).toBe(false);
	});

	it('the point itself still counts, in the candidate\'s words', () => {
		expect(matchPoints(hotKeys, 'I would key by user_id rather than country').covered[keyPoint]).toBe(true);
	});

	it('"not only" adds a claim rather than ruling one out', () => {
		expect(matchPoints(['Alert on freshness per source, not only on task failure'], 'alert on task failure').covered).toEqual([true]);
	});
});

describe('the order of a column list', () => {
	const point = 'In a B-tree composite index the equality column goes first - (user_id, played_at) serves one user\'s recent plays - while a date-range scan over all users needs an index that leads with played_at; no single order such as (played_at, user_id) serves both.';

	it('must fail: an answer claiming the order the point rejects is not credited, though it shares the words', () => {
		expect(matchPoints([point], 'A composite index on (played_at, user_id) serves both the date-range scans and one user\'s recent plays.').covered).toEqual([false]);
	});

	it('credits the order the point claims, in the candidate\'s words', () => {
		expect(matchPoints([point], 'Composite index (user_id, played_at): equality column first serves one user\'s recent plays; the date range over all users needs an index leading with played_at.').covered).toEqual([true]);
	});

	it('credits an answer naming both orders for their own jobs', () => {
		expect(matchPoints([point], 'Two indexes: (user_id, played_at) for one user\'s recent plays, and (played_at, user_id) leading with played_at for the date-range scan over all users.').covered).toEqual([true]);
	});
});
