/**
The rules a model or scenarios file must follow beyond its schema, as
`dojo validate` reports them: the exact line for each broken rule, and
nothing for the nearest case that keeps it.
*/
import {describe, expect, it} from 'vitest';
import {formatFileError, parseYaml} from '../../src/scenarios/load.js';
import {ModelSchema} from '../../src/scenarios/model-schema.js';
import {cardProblems, duplicateIds, feedProblems, modelChecks, scenarioFileChecks, tableDesignProblems} from '../../src/scenarios/rules.js';
import type {Card, ScenarioFile} from '../../src/scenarios/schema.js';
import {TableDesignSchema} from '../../src/scenarios/table-design-schema.js';

/** The lines `dojo validate --model` prints for a model with these stages (source keys: user). */
function stageLines(...stages: string[]): string[] {
	return modelLines(['source: {rate_per_s: 10, keys: {user: {kind: uniform, cardinality: 5}}}', 'stages:', ...stages.map((stage) => `  - ${stage}`), ''].join('\n'));
}

function modelLines(text: string): string[] {
	const result = parseYaml(text, 'm.yaml', ModelSchema, modelChecks);
	return result.ok ? [] : result.errors.map(formatFileError);
}

const queue = (id: string, extra = '') => `{id: ${id}, kind: queue, servers: 1, service: {dist: exp, mean_ms: 5}${extra}}`;
const stream = (extra: string) => `{id: s, kind: stream, component: kafka, shards: 1${extra}}`;

