import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {scenariosJsonSchema} from '../../src/scenarios/json-schema.js';
import {root} from '../helpers/run-cli.js';

describe('scenarios.schema.json', () => {
	it('is the copy `npm run schema` generates from the zod schema (run it if this fails)', () => {
		const committed = readFileSync(`${root}scenarios.schema.json`, 'utf8');
		expect(committed === scenariosJsonSchema(), 'scenarios.schema.json is stale: run `npm run schema` and commit it').toBe(true);
	});

	it('notices a stale copy: a hand edit no longer matches', () => {
		const committed = readFileSync(`${root}scenarios.schema.json`, 'utf8');
		const edited = committed.replace('"input",', '"inputs",');
		expect(edited).not.toBe(committed);
		expect(edited === scenariosJsonSchema()).toBe(false);
	});

	it('is referenced from the top of scenarios.yaml so editors check the file', () => {
		const first = readFileSync(`${root}scenarios.yaml`, 'utf8').split('\n')[0];
		expect(first).toBe('# yaml-language-server: $schema=./scenarios.schema.json');
	});

	it('describes the phases a question may have', () => {
		const text = scenariosJsonSchema();
		expect(text).toMatch(/"enum": \[\s*"input",\s*"transformation",\s*"output",\s*"other"\s*\]/);
	});
});
