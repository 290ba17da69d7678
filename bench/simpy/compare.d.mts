/** Types for compare.mjs (a plain script), so tests can call it. */
export declare const systemPython: string;
export type CompareRow = {
	shards: number;
	figure: string;
	simulator: number[];
	simpy: number[];
	simulator_mean: number;
	simpy_mean: number;
	/** SimPy mean / simulator mean − 1. */
	rel_diff: number;
};
export type CompareResult = {
	shards: number[];
	seeds: number[];
	duration_s: number;
	warmup_s: number;
	simpy_args: string[];
	rows: CompareRow[];
	side: unknown[];
};
/** Runs both models for each shard count and seed; one row per shard count and figure. */
export declare function compare(options?: {
	shards?: number[];
	seeds?: number[];
	durationS?: number;
	warmupS?: number;
	jobs?: number;
	pyArgs?: string[];
}): Promise<CompareResult>;
