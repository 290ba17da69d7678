/**
The model schema (a `--model` file, and each architecture of a scenario): the
message for every number, id and time a model can get wrong, and the defaults
a stage gets for the knobs it leaves out.
*/
import {describe, expect, it} from 'vitest';
import type {z} from 'zod';
import {formatIssue} from '../../src/scenarios/format-issue.js';
import {pathToString} from '../../src/scenarios/load.js';
import {ArchitectureSchema, ClockTimeSchema, Id, ModelSchema} from '../../src/scenarios/model-schema.js';
import {TableDesignSchema} from '../../src/scenarios/table-design-schema.js';

/** `path: message` for each schema problem of `value`. */
function problems(schema: z.ZodType, value: unknown): string[] {
	const result = schema.safeParse(value, {reportInput: true});
	return result.success ? [] : result.error.issues.map(formatIssue).map(({path, message}) => `${pathToString(path)}: ${message}`);
}

describe('ModelSchema defaults', () => {
	it('fill in every knob a stage, the source, a feed and a quota leave out', () => {
		const stages = [
			{id: 'q', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 1}},
			{id: 's', kind: 'stream', component: 'kafka', shards: 1},
			{id: 'f', kind: 'firehose'},
			{id: 'c', kind: 'compute', component: 'lambda'},
			{id: 'a', kind: 'api', component: 'alb'},
			{id: 'o', kind: 'collector', min_instances: 1},
			{id: 'w', kind: 'warehouse', component: 'redshift'},
			{id: 'd', kind: 'dashboard', refresh_s: 60},
		];
		const model = {source: {rate_per_s: 1, feeds: [{id: 'x', share: 0.5, every_s: 60}], quotas: [{id: 'g', backfills: [{requests: 1, at: '01:00'}]}]}, stages};
		expect(ModelSchema.parse(model)).toEqual({
			source: {rate_per_s: 1, arrivals: 'poisson', event_bytes: 200, peak_multiplier: 1, keys: {}, feeds: [{id: 'x', share: 0.5, every_s: 60, lag_s: 0}], quotas: [{id: 'g', component: 'custom', shared_per_s: 0, backfills: [{requests: 1, at: '01:00', every_s: 86400}]}]},
			stages: [
				{id: 'q', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 1}},
				{id: 's', kind: 'stream', component: 'kafka', mode: 'provisioned', shards: 1, partition_key: 'random', on_throttle: 'retry', consumer: 'shared', consumers: 1, retention_h: 24},
				{id: 'f', kind: 'firehose', buffer_size_mib: 5, buffer_interval_s: 300},
				{id: 'c', kind: 'compute', component: 'lambda', transform: 'map', output_ratio: 1},
				{id: 'a', kind: 'api', component: 'alb', on_throttle: 'retry'},
				{id: 'o', kind: 'collector', component: 'alb_ec2', min_instances: 1},
				{id: 'w', kind: 'warehouse', component: 'redshift'},
				{id: 'd', kind: 'dashboard', component: 'custom', refresh_s: 60, query_ms: 0},
			],
			injections: [],
		});
	});

	it('an architecture has no injections unless it lists some', () => {
		const stage = {id: 'q', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 1}};
		expect(ArchitectureSchema.parse({id: 'x', title: 'T', summary: 'S', stages: [stage]})).toEqual({id: 'x', title: 'T', summary: 'S', stages: [stage], injections: []});
	});
});

