/**
`dojo sim` as a user runs it: exit codes, the JSON contract, side-by-side
comparison, replications on worker threads, and bad input rejected with the
flag's name or file:line:col, exit 2 and no stack trace.
*/
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

const models = 'test/fixtures/models';
const short = ['--duration', '2m'];

function json(args: readonly string[]): {status: number | null; value: Record<string, any>} {
	const run = runCli([...args, '--json']);
	expect(run.stderr).toBe('');
	return {status: run.status, value: JSON.parse(run.stdout) as Record<string, any>};
}

describe('dojo sim', () => {
	test('prints the DESIGN.md JSON shape and exits 0 when the design meets its SLO', () => {
		const {status, value} = json(['sim', 'login-counter', ...short]);
		expect(status).toBe(0);
		for (const key of ['scenario', 'arch', 'seed', 'load_per_s', 'duration_s', 'replications', 'events_simulated', 'wall_s', 'components', 'end_to_end', 'slo', 'capacity', 'bottleneck']) expect(value).toHaveProperty(key);
		expect(value['scenario']).toBe('login-counter');
		expect(value['arch']).toBe('kds-lambda-redis');
		expect(value['load_per_s']).toBeCloseTo(8333.333, 2);
		const ingest = value['components'][0];
		for (const key of ['id', 'kind', 'utilization', 'throughput_per_s', 'queue', 'wait_ms', 'throttled', 'dropped', 'lost']) expect(ingest).toHaveProperty(key);
		expect(Object.keys(ingest.wait_ms)).toEqual(['mean', 'p50', 'p95', 'p99']);
		expect(Object.keys(value['end_to_end'])).toEqual(expect.arrayContaining(['delivered', 'lost', 'latency_ms', 'freshness_s']));
		expect(value['slo']).toMatchObject({latency_p99_ms: 5000, met: true});
		expect(value['capacity']).toMatchObject({limited_by: 'ingest'});
		expect(value['bottleneck']).toBeNull();
	});

	test('exits 1 when the design misses its SLO, and says where it breaks', () => {
		const run = runCli(['sim', 'login-counter', '--set', 'ingest.shards=4', ...short]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/SLO MISSED/);
		expect(run.stdout).toContain('fix: needs at least 9 shards for 8,333 records/s of 200 B; has 4');
	});

	test('the cost line names stages it has no price for, so a partial total is not read as the whole bill', () => {
		// Flink has no list price here (Kafka is priced as MSK).
		const flink = runCli(['sim', 'login-counter', '--arch', 'kafka-flink-redis', ...short]);
		expect(flink.stdout).toMatch(/^cost: about \$[\d,.]+\/month \(ingest .*; unverified list prices; not priced: count\)$/m);
		// must fail: a provisioned stream has a price, so nothing is named.
		const provisioned = runCli(['sim', 'login-counter', ...short]);
		expect(provisioned.stdout).toMatch(/^cost: about .*ingest \$/m);
		expect(provisioned.stdout).not.toContain('not priced');
	});

	test('--load and --scale: 500k/min at --scale 10 is 5M/min', () => {
		const a = json(['sim', 'login-counter', '--load', '5M/min', '--duration', '90s']).value;
		const b = json(['sim', 'login-counter', '--load', '500k/min', '--scale', '10', '--duration', '90s']).value;
		expect(a['load_per_s']).toBeCloseTo(83_333.333, 2);
		delete a['wall_s'];
		delete b['wall_s'];
		expect(b).toEqual(a);
	});

	test('the same seed gives the same JSON apart from wall_s; another seed differs', () => {
		const one = json(['sim', 'login-counter', '--seed', '3', ...short]).value;
		const two = json(['sim', 'login-counter', '--seed', '3', ...short]).value;
		const other = json(['sim', 'login-counter', '--seed', '4', ...short]).value;
		delete one['wall_s'];
		delete two['wall_s'];
		expect(two).toEqual(one);
		expect(other['end_to_end'].delivered).not.toBe(one['end_to_end'].delivered);
	});

	test('--replications on worker threads gives exactly what running them serially gives', () => {
		const threaded = json(['sim', 'login-counter', '--replications', '3', '--workers', '2', ...short]).value;
		const serial = json(['sim', 'login-counter', '--replications', '3', '--workers', '1', ...short]).value;
		delete threaded['wall_s'];
		delete serial['wall_s'];
		expect(threaded).toEqual(serial);
		expect(threaded['replications']).toBe(3);
		expect(threaded['end_to_end'].latency_ms.mean_ci95).toBeGreaterThan(0);
	});

	test('--arch A --arch B compares them side by side at 1x, the daily peak and 10x', () => {
		const run = runCli(['sim', 'login-counter', '--arch', 'kds-lambda-redis', '--arch', 'firehose-s3-athena', '--duration', '90s']);
		expect(run.stdout).toMatch(/kds-lambda-redis @1x\s+kds-lambda-redis @peak 2x\s+kds-lambda-redis @10x\s+firehose-s3-athena @1x\s+firehose-s3-athena @peak 2x\s+firehose-s3-athena @10x/);
		// 10 shards refuse records at the 2x peak: the comparison says so.
		expect(run.stdout).toMatch(/kds-lambda-redis @peak 2x: ingest: /);
		// Firehose → S3 → Athena misses its SLO at 1x, so the comparison exits 1 although the first one meets it.
		expect(run.status).toBe(1);
		const {status, value} = json(['sim', 'login-counter', '--arch', 'kds-lambda-redis', '--arch', 'kafka-flink-redis', '--duration', '90s']);
		// must fail: both meet the SLO at 1x.
		expect(status).toBe(0);
		expect(value['scales']).toEqual([1, 10]);
		expect(value['architectures'].map((entry: {arch: string}) => entry.arch)).toEqual(['kds-lambda-redis', 'kafka-flink-redis']);
		const [oneX, tenX] = value['architectures'][0].results;
		expect(tenX.load_per_s / oneX.load_per_s).toBeCloseTo(10, 6);
		expect(tenX.bottleneck.component).toBe('ingest');
		expect(value['peak_multiplier']).toBe(2);
		expect(value['architectures'][0].peak.load_per_s / oneX.load_per_s).toBeCloseTo(2, 6);
	});

	test('--model runs a model file; a queue-only model runs on the exact queueing engine', () => {
		const {status, value} = json(['sim', '--model', `${models}/mm1.yaml`, '--duration', '10m']);
		expect(status).toBe(0);
		expect(value['scenario']).toBeNull();
		const station = value['components'][0];
		expect(station.kind).toBe('queue');
		// M/M/1 at rho 0.5, service 5 ms: Wq = 5 ms, utilization 0.5.
		expect(station.utilization).toBeCloseTo(0.5, 1);
		expect(station.wait_ms.mean).toBeGreaterThan(4);
		expect(station.wait_ms.mean).toBeLessThan(6);
	});

	test('--inject STAGE.lose_node@TIME injects a fault from the command line; the lost node is named', () => {
		const run = runCli(['sim', 'login-counter', '--inject', 'counters.lose_node@60s', ...short]);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/^bottleneck: counters: .*lost its only node at 60 s/m);
		// must fail: without the flag the design meets its SLO.
		expect(runCli(['sim', 'login-counter', ...short]).status).toBe(0);
	});

	test('--set changes a knob on a model file too', () => {
		const {value} = json(['sim', '--model', `${models}/clickstream.yaml`, '--set', 'ingest.shards=1', ...short]);
		expect(value['components'][1].details.shards).toBe(1);
		expect(value['bottleneck'].component).toBe('ingest');
	});
});

