/**
Back-of-envelope estimates: the figures a candidate works out before designing
(events per second at the mean and at the daily peak, bandwidth, storage for
the retention window, shards), derived from the scenario's workload by code,
never copied into the YAML, and graded with a tolerance.

A figure within 25% is right; within 2x is close (half credit); ten times too
big or too small is called out as an order-of-magnitude error, the mistake
interviewers care about most.
*/
import {num} from '../present/format.js';
import type {Workload} from '../scenarios/schema.js';

/** The id of an estimate. */
export type EstimateId = 'events_per_s' | 'peak_events_per_s' | 'mb_per_s' | 'storage_gb' | 'shards';

/** One figure to estimate, with the expected value and how it is worked out. */
export type EstimateSpec = {
	readonly id: EstimateId;
	/** The question, as the form shows it. */
	readonly label: string;
	/** The unit the answer is read in when the candidate gives none. */
	readonly unit: string;
	/** Examples of what the form accepts. */
	readonly hint: string;
	/** The figure from the workload. */
	readonly expected: number;
	/** The worked formula, with the scenario's numbers. */
	readonly formula: string;
	/** Whole numbers only (shards). */
	readonly integer?: boolean;
};

/** How close a figure is. */
export type EstimateVerdict = 'right' | 'close' | 'off' | 'order-of-magnitude' | 'missing' | 'unreadable';

/** One graded estimate. */
export type EstimateGrade = {
	readonly id: EstimateId;
	readonly verdict: EstimateVerdict;
	/** What the candidate's text was read as, in the estimate's unit; null when missing or unreadable. */
	readonly value: number | null;
	readonly expected: number;
	/** Credit, 0–1. */
	readonly credit: number;
	/** One line for the review: the verdict in words. */
	readonly says: string;
};

/** Within this ratio (either way) a figure is right. */
export const RIGHT_WITHIN = 1.25;
/** Within this ratio a figure is close. */
export const CLOSE_WITHIN = 2;
/** At or beyond this ratio a figure is an order of magnitude off. */
export const MAGNITUDE = 10;

/** Kinesis: 1,000 records/s and 1 MiB/s per shard (reference/components.md, AWS service quotas). */
const SHARD_RECORDS_PER_S = 1000;
const SHARD_BYTES_PER_S = 1024 * 1024;

/**
The figures to estimate for a workload, with the expected values and formulas.
The hints show the formats the field takes with numbers that are no scenario's
answer (the first ones used login-counter's own figures).
*/
export function estimateSpecs(workload: Workload): EstimateSpec[] {
	const mean = workload.events_per_min / 60;
	const peak = mean * workload.peak_multiplier;
	const bytes = workload.event_bytes;
	const peakBytes = peak * bytes;
	const storageBytes = mean * bytes * workload.retention_h * 3600;
	const byRecords = Math.ceil(peak / SHARD_RECORDS_PER_S);
	const byBytes = Math.ceil(peakBytes / SHARD_BYTES_PER_S);
	const shards = Math.max(1, byRecords, byBytes);
	return [
		{id: 'events_per_s', label: 'Events per second at the mean', unit: 'events/s', hint: 'formats: 1350, 1.35k, 81k/min', expected: mean, formula: `${num(workload.events_per_min)} events/min ÷ 60 = ${num(mean)} events/s`},
		{
			id: 'peak_events_per_s',
			label: 'Events per second at the daily peak',
			unit: 'events/s',
			hint: 'formats: 2700, 2.7k, 162k/min',
			expected: peak,
			formula: `${num(mean)} events/s × ${num(workload.peak_multiplier)} (the daily peak over the mean) = ${num(peak)} events/s`,
		},
		{id: 'mb_per_s', label: 'Bandwidth at the daily peak (MB/s)', unit: 'MB/s', hint: 'formats: 0.37, 0.37 MB/s, 370 KB/s', expected: peakBytes / 1e6, formula: `${num(peak)} events/s × ${num(bytes)} bytes = ${num(peakBytes / 1e6)} MB/s`},
		{
			id: 'storage_gb',
			label: `Storage for the retention window of ${retention(workload.retention_h)} (GB)`,
			unit: 'GB',
			hint: 'formats: 37, 37 GB, 2.6 TB',
			expected: storageBytes / 1e9,
			formula: `${num(mean)} events/s × ${num(bytes)} bytes × ${num(workload.retention_h)} h × 3,600 s/h = ${num(storageBytes / 1e9)} GB (raw, before compression or replication)`,
		},
		{
			id: 'shards',
			label: 'Kinesis shards for the daily peak (1,000 records/s and 1 MiB/s each)',
			unit: 'shards',
			hint: 'a whole number, e.g. 7',
			expected: shards,
			integer: true,
			formula: `max(⌈${num(peak)} records/s ÷ 1,000⌉ = ${byRecords}, ⌈${num(peakBytes)} B/s ÷ 1,048,576⌉ = ${byBytes}) = ${shards} shards, before any headroom`,
		},
	];
}

