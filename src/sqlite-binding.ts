/**
Where better-sqlite3's compiled addon is, for its `nativeBinding` option. The
build bundles the driver's JavaScript (loading its thirteen files one by one
cost about 6 ms of every start that opens a database), and a bundled driver
cannot find its addon by itself: the `bindings` package it would use searches
next to the bundle, not in node_modules. So every database is opened with the
addon named here.
*/
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

let found: string | null | undefined;

/** The addon's path, found once from the installed package; undefined when it is not where npm builds it. */
export function sqliteBinding(): string | undefined {
	if (found === undefined) {
		try {
			const path = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
			found = existsSync(path) ? path : null;
		} catch {
			found = null;
		}
	}
	return found ?? undefined;
}
