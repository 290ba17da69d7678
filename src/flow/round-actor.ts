/**
A running round: the round machine wired to its helpers (simulator, grader),
with every event worth keeping handed to a recorder as it happens, and — to
resume — the stored events replayed first.

While the stored events replay, the helpers are muted: their answers are in
the events already. A helper call the replay leaves open (the process died
mid-simulation) is made for real once the replay ends, so a resumed round
never waits for an answer that will not come.
*/
import {createActor, fromCallback, type Actor, type ActorOptions, type InspectionEvent} from 'xstate';
import {isStoredEvent, type GradeRequest, type HelperEvent, type RoundEvent, type SimRequest} from './round-events.js';
import {roundMachine, type RoundInput} from './round-machine.js';

/** Runs a simulation request, reporting through `emit`; returns a function that abandons it. */
export type SimulateFn = (request: SimRequest, emit: (event: HelperEvent) => void) => (() => void) | void;

/** Grades an exercise submission, reporting through `emit`; returns a function that abandons it. */
export type GradeFn = (request: GradeRequest, emit: (event: HelperEvent) => void) => (() => void) | void;

/** What a round needs to run. */
export type RoundActorOptions = {
	readonly input: RoundInput;
	readonly simulate: SimulateFn;
	readonly grade: GradeFn;
	/** Stored events of an unfinished round, replayed before anything else. */
	readonly replay?: readonly RoundEvent[];
	/** Called with every event worth storing, as the machine takes it (not for the replayed ones). */
	readonly record?: (event: RoundEvent) => void;
	/** The xstate clock (a SimulatedClock in tests). */
	readonly clock?: ActorOptions<typeof roundMachine>['clock'];
};

/** The actor type of a running round. */
export type RoundActor = Actor<typeof roundMachine>;

type Held<R> = {request: R; emit: (event: HelperEvent) => void; cancel?: (() => void) | void; cancelled: boolean};

/** Wraps a helper so it can be muted during a replay and started afterwards if the replay left it waiting. */
function muteable<R extends {requestId: number}>(run: (request: R, emit: (event: HelperEvent) => void) => (() => void) | void, state: {replaying: boolean}) {
	let held: Held<R> | undefined;
	const logic = fromCallback<HelperEvent, R>(({input, sendBack}) => {
		const call: Held<R> = {request: input, emit: sendBack, cancelled: false};
		held = call;
		if (!state.replaying) call.cancel = run(input, (event) => call.cancelled || sendBack(event));
		return () => {
			call.cancelled = true;
			if (held === call) held = undefined;
			call.cancel?.();
		};
	});
	const resume = () => {
		const call = held;
		if (call && !call.cancelled && call.cancel === undefined) call.cancel = run(call.request, (event) => call.cancelled || call.emit(event));
	};
	return {logic, resume};
}

/** The recorder an actor's `inspect` option takes: events the root receives that a replay needs. */
export function storedEventsOf(rootEvents: (event: RoundEvent) => void): (inspection: InspectionEvent) => void {
	return (inspection) => {
		if (inspection.type !== '@xstate.event' || inspection.actorRef.sessionId !== inspection.rootId) return;
		if (isStoredEvent(inspection.event)) rootEvents(inspection.event as RoundEvent);
	};
}

/** Starts a round (replaying stored events first when given) and returns its actor. */
export function startRound(options: RoundActorOptions): RoundActor {
	const state = {replaying: true};
	const simulate = muteable(options.simulate, state);
	const grade = muteable(options.grade, state);
	const machine = roundMachine.provide({actors: {simulate: simulate.logic, grade: grade.logic}});
	const record = options.record;
	const actor = createActor(machine, {
		input: options.input,
		...(options.clock ? {clock: options.clock} : {}),
		...(record ? {inspect: storedEventsOf((event) => state.replaying || record(event))} : {}),
	});
	actor.start();
	for (const event of options.replay ?? []) actor.send(event);
	state.replaying = false;
	simulate.resume();
	grade.resume();
	return actor;
}
