/**
The Python half of the grader, run once inside pyodide when the child starts.
It loads an answer (compile with the candidate's file name, so syntax errors and
tracebacks point at their lines), calls the function per case with stdout
captured, and turns whatever comes back into plain JSON: tuples and generators
become lists, sets sorted lists, dataclasses dicts. Comparison happens in the
parent, which never trusts the child for a verdict.

Blocking things in Python is only a friendlier error: the permission model of
the Node child is what contains the answer.
*/
export const harnessSource = String.raw`
import builtins, dataclasses, datetime, decimal, io, json, linecache, math, os, sys, traceback

def _dojo_blocked(*args, **kwargs):
    raise PermissionError("running programs is not available in the dojo sandbox")

for _name in ("system", "popen", "execv", "execve", "execl", "execlp", "execvp", "spawnv", "spawnve", "fork", "forkpty", "posix_spawn", "posix_spawnp", "kill", "killpg"):
    if hasattr(os, _name):
        setattr(os, _name, _dojo_blocked)

def _dojo_input(*args, **kwargs):
    raise EOFError("input() is not available: the function receives its data as arguments")

builtins.input = _dojo_input
os.environ.pop("_", None)
_dojo_builtins = dict(builtins.__dict__)
# Bound once: an answer that patches json or sys attributes cannot change how results are read.
_dojo_dumps, _dojo_loads = json.dumps, json.loads
_dojo_state = {"fn": None, "filename": "answer.py"}

def _dojo_plain(value, depth=0):
    if depth > 200:
        raise ValueError("the result is nested more than 200 levels deep")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2**53 else {"__repr__": repr(value)}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"__repr__": repr(value)}
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {(key if isinstance(key, str) else repr(key)): _dojo_plain(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_dojo_plain(item, depth + 1) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_dojo_plain(item, depth + 1) for item in value), key=lambda item: _dojo_dumps(item, sort_keys=True))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _dojo_plain(dataclasses.asdict(value), depth + 1)
    if hasattr(value, "__next__") or type(value).__name__ in ("map", "filter", "zip", "range", "dict_values", "dict_keys", "dict_items", "reversed"):
        return [_dojo_plain(item, depth + 1) for item in value]
    return {"__repr__": repr(value)[:300]}

def _dojo_where(error):
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == _dojo_state["filename"]]
    if not frames:
        return None, None
    return frames[-1].lineno, (frames[-1].line or "").strip()

def _dojo_error(error):
    line, text = _dojo_where(error)
    return {"type": type(error).__name__, "mro": [cls.__name__ for cls in type(error).__mro__], "message": str(error)[:500], "line": line, "text": text}

def _dojo_restore():
    builtins.__dict__.clear()
    builtins.__dict__.update(_dojo_builtins)

def _dojo_load(source, filename, name):
    _dojo_restore()
    _dojo_state["fn"] = None
    _dojo_state["filename"] = filename
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        code = compile(source, filename, "exec")
    except SyntaxError as error:
        return _dojo_dumps({"ok": False, "syntax": {"line": error.lineno, "col": error.offset, "message": error.msg, "text": (error.text or "").rstrip()}})
    namespace = {"__name__": "answer", "__file__": filename}
    out = io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    try:
        exec(code, namespace)
    except MemoryError:
        return _dojo_dumps({"ok": False, "memory": True, "stdout": out.getvalue()[:4000]})
    except BaseException as error:
        return _dojo_dumps({"ok": False, "error": _dojo_error(error), "stdout": out.getvalue()[:4000]})
    finally:
        sys.stdout, sys.stderr = saved
    fn = namespace.get(name)
    if not callable(fn):
        # A class-style answer (class Solution: def name(self, ...)) is called on an instance.
        for value in list(namespace.values()):
            if isinstance(value, type) and callable(getattr(value, name, None)):
                try:
                    fn = getattr(value(), name)
                    break
                except Exception:
                    pass
    if not callable(fn):
        defined = sorted(key for key, value in namespace.items() if callable(value) and not key.startswith("_") and getattr(value, "__module__", None) == "answer")
        return _dojo_dumps({"ok": False, "missing": defined, "stdout": out.getvalue()[:4000]})
    _dojo_state["fn"] = fn
    return _dojo_dumps({"ok": True, "stdout": out.getvalue()[:4000]})

def _dojo_eval(expression):
    import collections, itertools, random
    return eval(expression, {"collections": collections, "itertools": itertools, "random": random, "datetime": datetime, "json": json, "math": math})

def _dojo_run(case_json):
    case = _dojo_loads(case_json)
    result = {}
    try:
        args = _dojo_loads(case["args"]) if "args" in case else _dojo_eval(case["args_py"])
        if "expect_py" in case:
            result["expected"] = _dojo_plain(_dojo_eval(case["expect_py"]))
    except BaseException as error:
        return _dojo_dumps({"ok": False, "harness": repr(error)[:500]})
    out = io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    try:
        result["value"] = _dojo_plain(_dojo_state["fn"](*args, **case.get("kwargs", {})))
        result["ok"] = True
    except MemoryError:
        result.pop("value", None)
        result["ok"] = False
        result["memory"] = True
    except BaseException as error:
        result["ok"] = False
        result["error"] = _dojo_error(error)
    finally:
        sys.stdout, sys.stderr = saved
    result["stdout"] = out.getvalue()[:4000]
    try:
        return _dojo_dumps(result, allow_nan=False)
    except (TypeError, ValueError) as error:
        return _dojo_dumps({"ok": False, "error": {"type": "TypeError", "mro": ["TypeError"], "message": "the result cannot be compared: " + str(error)[:300], "line": None, "text": None}, "stdout": result["stdout"]})
`;