describe('stage rules', () => {
	it('a stage that leads to itself, and two that lead to each other', () => {
		expect(stageLines(queue('a', ', next: a'))).toEqual(['m.yaml:3:78 stages[0].next: stage "a" leads to itself']);
		expect(stageLines(queue('a', ', next: b'), queue('b', ', next: a'))).toEqual(['m.yaml:3:78 stages[0].next: stages form a loop (a → b → a); events would never be delivered']);
	});

	it('a stage id used twice', () => {
		expect(stageLines(queue('a'), queue('a'))).toEqual(['m.yaml:4:10 stages[1].id: duplicate stage id "a"; first used at stages[0]']);
	});

	it('fan_out names a stage that is there, off the stream\'s own path, that nothing leads to', () => {
		expect(stageLines(stream(', fan_out: [zz]'), queue('a'))).toEqual(['m.yaml:3:66 stages[0].fan_out[0]: fan_out names "zz", which is not a stage here; expected one of a']);
		const ownPath = (target: string) => `m.yaml:3:66 stages[0].fan_out[0]: "${target}" already reads "s" on its own path (through next or the listed order); fan_out names the first stage of another reader`;
		expect(stageLines(stream(', fan_out: [a]'), queue('a'))).toEqual([ownPath('a')]);
		expect(stageLines(stream(', fan_out: [s]'), queue('a'))).toEqual([ownPath('s')]);
		expect(stageLines(stream(', next: a, fan_out: [c]'), queue('a', ', next: d'), queue('b', ', next: c'), queue('c', ', next: d'), queue('d'))).toEqual([
			'm.yaml:3:75 stages[0].fan_out[0]: "c" starts a fan-out path of "s", so no stage may lead to it with next',
		]);
		// Both paths end at c; the fan-out reaches b, so b is not unreachable.
		expect(stageLines(stream(', next: a, fan_out: [b]'), queue('a', ', next: c'), queue('b', ', next: c'), queue('c'))).toEqual([]);
		expect(stageLines(stream(', fan_out: [b]'), queue('a', ', next: c'), queue('b'), queue('c'))).toEqual([]);
	});

	it('a lognormal p99 at or below its mean, for a queue\'s service and a stage\'s latency', () => {
		expect(stageLines('{id: a, kind: queue, servers: 1, service: {dist: lognormal, mean_ms: 10, p99_ms: 10}}')).toEqual(['m.yaml:3:86 stages[0].service.p99_ms: p99 (10) must exceed the mean (10)']);
		expect(stageLines('{id: a, kind: api, component: alb, latency: {dist: lognormal, mean_ms: 10, p99_ms: 5}}')).toEqual(['m.yaml:3:88 stages[0].latency.p99_ms: p99 (5) must exceed the mean (10)']);
		expect(stageLines('{id: a, kind: api, component: alb, latency: {dist: lognormal, mean_ms: 10, p99_ms: 20}}')).toEqual([]);
	});

	it('an on-demand stream needs no shards, and a random partition key needs no source key', () => {
		expect(stageLines('{id: s, kind: stream, component: kinesis_data_streams, mode: on_demand}', queue('a'))).toEqual([]);
		expect(stageLines(stream(', partition_key: random'), queue('a'))).toEqual([]);
		expect(stageLines(stream(', partition_key: user'), queue('a'))).toEqual([]);
	});

	it('autoscale.max below the concurrency it starts at', () => {
		const compute = (extra: string) => `{id: a, kind: compute, component: flink${extra}, autoscale: {target_utilization: 0.5, max: 3}}`;
		expect(stageLines(compute(', concurrency: 4'))).toEqual(['m.yaml:3:104 stages[0].autoscale.max: autoscale.max (3) is below concurrency (4)']);
		expect(stageLines(compute(', concurrency: 3'))).toEqual([]);
		expect(stageLines(compute(''))).toEqual([]);
	});

	it('a collector whose max_instances is below min_instances, or with a burst and no client rate', () => {
		expect(stageLines('{id: a, kind: collector, min_instances: 4, max_instances: 3}')).toEqual(['m.yaml:3:63 stages[0].max_instances: max_instances (3) is below min_instances (4); expected at least 4']);
		expect(stageLines('{id: a, kind: collector, min_instances: 4, max_instances: 4}')).toEqual([]);
		expect(stageLines('{id: a, kind: collector, min_instances: 1, client_burst: 5}')).toEqual([
			"m.yaml:3:62 stages[0].client_burst: client_burst needs client_rate_per_s (the rate limiter's requests/s per client)",
		]);
		expect(stageLines('{id: a, kind: collector, min_instances: 1, client_burst: 5, client_rate_per_s: 2}')).toEqual([]);
	});

	it('virtual_nodes on a store, cache or warehouse not hashed on a ring', () => {
		const says = (col: number) => `m.yaml:3:${col} stages[0].virtual_nodes: virtual_nodes applies to a hash ring: set hashing: ring`;
		expect(stageLines('{id: a, kind: store, component: redis, virtual_nodes: 10}')).toEqual([says(59)]);
		expect(stageLines('{id: a, kind: cache, component: redis, virtual_nodes: 10, hashing: mod}')).toEqual([says(59)]);
		expect(stageLines('{id: a, kind: warehouse, component: redshift, virtual_nodes: 10}')).toEqual([says(66)]);
		expect(stageLines('{id: a, kind: store, component: redis, virtual_nodes: 10, hashing: ring}')).toEqual([]);
	});

	it('a compute stage with a concurrency and no autoscale is fine', () => {
		expect(stageLines('{id: a, kind: compute, component: flink, concurrency: 4}')).toEqual([]);
	});

	it('a stream followed by a loop: the loop is found, the fan-out walk ends', () => {
		expect(stageLines(stream(''), queue('a', ', next: b'), queue('b', ', next: a'))).toEqual(['m.yaml:3:5 stages[0].next: stages form a loop (s → a → b → a); events would never be delivered']);
	});

	it('lists every stage a wrong name could have meant', () => {
		expect(stageLines(stream(', fan_out: [zz]'), queue('a'), queue('b'))).toEqual(['m.yaml:3:66 stages[0].fan_out[0]: fan_out names "zz", which is not a stage here; expected one of a, b']);
		const steps = ['{id: x, kind: compute, component: glue}', '{id: y, kind: compute, component: glue}', '{id: r, kind: store, component: s3}', '{id: z, kind: compute, component: glue, after: r}'];
		expect(stageLines(...steps)).toEqual(['m.yaml:6:52 stages[3].after: after names "r", which is not a compute step before "z" on its path; expected one of y, x']);
	});

	it('a chained step after the first step on its path where two paths meet', () => {
		// s feeds c1 (listed next) and c2 (fan-out); both lead to m, which waits for c1.
		const stages = [stream(', fan_out: [c2]'), '{id: c1, kind: compute, component: glue, next: m}', '{id: c2, kind: compute, component: glue, next: m}', '{id: m, kind: compute, component: glue, after: c1}'];
		expect(stageLines(...stages)).toEqual([]);
	});

	it('only the first graph problem is told: an unreachable stage hides a chained step\'s', () => {
		expect(stageLines(queue('a', ', next: c'), '{id: b, kind: compute, component: glue, after: zz, next: c}', queue('c'))).toEqual([
			'm.yaml:4:10 stages[1].id: stage "b" receives no events: the source feeds the first stage and each stage feeds its `next` (or the one listed after it), and none leads here',
		]);
	});

	it('a chained step with no compute step before it', () => {
		expect(stageLines('{id: a, kind: store, component: s3}', '{id: b, kind: compute, component: glue, after: a}')).toEqual([
			'm.yaml:4:52 stages[1].after: after names "a", which is not a compute step before "b" on its path; no compute step comes before it',
		]);
	});
});

