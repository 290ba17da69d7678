/** Placeholder until the `sweep` command lands; replaced by its issue. */
import {UsageError} from '../errors.js';
import type {Command} from './command.js';

/** `dojo sweep` (not built yet). */
export const sweepCommand: Command = {
	name: 'sweep',
	summary: 'not built yet',
	help: 'dojo sweep is not built yet.',
	flags: {},
	async run() {
		throw new UsageError('dojo sweep is not built yet');
	},
};
