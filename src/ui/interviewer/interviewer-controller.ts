/**
The round controller of interviewer mode: the candidate's keys as in a
candidate round (the interviewer types what the candidate says), plus a
private panel. ctrl+o gives the keyboard to the panel, where j/k pick a rubric
row, space marks it met / not met / back to automatic, r reveals a question's
answer to the candidate, w runs a what-if or curveball, + gives the phase five
more minutes, h hides or shows the panel; esc or ctrl+o hands the keys back.
*/
import type {RoundActor} from '../../flow/round-actor.js';
import {RoundController, type ControllerEnv} from '../round-controller.js';
import type {Keypress} from '../keys.js';
import {rubricRows} from './rubric.js';

/** The private panel's own state. */
export type PanelState = {readonly focused: boolean; readonly hidden: boolean; readonly cursor: number; readonly note: string | null};

const isCtrlO = (press: Keypress) => press.key.ctrl && press.input === 'o';

/** A round controller with the interviewer's panel. */
export class InterviewerController extends RoundController {
	private panelState: PanelState = {focused: false, hidden: false, cursor: 0, note: null};
	private panelListeners = new Set<() => void>();

	constructor(actor: RoundActor, private readonly clock: ControllerEnv) {
		super(actor, clock);
	}

	/** Subscribes to panel changes (for useSyncExternalStore). */
	subscribePanel = (listener: () => void): (() => void) => {
		this.panelListeners.add(listener);
		return () => this.panelListeners.delete(listener);
	};

	getPanel = () => this.panelState;

	private setPanel(patch: Partial<PanelState>): void {
		this.panelState = {...this.panelState, ...patch};
		for (const listener of this.panelListeners) listener();
	}

	override press(press: Keypress): void {
		if (isCtrlO(press)) return this.setPanel({focused: !this.panelState.focused, hidden: false, note: null});
		if (!this.panelState.focused) return super.press(press);
		const context = this.actor.getSnapshot().context;
		const rows = rubricRows(context);
		const cursor = Math.min(this.panelState.cursor, rows.length - 1);
		const row = rows[cursor];
		const at = this.clock.now();
		const {input, key} = press;
		if (key.escape) return this.setPanel({focused: false, note: null});
		if (key.downArrow || input === 'j') return this.setPanel({cursor: Math.min(rows.length - 1, cursor + 1), note: null});
		if (key.upArrow || input === 'k') return this.setPanel({cursor: Math.max(0, cursor - 1), note: null});
		if (input === 'h') return this.setPanel({hidden: !this.panelState.hidden, focused: this.panelState.hidden, note: null});
		if (input === '+') {
			this.actor.send({type: 'phase.extend', minutes: 5, at});
			return this.setPanel({note: 'five more minutes on this phase'});
		}
		if (!row) return;
		if (input === ' ' && row.section !== 'what-ifs') {
			// Automatic → met → not met → automatic.
			const current = context.marks[row.key];
			this.actor.send({type: 'rubric.mark', item: row.key, value: current === undefined ? true : current ? false : null, at});
			return this.setPanel({note: null});
		}
		if (input === 'r' && row.section === 'questions') {
			if (!row.revealable) return this.setPanel({note: 'already asked or revealed'});
			this.actor.send({type: 'answer.reveal', questionId: row.key.slice('question:'.length), at});
			return this.setPanel({note: 'answer shown to the candidate'});
		}
		if (input === 'w' && row.section === 'what-ifs') {
			if (context.pending) return this.setPanel({note: 'wait for the simulation running now'});
			this.actor.send({type: 'whatif.run', id: row.key.slice('whatif:'.length), at});
			return this.setPanel({note: this.actor.getSnapshot().context.pending ? `running ${row.text}` : 'the design cannot run yet'});
		}
	}
}
