/** `dojo validate`: check scenario files before using them. */
import {builtinFiles, displayPath, validateScenarioFiles} from '../scenarios/catalogue.js';
import {fileKind, loadModelFile} from '../scenarios/file-kind.js';
import {formatFileError, type FileError} from '../scenarios/load.js';
import {resolve} from 'node:path';
import type {Command} from './command.js';

/** Validates scenario files: one line per problem, exit 0 when all are valid and 2 when not. */
export const validateCommand: Command = {
	name: 'validate',
	summary: 'check scenario files; errors carry file:line:col',
	help: `
  Usage
    $ dojo validate [FILE.yaml ...] [--model MODEL.yaml ...]

  Checks scenario files against the schema (scenarios.schema.json) and the
  cross-reference rules: unique ids, references that resolve, numbers in range.
  Files are checked after the built-in scenarios, so an exercise may name a
  built-in scenario. With no FILE, checks the built-in scenarios.yaml and
  coding.yaml (the Python problems of dojo code).
  A model file (the --model of dojo sim and sweep: source and stages, no
  version) is recognised and checked against the model schema and rules; name
  one with --model to insist it is a model.
  Schema errors and rule errors are reported in one pass.
  Prints one line per problem as file:line:col path: message.
  Exit code 0 when every file is valid, 2 when not.

  Examples
    $ dojo validate
    $ dojo validate my-scenarios.yaml
    $ dojo validate --model my-pipeline.yaml
`,
	flags: {model: {type: 'string', isMultiple: true}},
	async run({input, flags, stdout, stderr}) {
		const named = [...input, ...((flags['scenarios'] as string[] | undefined) ?? [])];
		const models = [...((flags['model'] as string[] | undefined) ?? []), ...named.filter((file) => fileKind(file) === 'model')];
		const extra = named.filter((file) => !models.includes(file));
		// A built-in file named on the command line is checked once, in its built-in place.
		const builtin = builtinFiles();
		// Only model files named: the built-in scenarios are no input of theirs.
		const files = extra.length === 0 && models.length > 0 ? [] : [...builtin, ...extra.filter((file) => !builtin.includes(resolve(file)))];
		const {catalogue, errors} = validateScenarioFiles(files);
		const stages = new Map<string, number>();
		for (const model of models) {
			const loaded = loadModelFile(model);
			if (loaded.ok) stages.set(model, loaded.value.stages.length);
			else errors.push(...loaded.errors.map((error): FileError => ({...error, file: displayPath(error.file)})));
		}
		if (flags['json']) {
			stdout.write(`${JSON.stringify({valid: errors.length === 0, files: named.length + models.length > 0 ? [...extra, ...models] : files, errors}, null, 2)}\n`);
			return errors.length === 0 ? 0 : 2;
		}
		for (const error of errors) stderr.write(`${formatFileError(error)}\n`);
		if (errors.length > 0) {
			stderr.write(`${errors.length} problem${errors.length === 1 ? '' : 's'} found\n`);
			return 2;
		}
		if (files.length > 0) {
			const shown = extra.length > 0 ? extra.join(', ') : 'built-in scenarios.yaml and coding.yaml';
			stdout.write(`ok: ${shown} (${catalogue.scenarios.length} scenarios, ${catalogue.exercises.length} exercises, ${catalogue.coding.length} coding problems in all)\n`);
		}
		for (const [model, count] of stages) stdout.write(`ok: ${model} (model: ${count} stage${count === 1 ? '' : 's'})\n`);
		return 0;
	},
};
