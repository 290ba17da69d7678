/** The coding-problem schema as `dojo validate` reports it, and the pieces of the runtime that need no Python. */
import {describe, expect, it} from 'vitest';
import {permissionFlag} from '../../src/coding/runtime.js';
import {codingTemplate} from '../../src/scenarios/coding-schema.js';
import {hasStackTrace, runCli} from '../helpers/run-cli.js';

describe('coding problems in dojo validate', () => {
	it('reports each broken reference at its line with the field path', () => {
		const run = runCli(['validate', 'test/coding/fixtures/broken-coding.yaml']);
		expect(run.status).toBe(2);
		expect(hasStackTrace(run.stderr)).toBe(false);
		expect(run.stderr).toContain('broken-coding.yaml:8:16 coding[0].signature: must start with the function name, as in "add(…)"');
		expect(run.stderr).toMatch(/broken-coding\.yaml:14:\d+ coding\[0\]\.cases\[1\]: give exactly one of `args` or `args_py`/);
		expect(run.stderr).toMatch(/broken-coding\.yaml:26:\d+ coding\[0\]\.known_wrong\[0\]\.fails\[0\]: no case "visble"; expected one of visible, hidden/);
	});

	it('passes the built-in coding.yaml', () => {
		const run = runCli(['validate', 'coding.yaml']);
		expect(run.stderr).toBe('');
		expect(run.stdout).toMatch(/10 coding problems/);
		expect(run.status).toBe(0);
	});
});

describe('the runtime without Python', () => {
	it('picks the permission flag of the running Node: renamed to --permission in 22.13', () => {
		expect(permissionFlag('20.20.2')).toBe('--experimental-permission');
		expect(permissionFlag('22.12.0')).toBe('--experimental-permission');
		expect(permissionFlag('22.13.0')).toBe('--permission');
		expect(permissionFlag('24.1.0')).toBe('--permission');
	});

	it('writes a template that defines the function of the signature', () => {
		expect(codingTemplate({id: 'sessionize', title: 'Sessionize', signature: 'sessionize(events, gap_s)'})).toBe('# Sessionize (dojo code sessionize)\n\n\ndef sessionize(events, gap_s):\n    raise NotImplementedError\n');
	});
});
