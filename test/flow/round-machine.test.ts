import {describe, expect, test} from 'vitest';
import {createActor, SimulatedClock} from 'xstate';
import {askEvent, currentPhase, designRunsAhead, offerText, roundMachine, type RoundInput} from '../../src/flow/round-machine.js';
import {reviewRound} from '../../src/flow/score.js';
import {dataModeling, fakeResult, firstWordPoints, instantSimulator, keywordGrader, loginCounter, modelingExercises, roundInput, scriptedMatcher, silentSimulator} from './helpers.js';

const at = 1_000_000;

function start(input: RoundInput, actors: {simulate?: unknown; grade?: unknown} = {}, clock = new SimulatedClock()) {
	const machine = roundMachine.provide({actors: {simulate: instantSimulator(() => fakeResult(true)), grade: keywordGrader, ...actors} as never});
	const actor = createActor(machine, {input, clock}).start();
	return {actor, clock, context: () => actor.getSnapshot().context, phase: () => currentPhase(actor.getSnapshot().context).id};
}

function loginInput(script: Parameters<typeof scriptedMatcher>[1] = {}, overrides: Partial<RoundInput> = {}) {
	const scenario = loginCounter();
	return roundInput(scenario, {matcher: scriptedMatcher(scenario.questions, script), ...overrides});
}

describe('phases', () => {
	test('a system-design round opens on the problem space with the prompt, and walks the notes\' phases in order', () => {
		const {actor, context, phase} = start(loginInput());
		expect(phase()).toBe('problem');
		expect(context().transcript[0]).toMatchObject({who: 'interviewer', kind: 'prompt'});
		expect(context().transcript[0]!.text).toContain('dashboard');
		const seen = [phase()];
		for (let i = 1; i < 6; i++) {
			actor.send({type: 'phase.next', at: at + i * 60_000});
			seen.push(phase());
		}
		// Entering the review ranks the scenario's architectures, then the round waits in the review.
		expect(seen).toEqual(['problem', 'requirements', 'design', 'deep-dive', 'scaling', 'review']);
		expect(actor.getSnapshot().status).toBe('active');
		actor.send({type: 'phase.next', at: at + 10 * 60_000});
		expect(actor.getSnapshot().status).toBe('done');
		expect(context().finishedAt).toBe(at + 10 * 60_000);
	});

	test('a data-modeling round has the SQL models where the design would be, and no scaling phase', () => {
		const {actor, phase} = start(roundInput(dataModeling(), {exercises: modelingExercises()}));
		const seen = [phase()];
		for (let i = 1; i < 5; i++) {
			actor.send({type: 'phase.next', at: at + i});
			seen.push(phase());
		}
		expect(seen).toEqual(['problem', 'requirements', 'modeling', 'deep-dive', 'review']);
	});

	test('time per phase comes from the events, and the review shows it against the time box', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'phase.next', at: at + 4 * 60_000});
		actor.send({type: 'phase.next', at: at + 16 * 60_000});
		const time = reviewRound(context()).time;
		expect(time.slice(0, 2)).toEqual([
			{phase: 'problem', title: 'Problem space', minutes: 4, box: 5},
			{phase: 'requirements', title: 'Requirements', minutes: 12, box: 10},
		]);
	});

	test('round.finish ends the round from any phase', () => {
		const {actor} = start(loginInput());
		actor.send({type: 'round.finish', at: at + 1});
		expect(actor.getSnapshot().status).toBe('done');
	});
});

describe('timer and nudges (simulated clock)', () => {
	test('when the five minutes of the problem space run out the interviewer nudges, and the candidate stays where they are', () => {
		const {clock, context, phase} = start(loginInput());
		clock.increment(5 * 60_000 - 1);
		expect(context().nudged).toEqual([]);
		clock.increment(1);
		expect(context().nudged).toEqual(['problem']);
		expect(context().transcript.at(-1)).toMatchObject({who: 'interviewer', kind: 'nudge', at: at + 5 * 60_000});
		expect(context().transcript.at(-1)!.text).toContain("Let's move on to the requirements");
		expect(phase()).toBe('problem');
		clock.increment(60 * 60_000);
		expect(context().nudged).toEqual(['problem']);
	});

	test('each phase gets its own box: the requirements nudge comes ten minutes after entering it, not five', () => {
		const {actor, clock, context} = start(loginInput());
		clock.increment(2 * 60_000);
		actor.send({type: 'phase.next', at: at + 2 * 60_000});
		clock.increment(9 * 60_000);
		expect(context().nudged).toEqual([]);
		clock.increment(60_000);
		expect(context().nudged).toEqual(['requirements']);
		expect(context().transcript.at(-1)!.text).toContain('design');
	});

	test('--no-timer: no nudges however long the candidate takes', () => {
		const {clock, context} = start(loginInput({}, {timer: false}));
		clock.increment(3 * 60 * 60_000);
		expect(context().nudged).toEqual([]);
		expect(context().transcript.some((entry) => entry.kind === 'nudge')).toBe(false);
	});

	test('a timer.expired for another phase, or a second one, changes nothing', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'timer.expired', phase: 'design'});
		expect(context().nudged).toEqual([]);
		actor.send({type: 'timer.expired', phase: 'problem'});
		actor.send({type: 'timer.expired', phase: 'problem'});
		expect(context().nudged).toEqual(['problem']);
		expect(context().transcript.filter((entry) => entry.kind === 'nudge')).toHaveLength(1);
	});
});

