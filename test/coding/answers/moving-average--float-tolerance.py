# Exact fractions, then float at the end: rounding must still agree within the tolerance.
from collections import Counter
from datetime import date, timedelta
from fractions import Fraction


def moving_average(points, window_days):
    totals = Counter()
    for p in points:
        if p["value"] is not None:
            totals[date.fromisoformat(p["date"])] += Fraction(p["value"])
    if not totals:
        return []
    first = min(totals)
    days = [(first + timedelta(n)) for n in range((max(totals) - first).days + 1)]
    out = []
    for i, day in enumerate(days):
        window = days[max(0, i - window_days + 1): i + 1]
        out.append((day.isoformat(), round(float(sum(totals[d] for d in window) / len(window)), 2)))
    return out
