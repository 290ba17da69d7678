/**
Models made only of plain `kind: queue` stations run on the exact queueing
engine (`models/queue-station.ts`, one event per arrival and per service) rather
than the pipeline engine's fluid approximation, so `dojo sim --model` on an
M/M/c file agrees with Erlang C. This adapter turns that engine's result into
the pipeline's per-replication shape.
*/
import type {Model} from '../scenarios/model-schema.js';
import type {EngineOptions} from './models/engine.js';
import {isQueueOnlyModel, runQueueNetwork} from './models/queue-station.js';
import type {RunResult} from './result.js';
import {REPLICATION_STREAMS} from './kernel/random.js';

/** What the adapter needs from a replication job: the model and the run options the exact engine uses. */
export type QueueJob = Pick<EngineOptions, 'seed' | 'replication' | 'ratePerS' | 'durationS' | 'warmupS'> & {readonly model: Model};

/** True when the exact queueing engine can run this model. */
export function isQueueOnly(model: Model): boolean {
	return isQueueOnlyModel(model) && model.injections.length === 0;
}

/** Runs one replication of a queue-only model. */
export function runQueueOnly(job: QueueJob): RunResult {
	const result = runQueueNetwork(job.model, {
		// One seed; replication r runs on its own range of streams (r = 0 is the plain run).
		seed: job.seed,
		streams: job.replication * REPLICATION_STREAMS,
		duration_s: job.durationS,
		warmupFraction: job.durationS > 0 ? job.warmupS / job.durationS : 0,
		loadMultiplier: job.ratePerS / job.model.source.rate_per_s,
	});
	const window = result.window_s.end - result.window_s.start;
	const e2e = result.end_to_end;
	return {
		seed: job.seed,
		replication: job.replication,
		events_simulated: result.events_simulated,
		simulated_s: result.sim_time_s,
		components: result.components.map((station) => ({
			id: station.id,
			kind: 'queue',
			component: 'queue',
			utilization: station.utilization,
			throughput_per_s: station.throughput_per_s,
			queue: station.queue,
			wait_ms: {mean: station.wait_ms.mean, p50: station.wait_ms.p50, p95: station.wait_ms.p95, p99: station.wait_ms.p99},
			throttled: station.throttled,
			dropped: station.dropped,
			lost: station.lost,
			backlog_growth_per_s: 0,
			details: {
				servers: station.servers,
				...(station.capacity === null ? {} : {capacity: station.capacity}),
				mean_wait_ms_ci95: station.wait_ms.mean_ci95,
				p_wait: station.p_wait,
				blocking_probability: station.blocking_probability,
				system_ms_mean: station.system_ms.mean,
				in_system_mean: station.in_system_mean,
			},
		})),
		end_to_end: {
			delivered: e2e.delivered,
			lost: e2e.lost,
			filtered: 0,
			undelivered: result.components.reduce((sum, station) => sum + station.in_system_at_end, 0),
			latency_ms: {mean: e2e.latency_ms.mean, p50: e2e.latency_ms.p50, p95: e2e.latency_ms.p95, p99: e2e.latency_ms.p99, max: e2e.latency_ms.max},
			freshness_s: Number.NaN,
			freshness_p99_s: Number.NaN,
			freshness_max_s: Number.NaN,
			completeness_s: Number.NaN,
			completeness_p99_s: Number.NaN,
			completeness_max_s: Number.NaN,
		},
		little: {
			l: result.components.reduce((sum, station) => sum + station.in_system_mean, 0),
			lambda: window > 0 ? (e2e.delivered + e2e.lost) / window : Number.NaN,
			w_s: e2e.latency_ms.mean / 1000,
		},
		series: {interval_s: job.durationS, t_s: [], offered_per_s: [], delivered_per_s: [], freshness_s: [], latency_s: [], components: {}},
		notes: [],
	};
}
