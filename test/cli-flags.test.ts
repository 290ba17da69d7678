import {describe, expect, it} from 'vitest';
import {formatHelp, parseFlags, type FlagSpec} from '../src/cli-flags.js';
import {UsageError} from '../src/errors.js';

const spec: FlagSpec = {
	seed: {type: 'string'},
	arch: {type: 'string', isMultiple: true},
	json: {type: 'boolean', default: false},
	timer: {type: 'boolean', default: true},
	mode: {type: 'string', default: 'candidate'},
};

function refusal(argv: string[]): string {
	try {
		parseFlags(argv, spec, 'sim');
	} catch (error) {
		expect(error).toBeInstanceOf(UsageError);
		return (error as UsageError).lines.join('\n');
	}
	throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parseFlags', () => {
	it('reads values given with a space or =, repeats of a repeatable flag, and fills in defaults', () => {
		expect(parseFlags(['login-counter', '--seed', '5', '--arch', 'a', '--arch=b'], spec)).toEqual({input: ['login-counter'], flags: {seed: '5', arch: ['a', 'b'], json: false, timer: true, mode: 'candidate'}});
		expect(parseFlags([], spec).flags).toEqual({arch: [], json: false, timer: true, mode: 'candidate'});
	});

	it('turns an on/off flag off with --no-X, =false or a following false', () => {
		expect(parseFlags(['x', '--no-timer'], spec).flags['timer']).toBe(false);
		expect(parseFlags(['x', '--json=true'], spec).flags['json']).toBe(true);
		expect(parseFlags(['x', '--timer', 'false'], spec)).toMatchObject({input: ['x'], flags: {timer: false}});
		expect(parseFlags(['x', '--json', 'y'], spec)).toMatchObject({input: ['x', 'y'], flags: {json: true}});
	});

	it('keeps what follows -- and a negative number as arguments, and takes a negative value for a text flag', () => {
		expect(parseFlags(['x', '--', '--json', 'z'], spec)).toMatchObject({input: ['x', '--json', 'z'], flags: {json: false}});
		expect(parseFlags(['-5', 'x'], spec).input).toEqual(['-5', 'x']);
		expect(parseFlags(['x', '--seed', '-5'], spec).flags['seed']).toBe('-5');
	});

	it('must fail: a single flag given twice names both values (it was an internal error, exit 70)', () => {
		expect(refusal(['x', '--seed', '1', '--seed', '2'])).toBe('--seed is given twice ("1" and "2"); give it once\nsee `dojo sim --help`');
	});

	it('must fail: an unknown flag names the nearest known one', () => {
		expect(refusal(['x', '--sed', '1'])).toContain('unknown flag --sed (did you mean --seed?)');
		expect(refusal(['x', '-q'])).toContain('unknown flag -q');
	});

	it('must fail: a text flag without its value, with a flag where its value should be, or negated', () => {
		expect(refusal(['x', '--seed'])).toContain('--seed needs a value');
		expect(refusal(['x', '--seed', '--json'])).toContain('--seed needs a value');
		expect(refusal(['x', '--no-seed'])).toContain('--seed takes a value');
	});

	it('must fail: an on/off flag given another value', () => {
		expect(refusal(['x', '--json=yes'])).toContain('--json is on or off');
	});
});

describe('formatHelp', () => {
	it('drops the blank lines around the text and indents it two spaces past its own least indent, leaving blank lines empty', () => {
		expect(formatHelp('\n    Usage\n      $ dojo x\n\n    Options\n')).toBe('\n  Usage\n    $ dojo x\n\n  Options\n');
	});
});
