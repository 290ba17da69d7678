/**
One report for a fanned-out model: the judged path's result (its SLO verdict,
capacity, bottleneck) with every other path's stages, end-to-end figures and
cost added, so an archive beside the real-time path is neither hidden nor
allowed to fail (or pass) the real-time path's SLO. Pure.
*/
import type {Model} from '../scenarios/model-schema.js';
import {judgedPath, pathsOf} from './fan-out.js';
import {roundTo} from './numbers.js';
import type {PathResult, SimResult} from './result.js';

/** Merges the judged path's result with the other paths' results (by path id) into the model's report. */
export function combinePaths(model: Model, judged: SimResult, others: ReadonlyMap<string, SimResult>): SimResult {
	const judgedId = judgedPath(model).id;
	const paths: PathResult[] = pathsOf(model).map((path) => {
		const result = path.id === judgedId ? judged : others.get(path.id);
		if (!result) throw new RangeError(`fan-out: no result for path ${path.id}`);
		return {
			id: path.id,
			stages: [...path.stages],
			judged: path.id === judgedId,
			slo_met: result.slo.met,
			end_to_end: result.end_to_end,
			capacity: {max_load_per_s: result.capacity.max_load_per_s, limited_by: result.capacity.limited_by},
		};
	});
	const all = [judged, ...others.values()];
	const components = [...judged.components];
	const items = [...judged.cost.items];
	for (const result of others.values()) {
		for (const component of result.components) if (!components.some((known) => known.id === component.id)) components.push(component);
		for (const item of result.cost.items) if (!items.some((known) => known.component === item.component)) items.push(item);
	}
	const priced = new Set(items.map((item) => item.component));
	const unpriced = [...new Set(all.flatMap((result) => result.cost.unpriced ?? []))].filter((id) => !priced.has(id));
	return {
		...judged,
		events_simulated: all.reduce((sum, result) => sum + result.events_simulated, 0),
		components,
		cost: {per_month_usd: items.length > 0 ? roundTo(items.reduce((sum, item) => sum + item.per_month_usd, 0), 2) : null, items, ...(unpriced.length > 0 ? {unpriced} : {})},
		notes: [...new Set(all.flatMap((result) => result.notes))],
		paths,
	};
}
