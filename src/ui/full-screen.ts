/**
The terminal as the app uses it: the alternate screen (so quitting leaves the
shell as it was) and a full clear on resize (Ink erases its last frame line by
line; after the window shrinks the old lines have rewrapped and would stay).
*/

const enterAltScreen = '\u001B[?1049h\u001B[H';
const leaveAltScreen = '\u001B[?1049l';
const clearScreen = '\u001B[2J\u001B[3J\u001B[H';
const showCursor = '\u001B[?25h';

/** Takes over the terminal; the function returned gives it back (also run if the process exits first). */
export function enterFullScreen(stdout: NodeJS.WriteStream): () => void {
	stdout.write(enterAltScreen);
	const onResize = () => stdout.write(clearScreen);
	stdout.on('resize', onResize);
	const restore = () => stdout.write(`${showCursor}${leaveAltScreen}`);
	process.once('exit', restore);
	return () => {
		stdout.off('resize', onResize);
		process.off('exit', restore);
		restore();
	};
}

/** Hands the terminal to another program (the editor) and takes it back. */
export const handOver = {
	suspend() {
		if (process.stdin.isTTY) process.stdin.setRawMode(false);
		process.stdout.write(`${showCursor}${leaveAltScreen}`);
	},
	resume() {
		process.stdout.write(`${enterAltScreen}${clearScreen}`);
		if (process.stdin.isTTY) process.stdin.setRawMode(true);
	},
};
