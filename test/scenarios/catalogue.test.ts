/** The built-in catalogue and the files loaded beside it (src/scenarios/catalogue.ts, builtin.ts). */
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {builtinCodingPath, builtinFiles, builtinScenariosPath, compiledExercisesPath, compiledScenariosPath, displayPath, findScenario, loadCatalogue, validateScenarioFiles} from '../../src/scenarios/catalogue.js';
import {roundExercises} from '../../src/scenarios/builtin.js';
import {formatFileError} from '../../src/scenarios/load.js';

const root = resolve('.');

describe('the built-in files', () => {
	it('are scenarios.yaml and coding.yaml beside package.json, compiled into dist/', () => {
		expect(builtinScenariosPath()).toBe(join(root, 'scenarios.yaml'));
		expect(builtinCodingPath()).toBe(join(root, 'coding.yaml'));
		expect(builtinFiles()).toEqual([join(root, 'scenarios.yaml'), join(root, 'coding.yaml')]);
		expect(compiledScenariosPath()).toBe(join(root, 'dist', 'scenarios.json'));
		expect(compiledExercisesPath()).toBe(join(root, 'dist', 'scenarios.exercises.json'));
		expect(compiledScenariosPath(builtinCodingPath())).toBe(join(root, 'dist', 'coding.json'));
		expect(compiledExercisesPath(builtinCodingPath())).toBe(join(root, 'dist', 'coding.exercises.json'));
	});

	it('are shown relative to the working directory when that is shorter', () => {
		expect(displayPath(join(root, 'test', 'fixtures', 'my-scenarios.yaml'))).toBe(join('test', 'fixtures', 'my-scenarios.yaml'));
		expect(displayPath('/')).toBe('/');
		expect(displayPath(root)).toBe(root);
		// Outside the working directory the path stays absolute, even when "../" would be shorter.
		expect(displayPath(join(root, '..', 'sibling', 'x.yaml'))).toBe(join(root, '..', 'sibling', 'x.yaml'));
	});
});

describe('loadCatalogue', () => {
	// Loaded in the first test that asks, not while the file is collected: a throw there must fail a test.
	let loaded: ReturnType<typeof loadCatalogue> | undefined;
	const catalogue = () => (loaded ??= loadCatalogue(['test/fixtures/my-scenarios.yaml']));

	it('holds the built-in scenarios, exercises and coding problems, then the extra file\'s', () => {
		expect(catalogue().files).toEqual([...builtinFiles(), 'test/fixtures/my-scenarios.yaml']);
		expect(catalogue().scenarios.at(-1)!.id).toBe('clickstream');
		expect(catalogue().exercises.length).toBeGreaterThan(0);
		expect(catalogue().coding.length).toBeGreaterThan(0);
	});

	it('finds a scenario by id, or names the ones there are', () => {
		expect(findScenario(catalogue(), 'clickstream').title).toBe('Clickstream to a warehouse');
		const ids = catalogue().scenarios.map((scenario) => scenario.id).join(', ');
		expect(() => findScenario(catalogue(), 'nope')).toThrow(`unknown scenario "nope"; expected one of ${ids} (see \`dojo list\`)`);
	});

	it('gives a data-modeling round its own exercises, a system-design round none', () => {
		const modeling = findScenario(catalogue(), 'data-modeling');
		expect(roundExercises(catalogue(), modeling).map((exercise) => exercise.scenario)).toEqual(catalogue().exercises.filter((exercise) => exercise.scenario === 'data-modeling').map(() => 'data-modeling'));
		expect(roundExercises(catalogue(), modeling).length).toBeGreaterThan(0);
		expect(roundExercises(catalogue(), findScenario(catalogue(), 'clickstream'))).toEqual([]);
	});

	it('throws every problem of every file, each on its line', () => {
		expect(() => loadCatalogue(['test/fixtures/broken/wrong-phase.yaml', 'test/fixtures/broken/negative-rate.yaml'])).toThrow(
			[
				'test/fixtures/broken/wrong-phase.yaml:18:16 scenarios[0].questions[0].phase: expected one of input, transformation, output, other; got "inputs"',
				'test/fixtures/broken/negative-rate.yaml:10:23 scenarios[0].workload.events_per_min: events_per_min must be > 0; got number -600000',
			].join('\n'),
		);
	});
});

describe('validateScenarioFiles', () => {
	it('refuses an id an earlier file already defined, and keeps loading the rest', () => {
		const {catalogue, errors} = validateScenarioFiles(['test/fixtures/my-scenarios.yaml', 'test/fixtures/my-scenarios.yaml', 'test/fixtures/broken/empty.yaml']);
		expect(errors.map(formatFileError)).toEqual([
			'test/fixtures/my-scenarios.yaml:1:1 scenarios[0].id: scenario "clickstream" is already defined by an earlier file; pick another id',
			'test/fixtures/broken/empty.yaml:1:1 the file is empty; expected a YAML mapping (see scenarios.schema.json)',
		]);
		expect(catalogue.scenarios.map((scenario) => scenario.id)).toEqual(['clickstream', 'clickstream']);
		expect(catalogue.exercises).toEqual([]);
		expect(catalogue.coding).toEqual([]);
	});


	it('refuses a coding problem an earlier file already defined', () => {
		const lines = validateScenarioFiles([builtinCodingPath(), builtinCodingPath()]).errors.map((error) => `${error.path}: ${error.message}`);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) expect(line).toMatch(/^coding\[\d+\]\.id: coding problem "[a-z0-9-]+" is already defined by an earlier file; pick another id$/);
	});
});
