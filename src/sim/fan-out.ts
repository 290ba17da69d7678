/**
Fan-out: one stream read by several applications, each starting a path of its
own (a real-time path and an archive). A stream stage lists the first stage of
each extra reader in `fan_out`; records follow `next` (or the listed order) as
before, except that the listed order never leads into a fan-out target.

Every path is simulated as its own linear pipeline — the stages up to the
stream, then the path — with the stream told how many applications read it,
so the shared read limit (5 GetRecords/s and 2 MiB/s per shard) is split among
all of them, as the stream model already does for `consumers`. The write side
sees the same arrivals for the same seed in every path's run. Pure: plain data
in, plain data out.
*/
import type {Model, Stage} from '../scenarios/model-schema.js';

/** One path through a fanned-out model: the stages a reader's records pass, and a linear model of them. */
export type FanOutPath = {
	/** The path's last stage (a dashboard, a lake): how reports and `slo.path` name it. */
	readonly id: string;
	readonly stages: readonly string[];
	/** The path as a model of its own: stages in order, `next` links resolved, readers counted on each stream. */
	readonly model: Model;
};

/** The stages that start a fan-out path (targets of any stream's `fan_out`). */
export function fanOutTargets(stages: readonly Stage[]): Set<string> {
	return new Set(stages.flatMap((stage) => (stage.kind === 'stream' ? (stage.fan_out ?? []) : [])));
}

/** Where each stage sends its events: its `next`, or the one listed after it unless that starts a fan-out path. */
export function nextStageIds(stages: readonly Stage[]): Map<string, string | undefined> {
	const targets = fanOutTargets(stages);
	return new Map(
		stages.map((stage, index) => {
			const listed = stages[index + 1]?.id;
			return [stage.id, stage.next ?? (listed !== undefined && !targets.has(listed) ? listed : undefined)];
		}),
	);
}

/** The chain from `start` following next links, stopping at the end or a repeat. */
function walk(stages: readonly Stage[], start: string | undefined): string[] {
	const nextOf = nextStageIds(stages);
	const chain: string[] = [];
	for (let current = start; current !== undefined && !chain.includes(current); current = nextOf.get(current)) chain.push(current);
	return chain;
}

/** Whether a model has any fan-out. */
export function hasFanOut(model: Model): boolean {
	return model.stages.some((stage) => stage.kind === 'stream' && (stage.fan_out?.length ?? 0) > 0);
}

/**
Every path of a model, the main one (from the first stage) first, then each
fan-out path in the order the streams list them (depth first). A model
without fan-out has one path, the model itself.
*/
export function pathsOf(model: Model): FanOutPath[] {
	const byId = new Map(model.stages.map((stage) => [stage.id, stage]));
	return stagePaths(model.stages).map(({stages: path}) => ({id: path.at(-1)!, stages: path, model: linearModel(model, path, byId)}));
}

/**
The stage ids of every path, as `pathsOf` orders them, with where each leaves
the path it branches from (`branch`: the index of its stream; -1 for the main
path). Light: the design editor draws the paths with it.
*/
export function stagePaths(stages: readonly Stage[]): Array<{readonly stages: readonly string[]; readonly branch: number}> {
	const byId = new Map(stages.map((stage) => [stage.id, stage]));
	const paths: Array<{stages: string[]; branch: number}> = [];
	const grow = (prefix: string[], start: string | undefined) => {
		const path = [...prefix, ...walk(stages, start)];
		paths.push({stages: path, branch: prefix.length - 1});
		for (const [index, id] of path.entries()) {
			if (index < prefix.length) continue;
			const stage = byId.get(id);
			if (stage?.kind === 'stream') for (const target of stage.fan_out ?? []) grow(path.slice(0, index + 1), target);
		}
	};
	grow([], stages[0]?.id);
	return paths;
}

/** The path the SLO is judged on: the one `slo.path` names, else the main path. */
export function judgedPath(model: Model): FanOutPath {
	const paths = pathsOf(model);
	return paths.find((path) => path.id === model.slo?.path) ?? paths[0]!;
}

/** The model a run of the judged path simulates (the model itself when it has no fan-out). */
export function judgedModel(model: Model): Model {
	return hasFanOut(model) ? judgedPath(model).model : model;
}

function linearModel(model: Model, path: readonly string[], byId: ReadonlyMap<string, Stage>): Model {
	const stages = path.map((id, index): Stage => {
		const stage = byId.get(id)!;
		const next = path[index + 1];
		const linked = {...stage, ...(next !== undefined ? {next} : {})} as Stage;
		if (next === undefined) delete (linked as {next?: string}).next;
		if (linked.kind !== 'stream' || linked.fan_out === undefined) return linked;
		// Every reader of the stream shares its read limit: the path's own reader plus one per fan-out path.
		const {fan_out: fanOut, ...rest} = linked;
		return {...rest, consumers: Math.max(linked.consumers, 1 + fanOut.length)};
	});
	const {path: _path, ...slo} = model.slo ?? {};
	// A fault on another path's stage does not happen on this one (load changes, with no stage, apply to every path).
	const injections = model.injections.filter((injection) => injection.stage === undefined || path.includes(injection.stage));
	return {...model, stages, injections, ...(model.slo ? {slo} : {})};
}

/** The paths beside the judged one (none without fan-out): each is simulated as its own linear run and reported with it. */
export function otherPaths(model: Model): FanOutPath[] {
	if (!hasFanOut(model)) return [];
	const judgedId = judgedPath(model).id;
	return pathsOf(model).filter((path) => path.id !== judgedId);
}
