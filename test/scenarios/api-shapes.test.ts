/**
The API interactions of the built-in scenarios: the notes ask for each call's
parameters and response type, and the round shows them once a style is chosen.
*/
import {describe, expect, test} from 'vitest';
import type {SystemDesignScenario} from '../../src/scenarios/schema.js';
import {builtin} from '../flow/helpers.js';

const interactions = builtin()
	.scenarios.filter((scenario): scenario is SystemDesignScenario => scenario.kind === 'system-design')
	.flatMap((scenario) => scenario.apis.map((api) => ({scenario: scenario.id, api})));

describe('the built-in API interactions', () => {
	test('there are the sixteen of the notes\' four system-design cases', () => {
		expect(interactions.length).toBe(16);
	});

	test.each(interactions.map(({scenario, api}) => [`${scenario}: ${api.between}`, api] as const))('%s says what a call carries and what it returns', (_, api) => {
		expect(api.request?.length ?? 0).toBeGreaterThan(20);
		expect(api.response?.length ?? 0).toBeGreaterThan(20);
	});
});
