# Per-client sorted lists searched with bisect instead of deques.
import bisect


def rate_limit(requests, limit, window_s):
    history = {}
    def allow(client, ts):
        times = history.setdefault(client, [])
        inside = len(times) - bisect.bisect_right(times, ts - window_s)
        if inside < limit:
            times.append(ts)
            return True
        return False
    return [allow(client, ts) for client, ts in requests]
