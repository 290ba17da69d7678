/**
Fan-out (issue 10, item 4): one stream feeding a real-time path and an archive,
every consumer followed. Each path is reported with its own latency and
freshness; the stream's shared read limit (5 GetRecords/s and 2 MiB/s per
shard) is split among all the applications reading it; the SLO is judged on
the path it names (by default the first, the one `next` leads along).
*/
import {describe, expect, test} from 'vitest';
import {formatReport} from '../../src/commands/sim-format.js';
import {parseYaml} from '../../src/scenarios/load.js';
import {ModelSchema} from '../../src/scenarios/model-schema.js';
import {modelChecks} from '../../src/scenarios/rules.js';
import {loginModel, parseModel, run} from './helpers/pipeline-models.js';

/** login-counter's Kinesis → Lambda → Redis → dashboard, with Firehose → S3 reading the same stream. */
function withArchive(changes: {eventBytes?: number; sloPath?: string; extraBranches?: number} = {}) {
	const base = loginModel('kds-lambda-redis');
	const archives = Array.from({length: 1 + (changes.extraBranches ?? 0)}, (_, index) => index);
	const fanOut = archives.map((index) => (index === 0 ? 'archive' : `archive${index}`));
	return parseModel({
		source: {...base.source, event_bytes: changes.eventBytes ?? base.source.event_bytes},
		slo: {...base.slo, ...(changes.sloPath ? {path: changes.sloPath} : {})},
		stages: [
			{...base.stages[0], fan_out: fanOut},
			...base.stages.slice(1),
			...archives.flatMap((index) => {
				const suffix = index === 0 ? '' : String(index);
				return [
					{id: `archive${suffix}`, kind: 'firehose', buffer_size_mib: 128, buffer_interval_s: 60},
					{id: `lake${suffix}`, kind: 'store', component: 's3'},
				];
			}),
		],
	});
}

