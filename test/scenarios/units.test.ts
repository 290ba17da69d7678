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

describe('parseRate, every way of writing it', () => {
	test.each([
		[' 500k / min ', 500_000 / 60],
		['.5k/s', 500],
		['12.25/s', 12.25],
		['5 per min', 5 / 60],
		['2g/d', 2e9 / 86_400],
		['3B/day', 3e9 / 86_400],
		['1/ms', 1000],
		['7/sec', 7],
		['7/second', 7],
		['60/minute', 1],
		['3600/hr', 1],
		['3600/hour', 1],
		['86400/d', 1],
		['120/m', 2],
		['.25k/s', 250],
		['5per min', 5 / 60],
	])('%j → %d events/s', (text, expected) => {
		const parsed = parseRate(text);
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(parsed.value).toBeCloseTo(expected, 9);
	});

	test('each refusal says what was wrong, with the flag it came from', () => {
		expect(parseRate('5k/fortnight')).toEqual({ok: false, message: '--load: unknown time unit "/fortnight" in "5k/fortnight"; expected /s, /min or /h'});
		expect(parseRate('0/s')).toEqual({ok: false, message: '--load: the rate must be above 0; got "0/s"'});
		expect(parseRate('5k')).toEqual({ok: false, message: '--load: "5k" has no time unit; write it, for example 5K/min or 5K/s'});
		expect(parseRate('x', '--rate')).toEqual({ok: false, message: '--rate: expected a rate like 500k/min or 8333/s; got "x"'});
		// 400 nines overflow to Infinity, which no simulation can run.
		expect(parseRate(`${'9'.repeat(400)}/s`)).toMatchObject({ok: false, message: expect.stringMatching(/^--load: the rate must be above 0/)});
	});

	test.each(['1.5.2/s', '5/s/s', 'x5/s', '5/s x', '5xper s', '5 perxx min'])('refuses %j as not a rate', (text) => {
		expect(parseRate(text)).toEqual({ok: false, message: `--load: expected a rate like 500k/min or 8333/s; got ${JSON.stringify(text)}`});
	});
});

describe('parseDuration, every way of writing it', () => {
	test.each([
		[' 90s ', 90],
		['.5m', 30],
		['2.5m', 150],
		['500ms', 0.5],
		['10sec', 10],
		['2min', 120],
		['1hr', 3600],
		['1d', 86_400],
		['10 m', 600],
		['1.25m', 75],
		['.25m', 15],
	])('%j → %d s', (text, expected) => {
		expect(parseDuration(text)).toEqual({ok: true, value: expected});
	});

	test('each refusal says what was wrong, with the flag it came from', () => {
		expect(parseDuration('10 parsecs')).toEqual({ok: false, message: '--duration: unknown unit "parsecs" in "10 parsecs"; expected s, m or h (e.g. 90s, 10m, 1h)'});
		expect(parseDuration('soon')).toEqual({ok: false, message: '--duration: expected a duration like 90s, 10m or 1h; got "soon"'});
		expect(parseDuration('0s')).toEqual({ok: false, message: '--duration: the duration must be above 0; got "0s"'});
		expect(parseDuration('10M')).toMatchObject({ok: false, message: expect.stringMatching(/^--duration: expected a duration/)});
		expect(parseDuration('x', '--warmup')).toEqual({ok: false, message: '--warmup: expected a duration like 90s, 10m or 1h; got "x"'});
		expect(parseDuration('9'.repeat(400))).toMatchObject({ok: false, message: expect.stringMatching(/^--duration: the duration must be above 0/)});
	});
});

test('formats rates at the edges of each unit', () => {
	expect(formatRate(1e6 / 60)).toBe('16,667/s (1M/min)');
	expect(formatRate(1e3 / 60)).toBe('17/s (1k/min)');
	expect(formatRate(999 / 60)).toBe('17/s (999/min)');
	expect(formatRate(0.5)).toBe('1/s (30/min)');
	expect(formatRate(12_345.6 / 60)).toBe('206/s (12.3k/min)');
	expect(formatRate(1_234_567 / 60)).toBe('20,576/s (1.23M/min)');
});

test.each([
	[0, '0s'],
	[1.234, '1.23s'],
	[12.34, '12.3s'],
	[59.5, '59.5s'],
	[60, '1m'],
	[125.5, '2m5.5s'],
	[3599, '59m59s'],
	[3600, '1h'],
	[3629, '1h'],
	[3630, '1h1m'],
	[7200, '2h'],
	[86_400, '24h'],
])('formats %d s as %s', (value, expected) => {
	expect(formatDuration(value)).toBe(expected);
});
