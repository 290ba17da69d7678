/**
A stage with one write quota in front of it (a Firehose stream's Direct PUT
limits, an API's throttle): every record offered goes through the limiter, and
the stage keeps ticking while refused records wait for their retry.
*/
import {Stage} from './stage.js';
import type {LimiterOwner, WriteLimiter} from './write-limiter.js';

/** A stage whose input passes one quota; subclasses say what happens to accepted and refused records. */
export abstract class QuotaStage extends Stage implements LimiterOwner {
	/** The quota and the producer's retries; the subclass constructor sets it once its limits are known. */
	protected limiter!: WriteLimiter;

	override receive(now: number, born: number, count: number, weight: number): void {
		this.hold(now, count);
		this.limiter.offer(now, 0, born, now, count, weight);
		this.needsTick = this.limiter.retrying > 0;
	}

	override tick(now: number): void {
		this.limiter.tick(now);
		this.needsTick = this.limiter.retrying > 0;
	}

	abstract accepted(now: number, p: number, born: number, arrived: number, count: number, weight: number): void;
	abstract refused(now: number, born: number, count: number, weight: number): void;
	abstract throttledAttempts(now: number, count: number): void;
}
