import {describe, expect, it, test} from 'vitest';
import {estimateSpecs, gradeEstimate, readEstimate, type EstimateSpec} from '../../src/flow/estimate.js';
import {num} from '../../src/present/format.js';
import {builtin} from './helpers.js';

/** login-counter's workload: 500k logins/min of 200 B, peaks at 2x, kept 24 h. */
const loginCounter = {events_per_min: 500_000, event_bytes: 200, peak_multiplier: 2, keys: {}, retention_h: 24, slo: {}};
const specs = estimateSpecs(loginCounter);
const spec = (id: string) => specs.find((candidate) => candidate.id === id)!;

describe('expected figures come from the workload', () => {
	test('login-counter: 8,333/s, 16,667/s at peak, 3.33 MB/s, 144 GB a day, 17 shards', () => {
		expect(spec('events_per_s').expected).toBeCloseTo(8333.33, 1);
		expect(spec('peak_events_per_s').expected).toBeCloseTo(16_666.67, 1);
		// 16,667/s × 200 B = 3.33 MB/s
		expect(spec('mb_per_s').expected).toBeCloseTo(3.333, 3);
		// 8,333/s × 200 B × 86,400 s = 144 GB
		expect(spec('storage_gb').expected).toBeCloseTo(144, 6);
		// records decide: ⌈16,667 / 1,000⌉ = 17 against ⌈3.33 MB/s / 1 MiB/s⌉ = 4
		expect(spec('shards').expected).toBe(17);
		expect(spec('shards').formula).toContain('= 17 shards');
		expect(spec('events_per_s').formula).toBe('500,000 events/min ÷ 60 = 8,333 events/s');
	});

	test('bytes decide the shards when events are big', () => {
		// 600 events/s × 5,000 B = 3 MB/s → 3 shards by bytes, 1 by records
		const big = estimateSpecs({...loginCounter, events_per_min: 36_000, event_bytes: 5000, peak_multiplier: 1});
		expect(big.find((candidate) => candidate.id === 'shards')!.expected).toBe(3);
	});

	test('a tiny load still needs one shard', () => {
		expect(estimateSpecs({...loginCounter, events_per_min: 60, peak_multiplier: 1}).find((candidate) => candidate.id === 'shards')!.expected).toBe(1);
	});
});

describe('reading what a candidate types', () => {
	const rate = {unit: 'events/s'} satisfies Pick<EstimateSpec, 'unit'>;
	const bandwidth = {unit: 'MB/s'} satisfies Pick<EstimateSpec, 'unit'>;
	const storage = {unit: 'GB'} satisfies Pick<EstimateSpec, 'unit'>;
	const count = {unit: 'shards'} satisfies Pick<EstimateSpec, 'unit'>;

	test.each([
		['8333', 8333],
		['8,333', 8333],
		['8.3k', 8300],
		['8.3K/s', 8300],
		['~8k', 8000],
		['about 8000 events/s', 8000],
		['500k/min', 500_000 / 60],
		['500k per minute', 500_000 / 60],
		['30M/h', 30e6 / 3600],
		['8333 rps', 8333],
		['1.5e4', 15_000],
		['1_000', 1000],
	])('rate %s', (text, expected) => {
		expect(readEstimate(rate, text)).toBeCloseTo(expected, 6);
	});

	test.each([
		['3.3', 3.3],
		['3.3 MB/s', 3.3],
		['3300 KB/s', 3.3],
		['3300kb', 3.3],
		['26.7 Mbps', 26.7 / 8],
		['0.0033 GB/s', 3.3],
		['3.18 MiB/s', (3.18 * 1024 * 1024) / 1e6],
	])('bandwidth %s', (text, expected) => {
		expect(readEstimate(bandwidth, text)).toBeCloseTo(expected, 6);
	});

	test.each([
		['144', 144],
		['144 GB', 144],
		['0.144 TB', 144],
		['1.2tb', 1200],
		['144000 MB', 144],
		['1 PB', 1e6],
	])('storage %s', (text, expected) => {
		expect(readEstimate(storage, text)).toBeCloseTo(expected, 6);
	});

	test('counts take a bare number or the unit word', () => {
		expect(readEstimate(count, '17')).toBe(17);
		expect(readEstimate(count, '17 shards')).toBe(17);
		expect(readEstimate(count, '12 partitions')).toBe(12);
	});

	test.each([
		[rate, 'lots'],
		[rate, ''],
		[rate, '8k/fortnight'],
		[rate, '8 MB/s'],
		[bandwidth, '3 apples'],
		[bandwidth, '3 ib'],
		[storage, '144 GB/day/week'],
		[count, '17 nodes'],
		[count, 'seventeen'],
	])('%o refuses %s', (which, text) => {
		expect(readEstimate(which, text)).toBeUndefined();
	});
});

