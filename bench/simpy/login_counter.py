#!/usr/bin/python3
"""Independent SimPy model of login-counter's first architecture (kds-lambda-redis):

    producer (KPL-style retries) -> Kinesis Data Streams (provisioned shards)
        -> Lambda event source mapping (standard iterator, shared throughput)
        -> Redis counter -> Grafana dashboard (10 s refresh)

A measuring stick for the project's simulator, not shipped. Built from the documented
behaviour below, NOT from the simulator's code. Every constant names its source:
  [C] /work/shared/reference/components.md (the project's collected AWS facts)
  [KPL] https://docs.aws.amazon.com/streams/latest/dev/kinesis-producer-adv-retries-rate-limiting.html
  [KPLcfg] KPL default_config.properties: RecordTtl 30000 ms, RateLimit 150 (%), RecordMaxBufferedTime 100 ms
  [LK] https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html ("Polling and batching streams")
  [S] scenarios.yaml, login-counter, architecture kds-lambda-redis (the design's own settings)

Model (what is simulated):
- Arrivals: Poisson at events_per_min / 60 ([S] 500k/min), partition key user_id uniform over 20M
  users, so each record lands on a uniformly random shard: independent Poisson streams of
  rate lambda / shards (Poisson splitting).
- Producer: a record is sent as soon as it is created (the design has no KPL buffering knob;
  `--kpl-buffer-ms` adds RecordMaxBufferedTime before the first send). Sends to a shard are
  rate limited by a token bucket at 150% of the shard's record limit [KPL, KPLcfg RateLimit 150].
  A rejected record goes back into the buffer with deadline now + RecordMaxBufferedTime/2 = 50 ms
  [KPL: "the minimum of half the current RecordMaxBufferedTime and the record's time-to-live"; no
  backoff]. The buffer is flushed in deadline order [KPL "buffer priority"]. A record not put
  within RecordTtl = 30 s of its creation is failed (lost) [KPLcfg].
- Shard write limit: 1,000 records/s and 1 MiB/s per shard [C kinesis_data_streams capacity],
  enforced as a token bucket holding one second of capacity.
- Lambda ESM, standard iterator [LK]: one batch per shard at a time (parallelization factor 1
  [C lambda]); polls each shard at a base rate of once per second; when more records are available
  it keeps processing batches until caught up; before invoking it keeps reading until it has a full
  batch (batch_size 500 [S]) or the batching window (1 s [S]) expires (or 6 MB). GetRecords: at
  most 5 calls/s per shard [C getrecords_tps_per_shard], 2 MB/s per shard shared [C read_mb_s],
  at most 10,000 records per call [C]. Within a window further reads happen at the base rate
  (once per second) but not later than the window's end; the documentation does not say how often
  Lambda reads inside a window, so `--window-read-s 0.2` (the 5 calls/s limit) shows the range.
- Function duration: overhead 20 ms + 0.02 ms per record [S]; then one Redis write
  (output_ratio 0.002 x 500 = 1 write per batch [S]), latency lognormal mean 0.5 ms, p99 1 ms [S];
  Redis at ~100k ops/s [C redis] never queues at ~17 writes/s, so no queue is modelled.
- Dashboard: refresh every 10 s, query 50 ms [S]: the query snapshots Redis at refresh time R and
  the panel shows it from R + 50 ms until the next panel update.

Figures (statistics over events created, and screen time, in [warmup, duration)):
- latency: record creation -> its count is in Redis (write complete); p50, p99 from 1 ms bins.
- freshness (newest data on screen): at screen time t, t - creation of the newest record counted in
  the snapshot shown; mean and p99 over t sampled every 10 ms.
- completeness: at screen time t, t - creation of the oldest record NOT counted in the snapshot
  shown (pending anywhere: producer buffer, shard, batch being gathered or in flight; lost records
  excluded once lost; if nothing is pending, the snapshot time itself); mean and p99 likewise.

Run:  /usr/bin/python3 bench/simpy/login_counter.py --shards 10 --seed 1   (prints one JSON object)
"""
import argparse
import collections
import json
import math
import random
import sys
import time

