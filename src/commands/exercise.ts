/** Placeholder until the `exercise` command lands; replaced by its issue. */
import {UsageError} from '../errors.js';
import type {Command} from './command.js';

/** `dojo exercise` (not built yet). */
export const exerciseCommand: Command = {
	name: 'exercise',
	summary: 'not built yet',
	help: 'dojo exercise is not built yet.',
	flags: {},
	async run() {
		throw new UsageError('dojo exercise is not built yet');
	},
};
