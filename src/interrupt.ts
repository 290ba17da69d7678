/**
Ctrl-C for every command: exit 130 (128 + SIGINT, the README's exit code for
"interrupted") instead of dying by the signal, except while the main thread is
busy with work it cannot leave (a JavaScript handler runs only when that work
ends, so the process then keeps the default action and ends at once, by the
signal, which a shell reports as 130 too).
*/

function exitInterrupted(): void {
	// A command that must clean up first (dojo exercise kills its sandbox child) adds its own listener and exits itself.
	if (process.listenerCount('SIGINT') === 1) process.exit(130);
}

/** Makes Ctrl-C end the process with exit code 130; called once by the CLI entry. */
export function exitOnInterrupt(): void {
	process.on('SIGINT', exitInterrupted);
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
