import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {formatFileError, loadYamlFile, parseYaml, pathToString} from '../../src/scenarios/load.js';
import {ModelSchema} from '../../src/scenarios/model-schema.js';
import {modelChecks, scenarioFileChecks} from '../../src/scenarios/rules.js';
import {ScenarioFileSchema} from '../../src/scenarios/schema.js';

const lines = (result: ReturnType<typeof parseYaml>) => (result.ok ? [] : result.errors.map(formatFileError));

describe('parseYaml: schema and rules in one pass', () => {
	const Schema = z.strictObject({name: z.string(), items: z.array(z.strictObject({id: z.string(), size: z.number()}))});
	const unique = (value: z.output<typeof Schema>) =>
		value.items.flatMap((item, index) => (value.items.findIndex((other) => other.id === item.id) < index ? [{path: ['items', index, 'id'], message: `duplicate id "${item.id}"`}] : []));

	it('runs the rules over the parts that parsed when the schema fails elsewhere', () => {
		const text = 'name: 7\nitems:\n  - {id: a, size: 1}\n  - {id: a, size: 2}\n';
		expect(lines(parseYaml(text, 'f.yaml', Schema, [unique]))).toEqual(['f.yaml:1:7 name: expected string; got number 7', 'f.yaml:4:10 items[1].id: duplicate id "a"']);
	});

	it('keeps the parsed fields of a broken item, so its id still counts', () => {
		const text = 'name: x\nitems:\n  - {id: a, size: 1}\n  - {id: a, size: big}\n';
		expect(lines(parseYaml(text, 'f.yaml', Schema, [unique]))).toEqual(['f.yaml:4:10 items[1].id: duplicate id "a"', 'f.yaml:4:19 items[1].size: expected number; got "big"']);
	});

	it('skips a rule that throws on a broken part, and still reports the schema error', () => {
		const throws = () => {
			throw new TypeError('cannot read the broken part');
		};
		const result = parseYaml('name: x\nitems: nine\n', 'f.yaml', Schema, [throws, unique]);
		expect(lines(result)).toEqual(['f.yaml:2:8 items: expected array; got "nine"']);
	});

	it('drops a rule problem on a field the schema already rejected', () => {
		const sizeRule = (value: z.output<typeof Schema>) => value.items.flatMap((item, index) => (item.size === undefined ? [{path: ['items', index, 'size'], message: 'no size'}] : []));
		expect(lines(parseYaml('name: x\nitems:\n  - {id: a, size: big}\n', 'f.yaml', Schema, [sizeRule]))).toEqual(['f.yaml:3:19 items[0].size: expected number; got "big"']);
	});

	it('runs the rules unguarded on a valid file: a rule that throws there is a bug and surfaces', () => {
		const throws = () => {
			throw new TypeError('rule bug');
		};
		expect(() => parseYaml('name: x\nitems: []\n', 'f.yaml', Schema, [throws])).toThrow('rule bug');
	});
});

describe('scenario and model rules over a partly broken file', () => {
	const stream = (extra: string) => `{id: ingest, kind: stream, component: kinesis_data_streams, shards: 2, partition_key: user_id${extra}}`;

	it('does not call a partition key unknown when the source keys are broken, and still follows next links', () => {
		const text = `source: {rate_per_s: 10, keys: lots}\nstages:\n  - ${stream(', next: nowhere')}\n  - {id: lake, kind: store, component: s3}\n`;
		const errors = lines(parseYaml(text, 'm.yaml', ModelSchema, modelChecks));
		expect(errors).toHaveLength(2);
		expect(errors[0]).toMatch(/source\.keys: expected record; got "lots"|source\.keys: expected object/);
		expect(errors[1]).toMatch(/stages\[0\]\.next: stage "ingest" leads to "nowhere"/);
	});

	it('does not call an injection stage unknown when a stage id is broken, but finds a loop elsewhere in one pass', () => {
		const text = ['source: {rate_per_s: 10}', 'stages:', '  - {id: Q, kind: queue, servers: 1, service: {dist: exp, mean_ms: 5}}', 'injections:', '  - {kind: lose_node, stage: q, at_s: 1}', '  - {kind: load_multiplier, at_s: 1}', ''].join('\n');
		const errors = lines(parseYaml(text, 'm.yaml', ModelSchema, modelChecks));
		expect(errors.some((line) => line.includes('stages[0].id: expected an id'))).toBe(true);
		expect(errors.some((line) => line.includes('no stage "q"'))).toBe(false);
		expect(errors.some((line) => line.includes('injections[1]: a load_multiplier injection needs factor'))).toBe(true);
	});

	it('finds a duplicate scenario id beside a broken scenario', () => {
		const scenario = (id: string, phase: string) =>
			`  - {id: ${id}, title: T, kind: data-modeling, summary: S, prompt: P, questions: [{id: q, phase: ${phase}, topic: source, ask: A, keywords: [k], answer: X}]}`;
		const text = ['version: 1', 'scenarios:', scenario('one', 'input'), scenario('one', 'inputs'), ''].join('\n');
		const errors = lines(parseYaml(text, 's.yaml', ScenarioFileSchema, scenarioFileChecks()));
		expect(errors).toHaveLength(2);
		expect(errors.some((line) => /scenarios\[1\]\.questions\[0\]\.phase: expected one of/.test(line))).toBe(true);
		expect(errors.some((line) => /scenarios\[1\]\.id: duplicate scenario id "one"/.test(line))).toBe(true);
	});
});