describe('model rules over a partly broken model', () => {
	it('two stages whose ids are broken are not duplicates of each other, and a broken stage hides no other\'s problem', () => {
		expect(modelLines(`source: {rate_per_s: 10}\nstages:\n  - ${queue('A')}\n  - ${queue('B')}\n`)).toEqual([
			'm.yaml:3:10 stages[0].id: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "A"',
			'm.yaml:4:10 stages[1].id: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "B"',
		]);
		const collector = '{id: c, kind: collector, min_instances: 4, max_instances: 3}';
		expect(modelLines(`source: {rate_per_s: 10}\nstages:\n  - 7\n  - ${collector}\n  - ${collector}\ninjections:\n  - {kind: bot, at_s: 1}\n`)).toEqual([
			'm.yaml:3:5 stages[0]: expected object; got number 7',
			'm.yaml:4:63 stages[1].max_instances: max_instances (3) is below min_instances (4); expected at least 4',
			'm.yaml:5:10 stages[2].id: duplicate stage id "c"; first used at stages[1]',
			'm.yaml:5:63 stages[2].max_instances: max_instances (3) is below min_instances (4); expected at least 4',
			'm.yaml:7:5 injections[0]: a bot injection needs factor: the multiple of the normal load the one client sends (e.g. factor: 20)',
		]);
	});

	it('a stage that is not a mapping hides neither an injection\'s nor a feed\'s problem', () => {
		const text = `source:\n  rate_per_s: 10\n  feeds: [{id: f, share: 0.1, every_s: 60}, {id: f, share: 0.1, every_s: 60}]\nstages:\n  - 7\n  - ${queue('a')}\ninjections:\n  - {kind: lose_node, stage: a, at_s: 1}\n  - {kind: bot, at_s: 1}\n`;
		expect(modelLines(text)).toEqual([
			'm.yaml:3:50 source.feeds[1].id: duplicate feed id "f"; first used at source.feeds[0]',
			'm.yaml:5:5 stages[0]: expected object; got number 7',
			'm.yaml:9:5 injections[1]: a bot injection needs factor: the multiple of the normal load the one client sends (e.g. factor: 20)',
		]);
	});

	it('a broken stage id stops the graph rules, which would make up an unreachable stage', () => {
		expect(modelLines(`source: {rate_per_s: 10}\nstages:\n  - ${queue('a', ', next: b')}\n  - ${queue('B', ', next: c')}\n  - ${queue('c')}\n`)).toEqual([
			'm.yaml:4:10 stages[1].id: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "B"',
		]);
	});

	it('an injection may name the stage whose id is broken', () => {
		expect(modelLines(`source: {rate_per_s: 10}\nstages:\n  - ${queue('Q')}\n  - ${queue('r')}\ninjections:\n  - {kind: lose_node, stage: q, at_s: 1}\n`)).toEqual([
			'm.yaml:3:10 stages[0].id: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "Q"',
		]);
	});

	it('a broken source, key, feed or quota hides no other problem', () => {
		expect(modelLines(`source: 5\nstages:\n  - {id: c, kind: collector, min_instances: 4, max_instances: 3}\n`)).toEqual([
			'm.yaml:1:9 source: expected object; got number 5',
			'm.yaml:3:63 stages[0].max_instances: max_instances (3) is below min_instances (4); expected at least 4',
		]);
		expect(modelLines(`source: {rate_per_s: 10, keys: {a: 5, c: {kind: categorical, shares: {x: 0.5}}}}\nstages:\n  - ${queue('a')}\n`)).toEqual([
			'm.yaml:1:36 source.keys.a: expected object; got number 5',
			'm.yaml:1:70 source.keys.c.shares: shares must sum to 1; they sum to 0.5',
		]);
		expect(modelLines(`source:\n  rate_per_s: 10\n  quotas: [7]\n  feeds: [7, {id: f, share: 0.6, every_s: 60}, {id: e, share: 0.5, every_s: 60, enters: zz}]\nstages:\n  - ${queue('a')}\n  - ${queue('b')}\n`)).toEqual([
			'm.yaml:3:12 source.quotas[0]: expected object; got number 7',
			'm.yaml:4:11 source.feeds[0]: expected object; got number 7',
			'm.yaml:4:89 source.feeds[2].enters: no stage "zz" here; expected one of a, b',
		]);
	});

	it('the feeds\' shares are summed over the feeds that parsed', () => {
		// In a file, a broken feed's schema error stands alone for the whole list; the rule itself still reads past it.
		const feeds = [undefined, {id: 'f', share: 0.6}, {id: 'e', share: 0.5}] as unknown as Parameters<typeof feedProblems>[0];
		expect(feedProblems(feeds, ['feeds'], [undefined] as unknown as Array<{id: string}>)).toEqual([
			{path: ['feeds'], message: "the feeds' shares sum to 1.1; they must sum to less than 1 (the rest of the events stream in as they happen)"},
		]);
	});

	it('no stage is unknown to a feed when the stages are broken', () => {
		expect(modelLines('source:\n  rate_per_s: 10\n  feeds: [{id: f, share: 0.2, every_s: 60, enters: zz}]\nstages: none\n')).toEqual(['m.yaml:4:9 stages: expected array; got "none"']);
	});
});

