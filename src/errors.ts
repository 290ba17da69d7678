/**
An error caused by what the user typed or wrote (a wrong flag, a broken file),
as opposed to a bug. The CLI prints its message alone on stderr, with no stack
trace, and exits with code 2.
*/
export class UsageError extends Error {
	override readonly name = 'UsageError';

	/** One message per problem, each a complete line ("file:line:col path: what failed; what was expected"). */
	readonly lines: readonly string[];

	constructor(lines: string | readonly string[]) {
		const all = typeof lines === 'string' ? [lines] : lines;
		super(all.join('\n'));
		this.lines = all;
	}
}
