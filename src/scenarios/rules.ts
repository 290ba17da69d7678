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
import type {Card, ScenarioFile} from './schema.js';
import type {TableDesign} from './table-design-schema.js';
import {phasesFor} from '../flow/phases.js';

type Problem = {path: Path; message: string};

/**
Runs a rule over each part of a list. When the file failed the schema, a part may
be missing or half-parsed (see salvage.ts); the rule is skipped for that part
alone, so one broken scenario or architecture does not hide the others' problems.
*/
function eachPart<T>(items: readonly T[], rule: (item: T, index: number) => Problem[]): Problem[] {
	return items.flatMap((item, index) => {
		if (item === undefined || item === null) return [];
		try {
			return rule(item, index);
		} catch {
			return [];
		}
	});
}

/** Runs rules that read different parts; one that throws on a broken part (see eachPart) is skipped alone. */
function independently(rules: ReadonlyArray<() => Problem[]>): Problem[] {
	return rules.flatMap((rule) => {
		try {
			return rule();
		} catch {
			return [];
		}
	});
}

/** Reports every item whose `id` repeats an earlier one in the same list. */
export function duplicateIds(items: ReadonlyArray<{id: string}>, at: Path, what: string): Problem[] {
	const seen = new Map<string, number>();
	const problems: Problem[] = [];
	for (const [index, item] of items.entries()) {
		// An item whose id failed the schema (or a missing item) has no id to compare.
		if (typeof item?.id !== 'string') continue;
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
		if (distribution?.kind !== 'categorical') continue;
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
export function stageProblems(stages: readonly Stage[], keys: Record<string, KeyDistribution> | undefined, at: Path): Problem[] {
	const problems = duplicateIds(stages, at, 'stage');
	const ids = new Set(stages.map((stage) => stage?.id));
	// A stage whose id failed the schema cannot be led to: following `next` would report made-up problems.
	const graphReadable = stages.every((stage) => typeof stage?.id === 'string');
	for (const [index, stage] of stages.entries()) {
		if (stage === undefined) continue;
		if (stage.next !== undefined && graphReadable) {
			if (stage.next === stage.id) problems.push({path: [...at, index, 'next'], message: `stage "${stage.id}" leads to itself`});
			else if (!ids.has(stage.next)) problems.push({path: [...at, index, 'next'], message: `stage "${stage.id}" leads to "${stage.next}", which is not a stage here; expected one of ${[...ids].join(', ')}`});
		}
		if (stage.kind === 'stream') problems.push(...fanOutProblems(stages, stage, [...at, index, 'fan_out']));
		// `keys` is missing when the source's keys failed the schema: then no key can be said to be absent.
		if (stage.kind === 'stream' && stage.partition_key !== 'random' && keys !== undefined && !(stage.partition_key in keys)) {
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
		if (stage.kind === 'collector' && stage.max_instances !== undefined && stage.max_instances < stage.min_instances) {
			problems.push({path: [...at, index, 'max_instances'], message: `max_instances (${stage.max_instances}) is below min_instances (${stage.min_instances}); expected at least ${stage.min_instances}`});
		}
		if (stage.kind === 'collector' && stage.client_burst !== undefined && stage.client_rate_per_s === undefined) {
			problems.push({path: [...at, index, 'client_burst'], message: 'client_burst needs client_rate_per_s (the rate limiter\'s requests/s per client)'});
		}
		if ((stage.kind === 'store' || stage.kind === 'cache' || stage.kind === 'warehouse') && stage.virtual_nodes !== undefined && stage.hashing !== 'ring') {
			problems.push({path: [...at, index, 'virtual_nodes'], message: 'virtual_nodes applies to a hash ring: set hashing: ring'});
		}
	}
	if (!graphReadable) return problems;
	if (problems.length === 0) problems.push(...loopProblems(stages, at));
	if (problems.length === 0) problems.push(...unreachableProblems(stages, at));
	if (problems.length === 0) problems.push(...afterProblems(stages, at));
	return problems;
}

/** A chained batch step (`after`) names a compute step that feeds it, earlier on its path: it waits for that step's runs. */
function afterProblems(stages: readonly Stage[], at: Path): Problem[] {
	const nextOf = nextStageIds(stages);
	const previousOf = new Map<string, string>();
	for (const [from, to] of nextOf) if (to !== undefined && !previousOf.has(to)) previousOf.set(to, from);
	const problems: Problem[] = [];
	for (const [index, stage] of stages.entries()) {
		if (stage.kind !== 'compute' || stage.after === undefined) continue;
		const earlier: string[] = [];
		for (let id = previousOf.get(stage.id); id !== undefined && !earlier.includes(id); id = previousOf.get(id)) earlier.push(id);
		const steps = earlier.filter((id) => stages.find((candidate) => candidate.id === id)?.kind === 'compute');
		if (!steps.includes(stage.after)) {
			const expected = steps.length > 0 ? `expected one of ${steps.join(', ')}` : 'no compute step comes before it';
			problems.push({path: [...at, index, 'after'], message: `after names "${stage.after}", which is not a compute step before "${stage.id}" on its path; ${expected}`});
		}
	}
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
		if (injection.stage !== undefined && stages.every((stage) => typeof stage?.id === 'string') && !stages.some((stage) => stage.id === injection.stage)) {
			problems.push({path: [...at, index, 'stage'], message: `no stage "${injection.stage}" here; expected one of ${stages.map((stage) => stage.id).join(', ')}`});
		}
		if (injection.kind === 'load_multiplier' && injection.factor === undefined) {
			problems.push({path: [...at, index], message: 'a load_multiplier injection needs factor (e.g. factor: 10)'});
		}
		if (injection.kind === 'bot' && injection.factor === undefined) {
			problems.push({path: [...at, index], message: 'a bot injection needs factor: the multiple of the normal load the one client sends (e.g. factor: 20)'});
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

/**
Checks the knowledge cards of a scenario: each is drawn into a phase its round
has, a choice card has a right option, and a free-text card needs no more
points than it lists.
*/
export function cardProblems(cards: readonly Card[], kind: 'system-design' | 'data-modeling', at: Path): Problem[] {
	const phases = phasesFor(kind).map((phase) => phase.id);
	return cards.flatMap((card, index) => {
		const problems: Problem[] = [];
		if (!(phases as string[]).includes(card.phase)) {
			const allowed = phases.filter((phase) => ['design', 'modeling', 'deep-dive', 'scaling'].includes(phase));
			problems.push({path: [...at, index, 'phase'], message: `a ${kind} round has no phase "${card.phase}"; expected one of ${allowed.join(', ')}`});
		}
		if (card.answer.kind === 'choice' && !card.answer.options.some((option) => option.right)) {
			problems.push({path: [...at, index, 'answer', 'options'], message: `card "${card.id}" has no right option; mark one with right: true`});
		}
		if (card.answer.kind === 'points' && card.answer.need !== undefined && card.answer.need > card.answer.points.length) {
			problems.push({path: [...at, index, 'answer', 'need'], message: `card "${card.id}" needs ${card.answer.need} points but lists ${card.answer.points.length}`});
		}
		return problems;
	});
}

/**
Checks a Redshift table-design exercise: the best choice's keys are columns
with a value distribution, and the queries name tables and columns that exist.
*/
export function tableDesignProblems(design: TableDesign, at: Path): Problem[] {
	const problems: Problem[] = [];
	const tables = new Map(design.tables.map((table) => [table.name, table]));
	const names = [...tables.keys()].join(', ');
	problems.push(...duplicateIds(design.tables.map((table) => ({id: table.name})), [...at, 'tables'], 'table'));
	for (const [t, table] of design.tables.entries()) {
		const columns = Object.keys(table.columns);
		for (const key of Object.keys(table.keys)) if (!columns.includes(key)) problems.push({path: [...at, 'tables', t, 'keys', key], message: `${table.name} has no column "${key}"; expected one of ${columns.join(', ')}`});
		problems.push(...keyProblems(table.keys, [...at, 'tables', t, 'keys']));
		for (const choice of [table.best, ...table.best.also]) {
			if (choice.diststyle === 'key' && (choice.distkey === undefined || !(choice.distkey in table.keys))) problems.push({path: [...at, 'tables', t, 'best', 'distkey'], message: `DISTSTYLE KEY needs a distkey with a value distribution in keys; expected one of ${Object.keys(table.keys).join(', ')}`});
		}
		if (table.best.sortkey !== undefined && !columns.includes(table.best.sortkey)) problems.push({path: [...at, 'tables', t, 'best', 'sortkey'], message: `${table.name} has no column "${table.best.sortkey}"; expected one of ${columns.join(', ')}`});
	}
	for (const [q, query] of design.queries.entries()) {
		const scanned = tables.get(query.scans);
		if (!scanned) {
			problems.push({path: [...at, 'queries', q, 'scans'], message: `no table "${query.scans}"; expected one of ${names}`});
			continue;
		}
		const columns = Object.keys(scanned.columns);
		for (const [c, column] of query.reads.entries()) if (!columns.includes(column)) problems.push({path: [...at, 'queries', q, 'reads', c], message: `${scanned.name} has no column "${column}"; expected one of ${columns.join(', ')}`});
		if (query.range && !columns.includes(query.range.column)) problems.push({path: [...at, 'queries', q, 'range', 'column'], message: `${scanned.name} has no column "${query.range.column}"`});
		if (query.range && query.range.span > query.range.of) problems.push({path: [...at, 'queries', q, 'range', 'span'], message: `the range keeps ${query.range.span} of ${query.range.of}; span must not exceed of`});
		for (const [j, join] of query.joins.entries()) {
			const other = tables.get(join.table);
			if (!other) problems.push({path: [...at, 'queries', q, 'joins', j, 'table'], message: `no table "${join.table}"; expected one of ${names}`});
			else if (!(join.on in other.columns) || !(join.on in scanned.columns)) problems.push({path: [...at, 'queries', q, 'joins', j, 'on'], message: `both ${scanned.name} and ${other.name} need a column "${join.on}" to join on`});
		}
	}
	return problems;
}

/** Cross-checks for a `--model` file. */
export const modelChecks: ReadonlyArray<CrossCheck<Model>> = [
	(model) => keyProblems(model.source.keys, ['source', 'keys']),
	(model) => stageProblems(model.stages, model.source?.keys, ['stages']),
	(model) => injectionProblems(model.injections, model.stages, ['injections']),
	(model) => sloPathProblems(model, ['slo']),
	(model) => feedProblems(model.source?.feeds ?? [], ['source', 'feeds'], model.source?.quotas ?? [], ['source', 'quotas'], (model.stages ?? []).map((stage) => stage?.id)),
];

/** Source feeds have unique ids and leave some events streaming: their shares sum to less than 1. */
export function feedProblems(
	feeds: ReadonlyArray<{id: string; share: number; quota?: {id: string} | undefined; enters?: string | undefined}>,
	at: Path,
	quotas: ReadonlyArray<{id: string}> = [],
	quotasAt: Path = at,
	stageIds: readonly string[] = [],
): Problem[] {
	const problems = [...duplicateIds(feeds, at, 'feed'), ...duplicateIds(quotas, quotasAt, 'quota')];
	const known = quotas.map((quota) => quota?.id);
	feeds.forEach((feed, index) => {
		if (feed?.enters !== undefined && stageIds.length > 0 && !stageIds.includes(feed.enters)) {
			problems.push({path: [...at, index, 'enters'], message: `no stage "${feed.enters}" here; expected one of ${stageIds.join(', ')}`});
		}
		if (feed?.quota && !known.includes(feed.quota.id)) {
			problems.push({path: [...at, index, 'quota', 'id'], message: `no quota "${feed.quota.id}"; expected one of the quotas listed beside the feeds${known.length > 0 ? ` (${known.join(', ')})` : ' (there are none)'}`});
		}
	});
	const total = feeds.reduce((sum, feed) => sum + (typeof feed?.share === 'number' ? feed.share : 0), 0);
	if (total >= 1) problems.push({path: at, message: `the feeds' shares sum to ${Number(total.toFixed(6))}; they must sum to less than 1 (the rest of the events stream in as they happen)`});
	return problems;
}

/**
Cross-checks for a scenarios file. `otherScenarioIds` are scenarios defined in
files loaded before this one (the built-in catalogue), which exercises may name.
*/
export const scenarioFileChecks = (otherScenarioIds: ReadonlySet<string> = new Set()): ReadonlyArray<CrossCheck<ScenarioFile>> => [
	(file) =>
		independently([
			() => duplicateIds(file.scenarios, ['scenarios'], 'scenario'),
			() => duplicateIds(file.exercises, ['exercises'], 'exercise'),
			() => duplicateIds(file.coding, ['coding'], 'coding problem'),
		]),
	(file) =>
		eachPart(file.scenarios, (scenario, s) => {
			const at: Path = ['scenarios', s];
			return independently([
				() => duplicateIds(scenario.questions, [...at, 'questions'], 'question'),
				() => duplicateIds(scenario.deep_dives, [...at, 'deep_dives'], 'deep-dive'),
				() => duplicateIds(scenario.curveballs, [...at, 'curveballs'], 'curveball'),
				() => duplicateIds(scenario.cards, [...at, 'cards'], 'card'),
				() => cardProblems(scenario.cards ?? [], scenario.kind, [...at, 'cards']),
				() => duplicateIds(scenario.table_designs, [...at, 'table_designs'], 'table design'),
				() => eachPart(scenario.table_designs ?? [], (design, d) => tableDesignProblems(design, [...at, 'table_designs', d])),
				() => (scenario.kind === 'system-design' ? keyProblems(scenario.workload.keys, [...at, 'workload', 'keys']) : []),
				() => (scenario.kind === 'system-design' ? duplicateIds(scenario.architectures, [...at, 'architectures'], 'architecture') : []),
				() =>
					scenario.kind === 'system-design'
						? eachPart(scenario.architectures, (architecture, a) =>
								independently([
									() => stageProblems(architecture.stages, scenario.workload?.keys, [...at, 'architectures', a, 'stages']),
									() => injectionProblems(architecture.injections, architecture.stages, [...at, 'architectures', a, 'injections']),
									() => feedProblems(architecture.feeds ?? [], [...at, 'architectures', a, 'feeds'], architecture.quotas ?? [], [...at, 'architectures', a, 'quotas'], (architecture.stages ?? []).map((stage) => stage?.id)),
								]),
							)
						: [],
			]);
		}),
	(file) => {
		// `dojo exercise <id>` finds both kinds, so a table design may not share an SQL exercise's id.
		const exercises = new Set(file.exercises.map((exercise) => exercise?.id));
		return eachPart(file.scenarios, (scenario, s) =>
			(scenario.table_designs ?? []).flatMap((design, d) => (exercises.has(design?.id) ? [{path: ['scenarios', s, 'table_designs', d, 'id'], message: `table design "${design.id}" has the id of an SQL exercise; pick another id`}] : [])),
		);
	},
	(file) => {
		// A scenario whose id failed the schema could be the one an exercise names: no verdict then.
		if (!file.scenarios.every((scenario) => typeof scenario?.id === 'string')) return [];
		const scenarios = new Map(file.scenarios.map((scenario) => [scenario.id, scenario]));
		return eachPart(file.exercises, (exercise, index) => {
			if (scenarios.has(exercise.scenario) || otherScenarioIds.has(exercise.scenario)) return [];
			const known = [...scenarios.keys(), ...otherScenarioIds].join(', ');
			return [{path: ['exercises', index, 'scenario'], message: `no scenario "${exercise.scenario}"; expected one of ${known}`}];
		});
	},
];