describe('clarifying questions', () => {
	const script = {
		'what does the data look like?': 'schema',
		'where does it come from and how big?': ['source', 'volume'],
		'data?': {kind: 'offer', options: [loginCounter().questions.find((q) => q.id === 'schema')!, loginCounter().questions.find((q) => q.id === 'volume')!]},
		'assume 1 KB events': {kind: 'assumption', text: '1 KB events'},
		'can I use Kafka?': {kind: 'design-choice', reply: 'Your call: say why.'},
	} as const;

	test('a confident match is answered with the bank answer and counted as asked', () => {
		const {actor, context} = start(loginInput(script as never));
		actor.send({type: 'clarify.ask', text: 'what does the data look like?', at: at + 1});
		const [question, answer] = context().transcript.slice(-2);
		expect(question).toMatchObject({who: 'candidate', kind: 'question', text: 'what does the data look like?'});
		expect(answer).toMatchObject({who: 'interviewer', kind: 'answer', questionIds: ['schema']});
		expect(answer!.text).toContain('user_id');
		expect(context().asked).toEqual(['schema']);
	});

	test('a line keeps what the interviewer made of it: the stored answer is replayed even when today\'s matcher would answer otherwise', () => {
		const played = start(loginInput(script as never));
		const asked = askEvent(played.context(), 'what does the data look like?', at);
		expect(asked).toMatchObject({type: 'clarify.ask', heard: {kind: 'answer', ids: ['schema']}});
		const offered = askEvent(played.context(), 'data?', at);
		expect(offered).toMatchObject({heard: {kind: 'offer', ids: ['schema', 'volume']}});
		expect(askEvent(played.context(), 'assume 1 KB events', at)).toMatchObject({heard: {kind: 'assumption', text: '1 KB events'}});
		expect(askEvent(played.context(), 'can I use Kafka?', at)).toMatchObject({heard: {kind: 'design-choice', reply: 'Your call: say why.'}});
		// A later matcher that knows nothing: the stored line is still answered as it was.
		const later = start(loginInput({}));
		later.actor.send(asked);
		expect(later.context().transcript.at(-1)).toMatchObject({kind: 'answer', questionIds: ['schema']});
		expect(later.context().asked).toEqual(['schema']);
		later.actor.send(asked);
		expect(later.context().transcript.at(-1)).toMatchObject({kind: 'repeat'});
		later.actor.send(offered);
		expect(later.context().offer!.map((question) => question.id)).toEqual(['schema', 'volume']);
		// A question since removed from the bank: matched afresh (this matcher has nothing: make an assumption).
		later.actor.send({type: 'clarify.ask', text: 'what does the data look like?', at, heard: {kind: 'answer', ids: ['gone']}});
		expect(later.context().transcript.at(-1)).toMatchObject({kind: 'assume'});
		// A line without a stored answer (rounds saved before answers were kept) is matched as today.
		const today = start(loginInput(script as never));
		today.actor.send({type: 'clarify.ask', text: 'what does the data look like?', at});
		expect(today.context().asked).toEqual(['schema']);
	});

	test('a multi-part question gets both answers, in order', () => {
		const {actor, context} = start(loginInput(script as never));
		actor.send({type: 'clarify.ask', text: 'where does it come from and how big?', at});
		expect(context().transcript.slice(-2).map((entry) => entry.questionIds)).toEqual([['source'], ['volume']]);
		expect(context().asked).toEqual(['source', 'volume']);
	});

	test('a repeated topic is recognised: "you asked that", and counted once', () => {
		const {actor, context} = start(loginInput(script as never));
		actor.send({type: 'clarify.ask', text: 'what does the data look like?', at});
		actor.send({type: 'clarify.ask', text: 'what does the data look like?', at: at + 1});
		expect(context().transcript.at(-1)).toMatchObject({kind: 'repeat'});
		expect(context().transcript.at(-1)!.text).toMatch(/^You asked that already: /);
		expect(context().asked).toEqual(['schema']);
	});

	test('two close topics: "do you mean A or B?", and picking one answers it', () => {
		const {actor, context} = start(loginInput(script as never));
		actor.send({type: 'clarify.ask', text: 'data?', at});
		expect(context().transcript.at(-1)).toMatchObject({kind: 'offer', questionIds: ['schema', 'volume']});
		expect(context().transcript.at(-1)!.text).toMatch(/^Do you mean \(1\) .* or \(2\) .*\?$/);
		// The asks end in their own question marks: one, not two.
		expect(context().transcript.at(-1)!.text).not.toMatch(/\?\?/);
		expect(offerText([{ask: 'Where from'} as never])).toBe('Do you mean (1) Where from?');
		expect(context().offer).toHaveLength(2);
		actor.send({type: 'clarify.pick', index: 5, at});
		expect(context().asked).toEqual([]);
		actor.send({type: 'clarify.pick', index: 1, at});
		expect(context().asked).toEqual(['volume']);
		expect(context().offer).toBeNull();
		// The offer is closed: picking again does nothing.
		actor.send({type: 'clarify.pick', index: 0, at});
		expect(context().asked).toEqual(['volume']);
	});

	test('an unknown question: "make an assumption"; an assumption is recorded; a design choice is the candidate\'s call', () => {
		const {actor, context} = start(loginInput(script as never));
		actor.send({type: 'clarify.ask', text: 'what is the weather like?', at});
		expect(context().transcript.at(-1)).toMatchObject({kind: 'assume'});
		expect(context().asked).toEqual([]);
		actor.send({type: 'clarify.ask', text: 'assume 1 KB events', at: at + 5});
		expect(context().assumptions).toEqual([{at: at + 5, text: '1 KB events'}]);
		expect(reviewRound(context()).areas.find((area) => area.id === 'clarify')!.details).toContain('1 assumption stated');
		expect(context().transcript.at(-1)!.text).toBe('Noted: 1 KB events');
		actor.send({type: 'clarify.ask', text: 'can I use Kafka?', at});
		expect(context().transcript.at(-1)).toMatchObject({kind: 'design-choice', text: 'Your call: say why.'});
	});

	test('blank lines are ignored, and no questions are taken in the review', () => {
		const {actor, context} = start(loginInput(script as never));
		actor.send({type: 'clarify.ask', text: '   ', at});
		expect(context().transcript).toHaveLength(1);
		for (let i = 0; i < 5; i++) actor.send({type: 'phase.next', at: at + i});
		actor.send({type: 'clarify.ask', text: 'what does the data look like?', at});
		expect(context().asked).toEqual([]);
	});

	test('the review counts key questions by group and lists the missed ones with their answers', () => {
		const {actor, context} = start(loginInput(script as never));
		actor.send({type: 'clarify.ask', text: 'what does the data look like?', at});
		actor.send({type: 'clarify.ask', text: 'where does it come from and how big?', at});
		const review = reviewRound(context());
		const clarify = review.areas.find((area) => area.id === 'clarify')!;
		// login-counter has 8 key questions; schema, source and volume are 3 of them.
		expect(clarify.score).toBe(38);
		expect(clarify.details).toContain('input data: 3 of 3 key questions');
		expect(clarify.details).toContain('output: 0 of 4 key questions');
		// One of a kind reads singular: "1 key question", "1 assumption stated", not "1 key questions" or "assumption(s)".
		expect(clarify.details).toContain('transformation: 0 of 1 key question');
		expect(review.missedQuestions.map((missed) => missed.id)).toEqual(['metric', 'usage', 'refresh-rate', 'retention', 'business-rules']);
		expect(review.missedQuestions[0]!.answer).toContain('login events');
	});
});

