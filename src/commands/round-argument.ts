/**
The `<round-id>|--last` argument that `dojo report` and `dojo screen` take:
one round id from `dojo history`, or `--last`, never both.
*/
import {UsageError} from '../errors.js';

/** The round id asked for, or undefined for `--last`; a usage error says what was wrong. */
export function roundArgument(command: string, input: readonly string[], last: boolean): string | undefined {
	if (last ? input.length > 0 : input.length !== 1) throw new UsageError(last ? `--last takes no round id; got ${input.join(' ')}` : `dojo ${command} takes one round id or --last; got ${input.length === 0 ? 'none' : input.join(' ')} (see \`dojo history\`)`);
	const id = last ? undefined : input[0]!;
	if (id !== undefined && !/^[1-9]\d*$/.test(id)) throw new UsageError(`round id: expected a whole number from \`dojo history\`; got "${id}"`);
	return id;
}