describe('grading', () => {
	const shards = spec('shards');
	const mean = spec('events_per_s');

	test('within 25% is right, within 2x is close for half credit', () => {
		expect(gradeEstimate(mean, '8333')).toMatchObject({verdict: 'right', credit: 1});
		expect(gradeEstimate(mean, '10k')).toMatchObject({verdict: 'right', credit: 1}); // 1.2x
		expect(gradeEstimate(mean, '6.7k')).toMatchObject({verdict: 'right'}); // 0.80x
		expect(gradeEstimate(mean, '6.6k')).toMatchObject({verdict: 'close', credit: 0.5}); // 0.79x
		expect(gradeEstimate(mean, '16.6k')).toMatchObject({verdict: 'close'}); // 1.99x
		expect(gradeEstimate(mean, '17k')).toMatchObject({verdict: 'off', credit: 0}); // 2.04x
	});

	test('an order-of-magnitude error is called out, both ways', () => {
		const high = gradeEstimate(mean, '500k'); // per minute read as per second: 60x
		expect(high.verdict).toBe('order-of-magnitude');
		expect(high.says).toContain('too high');
		expect(high.says).toContain('check the units');
		expect(gradeEstimate(mean, '833')).toMatchObject({verdict: 'order-of-magnitude'}); // 0.1x exactly
		expect(gradeEstimate(mean, '834')).toMatchObject({verdict: 'off'});
		expect(gradeEstimate(mean, '833').says).toContain('too low');
	});

	test('missing, unreadable and non-positive figures get no credit and say why', () => {
		expect(gradeEstimate(shards, undefined)).toMatchObject({verdict: 'missing', credit: 0, value: null});
		expect(gradeEstimate(shards, '   ')).toMatchObject({verdict: 'missing'});
		const unreadable = gradeEstimate(shards, 'a few');
		expect(unreadable).toMatchObject({verdict: 'unreadable', credit: 0});
		expect(unreadable.says).toContain('could not read "a few"');
		expect(gradeEstimate(shards, '0')).toMatchObject({verdict: 'off', credit: 0});
	});

	test('shards: 17 is right, 4 (sized by bytes alone) is off', () => {
		expect(gradeEstimate(shards, '17').verdict).toBe('right');
		expect(gradeEstimate(shards, '20').verdict).toBe('right');
		expect(gradeEstimate(shards, '4').verdict).toBe('off');
	});
});

describe('estimate hints', () => {
	it("show formats with numbers that are no built-in scenario's answer", () => {
		for (const scenario of builtin().scenarios) {
			if (scenario.kind !== 'system-design') continue;
			for (const spec of estimateSpecs(scenario.workload)) {
				const forms = [num(spec.expected), String(Math.round(spec.expected)), `${Number((spec.expected / 1000).toPrecision(2))}k`, `${Number((spec.expected / 1000).toPrecision(3))}k`];
				for (const form of forms) expect(spec.hint.split(/[\s,]+/), `${scenario.id} ${spec.id}`).not.toContain(form);
			}
		}
	});
});