describe('scheduled batch steps in a model file', () => {
	const model = (reconcile: string, extra = '') =>
		[
			'source: {rate_per_s: 10}',
			'slo: {ready_by: "06:00"}',
			'stages:',
			`  - {id: extract, kind: compute, component: glue, trigger_s: 86400, start_at: "02:00"${extra}}`,
			'  - {id: raw, kind: store, component: s3}',
			`  - {id: reconcile, kind: compute, component: worker_pool, ${reconcile}}`,
			'',
		].join('\n');

	it('accepts a step chained after an earlier compute step, and a deadline as HH:MM', () => {
		expect(lines(parseYaml(model('after: extract'), 'm.yaml', ModelSchema, modelChecks))).toEqual([]);
	});

	it('rejects after naming a stage that is not an earlier compute step, listing the ones that are', () => {
		expect(lines(parseYaml(model('after: raw'), 'm.yaml', ModelSchema, modelChecks))).toEqual([
			'm.yaml:6:67 stages[2].after: after names "raw", which is not a compute step before "reconcile" on its path; expected one of extract',
		]);
	});

	it('rejects a time of day that is not HH:MM', () => {
		expect(lines(parseYaml(model('after: extract').replace('start_at: "02:00"', 'start_at: "2am"'), 'm.yaml', ModelSchema, modelChecks))[0]).toMatch(/stages\[0\]\.start_at: expected a time of day as HH:MM \(00:00–23:59\), e.g\. "02:00"/);
	});
});

describe('source feeds in a model file', () => {
	const model = (second: string) => ['source:', '  rate_per_s: 10', '  feeds:', '    - {id: api, share: 0.6, every_s: 3600}', `    - ${second}`, 'stages:', '  - {id: land, kind: store, component: s3}', ''].join('\n');

	it('accepts feeds whose shares leave some events streaming', () => {
		expect(lines(parseYaml(model('{id: files, share: 0.3, every_s: 86400, at: "02:00"}'), 'm.yaml', ModelSchema, modelChecks))).toEqual([]);
	});

	it('rejects a feed that enters a stage not in the model', () => {
		expect(lines(parseYaml(model('{id: files, share: 0.1, every_s: 86400, enters: lake}'), 'm.yaml', ModelSchema, modelChecks))).toEqual([
			'm.yaml:5:55 source.feeds[1].enters: no stage "lake" here; expected one of land',
		]);
	});

	it('rejects a pull whose quota is not listed', () => {
		expect(lines(parseYaml(model('{id: ads, share: 0.1, every_s: 3600, quota: {id: gads, requests: 160}}'), 'm.yaml', ModelSchema, modelChecks))).toEqual([
			'm.yaml:5:56 source.feeds[1].quota.id: no quota "gads"; expected one of the quotas listed beside the feeds (there are none)',
		]);
	});

	it('rejects shares that leave nothing streaming, and a feed id used twice', () => {
		expect(lines(parseYaml(model('{id: api, share: 0.4, every_s: 86400}'), 'm.yaml', ModelSchema, modelChecks))).toEqual([
			"m.yaml:4:5 source.feeds: the feeds' shares sum to 1; they must sum to less than 1 (the rest of the events stream in as they happen)",
			'm.yaml:5:12 source.feeds[1].id: duplicate feed id "api"; first used at source.feeds[0]',
		]);
	});
});

