/**
The design editor, loaded after the first frame: it brings the zod schema
(about 0.1 s to load), which the opening phases of a round never need. Calls
made before it arrives are refused with a message, never silently dropped.
*/
import type {DesignEditor, DesignEdit} from '../flow/design-model.js';

/** A design editor that loads when `load()` is first called (or on first use); `load()` settles when it is there. */
export function lazyDesignEditor(): {editor: DesignEditor; load: () => Promise<void>} {
	let loaded: DesignEditor | undefined;
	let loading: Promise<void> | undefined;
	const load = () =>
		(loading ??= import('../flow/design.js').then((module) => {
			loaded = module.designEditor;
		}));
	const notYet: DesignEdit = {ok: false, problems: ['the design editor is still loading; try again in a moment']};
	const wanted = () => {
		void load();
		return undefined;
	};
	const editor: DesignEditor = {
		start: (...args) => (loaded ?? wanted())?.start(...args) ?? notYet,
		add: (...args) => (loaded ?? wanted())?.add(...args) ?? notYet,
		remove: (...args) => (loaded ?? wanted())?.remove(...args) ?? notYet,
		move: (...args) => (loaded ?? wanted())?.move(...args) ?? notYet,
		set: (...args) => (loaded ?? wanted())?.set(...args) ?? notYet,
		runProblems: (...args) => (loaded ?? wanted())?.runProblems(...args) ?? ['the design editor is still loading; try again in a moment'],
	};
	return {editor, load};
}
