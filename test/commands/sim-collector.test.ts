/**
`dojo sim` and `dojo list` on the 10x-recipe parts: the bot-flood curveball
with and without the collector's rate limiter (the JSON other tools read),
the new knobs listed with unit and default, and bad values refused with what
was expected, exit 2.
*/
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {CurveballSchema} from '../../src/scenarios/schema.js';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

const collectors = ['sim', 'user-engagement', '--arch', 'collectors-kds-lambda-redis'];

function json(args: readonly string[]): {status: number | null; value: Record<string, any>} {
	const run = runCli([...args, '--json'], {timeoutMs: 120_000});
	expect(run.stderr).toBe('');
	return {status: run.status, value: JSON.parse(run.stdout) as Record<string, any>};
}

describe('dojo sim --json: a bot floods the collector at 20x from 3 minutes', () => {
	test('without a rate limiter: users refused, the SLO missed, the collector named with the rate limiter as the fix; with one: 429s for the bot, the SLO met', () => {
		const open = json([...collectors, '--inject', 'source.bot=20@3m', '--duration', '6m']);
		expect(open.status).toBe(1);
		const flooded = open.value['components'][0];
		expect(flooded.id).toBe('collect');
		expect(flooded.dropped).toBeGreaterThan(0);
		expect(flooded.details.refused).toBe(flooded.dropped);
		expect(flooded.details.bot_offered_per_s).toBeGreaterThan(0);
		expect(open.value['end_to_end'].lost).toBeGreaterThan(0);
		expect(open.value['slo'].met).toBe(false);
		expect(open.value['bottleneck']).toMatchObject({component: 'collect'});
		expect(open.value['bottleneck'].suggestion).toMatch(/^rate-limit each client/);

		const limited = json([...collectors, '--inject', 'source.bot=20@3m', '--set', 'collect.client_rate_per_s=10', '--duration', '6m']);
		expect(limited.status).toBe(0);
		const guarded = limited.value['components'][0];
		// The bot sends 20 × 33,333/s for the last 180 s of the [36 s, 360 s) window; 10/s of it passes: nearly all of it is rate-limited.
		expect(guarded.details.rate_limited).toBeGreaterThan(0.99 * 20 * (2_000_000 / 60) * 180);
		expect(guarded.details.bot_accepted_per_s).toBeLessThan(10);
		expect(guarded.dropped).toBe(0);
		expect(limited.value['end_to_end'].lost).toBe(0);
		expect(limited.value['slo'].met).toBe(true);
		expect(limited.value['bottleneck']).toBeNull();
	});
});

describe('dojo sim text: the collector line splits refusals by who refused', () => {
	test('the fleet (HTTP 503) and the rate limiter (HTTP 429), and how far auto-scaling went', () => {
		const run = runCli([...collectors, '--inject', 'source.bot=20@3m', '--set', 'collect.client_rate_per_s=10', '--duration', '4m'], {timeoutMs: 120_000});
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^collect: 36 instances on average \(peak 36 of 200; 0 launched\) · refused by the fleet \(HTTP 503\) 0 · refused by the rate limiter \(HTTP 429\) [\d,]+ · the bot sent [\d,]+\/s, [\d.]+\/s got in$/m);
		// must fail: without a limiter the line says so, and the fleet refuses.
		const open = runCli([...collectors, '--inject', 'source.bot=20@3m', '--duration', '4m'], {timeoutMs: 120_000});
		expect(open.stdout).toMatch(/^collect: .* · refused by the fleet \(HTTP 503\) [1-9][\d,]* · no rate limiter · the bot sent/m);
	});
});