describe('ModelSchema messages', () => {
	it('the source, its keys, bursts, feeds and quotas, the SLO and the injections', () => {
		const model = {
			source: {
				rate_per_s: 0,
				event_bytes: 0,
				peak_multiplier: 0,
				bursts: {every_s: 0, duration_s: 0, multiplier: 0.5},
				keys: {u: {kind: 'uniform', cardinality: 0}, z: {kind: 'zipf', cardinality: 1.5, exponent: 0}, c: {kind: 'categorical', shares: {a: -1, b: 2}}},
				feeds: [{id: 'X', share: 0, every_s: 0, at: '24:00', lag_s: -1, quota: {id: 'g', requests: 0}, enters: 'B'}, {id: 'y', share: 1, every_s: 1}],
				quotas: [{id: 'g', per_day: 0, rate_per_s: 0, shared_per_s: -1, resets_at: '7', backfills: [{requests: 0, at: '1:00', every_s: 0}]}],
			},
			stages: [],
			slo: {latency_p99_ms: 0, freshness_s: 0, path: 'P', ready_by: '6am'},
			injections: [{at_s: -1, kind: 'bot', stage: 'A', factor: 0, share: 0, count: 0}, {at_s: 0, kind: 'hot_key', share: 1.5}],
		};
		expect(problems(ModelSchema, model)).toEqual([
			'source.rate_per_s: rate_per_s must be > 0; got number 0',
			'source.event_bytes: event_bytes must be > 0; got number 0',
			'source.peak_multiplier: peak_multiplier must be >= 1; got number 0',
			'source.keys.u.cardinality: cardinality must be >= 1; got number 0',
			'source.keys.z.cardinality: cardinality must be a whole number; got number 1.5',
			'source.keys.z.exponent: exponent must be > 0; got number 0',
			'source.keys.c.shares.a: a share must be >= 0; got number -1',
			'source.keys.c.shares.b: a share must be <= 1; got number 2',
			'source.bursts.every_s: bursts.every_s must be > 0; got number 0',
			'source.bursts.duration_s: bursts.duration_s must be > 0; got number 0',
			'source.bursts.multiplier: bursts.multiplier must be >= 1; got number 0.5',
			'source.feeds[0].id: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "X"',
			'source.feeds[0].share: share must be in (0, 1); got number 0',
			'source.feeds[0].every_s: every_s must be > 0; got number 0',
			'source.feeds[0].at: expected a time of day as HH:MM (00:00–23:59), e.g. "02:00"; got "24:00"',
			'source.feeds[0].lag_s: lag_s must be >= 0; got number -1',
			'source.feeds[0].quota.requests: quota.requests must be >= 1; got number 0',
			'source.feeds[0].enters: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "B"',
			'source.feeds[1].share: share must be in (0, 1); got number 1',
			'source.quotas[0].per_day: per_day must be > 0; got number 0',
			'source.quotas[0].rate_per_s: rate_per_s must be > 0; got number 0',
			'source.quotas[0].shared_per_s: shared_per_s must be >= 0; got number -1',
			'source.quotas[0].resets_at: expected a time of day as HH:MM (00:00–23:59), e.g. "02:00"; got "7"',
			'source.quotas[0].backfills[0].requests: requests must be >= 1; got number 0',
			'source.quotas[0].backfills[0].at: expected a time of day as HH:MM (00:00–23:59), e.g. "02:00"; got "1:00"',
			'source.quotas[0].backfills[0].every_s: every_s must be > 0; got number 0',
			'stages: a model needs at least one stage; got 0 items',
			'slo.latency_p99_ms: latency_p99_ms must be > 0; got number 0',
			'slo.freshness_s: freshness_s must be > 0; got number 0',
			'slo.path: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "P"',
			'slo.ready_by: expected a time of day as HH:MM (00:00–23:59), e.g. "02:00"; got "6am"',
			'injections[0].at_s: at_s must be >= 0; got number -1',
			'injections[0].stage: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "A"',
			'injections[0].factor: factor must be > 0; got number 0',
			'injections[0].share: share must be in (0, 1]; got number 0',
			'injections[0].count: count must be >= 1; got number 0',
			'injections[1].share: share must be in (0, 1]; got number 1.5',
		]);
	});

	it('each kind of stage', () => {
		const model = {source: {rate_per_s: 1}, stages: [
			{id: 'q', kind: 'queue', servers: 0, capacity: 0, service: {dist: 'lognormal', mean_ms: 0, p99_ms: 0}},
			{id: 'q2', kind: 'queue', servers: 1, service: {dist: 'empirical', values_ms: []}},
			{id: 'q3', kind: 'queue', servers: 1, service: {dist: 'empirical', values_ms: [-1]}},
			{id: 'q4', kind: 'queue', servers: 1, service: {dist: 'const', mean_ms: 0}},
			{id: 's', kind: 'stream', component: 'kafka', shards: 0, consumers: 0, retention_h: 0, poll_interval_s: 0, producer_ttl_s: 0, fan_out: []},
			{id: 'f', kind: 'firehose', buffer_size_mib: 0, buffer_interval_s: 901, throughput_mib_s: 0},
			{id: 'f2', kind: 'firehose', buffer_size_mib: 129, buffer_interval_s: -1},
			{id: 'c', kind: 'compute', component: 'lambda', concurrency: 0, batch_size: 0, batching_window_s: -1, parallelization_factor: 0, trigger_s: -1, start_at: 'x', after: 'Y', overhead_ms: -1, per_record_ms: -1, cold_start_ms: -1, output_ratio: -1, output_bytes: 0, window_s: 0, memory_mb: 0, autoscale: {target_utilization: 0, max: 0, interval_s: 0, lag_s: -1}},
			{id: 'c2', kind: 'compute', component: 'lambda', autoscale: {target_utilization: 1.1, max: 1}},
			{id: 'a', kind: 'api', component: 'alb', rate_per_s: 0, burst: 0},
			{id: 'o', kind: 'collector', min_instances: 0, max_instances: 0, instance_rate_per_s: 0, target_utilization: 0, metric_period_s: 0, warmup_s: -1, max_wait_s: 0, client_rate_per_s: 0, client_burst: 0},
			{id: 'o2', kind: 'collector', min_instances: 1, target_utilization: 2},
			{id: 'w', kind: 'store', component: 'redis', nodes: 0, write_capacity_per_s: 0, load_interval_s: -1, batch_size: 0, reads_per_s: -1, read_replicas: -1, replica_lag_ms: -1, failover_s: -1, virtual_nodes: 0},
			{id: 'w2', kind: 'store', component: 'redis', read_replicas: 0.5},
			{id: 'd', kind: 'dashboard', refresh_s: 0, query_ms: -1},
		]};
		expect(problems(ModelSchema, model)).toEqual([
			'stages[0].servers: servers must be >= 1; got number 0',
			'stages[0].service.mean_ms: mean_ms must be > 0; got number 0',
			'stages[0].service.p99_ms: p99_ms must be > 0; got number 0',
			'stages[0].capacity: capacity must be >= 1; got number 0',
			'stages[1].service.values_ms: values_ms needs at least one value; got 0 items',
			'stages[2].service.values_ms[0]: each value must be >= 0; got number -1',
			'stages[3].service.mean_ms: mean_ms must be > 0; got number 0',
			'stages[4].shards: shards must be >= 1; got number 0',
			'stages[4].consumers: consumers must be >= 1; got number 0',
			'stages[4].retention_h: retention_h must be > 0; got number 0',
			'stages[4].poll_interval_s: poll_interval_s must be > 0; got number 0',
			'stages[4].producer_ttl_s: producer_ttl_s must be > 0; got number 0',
			'stages[4].fan_out: fan_out lists at least one stage; got 0 items',
			'stages[5].buffer_size_mib: buffer_size_mib must be 1–128; got number 0',
			'stages[5].buffer_interval_s: buffer_interval_s must be 0–900; got number 901',
			'stages[5].throughput_mib_s: throughput_mib_s must be > 0; got number 0',
			'stages[6].buffer_size_mib: buffer_size_mib must be 1–128; got number 129',
			'stages[6].buffer_interval_s: buffer_interval_s must be 0–900; got number -1',
			'stages[7].concurrency: concurrency must be >= 1; got number 0',
			'stages[7].batch_size: batch_size must be >= 1; got number 0',
			'stages[7].batching_window_s: batching_window_s must be >= 0; got number -1',
			'stages[7].parallelization_factor: parallelization_factor must be >= 1; got number 0',
			'stages[7].trigger_s: trigger_s must be >= 0; got number -1',
			'stages[7].start_at: expected a time of day as HH:MM (00:00–23:59), e.g. "02:00"; got "x"',
			'stages[7].after: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "Y"',
			'stages[7].overhead_ms: overhead_ms must be >= 0; got number -1',
			'stages[7].per_record_ms: per_record_ms must be >= 0; got number -1',
			'stages[7].cold_start_ms: cold_start_ms must be >= 0; got number -1',
			'stages[7].output_ratio: output_ratio must be >= 0; got number -1',
			'stages[7].output_bytes: output_bytes must be > 0; got number 0',
			'stages[7].window_s: window_s must be > 0; got number 0',
			'stages[7].memory_mb: memory_mb must be >= 1; got number 0',
			'stages[7].autoscale.target_utilization: target_utilization must be in (0, 1]; got number 0',
			'stages[7].autoscale.max: autoscale.max must be >= 1; got number 0',
			'stages[7].autoscale.interval_s: autoscale.interval_s must be > 0; got number 0',
			'stages[7].autoscale.lag_s: autoscale.lag_s must be >= 0; got number -1',
			'stages[8].autoscale.target_utilization: target_utilization must be in (0, 1]; got number 1.1',
			'stages[9].rate_per_s: rate_per_s must be > 0; got number 0',
			'stages[9].burst: burst must be >= 1; got number 0',
			'stages[10].min_instances: min_instances must be >= 1; got number 0',
			'stages[10].max_instances: max_instances must be >= 1; got number 0',
			'stages[10].instance_rate_per_s: instance_rate_per_s must be > 0; got number 0',
			'stages[10].target_utilization: target_utilization must be in (0, 1]; got number 0',
			'stages[10].metric_period_s: metric_period_s must be > 0; got number 0',
			'stages[10].warmup_s: warmup_s must be >= 0; got number -1',
			'stages[10].max_wait_s: max_wait_s must be > 0; got number 0',
			'stages[10].client_rate_per_s: client_rate_per_s must be > 0; got number 0',
			'stages[10].client_burst: client_burst must be >= 1; got number 0',
			'stages[11].target_utilization: target_utilization must be in (0, 1]; got number 2',
			'stages[12].nodes: nodes must be >= 1; got number 0',
			'stages[12].write_capacity_per_s: write_capacity_per_s must be > 0; got number 0',
			'stages[12].load_interval_s: load_interval_s must be >= 0; got number -1',
			'stages[12].batch_size: batch_size must be >= 1; got number 0',
			'stages[12].reads_per_s: reads_per_s must be >= 0; got number -1',
			'stages[12].read_replicas: read_replicas must be >= 0; got number -1',
			'stages[12].replica_lag_ms: replica_lag_ms must be >= 0; got number -1',
			'stages[12].failover_s: failover_s must be >= 0; got number -1',
			'stages[12].virtual_nodes: virtual_nodes must be >= 1; got number 0',
			'stages[13].read_replicas: read_replicas must be a whole number; got number 0.5',
			'stages[14].refresh_s: refresh_s must be > 0; got number 0',
			'stages[14].query_ms: query_ms must be >= 0; got number -1',
		]);
	});

	it('the knobs whose own messages the other cases do not reach', () => {
		const model = {
			source: {rate_per_s: 1, arrivals: 'constant', keys: {z: {kind: 'zipf', cardinality: 0, exponent: 1}}},
			stages: [{id: 'q', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 0}}],
		};
		expect(problems(ModelSchema, model)).toEqual(['source.keys.z.cardinality: cardinality must be >= 1; got number 0', 'stages[0].service.mean_ms: mean_ms must be > 0; got number 0']);
		expect(ModelSchema.parse({...model, source: {rate_per_s: 1, arrivals: 'constant'}, stages: [{id: 'q', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 1}}]}).source.arrivals).toBe('constant');
	});

	it('an architecture with no stage', () => {
		expect(problems(ArchitectureSchema, {id: 'x', title: 'T', summary: 'S', stages: []})).toEqual(['stages: an architecture needs at least one stage; got 0 items']);
	});
});

