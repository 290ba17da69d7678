/**
Ctrl-C for every command: exit 130 (128 + SIGINT, the README's exit code for
"interrupted") instead of dying by the signal, except while the main thread is
busy with work it cannot leave (a JavaScript handler runs only when that work
ends, so the process then keeps the default action and ends at once, by the
signal, which a shell reports as 130 too).
*/

/** Clean-ups to run before leaving on Ctrl-C, registered by commands that own something (a sandbox child). */
const cleanups = new Set<() => void>();

function exitInterrupted(): void {
	for (const cleanup of cleanups) {
		try {
			cleanup();
		} catch {
			// Leaving anyway: one failed clean-up must not keep the process alive.
		}
	}
	process.exit(130);
}

/** Makes Ctrl-C end the process with exit code 130; called once by the CLI entry. */
export function exitOnInterrupt(): void {
	process.on('SIGINT', exitInterrupted);
}

/**
Runs `cleanup` (synchronously; it must not wait) before the process leaves on
Ctrl-C, such as killing a child process. Returns the function that unregisters it.
*/
export function onInterrupt(cleanup: () => void): () => void {
	cleanups.add(cleanup);
	return () => cleanups.delete(cleanup);
}

/**
Runs synchronous work that blocks the main thread (a simulation run in-thread, the
bench) with the default SIGINT action, so Ctrl-C stops it at once rather than
after it ends. The listeners are put back afterwards.
*/
export function blockingWork<T>(work: () => T): T {
	const listeners = process.listeners('SIGINT');
	process.removeAllListeners('SIGINT');
	try {
		return work();
	} finally {
		for (const listener of listeners) process.on('SIGINT', listener);
	}
}
