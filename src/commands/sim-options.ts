/**
What `dojo sim` and `dojo sweep` share: turning their arguments into models
and run options, with every mistake reported against the flag that caused it
(exit 2, no stack trace).

- `<scenario>` picks a built-in (or `--scenarios`) scenario; `--arch ID`
  picks its architectures (default: the first one).
- `--model FILE` loads a model file; errors carry file:line:col.
- `--inject STAGE.lose_node@60s` (or `source.load_multiplier=10@60s`) adds a
  fault, as a model file's `injections:` would.
- `--set STAGE.KNOB=VALUE` changes a knob and re-validates the stage against
  the schema, so `--set ingest.shards=0` or `--set nope.x=1` fail clearly.
  `--set source.KNOB=VALUE` changes the source (event_bytes, arrivals, …).
*/
import {UsageError} from '../errors.js';
import {displayPath, findScenario, type Catalogue} from '../scenarios/builtin.js';
import {formatFileError, loadYamlFile} from '../scenarios/load.js';
import {ModelSchema} from '../scenarios/model-schema.js';
import {parseKnobValue, setKnob} from '../scenarios/model-edit.js';
import {modelChecks} from '../scenarios/rules.js';
import {parseDuration, parseRate} from '../scenarios/units.js';
import {knobsFor, modelFromScenario, type SimInput} from '../sim/index.js';

/** One architecture (or model file) to simulate, with the title to show. */
export type Target = SimInput & {readonly title: string};

/** Flags shared by sim and sweep, as `src/cli-flags.ts` declares them (all read as text and checked here). */
export const sharedFlags = {
	arch: {type: 'string', isMultiple: true},
	model: {type: 'string'},
	load: {type: 'string'},
	scale: {type: 'string'},
	peak: {type: 'boolean', default: false},
	duration: {type: 'string'},
	warmup: {type: 'string'},
	seed: {type: 'string'},
	replications: {type: 'string'},
	set: {type: 'string', isMultiple: true},
	inject: {type: 'string', isMultiple: true},
	workers: {type: 'string'},
} as const;

/** Resolves what to simulate: a scenario's architectures or a model file, with `--set` applied. */
export function resolveTargets(input: readonly string[], flags: Readonly<Record<string, unknown>>, catalogue: () => Catalogue, command: string): Target[] {
	const modelFile = flags['model'] as string | undefined;
	const archs = (flags['arch'] as string[] | undefined) ?? [];
	const sets = (flags['set'] as string[] | undefined) ?? [];
	if (input.length > 1) throw new UsageError(`dojo ${command} takes one scenario; got ${input.length} (${input.join(', ')})`);
	let targets: Target[];
	if (modelFile !== undefined) {
		if (input.length > 0) throw new UsageError(`give a scenario or --model FILE, not both (got scenario "${input[0]}" and --model ${modelFile})`);
		if (archs.length > 0) throw new UsageError('--arch picks a scenario\'s architecture; a --model file is one architecture already');
		const loaded = loadYamlFile(modelFile, ModelSchema, modelChecks);
		if (!loaded.ok) throw new UsageError(loaded.errors.map((error) => formatFileError({...error, file: displayPath(error.file)})));
		targets = [{scenario: null, arch: null, title: displayPath(modelFile), model: loaded.value}];
	} else {
		const id = input[0];
		if (id === undefined) throw new UsageError(`dojo ${command} needs a scenario id or --model FILE (see \`dojo list\`)`);
		const scenario = findScenario(catalogue(), id);
		if (scenario.kind !== 'system-design') throw new UsageError(`scenario "${id}" is a data-modeling round; it has no architecture to simulate (try \`dojo exercise\`)`);
		const chosen = archs.length > 0 ? archs : [scenario.architectures[0]!.id];
		targets = chosen.map((archId) => {
			const architecture = scenario.architectures.find((candidate) => candidate.id === archId);
			if (!architecture) throw new UsageError(`--arch: scenario "${id}" has no architecture "${archId}"; expected one of ${scenario.architectures.map((candidate) => candidate.id).join(', ')}`);
			return {scenario: scenario.id, arch: architecture.id, title: architecture.title, model: modelFromScenario(scenario, architecture)};
		});
	}
	if (sets.length > 0) targets = applySets(targets, sets);
	const injects = (flags['inject'] as string[] | undefined) ?? [];
	if (injects.length > 0) targets = applyInjects(targets, injects);
	return targets;
}

