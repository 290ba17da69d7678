/**
The pending-event set: which thing happens next, and when.

Like a hospital triage board: every pending event is a card (time, kind,
target), and the board always shows the earliest one on top. Events at the same
time come off in the order they were put on (a sequence number breaks ties), so
a run is reproducible to the last bit.

Stored as a binary min-heap in parallel typed arrays (struct of arrays) that
grow by doubling; pushing and popping allocate nothing. `peek` + `replaceTop`
fuse the common "handle the earliest event, schedule its successor" into a
single sift-down.

Invariant: keys (time, seq) are totally ordered and seq increases with every
push/replaceTop, so equal-time events are FIFO. A handler may push events at
or after the current time while its event is still on top: with a larger seq
they sort after it, so the top stays put until `pop`/`replaceTop`.
*/
export class EventQueue {
	/**
	Time of the event last returned by `pop` or `peek` (NaN before the first).
	Starting as a non-integer keeps the field a double from the outset; a field
	that changes representation later throws away the JIT's code that reads it.
	*/
	time = Number.NaN;
	/** Kind of the event last returned by `pop` or `peek` (a small integer the model defines). */
	kind = 0;
	/** Target of the event last returned by `pop` or `peek` (a server, shard or entity index). */
	target = 0;

	private times: Float64Array;
	private seqs: Float64Array;
	private kinds: Int32Array;
	private targets: Int32Array;
	private count = 0;
	private nextSeq = 0;
	private largest = 0;

	constructor(initialCapacity = 64) {
		const capacity = Math.max(4, initialCapacity | 0);
		this.times = new Float64Array(capacity);
		this.seqs = new Float64Array(capacity);
		this.kinds = new Int32Array(capacity);
		this.targets = new Int32Array(capacity);
	}

	/** How many events are pending. */
	get size(): number {
		return this.count;
	}

	/** The largest number of pending events seen so far (for reports on model size). */
	get maxSize(): number {
		return this.largest;
	}

	/** The time of the earliest pending event, or Infinity when none is pending. */
	peekTime(): number {
		return this.count > 0 ? this.times[0]! : Number.POSITIVE_INFINITY;
	}

	/** Schedules an event. `time` must not be NaN. */
	push(time: number, kind: number, target: number): void {
		if (this.count === this.times.length) this.grow();
		const times = this.times;
		const seqs = this.seqs;
		const kinds = this.kinds;
		const targets = this.targets;
		const seq = this.nextSeq++;
		let i = this.count++;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			const tp = times[parent]!;
			// The new event has the largest seq, so an equal-time parent stays above it.
			if (tp <= time) break;
			times[i] = tp;
			seqs[i] = seqs[parent]!;
			kinds[i] = kinds[parent]!;
			targets[i] = targets[parent]!;
			i = parent;
		}
		times[i] = time;
		seqs[i] = seq;
		kinds[i] = kind;
		targets[i] = target;
		if (this.count > this.largest) this.largest = this.count;
	}

	/** Sets `time`, `kind` and `target` to the earliest event without removing it; false when empty. */
	peek(): boolean {
		if (this.count === 0) return false;
		this.time = this.times[0]!;
		this.kind = this.kinds[0]!;
		this.target = this.targets[0]!;
		return true;
	}

	/** Removes the earliest event and sets `time`, `kind` and `target` to it; false when empty. */
	pop(): boolean {
		const n = this.count;
		if (n === 0) return false;
		this.time = this.times[0]!;
		this.kind = this.kinds[0]!;
		this.target = this.targets[0]!;
		this.count = n - 1;
		if (n > 1) this.siftDown(this.times[n - 1]!, this.seqs[n - 1]!, this.kinds[n - 1]!, this.targets[n - 1]!);
		return true;
	}

	/**
	Replaces the earliest event with a new one (a pop and a push in one sift).
	Call after `peek`, when handling the top event schedules exactly one successor.
	*/
	replaceTop(time: number, kind: number, target: number): void {
		if (this.count === 0) {
			this.push(time, kind, target);
			return;
		}
		this.siftDown(time, this.nextSeq++, kind, target);
	}

	/** Drops every pending event; the sequence counter keeps running so order stays deterministic. */
	clear(): void {
		this.count = 0;
	}

	private siftDown(time: number, seq: number, kind: number, target: number): void {
		const times = this.times;
		const seqs = this.seqs;
		const kinds = this.kinds;
		const targets = this.targets;
		const n = this.count;
		let i = 0;
		for (;;) {
			let child = 2 * i + 1;
			if (child >= n) break;
			let tc = times[child]!;
			const right = child + 1;
			if (right < n) {
				const tr = times[right]!;
				if (tr < tc || (tr === tc && seqs[right]! < seqs[child]!)) {
					child = right;
					tc = tr;
				}
			}
			if (tc > time || (tc === time && seqs[child]! > seq)) break;
			times[i] = tc;
			seqs[i] = seqs[child]!;
			kinds[i] = kinds[child]!;
			targets[i] = targets[child]!;
			i = child;
		}
		times[i] = time;
		seqs[i] = seq;
		kinds[i] = kind;
		targets[i] = target;
	}

	private grow(): void {
		const capacity = this.times.length * 2;
		const times = new Float64Array(capacity);
		const seqs = new Float64Array(capacity);
		const kinds = new Int32Array(capacity);
		const targets = new Int32Array(capacity);
		times.set(this.times);
		seqs.set(this.seqs);
		kinds.set(this.kinds);
		targets.set(this.targets);
		this.times = times;
		this.seqs = seqs;
		this.kinds = kinds;
		this.targets = targets;
	}
}
