/**
The simulator's public surface: what the interview flow, the screens and the
commands may use. Everything else under `src/sim` is internal and may be
reshaped; code outside `src/sim` imports from this module only (a test in
`test/architecture.test.ts` holds that line).

The shape of a run:
- `modelFromScenario` turns a scenario's architecture into a `Model`;
- `planRuns` lists one plain-data job per replication, `runOne` runs a job
  (on any thread), `summarize` merges them into the `SimResult` report;
  `simulate` does all three in place;
- `analyseCapacity` and `knobsFor`/`palette` answer questions about a design
  without running it.
*/
export type {SimResult, RunResult, ComponentResult, CommonFigures, StageKind, StageDetailsByKind, StreamDetails, FirehoseDetails, ComputeDetails, StoreDetails, ApiDetails, CollectorDetails, DashboardDetails, QueueStationDetails, EndToEnd, Series, SloCheck, StageCapacity, Quantiles, PathResult} from './result.js';
export {
	simulate,
	simulateWithProgress,
	withOtherPaths,
	planRuns,
	runOne,
	summarize,
	modelFromScenario,
	effectiveRate,
	defaultDuration,
	longestCycle,
	LOSS_TOLERANCE,
	type SimOptions,
	type SimInput,
	type RunJob,
	type RunHooks,
} from './run-model.js';
export {pathsOf, stagePaths, judgedPath, hasFanOut, otherPaths, type FanOutPath} from './fan-out.js';
export {sweepOne, summarizeSweep, type SweepOptions, type SweepReplication, type SweepResult} from './sweep.js';
export {analyseCapacity, type CapacityReport} from './analysis/capacity.js';
export {knobsFor, palette, paletteEntryFor, type KnobSpec, type KnobValue, type PaletteEntry} from './knobs.js';
export {roundTo} from './numbers.js';
export {keyLayout, shardOfKey, type KeyLayout} from './models/routing.js';
export type {Model, Stage, Source, Injection, Slo, Architecture} from '../scenarios/model-schema.js';
export {runQueueNetwork, type QueueNetworkOptions, type QueueNetworkResult} from './models/queue-station.js';
export {mmc, erlangC} from './analysis/queueing-formulas.js';