import simpy

# --- documented constants -------------------------------------------------------------------
SHARD_WRITE_RECORDS_S = 1000          # [C] kinesis_data_streams write_rec_s
SHARD_WRITE_BYTES_S = 1024 * 1024     # [C] 1 MB/s in (AWS quotas page: 1 MiB/s)
SHARD_READ_BYTES_S = 2 * 1024 * 1024  # [C] 2 MB/s out, shared by the shard's consumers
GETRECORDS_PER_S = 5                  # [C] getrecords_tps_per_shard
GETRECORDS_MAX_RECORDS = 10000        # [C] each call <= 10,000 records
KPL_RATE_LIMIT = 1.5                  # [KPL] 50% above the shard limit; [KPLcfg] RateLimit 150
KPL_RECORD_TTL_S = 30.0               # [KPLcfg] RecordTtl 30000 ms
KPL_MAX_BUFFERED_S = 0.100            # [KPLcfg] RecordMaxBufferedTime 100 ms (retry = half of it)
LAMBDA_BASE_POLL_S = 1.0              # [LK] "base rate of once per second" per shard
LAMBDA_MAX_PAYLOAD_B = 6 * 1024 * 1024  # [LK] 6 MB batch payload limit
TICK_S = 0.010                        # producer/token-bucket step of this model (not a documented figure)
SCREEN_SAMPLE_S = 0.010               # how often the dashboard's age is sampled for the statistics


class Histogram:
    """1 ms bins up to 10 min: percentiles of millions of latencies without keeping them."""

    def __init__(self, bin_s=0.001, max_s=600.0):
        self.bin_s = bin_s
        self.bins = [0] * (int(max_s / bin_s) + 2)
        self.n = 0
        self.total = 0.0

    def add(self, x):
        i = int(x / self.bin_s)
        if i >= len(self.bins):
            i = len(self.bins) - 1
        self.bins[i] += 1
        self.n += 1
        self.total += x

    def quantile(self, q):
        if self.n == 0:
            return None
        target = q * self.n
        acc = 0
        for i, c in enumerate(self.bins):
            acc += c
            if acc >= target:
                return (i + 0.5) * self.bin_s
        return None

    def mean(self):
        return self.total / self.n if self.n else None


def quantile_sorted(xs, q):
    if not xs:
        return None
    k = min(len(xs) - 1, max(0, int(math.ceil(q * len(xs))) - 1))
    return xs[k]


class Shard:
    """One shard: the producer's buffer for it, its write buckets, and the records it holds."""

    def __init__(self, rng, rate, t0):
        self.rng = rng
        self.rate = rate
        self.next_arrival = t0 + rng.expovariate(rate)
        self.fresh = collections.deque()   # creation times, deadline = creation + buffer (monotone)
        self.retry = collections.deque()   # (deadline, creation): deadline = fail + 50 ms (monotone)
        self.stream = collections.deque()  # (accept_time, creation) readable by consumers
        self.rec_tokens = float(SHARD_WRITE_RECORDS_S)
        self.byte_tokens = float(SHARD_WRITE_BYTES_S)
        self.kpl_tokens = SHARD_WRITE_RECORDS_S * KPL_RATE_LIMIT
        self.read_bytes_tokens = float(SHARD_READ_BYTES_S)
        self.read_tokens_t = 0.0
        self.calls = collections.deque()    # times of recent GetRecords calls (5 per second)
        self.gathering = []                 # creation times read, not yet written to Redis


