/**
Changing one knob of a model and checking the result at once: the engine
behind `dojo sim --set STAGE.KNOB=VALUE` and the design screen of a round.
Every change goes through the stage (or source) schema and the model rules,
so a wrong value is explained where it is typed, never at run time.
*/
import {parse as parseYamlValue} from 'yaml';
import {formatIssue} from './format-issue.js';
import {SourceSchema, StageSchema, type Model, type Stage} from './model-schema.js';
import {injectionProblems, keyProblems, stageProblems} from './rules.js';

/** The outcome of an edit: the new model, or every problem it would cause, each a complete sentence. */
export type EditResult = {ok: true; model: Model} | {ok: false; problems: string[]};

/** A knob value as YAML reads it: `10` → 10, `true` → true, `{dist: exp, mean_ms: 2}` → a mapping; anything else stays text. */
export function parseKnobValue(text: string): unknown {
	try {
		return parseYamlValue(text) ?? text;
	} catch {
		return text;
	}
}

/**
Sets `knob` (a field, or a dotted path such as `service.mean_ms`) on the stage
`stageId`, or on the source when `stageId` is "source"; `undefined` removes the
field so the default applies again.
*/
export function setKnob(model: Model, stageId: string, knob: string, value: unknown): EditResult {
	if (stageId === 'source') {
		const parsed = SourceSchema.safeParse(setPath({...model.source}, knob, value), {reportInput: true});
		if (!parsed.success) return {ok: false, problems: issueLines(parsed.error.issues)};
		const problems = keyProblems(parsed.data.keys, ['keys']).map((problem) => problem.message);
		return problems.length > 0 ? {ok: false, problems} : {ok: true, model: {...model, source: parsed.data}};
	}
	const index = model.stages.findIndex((stage) => stage.id === stageId);
	if (index < 0) return {ok: false, problems: [`no stage "${stageId}"; expected source or one of ${model.stages.map((stage) => stage.id).join(', ')}`]};
	return replaceStage(model, index, setPath({...(model.stages[index] as Record<string, unknown>)}, knob, value));
}

/** Replaces the stage at `index` with `raw` (checked against the schema) and re-checks the whole model's rules. */
export function replaceStage(model: Model, index: number, raw: unknown): EditResult {
	const parsed = StageSchema.safeParse(raw, {reportInput: true});
	if (!parsed.success) return {ok: false, problems: issueLines(parsed.error.issues)};
	const stages: Stage[] = model.stages.map((candidate, i) => (i === index ? parsed.data : candidate));
	return checkStages(model, stages);
}

/** The model with `stages` in place of its own, or the rule problems that stops it (duplicate ids, a `next` that leads nowhere, an unknown partition key, …). */
export function checkStages(model: Model, stages: readonly Stage[]): EditResult {
	if (stages.length === 0) return {ok: false, problems: ['a pipeline needs at least one stage']};
	const problems = [...stageProblems(stages, model.source.keys, ['stages']), ...injectionProblems(model.injections, stages, ['injections'])].map((problem) => problem.message);
	return problems.length > 0 ? {ok: false, problems} : {ok: true, model: {...model, stages: [...stages]}};
}

function issueLines(list: ReadonlyArray<Parameters<typeof formatIssue>[0]>): string[] {
	return list.map((issue) => {
		const {path, message} = formatIssue(issue);
		return path.length > 0 ? `${path.join('.')}: ${message}` : message;
	});
}

function setPath(object: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
	const [head, ...rest] = path.split('.');
	if (rest.length === 0) {
		const out = {...object};
		if (value === undefined) delete out[head!];
		else out[head!] = value;
		return out;
	}
	const inner = object[head!];
	const child = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? {...(inner as Record<string, unknown>)} : {};
	return {...object, [head!]: setPath(child, rest.join('.'), value)};
}
