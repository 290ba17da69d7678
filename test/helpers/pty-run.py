"""Runs one command in a pseudo-terminal and reports what it did, as JSON.
Usage: python3 pty-run.py COLS ROWS WAIT_TEXT WAIT_S CTRL_C TIMEOUT_S COMMAND [ARG ...]
Reads what the command draws until WAIT_TEXT appears (or WAIT_S seconds pass);
then, when CTRL_C is 1, types Ctrl-C (byte 0x03, which a terminal turns into
SIGINT, or an app in raw mode reads as a key). Then reads until the command
ends or TIMEOUT_S passes (then SIGKILL). Prints {"code", "signal", "seen",
"interrupted_at_s", "timed_out", "output"}: code is the exit status (null when a
signal ended it), seen whether WAIT_TEXT appeared."""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

cols, rows, wait_text, wait_s, ctrl_c, timeout_s = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode(), float(sys.argv[4]), sys.argv[5] == '1', float(sys.argv[6])
command = sys.argv[7:]
started = time.time()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
    os.execvp(command[0], command)

out = b''
done = False


def pump(until):
    """Reads until `until()` is true or the command closes the terminal; returns False when it closed."""
    global out
    while not until():
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        out += chunk
    return True


deadline = started + wait_s
alive = pump(lambda: (wait_text and wait_text in out) or time.time() > deadline)
seen = bool(wait_text) and wait_text in out
interrupted_at = None
if alive and ctrl_c:
    interrupted_at = round(time.time() - started, 2)
    os.write(fd, b'\x03')
end = time.time() + timeout_s
timed_out = False
if alive:
    pump(lambda: time.time() > end)
    timed_out = time.time() > end
if timed_out:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({'code': code if code >= 0 else None, 'signal': -code if code < 0 else None, 'seen': seen, 'interrupted_at_s': interrupted_at, 'timed_out': timed_out, 'output': out.decode('utf8', 'replace')}))
