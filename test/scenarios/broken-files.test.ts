/**
The broken fixtures `dojo validate` is tested on (test/commands/validate.test.ts,
which runs dist/), loaded here in process: every line each file gets, exactly,
so the loader, the messages and the rules are checked where Stryker mutates them.
*/
import {describe, expect, it} from 'vitest';
import {validateScenarioFiles} from '../../src/scenarios/catalogue.js';
import {fileKind, loadModelFile} from '../../src/scenarios/file-kind.js';
import {formatFileError} from '../../src/scenarios/load.js';

const broken = 'test/fixtures/broken';
const models = 'test/fixtures/models';

/** The lines `dojo validate FILE` prints for one scenarios file, without the built-in file. */
function scenarioLines(file: string): string[] {
	return validateScenarioFiles([`${broken}/${file}`]).errors.map(formatFileError);
}

/** The lines `dojo validate --model FILE` prints, or ['ok']. */
function modelLines(file: string): string[] {
	const result = loadModelFile(`${models}/${file}`);
	return result.ok ? ['ok'] : result.errors.map(formatFileError);
}

const indentAdvice = '(check the indentation of this line and the next: fields of one mapping line up exactly)';

describe('broken scenario files', () => {
	const cases: Array<[string, string[]]> = [
		['bad-indentation.yaml', [`4:12 YAML syntax: Nested mappings are not allowed in compact mappings ${indentAdvice}`, `4:12 YAML syntax: Implicit keys need to be on a single line ${indentAdvice}`]],
		['card-phase.yaml', ['18:16 scenarios[0].cards[0].phase: a data-modeling round has no phase "scaling"; expected one of modeling, deep-dive']],
		['dangling-reference.yaml', ['28:72 scenarios[0].architectures[0].stages[0].next: stage "ingest" leads to "warehouse", which is not a stage here; expected one of ingest, lake']],
		['duplicate-id.yaml', ['30:13 scenarios[0].architectures[1].id: duplicate architecture id "firehose-s3"; first used at scenarios[0].architectures[0]']],
		['duplicate-key.yaml', ['4:1 YAML syntax: Map keys must be unique (each field may appear once per mapping)']],
		['empty.yaml', ['1:1 the file is empty; expected a YAML mapping (see scenarios.schema.json)']],
		['missing-field.yaml', ['17:9 scenarios[0].questions[0].answer: required field is missing; expected string']],
		['negative-rate.yaml', ['10:23 scenarios[0].workload.events_per_min: events_per_min must be > 0; got number -600000']],
		['not-yaml.yaml', ['3:1 the file contains a NUL byte: it is binary, not YAML text']],
		[
			'rule-input-broken.yaml',
			[
				'31:18 scenarios[0].architectures[0].stages[1].id: expected an id of lower-case letters, digits, "-" or "_", starting with a letter; got "Lake"',
				'36:100 scenarios[0].architectures[1].stages[0].shards: expected number; got "twelve"',
				'41:17 scenarios[0].architectures[2].stages: expected array; got "none"',
			],
		],
		[
			'schema-and-rule.yaml',
			[
				'20:16 scenarios[0].questions[0].phase: expected one of input, transformation, output, other; got "inputs"',
				'32:13 scenarios[0].architectures[1].id: duplicate architecture id "firehose-s3"; first used at scenarios[0].architectures[0]',
			],
		],
		['shares-sum.yaml', ['13:46 scenarios[0].workload.keys.country.shares: shares must sum to 1; they sum to 0.7']],
		['tab-indent.yaml', ['3:1 YAML syntax: a tab is used for indentation; YAML allows only spaces']],
		['top-level-list.yaml', ['1:1 expected a YAML mapping of fields at the top level; got a list']],
		['unknown-field.yaml', ['12:7 scenarios[0].workload.evnts_per_sec: unknown field "evnts_per_sec"; check its spelling and indentation']],
		[
			'unknown-kind.yaml',
			['35:31 scenarios[0].architectures[1].stages[1].kind: expected one of queue, stream, firehose, compute, api, collector, store, cache, warehouse, dashboard; got "lambda_function"'],
		],
		['unknown-partition-key.yaml', ['34:100 scenarios[0].architectures[1].stages[0].partition_key: the source has no key "country"; expected one of random, session_id']],
		['wrong-phase.yaml', ['18:16 scenarios[0].questions[0].phase: expected one of input, transformation, output, other; got "inputs"']],
		['wrong-type.yaml', ['11:20 scenarios[0].workload.event_bytes: expected number; got "four hundred"']],
	];

	it.each(cases)('%s gets exactly its lines', (file, expected) => {
		expect(scenarioLines(file)).toEqual(expected.map((line) => `${broken}/${file}:${line}`));
	});
});

describe('model files', () => {
	const cases: Array<[string, string[]]> = [
		['broken-yaml.yaml', ['6:1 YAML syntax: Flow map in block collection must be sufficiently indented and end with a } (a bracket or quote opened above is never closed)']],
		['leads-nowhere.yaml', ['4:82 stages[0].next: stage "ingest" leads to "warehouse", which is not a stage here; expected one of ingest, lake']],
		['negative-rate.yaml', ['3:15 source.rate_per_s: rate_per_s must be > 0; got number -100']],
		['no-shards.yaml', ['3:5 stages[0]: a provisioned stream needs shards (e.g. shards: 10); or set mode: on_demand']],
		['schema-and-rule.yaml', ['5:35 stages[0].servers: expected number; got "many"', '5:81 stages[0].next: stage "q" leads to "r", which is not a stage here; expected one of q, s']],
		['unknown-kind.yaml', ['5:23 stages[1].kind: expected one of queue, stream, firehose, compute, api, collector, store, cache, warehouse, dashboard; got "lambda_function"']],
		['unreachable.yaml', ['5:10 stages[1].id: stage "orphan" receives no events: the source feeds the first stage and each stage feeds its `next` (or the one listed after it), and none leads here']],
		['zero-servers.yaml', ['6:14 stages[0].servers: servers must be >= 1; got number 0']],
	];

	it.each(cases)('%s gets exactly its lines', (file, expected) => {
		expect(modelLines(file)).toEqual(expected.map((line) => `${models}/${file}:${line}`));
	});

	it('loads the valid ones', () => {
		expect(modelLines('mm1.yaml')).toEqual(['ok']);
		expect(modelLines('clickstream.yaml')).toEqual(['ok']);
	});

	it('are told from scenario files by their top-level fields', () => {
		expect(fileKind(`${models}/mm1.yaml`)).toBe('model');
		expect(fileKind(`${models}/broken-yaml.yaml`)).toBe('model');
		expect(fileKind('test/fixtures/my-scenarios.yaml')).toBe('scenarios');
		expect(fileKind(`${broken}/top-level-list.yaml`)).toBe('scenarios');
		expect(fileKind(`${broken}/empty.yaml`)).toBe('scenarios');
		expect(fileKind('no/such/file.yaml')).toBe('scenarios');
	});
});
