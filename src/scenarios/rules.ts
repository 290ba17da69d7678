/**
Rules a scenario or model file must follow that the schema alone cannot say:
ids are unique where they are looked up, references resolve, stage graphs end,
shares add up. Each returns problems as (path, message); the loader positions them.
*/
import {nextStageIds, pathsOf} from '../sim/fan-out.js';
import {lognormalProblem} from '../sim/kernel/distributions.js';
import type {CrossCheck} from './load.js';
import type {Path} from './format-issue.js';
import type {KeyDistribution, Model, Stage} from './model-schema.js';
import type {ScenarioFile} from './schema.js';

type Problem = {path: Path; message: string};

/** Reports every item whose `id` repeats an earlier one in the same list. */
export function duplicateIds(items: ReadonlyArray<{id: string}>, at: Path, what: string): Problem[] {
	const seen = new Map<string, number>();
	const problems: Problem[] = [];
	for (const [index, item] of items.entries()) {
		const first = seen.get(item.id);
		if (first === undefined) seen.set(item.id, index);
		else problems.push({path: [...at, index, 'id'], message: `duplicate ${what} id "${item.id}"; first used at ${at.length > 0 ? `${pathText(at)}[${first}]` : `[${first}]`}`});
	}
	return problems;
}

function pathText(path: Path): string {
	return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** Checks a key distribution: categorical shares must sum to 1. */
export function keyProblems(keys: Record<string, KeyDistribution>, at: Path): Problem[] {
	const problems: Problem[] = [];
	for (const [name, distribution] of Object.entries(keys)) {
		if (distribution.kind !== 'categorical') continue;
		const values = Object.values(distribution.shares);
		const total = values.reduce((sum, share) => sum + share, 0);
		if (values.length === 0) problems.push({path: [...at, name, 'shares'], message: 'needs at least one value'});
		else if (Math.abs(total - 1) > 1e-6) problems.push({path: [...at, name, 'shares'], message: `shares must sum to 1; they sum to ${Number(total.toFixed(6))}`});
	}
	return problems;
}

/**
Checks a stage list: unique ids, `next` resolving to another stage, no loops,
partition keys the source has, and lognormal p99 above its mean.
*/
export function stageProblems(stages: readonly Stage[], keys: Record<string, KeyDistribution>, at: Path): Problem[] {
	const problems = duplicateIds(stages, at, 'stage');
	const ids = new Set(stages.map((stage) => stage.id));
	for (const [index, stage] of stages.entries()) {
		if (stage.next !== undefined) {
			if (stage.next === stage.id) problems.push({path: [...at, index, 'next'], message: `stage "${stage.id}" leads to itself`});
			else if (!ids.has(stage.next)) problems.push({path: [...at, index, 'next'], message: `stage "${stage.id}" leads to "${stage.next}", which is not a stage here; expected one of ${[...ids].join(', ')}`});
		}
		if (stage.kind === 'stream') problems.push(...fanOutProblems(stages, stage, [...at, index, 'fan_out']));
		if (stage.kind === 'stream' && stage.partition_key !== 'random' && !(stage.partition_key in keys)) {
			const known = ['random', ...Object.keys(keys)].join(', ');
			problems.push({path: [...at, index, 'partition_key'], message: `the source has no key "${stage.partition_key}"; expected one of ${known}`});
		}
		const distributions = [stage.kind === 'queue' ? stage.service : undefined, 'latency' in stage ? stage.latency : undefined];
		for (const distribution of distributions) {
			const problem = distribution?.dist === 'lognormal' ? lognormalProblem(distribution.mean_ms, distribution.p99_ms) : undefined;
			if (problem !== undefined) {
				const field = stage.kind === 'queue' ? 'service' : 'latency';
				problems.push({path: [...at, index, field, 'p99_ms'], message: problem});
			}
		}
		if (stage.kind === 'stream' && stage.mode === 'provisioned' && stage.shards === undefined) {
			problems.push({path: [...at, index], message: `a provisioned stream needs shards (e.g. shards: 10); or set mode: on_demand`});
		}
		if (stage.kind === 'compute' && stage.autoscale && stage.concurrency !== undefined && stage.autoscale.max < stage.concurrency) {
			problems.push({path: [...at, index, 'autoscale', 'max'], message: `autoscale.max (${stage.autoscale.max}) is below concurrency (${stage.concurrency})`});
		}
	}
	if (problems.length === 0) problems.push(...loopProblems(stages, at));
	if (problems.length === 0) problems.push(...unreachableProblems(stages, at));
	return problems;
}

/** The source feeds the first stage; a stage no walk from there (or from a stream's fan-out) reaches would never see an event. */
function unreachableProblems(stages: readonly Stage[], at: Path): Problem[] {
	const nextOf = nextStageIds(stages);
	const byId = new Map(stages.map((stage) => [stage.id, stage]));
	const reached = new Set<string>();
	const starts = [stages[0]?.id];
	while (starts.length > 0) {
		for (let current = starts.pop(); current !== undefined && !reached.has(current); current = nextOf.get(current)) {
			reached.add(current);
			const stage = byId.get(current);
			if (stage?.kind === 'stream') starts.push(...(stage.fan_out ?? []));
		}
	}
	return stages.flatMap((stage, i) =>
		reached.has(stage.id)
			? []
			: [{path: [...at, i, 'id'], message: `stage "${stage.id}" receives no events: the source feeds the first stage and each stage feeds its \`next\` (or the one listed after it), and none leads here`}],
	);
}

/** A stream's fan-out targets: stages that exist, off the stream's own path, not targeted twice. */
function fanOutProblems(stages: readonly Stage[], stream: Extract<Stage, {kind: 'stream'}>, at: Path): Problem[] {
	const ids = new Set(stages.map((stage) => stage.id));
	const nextOf = nextStageIds(stages);
	const own = new Set<string>();
	// The stream's own reader: its next, or the stage listed after it (even when that is also named in fan_out).
	const first = stream.next ?? stages[stages.indexOf(stream) + 1]?.id;
	for (let current = first; current !== undefined && !own.has(current); current = nextOf.get(current)) own.add(current);
	const explicit = new Set(stages.flatMap((stage) => (stage.next !== undefined ? [stage.next] : [])));
	return (stream.fan_out ?? []).flatMap((target, index): Problem[] => {
		if (!ids.has(target)) return [{path: [...at, index], message: `fan_out names "${target}", which is not a stage here; expected one of ${[...ids].filter((id) => id !== stream.id).join(', ')}`}];
		if (target === stream.id || own.has(target)) return [{path: [...at, index], message: `"${target}" already reads "${stream.id}" on its own path (through next or the listed order); fan_out names the first stage of another reader`}];
		if (explicit.has(target)) return [{path: [...at, index], message: `"${target}" starts a fan-out path of "${stream.id}", so no stage may lead to it with next`}];
		return [];
	});
}

/** `slo.path` must name the last stage of one of the model's paths. */
export function sloPathProblems(model: Model, at: Path): Problem[] {
	const path = model.slo?.path;
	if (path === undefined) return [];
	const ends = pathsOf(model).map((candidate) => candidate.id);
	return ends.includes(path) ? [] : [{path: [...at, 'path'], message: `slo.path names "${path}", which does not end a path here; expected one of ${ends.join(', ')}`}];
}

/** Checks what each injection needs: a factor for a load multiplier, a stage that exists. */
export function injectionProblems(injections: ReadonlyArray<{kind: string; stage?: string | undefined; factor?: number | undefined}>, stages: readonly Stage[], at: Path): Problem[] {
	return injections.flatMap((injection, index) => {
		const problems: Problem[] = [];
		if (injection.stage !== undefined && !stages.some((stage) => stage.id === injection.stage)) {
			problems.push({path: [...at, index, 'stage'], message: `no stage "${injection.stage}" here; expected one of ${stages.map((stage) => stage.id).join(', ')}`});
		}
		if (injection.kind === 'load_multiplier' && injection.factor === undefined) {
			problems.push({path: [...at, index], message: 'a load_multiplier injection needs factor (e.g. factor: 10)'});
		}
		return problems;
	});
}

/** Follows `next` links from each stage; a walk that returns to a stage is a loop that would never deliver. */
function loopProblems(stages: readonly Stage[], at: Path): Problem[] {
	const nextOf = nextStageIds(stages);
	for (const [index, stage] of stages.entries()) {
		const seen = new Set<string>();
		let current: string | undefined = stage.id;
		while (current !== undefined) {
			if (seen.has(current)) {
				return [{path: [...at, index, 'next'], message: `stages form a loop (${[...seen].join(' → ')} → ${current}); events would never be delivered`}];
			}
			seen.add(current);
			current = nextOf.get(current);
		}
	}
	return [];
}

/** Cross-checks for a `--model` file. */
export const modelChecks: ReadonlyArray<CrossCheck<Model>> = [
	(model) => [...keyProblems(model.source.keys, ['source', 'keys']), ...stageProblems(model.stages, model.source.keys, ['stages'])],
	(model) => injectionProblems(model.injections, model.stages, ['injections']),
	(model) => sloPathProblems(model, ['slo']),
];

/**
Cross-checks for a scenarios file. `otherScenarioIds` are scenarios defined in
files loaded before this one (the built-in catalogue), which exercises may name.
*/
export const scenarioFileChecks = (otherScenarioIds: ReadonlySet<string> = new Set()): ReadonlyArray<CrossCheck<ScenarioFile>> => [
	(file) => [...duplicateIds(file.scenarios, ['scenarios'], 'scenario'), ...duplicateIds(file.exercises, ['exercises'], 'exercise'), ...duplicateIds(file.coding, ['coding'], 'coding problem')],
	(file) =>
		file.scenarios.flatMap((scenario, s) => {
			const at: Path = ['scenarios', s];
			const problems: Problem[] = [
				...duplicateIds(scenario.questions, [...at, 'questions'], 'question'),
				...duplicateIds(scenario.deep_dives, [...at, 'deep_dives'], 'deep-dive'),
				...duplicateIds(scenario.curveballs, [...at, 'curveballs'], 'curveball'),
			];
			if (scenario.kind === 'system-design') {
				problems.push(...keyProblems(scenario.workload.keys, [...at, 'workload', 'keys']));
				problems.push(...duplicateIds(scenario.architectures, [...at, 'architectures'], 'architecture'));
				for (const [a, architecture] of scenario.architectures.entries()) {
					problems.push(...stageProblems(architecture.stages, scenario.workload.keys, [...at, 'architectures', a, 'stages']));
					problems.push(...injectionProblems(architecture.injections, architecture.stages, [...at, 'architectures', a, 'injections']));
				}
			}
			return problems;
		}),
	(file) => {
		const scenarios = new Map(file.scenarios.map((scenario) => [scenario.id, scenario]));
		return file.exercises.flatMap((exercise, index) => {
			if (scenarios.has(exercise.scenario) || otherScenarioIds.has(exercise.scenario)) return [];
			const known = [...scenarios.keys(), ...otherScenarioIds].join(', ');
			return [{path: ['exercises', index, 'scenario'], message: `no scenario "${exercise.scenario}"; expected one of ${known}`}];
		});
	},
];