describe('model rules beyond the stages', () => {
	const fanned = `stages:\n  - ${stream(', fan_out: [c]')}\n  - ${queue('a')}\n  - ${queue('c')}\n`;

	it('slo.path names the end of one of the paths', () => {
		expect(modelLines(`source: {rate_per_s: 10}\nslo: {path: s}\n${fanned}`)).toEqual(['m.yaml:2:13 slo.path: slo.path names "s", which does not end a path here; expected one of a, c']);
		expect(modelLines(`source: {rate_per_s: 10}\nslo: {path: c}\n${fanned}`)).toEqual([]);
	});

	it('each injection names a stage that is there, and a load multiplier or a bot has its factor', () => {
		const injections = ['{kind: lose_node, stage: z, at_s: 1}', '{kind: load_multiplier, at_s: 1}', '{kind: bot, at_s: 2}', '{kind: bot, at_s: 2, factor: 3}', '{kind: load_multiplier, at_s: 2, factor: 3}', '{kind: lose_node, stage: a, at_s: 1}'];
		expect(modelLines(`source: {rate_per_s: 10}\nstages:\n  - ${queue('a')}\ninjections:\n${injections.map((line) => `  - ${line}\n`).join('')}`)).toEqual([
			'm.yaml:5:30 injections[0].stage: no stage "z" here; expected one of a',
			'm.yaml:6:5 injections[1]: a load_multiplier injection needs factor (e.g. factor: 10)',
			'm.yaml:7:5 injections[2]: a bot injection needs factor: the multiple of the normal load the one client sends (e.g. factor: 20)',
		]);
	});

	it('categorical shares: at least one, summing to 1 within a millionth', () => {
		const keys = (shares: string) => modelLines(`source: {rate_per_s: 10, keys: {c: {kind: categorical, shares: ${shares}}}}\nstages:\n  - ${queue('a')}\n`);
		expect(keys('{}')).toEqual(['m.yaml:1:64 source.keys.c.shares: needs at least one value']);
		expect(keys('{x: 0.3333333, y: 0.6666667}')).toEqual([]);
		expect(keys('{x: 0.5, y: 0.5000011}')).toEqual(['m.yaml:1:64 source.keys.c.shares: shares must sum to 1; they sum to 1.000001']);
		expect(keys('{x: 0.5, y: 0.4999989}')).toEqual(['m.yaml:1:64 source.keys.c.shares: shares must sum to 1; they sum to 0.999999']);
	});

	it('feeds pull under quotas that are listed once, and leave some events streaming', () => {
		const source = (lines: string) => modelLines(`source:\n  rate_per_s: 10\n${lines}stages:\n  - ${queue('a')}\n`);
		expect(
			source('  quotas: [{id: g, per_day: 10}, {id: h, per_day: 5}, {id: g, per_day: 1}]\n  feeds: [{id: f, share: 0.2, every_s: 60, quota: {id: z, requests: 1}}, {id: e, share: 0.2, every_s: 60, quota: {id: h, requests: 1}}]\n'),
		).toEqual([
			'm.yaml:3:60 source.quotas[2].id: duplicate quota id "g"; first used at source.quotas[0]',
			'm.yaml:4:56 source.feeds[0].quota.id: no quota "z"; expected one of the quotas listed beside the feeds (g, h, g)',
		]);
		expect(source('  feeds: [{id: f, share: 0.6, every_s: 60}, {id: e, share: 0.5, every_s: 60}]\n')).toEqual([
			"m.yaml:3:10 source.feeds: the feeds' shares sum to 1.1; they must sum to less than 1 (the rest of the events stream in as they happen)",
		]);
		expect(source('  feeds: [{id: f, share: 0.6, every_s: 60}, {id: e, share: 0.39, every_s: 60, enters: a}]\n')).toEqual([]);
	});
});

