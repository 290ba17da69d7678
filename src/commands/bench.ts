/** Placeholder until the `bench` command lands; replaced by its issue. */
import {UsageError} from '../errors.js';
import type {Command} from './command.js';

/** `dojo bench` (not built yet). */
export const benchCommand: Command = {
	name: 'bench',
	summary: 'not built yet',
	help: 'dojo bench is not built yet.',
	flags: {},
	async run() {
		throw new UsageError('dojo bench is not built yet');
	},
};