/**
Adds every `--inject STAGE.lose_node[=COUNT]@TIME` or `--inject
source.load_multiplier=FACTOR@TIME` to the models' injections, the same faults
a model file's `injections:` describes, checked against the stages there are.
*/
export function applyInjects(targets: readonly Target[], injects: readonly string[]): Target[] {
	let out = [...targets];
	for (const raw of injects) {
		const match = /^([a-z][a-z0-9_-]*)\.(lose_node|load_multiplier|bot)(?:=([0-9.]+))?@(.+)$/.exec(raw.trim());
		if (!match) throw new UsageError(`--inject ${raw}: expected STAGE.lose_node[=COUNT]@TIME, source.load_multiplier=FACTOR@TIME or source.bot=FACTOR@TIME, e.g. --inject counters.lose_node@60s`);
		const [, stageId, kind, amount, when] = match as unknown as [string, string, 'lose_node' | 'load_multiplier' | 'bot', string | undefined, string];
		const at = parseDuration(when, `--inject ${raw}`);
		if (!at.ok) throw new UsageError(at.message);
		let injection: Target['model']['injections'][number];
		if (kind === 'load_multiplier' || kind === 'bot') {
			if (stageId !== 'source') throw new UsageError(`--inject ${raw}: ${kind} applies to the source: source.${kind}=FACTOR@TIME`);
			const factor = amount === undefined ? Number.NaN : Number(amount);
			if (!(factor > 0)) throw new UsageError(`--inject ${raw}: expected a factor above 0, e.g. source.${kind}=${kind === 'bot' ? 20 : 10}@60s`);
			injection = {at_s: at.value, kind, factor};
		} else {
			const count = amount === undefined ? 1 : Number(amount);
			if (!Number.isInteger(count) || count < 1) throw new UsageError(`--inject ${raw}: expected a whole count of at least 1, e.g. ${stageId}.lose_node=2@60s`);
			const known = [...new Set(targets.flatMap((target) => target.model.stages.map((stage) => stage.id)))];
			if (!known.includes(stageId)) throw new UsageError(`--inject ${raw}: no stage "${stageId}"; expected one of ${known.join(', ')}`);
			injection = {at_s: at.value, kind, stage: stageId, count};
		}
		out = out.map((target) => (kind === 'lose_node' && !target.model.stages.some((stage) => stage.id === stageId) ? target : {...target, model: {...target.model, injections: [...target.model.injections, injection]}}));
	}
	return out;
}

/** Applies every `--set STAGE.KNOB=VALUE`, checking each against the schema and the model rules. */
export function applySets(targets: readonly Target[], sets: readonly string[]): Target[] {
	let out = [...targets];
	for (const raw of sets) {
		const match = /^([a-z][a-z0-9_-]*)\.([a-z_][a-z0-9_.]*)=(.*)$/s.exec(raw);
		if (!match) throw new UsageError(`--set ${raw}: expected STAGE.KNOB=VALUE, e.g. --set ingest.shards=10`);
		const [, stageId, knob, text] = match as unknown as [string, string, string, string];
		const value = parseKnobValue(text);
		const has = (target: Target) => stageId === 'source' || target.model.stages.some((stage) => stage.id === stageId);
		if (!out.some(has)) {
			const known = [...new Set(targets.flatMap((target) => target.model.stages.map((stage) => stage.id)))];
			throw new UsageError(`--set ${raw}: no stage "${stageId}"; expected source or one of ${known.join(', ')}`);
		}
		out = out.map((target) => {
			if (!has(target)) return target;
			const edited = setKnob(target.model, stageId, knob, value);
			if (!edited.ok) {
				const stage = target.model.stages.find((candidate) => candidate.id === stageId);
				// A misspelt knob: name the ones this stage has (as `dojo list <scenario>` shows them).
				const valid = stage && !knobsFor(stage).some((spec) => spec.name === knob) ? `; knobs of ${stageId}: ${knobsFor(stage).map((spec) => spec.name).join(', ')}` : '';
				throw new UsageError(edited.problems.map((problem) => `--set ${raw}: ${problem}${valid}`));
			}
			return {...target, model: edited.model};
		});
	}
	return out;
}