describe('estimates and APIs', () => {
	test('estimates are graded only once submitted', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'estimate.set', id: 'events_per_s', text: '8.3k', at});
		actor.send({type: 'estimate.set', id: 'shards', text: '4', at});
		expect(reviewRound(context()).areas.find((area) => area.id === 'estimates')!.score).toBe(0);
		actor.send({type: 'estimate.submit', at});
		const estimates = reviewRound(context()).estimates;
		expect(estimates.find((grade) => grade.id === 'events_per_s')!.verdict).toBe('right');
		expect(estimates.find((grade) => grade.id === 'shards')!.verdict).toBe('off');
		expect(reviewRound(context()).areas.find((area) => area.id === 'estimates')!.score).toBe(20);
	});

	test('API choices are scored against the scenario\'s expected style', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'api.choose', index: 0, style: 'sdk', at});
		actor.send({type: 'api.choose', index: 1, style: 'graphql', at});
		actor.send({type: 'api.choose', index: 9, style: 'rest', at});
		const review = reviewRound(context());
		expect(review.apis.map((api) => [api.chosen, api.right])).toEqual([
			['sdk', true],
			['graphql', false],
		]);
		expect(review.areas.find((area) => area.id === 'apis')!.score).toBe(50);
	});
});

describe('the design', () => {
	test('starting from an architecture copies its stages; a bad knob is explained and changes nothing', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		const before = context().design;
		expect(before.stages.map((stage) => stage.id)).toEqual(['ingest', 'count', 'counters', 'dashboard']);
		actor.send({type: 'design.set', stageId: 'ingest', knob: 'shards', text: '0', at});
		expect(context().design).toBe(before);
		expect(context().designProblems.join('\n')).toMatch(/ingest\.shards: .*shards must be >= 1/);
		actor.send({type: 'design.set', stageId: 'ingest', knob: 'partition_key', text: 'device_id', at});
		expect(context().designProblems.join('\n')).toContain('device_id');
		actor.send({type: 'design.set', stageId: 'ingest', knob: 'shards', text: '20', at});
		expect(context().designProblems).toEqual([]);
		expect(context().design.version).toBe(before.version + 1);
		expect(context().design.stages[0]).toMatchObject({shards: 20});
	});

	test('the runs r would start are known ahead: none for an empty design or while the editor cannot check it, the mean and the daily peak otherwise', () => {
		const {actor, context} = start(loginInput());
		expect(designRunsAhead(context())).toBeNull();
		actor.send({type: 'design.start', from: null, at});
		expect(designRunsAhead(context())).toBeNull();
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		const ahead = designRunsAhead(context())!;
		expect(ahead.map((run) => [run.label, run.peak ?? false])).toEqual([
			['1x', false],
			['daily peak (2x)', true],
		]);
		expect(ahead[0]!.model.stages.map((stage) => stage.id)).toEqual(['ingest', 'count', 'counters', 'dashboard']);
		const loading = {...context().editor, runProblems: () => ['the design editor is still loading']};
		expect(designRunsAhead({...context(), editor: loading})).toBeNull();
	});

	test('components are added, moved and removed; ids stay unique', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'design.start', from: null, at});
		actor.send({type: 'design.add', component: 'kinesis', at});
		actor.send({type: 'design.add', component: 'kinesis', at});
		expect(context().design.stages.map((stage) => stage.id)).toEqual(['ingest', 'ingest-2']);
		actor.send({type: 'design.add', component: 'redis', position: 0, at});
		expect(context().design.stages.map((stage) => stage.id)).toEqual(['serve', 'ingest', 'ingest-2']);
		actor.send({type: 'design.move', stageId: 'serve', delta: 1, at});
		expect(context().design.stages.map((stage) => stage.id)).toEqual(['ingest', 'serve', 'ingest-2']);
		actor.send({type: 'design.move', stageId: 'ingest', delta: -1, at});
		expect(context().designProblems).toEqual(['"ingest" is already first']);
		actor.send({type: 'design.remove', stageId: 'ingest-2', at});
		actor.send({type: 'design.add', component: 'no-such-thing', at});
		expect(context().designProblems[0]).toContain('no component "no-such-thing"');
		expect(context().design.stages.map((stage) => stage.id)).toEqual(['ingest', 'serve']);
	});

	test('an empty design is never run: the reason is shown instead', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'sim.run', at});
		expect(actor.getSnapshot().matches({active: {work: 'idle'}})).toBe(true);
		expect(context().designProblems[0]).toContain('the pipeline is empty');
		expect(context().runs).toEqual([]);
	});

	test('a run simulates the mean and the daily peak; progress shows while it runs, and the phase waits for it', () => {
		const {actor, context, phase} = start(loginInput(), {simulate: silentSimulator});
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'sim.run', at});
		expect(actor.getSnapshot().matches({active: {work: 'simulating'}})).toBe(true);
		const requestId = context().pending!.requestId;
		actor.send({type: 'sim.progress', requestId, done: 0.5});
		expect(context().pending!.done).toBe(0.5);
		actor.send({type: 'phase.next', at});
		expect(phase()).toBe('problem');
		// A late answer to an old request is ignored.
		actor.send({type: 'sim.result', requestId: requestId + 7, label: '1x', result: fakeResult(true)});
		expect(context().runs).toEqual([]);
		actor.send({type: 'sim.result', requestId, label: '1x', result: fakeResult(true)});
		actor.send({type: 'sim.result', requestId, label: 'daily peak (2x)', result: fakeResult(false)});
		actor.send({type: 'sim.done', requestId});
		expect(actor.getSnapshot().matches({active: {work: 'idle'}})).toBe(true);
		expect(context().runs.map((run) => [run.label, run.designVersion])).toEqual([
			['1x', 1],
			['daily peak (2x)', 1],
		]);
	});

	test('the request runs the design model on the scenario workload, at 1x and at the peak', () => {
		const requests: unknown[] = [];
		const recording = instantSimulator((run, request) => {
			requests.push({label: run.label, peak: run.peak ?? false, stages: run.model.stages.map((stage) => stage.id), rate: run.model.source.rate_per_s, seed: request.seed, purpose: request.purpose});
			return fakeResult(true);
		});
		const {actor} = start(loginInput({}, {seed: 42}), {simulate: recording});
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'sim.run', at});
		expect(requests).toEqual([
			{label: '1x', peak: false, stages: ['ingest', 'count', 'counters', 'dashboard'], rate: 500_000 / 60, seed: 42, purpose: 'design'},
			{label: 'daily peak (2x)', peak: true, stages: ['ingest', 'count', 'counters', 'dashboard'], rate: 500_000 / 60, seed: 42, purpose: 'design'},
		]);
	});

	test('a simulator failure is said plainly and the round carries on', () => {
		const failing = instantSimulator(() => {
			throw new Error('worker crashed');
		});
		const {actor, context} = start(loginInput(), {simulate: failing});
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'sim.run', at});
		expect(actor.getSnapshot().status).toBe('active');
		expect(actor.getSnapshot().matches({active: {work: 'idle'}})).toBe(true);
		expect(context().error).toBe('the simulation failed: worker crashed');
		expect(context().runs).toEqual([]);
		// The next run clears the error.
		actor.send({type: 'sim.run', at});
		expect(context().error).toBe('the simulation failed: worker crashed');
	});

	test('the design score: SLO at 1x and at the peak, headroom at 10x, cost against the cheapest architecture that holds', () => {
		// 1x and peak met, capacity 5x the mean (half the 10x headroom), cost 100 vs a cheapest holding architecture at 100.
		const simulate = instantSimulator((run, request) => (request.purpose === 'rank' ? fakeResult(run.label !== 'firehose-s3-athena', 20_000, run.label === 'kafka-flink-redis' ? 400 : 100) : fakeResult(true, (5 * 500_000) / 60, 100)));
		const {actor, context} = start(loginInput(), {simulate});
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'sim.run', at});
		for (let i = 0; i < 5; i++) actor.send({type: 'phase.next', at: at + i});
		const review = reviewRound(context());
		const design = review.areas.find((area) => area.id === 'design')!;
		// (40 + 30 + 20 × 0.5 + 10) / 100
		expect(design.score).toBe(90);
		// kds-lambda-redis-archive (the real-time path plus a Firehose archive) holds at the same cost in this fake.
		expect(review.architectures.map((verdict) => verdict.id)).toEqual(['kds-lambda-redis', 'kds-lambda-redis-archive', 'kafka-flink-redis', 'firehose-s3-athena']);
		expect(review.architectures[3]!.why).toContain('misses the SLO at the daily peak');
	});

	test('a design changed after its last run is run again as the review opens; must fail: "the design was never simulated"', () => {
		const requests: string[] = [];
		const simulate = instantSimulator((run, request) => {
			requests.push(`${request.purpose}:${run.label}`);
			return fakeResult(true, 20_000, 100);
		});
		const {actor, context} = start(loginInput(), {simulate});
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'sim.run', at});
		// The fix made in the scaling phase: more shards, never run at 1x and the peak.
		actor.send({type: 'design.set', stageId: 'ingest', knob: 'shards', text: '200', at});
		for (let i = 0; i < 5; i++) actor.send({type: 'phase.next', at: at + i});
		expect(requests.filter((request) => request.startsWith('design:'))).toEqual(['design:1x', 'design:daily peak (2x)', 'design:1x', 'design:daily peak (2x)']);
		const design = reviewRound(context()).areas.find((area) => area.id === 'design')!;
		expect(design.details).not.toContain('the design was never simulated');
		expect(design.details).toContain('meets the SLO at the mean load');
		// Ranked after it, once.
		expect(requests.filter((request) => request.startsWith('rank:')).length).toBe(loginCounter().architectures.length);
	});

	test('a design whose last run is of it is not run again at the review', () => {
		const requests: string[] = [];
		const simulate = instantSimulator((run, request) => {
			requests.push(request.purpose);
			return fakeResult(true, 20_000, 100);
		});
		const {actor} = start(loginInput(), {simulate});
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'sim.run', at});
		for (let i = 0; i < 5; i++) actor.send({type: 'phase.next', at: at + i});
		expect(requests.filter((purpose) => purpose === 'design')).toHaveLength(2);
	});

	test('a design that misses the SLO at the peak loses those points', () => {
		const simulate = instantSimulator((run) => fakeResult(run.label === '1x', 10_000, null));
		const {actor, context} = start(loginInput(), {simulate});
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'sim.run', at});
		const design = reviewRound(context()).areas.find((area) => area.id === 'design')!;
		// (40 + 0 + 20 × 10,000 / 83,333) / 90 (no cost to compare)
		expect(design.score).toBe(Math.round((100 * (40 + (20 * 10_000) / (10 * (500_000 / 60)))) / 90));
		expect(design.details).toContain('misses the SLO at the daily peak (2x)');
	});
});