it('duplicateIds names the first use at the top level too', () => {
	expect(duplicateIds([{id: 'a'}, {id: 'b'}, {id: 'a'}], [], 'item')).toEqual([{path: [2, 'id'], message: 'duplicate item id "a"; first used at [0]'}]);
	expect(duplicateIds([{id: 'a'}, {id: 'a'}], ['x', 3, 'y'], 'item')).toEqual([{path: ['x', 3, 'y', 1, 'id'], message: 'duplicate item id "a"; first used at x[3].y[0]'}]);
});

describe('card rules', () => {
	const card = (phase: string, answer: Card['answer'] = {kind: 'points', points: ['a', 'b']}): Card => ({id: 'c', phase, topic: 'api-styles', ask: 'A', answer, explain: 'E', source: 'S'}) as Card;

	it('a card drawn into a phase its round does not have, naming the ones it has', () => {
		expect(cardProblems([card('design'), card('scaling')], 'data-modeling', ['cards'])).toEqual([
			{path: ['cards', 0, 'phase'], message: 'a data-modeling round has no phase "design"; expected one of modeling, deep-dive'},
			{path: ['cards', 1, 'phase'], message: 'a data-modeling round has no phase "scaling"; expected one of modeling, deep-dive'},
		]);
		expect(cardProblems([card('modeling')], 'system-design', ['cards'])).toEqual([{path: ['cards', 0, 'phase'], message: 'a system-design round has no phase "modeling"; expected one of design, deep-dive, scaling'}]);
		expect(cardProblems([card('design'), card('deep-dive'), card('scaling')], 'system-design', ['cards'])).toEqual([]);
	});

	it('a choice card with no right option, a free-text card that needs more points than it lists', () => {
		expect(cardProblems([card('design', {kind: 'choice', options: [{text: 'a', right: false}, {text: 'b', right: false}]})], 'system-design', ['cards'])).toEqual([
			{path: ['cards', 0, 'answer', 'options'], message: 'card "c" has no right option; mark one with right: true'},
		]);
		expect(cardProblems([card('design', {kind: 'choice', options: [{text: 'a', right: false}, {text: 'b', right: true}]})], 'system-design', ['cards'])).toEqual([]);
		expect(cardProblems([card('design', {kind: 'points', points: ['a'], need: 2})], 'system-design', ['cards'])).toEqual([{path: ['cards', 0, 'answer', 'need'], message: 'card "c" needs 2 points but lists 1'}]);
		expect(cardProblems([card('design', {kind: 'points', points: ['a', 'b'], need: 2})], 'system-design', ['cards'])).toEqual([]);
	});
});

