// `npm start`: builds dist/ when any source is newer than the bundle, then runs
// `dojo` with the terminal attached. Extra arguments pass through:
// `npm start -- sim login-counter`.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, {withFileTypes: true})) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

const bundle = 'dist/cli.js';
const sources = Math.max(newestMtime('src'), statSync('package.json').mtimeMs, statSync('scripts/build.mjs').mtimeMs);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
	const build = spawnSync(process.execPath, ['scripts/build.mjs'], {stdio: 'inherit'});
	if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], {stdio: 'inherit'});
process.exit(run.status ?? 1);
