/**
How long to simulate a model and the model of a scenario's architecture: the
light part of running a simulation, apart from the engine, so the interview's
screens can size a run without loading the simulator (it runs in a worker).
*/
import type {Architecture, Model} from '../scenarios/model-schema.js';
import type {SystemDesignScenario} from '../scenarios/schema.js';

/** The model for one of a scenario's architectures: the scenario's workload as the source. */
export function modelFromScenario(scenario: SystemDesignScenario, architecture: Architecture): Model {
	const workload = scenario.workload;
	return {
		source: {
			rate_per_s: workload.events_per_min / 60,
			arrivals: 'poisson',
			event_bytes: workload.event_bytes,
			peak_multiplier: workload.peak_multiplier,
			keys: workload.keys,
			...(architecture.feeds && architecture.feeds.length > 0 ? {feeds: architecture.feeds} : {}),
			...(architecture.quotas && architecture.quotas.length > 0 ? {quotas: architecture.quotas} : {}),
		},
		stages: architecture.stages,
		slo: workload.slo,
		injections: architecture.injections,
	};
}

/** The longest periodic delay in a model (a batch trigger, a window, a buffer interval, a refresh), seconds. */
export function longestCycle(model: Model): {seconds: number; what: string} {
	let longest = {seconds: 0, what: ''};
	const consider = (seconds: number | undefined, what: string) => {
		if (seconds !== undefined && seconds > longest.seconds) longest = {seconds, what};
	};
	// A feed's events wait up to a delivery interval plus its lag before they enter the pipeline.
	for (const feed of model.source.feeds ?? []) consider(feed.every_s + feed.lag_s, `source feed ${feed.id} (every ${feed.every_s} s, lag ${feed.lag_s} s)`);
	// A daily quota and its backfills repeat once a day: see the day several times.
	for (const quota of model.source.quotas ?? []) {
		if (quota.per_day !== undefined || quota.component === 'google_ads_api') consider(86_400, `quota ${quota.id} (per day)`);
		for (const backfill of quota.backfills) consider(backfill.every_s, `quota ${quota.id} backfill (every ${backfill.every_s} s)`);
	}
	for (const stage of model.stages) {
		if (stage.kind === 'compute') {
			consider(stage.trigger_s, `${stage.id}.trigger_s`);
			consider(stage.window_s, `${stage.id}.window_s`);
			consider(stage.batching_window_s, `${stage.id}.batching_window_s`);
		} else if (stage.kind === 'firehose') {
			consider(stage.buffer_interval_s, `${stage.id}.buffer_interval_s`);
		} else if (stage.kind === 'store' || stage.kind === 'cache' || stage.kind === 'warehouse') {
			consider(stage.load_interval_s, `${stage.id}.load_interval_s`);
		} else if (stage.kind === 'dashboard') {
			consider(stage.refresh_s, `${stage.id}.refresh_s`);
		}
	}
	return longest;
}

/**
A run long enough to see the model's slowest cycle several times: 10 minutes,
or three cycles of its longest trigger, window, buffer or refresh (a nightly
job needs days of simulated time), at most a week.
*/
export function defaultDuration(model: Model): number {
	const cycle = longestCycle(model).seconds;
	return Math.min(7 * 86_400, Math.max(600, Math.ceil((3 * cycle) / 60) * 60));
}