describe('table-design rules', () => {
	const design = () =>
		TableDesignSchema.parse({
			id: 'd',
			title: 'T',
			summary: 'S',
			task: 'K',
			source: 'docs',
			cluster: {nodes: 2, slices_per_node: 2},
			tables: [
				{name: 'fact', rows: 100, columns: {id: 8, user_id: 8, day: 4}, keys: {user_id: {kind: 'uniform', cardinality: 10}}, auto: 'even', best: {diststyle: 'key', distkey: 'user_id', sortkey: 'day', why: 'W', also: [{diststyle: 'even'}]}},
				{name: 'users', rows: 10, columns: {user_id: 8, country: 2}, keys: {user_id: {kind: 'uniform', cardinality: 10}}, auto: 'all', best: {diststyle: 'all', why: 'W'}},
			],
			queries: [{id: 'q', says: 'S', scans: 'fact', reads: ['day', 'user_id'], range: {column: 'day', span: 365, of: 365}, joins: [{table: 'users', on: 'user_id'}]}],
		});

	it('passes a design whose keys, sort keys, queries and joins name what is there', () => {
		expect(tableDesignProblems(design(), ['td'])).toEqual([]);
	});

	it('names each key, column, table and join that is not there', () => {
		const broken = design();
		broken.tables.push({...broken.tables[1]!});
		broken.tables[0]!.keys = {nope: {kind: 'categorical', shares: {a: 0.5}}};
		broken.tables[0]!.best.sortkey = 'when';
		broken.queries[0]!.reads = ['day', 'zzz'];
		broken.queries[0]!.range = {column: 'when', span: 400, of: 365, unit: 'days'};
		broken.queries[0]!.joins = [{table: 'nope', on: 'x'}, {table: 'users', on: 'day'}, {table: 'users', on: 'country'}];
		broken.queries.push({id: 'q2', says: 'S', scans: 'ghost', reads: ['a'], joins: []});
		expect(tableDesignProblems(broken, ['td'])).toEqual([
			{path: ['td', 'tables', 2, 'id'], message: 'duplicate table id "users"; first used at td.tables[1]'},
			{path: ['td', 'tables', 0, 'keys', 'nope'], message: 'fact has no column "nope"; expected one of id, user_id, day'},
			{path: ['td', 'tables', 0, 'keys', 'nope', 'shares'], message: 'shares must sum to 1; they sum to 0.5'},
			{path: ['td', 'tables', 0, 'best', 'distkey'], message: 'DISTSTYLE KEY needs a distkey with a value distribution in keys; expected one of nope'},
			{path: ['td', 'tables', 0, 'best', 'sortkey'], message: 'fact has no column "when"; expected one of id, user_id, day'},
			{path: ['td', 'queries', 0, 'reads', 1], message: 'fact has no column "zzz"; expected one of id, user_id, day'},
			{path: ['td', 'queries', 0, 'range', 'column'], message: 'fact has no column "when"'},
			{path: ['td', 'queries', 0, 'range', 'span'], message: 'the range keeps 400 of 365; span must not exceed of'},
			{path: ['td', 'queries', 0, 'joins', 0, 'table'], message: 'no table "nope"; expected one of fact, users'},
			{path: ['td', 'queries', 0, 'joins', 1, 'on'], message: 'both fact and users need a column "day" to join on'},
			{path: ['td', 'queries', 0, 'joins', 2, 'on'], message: 'both fact and users need a column "country" to join on'},
			{path: ['td', 'queries', 1, 'scans'], message: 'no table "ghost"; expected one of fact, users'},
		]);
	});

	it('a DISTSTYLE KEY choice, the best or an equally good one, without a distkey that has a distribution', () => {
		const message = 'DISTSTYLE KEY needs a distkey with a value distribution in keys; expected one of user_id';
		const noKey = design();
		noKey.tables[0]!.best.distkey = undefined;
		expect(tableDesignProblems(noKey, ['td'])).toEqual([{path: ['td', 'tables', 0, 'best', 'distkey'], message}]);
		const also = design();
		also.tables[0]!.best.also = [{diststyle: 'key', distkey: 'day'}];
		expect(tableDesignProblems(also, ['td'])).toEqual([{path: ['td', 'tables', 0, 'best', 'distkey'], message}]);
		const twoKeys = design();
		twoKeys.tables[0]!.keys.day = {kind: 'uniform', cardinality: 365};
		twoKeys.tables[0]!.best.distkey = 'id';
		expect(tableDesignProblems(twoKeys, ['td'])).toEqual([{path: ['td', 'tables', 0, 'best', 'distkey'], message: 'DISTSTYLE KEY needs a distkey with a value distribution in keys; expected one of user_id, day'}]);
	});
});

