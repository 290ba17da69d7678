"""Drives a command in an 80x24 pseudo-terminal through a script of steps and
prints the wall seconds from the `mark` step to the end of the script.
Steps (a JSON list): ["wait", TEXT] until TEXT appears in what was drawn since
the last wait, ["send", KEYS], ["sleep", SECONDS], ["mark"].
Usage: python3 pty-keys.py STEPS_JSON COMMAND [ARG ...]"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

steps = json.loads(sys.argv[1])
command = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    os.execvp(command[0], command)
seen = b''
marked = None
failed = None

def pump(timeout):
    global seen
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return False
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    seen += chunk
    return bool(chunk)

for step in steps:
    kind = step[0]
    if kind == 'wait':
        text = step[1].encode()
        deadline = time.perf_counter() + 30
        while text not in seen and time.perf_counter() < deadline:
            pump(0.05)
        if text not in seen:
            failed = f'never showed {step[1]!r}'
            break
        seen = seen[seen.index(text) + len(text):]
    elif kind == 'send':
        os.write(fd, step[1].encode())
    elif kind == 'sleep':
        end = time.perf_counter() + step[1]
        while time.perf_counter() < end:
            pump(0.02)
    elif kind == 'mark':
        seen = b''
        marked = time.perf_counter()
elapsed = time.perf_counter() - marked if marked is not None and failed is None else None
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
print(f'{elapsed:.4f}' if elapsed is not None else f'missing: {failed}')
