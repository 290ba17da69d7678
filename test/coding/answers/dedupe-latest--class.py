# LeetCode style: the function is a method of a class.
from dataclasses import dataclass, field


@dataclass
class Latest:
    kept: dict = field(default_factory=dict)


class Solution:
    def dedupe_latest(self, records, key_fields, ts_field):
        state = Latest()
        for record in records:
            key = tuple(map(record.get, key_fields))
            old = state.kept.get(key)
            if old is None or self._newer(record.get(ts_field), old.get(ts_field)):
                state.kept[key] = record
        yield from state.kept.values()

    @staticmethod
    def _newer(ts, best):
        if ts is None:
            return best is None
        return best is None or ts >= best
