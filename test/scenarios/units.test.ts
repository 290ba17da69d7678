/** Loads and durations as people write them, and the errors for what they should not write. */
import {describe, expect, test} from 'vitest';
import {formatDuration, formatRate, parseDuration, parseRate} from '../../src/scenarios/units.js';

describe('parseRate', () => {
	test.each([
		['500k/min', 500_000 / 60],
		['5M/min', 5_000_000 / 60],
		['5m/min', 5_000_000 / 60],
		['8333/s', 8333],
		['1.2k/s', 1200],
		['30M/h', 30_000_000 / 3600],
		['100', 100],
		['2k per second', 2000],
	])('%s → %d events/s', (text, expected) => {
		const parsed = parseRate(text);
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(parsed.value).toBeCloseTo(expected, 6);
	});

	test('"fast", and a multiplier without a time unit ("5m": a million or a minute?), are refused with the flag and an example; time units are case-insensitive', () => {
		expect(parseRate('5m')).toEqual({ok: false, message: '--load: "5m" has no time unit; write it, for example 5M/min or 5M/s'});
		expect(parseRate('5M')).toMatchObject({ok: false});
		expect(parseRate('83k')).toMatchObject({ok: false});
		expect(parseRate('8333')).toEqual({ok: true, value: 8333});
		expect(parseRate('5M/MIN')).toEqual({ok: true, value: 5_000_000 / 60});
		expect(parseRate('fast')).toEqual({ok: false, message: '--load: expected a rate like 500k/min or 8333/s; got "fast"'});
	});

	test.each(['-5/s', '0/s', '5k/fortnight', '', '5 k k/s'])('refuses %j', (text) => {
		expect(parseRate(text).ok).toBe(false);
	});
});

describe('parseDuration', () => {
	test.each([
		['90s', 90],
		['10m', 600],
		['1h', 3600],
		['1.5h', 5400],
		['45', 45],
	])('%s → %d s', (text, expected) => {
		expect(parseDuration(text)).toEqual({ok: true, value: expected});
	});

	test.each(['soon', '-1m', '0s', '10 parsecs'])('refuses %j naming the flag', (text) => {
		const parsed = parseDuration(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.message).toMatch(/^--duration: /);
	});
});

test('formats rates and durations back the way people say them', () => {
	expect(formatRate(500_000 / 60)).toBe('8,333/s (500k/min)');
	expect(formatRate(5_000_000 / 60)).toBe('83,333/s (5M/min)');
	expect(formatDuration(600)).toBe('10m');
	expect(formatDuration(90)).toBe('1m30s');
	expect(formatDuration(5400)).toBe('1h30m');
});
