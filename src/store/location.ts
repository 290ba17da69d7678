/**
Where the progress database lives: `$DOJO_HOME/progress.db` when DOJO_HOME is
set (tests, a second profile), else `$XDG_DATA_HOME/pipeline-dojo/progress.db`,
else `~/.local/share/pipeline-dojo/progress.db` as the XDG spec says.
*/
import {homedir} from 'node:os';
import {join} from 'node:path';

/** The folder holding progress.db for an environment. */
export function progressFolder(env: NodeJS.ProcessEnv = process.env): string {
	if (env['DOJO_HOME']) return env['DOJO_HOME'];
	const data = env['XDG_DATA_HOME'] || join(env['HOME'] || homedir(), '.local', 'share');
	return join(data, 'pipeline-dojo');
}

/** The file name of the database inside its folder. */
export const databaseName = 'progress.db';