describe('ids and times of day', () => {
	it('an id is lower-case letters, digits, "-" and "_", from a letter', () => {
		for (const id of ['a', 'a1-b_c', 'z9']) expect(Id.safeParse(id).success, id).toBe(true);
		for (const id of ['A', '1a', '-a', '_a', 'a b', 'a.b', 'aB', 'a\n', '']) expect(Id.safeParse(id).success, id).toBe(false);
	});

	it('a time of day is HH:MM from 00:00 to 23:59', () => {
		for (const time of ['00:00', '09:05', '19:30', '23:59']) expect(ClockTimeSchema.safeParse(time).success, time).toBe(true);
		for (const time of ['24:00', '7', '1:00', '12:60', 'x12:00', '12:00x', '12-00', '29:00', '1200']) expect(ClockTimeSchema.safeParse(time).success, time).toBe(false);
	});
});

describe('TableDesignSchema messages', () => {
	it('rows and column widths above 0', () => {
		const table = {name: 't', rows: 0, columns: {a: 0}, auto: 'all', best: {diststyle: 'all', why: 'W'}};
		const design = {id: 'd', title: 'T', summary: 'S', task: 'K', source: 'docs', cluster: {nodes: 1, slices_per_node: 1}, tables: [table], queries: [{id: 'q', says: 'S', scans: 't', reads: ['a']}]};
		expect(problems(TableDesignSchema, design)).toEqual(['tables[0].rows: rows must be > 0; got number 0', 'tables[0].columns.a: a column width must be > 0 bytes; got number 0']);
	});
});
