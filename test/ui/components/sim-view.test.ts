import {describe, expect, it} from 'vitest';
import {simResults} from '../../../src/ui/components/sim-view.js';
import type {RoundContext} from '../../../src/flow/round-machine.js';
import {designModel} from '../../../src/flow/design-model.js';
import {simulate, type ComponentResult} from '../../../src/sim/index.js';
import {fakeResult, loginCounter} from '../../flow/helpers.js';

const scenario = loginCounter();
const context = {scenario} as unknown as RoundContext;
const model = designModel(scenario, scenario.architectures[0]!);
const run = (options: {peak?: boolean; shards?: number}) => {
	const stages = model.stages.map((stage) => (stage.id === 'ingest' && options.shards ? {...stage, shards: options.shards} : stage));
	return simulate({scenario: null, arch: 'x', model: {...model, stages}}, {seed: 7, durationS: 120, replications: 1, ...(options.peak ? {peak: true} : {})});
};
const text = (lines: ReturnType<typeof simResults>) => lines.map((line) => line.text).join('\n');

describe('simulation results view', () => {
	const oneX = run({});
	const peak = run({peak: true});

	it('puts the runs side by side, with the verdict, the loss and the failed check of the run that misses', () => {
		const shown = text(simResults([{label: '1x', result: oneX}, {label: 'daily peak (2x)', result: peak}], 80, context));
		expect(shown).toMatch(/^ +1x +daily peak \(2x\)$/m);
		expect(shown).toMatch(/^verdict +✓ SLO met +✗ SLO missed$/m);
		expect(shown).toMatch(/^lost +0 +[\d,]+ \(\d+%\)$/m);
		expect(shown).toMatch(/^complete to p99 +[\d.]+ m?s +[\d.]+ m?s$/m);
		expect(shown).toMatch(/✗ daily peak \(2x\): [\d.]+% of events dropped or lost/);
	});

	it('names the bottleneck with its fix, and the headroom against the daily peak', () => {
		const shown = text(simResults([{label: '1x', result: oneX}, {label: 'daily peak (2x)', result: peak}], 80, context));
		expect(shown).toContain('bottleneck (daily peak (2x)): ingest');
		expect(shown).toMatch(/fix: needs at least 17 shards/);
		expect(shown).toMatch(/capacity 10,000\/s .*below the daily peak of 16,667\/s/);
	});

	it('says how many times the daily peak a roomy design takes (must fail: not "below")', () => {
		const roomy = run({shards: 40, peak: true});
		const shown = text(simResults([{label: 'daily peak (2x)', result: roomy}], 80, context));
		expect(shown).toMatch(/capacity 40,000\/s.*: 2\.4x the daily peak/);
		expect(shown).not.toContain('below the daily peak');
		expect(shown).toMatch(/^verdict +✓ SLO met$/m);
	});

	it('draws the pipeline of the current run that fails, not the earlier one kept for comparison', () => {
		const fixed = run({shards: 40});
		const shown = text(simResults([{label: '1x', result: fixed}, {label: 'before (1x)', result: peak}], 80, context));
		expect(shown).toContain('pipeline at 1x:');
		expect(shown).not.toContain('pipeline at before');
		expect(shown).toContain('backlog over simulated time at 1x');
		expect(shown).toContain('end-to-end latency at 1x');
	});

	it('fits 60, 80 and 120 columns', () => {
		for (const width of [60, 80, 120]) {
			for (const line of simResults([{label: '1x', result: oneX}, {label: 'daily peak (2x)', result: peak}, {label: 'before (1x)', result: oneX}], width, context)) expect([...line.text].length).toBeLessThanOrEqual(width);
		}
	});
});

describe('the comparison table, cell by cell', () => {
	const stage = (id: string, utilization: number) => ({id, kind: 'compute', component: 'lambda', utilization, throughput_per_s: 100, queue: {mean: 0, max: 0}, wait_ms: {mean: 1, p50: 1, p95: 1, p99: 1}, throttled: 0, dropped: 0, lost: 0, backlog_growth_per_s: 0, details: {}}) as ComponentResult;
	const made = (changes: (result: ReturnType<typeof fakeResult>) => void) => {
		const result = fakeResult(true);
		changes(result);
		return result;
	};
	const rows = (result: ReturnType<typeof fakeResult>) => simResults([{label: 'run', result}], 80, context).map((line) => line.text);

	it('names the busiest stage with its load, the loss as a count and a share, and the cost with what is not priced', () => {
		const result = made((r) => {
			r.components = [stage('small', 0.2), stage('big', 0.9), stage('mid', 0.5)];
			r.end_to_end = {...r.end_to_end, delivered: 750, lost: 250};
			r.cost = {per_month_usd: 120, items: [], unpriced: ['ingest', 'count']};
		});
		const shown = rows(result);
		expect(shown).toContain('busiest        big 90%');
		expect(shown).toContain('lost           250 (25%)');
		expect(shown).toContain('cost           $120/mo + 2 unpriced');
		expect(shown).toContain('not priced: ingest, count');
	});

	it('says 0 lost, a cost with nothing unpriced, "not priced" without a price, and – without stages', () => {
		expect(rows(made(() => undefined))).toContain('cost           $100/mo');
		expect(rows(made(() => undefined))).toContain('lost           0');
		expect(rows(made(() => undefined))).toContain('busiest        –');
		expect(rows(made((r) => (r.cost = {per_month_usd: null, items: []})))).toContain('cost           not priced');
		expect(rows(made(() => undefined)).some((line) => line.startsWith('not priced:'))).toBe(false);
	});
});

describe('the diagram of a stream read by two applications', () => {
	const archive = designModel(scenario, scenario.architectures.find((architecture) => architecture.id === 'kds-lambda-redis-archive')!);
	const result = simulate({scenario: null, arch: 'archive', model: archive}, {seed: 7, durationS: 120, replications: 1});

	it('draws each path as its own row of boxes, the archive from the stream it reads', () => {
		const shown = text(simResults([{label: '1x', result}], 120, context)).split('\n');
		const rows = shown.filter((line) => line.includes('▶'));
		// One line of each row of boxes carries the arrows (and the stage names).
		expect(rows).toHaveLength(2);
		// The real-time path: the stream, Lambda, Redis, the dashboard, and no archive box after the dashboard.
		expect(rows[0]).toMatch(/ingest.*count.*counters.*dashboard/);
		expect(rows[0]).not.toMatch(/archive|lake/);
		expect(shown).toContain('and the path to lake, another reader of ingest:');
		expect(rows[1]).toMatch(/ingest.*archive.*lake/);
		expect(rows[1]).not.toMatch(/count|dashboard/);
	});
});
