/**
A FIFO of record cohorts: instead of one entry per record, one entry per group
of records that arrived together (one tick's worth on one shard, one batch).

Like a cloakroom that hands out one ticket per coach party rather than per
coat: each cohort keeps when its records were born at the source (`born`, for
end-to-end latency), when they reached this stage (`arrived`, for the stage's
own wait), a stage-specific timestamp (`stamp`: accepted into a shard, joined
a buffer), how many records it holds (`count`, may be fractional after an
aggregation) and how many source events they stand for (`weight`).

Taking part of the head cohort splits it, so capacity limits apply to exact
record counts while the queue stays a few entries per tick. Ring buffer over
typed arrays; grows by doubling; no allocation per operation.
*/
/** What a queue hands on for each cohort (or part of one) it gives up: birth, arrival at the stage, the stage's stamp, records and source events. */
export type CohortVisitor = (born: number, arrived: number, stamp: number, count: number, weight: number) => void;

export class CohortQueue {
	born: Float64Array;
	arrived: Float64Array;
	stamp: Float64Array;
	count: Float64Array;
	weight: Float64Array;
	/** Total records held. */
	records = 0;
	private head = 0;
	private length = 0;

	constructor(capacity = 16) {
		const size = Math.max(4, capacity);
		this.born = new Float64Array(size);
		this.arrived = new Float64Array(size);
		this.stamp = new Float64Array(size);
		this.count = new Float64Array(size);
		this.weight = new Float64Array(size);
	}

	/** Number of cohorts held. */
	get size(): number {
		return this.length;
	}

	/** Index into the arrays of the i-th cohort from the head (0 = oldest). */
	at(i: number): number {
		const cap = this.born.length;
		const index = this.head + i;
		return index >= cap ? index - cap : index;
	}

	/** Appends a cohort at the tail. Cohorts with no records are ignored. */
	push(born: number, arrived: number, stamp: number, count: number, weight: number): void {
		if (!(count > 0) && !(weight > 0)) return;
		if (this.length === this.born.length) this.grow();
		const index = this.at(this.length);
		this.born[index] = born;
		this.arrived[index] = arrived;
		this.stamp[index] = stamp;
		this.count[index] = count;
		this.weight[index] = weight;
		this.length++;
		this.records += count;
	}

	/** Index of the head cohort (call only when size > 0). */
	get headIndex(): number {
		return this.head;
	}

	/** Removes the head cohort. */
	shift(): void {
		const index = this.head;
		this.records -= this.count[index]!;
		// Clear rounding drift when the queue empties.
		if (this.length === 1) this.records = 0;
		this.head = index + 1 === this.born.length ? 0 : index + 1;
		this.length--;
	}

	/**
	Takes `records` records off the head cohort (at most its count), leaving the
	rest in place; returns the weight taken. The caller reads born/arrived/stamp
	from `headIndex` before calling.
	*/
	takeFromHead(records: number): number {
		const index = this.head;
		const count = this.count[index]!;
		// `!(records < count)` also takes the whole cohort on NaN, so a bad input cannot stall a loop.
		if (!(records < count)) {
			const weight = this.weight[index]!;
			this.shift();
			return weight;
		}
		const weight = count > 0 ? (this.weight[index]! * records) / count : 0;
		this.count[index] = count - records;
		this.weight[index] = this.weight[index]! - weight;
		this.records -= records;
		return weight;
	}

	/**
	Removes cohorts from the head, oldest first, while `due` says their stamp is
	(all of them without it), handing each to `visit`.
	*/
	drain(visit: CohortVisitor, due?: (stamp: number) => boolean): void {
		while (this.length > 0) {
			const index = this.head;
			const stamp = this.stamp[index]!;
			if (due && !due(stamp)) return;
			const born = this.born[index]!;
			const arrived = this.arrived[index]!;
			const count = this.count[index]!;
			const weight = this.weight[index]!;
			this.shift();
			visit(born, arrived, stamp, count, weight);
		}
	}

	/**
	Takes up to `records` records off the head, oldest first, splitting the last
	cohort it reaches, while more than `floor` are still wanted and the head's
	stamp is at most `until`; hands each part to `visit` and returns the records
	still wanted (`records` less those taken: ∞ stays ∞).
	*/
	take(records: number, visit: CohortVisitor, until = Number.POSITIVE_INFINITY, floor = 0): number {
		let left = records;
		while (left > floor && this.length > 0) {
			const index = this.head;
			const stamp = this.stamp[index]!;
			if (stamp > until) break;
			const born = this.born[index]!;
			const arrived = this.arrived[index]!;
			const part = Math.min(left, this.count[index]!);
			const weight = this.takeFromHead(part);
			left -= part;
			visit(born, arrived, stamp, part, weight);
		}
		return left;
	}

	private grow(): void {
		const old = this.born.length;
		const size = old * 2;
		const head = this.head;
		const copy = (from: Float64Array): Float64Array => {
			const to = new Float64Array(size);
			for (let i = 0; i < this.length; i++) {
				const index = head + i;
				to[i] = from[index >= old ? index - old : index]!;
			}
			return to;
		};
		this.born = copy(this.born);
		this.arrived = copy(this.arrived);
		this.stamp = copy(this.stamp);
		this.count = copy(this.count);
		this.weight = copy(this.weight);
		this.head = 0;
	}
}