describe('what-ifs', () => {
	test('an unknown what-if is refused; a known one runs before and after side by side', () => {
		const labels: string[][] = [];
		const simulate = instantSimulator((run, request) => {
			if (run === request.runs[0]) labels.push(request.runs.map((each) => `${each.label}${each.scale ? ` ×${each.scale}` : ''}${each.model.injections.length > 0 ? ` +${each.model.injections.map((i) => i.kind).join(',')}` : ''}`));
			return fakeResult(true);
		});
		const {actor, context} = start(loginInput(), {simulate});
		actor.send({type: 'whatif.run', id: 'lose-shard', at});
		expect(context().runs).toEqual([]);
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'whatif.run', id: 'made-up', at});
		expect(context().runs).toEqual([]);
		actor.send({type: 'whatif.run', id: 'lose-shard', at});
		actor.send({type: 'whatif.run', id: 'curveball-ten-x', at});
		expect(labels).toEqual([
			['before', 'lose a shard +lose_node'],
			['before', 'ten x ×10'],
		]);
		expect(context().runs.map((run) => run.whatIf)).toEqual(['lose-shard', 'lose-shard', 'curveball-ten-x', 'curveball-ten-x']);
	});
});

describe('deep dive', () => {
	test('answers are matched point by point and scored over all points', () => {
		const {actor, context} = start(loginInput({}, {matchPoints: firstWordPoints}));
		actor.send({type: 'deepdive.goto', index: 2, at});
		expect(context().deepDiveIndex).toBe(2);
		actor.send({type: 'deepdive.goto', index: 99, at});
		expect(context().deepDiveIndex).toBe(2);
		// spof's points start with "Kinesis" and "A"; only the first is in this answer.
		actor.send({type: 'deepdive.answer', id: 'spof', text: 'kinesis keeps three copies', at});
		expect(context().deepDiveAnswers['spof']!.covered).toEqual([true, false]);
		const review = reviewRound(context());
		const deep = review.areas.find((area) => area.id === 'deep-dive')!;
		// 1 of the scenario's 10 points
		expect(deep.score).toBe(10);
		expect(review.deepDive[0]!.points.map((point) => point.covered)).toEqual([true, false]);
		actor.send({type: 'deepdive.answer', id: 'nope', text: 'x', at});
		expect(Object.keys(context().deepDiveAnswers)).toEqual(['spof']);
	});
});