describe('bad input: exit 2, the flag or file:line:col named, no stack trace', () => {
	const cases: Array<{args: string[]; says: RegExp}> = [
		{args: ['sim', '--model', `${models}/negative-rate.yaml`], says: /negative-rate\.yaml:3:15 source\.rate_per_s: rate_per_s must be > 0; got number -100/},
		{args: ['sim', '--model', `${models}/zero-servers.yaml`], says: /zero-servers\.yaml:6:14 stages\[0\]\.servers: servers must be >= 1; got number 0/},
		{args: ['sim', '--model', `${models}/unknown-kind.yaml`], says: /unknown-kind\.yaml:5:23 stages\[1\]\.kind: expected one of queue, stream, .*; got "lambda_function"/},
		{args: ['sim', '--model', `${models}/leads-nowhere.yaml`], says: /leads-nowhere\.yaml:4:\d+ stages\[0\]\.next: stage "ingest" leads to "warehouse", which is not a stage here/},
		{args: ['sim', '--model', `${models}/unreachable.yaml`], says: /unreachable\.yaml:5:\d+ stages\[1\]\.id: stage "orphan" receives no events/},
		{args: ['sim', '--model', `${models}/missing.yaml`], says: /missing\.yaml:1:1 no such file/},
		{args: ['sim', '--model', `${models}/no-shards.yaml`], says: /no-shards\.yaml:3:\d+ stages\[0\]: a provisioned stream needs shards/},
		{args: ['sim', '--model', `${models}/broken-yaml.yaml`], says: /broken-yaml\.yaml:\d+:\d+ YAML syntax: Flow map in block collection must be sufficiently indented and end with a \}/},
		{args: ['sim', 'login-counter', '--duration', '0'], says: /--duration: the duration must be above 0; got "0"/},
		{args: ['sim', 'login-counter', '--set', 'ingest.shards=abc'], says: /--set ingest\.shards=abc: shards: expected number; got "abc"/},
		{args: ['sim', 'login-counter', '--load', 'fast'], says: /^dojo: --load: expected a rate like 500k\/min or 8333\/s; got "fast"$/m},
		{args: ['sim', 'login-counter', '--duration', 'soon'], says: /--duration: expected a duration like 90s, 10m or 1h; got "soon"/},
		{args: ['sim', 'login-counter', '--set', 'nope.x=1'], says: /--set nope\.x=1: no stage "nope"; expected source or one of ingest, count, counters, dashboard/},
		{args: ['sim', 'login-counter', '--set', 'ingest.shardz=10'], says: /--set ingest\.shardz=10: shardz: unknown field "shardz"/},
		{args: ['sim', 'login-counter', '--set', 'ingest.shards=0'], says: /--set ingest\.shards=0: shards: shards must be >= 1; got number 0/},
		{args: ['sim', 'login-counter', '--set', 'ingest.partition_key=email'], says: /--set ingest\.partition_key=email: the source has no key "email"; expected one of random, user_id, country/},
		{args: ['sim', 'login-counter', '--set', 'shards=10'], says: /--set shards=10: expected STAGE\.KNOB=VALUE/},
		{args: ['sim', 'login-counter', '--scale', '-2'], says: /--scale: expected a multiple above 0/},
		{args: ['sim', 'login-counter', '--replications', '0'], says: /--replications: expected a whole number from 1 to 1000; got "0"/},
		{args: ['sim', 'login-counter', '--arch', 'nope'], says: /--arch: scenario "login-counter" has no architecture "nope"; expected one of kds-lambda-redis/},
		{args: ['sim', 'no-such-scenario'], says: /unknown scenario "no-such-scenario"/},
		{args: ['sim'], says: /needs a scenario id or --model FILE/},
		{args: ['sim', 'login-counter', '--bogus'], says: /bogus/},
		{args: ['sim', 'login-counter', '--inject', 'countres.lose_node@60s'], says: /--inject countres\.lose_node@60s: no stage "countres"; expected one of ingest, count, counters, dashboard/},
		{args: ['sim', 'login-counter', '--inject', 'counters.explode@60s'], says: /--inject counters\.explode@60s: expected STAGE\.lose_node\[=COUNT\]@TIME, source\.load_multiplier=FACTOR@TIME or source\.bot=FACTOR@TIME/},
		{args: ['sim', 'login-counter', '--inject', 'counters.lose_node@soon'], says: /--inject counters\.lose_node@soon: .*expected a duration like 90s/},
	];

	test('an injection naming a stage that does not exist is refused, not run', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dojo-sim-'));
		const file = join(dir, 'typo.yaml');
		writeFileSync(file, ['source: {rate_per_s: 100}', 'stages:', '  - {id: ingest, kind: stream, component: kinesis_data_streams, shards: 2}', 'injections:', '  - {at_s: 10, kind: lose_node, stage: ingset}', ''].join('\n'));
		const run = runCli(['sim', '--model', file, '--duration', '30s']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/typo\.yaml:5:\d+ injections\[0\]\.stage: no stage "ingset" here; expected one of ingest/);
		expect(hasStackTrace(run.stderr)).toBe(false);
	});

	test.each(cases)('dojo $args.0 $args.1 $args.2 $args.3', ({args, says}) => {
		const run = runCli(args);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(says);
		expect(hasStackTrace(run.stderr)).toBe(false);
		expect(run.stdout).toBe('');
	});
});

