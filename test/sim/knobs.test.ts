/**
The knobs the design editor and `dojo list` show for the 10x-recipe parts, and
that every knob of every palette component is a field the stage schema takes
(so `--set STAGE.KNOB=VALUE` and the editor accept what they offer).
*/
import {describe, expect, test} from 'vitest';
import {addComponent, emptyDesign, setDesignKnob} from '../../src/flow/design.js';
import {findScenario, loadCatalogue} from '../../src/scenarios/catalogue.js';
import {StageSchema} from '../../src/scenarios/model-schema.js';
import type {SystemDesignScenario} from '../../src/scenarios/schema.js';
import {knobsFor, palette} from '../../src/sim/index.js';

const byName = (stage: Parameters<typeof knobsFor>[0]) => new Map(knobsFor(stage).map((knob) => [knob.name, knob]));

describe('knobs of the 10x-recipe parts', () => {
	test('a collector: instances, per-instance rate, the target-tracking policy and the rate limiter, with units and defaults', () => {
		const knobs = byName({id: 'collect', kind: 'collector', component: 'alb_ec2', min_instances: 4, max_instances: 16});
		expect([...knobs.keys()]).toEqual(['min_instances', 'max_instances', 'instance_rate_per_s', 'target_utilization', 'metric_period_s', 'warmup_s', 'max_wait_s', 'client_rate_per_s', 'client_burst']);
		expect(knobs.get('max_instances')).toMatchObject({unit: 'instances', integer: true, default: 4});
		expect(knobs.get('instance_rate_per_s')).toMatchObject({unit: 'requests/s', default: 2000});
		expect(knobs.get('warmup_s')).toMatchObject({unit: 's', default: 300});
		expect(knobs.get('client_rate_per_s')).toMatchObject({unit: 'requests/s'});
		expect(knobs.get('client_rate_per_s')!.default).toBeUndefined();
	});

	test('Redis offers replicas and the hash ring; S3 and DynamoDB, which partition themselves, do not', () => {
		const redis = byName({id: 'serve', kind: 'cache', component: 'redis', nodes: 1});
		expect(redis.get('read_replicas')).toMatchObject({unit: 'replicas', integer: true, default: 0});
		expect(redis.get('replica_lag_ms')).toMatchObject({unit: 'ms', default: 100});
		expect(redis.get('hashing')).toMatchObject({choices: ['mod', 'ring'], default: 'mod'});
		expect(redis.get('virtual_nodes')).toMatchObject({default: 100});
		expect(byName({id: 'db', kind: 'store', component: 'postgres', nodes: 1}).has('read_replicas')).toBe(true);
		expect(byName({id: 'db', kind: 'store', component: 'postgres', nodes: 1}).has('hashing')).toBe(false);
		for (const component of ['s3', 'dynamodb'] as const) expect(byName({id: 'x', kind: 'store', component}).has('read_replicas')).toBe(false);
	});

	test('every knob of every palette component is a field of its stage schema', () => {
		for (const entry of palette) {
			const shape = StageSchema.options.find((option) => option.shape.kind.safeParse(entry.template.kind).success)!.shape as Record<string, unknown>;
			for (const knob of knobsFor(entry.template)) expect(Object.keys(shape), `${entry.id}.${knob.name}`).toContain(knob.name);
		}
	});
});

describe('the design editor', () => {
	const scenario = () => findScenario(loadCatalogue(), 'user-engagement') as SystemDesignScenario;

	test('adds a collector from the palette and sets its rate limit; a bad value says what was expected', () => {
		const added = addComponent(scenario(), emptyDesign, 'collector');
		expect(added.ok).toBe(true);
		if (!added.ok) return;
		const design = added.design;
		const set = setDesignKnob(scenario(), design, 'collect', 'client_rate_per_s', '10');
		expect(set.ok && set.design.stages[0]).toMatchObject({kind: 'collector', client_rate_per_s: 10});
		const bad = setDesignKnob(scenario(), design, 'collect', 'target_utilization', '2');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems.join(' ')).toMatch(/target_utilization must be in \(0, 1\]/);
	});
});

describe('KPL aggregation as a knob', () => {
	test('is offered on a Kinesis stream, off by default, and not on Kafka', () => {
		const kinesisStage = palette.find((entry) => entry.id === 'kinesis')!.template;
		const kafkaStage = palette.find((entry) => entry.id === 'kafka')!.template;
		expect(byName(kinesisStage).get('aggregation')).toMatchObject({label: 'KPL aggregation', choices: ['false', 'true'], default: false});
		expect(byName(kafkaStage).has('aggregation')).toBe(false);
	});

	test('the design editor turns it on from the text the candidate types', () => {
		const scenario = findScenario(loadCatalogue(), 'login-counter') as SystemDesignScenario;
		const added = addComponent(scenario, emptyDesign, 'kinesis');
		expect(added.ok).toBe(true);
		if (!added.ok) return;
		const set = setDesignKnob(scenario, added.design, added.design.stages[0]!.id, 'aggregation', 'true');
		expect(set.ok && set.design.stages[0]).toMatchObject({kind: 'stream', aggregation: true});
	});
});