describe('data-modeling round', () => {
	test('SQL is graded by the grader actor, attempts are kept, and the review scores passed exercises', () => {
		const exercises = modelingExercises();
		const {actor, context} = start(roundInput(dataModeling(), {exercises}));
		actor.send({type: 'exercise.submit', id: exercises[0]!.id, sql: 'select 1', at});
		actor.send({type: 'exercise.submit', id: exercises[0]!.id, sql: '-- PASS', at: at + 1});
		actor.send({type: 'exercise.submit', id: 'not-in-round', sql: '-- PASS', at});
		actor.send({type: 'exercise.submit', id: exercises[1]!.id, sql: '   ', at});
		expect(context().attempts.map((attempt) => [attempt.exerciseId, attempt.report.passed, attempt.at])).toEqual([
			[exercises[0]!.id, false, at],
			[exercises[0]!.id, true, at + 1],
		]);
		const modeling = reviewRound(context()).areas.find((area) => area.id === 'modeling')!;
		// The round asks for 3 of the exercises (exercises_per_round): one passed is a third; must fail: one of all thirteen.
		expect(dataModeling().exercises_per_round).toBe(3);
		expect(modeling.score).toBe(33);
		expect(modeling.details[0]).toBe(`3 of the ${exercises.length} exercises are asked for (any 3); passed 1`);
		expect(modeling.details[1]).toBe(`${exercises[0]!.id}: passed`);
		expect(modeling.details[2]).toBe(`${exercises[1]!.id}: not attempted`);
	});

	test('passing more exercises than a round asks for scores full marks, not more', () => {
		const exercises = modelingExercises();
		const {actor, context} = start(roundInput(dataModeling(), {exercises}));
		for (const exercise of exercises.slice(0, 4)) actor.send({type: 'exercise.submit', id: exercise.id, sql: '-- PASS', at});
		expect(reviewRound(context()).areas.find((area) => area.id === 'modeling')!.score).toBe(100);
	});

	test('design and estimate events do nothing in a data-modeling round', () => {
		const {actor, context} = start(roundInput(dataModeling(), {exercises: modelingExercises()}));
		actor.send({type: 'design.start', from: 'kds-lambda-redis', at});
		actor.send({type: 'estimate.set', id: 'shards', text: '3', at});
		actor.send({type: 'sim.run', at});
		expect(context().design.stages).toEqual([]);
		expect(context().estimates).toEqual({});
		expect(context().runs).toEqual([]);
	});
});

