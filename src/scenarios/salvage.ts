/**
What of a value that failed its schema still parses, part by part, so that
`dojo validate` can run the cross-reference rules over those parts in the same
pass as the schema, instead of reporting rule errors only once the schema
errors are fixed.

Each field of an object and each item of a list or record is parsed on its own;
a part that fails is left out (undefined), its siblings keep their parsed values
(defaults applied). Refinements of an object (zod `superRefine`, which zod runs
only when the object's fields all parse) are run over the salvaged object; one
that cannot read it (it throws) is skipped.
*/
import type {z} from 'zod';
import type {Path} from './format-issue.js';

/** A problem a salvaged object's own refinement found, its path from the root. */
export type SalvagedProblem = {path: Path; message: string};

/** The salvaged value (a partial of the schema's output) and the refinement problems found on its parts. */
export type Salvage = {value: unknown; problems: SalvagedProblem[]};

/** The parts of zod 4's schema definitions the walk reads. */
type Definition = {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	valueType?: z.ZodType;
	innerType?: z.ZodType;
	options?: z.ZodType[];
	discriminator?: string;
	checks?: ReadonlyArray<{_zod: {check: (payload: {value: unknown; issues: unknown[]}) => unknown}}>;
};

function definitionOf(schema: z.ZodType): Definition {
	return (schema as unknown as {_zod: {def: Definition}})._zod.def;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses what parses of `value` under `schema` (see the module comment). */
export function salvage(schema: z.ZodType, value: unknown): Salvage {
	const problems: SalvagedProblem[] = [];
	return {value: walk(schema, value, [], problems), problems};
}

function walk(schema: z.ZodType, value: unknown, path: Path, problems: SalvagedProblem[]): unknown {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const definition = definitionOf(schema);
	switch (definition.type) {
		case 'default':
		case 'prefault':
		case 'optional':
		case 'nullable':
		case 'readonly':
			return walk(definition.innerType!, value, path, problems);
		case 'object': {
			if (!isRecord(value)) return undefined;
			const out: Record<string, unknown> = {};
			for (const [key, field] of Object.entries(definition.shape!)) {
				const part = walk(field, value[key], [...path, key], problems);
				if (part !== undefined) out[key] = part;
			}
			problems.push(...refinementProblems(definition, out, path));
			return out;
		}
		case 'array':
			return Array.isArray(value) ? value.map((item, index) => walk(definition.element!, item, [...path, index], problems)) : undefined;
		case 'record':
			// Keys stay even when their value is broken: a rule asking "is there a key X" should not see a made-up absence.
			return isRecord(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(definition.valueType!, item, [...path, key], problems)])) : undefined;
		case 'union': {
			// A discriminated union: the option the discriminator names, when it names one.
			const key = definition.discriminator;
			if (key === undefined || !isRecord(value)) return undefined;
			const option = definition.options!.find((candidate) => {
				const values = (candidate as unknown as {_zod: {propValues?: Record<string, Set<unknown>>}})._zod.propValues?.[key];
				return values?.has(value[key]) ?? false;
			});
			return option ? walk(option, value, path, problems) : undefined;
		}
		default:
			return undefined;
	}
}

/** Runs an object's refinements over its salvaged fields; a refinement that throws on the missing parts is skipped. */
function refinementProblems(definition: Definition, value: Record<string, unknown>, path: Path): SalvagedProblem[] {
	const found: SalvagedProblem[] = [];
	for (const check of definition.checks ?? []) {
		const payload = {value, issues: [] as unknown[]};
		try {
			check._zod.check(payload);
		} catch {
			continue;
		}
		for (const issue of payload.issues as Array<{path?: PropertyKey[]; message: string}>) {
			found.push({path: [...path, ...(issue.path ?? []).map((part) => (typeof part === 'symbol' ? String(part) : part))], message: issue.message});
		}
	}
	return found;
}

/** True when one path is the other or lies inside it: a rule problem there may stem from the schema error. */
export function pathsOverlap(a: Path, b: Path): boolean {
	const shorter = a.length <= b.length ? a : b;
	const longer = shorter === a ? b : a;
	return shorter.every((part, index) => String(part) === String(longer[index]));
}
