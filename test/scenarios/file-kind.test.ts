/** How `dojo validate` tells a model file from a scenarios file: by the fields at its top level. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {fileKind} from '../../src/scenarios/file-kind.js';

const dir = mkdtempSync(join(tmpdir(), 'dojo-file-kind-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let written = 0;
/** The kind of a file with this text. */
function kindOf(text: string): 'model' | 'scenarios' {
	const file = join(dir, `f${written++}.yaml`);
	writeFileSync(file, text);
	return fileKind(file);
}

describe('fileKind', () => {
	it('a file with source or stages, and none of the scenarios-file fields, is a model', () => {
		expect(kindOf('source: {rate_per_s: 1}\n')).toBe('model');
		expect(kindOf('stages: []\nslo: {}\n')).toBe('model');
	});

	it('any scenarios-file field makes it a scenarios file, even beside model fields', () => {
		expect(kindOf('version: 1\nsource: {rate_per_s: 1}\nstages: []\n')).toBe('scenarios');
		expect(kindOf('scenarios: []\nsource: {}\n')).toBe('scenarios');
		expect(kindOf('exercises: []\nstages: []\n')).toBe('scenarios');
		expect(kindOf('coding: []\nsource: {}\n')).toBe('scenarios');
	});

	it('anything else is left to the scenarios loader, which says what is wrong', () => {
		expect(kindOf('other: 1\n')).toBe('scenarios');
		expect(kindOf('- source\n')).toBe('scenarios');
		expect(kindOf('')).toBe('scenarios');
		expect(fileKind(join(dir, 'missing.yaml'))).toBe('scenarios');
	});
});
