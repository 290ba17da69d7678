/**
Records on their way out of a stage, each group due at its own time: when every
write has its own random latency, groups finish out of order. A binary min-heap
on the due time over typed arrays (no allocation per entry); the owning stage
schedules one engine event for the earliest due time and pops everything due.
*/
export class DelayLine {
	due: Float64Array;
	born: Float64Array;
	arrived: Float64Array;
	count: Float64Array;
	weight: Float64Array;
	size = 0;
	/** Records in the line. */
	records = 0;

	constructor(capacity = 64) {
		this.due = new Float64Array(capacity);
		this.born = new Float64Array(capacity);
		this.arrived = new Float64Array(capacity);
		this.count = new Float64Array(capacity);
		this.weight = new Float64Array(capacity);
	}

	/** The earliest due time, or Infinity when empty. */
	get first(): number {
		return this.size > 0 ? this.due[0]! : Number.POSITIVE_INFINITY;
	}

	/** Adds a group due at `due`. */
	push(due: number, born: number, arrived: number, count: number, weight: number): void {
		if (this.size === this.due.length) this.grow();
		let i = this.size++;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (this.due[parent]! <= due) break;
			this.move(parent, i);
			i = parent;
		}
		this.set(i, due, born, arrived, count, weight);
		this.records += count;
	}

	/** Removes every group due by `now`, earliest first, handing each to `deliver`. */
	drain(now: number, deliver: (born: number, arrived: number, count: number, weight: number) => void): void {
		while (this.size > 0 && this.due[0]! <= now + 1e-12) {
			const born = this.born[0]!;
			const arrived = this.arrived[0]!;
			const count = this.count[0]!;
			const weight = this.weight[0]!;
			this.pop();
			deliver(born, arrived, count, weight);
		}
	}

	/** Removes the earliest group; read its fields from index 0 first. */
	pop(): void {
		this.records -= this.count[0]!;
		const last = --this.size;
		if (last === 0) {
			this.records = 0;
			return;
		}
		const due = this.due[last]!;
		const born = this.born[last]!;
		const arrived = this.arrived[last]!;
		const count = this.count[last]!;
		const weight = this.weight[last]!;
		let i = 0;
		for (;;) {
			let child = 2 * i + 1;
			if (child >= last) break;
			if (child + 1 < last && this.due[child + 1]! < this.due[child]!) child++;
			if (this.due[child]! >= due) break;
			this.move(child, i);
			i = child;
		}
		this.set(i, due, born, arrived, count, weight);
	}

	private move(from: number, to: number): void {
		this.due[to] = this.due[from]!;
		this.born[to] = this.born[from]!;
		this.arrived[to] = this.arrived[from]!;
		this.count[to] = this.count[from]!;
		this.weight[to] = this.weight[from]!;
	}

	private set(i: number, due: number, born: number, arrived: number, count: number, weight: number): void {
		this.due[i] = due;
		this.born[i] = born;
		this.arrived[i] = arrived;
		this.count[i] = count;
		this.weight[i] = weight;
	}

	private grow(): void {
		const size = this.due.length * 2;
		const copy = (from: Float64Array) => {
			const to = new Float64Array(size);
			to.set(from);
			return to;
		};
		this.due = copy(this.due);
		this.born = copy(this.born);
		this.arrived = copy(this.arrived);
		this.count = copy(this.count);
		this.weight = copy(this.weight);
	}
}
