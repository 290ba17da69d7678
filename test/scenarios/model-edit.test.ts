/** One knob changed at a time (`dojo sim --set`, the design screen), and what is said when the change is wrong. */
import {describe, expect, it} from 'vitest';
import {checkStages, parseKnobValue, replaceStage, setKnob, type EditResult} from '../../src/scenarios/model-edit.js';
import {ModelSchema, type Model} from '../../src/scenarios/model-schema.js';

const model: Model = ModelSchema.parse({
	source: {rate_per_s: 10, keys: {user: {kind: 'uniform', cardinality: 5}}},
	stages: [
		{id: 'in', kind: 'stream', component: 'kafka', shards: 2, partition_key: 'user'},
		{id: 'work', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 5}},
	],
	injections: [{kind: 'lose_node', stage: 'work', at_s: 1}],
});

/** The edited model, or throws with the problems. */
function edited(result: EditResult): Model {
	if (!result.ok) throw new Error(result.problems.join('\n'));
	return result.model;
}

describe('parseKnobValue', () => {
	it('reads numbers, booleans and mappings as YAML, and keeps the rest as typed', () => {
		expect(parseKnobValue('10')).toBe(10);
		expect(parseKnobValue('true')).toBe(true);
		expect(parseKnobValue('{dist: exp, mean_ms: 2}')).toEqual({dist: 'exp', mean_ms: 2});
		expect(parseKnobValue('abc')).toBe('abc');
		// YAML's null (`~`, nothing) and a line YAML cannot read stay the text the user typed.
		expect(parseKnobValue('~')).toBe('~');
		expect(parseKnobValue('')).toBe('');
		expect(parseKnobValue('[1, 2')).toBe('[1, 2');
	});
});

describe('setKnob', () => {
	it('sets a stage field, or a field inside one, leaving the rest of the model as it was', () => {
		const more = edited(setKnob(model, 'in', 'shards', 4));
		expect(more.stages[0]).toMatchObject({id: 'in', shards: 4, partition_key: 'user'});
		expect(more.stages[1]).toBe(model.stages[1]);
		expect(more.source).toBe(model.source);
		expect(model.stages[0]).toMatchObject({shards: 2});
		expect(edited(setKnob(model, 'work', 'service.mean_ms', 9)).stages[1]).toEqual({id: 'work', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 9}});
		expect(edited(setKnob(model, 'work', 'capacity', 3)).stages[1]).toMatchObject({capacity: 3});
		expect(model.stages[1]).toEqual({id: 'work', kind: 'queue', servers: 1, service: {dist: 'exp', mean_ms: 5}});
	});

	it('sets a source field, checked against the source schema and the key rules', () => {
		const faster = edited(setKnob(model, 'source', 'rate_per_s', 20));
		expect(faster.source).toMatchObject({rate_per_s: 20, keys: {user: {kind: 'uniform', cardinality: 5}}});
		expect(faster.stages).toBe(model.stages);
		expect(edited(setKnob(model, 'source', 'keys.user.cardinality', 7)).source.keys).toEqual({user: {kind: 'uniform', cardinality: 7}});
		expect(setKnob(model, 'source', 'rate_per_s', -1)).toEqual({ok: false, problems: ['rate_per_s: rate_per_s must be > 0; got number -1']});
		expect(setKnob(model, 'source', 'keys.c', {kind: 'categorical', shares: {a: 0.5}})).toEqual({ok: false, problems: ['shares must sum to 1; they sum to 0.5']});
	});

	it('says which field is wrong and why, one sentence each', () => {
		expect(setKnob(model, 'in', 'shards', 0)).toEqual({ok: false, problems: ['shards: shards must be >= 1; got number 0']});
		expect(setKnob(model, 'work', 'service.mean_ms', 'x')).toEqual({ok: false, problems: ['service.mean_ms: expected number; got "x"']});
		expect(setKnob(model, 'work', 'label.x', 3)).toEqual({ok: false, problems: ['label: expected string; got a mapping']});
		expect(setKnob(model, 'work', 'speed', 3)).toEqual({ok: false, problems: ['speed: unknown field "speed"; check its spelling and indentation']});
		expect(setKnob(model, 'nope', 'shards', 4)).toEqual({ok: false, problems: ['no stage "nope"; expected source or one of in, work']});
		expect(setKnob(model, 'in', 'partition_key', 'country')).toEqual({ok: false, problems: ['the source has no key "country"; expected one of random, user']});
		// Renaming a stage an injection names breaks the injection.
		expect(setKnob(model, 'work', 'id', 'other')).toEqual({ok: false, problems: ['no stage "work" here; expected one of in, other']});
	});

	it('removes a field when the value is undefined, so its default (or its absence) applies', () => {
		expect(setKnob(model, 'in', 'shards', undefined)).toEqual({ok: false, problems: ['a provisioned stream needs shards (e.g. shards: 10); or set mode: on_demand']});
		const withCapacity = edited(setKnob(model, 'work', 'capacity', 3));
		expect(edited(setKnob(withCapacity, 'work', 'capacity', undefined)).stages[1]).not.toHaveProperty('capacity');
	});
});

describe('replaceStage and checkStages', () => {
	it('replace one stage, checked against the stage schema', () => {
		expect(edited(replaceStage(model, 1, {id: 'work', kind: 'queue', servers: 3, service: {dist: 'const', mean_ms: 1}})).stages).toEqual([model.stages[0], {id: 'work', kind: 'queue', servers: 3, service: {dist: 'const', mean_ms: 1}}]);
		expect(replaceStage(model, 1, 'nope')).toEqual({ok: false, problems: ['expected object; got "nope"']});
	});

	it('refuse a pipeline of no stages', () => {
		expect(checkStages(model, [])).toEqual({ok: false, problems: ['a pipeline needs at least one stage']});
		expect(edited(checkStages(model, [model.stages[1]!])).stages).toEqual([model.stages[1]]);
	});
});
