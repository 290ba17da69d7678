/**
The resolved plan: every default decided once, so the engine, capacity,
bottleneck and cost agree. Each "must fail" case is one where two of them
used to disagree (checked against the code before the plan).
*/
import {describe, expect, test} from 'vitest';
import {analyseCapacity} from '../../../src/sim/analysis/capacity.js';
import {estimateCost} from '../../../src/sim/analysis/cost.js';
import {lambda} from '../../../src/sim/catalogue.js';
import {computeSettings, planPipeline} from '../../../src/sim/models/plan.js';
import {component, loginModel, parseModel, run} from '../helpers/pipeline-models.js';

const onDemand = (extra: Record<string, unknown> = {}) =>
	parseModel({
		source: {rate_per_s: 2000, event_bytes: 200},
		stages: [
			{id: 'ingest', kind: 'stream', component: 'kinesis_data_streams', mode: 'on_demand', ...extra},
			{id: 'count', kind: 'compute', component: 'lambda', per_record_ms: 0.01},
		],
		injections: [{kind: 'lose_node', stage: 'ingest', at_s: 60}],
	});

describe('the plan decides each default once', () => {
	test('Lambda: the account concurrency, 100-record batches on a stream, one event elsewhere, parallelization capped at 10 (catalogue)', () => {
		const onStream = computeSettings({component: 'lambda'}, true);
		expect(onStream).toMatchObject({mode: 'esm', units: lambda.accountConcurrency.value, batchSize: lambda.batchSizeDefault.value, parallelization: 1});
		expect(computeSettings({component: 'lambda'}, false)).toMatchObject({mode: 'pool', batchSize: 1});
		expect(computeSettings({component: 'lambda', parallelizationFactor: 40}, true).parallelization).toBe(lambda.parallelizationFactorMax.value);
	});

	test('a trigger makes a Lambda on a stream a scheduled batch, and a chained step has no clock of its own', () => {
		expect(computeSettings({component: 'lambda', triggerS: 60}, true)).toMatchObject({mode: 'micro-batch', triggerS: 60});
		expect(computeSettings({component: 'worker_pool', after: 'extract', triggerS: 600}, false)).toMatchObject({mode: 'micro-batch', triggerS: 0, triggerOffsetS: 0});
		expect(computeSettings({component: 'glue', startAtS: 7200}, false)).toMatchObject({triggerS: 86_400, triggerOffsetS: 7200});
	});

	test('record sizes and records per event follow the chain: an aggregate with output_ratio 0.002 and output_bytes 64', () => {
		const model = loginModel('kds-lambda-redis', {count: {output_bytes: 64}});
		const plan = planPipeline(model);
		expect(plan.chain.map((stage) => stage.spec.id)).toEqual(['ingest', 'count', 'counters', 'dashboard']);
		expect(plan.stage('counters')).toMatchObject({recordBytes: 64, recordsPerEvent: 0.002});
		expect(plan.stage('count')).toMatchObject({kind: 'compute', recordBytes: 200, recordsPerEvent: 1, settings: {mode: 'esm', batchSize: 500, units: lambda.accountConcurrency.value}});
	});
});

describe('engine, capacity and cost agree on an on-demand stream without shards (4, its starting capacity)', () => {
	test('a lost shard leaves 3 of 4 on paper, as in the run; must fail: capacity took 1 shard and said nothing was left', () => {
		const ingest = analyseCapacity(onDemand()).stages.find((stage) => stage.id === 'ingest')!;
		expect(ingest.limit).toContain('1 of 4 lost');
		expect(ingest.maxLoadPerS).toBeGreaterThan(0);
		expect(component(run(onDemand(), {durationS: 120}), 'ingest').details).toMatchObject({shards: 4});
	});

	test('enhanced fan-out is billed per consumer-shard-hour on 4 shards; must fail: cost took 1 shard', () => {
		const cost = estimateCost(onDemand({consumer: 'efo'}), 2000, []);
		const stream = cost.items.find((item) => item.component === 'ingest')!;
		expect(stream.basis).toContain(`${4 * 730} consumer-shard-hours`);
	});
});

describe('capacity reads the mode the engine runs', () => {
	test('a Lambda on a stream with trigger_s runs scheduled batches, not one batch per shard; must fail: capacity ignored the trigger', () => {
		const model = loginModel('kds-lambda-redis', {count: {trigger_s: 60}});
		const count = analyseCapacity(model).stages.find((stage) => stage.id === 'count')!;
		expect(count.limit).not.toContain('per shard');
		expect(count.compute!.perShardRecords).toBeUndefined();
	});
});
