# Merge overlapping intervals (dojo code merge-intervals)


def merge_intervals(intervals):
    raise NotImplementedError