describe('a stream feeding a real-time path and an archive', () => {
	// The archive path waits for Firehose's 60 s interval (128 MiB at 1.67 MB/s would take 80 s to fill): p50 ≈ 30 s, p99 ≈ 60 s.
	// The real-time path takes about a second (poll every 1 s, 1 s batching window).
	test('both paths are followed and reported, each with its own latency and freshness', () => {
		const result = run(withArchive(), {durationS: 300});
		expect(result.paths?.map((path) => path.id)).toEqual(['dashboard', 'lake']);
		const [live, archive] = result.paths!;
		expect(live!.stages).toEqual(['ingest', 'count', 'counters', 'dashboard']);
		expect(archive!.stages).toEqual(['ingest', 'archive', 'lake']);
		expect(live!.end_to_end.latency_ms.p99).toBeLessThan(5000);
		expect(archive!.end_to_end.latency_ms.p50).toBeGreaterThan(15_000);
		expect(archive!.end_to_end.latency_ms.p99).toBeGreaterThan(45_000);
		expect(archive!.end_to_end.latency_ms.p99).toBeLessThan(75_000);
		expect(archive!.end_to_end.delivered).toBeGreaterThan(0.9 * live!.end_to_end.delivered);
		// Complete only up to the last delivered object: tens of seconds behind, against about a second on the live path.
		expect(archive!.end_to_end.completeness_p99_s).toBeGreaterThan(30);
		expect(live!.end_to_end.completeness_p99_s).toBeLessThan(15);
		// Every stage of both paths is in the report once.
		expect(result.components.map((component) => component.id).sort()).toEqual(['archive', 'count', 'counters', 'dashboard', 'ingest', 'lake']);
	});

	test('the SLO is judged on the real-time path by default, so the archive’s minute does not fail a 5 s target', () => {
		const result = run(withArchive(), {durationS: 300});
		expect(result.slo.met).toBe(true);
		expect(result.paths!.map((path) => [path.id, path.judged])).toEqual([
			['dashboard', true],
			['lake', false],
		]);
		expect(result.paths![1]!.slo_met).toBe(false);
		const text = formatReport(result, 't');
		expect(text).toMatch(/^paths:/m);
		expect(text).toMatch(/^ {2}dashboard \(ingest → count → counters → dashboard\): p99 [\d.,]+ (ms|s).*SLO judged here/m);
		expect(text).toMatch(/^ {2}lake \(ingest → archive → lake\): p99 [\d.,]+ s.*not judged/m);
	});

	// must fail: naming the archive path judges the SLO there, and a 60 s buffer misses the latency target.
	test('slo.path names the path to judge', () => {
		const result = run(withArchive({sloPath: 'lake'}), {durationS: 300});
		expect(result.slo.met).toBe(false);
		expect(result.paths!.find((path) => path.judged)!.id).toBe('lake');
	});

	// 1,000-byte events: 8,333/s × 1,000 B = 8.3 MB/s over 10 shards. Reads share 2 MiB/s per shard = 21 MB/s.
	// Alone, Lambda reads it all; beside two archives (3 applications), Lambda gets 21 / 3 = 7.0 MB/s = 6,990/s < 8,333/s:
	// the real-time path falls behind and misses the SLO. One archive (2 applications, 10.5 MB/s) still keeps up.
	test('every application reading the stream takes its share of the read limit from the real-time path', () => {
		const one = run(withArchive({eventBytes: 1000}), {durationS: 180});
		expect(one.slo.met).toBe(true);
		const two = run(withArchive({eventBytes: 1000, extraBranches: 1}), {durationS: 180});
		expect(two.slo.met).toBe(false);
		expect(two.paths!.map((path) => path.id)).toEqual(['dashboard', 'lake', 'lake1']);
		// The same as a plain chain told it has three consumers: the split is the shared-read model, not a new one.
		const plain = loginModel('kds-lambda-redis', {ingest: {consumers: 3}});
		const told = run({...plain, source: {...plain.source, event_bytes: 1000}}, {durationS: 180});
		expect(told.slo.met).toBe(false);
		expect(two.end_to_end).toEqual(told.end_to_end);
	});

	test('the cost covers the archive path too', () => {
		const result = run(withArchive(), {durationS: 300});
		const ids = result.cost.items.map((item) => item.component);
		expect(ids).toEqual(expect.arrayContaining(['ingest', 'count', 'counters', 'archive', 'lake']));
		expect(ids.filter((id) => id === 'ingest')).toHaveLength(1);
	});

	// must fail: a lost node on the archive path is that path's fault; the real-time run must not call it ignored.
	test('an injection on one path happens on that path only', () => {
		const model = {...withArchive(), injections: [{at_s: 60, kind: 'lose_node' as const, stage: 'lake'}]};
		const result = run(model, {durationS: 180});
		expect(result.notes.some((note) => note.includes('ignored'))).toBe(false);
		expect(result.notes.some((note) => note.startsWith('lake: every node is lost at 60 s'))).toBe(true);
		expect(result.slo.met).toBe(true);
	});

	test('a design without fan-out has no paths block', () => {
		const result = run(loginModel('kds-lambda-redis'), {durationS: 60});
		expect(result.paths).toBeUndefined();
		expect(formatReport(result, 't')).not.toMatch(/^paths:/m);
	});
});

/** The problems `dojo sim --model` reports for a model file's text, one per line ('' when it loads). */
function loadScenarioText(text: string): string {
	const loaded = parseYaml(text, 'model.yaml', ModelSchema, modelChecks);
	return loaded.ok ? '' : loaded.errors.map((error) => `${error.path}: ${error.message}`).join('\n');
}

describe('fan-out in a model file is checked', () => {
	const yaml = (fanOut: string, extra = '') => `source: {rate_per_s: 100}
stages:
  - {id: ingest, kind: stream, component: kinesis_data_streams, shards: 1, fan_out: [${fanOut}]}
  - {id: count, kind: compute, component: lambda}
  - {id: dashboard, kind: dashboard, refresh_s: 10}
  - {id: archive, kind: firehose}
  - {id: lake, kind: store, component: s3}
${extra}`;

	test('a fan_out target that is not a stage is named, with the stages there are', () => {
		const problems = loadScenarioText(yaml('archve'));
		expect(problems).toMatch(/fan_out.*"archve".*not a stage/);
	});

	test('a fan_out target on the stream’s own path is refused: it would read its records twice', () => {
		const problems = loadScenarioText(yaml('count'));
		expect(problems).toMatch(/"count".*already reads/);
	});

	test('slo.path must be the last stage of a path', () => {
		const problems = loadScenarioText(yaml('archive', 'slo: {latency_p99_ms: 5000, path: counts}'));
		expect(problems).toMatch(/slo.path.*"counts".*expected one of dashboard, lake/);
	});

	test('a valid fan-out loads, and the archive stages are not "unreachable"', () => {
		expect(loadScenarioText(yaml('archive'))).toBe('');
	});
});
