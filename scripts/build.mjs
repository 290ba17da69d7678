// Bundles src/cli.tsx into dist/ with esbuild: one fast-starting entry plus
// lazily loaded chunks, so `dojo --version` never loads Ink. better-sqlite3 is
// a native addon and stays external.
import {chmodSync, readFileSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, resolve} from 'node:path';
import {spawnSync} from 'node:child_process';
import {build} from 'esbuild';

// Ink measures every line with string-width, whose exact path costs tens of
// milliseconds before the first frame; src/ui/fast-string-width.ts counts the
// common narrow text directly and hands the rest to the real package.
const fastStringWidth = resolve('src/ui/fast-string-width.ts');
const stringWidthPlugin = {
	name: 'fast-string-width',
	setup(plugin) {
		plugin.onResolve({filter: /^string-width$/}, (args) => (args.importer === fastStringWidth ? undefined : {path: fastStringWidth}));
	},
};

// meow's bundled dependencies evaluate normalize-package-data when loaded, and
// with it spdx-correct's sort of license names (about 10 ms on every command),
// though meow only normalizes the package on demand (`cli.pkg`), which dojo
// never asks for. Load it on first use instead. The build fails if meow's
// text changes, so an upgrade cannot silently bring the cost back.
const eagerNormalize = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
const lazyMeowPlugin = {
	name: 'lazy-meow-normalize',
	setup(plugin) {
		plugin.onLoad({filter: /meow[\\/]build[\\/]dependencies\.js$/}, ({path}) => {
			const text = readFileSync(path, 'utf8');
			if (!text.includes(eagerNormalize)) throw new Error(`${path}: the eager normalize-package-data load changed; update lazyMeowPlugin in scripts/build.mjs`);
			return {contents: text.replace(eagerNormalize, 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);'), loader: 'js'};
		});
	},
};

rmSync('dist', {recursive: true, force: true});
await build({
	// The SQL sandbox runs in a forked child process, so it is an entry of its own.
	// `--replications` runs simulations in worker threads, which load their own entry.
	entryPoints: ['src/cli.tsx', 'src/grader/sandbox-child.ts', 'src/sim-worker.ts'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	external: ['better-sqlite3'],
	alias: {'react-devtools-core': './stubs/react-devtools-core.js'},
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"},
	chunkNames: 'chunks/[name]-[hash]',
	logLevel: 'warning',
	legalComments: 'none',
	minify: process.env.DOJO_NO_MINIFY !== '1',
	plugins: [stringWidthPlugin, lazyMeowPlugin],
});
// The pyodide child runs under Node's permission model, which lets it read only
// pyodide's folder and these two files: so each is one self-contained .mjs
// (no chunks, no package.json lookup); pyodide itself is imported at run time.
await build({
	entryPoints: {'coding-child': 'src/coding/child.ts', 'coding-preload': 'src/coding/preload.ts'},
	outdir: 'dist',
	outExtension: {'.js': '.mjs'},
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	logLevel: 'warning',
	legalComments: 'none',
});
// A memory snapshot of a freshly booted pyodide (no answer has run in it) makes
// the sandbox's cold start several times faster; without it the child boots plainly.
const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const snapshot = spawnSync(process.execPath, ['dist/coding-child.mjs', pyodideDir, '0', '--make-snapshot', 'dist/pyodide-snapshot.bin'], {stdio: 'inherit', env: {}});
if (snapshot.status !== 0) console.warn('build: no pyodide snapshot (dojo code starts more slowly)');
chmodSync('dist/cli.js', 0o755);

// The built-in scenarios, validated once here and read as JSON at run time.
const compile = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compile-scenarios.ts'], {stdio: 'inherit'});
if (compile.status !== 0) process.exit(compile.status ?? 1);
