/**
The pyodide child: one Python interpreter in a Node process started by
`runtime.ts` under the permission model (reads only pyodide's folder and this
script; no writes, child processes, workers or addons) with an empty
environment. Before the answer ever runs it caps the wasm heap, loads pyodide
from disk with `fetch` already gone, then removes what Python could reach
through `js` to leave or signal: WebSocket, process.kill, process.exit and the
built-in module loader. It grades one request at a time and replies over IPC.

Run as `node coding-child.mjs <pyodide folder> <heap cap in bytes> [snapshot]`.
With a snapshot file (written by the build), pyodide restores its memory from it
instead of booting Python, which makes a cold start several times faster; a
missing or unusable snapshot falls back to the plain boot. The build runs this
script with `--make-snapshot FILE`, unrestricted and before any answer exists.
*/
import dgram from 'node:dgram';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';
import {pathToFileURL} from 'node:url';
import {harnessSource} from './harness-source.js';
import type {ChildMessage, GradeRequest, LoadOutcome} from './protocol.js';

const started = Date.now();
const [pyodideDir = '', capText = '', snapshotArg = ''] = process.argv.slice(2);
const makeSnapshot = snapshotArg === '--make-snapshot';
const heapCap = Number(capText) || 512 * 1024 * 1024;

// Kept in this closure so nothing the answer reaches through `js` can call them.
const send = (makeSnapshot ? () => undefined : process.send!.bind(process)) as (message: ChildMessage) => void;
const exit = process.exit.bind(process);
const global = globalThis as Record<string, unknown>;
const parse = JSON.parse;

// A worker's resourceLimits do not bound wasm memory; refusing to grow the heap
// past the cap makes malloc fail, which Python raises as MemoryError.
const wasm = global['WebAssembly'] as {instantiate: (source: unknown, imports?: {env?: Record<string, unknown>}) => Promise<unknown>};
const instantiate = wasm.instantiate.bind(wasm);
wasm.instantiate = (source: unknown, imports?: {env?: Record<string, unknown>}) => {
	const env = imports?.env;
	const grow = env?.['emscripten_resize_heap'];
	if (env && typeof grow === 'function') env['emscripten_resize_heap'] = (requested: number) => ((requested >>> 0) > heapCap ? 0 : grow(requested));
	return instantiate(source, imports);
};

// Gone before pyodide loads, which proves it reads its files from disk.
delete global['fetch'];
delete global['WebSocket'];
delete global['EventSource'];

type Pyodide = {runPython(code: string): unknown; globals: {get(name: string): (...args: string[]) => string}; makeMemorySnapshot(): Uint8Array};
const {loadPyodide} = (await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href)) as {loadPyodide(options: object): Promise<Pyodide>};
const quiet = () => {};
const options = {indexURL: `${pyodideDir}/`, env: {HOME: '/home/pyodide'}, stdin: () => null, stdout: quiet, stderr: quiet, packages: []};
if (makeSnapshot) {
	const fresh = await loadPyodide({...options, _makeSnapshot: true});
	writeFileSync(process.argv[5]!, fresh.makeMemorySnapshot());
	exit(0);
}

/** Boots from the build's snapshot when there is one that works, else plainly. */
async function boot(): Promise<Pyodide> {
	if (snapshotArg && existsSync(snapshotArg)) {
		try {
			return await loadPyodide({...options, _loadSnapshot: readFileSync(snapshotArg)});
		} catch {
			// A snapshot from another pyodide version: boot plainly below.
		}
	}
	return loadPyodide(options);
}

const pyodide = await boot();
pyodide.runPython(harnessSource);
const load = pyodide.globals.get('_dojo_load');
const run = pyodide.globals.get('_dojo_run');

const refuse = (what: string) => () => {
	throw new Error(`${what} is not available in the dojo sandbox`);
};
process.kill = refuse('process.kill') as typeof process.kill;
process.exit = refuse('process.exit') as typeof process.exit;
process.abort = refuse('process.abort') as typeof process.abort;
(process as unknown as Record<string, unknown>)['reallyExit'] = refuse('process.reallyExit');
(process as unknown as Record<string, unknown>)['getBuiltinModule'] = refuse('process.getBuiltinModule');
(process as unknown as Record<string, unknown>)['dlopen'] = refuse('process.dlopen');
(process as unknown as Record<string, unknown>)['binding'] = refuse('process.binding');

// Node 20's permission model has no switch for the network, and Python can still reach
// `import("node:net")` through the JS side; every socket, TCP or UDP, goes through
// these prototypes, so refusing them here closes the network for the whole process.
net.Socket.prototype.connect = refuse('the network') as typeof net.Socket.prototype.connect;
net.Server.prototype.listen = refuse('the network') as typeof net.Server.prototype.listen;
dgram.Socket.prototype.bind = refuse('the network') as typeof dgram.Socket.prototype.bind;
dgram.Socket.prototype.send = refuse('the network') as typeof dgram.Socket.prototype.send;
dgram.Socket.prototype.connect = refuse('the network') as typeof dgram.Socket.prototype.connect;
dns.lookup = refuse('the network') as unknown as typeof dns.lookup;
dns.promises.lookup = refuse('the network') as typeof dns.promises.lookup;

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Grades one request, replying after the load and after each case so the parent can time each. */
async function grade(request: GradeRequest): Promise<void> {
	const {nonce} = request;
	const loaded = parse(load(request.source, request.filename, request.function)) as LoadOutcome;
	send({type: 'loaded', nonce, outcome: loaded});
	await turn();
	if (loaded.ok) {
		for (const item of request.cases) {
			const caseStarted = performance.now();
			const outcome = parse(run(JSON.stringify(item)));
			send({type: 'case', nonce, id: item.id, outcome, ms: performance.now() - caseStarted});
			await turn();
		}
	}
	send({type: 'done', nonce});
}

let busy = Promise.resolve();
process.on('message', (message: GradeRequest) => {
	if (message?.type !== 'grade') return;
	busy = busy.then(() =>
		grade(message).catch((error: unknown) => {
			// A pyodide fatal error (or anything else) ends this interpreter: say so, and let the parent start another.
			send({type: 'fatal', nonce: message.nonce, message: String(error instanceof Error ? error.message : error).slice(0, 500)});
		}),
	);
});
process.on('disconnect', () => exit(0));
send({type: 'ready', ms: Date.now() - started});
