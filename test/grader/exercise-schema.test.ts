import {describe, expect, it} from 'vitest';
import {formatFileError, parseYaml} from '../../src/scenarios/load.js';
import {scenarioFileChecks} from '../../src/scenarios/rules.js';
import {ScenarioFileSchema} from '../../src/scenarios/schema.js';
import {knownWrongAnswer} from '../../src/scenarios/exercise-schema.js';

const valid = `version: 1
exercises:
  - id: tiny
    title: Tiny
    scenario: data-modeling
    summary: A tiny exercise.
    kind: query
    task: Count the rows.
    setup_sql: CREATE TABLE t (x INTEGER);
    output:
      - name: answer
        about: one row
        columns: {n: the count}
        grain: [n]
    batches:
      b1: {tables: {t: [[1], [2]]}}
    runs:
      r1: {batches: [b1], about: two rows}
    checks:
      - {id: same, type: reference, title: the count is right}
    solution: SELECT COUNT(*) AS n FROM t;
    known_wrong:
      - {id: off-by-one, why: adds one, fails: same, patch: [{find: COUNT(*), replace: COUNT(*) + 1}]}
      - {id: constant, why: hard-codes it, fails: same, answer: SELECT 2 AS n}
`;

const load = (text: string) => parseYaml(text, 'ex.yaml', ScenarioFileSchema, scenarioFileChecks(new Set(['data-modeling'])));

describe('the exercise schema', () => {
	it('accepts a small valid exercise and applies the defaults', () => {
		const result = load(valid);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const [exercise] = result.value.exercises;
		expect(exercise!.staging).toBe('replace');
		expect(exercise!.limits).toEqual({timeout_ms: 3000, max_rows: 10_000});
		expect(exercise!.conventions.interval).toBe('half_open');
		expect(knownWrongAnswer(exercise!, exercise!.known_wrong[0]!)).toBe('SELECT COUNT(*) + 1 AS n FROM t;');
	});

	it('points at each broken cross-reference with file:line:col, saying what was expected', () => {
		const broken = valid
			.replace('r1: {batches: [b1]', 'r1: {batches: [b9]')
			.replace('fails: same, answer', 'fails: sum, answer')
			.replace('find: COUNT(*),', 'find: COUNT(x),')
			.replace('grain: [n]', 'grain: [m]');
		const result = load(broken);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const lines = result.errors.map(formatFileError);
		expect(lines).toContainEqual(expect.stringMatching(/^ex\.yaml:14:16 exercises\[0\]\.output\[0\]\.grain: "m" is not a column of answer; expected one of n$/));
		expect(lines).toContainEqual(expect.stringMatching(/^ex\.yaml:18:22 exercises\[0\]\.runs\.r1\.batches\[0\]: no batch "b9"; expected one of b1$/));
		expect(lines).toContainEqual(expect.stringMatching(/exercises\[0\]\.known_wrong\[0\]\.patch\[0\]\.find: must occur exactly once in the solution; it occurs 0 times$/));
		expect(lines).toContainEqual(expect.stringMatching(/exercises\[0\]\.known_wrong\[1\]\.fails: no check "sum"; expected one of same$/));
	});

	it('requires two known-wrong answers and a query exercise to play one batch per run', () => {
		const one = valid.replace(/\n {6}- \{id: constant.*\n/, '\n');
		expect(load(one)).toMatchObject({ok: false, errors: [expect.objectContaining({path: 'exercises[0].known_wrong', message: expect.stringMatching(/at least two known-wrong answers/)})]});
		const twoBatches = valid.replace('r1: {batches: [b1]', 'r1: {batches: [b1, b1]');
		expect(load(twoBatches)).toMatchObject({ok: false, errors: [expect.objectContaining({message: 'a query exercise plays one batch per run; got 2'})]});
	});

	it('rejects an exercise naming a scenario that does not exist', () => {
		expect(load(valid.replace('scenario: data-modeling', 'scenario: nowhere'))).toMatchObject({ok: false, errors: [expect.objectContaining({path: 'exercises[0].scenario'})]});
	});
});