/** Options every run shares, read from the flags. */
export type RunFlags = {
	loadPerS?: number;
	scale: number;
	peak: boolean;
	/** Simulated seconds; undefined when --duration was not given (each model then picks its own, see defaultDuration). */
	durationS?: number;
	warmupS?: number;
	seed: number;
	replications: number;
	workers?: number;
};

/** Reads and checks the run flags; `defaults` gives the command's own defaults. */
export function readRunFlags(flags: Readonly<Record<string, unknown>>, defaults: {replications: number}): RunFlags {
	const out: RunFlags = {
		scale: 1,
		peak: flags['peak'] === true,
		seed: 1,
		replications: defaults.replications,
	};
	const load = flags['load'] as string | undefined;
	if (load !== undefined) {
		const parsed = parseRate(load, '--load');
		if (!parsed.ok) throw new UsageError(parsed.message);
		out.loadPerS = parsed.value;
	}
	const scale = flags['scale'] as string | undefined;
	if (scale !== undefined) out.scale = positiveNumber('--scale', scale, 'a multiple above 0, e.g. 10');
	const duration = flags['duration'] as string | undefined;
	if (duration !== undefined) {
		const parsed = parseDuration(duration, '--duration');
		if (!parsed.ok) throw new UsageError(parsed.message);
		if (parsed.value > 7 * 86_400) throw new UsageError(`--duration: at most 7 days of simulated time; got "${duration}"`);
		out.durationS = parsed.value;
	}
	const warmup = flags['warmup'] as string | undefined;
	if (warmup !== undefined) {
		const parsed = warmup.trim() === '0' ? {ok: true as const, value: 0} : parseDuration(warmup, '--warmup');
		if (!parsed.ok) throw new UsageError(parsed.message);
		if (out.durationS !== undefined && parsed.value >= out.durationS) throw new UsageError(`--warmup: must be shorter than --duration (${out.durationS} s); got "${warmup}"`);
		out.warmupS = parsed.value;
	}
	const seed = flags['seed'] as string | undefined;
	if (seed !== undefined) out.seed = wholeNumber('--seed', seed, 0, Number.MAX_SAFE_INTEGER, 'a whole number >= 0');
	const replications = flags['replications'] as string | undefined;
	if (replications !== undefined) out.replications = wholeNumber('--replications', replications, 1, 1000, 'a whole number from 1 to 1000');
	const workers = flags['workers'] as string | undefined;
	if (workers !== undefined) out.workers = wholeNumber('--workers', workers, 1, 256, 'a whole number from 1 to 256');
	return out;
}

/** Reads a number flag given as text, so "fast" or "-5" is named in the error rather than becoming NaN. */
export function positiveNumber(flag: string, raw: string, expected: string): number {
	const value = /^\s*\d+(\.\d+)?\s*x?\s*$/i.test(raw) ? Number.parseFloat(raw) : Number.NaN;
	if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`${flag}: expected ${expected}; got "${raw}"`);
	return value;
}

function wholeNumber(flag: string, raw: string, min: number, max: number, expected: string): number {
	const text = raw.trim().replaceAll('_', '');
	const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
	if (!Number.isSafeInteger(value) || value < min || value > max) throw new UsageError(`${flag}: expected ${expected}; got "${raw}"`);
	return value;
}