describe('parseYaml: what each broken file is told, and where', () => {
	const Shape = z.strictObject({a: z.number().optional(), b: z.array(z.strictObject({c: z.number()})).optional(), d: z.strictObject({e: z.string()}).optional()});
	const told = (text: string, checks: Array<() => Array<{path: Array<string | number>; message: string}>> = []) => lines(parseYaml(text, 'f.yaml', Shape, checks));
	const indentAdvice = '(check the indentation of this line and the next: fields of one mapping line up exactly)';

	it('YAML syntax, with advice where it helps', () => {
		expect(told('a: 1\nb:\n  - {c: 1}\n c: 2\n')).toEqual([`f.yaml:4:1 YAML syntax: All mapping items must start at the same column ${indentAdvice}`]);
		expect(told('a: 1\n- b\n')).toEqual([
			`f.yaml:2:1 YAML syntax: Implicit keys need to be on a single line ${indentAdvice}`,
			`f.yaml:2:1 YAML syntax: Unexpected block-seq-ind on same line with key ${indentAdvice}`,
			`f.yaml:2:1 YAML syntax: Implicit map keys need to be followed by map values ${indentAdvice}`,
		]);
		expect(told('a: "x\n  y": 3\n')).toEqual([`f.yaml:1:4 YAML syntax: Nested mappings are not allowed in compact mappings ${indentAdvice}`, `f.yaml:1:4 YAML syntax: Implicit keys need to be on a single line ${indentAdvice}`]);
		expect(told('a: "\\q"\n')).toEqual(['f.yaml:1:5 YAML syntax: Invalid escape sequence \\q']);
		expect(told('---\na: 1\n---\nb: 2\n')).toEqual(['f.yaml:3:1 YAML syntax: Source contains multiple documents; please use YAML.parseAllDocuments()']);
	});

	it('an unclosed quote or bracket, where the file ends, without indentation advice', () => {
		expect(told("a: 'x\n")).toEqual(["f.yaml:2:1 YAML syntax: Missing closing 'quote (a bracket or quote opened above is never closed)"]);
		expect(told('a: [1, 2\nb: 3\n')).toEqual(['f.yaml:2:1 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] (a bracket or quote opened above is never closed)']);
	});

	it('a file of nothing, of comments, or with a NUL byte', () => {
		const empty = 'f.yaml:1:1 the file is empty; expected a YAML mapping (see scenarios.schema.json)';
		expect(told('')).toEqual([empty]);
		expect(told('# only\n\n   # more\n')).toEqual([empty]);
		expect(told('a: 1\0\n')).toEqual(['f.yaml:1:5 the file contains a NUL byte: it is binary, not YAML text']);
		expect(told(`${'# a comment line\n'.repeat(200)}a: 1\n`)).toEqual([]);
	});

	it('a top level that is not a mapping, named by what it is', () => {
		const top = (got: string) => [`f.yaml:1:1 expected a YAML mapping of fields at the top level; got ${got}`];
		expect(told('5\n')).toEqual(top('number 5'));
		expect(told('~\n')).toEqual(top('nothing'));
		expect(told('true\n')).toEqual(top('boolean true'));
		expect(told(`"${'x'.repeat(60)}"\n`)).toEqual(top(`string "${'x'.repeat(39)}`));
		expect(told('\n\n  a: x\n')).toEqual(['f.yaml:3:6 a: expected number; got "x"']);
		expect(told('# header\n\n5\n')).toEqual(['f.yaml:3:1 expected a YAML mapping of fields at the top level; got number 5']);
	});

	it('each schema error at the value, a missing field at its mapping, an unknown field at its key', () => {
		expect(told('a: x\nb: [{c: 1}, {c: y}]\nd: {e: 1}\n')).toEqual(['f.yaml:1:4 a: expected number; got "x"', 'f.yaml:2:17 b[1].c: expected number; got "y"', 'f.yaml:3:8 d.e: expected string; got number 1']);
		expect(told('b: [{c: 1}]\nd: {}\n')).toEqual(['f.yaml:2:4 d.e: required field is missing; expected string']);
		expect(told('b: [{c: 1}, {c: 2, z: 3}]\n')).toEqual(['f.yaml:1:20 b[1].z: unknown field "z"; check its spelling and indentation']);
		expect(told('d: {e: x, f: 1}\n')).toEqual(['f.yaml:1:11 d.f: unknown field "f"; check its spelling and indentation']);
		expect(told('b: [7]\n')).toEqual(['f.yaml:1:5 b[0]: expected object; got number 7']);
		expect(told('a: 1\nd: 3\n')).toEqual(['f.yaml:2:4 d: expected object; got number 3']);
	});

	it('rule problems at the deepest node that is there, sorted by line and column', () => {
		const rule = () => [
			{path: ['b', 5, 'c'], message: 'rule far'},
			{path: ['d', 'e'], message: 'rule d.e'},
			{path: ['a'], message: 'rule a'},
			{path: ['zz', 'y'], message: 'rule zz'},
			{path: [], message: 'rule root'},
		];
		expect(told('d: {e: x}\nb: [{c: 1}]\na: 1\n', [rule])).toEqual(['f.yaml:1:1 zz.y: rule zz', 'f.yaml:1:1 rule root', 'f.yaml:1:8 d.e: rule d.e', 'f.yaml:2:4 b[5].c: rule far', 'f.yaml:3:4 a: rule a']);
		expect(told('{a: 1, b: [{c: 1}], d: {e: q}}\n', [() => [{path: ['d', 'e'], message: 'de'}, {path: ['b', 0, 'c'], message: 'bc'}, {path: ['a'], message: 'a'}]])).toEqual([
			'f.yaml:1:5 a: a',
			'f.yaml:1:16 b[0].c: bc',
			'f.yaml:1:28 d.e: de',
		]);
	});

	it('a rule problem on the whole file points where its mapping starts, one below a scalar at the scalar', () => {
		expect(told('# header\n\n  a: 1\n', [() => [{path: [], message: 'whole'}]])).toEqual(['f.yaml:3:3 whole']);
		expect(told('a: 1\nd: {e: x}\n', [() => [{path: ['a', 0], message: 'below a'}, {path: ['d', 'e', 'f'], message: 'below e'}]])).toEqual(['f.yaml:1:4 a[0]: below a', 'f.yaml:2:8 d.e.f: below e']);
	});

	it('schema and rule problems of one broken file in line order, a rule on the broken item left out', () => {
		expect(told('d: {e: x}\nb: [{c: x}]\na: 1\n', [() => [{path: ['a'], message: 'rule a'}, {path: ['d', 'e'], message: 'rule d.e'}]])).toEqual([
			'f.yaml:1:8 d.e: rule d.e',
			'f.yaml:2:9 b[0].c: expected number; got "x"',
			'f.yaml:3:4 a: rule a',
		]);
		expect(told('b: [{c: x}, {c: 1}]\n', [() => [{path: ['b', 1, 'c'], message: 'r1'}, {path: ['b', 0], message: 'r0'}, {path: ['b'], message: 'rb'}]])).toEqual([
			'f.yaml:1:9 b[0].c: expected number; got "x"',
			'f.yaml:1:17 b[1].c: r1',
		]);
	});
});

