/** `dojo validate`: check scenario files before using them. */
import {builtinFiles, validateScenarioFiles} from '../scenarios/catalogue.js';
import {formatFileError} from '../scenarios/load.js';
import {resolve} from 'node:path';
import type {Command} from './command.js';

/** Validates scenario files: one line per problem, exit 0 when all are valid and 2 when not. */
export const validateCommand: Command = {
	name: 'validate',
	summary: 'check scenario files; errors carry file:line:col',
	help: `
  Usage
    $ dojo validate [FILE.yaml ...]

  Checks scenario files against the schema (scenarios.schema.json) and the
  cross-reference rules: unique ids, references that resolve, numbers in range.
  Files are checked after the built-in scenarios, so an exercise may name a
  built-in scenario. With no FILE, checks the built-in scenarios.yaml and
  coding.yaml (the Python problems of dojo code).
  Prints one line per problem as file:line:col path: message.
  Exit code 0 when every file is valid, 2 when not.

  Examples
    $ dojo validate
    $ dojo validate my-scenarios.yaml
`,
	flags: {},
	async run({input, flags, stdout, stderr}) {
		const extra = [...input, ...((flags['scenarios'] as string[] | undefined) ?? [])];
		// A built-in file named on the command line is checked once, in its built-in place.
		const builtin = builtinFiles();
		const files = [...builtin, ...extra.filter((file) => !builtin.includes(resolve(file)))];
		const {catalogue, errors} = validateScenarioFiles(files);
		if (flags['json']) {
			stdout.write(`${JSON.stringify({valid: errors.length === 0, files: extra.length > 0 ? extra : files, errors}, null, 2)}\n`);
			return errors.length === 0 ? 0 : 2;
		}
		for (const error of errors) stderr.write(`${formatFileError(error)}\n`);
		if (errors.length > 0) {
			stderr.write(`${errors.length} problem${errors.length === 1 ? '' : 's'} found\n`);
			return 2;
		}
		const shown = extra.length > 0 ? extra.join(', ') : 'built-in scenarios.yaml and coding.yaml';
		stdout.write(`ok: ${shown} (${catalogue.scenarios.length} scenarios, ${catalogue.exercises.length} exercises, ${catalogue.coding.length} coding problems in all)\n`);
		return 0;
	},
};