describe('dojo list user-engagement: the collector and replica knobs with unit and default', () => {
	test('text and --json', () => {
		const run = runCli(['list', 'user-engagement']);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^collectors-kds-lambda-redis\s+Collectors/m);
		expect(run.stdout).toMatch(/^ {2}collect\s+collector:alb_ec2$/m);
		expect(run.stdout).toMatch(/^ {4}max_instances\s+200 instances\s+\(default 36 instances\)/m);
		expect(run.stdout).toMatch(/^ {4}warmup_s\s+–\s+\(default 300 s\)/m);
		expect(run.stdout).toMatch(/^ {4}client_rate_per_s\s+–\s+\(default –\)/m);
		expect(run.stdout).toMatch(/^ {4}read_replicas\s+1 replicas\s+\(default 0 replicas\)/m);
		expect(run.stdout).toMatch(/^ {4}hashing\s+ring\s+\(default mod\) one of mod, ring/m);
		const value = JSON.parse(runCli(['list', 'user-engagement', '--json']).stdout) as {architectures: Array<{id: string; stages: Array<{id: string; knobs: Array<Record<string, unknown>>}>}>};
		const collect = value.architectures.find((arch) => arch.id === 'collectors-kds-lambda-redis')!.stages[0]!;
		expect(collect.knobs.find((knob) => knob['name'] === 'target_utilization')).toMatchObject({value: 0.6, default: 0.6});
		expect(collect.knobs.find((knob) => knob['name'] === 'metric_period_s')).toMatchObject({default: 60, unit: 's'});
		// must fail: S3 is not built of nodes, so it offers no replica knobs.
		const lake = JSON.parse(runCli(['list', 'login-counter', '--json']).stdout).architectures[1].stages[1];
		expect(lake.knobs.map((knob: Record<string, unknown>) => knob['name'])).not.toContain('read_replicas');
	});
});

describe('bad values: exit 2 with what was expected', () => {
	const cases: Array<{args: string[]; says: RegExp}> = [
		{args: [...collectors, '--set', 'collect.target_utilization=1.5'], says: /--set collect\.target_utilization=1\.5: target_utilization: target_utilization must be in \(0, 1\]; got number 1\.5/},
		{args: [...collectors, '--set', 'collect.max_instances=2'], says: /--set collect\.max_instances=2: max_instances \(2\) is below min_instances \(36\); expected at least 36/},
		{args: [...collectors, '--set', 'collect.client_burst=5'], says: /client_burst needs client_rate_per_s/},
		{args: [...collectors, '--set', 'counters.read_replicas=-1'], says: /read_replicas: read_replicas must be >= 0; got number -1/},
		{args: [...collectors, '--inject', 'source.bot@3m'], says: /--inject source\.bot@3m: expected a factor above 0, e.g\. source\.bot=20@60s/},
		{args: [...collectors, '--inject', 'collect.bot=20@3m'], says: /--inject collect\.bot=20@3m: bot applies to the source: source\.bot=FACTOR@TIME/},
	];
	test.each(cases)('dojo $args.4 $args.5', ({args, says}) => {
		const run = runCli([...args, '--duration', '1m']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(says);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});

	test('virtual_nodes without a ring is refused', () => {
		const run = runCli([...collectors, '--set', 'counters.virtual_nodes=10', '--set', 'counters.hashing=mod', '--duration', '1m']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/virtual_nodes applies to a hash ring: set hashing: ring/);
	});

	test('a model file with a bot injection but no factor is refused at its line', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'dojo-bot-')), 'bot.yaml');
		writeFileSync(file, ['source: {rate_per_s: 100}', 'stages:', '  - {id: collect, kind: collector, min_instances: 2, client_rate_per_s: 5}', 'injections:', '  - {at_s: 10, kind: bot}', ''].join('\n'));
		const run = runCli(['sim', '--model', file, '--duration', '30s']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/bot\.yaml:5:\d+ injections\[0\]: a bot injection needs factor: the multiple of the normal load the one client sends \(e\.g\. factor: 20\)/);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});

	test('a curveball bot_multiplier must be above 0', () => {
		const bad = CurveballSchema.safeParse({id: 'bot', says: 'a bot', expect: 'a rate limiter', bot_multiplier: 0});
		expect(bad.success).toBe(false);
		expect(bad.error?.issues[0]?.message).toBe('bot_multiplier must be > 0');
		expect(CurveballSchema.safeParse({id: 'bot', says: 'a bot', expect: 'a rate limiter', bot_multiplier: 20}).success).toBe(true);
	});
});
