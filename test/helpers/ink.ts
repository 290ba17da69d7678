/**
Helpers for driving Ink screens in ink-testing-library. Ink handles a keystroke
on a later macrotask and re-binds its input handler in an effect, so after the
expected frame appears we wait one more macrotask before the next key, or a stale
handler swallows it (see reference/deps.md, gotcha 1).
*/

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `lastFrame()` contains `text` (or matches it), then one more macrotask. */
export async function waitForFrame(lastFrame: () => string | undefined, text: string | RegExp, timeoutMs = 3000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const frame = lastFrame() ?? '';
		if (typeof text === 'string' ? frame.includes(text) : text.test(frame)) {
			await tick(10);
			return frame;
		}
		if (Date.now() > deadline) throw new Error(`frame never showed ${String(text)}; last frame:\n${frame}`);
		await tick(5);
	}
}

/** Key sequences as a terminal sends them. */
export const keys = {up: '\u001B[A', down: '\u001B[B', enter: '\r', escape: '\u001B'} as const;