describe('loadYamlFile', () => {
	const Shape = z.strictObject({a: z.number()});

	it('loads a valid file, with or without rules', () => {
		expect(loadYamlFile('test/fixtures/models/mm1.yaml', z.record(z.string(), z.unknown()))).toMatchObject({ok: true, value: {stages: [expect.objectContaining({id: expect.any(String)})]}});
		expect(parseYaml('a: 1\n', 'f.yaml', Shape)).toEqual({ok: true, value: {a: 1}});
	});

	it('reports a directory or a missing file at 1:1 instead of throwing', () => {
		expect(loadYamlFile('test', Shape)).toEqual({ok: false, errors: [{file: 'test', line: 1, col: 1, path: '', message: 'is a directory; expected a YAML file'}]});
		expect(loadYamlFile('no/such.yaml', Shape)).toEqual({ok: false, errors: [{file: 'no/such.yaml', line: 1, col: 1, path: '', message: 'no such file'}]});
		const underFile = 'test/fixtures/models/mm1.yaml/inner.yaml';
		expect(loadYamlFile(underFile, Shape)).toEqual({ok: false, errors: [{file: underFile, line: 1, col: 1, path: '', message: 'cannot read it (ENOTDIR)'}]});
	});
});

it('pathToString writes keys with dots and indexes in brackets', () => {
	expect(pathToString(['a', 0, 'b', 1, 2, 'c'])).toBe('a[0].b[1][2].c');
	expect(pathToString([0, 'a'])).toBe('[0].a');
	expect(pathToString([])).toBe('');
});

describe('parseYaml: aliases it cannot resolve are file errors, not crashes', () => {
	const Any = z.record(z.string(), z.unknown());
	it('names an alias whose anchor is not set before it, at the alias', () => {
		expect(lines(parseYaml('a: &x 1\nb: *y\n', 'f.yaml', Any))).toEqual(['f.yaml:2:4 YAML alias *y names no anchor set before it; define &y earlier in the file, or write the value out']);
		// Set after its use is still unset where it is used.
		expect(lines(parseYaml('b: *x\na: &x 1\n', 'f.yaml', Any))).toEqual(['f.yaml:1:4 YAML alias *x names no anchor set before it; define &x earlier in the file, or write the value out']);
	});

	it('refuses aliases that multiply into a huge document (an alias bomb), at the first alias', () => {
		const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({length: 8}, (_, i) => `a${i + 1}: &a${i + 1} [${Array.from({length: 10}, () => `*a${i}`).join(', ')}]`)].join('\n');
		expect(lines(parseYaml(bomb, 'f.yaml', Any))).toEqual(['f.yaml:2:10 YAML aliases expand to too many values (over 100 alias uses); write the values out instead of nesting aliases']);
	});

	it('still resolves an alias to an anchor set before it', () => {
		expect(parseYaml('a: &x {n: 1}\nb: *x\n', 'f.yaml', Any)).toEqual({ok: true, value: {a: {n: 1}, b: {n: 1}}});
	});
});
