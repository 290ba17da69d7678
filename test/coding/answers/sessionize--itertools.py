# itertools.groupby over events sorted by (user, time), yielding tuples of sessions.
from datetime import datetime, timezone
from itertools import groupby
from operator import itemgetter


def sessionize(events, gap_s):
    parsed = sorted((e["user"], datetime.fromisoformat(e["ts"]).astimezone(timezone.utc)) for e in events)
    out = []
    for user, group in groupby(parsed, key=itemgetter(0)):
        times = [moment for _, moment in group]
        bounds = [0] + [i for i in range(1, len(times)) if (times[i] - times[i - 1]).total_seconds() > gap_s] + [len(times)]
        for lo, hi in zip(bounds, bounds[1:]):
            out.append(dict(user=user, start=f"{times[lo]:%Y-%m-%dT%H:%M:%SZ}", end=f"{times[hi - 1]:%Y-%m-%dT%H:%M:%SZ}", events=hi - lo))
    return out
