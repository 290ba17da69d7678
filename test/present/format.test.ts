import {describe, expect, test} from 'vitest';
import {bytes, counted, ms, num, pct, reflow, seconds, table, usd, wrapLine} from '../../src/present/format.js';

describe('numbers as people read them', () => {
	test('counted is singular for exactly one and groups thousands', () => {
		expect(counted(1, 'point')).toBe('1 point');
		expect(counted(0, 'point')).toBe('0 points');
		expect(counted(2, 'attempt')).toBe('2 attempts');
		expect(counted(1200, 'replication')).toBe('1,200 replications');
		expect(counted(3, 'query', 'queries')).toBe('3 queries');
		expect(counted(Number.NaN, 'point')).toBe('– points');
	});

	test('num groups thousands, keeps one decimal from 10 and three significant digits below', () => {
		expect(num(8333.3)).toBe('8,333');
		expect(num(999.96)).toBe('1,000');
		expect(num(12.34)).toBe('12.3');
		expect(num(10)).toBe('10');
		expect(num(0.012345)).toBe('0.0123');
		expect(num(-2500)).toBe('-2,500');
		expect(num(Number.NaN)).toBe('–');
		expect(num(null)).toBe('–');
		expect(num(undefined)).toBe('–');
	});

	test('ms moves to the unit a reader expects at each boundary', () => {
		expect(ms(0.25)).toBe('0.25 ms');
		expect(ms(1)).toBe('1 ms');
		expect(ms(999.4)).toBe('999 ms');
		expect(ms(1000)).toBe('1 s');
		expect(ms(1360)).toBe('1.36 s');
		expect(ms(119_999)).toBe('120 s');
		expect(ms(120_000)).toBe('2 min');
		expect(ms(7_199_000)).toBe('120 min');
		expect(ms(7_200_000)).toBe('2 h');
		expect(ms(172_799_000)).toBe('48 h');
		expect(ms(172_800_000)).toBe('2 d');
		expect(ms(Number.POSITIVE_INFINITY)).toBe('–');
		expect(seconds(12.4)).toBe('12.4 s');
		expect(seconds(600)).toBe('10 min');
		expect(seconds(null)).toBe('–');
	});

	test('pct rounds to whole percent, keeps one digit below 1% and says 0% for zero', () => {
		expect(pct(0.404)).toBe('40%');
		expect(pct(1)).toBe('100%');
		expect(pct(0.004)).toBe('0.4%');
		expect(pct(0.0099)).toBe('1%');
		expect(pct(0.01)).toBe('1%');
		expect(pct(0)).toBe('0%');
		expect(pct(-0.004)).toBe('-0.4%');
		expect(pct(Number.NaN)).toBe('–');
	});

	test('bytes use binary units and stop at PiB', () => {
		expect(bytes(512)).toBe('512 B');
		expect(bytes(1023)).toBe('1023 B');
		expect(bytes(1024)).toBe('1 KiB');
		expect(bytes(1536)).toBe('1.5 KiB');
		expect(bytes(5 * 2 ** 20)).toBe('5 MiB');
		expect(bytes(2 ** 60)).toBe('1024 PiB');
		expect(bytes(-2048)).toBe('-2 KiB');
		expect(bytes(Number.NaN)).toBe('–');
		expect(usd(1234.5)).toBe('$1,235');
		expect(usd(0.39)).toBe('$0.39');
		expect(usd(null)).toBe('–');
	});
});

describe('tables and prose', () => {
	test('table pads columns, right-aligns the ones asked for and trims line ends', () => {
		const text = table(
			[
				['stage', 'util'],
				['ingest', '83%'],
				['counters', '4%'],
			],
			new Set([1]),
		);
		expect(text.split('\n')).toEqual(['stage     util', 'ingest     83%', 'counters    4%']);
		expect(table([['a', 'b'], ['long', '']])).toBe('a     b\nlong');
		expect(table([])).toBe('');
		// Widths count characters, not UTF-16 units.
		expect(table([['→x', 'y'], ['ab', 'c']])).toBe('→x  y\nab  c');
	});

	test('reflow joins the YAML line breaks inside a paragraph and keeps paragraphs and list items apart', () => {
		const text = 'We want a dashboard\nof logins.\r\n\r\n- one item\n  continues here\n- two\n3. three';
		expect(reflow(text, 80)).toEqual(['We want a dashboard of logins.', '', '- one item continues here', '- two', '3. three']);
		expect(reflow('aaaa bbbb cccc dddd', 5)).toEqual(['aaaa bbbb', 'cccc dddd']); // never narrower than 10 columns
		expect(reflow('- alpha beta gamma', 10)).toEqual(['- alpha', '  beta', '  gamma']);
		expect(reflow('x', 3)).toEqual(['x']);
	});

	test('wrapLine breaks at spaces, indents continuations and cuts words longer than the width', () => {
		expect(wrapLine('the quick brown fox', 9)).toEqual(['the quick', 'brown fox']);
		expect(wrapLine('the quick brown fox', 10, '  ')).toEqual(['the quick', '  brown', '  fox']);
		expect(wrapLine('aaaaaaaaaaaa bb', 5, ' ')).toEqual(['aaaaa', ' aaaa', ' aaa', ' bb']);
		expect(wrapLine('', 10)).toEqual(['']);
		expect(wrapLine('exactly10!', 10)).toEqual(['exactly10!']);
	});
});
