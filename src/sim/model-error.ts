/**
A model the simulator cannot run (a loop of stations, a stage never reached),
found by the simulator itself. A RangeError, so the pure core throws no
command-line error type; the commands turn it into a usage error (exit 2),
the worker threads pass it on as one.
*/
export class ModelError extends RangeError {
	override readonly name = 'ModelError';

	/** One message per problem, each a complete line ("stages[1].next: what failed; what was expected"). */
	readonly lines: readonly string[];

	constructor(lines: string | readonly string[]) {
		const all = typeof lines === 'string' ? [lines] : lines;
		super(all.join('\n'));
		this.lines = all;
	}
}
