/**
A single rewriting line on stderr that says how far a long simulation has got
("simulating 3/10 replications… 42%"), so a run of minutes does not look hung.
Drawn only when stderr is a terminal, and not when --json output goes to a pipe
(a script is reading; its terminal needs no decoration). Nothing is drawn for a
run that finishes within `delayMs`, and the line is cleared when the work ends,
so the report below starts on a clean line.
*/

/** Milliseconds a run must last before its progress line appears: shorter runs would only flicker. */
const DELAY_MS = 200;
/** Milliseconds between redraws, so a fast stream of updates costs no more than ten writes a second. */
const REDRAW_MS = 100;

/** What a command's progress line needs from its streams. */
export type ProgressStreams = {
	readonly stdout: NodeJS.WritableStream & {isTTY?: boolean};
	readonly stderr: NodeJS.WritableStream & {isTTY?: boolean; columns?: number};
};

/** A progress line: `update` with the share done (0–1), `end` to clear it. */
export type ProgressLine = {
	update(done: number): void;
	end(): void;
};

/** Whether progress may be drawn: stderr is a terminal, and --json output is not going to a pipe. */
export function progressWanted(streams: ProgressStreams, json: boolean): boolean {
	return streams.stderr.isTTY === true && !(json && streams.stdout.isTTY !== true);
}

/**
A line that shows `describe(done)` followed by the percentage done. When
progress is not wanted, every call does nothing.
*/
export function progressLine(streams: ProgressStreams, json: boolean, describe: (done: number) => string, now: () => number = () => Date.now()): ProgressLine {
	if (!progressWanted(streams, json)) return {update: () => undefined, end: () => undefined};
	const started = now();
	let drawnAt = Number.NEGATIVE_INFINITY;
	let drawn = false;
	return {
		update(done) {
			const at = now();
			if (at - started < DELAY_MS || at - drawnAt < REDRAW_MS) return;
			drawnAt = at;
			const share = Math.max(0, Math.min(1, done));
			const text = `${describe(share)} ${Math.floor(share * 100)}%`;
			// A terminal that reports no width (0, as a bare pty does) gets 80 columns.
			const width = Math.max(10, (streams.stderr.columns || 80) - 1);
			streams.stderr.write(`\r\u001B[2K${text.length > width ? text.slice(0, width) : text}`);
			drawn = true;
		},
		end() {
			if (drawn) streams.stderr.write('\r\u001B[2K');
			drawn = false;
		},
	};
}

/** "simulating 3/10 replications…" from the share done over `total` replications, or "simulating…" for one. */
export function replicationsLabel(verb: string, total: number, what = ''): (done: number) => string {
	const suffix = what === '' ? '' : ` ${what}`;
	if (total <= 1) return () => `${verb}${suffix}…`;
	return (done) => `${verb}${suffix} ${Math.min(total, Math.floor(done * total) + 1)}/${total} replications…`;
}
