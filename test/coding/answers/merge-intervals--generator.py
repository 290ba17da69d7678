# A generator over a sorted copy, with tuples instead of lists.
import math


def _merged(intervals):
    current = None
    for start, end in sorted(intervals, key=lambda pair: pair[0]):
        end = math.inf if end is None else end
        if current and start <= current[1]:
            current = (current[0], max(current[1], end))
        else:
            if current:
                yield current
            current = (start, end)
    if current:
        yield current


def merge_intervals(intervals):
    return ((start, None if end == math.inf else end) for start, end in _merged(intervals))