describe('interviewer events', () => {
	test('rubric marks override what the round worked out, and clearing a mark restores it', () => {
		const {actor, context} = start(loginInput({'what does the data look like?': 'schema'}));
		actor.send({type: 'clarify.ask', text: 'what does the data look like?', at});
		const clarify = () => reviewRound(context()).areas.find((area) => area.id === 'clarify')!.score;
		expect(clarify()).toBe(13); // 1 of 8 key questions
		// The candidate asked about the metric aloud; the interviewer marks it.
		actor.send({type: 'rubric.mark', item: 'question:metric', value: true, at});
		expect(clarify()).toBe(25);
		// The schema question was matched, but the interviewer judges it was not really asked.
		actor.send({type: 'rubric.mark', item: 'question:schema', value: false, at});
		expect(clarify()).toBe(13);
		expect(reviewRound(context()).missedQuestions.map((missed) => missed.id)).toContain('schema');
		actor.send({type: 'rubric.mark', item: 'question:schema', value: null, at});
		expect(clarify()).toBe(25);
		actor.send({type: 'rubric.mark', item: 'point:spof:1', value: true, at});
		expect(reviewRound(context()).deepDive[0]!.points[1]!.covered).toBe(true);
		actor.send({type: 'rubric.mark', item: 'estimate:shards', value: true, at});
		expect(reviewRound(context()).estimates.find((grade) => grade.id === 'shards')!.credit).toBe(1);
		actor.send({type: 'rubric.mark', item: 'api:1', value: true, at});
		expect(reviewRound(context()).apis[1]!.right).toBe(true);
	});

	test('a revealed answer reaches the transcript but does not count as asked, and only once', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'answer.reveal', questionId: 'retention', at});
		actor.send({type: 'answer.reveal', questionId: 'retention', at});
		actor.send({type: 'answer.reveal', questionId: 'no-such-question', at});
		expect(context().revealed).toEqual(['retention']);
		expect(context().transcript.filter((entry) => entry.kind === 'reveal')).toHaveLength(1);
		expect(context().transcript.at(-1)!.text).toContain('24 hours');
		expect(context().asked).toEqual([]);
	});

	test('extending a phase moves the nudge later, and a phase already nudged can be nudged again', () => {
		const clock = new SimulatedClock();
		clock.set(at);
		const {actor, context} = start(loginInput({}, {now: () => clock.now(), startedAt: at}), {}, clock);
		clock.increment(5 * 60_000);
		expect(context().nudged).toEqual(['problem']);
		actor.send({type: 'phase.extend', minutes: 3, at: clock.now()});
		expect(context().nudged).toEqual([]);
		clock.increment(3 * 60_000 - 1);
		expect(context().nudged).toEqual([]);
		clock.increment(1);
		expect(context().nudged).toEqual(['problem']);
		// Nonsense extensions are refused.
		actor.send({type: 'phase.extend', minutes: -5, at});
		actor.send({type: 'phase.extend', minutes: 500, at});
		expect(context().extensions).toEqual({problem: 3});
		actor.send({type: 'phase.next', at: at + 9 * 60_000});
		expect(reviewRound(context()).time[0]).toMatchObject({phase: 'problem', box: 8});
	});
});

