/**
The opt-in `--python system` child: the user's own `python3`, for answers that
want pandas. It is NOT a sandbox: the answer can do whatever the user can. What
it gets is hygiene: isolated mode (`-I`: no user site-packages, no PYTHON*
variables, no script directory on sys.path), an empty temporary working
directory, a scrubbed environment, its own process group (killed as a whole on
timeout), and an address-space rlimit where the OS has one. The same Python
harness as pyodide's runs it; replies come as JSON lines on fd 3, apart from
the answer's stdout.
*/
import {spawn} from 'node:child_process';
import {EventEmitter} from 'node:events';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import type {Readable, Writable} from 'node:stream';
import {harnessSource} from './harness-source.js';

const driver = String.raw`
import io, json, os, sys, time
_dojo_requests = sys.stdin
sys.stdin = io.StringIO("")
_dojo_out = os.fdopen(3, "w")
try:
    import resource
    # Twice the pyodide heap cap: CPython and its libraries map more address space than they use.
    _cap = int(sys.argv[1]) * 2
    resource.setrlimit(resource.RLIMIT_AS, (_cap, _cap))
except Exception:
    pass

def _dojo_send(message):
    _dojo_out.write(json.dumps(message) + "\n")
    _dojo_out.flush()

_dojo_send({"type": "ready", "ms": 0})
for _line in _dojo_requests:
    _request = json.loads(_line)
    _nonce = _request["nonce"]
    _loaded = json.loads(_dojo_load(_request["source"], _request["filename"], _request["function"]))
    _dojo_send({"type": "loaded", "nonce": _nonce, "outcome": _loaded})
    if _loaded["ok"]:
        for _case in _request["cases"]:
            _started = time.perf_counter()
            _outcome = json.loads(_dojo_run(json.dumps(_case)))
            _dojo_send({"type": "case", "nonce": _nonce, "id": _case["id"], "outcome": _outcome, "ms": (time.perf_counter() - _started) * 1000})
    _dojo_send({"type": "done", "nonce": _nonce})
`;

/** A system python3 child that speaks the runtime's protocol, like a forked child with IPC. */
export class SystemPythonChild extends EventEmitter {
	readonly stderr: Readable | null;
	private readonly child;
	private readonly dir: string;

	constructor(heapBytes: number, python = 'python3') {
		super();
		this.dir = mkdtempSync(join(tmpdir(), 'dojo-python-'));
		this.child = spawn(python, ['-I', '-c', `${harnessSource}\n${driver}`, String(heapBytes)], {
			cwd: this.dir,
			env: {PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', HOME: this.dir},
			stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.stderr = this.child.stderr;
		const replies = this.child.stdio[3] as Readable;
		createInterface({input: replies}).on('line', (line) => {
			try {
				this.emit('message', JSON.parse(line));
			} catch {
				// Not a reply: ignored, like anything else an answer might write there.
			}
		});
		this.child.on('error', (error) => {
			// python3 missing or not runnable: reported as an exit, with the reason as stderr.
			this.child.stderr?.emit('data', Buffer.from(String(error)));
			this.emit('exit', 127, null);
		});
		this.child.on('exit', (code, signal) => {
			rmSync(this.dir, {recursive: true, force: true});
			this.emit('exit', code, signal);
		});
	}

	/** Sends one request as a JSON line on the child's stdin. */
	send(message: unknown): boolean {
		return (this.child.stdin as Writable).write(`${JSON.stringify(message)}\n`);
	}

	/** Kills the whole process group, so anything the answer started goes too. */
	kill(signal: NodeJS.Signals = 'SIGKILL'): boolean {
		try {
			if (this.child.pid) process.kill(-this.child.pid, signal);
			return true;
		} catch {
			return this.child.kill(signal);
		}
	}

	ref(): void {
		this.child.ref();
	}

	unref(): void {
		this.child.unref();
		for (const stream of [this.child.stdin, this.child.stderr, this.child.stdio[3]]) (stream as unknown as {unref?: () => void} | null)?.unref?.();
	}
}
