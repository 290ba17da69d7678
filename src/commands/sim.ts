/** Placeholder until the `sim` command lands; replaced by its issue. */
import {UsageError} from '../errors.js';
import type {Command} from './command.js';

/** `dojo sim` (not built yet). */
export const simCommand: Command = {
	name: 'sim',
	summary: 'not built yet',
	help: 'dojo sim is not built yet.',
	flags: {},
	async run() {
		throw new UsageError('dojo sim is not built yet');
	},
};