describe('knowledge cards', () => {
	const toPhase = (actor: ReturnType<typeof start>['actor'], phase: () => string, id: string) => {
		for (let i = 0; i < 6 && phase() !== id; i++) actor.send({type: 'phase.next', at: at + i});
	};

	test('a phase with cards gets a cards step; a card is answered by option number and judged, and the review scores it', () => {
		const {actor, context, phase} = start(loginInput());
		expect(currentPhase(context()).steps).toEqual(['clarify']);
		toPhase(actor, phase, 'deep-dive');
		expect(currentPhase(context()).steps).toEqual(['deep-dive', 'cards']);
		const retention = loginCounter().cards.find((card) => card.id === 'kds-retention')!;
		// A card of another phase, or a text naming no option, records nothing.
		actor.send({type: 'card.answer', id: 'ten-x-recipe', text: 'shard, load balancer', at});
		actor.send({type: 'card.answer', id: retention.id, text: '9', at});
		expect(context().cardAnswers).toEqual({});
		actor.send({type: 'card.answer', id: retention.id, text: '1', at});
		expect(context().cardAnswers[retention.id]).toMatchObject({right: false, chosen: [0], text: '1'});
		const area = () => reviewRound(context()).areas.find((candidate) => candidate.id === 'cards');
		const total = loginCounter().cards.length;
		expect(area()).toMatchObject({title: 'Knowledge cards', score: 0});
		// Answered again, rightly: the last answer counts.
		actor.send({type: 'card.answer', id: retention.id, text: '2', at});
		expect(context().cardAnswers[retention.id]).toMatchObject({right: true, chosen: [1]});
		expect(area()!.score).toBe(Math.round(100 / total));
		expect(reviewRound(context()).cards.find((card) => card.id === retention.id)).toMatchObject({answered: true, right: true, correction: expect.stringContaining('The notes say KDS stores data for 1–7 days')});
		// The interviewer's mark wins.
		actor.send({type: 'rubric.mark', item: `card:${retention.id}`, value: false, at});
		expect(area()!.score).toBe(0);
	});

	test('a free-text card is matched against its points; card.goto moves between the phase\'s cards and a new phase starts at its first', () => {
		const {actor, context, phase} = start(loginInput());
		toPhase(actor, phase, 'deep-dive');
		const cards = loginCounter().cards.filter((card) => card.phase === 'deep-dive');
		const text = cards.findIndex((card) => card.answer.kind === 'points');
		actor.send({type: 'card.goto', index: text, at});
		actor.send({type: 'card.goto', index: 99, at});
		expect(context().cardIndex).toBe(text);
		// firstWordPoints: a point is covered when the answer holds its first word (Kinesis, Firehose, KDS, Firehose); three are needed.
		actor.send({type: 'card.answer', id: cards[text]!.id, text: 'Kinesis', at});
		expect(context().cardAnswers[cards[text]!.id]).toMatchObject({right: false, covered: [true, false, false, false]});
		actor.send({type: 'card.answer', id: cards[text]!.id, text: 'Firehose', at});
		expect(context().cardAnswers[cards[text]!.id]).toMatchObject({right: false, covered: [false, true, false, true]});
		actor.send({type: 'card.answer', id: cards[text]!.id, text: 'Kinesis Firehose', at});
		expect(context().cardAnswers[cards[text]!.id]).toMatchObject({right: true, covered: [true, true, false, true]});
		actor.send({type: 'phase.next', at});
		expect(phase()).toBe('scaling');
		expect(context().cardIndex).toBe(0);
	});

	test('a round of one exercise (given phases) draws no cards', () => {
		const exercise = modelingExercises()[0]!;
		const {context} = start(roundInput(dataModeling(), {exercises: [exercise], phases: [{id: 'modeling', title: 'SQL exercise', short: 'Exercise', minutes: 30, steps: ['exercises'], graded: ['modeling'], nudge: '', goal: ''}]}));
		expect(currentPhase(context()).steps).toEqual(['exercises']);
		expect(reviewRound(context()).areas.map((area) => area.id)).not.toContain('cards');
	});
});

describe('API styles the scenario also accepts', () => {
	test('WebSocket for the dashboard push is accepted with its own reason; GraphQL there is still wrong', () => {
		const {actor, context} = start(loginInput());
		actor.send({type: 'api.choose', index: 1, style: 'websocket', at});
		expect(reviewRound(context()).apis[1]).toMatchObject({chosen: 'websocket', right: true, why: expect.stringContaining('WebSocket for real-time applications')});
		actor.send({type: 'api.choose', index: 1, style: 'graphql', at});
		expect(reviewRound(context()).apis[1]).toMatchObject({right: false, why: expect.stringContaining('polls a small read API')});
	});
});