class Model:
    def __init__(self, args):
        self.a = args
        self.env = simpy.Environment()
        self.rng = random.Random(args.seed)
        lam = args.events_per_min / 60.0
        self.shards = [Shard(random.Random(self.rng.random()), lam / args.shards, 0.0)
                       for _ in range(args.shards)]
        self.lat = Histogram()
        self.newest_counted = -math.inf
        self.delivered = 0
        self.lost = 0
        self.throttled = 0
        self.generated = 0
        self.invocations = 0
        self.batch_records = 0
        self.snapshots = []  # (display_time, newest_counted_creation, oldest_uncounted_creation)
        self.propagation = args.propagation_ms / 1000.0

    # --- producer + shard write path, stepped every TICK_S ----------------------------------
    def producer(self):
        a = self.a
        dt = TICK_S
        buf = a.kpl_buffer_ms / 1000.0
        ttl = KPL_RECORD_TTL_S
        retry_delay = KPL_MAX_BUFFERED_S / 2
        rec_b = a.event_bytes
        rec_cap = SHARD_WRITE_RECORDS_S
        byte_cap = SHARD_WRITE_BYTES_S
        kpl_cap = SHARD_WRITE_RECORDS_S * KPL_RATE_LIMIT
        while True:
            yield self.env.timeout(dt)
            now = self.env.now
            for s in self.shards:
                # arrivals up to now
                t = s.next_arrival
                fresh = s.fresh
                while t <= now:
                    fresh.append(t)
                    t += s.rng.expovariate(s.rate)
                    self.generated += 1
                s.next_arrival = t
                # refill buckets (one second of capacity at most)
                s.rec_tokens = min(rec_cap, s.rec_tokens + rec_cap * dt)
                s.byte_tokens = min(byte_cap, s.byte_tokens + byte_cap * dt)
                s.kpl_tokens = min(kpl_cap, s.kpl_tokens + kpl_cap * dt)
                # records past RecordTtl are failed: oldest first in the fresh buffer
                while fresh and fresh[0] + ttl <= now:
                    fresh.popleft()
                    self.lost += 1
                retry = s.retry
                stream = s.stream
                # flush in deadline order while the KPL rate limiter allows
                while s.kpl_tokens >= 1:
                    fd = fresh[0] + buf if fresh else math.inf
                    rd = retry[0][0] if retry else math.inf
                    if fd <= rd:
                        if fd > now:
                            break
                        c = fresh.popleft()
                        send_t = max(c + buf, now - dt)  # sent when due, within this step
                    else:
                        if rd > now:
                            break
                        c = retry.popleft()[1]
                        send_t = now
                    if c + ttl <= now:
                        self.lost += 1
                        continue
                    s.kpl_tokens -= 1
                    if s.rec_tokens >= 1 and s.byte_tokens >= rec_b:
                        s.rec_tokens -= 1
                        s.byte_tokens -= rec_b
                        stream.append((send_t + self.propagation, c))
                    else:
                        self.throttled += 1
                        retry.append((now + retry_delay, c))

    # --- Lambda event source mapping, one poller per shard ------------------------------------
    def get_records(self, s, limit):
        """One GetRecords call: up to `limit` records accepted by now, within the read limits."""
        now = self.env.now
        s.calls.append(now)
        # shared 2 MB/s per shard read budget (one consumer here)
        s.read_bytes_tokens = min(SHARD_READ_BYTES_S,
                                  s.read_bytes_tokens + (now - s.read_tokens_t) * SHARD_READ_BYTES_S)
        s.read_tokens_t = now
        limit = min(limit, GETRECORDS_MAX_RECORDS, int(s.read_bytes_tokens // self.a.event_bytes))
        got = 0
        st = s.stream
        g = s.gathering
        while got < limit and st and st[0][0] <= now:
            g.append(st.popleft()[1])
            got += 1
        s.read_bytes_tokens -= got * self.a.event_bytes
        return got

    def call_allowed_at(self, s):
        """Earliest time a further GetRecords keeps to 5 calls in any second on this shard."""
        now = self.env.now
        while s.calls and s.calls[0] <= now - 1.0:
            s.calls.popleft()
        if len(s.calls) < GETRECORDS_PER_S:
            return now
        return s.calls[-GETRECORDS_PER_S] + 1.0

    def poller(self, s):
        a = self.a
        env = self.env
        bs = a.batch_size
        window = a.batching_window_s
        max_batch = min(bs, LAMBDA_MAX_PAYLOAD_B // a.event_bytes)
        yield env.timeout(s.rng.random() * LAMBDA_BASE_POLL_S)  # pollers start out of phase
        while True:
            t_ok = self.call_allowed_at(s)
            if t_ok > env.now:
                yield env.timeout(t_ok - env.now)
            self.get_records(s, max_batch - len(s.gathering))
            last_poll = env.now
            if not s.gathering:
                yield env.timeout(LAMBDA_BASE_POLL_S)
                continue
            window_end = env.now + window
            while len(s.gathering) < max_batch and env.now < window_end:
                nxt = max(min(last_poll + a.window_read_s, window_end), self.call_allowed_at(s))
                yield env.timeout(nxt - env.now)
                self.get_records(s, max_batch - len(s.gathering))
                last_poll = env.now
            batch = s.gathering
            n = len(batch)
            yield env.timeout((a.overhead_ms + a.per_record_ms * n) / 1000.0)
            yield env.timeout(self.redis_latency(s.rng))
            now = env.now
            s.gathering = []
            self.invocations += 1
            self.batch_records += n
            w0, w1 = a.warmup_s, a.duration_s
            newest = -math.inf
            for c in batch:
                if c > newest:
                    newest = c
                if w0 <= c < w1:
                    self.lat.add(now - c)
            self.delivered += n
            if newest > self.newest_counted:
                self.newest_counted = newest
            # caught up? keep going while the shard holds readable records, else base rate
            if s.stream and s.stream[0][0] <= now:
                continue
            wait = last_poll + LAMBDA_BASE_POLL_S - now
            if wait > 0:
                yield env.timeout(wait)

    def redis_latency(self, rng):
        # lognormal with mean 0.5 ms and p99 1 ms [S]: sigma from p99/mean = exp(2.326 s - s^2/2)
        mean, p99 = 0.5e-3, 1.0e-3
        z = 2.3263478740408408
        r = math.log(p99 / mean)
        sigma = z - math.sqrt(z * z - 2 * r)
        mu = math.log(mean) - sigma * sigma / 2
        return rng.lognormvariate(mu, sigma)

    # --- dashboard -----------------------------------------------------------------------------
    def oldest_uncounted(self):
        now = self.env.now
        ttl = KPL_RECORD_TTL_S
        oldest = now
        for s in self.shards:
            if s.gathering:
                oldest = min(oldest, min(s.gathering))
            if s.stream:
                oldest = min(oldest, s.stream[0][1])
            for c in s.fresh:       # monotone: first non-expired is the oldest
                if c + ttl > now:
                    oldest = min(oldest, c)
                    break
            for _, c in s.retry:
                if c + ttl > now and c < oldest:
                    oldest = c
        return oldest

    def dashboard(self):
        """Refresh at 0, refresh_s, 2 refresh_s, ...: snapshot Redis, show it query_ms later."""
        a = self.a
        while True:
            self.snapshots.append((self.env.now + a.query_ms / 1000.0, self.newest_counted,
                                   self.oldest_uncounted()))
            yield self.env.timeout(a.refresh_s)

    def run(self):
        for s in self.shards:
            self.env.process(self.poller(s))
        self.env.process(self.producer())
        self.env.process(self.dashboard())
        w0 = time.time()
        self.env.run(until=self.a.duration_s)
        wall = time.time() - w0
        return self.report(wall)

    def screen_ages(self):
        """Sample the panel every SCREEN_SAMPLE_S in [warmup, duration): (freshness, completeness)."""
        a = self.a
        fresh, compl = [], []
        snaps = self.snapshots
        k = -1
        n = int((a.duration_s - a.warmup_s) / SCREEN_SAMPLE_S)
        for i in range(n):
            t = a.warmup_s + i * SCREEN_SAMPLE_S
            while k + 1 < len(snaps) and snaps[k + 1][0] <= t:
                k += 1
            if k < 0 or snaps[k][1] == -math.inf:
                continue
            fresh.append(t - snaps[k][1])
            compl.append(t - snaps[k][2])
        return fresh, compl

    def report(self, wall):
        a = self.a
        f, c = self.screen_ages()
        f.sort()
        c.sort()

        def r(x, d=3):
            return None if x is None else round(x, d)
        return {
            "model": "simpy login-counter kds-lambda-redis",
            "simpy": simpy.__version__,
            "seed": a.seed, "shards": a.shards, "load_per_s": round(a.events_per_min / 60.0, 3),
            "duration_s": a.duration_s, "warmup_s": a.warmup_s, "wall_s": round(wall, 2),
            "generated": self.generated, "delivered": self.delivered, "lost": self.lost,
            "lost_share": r(self.lost / self.generated if self.generated else 0, 4),
            "throttled_per_s": r(self.throttled / a.duration_s, 1),
            "invocations_per_s": r(self.invocations / a.duration_s, 2),
            "mean_batch_records": r(self.batch_records / self.invocations if self.invocations else 0, 1),
            "latency_ms": {"mean": r(self.lat.mean() * 1000 if self.lat.n else None, 1),
                           "p50": r(self.lat.quantile(0.5) * 1000 if self.lat.n else None, 1),
                           "p99": r(self.lat.quantile(0.99) * 1000 if self.lat.n else None, 1)},
            "freshness_s": r(sum(f) / len(f) if f else None),
            "freshness_p99_s": r(quantile_sorted(f, 0.99)),
            "completeness_s": r(sum(c) / len(c) if c else None),
            "completeness_p99_s": r(quantile_sorted(c, 0.99)),
        }


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shards", type=int, default=10)            # [S] shards: 10
    p.add_argument("--events-per-min", type=float, default=500000)  # [S] workload
    p.add_argument("--event-bytes", type=int, default=200)      # [S] workload
    p.add_argument("--batch-size", type=int, default=500)       # [S] count.batch_size
    p.add_argument("--batching-window-s", type=float, default=1.0)  # [S] count.batching_window_s
    p.add_argument("--overhead-ms", type=float, default=20.0)   # [S] count.overhead_ms
    p.add_argument("--per-record-ms", type=float, default=0.02)  # [S] count.per_record_ms
    p.add_argument("--refresh-s", type=float, default=10.0)     # [S] dashboard.refresh_s
    p.add_argument("--query-ms", type=float, default=50.0)      # [S] dashboard.query_ms
    p.add_argument("--kpl-buffer-ms", type=float, default=0.0)  # see docstring
    # How often Lambda reads again inside a batching window is not documented: by default at the
    # base poll rate (1 s [LK]); 0.2 s is the fastest the 5 GetRecords/s per shard allows [C].
    p.add_argument("--window-read-s", type=float, default=LAMBDA_BASE_POLL_S)
    # Write-to-readable delay of a shard, before any wait for the poll. Not in the documentation as such:
    # [C] gives "~200 ms average with 1 consumer" end to end for shared polling, which includes the poll.
    p.add_argument("--propagation-ms", type=float, default=0.0)
    p.add_argument("--duration-s", type=float, default=600.0)   # the simulator's default run: 10 min
    p.add_argument("--warmup-s", type=float, default=60.0)      # and its 1 min warm-up
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args(argv)
    if a.shards < 1 or a.duration_s <= a.warmup_s:
        print("login_counter.py: --shards must be >= 1 and --duration-s above --warmup-s", file=sys.stderr)
        return 2
    print(json.dumps(Model(a).run()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
