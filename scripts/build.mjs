// Bundles src/cli.tsx into dist/ with esbuild: one fast-starting entry plus
// lazily loaded chunks, so `dojo --version` never loads Ink. better-sqlite3's
// JavaScript is bundled too; its compiled addon is loaded from node_modules
// (src/sqlite-binding.ts names it).
import {chmodSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
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

// Ink turns every line of a frame into text with @alcalzone/ansi-tokenize's
// styledCharsToString, which works out the style change between every pair of
// neighbouring characters (about 3 ms of the first frame); src/ui/fast-styled-chars.ts
// skips that when neighbours share their style and re-exports the rest.
const fastStyledChars = resolve('src/ui/fast-styled-chars.ts');
const styledCharsPlugin = {
	name: 'fast-styled-chars',
	setup(plugin) {
		plugin.onResolve({filter: /^@alcalzone\/ansi-tokenize$/}, (args) => (args.importer === fastStyledChars ? undefined : {path: fastStyledChars}));
	},
};

// Two costs Ink's text packages paid as they loaded, before the first frame,
// for text the screens rarely draw: each made an Intl.Segmenter (the first one
// loads ICU's break-iterator data, 10–20 ms), and string-width built four
// Unicode-property regular expressions (\p{RGI_Emoji} alone about 20 ms). These
// files get src/ui/grapheme-segmenter.ts, which needs ICU only for text that does,
// and src/ui/lazy-regexp.ts, which builds each expression on first use. The
// counts are exact, so a package that changes shape stops the build.
const textPackagePatches = [
	{file: 'node_modules/string-width/index.js', segmenters: 1, lazyRegExps: 4},
	{file: 'node_modules/slice-ansi/tokenize-ansi.js', segmenters: 1, lazyRegExps: 0},
	{file: 'node_modules/@alcalzone/ansi-tokenize/build/tokenize.js', segmenters: 1, lazyRegExps: 0},
].map((patch) => ({...patch, path: resolve(patch.file)}));
const graphemeSegmenterModule = resolve('src/ui/grapheme-segmenter.ts');
const lazyRegExpModule = resolve('src/ui/lazy-regexp.ts');
const textPackagesPlugin = {
	name: 'lazy-text-package-setup',
	setup(plugin) {
		plugin.onLoad({filter: /[\\/](string-width[\\/]index|slice-ansi[\\/]tokenize-ansi|ansi-tokenize[\\/]build[\\/]tokenize)\.js$/}, (args) => {
			const patch = textPackagePatches.find((candidate) => candidate.path === args.path);
			if (!patch) return undefined;
			let segmenters = 0;
			let lazyRegExps = 0;
			let contents = readFileSync(args.path, 'utf8').replace(/\bnew Intl\.Segmenter\(/g, () => {
				segmenters++;
				return 'new GraphemeSegmenter(';
			});
			// Only string-width's are slow to build; slice-ansi's one \p{Emoji_Presentation} is cheap and used by every truncated line.
			if (patch.lazyRegExps > 0) {
				contents = contents.replace(/^const (\w+) = (\/.*\\p\{.*\/[a-z]*);$/gm, (_, name, literal) => {
					lazyRegExps++;
					return `const ${name} = lazyRegExp(() => ${literal});`;
				});
			}
			if (segmenters !== patch.segmenters || lazyRegExps !== patch.lazyRegExps) {
				throw new Error(`build: ${patch.file} was expected to make ${patch.segmenters} Intl.Segmenter and to declare ${patch.lazyRegExps} Unicode-property regular expressions at its top level; found ${segmenters} and ${lazyRegExps}. The package changed: update textPackagePatches in scripts/build.mjs`);
			}
			const imports = [`import {GraphemeSegmenter} from ${JSON.stringify(graphemeSegmenterModule)};`];
			if (lazyRegExps > 0) imports.push(`import {lazyRegExp} from ${JSON.stringify(lazyRegExpModule)};`);
			return {contents: `${imports.join('\n')}\n${contents}`, loader: 'js', resolveDir: dirname(args.path)};
		});
	},
};

rmSync('dist', {recursive: true, force: true});
const appBuild = await build({
	// DOJO_METAFILE=path writes esbuild's account of which modules went into which chunk (for start-up work).
	metafile: process.env.DOJO_METAFILE !== undefined,
	// The SQL sandbox runs in a forked child process, so it is an entry of its own.
	// `--replications` runs simulations in worker threads, which load their own entry.
	entryPoints: ['src/cli.tsx', 'src/grader/sandbox-child.ts', 'src/sim-worker.ts'],
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	alias: {'react-devtools-core': './stubs/react-devtools-core.js'},
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"},
	chunkNames: 'chunks/[name]-[hash]',
	logLevel: 'warning',
	legalComments: 'none',
	minify: process.env.DOJO_NO_MINIFY !== '1',
	plugins: [stringWidthPlugin, styledCharsPlugin, textPackagesPlugin],
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
if (process.env.DOJO_METAFILE) writeFileSync(process.env.DOJO_METAFILE, JSON.stringify(appBuild.metafile));

// The built-in scenarios, validated once here and read as JSON at run time.
const compile = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compile-scenarios.ts'], {stdio: 'inherit'});
if (compile.status !== 0) process.exit(compile.status ?? 1);
