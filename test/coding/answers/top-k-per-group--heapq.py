# heapq with the tie-break in the key, returning tuples of rows via a generator.
import heapq
from collections import defaultdict


def top_k_per_group(rows, group_field, metric_field, k):
    groups = defaultdict(list)
    for row in rows:
        if row[metric_field] is not None:
            groups[row[group_field]].append(row)
    return tuple(row for group in sorted(groups) for row in heapq.nsmallest(k, groups[group], key=lambda r: (-r[metric_field], r["id"])))