describe('scenarios-file rules across scenarios and exercises', () => {
	/** The problems of a file's rules; the rules read only the fields given here. */
	const fileProblems = (file: Record<string, unknown>, earlier: string[] = []) => scenarioFileChecks(new Set(earlier)).flatMap((check) => check({exercises: [], scenarios: [], ...file} as unknown as ScenarioFile));

	it('an exercise of a scenario defined nowhere, in this file or an earlier one', () => {
		const file = {scenarios: [{id: 'here', kind: 'data-modeling', questions: [], cards: []}], exercises: [{id: 'e', scenario: 'gone'}, {id: 'f', scenario: 'here'}, {id: 'g', scenario: 'builtin'}]};
		expect(fileProblems(file, ['builtin'])).toEqual([{path: ['exercises', 0, 'scenario'], message: 'no scenario "gone"; expected one of here, builtin'}]);
	});

	it('the rules of each scenario, its table designs and its architectures, at their paths', () => {
		const stages = [{id: 'in', kind: 'stream', partition_key: 'random'}, {id: 'c', kind: 'collector', min_instances: 4, max_instances: 3}];
		const file = {
			scenarios: [
				{
					id: 's',
					kind: 'system-design',
					questions: [],
					deep_dives: [{id: 'd'}, {id: 'd'}],
					curveballs: [{id: 'b'}, {id: 'b'}],
					cards: [{id: 'k', phase: 'design', answer: {kind: 'points', points: ['p']}}, {id: 'k', phase: 'design', answer: {kind: 'points', points: ['p']}}],
					table_designs: [{id: 't', tables: [], queries: [{scans: 'ghost', reads: [], joins: []}]}, {id: 't', tables: [], queries: []}],
					workload: {keys: {c: {kind: 'categorical', shares: {x: 0.5}}}},
					architectures: [
						{id: 'a', stages, injections: [{kind: 'load_multiplier'}], feeds: [{id: 'f', share: 0.5, enters: 'zz'}, {id: 'f', share: 0.1}], quotas: [{id: 'q'}, {id: 'q'}]},
						{id: 'a', stages, injections: []},
					],
				},
			],
		};
		const at = (...path: Array<string | number>) => ['scenarios', 0, ...path];
		expect(fileProblems(file)).toEqual([
			{path: at('deep_dives', 1, 'id'), message: 'duplicate deep-dive id "d"; first used at scenarios[0].deep_dives[0]'},
			{path: at('curveballs', 1, 'id'), message: 'duplicate curveball id "b"; first used at scenarios[0].curveballs[0]'},
			{path: at('cards', 1, 'id'), message: 'duplicate card id "k"; first used at scenarios[0].cards[0]'},
			{path: at('table_designs', 1, 'id'), message: 'duplicate table design id "t"; first used at scenarios[0].table_designs[0]'},
			{path: at('table_designs', 0, 'queries', 0, 'scans'), message: 'no table "ghost"; expected one of '},
			{path: at('workload', 'keys', 'c', 'shares'), message: 'shares must sum to 1; they sum to 0.5'},
			{path: at('architectures', 1, 'id'), message: 'duplicate architecture id "a"; first used at scenarios[0].architectures[0]'},
			{path: at('architectures', 0, 'stages', 1, 'max_instances'), message: 'max_instances (3) is below min_instances (4); expected at least 4'},
			{path: at('architectures', 0, 'injections', 0), message: 'a load_multiplier injection needs factor (e.g. factor: 10)'},
			{path: at('architectures', 0, 'feeds', 1, 'id'), message: 'duplicate feed id "f"; first used at scenarios[0].architectures[0].feeds[0]'},
			{path: at('architectures', 0, 'quotas', 1, 'id'), message: 'duplicate quota id "q"; first used at scenarios[0].architectures[0].quotas[0]'},
			{path: at('architectures', 0, 'feeds', 0, 'enters'), message: 'no stage "zz" here; expected one of in, c'},
			{path: at('architectures', 1, 'stages', 1, 'max_instances'), message: 'max_instances (3) is below min_instances (4); expected at least 4'},
		]);
	});

	it('an architecture\'s feed rules still run beside a stage that is not a mapping', () => {
		const file = {scenarios: [{id: 's', kind: 'system-design', questions: [], cards: [], workload: {keys: {}}, architectures: [{id: 'a', stages: [undefined, {id: 'b', kind: 'queue'}], injections: [], feeds: [{id: 'f', share: 0.1}, {id: 'f', share: 0.1}]}]}]};
		expect(fileProblems(file)).toEqual([{path: ['scenarios', 0, 'architectures', 0, 'feeds', 1, 'id'], message: 'duplicate feed id "f"; first used at scenarios[0].architectures[0].feeds[0]'}]);
	});

	it('an architecture\'s rules still run when the scenario\'s workload is broken', () => {
		const file = {scenarios: [{id: 's', kind: 'system-design', questions: [], cards: [], architectures: [{id: 'a', stages: [{id: 'c', kind: 'collector', min_instances: 4, max_instances: 3}], injections: []}]}]};
		expect(fileProblems(file)).toEqual([{path: ['scenarios', 0, 'architectures', 0, 'stages', 0, 'max_instances'], message: 'max_instances (3) is below min_instances (4); expected at least 4'}]);
	});

	it('a table design id beside a broken exercise or design, and one that is no exercise\'s', () => {
		const designs = [{id: 'e', tables: [], queries: []}, {id: 'u', tables: [], queries: []}];
		const message = 'table design "e" has the id of an SQL exercise; pick another id';
		const scenario = (tableDesigns: unknown[]) => ({id: 's', kind: 'data-modeling', questions: [], cards: [], table_designs: tableDesigns});
		expect(fileProblems({scenarios: [scenario(designs)], exercises: [undefined, {id: 'e', scenario: 's'}]})).toEqual([{path: ['scenarios', 0, 'table_designs', 0, 'id'], message}]);
		expect(fileProblems({scenarios: [scenario([undefined, ...designs])], exercises: [{id: 'e', scenario: 's'}]})).toEqual([{path: ['scenarios', 0, 'table_designs', 1, 'id'], message}]);
	});

	it('no verdict on the exercises when a scenario id is broken: it could be the one they name', () => {
		expect(fileProblems({scenarios: [{kind: 'data-modeling', questions: [], cards: []}], exercises: [{id: 'e', scenario: 'gone'}]})).toEqual([]);
	});

	it('a table design with the id of an SQL exercise, and ids used twice at each level', () => {
		const design = {id: 'e', tables: [], queries: []};
		const file = {
			scenarios: [{id: 's', kind: 'data-modeling', questions: [{id: 'q'}, {id: 'q'}], cards: [], table_designs: [design]}, {id: 's', kind: 'data-modeling', questions: [], cards: []}],
			exercises: [{id: 'e', scenario: 's'}, {id: 'e', scenario: 's'}],
			coding: [{id: 'p'}, {id: 'p'}],
		};
		expect(fileProblems(file)).toEqual([
			{path: ['scenarios', 1, 'id'], message: 'duplicate scenario id "s"; first used at scenarios[0]'},
			{path: ['exercises', 1, 'id'], message: 'duplicate exercise id "e"; first used at exercises[0]'},
			{path: ['coding', 1, 'id'], message: 'duplicate coding problem id "p"; first used at coding[0]'},
			{path: ['scenarios', 0, 'questions', 1, 'id'], message: 'duplicate question id "q"; first used at scenarios[0].questions[0]'},
			{path: ['scenarios', 0, 'table_designs', 0, 'id'], message: 'table design "e" has the id of an SQL exercise; pick another id'},
		]);
	});
});