function retention(hours: number): string {
	if (hours % 24 !== 0) return `${num(hours)} h`;
	const days = hours / 24;
	return days === 1 ? '24 h' : `${num(days)} days`;
}

const countPrefix: Record<string, number> = {'': 1, k: 1e3, m: 1e6, b: 1e9, g: 1e9};
const bytePrefix: Record<string, number> = {'': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15};
const perTime: Record<string, number> = {s: 1, sec: 1, second: 1, m: 1 / 60, min: 1 / 60, minute: 1 / 60, h: 1 / 3600, hr: 1 / 3600, hour: 1 / 3600, d: 1 / 86_400, day: 1 / 86_400};

const countPattern = /^([kmbg]?)(?:events?|records?|messages?|msgs?|logins?|eps|rps|qps|req)?(?:(?:\/|per)(s|sec|second|m|min|minute|h|hr|hour|d|day))?$/;
const bytesPattern = /^([kmgtp]?)(?:(bps|bits?)|(i?)(b|bytes?))?(\/s|ps|persecond|\/sec)?$/;

/**
Reads what a candidate typed for an estimate, in that estimate's unit: "8333",
"8,333", "8.3k", "500k/min" (→ per second), "3.3 MB/s", "3300 KB/s",
"26 Mbps" (bits → bytes), "1.2 TB", "1.5e5", "~17". Undefined when it cannot be read.
*/
export function readEstimate(spec: Pick<EstimateSpec, 'unit'>, text: string): number | undefined {
	const cleaned = text
		.trim()
		.toLowerCase()
		.replace(/^(?:~|≈|about|approx(?:imately)?\.?|roughly)\s*/, '')
		.replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')
		.replaceAll('_', '');
	const match = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)\s*(.*)$/.exec(cleaned);
	if (!match) return undefined;
	const value = Number(match[1]);
	const rest = match[2]!.replace(/\s+/g, '');
	if (spec.unit === 'events/s') {
		const parts = countPattern.exec(rest);
		return parts ? value * countPrefix[parts[1]!]! * (parts[2] === undefined ? 1 : perTime[parts[2]]!) : undefined;
	}
	if (spec.unit === 'MB/s' || spec.unit === 'GB') {
		const parts = bytesPattern.exec(rest);
		if (!parts) return undefined;
		const [, prefix = '', bitWord, binary, byteWord] = parts;
		// A bare prefix ("3.3k") scales the number in the form's own unit; a unit word names its own scale.
		if (byteWord === undefined && bitWord === undefined) return prefix === '' ? value : value * countPrefix[prefix]!;
		if (binary && prefix === '') return undefined;
		const unitBytes = (binary ? 1024 ** ('kmgtp'.indexOf(prefix) + 1) : bytePrefix[prefix]!) / (bitWord ? 8 : 1);
		return (value * unitBytes) / (spec.unit === 'MB/s' ? 1e6 : 1e9);
	}
	return /^(shards?|partitions?)?$/.test(rest) ? value : undefined;
}

/** Grades one estimate against its expected figure. */
export function gradeEstimate(spec: EstimateSpec, text: string | undefined): EstimateGrade {
	const base = {id: spec.id, expected: spec.expected};
	if (text === undefined || text.trim() === '') return {...base, verdict: 'missing', value: null, credit: 0, says: 'not estimated'};
	const value = readEstimate(spec, text);
	if (value === undefined || !Number.isFinite(value)) return {...base, verdict: 'unreadable', value: null, credit: 0, says: `could not read "${text.trim()}" as ${spec.unit} (${spec.hint})`};
	if (value <= 0) return {...base, verdict: 'off', value, credit: 0, says: `${num(value)} ${spec.unit}: a load is above zero`};
	const ratio = value / spec.expected;
	const off = Math.max(ratio, 1 / ratio);
	const direction = ratio > 1 ? 'too high' : 'too low';
	if (off <= RIGHT_WITHIN) return {...base, verdict: 'right', value, credit: 1, says: `${num(value)} ${spec.unit}: right (expected ${num(spec.expected)})`};
	if (off <= CLOSE_WITHIN) return {...base, verdict: 'close', value, credit: 0.5, says: `${num(value)} ${spec.unit}: close, ${num(off)}x ${direction} (expected ${num(spec.expected)})`};
	if (off >= MAGNITUDE) return {...base, verdict: 'order-of-magnitude', value, credit: 0, says: `${num(value)} ${spec.unit}: an order of magnitude ${direction} (${num(off)}x; expected ${num(spec.expected)}) — check the units`};
	return {...base, verdict: 'off', value, credit: 0, says: `${num(value)} ${spec.unit}: ${num(off)}x ${direction} (expected ${num(spec.expected)})`};
}