describe('dojo list <scenario>: the --arch ids and --set knobs without reading the YAML', () => {
	test('lists each architecture, its stages and each knob with its value, default and unit', () => {
		const run = runCli(['list', 'login-counter']);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^kds-lambda-redis\s+Kinesis Data Streams → Lambda → Redis → dashboard$/m);
		expect(run.stdout).toMatch(/^ {2}ingest\s+stream:kinesis_data_streams$/m);
		expect(run.stdout).toMatch(/^ {4}shards\s+10 shards\s+\(default –\)/m);
		expect(run.stdout).toMatch(/^ {4}retention_h\s+24 h\s+\(default 24 h\)/m);
		expect(run.stdout).toMatch(/^firehose-s3-athena\s/m);
		expect(run.stdout).toContain('--set STAGE.KNOB=VALUE');
	});

	test('--json: architectures → stages → knobs {name, value, default, unit}', () => {
		const run = runCli(['list', 'login-counter', '--json']);
		const value = JSON.parse(run.stdout) as {scenario: string; architectures: Array<{id: string; stages: Array<{id: string; knobs: Array<Record<string, unknown>>}>}>};
		expect(value.scenario).toBe('login-counter');
		expect(value.architectures.map((arch) => arch.id)).toEqual(['kds-lambda-redis', 'firehose-s3-athena', 'kafka-flink-redis', 'kds-lambda-redis-archive']);
		const shards = value.architectures[0]!.stages[0]!.knobs.find((knob) => knob['name'] === 'shards');
		expect(shards).toMatchObject({name: 'shards', value: 10, unit: 'shards'});
	});

	test('must fail: an unknown scenario exits 2 naming the valid ones; an unknown knob lists the valid ones', () => {
		const run = runCli(['list', 'login-countr']);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/unknown scenario "login-countr"; expected one of .*login-counter/);
		const set = runCli(['sim', 'login-counter', '--set', 'ingest.shardz=10']);
		expect(set.status).toBe(2);
		expect(set.stderr).toMatch(/knobs of ingest: mode, shards, partition_key, consumer, aggregation, consumers, retention_h/);
	});
});
