"""Drives a command in a pseudo-terminal, as a person at a keyboard would.
Usage: python3 pty-drive.py COLS ROWS COMMAND [ARG ...] < steps.json
steps.json is a list of steps: ["wait", TEXT, SECONDS] waits until TEXT appears
in what the command drew (escape sequences removed); ["send", TEXT] types it;
["kill"] sends SIGKILL and stops. Prints "ok" or "missing: TEXT" followed by the
last screenful drawn; exits 0 or 1."""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

cols, rows, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
steps = json.load(sys.stdin)
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(command[0], command)
ansi = re.compile(rb'\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[()][0-9A-B]|[=>78])')
seen = b''
since = 0


def read(timeout):
    global seen
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    seen += chunk
    return True


def fail(text):
    plain = ansi.sub(b'', seen).decode('utf8', 'replace')
    print(f'missing: {text}\n{plain[-3000:]}')
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    sys.exit(1)


for step in steps:
    if step[0] == 'wait':
        text, deadline = step[1].encode(), time.time() + step[2]
        while (found := ansi.sub(b'', seen).find(text, since)) < 0:
            if time.time() > deadline or not read(0.05):
                fail(step[1])
        # Later waits look only at what was drawn after this match.
        since = found + len(text)
        time.sleep(0.05)
    elif step[0] == 'send':
        os.write(fd, step[1].encode())
    elif step[0] == 'kill':
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print('ok')
        sys.exit(0)
print('ok')
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
