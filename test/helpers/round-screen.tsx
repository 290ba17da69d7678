/**
A round's screen in ink-testing-library for tests that drive it by keys: the
controller over the actor, the screen, `type` (write keys, wait for a frame
showing the text, return it with whitespace flattened), and `unmount`.
*/
import {render} from 'ink-testing-library';
import type {RoundActor} from '../../src/flow/round-actor.js';
import {RoundController} from '../../src/ui/round-controller.js';
import {RoundScreen} from '../../src/ui/screens/RoundScreen.js';
import type {Audience} from '../../src/ui/screens/round-views.js';
import {waitForFrame} from './ink.js';

/** Whitespace runs as one space, so a wrapped line reads as one. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Control-key text (ctrl('n') is what the terminal sends for ctrl+n). */
export const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96);

/** Mounts the round screen of `actor` at columns × rows (the screen takes one row less, as the app draws it). */
export function mountRoundScreen(actor: RoundActor, {audience = 'solo', columns = 100, rows = 40}: {audience?: Audience; columns?: number; rows?: number} = {}) {
	const controller = new RoundController(actor, {now: () => 1_000_000});
	const screen = render(<RoundScreen controller={controller} width={columns} height={rows - 1} now={() => 1_000_000} audience={audience} />);
	const type = async (text: string, expected: string | RegExp) => {
		screen.stdin.write(text);
		return flat(await waitForFrame(screen.lastFrame, expected));
	};
	const unmount = () => {
		screen.unmount();
		actor.stop();
	};
	return {controller, screen, type, unmount};
}
