# A recursive generator of (path, value) pairs.
def _walk(value, path, sep):
    if isinstance(value, dict) and value:
        for key, item in value.items():
            if sep in key:
                raise ValueError(f"{key!r} contains {sep!r}")
            yield from _walk(item, (*path, key), sep)
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            yield from _walk(item, (*path, str(index)), sep)
    else:
        yield sep.join(path), value


def flatten_json(obj, sep="."):
    return dict(_walk(obj, (), sep))
