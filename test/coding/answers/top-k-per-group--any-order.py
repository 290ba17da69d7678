# Sorting once by (group, -metric, id), then returning the kept rows by id: the order is free here.
def top_k_per_group(rows, group_field, metric_field, k):
    ranked = sorted((r for r in rows if r[metric_field] is not None), key=lambda r: (r[group_field], -r[metric_field], r["id"]))
    kept, taken = [], {}
    for row in ranked:
        group = row[group_field]
        if taken.get(group, 0) < k:
            kept.append(row)
            taken[group] = taken.get(group, 0) + 1
    return sorted(kept, key=lambda r: r["id"], reverse=True)
