"""Times a command in a pseudo-terminal of 80x24: from fork to the first time
MARKER appears in what it draws (or to its exit when MARKER is empty). Prints
the wall seconds and the CPU seconds the command used until then (user + system;
steadier than wall time on a busy machine).
Usage: python3 pty-time.py MARKER COMMAND [ARG ...]"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

marker = sys.argv[1].encode()
command = sys.argv[2:]
started = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    os.execvp(command[0], command)
seen = b''
while True:
    ready, _, _ = select.select([fd], [], [], 20)
    if not ready:
        break
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    if marker and marker in seen:
        break
elapsed = time.perf_counter() - started
found = (not marker) or marker in seen
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
_, _, usage = os.wait4(pid, 0)
print(f'{elapsed:.4f} {usage.ru_utime + usage.ru_stime:.4f}' if found else 'missing')
