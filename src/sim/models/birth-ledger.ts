/**
Which source events are still somewhere in the pipeline, by the tick they were
born in: the engine's measure of completeness. The oldest tick with events not
yet delivered, lost or filtered says how far back the data counted so far is
complete, which is what a count or a sum on a dashboard depends on (the newest
record shown says only that something recent got through).

A ring of per-tick remaining weights from the oldest unsettled tick to the
newest, so its size follows the backlog, not the run's length.
*/

// Weight left over from splitting a tick's events across cohorts and stages: below this share of the tick it is settled.
const SETTLED = 1e-6;

/** Per-tick births not yet accounted for. */
export class BirthLedger {
	private remaining = new Float64Array(1024);
	private initial = new Float64Array(1024);
	/** Absolute tick index of the oldest unsettled tick. */
	private head = 0;
	/** One past the newest tick recorded. */
	private tail = 0;

	/** `tickS`: seconds per tick; an event born in tick i has born = (i − ½) × tickS. */
	constructor(private readonly tickS: number) {}

	/** `weight` events were born in tick `tick` (ticks are recorded in increasing order). */
	born(tick: number, weight: number): void {
		if (this.tail === this.head) {
			this.head = tick;
			this.tail = tick;
		}
		while (this.tail <= tick) {
			if (this.tail - this.head === this.remaining.length) this.grow();
			const slot = this.tail % this.remaining.length;
			this.remaining[slot] = 0;
			this.initial[slot] = 0;
			this.tail++;
		}
		const slot = tick % this.remaining.length;
		this.remaining[slot] = this.remaining[slot]! + weight;
		this.initial[slot] = this.initial[slot]! + weight;
		this.advance();
	}

	/**
	`weight` more events count as born in `tick`, an earlier tick still pending (a
	feed gathering a bucket of events under its first tick); a tick no longer
	pending is recorded as `latest`, the current one, instead.
	*/
	addTo(tick: number, latest: number, weight: number): void {
		if (tick < this.head || tick >= this.tail) {
			this.born(latest, weight);
			return;
		}
		const slot = tick % this.remaining.length;
		this.remaining[slot] = this.remaining[slot]! + weight;
		this.initial[slot] = this.initial[slot]! + weight;
	}

	/** `weight` events born at `born` left the pipeline (delivered, lost or filtered). */
	settle(born: number, weight: number): void {
		const tick = Math.round(born / this.tickS + 0.5);
		if (tick < this.head || tick >= this.tail) return;
		const slot = tick % this.remaining.length;
		this.remaining[slot] = this.remaining[slot]! - weight;
		if (tick === this.head) this.advance();
	}

	/** The birth time before which every event has left the pipeline; `now` when nothing is pending. */
	completeUpTo(now: number): number {
		return this.head < this.tail ? (this.head - 0.5) * this.tickS : now;
	}

	private advance(): void {
		const size = this.remaining.length;
		while (this.head < this.tail) {
			const slot = this.head % size;
			if (this.remaining[slot]! > SETTLED * this.initial[slot]! + 1e-9) break;
			this.head++;
		}
	}

	private grow(): void {
		const old = this.remaining.length;
		const remaining = new Float64Array(old * 2);
		const initial = new Float64Array(old * 2);
		for (let tick = this.head; tick < this.tail; tick++) {
			remaining[tick % (old * 2)] = this.remaining[tick % old]!;
			initial[tick % (old * 2)] = this.initial[tick % old]!;
		}
		this.remaining = remaining;
		this.initial = initial;
	}
}
