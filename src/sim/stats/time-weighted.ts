/**
The time-weighted mean of a level that steps up and down: queue length, busy
servers, records in a buffer.

Like a parking-lot meter that charges per car per minute: the average occupancy
is the total car-minutes divided by the minutes watched, not the average over
the moments a car came or went. `update(now, level)` is called whenever the
level changes; `reset(now)` starts a fresh watch (after warm-up) keeping the
current level.
*/
export class TimeWeighted {
	/** The largest level seen since the last reset. */
	max: number;
	private level: number;
	private start: number;
	private last: number;
	private area = 0;

	constructor(now = 0, level = 0) {
		this.level = level;
		this.max = level;
		this.start = now;
		this.last = now;
	}

	/** The current level. */
	get current(): number {
		return this.level;
	}

	/** The level changes to `level` at time `now` (now must not go backwards). */
	update(now: number, level: number): void {
		this.area += this.level * (now - this.last);
		this.last = now;
		this.level = level;
		if (level > this.max) this.max = level;
	}

	/** The time-weighted mean from the last reset up to `now` (the current level if no time has passed). */
	mean(now: number): number {
		const span = now - this.start;
		if (!(span > 0)) return this.level;
		return (this.area + this.level * (now - this.last)) / span;
	}

	/** The integral of the level from the last reset up to `now` (level × time). */
	integral(now: number): number {
		return this.area + this.level * (now - this.last);
	}

	/** Forgets the history before `now` (warm-up removal); the level and max restart from the current level. */
	reset(now: number): void {
		this.area = 0;
		this.start = now;
		this.last = now;
		this.max = this.level;
	}
}
