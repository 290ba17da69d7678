/**
The what-ifs of the bottlenecks-and-scaling phase: the changes an interviewer
throws at a design (10x load, the daily peak, a lost shard or node, a hot key)
and the scenario's own curveballs ("keep 30 days", "Black Friday"). Each one is
a set of run options and model changes the simulator runs again, side by side
with the run before.
*/
import type {SystemDesignScenario} from '../scenarios/schema.js';
import type {Injection, Model, Stage} from '../sim/index.js';

/** One what-if: what the interviewer says, and how the run changes. */
export type WhatIf = {
	readonly id: string;
	readonly title: string;
	/** The interviewer's line. */
	readonly says: string;
	/** Multiplies the load. */
	readonly scale?: number;
	/** Runs at the daily peak. */
	readonly peak?: boolean;
	/** Faults applied during the run. */
	readonly injections?: readonly Injection[];
	/** New SLO freshness target (a curveball that tightens the refresh), seconds. */
	readonly freshnessS?: number;
	/** New retention, hours (stream retention follows it). */
	readonly retentionH?: number;
	/** What a good candidate changes, shown after the run. */
	readonly expect?: string;
};

/** Faults start this far into a run: after the warm-up, with time left to see the effect. */
export const FAULT_AT_S = 180;

/** A share of events one hot key takes in the hot-key what-if: a celebrity, a bot, a replayed batch. */
export const HOT_KEY_SHARE = 0.3;

const isStore = (stage: Stage) => stage.kind === 'store' || stage.kind === 'cache' || stage.kind === 'warehouse';

/** The what-ifs that apply to a design in a scenario, generic ones first, then the scenario's curveballs. */
export function whatIfsFor(scenario: SystemDesignScenario, stages: readonly Stage[]): WhatIf[] {
	const peak = scenario.workload.peak_multiplier;
	const out: WhatIf[] = [];
	const curveballTenX = scenario.curveballs.some((curveball) => curveball.load_multiplier === 10);
	if (!curveballTenX) out.push({id: 'ten-x', title: '10x load', says: 'Traffic grows tenfold. What breaks first?', scale: 10});
	if (peak > 1) out.push({id: 'daily-peak', title: `daily peak (${peak}x)`, says: `Every evening traffic reaches ${peak}x the mean. Does the design hold?`, peak: true});
	const stream = stages.find((stage) => stage.kind === 'stream');
	if (stream) {
		out.push({id: 'lose-shard', title: `lose a ${stream.component === 'kafka' ? 'broker partition' : 'shard'}`, says: `One of ${stream.id}'s shards fails ${FAULT_AT_S / 60} minutes in. What happens to its traffic?`, injections: [{at_s: FAULT_AT_S, kind: 'lose_node', stage: stream.id}]});
		const keyed = stream.partition_key !== 'random';
		out.push({
			id: 'hot-key',
			title: 'a hot key',
			says: `A single ${keyed ? stream.partition_key : 'key'} suddenly sends ${Math.round(HOT_KEY_SHARE * 100)}% of all events (a bot, a celebrity).`,
			injections: [{at_s: FAULT_AT_S, kind: 'hot_key', stage: stream.id, key: 'hot-key', share: HOT_KEY_SHARE}],
		});
	}
	const store = stages.find(isStore);
	if (store) out.push({id: 'lose-node', title: `lose a ${store.id} node`, says: `A node of ${store.id} goes down ${FAULT_AT_S / 60} minutes in. Is it a single point of failure?`, injections: [{at_s: FAULT_AT_S, kind: 'lose_node', stage: store.id}]});
	for (const curveball of scenario.curveballs) {
		const whatIf: WhatIf = {
			id: `curveball-${curveball.id}`,
			title: curveball.id.replaceAll('-', ' '),
			says: curveball.says,
			expect: curveball.expect,
			...(curveball.load_multiplier !== undefined ? {scale: curveball.load_multiplier} : {}),
			...(curveball.refresh_interval_s !== undefined ? {freshnessS: curveball.refresh_interval_s} : {}),
			...(curveball.retention_h !== undefined ? {retentionH: curveball.retention_h} : {}),
			...(curveball.bot_multiplier !== undefined ? {injections: [{at_s: FAULT_AT_S, kind: 'bot', factor: curveball.bot_multiplier}]} : {}),
		};
		out.push(whatIf);
	}
	return out;
}

/** The model a what-if runs: injections added, the SLO and retention changed where the what-if says so. */
export function applyWhatIf(model: Model, whatIf: WhatIf): Model {
	const slo = whatIf.freshnessS !== undefined ? {...model.slo, freshness_s: Math.min(model.slo?.freshness_s ?? Number.POSITIVE_INFINITY, whatIf.freshnessS)} : model.slo;
	const stages = whatIf.retentionH === undefined ? model.stages : model.stages.map((stage) => (stage.kind === 'stream' ? {...stage, retention_h: Math.max(stage.retention_h, whatIf.retentionH!)} : stage));
	return {...model, stages, ...(slo === undefined ? {} : {slo}), injections: [...model.injections, ...(whatIf.injections ?? [])]};
}
