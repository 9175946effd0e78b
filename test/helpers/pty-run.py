"""Runs a command in a pseudo-terminal, as a person at a terminal would: it answers
each question (output ending in ": ") with the next answer (sent as typed, then Enter;
an answer of "\x03" is Ctrl-C, sent alone), and prints the transcript and the exit
status as JSON. Usage: python3 pty-run.py <cwd> <answers as JSON> <command...>"""
import json, os, pty, re, select, signal, sys, time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")

cwd, answers, argv = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.chdir(cwd)
    os.execvp(argv[0], argv)
transcript, pending, deadline = b"", b"", time.time() + float(os.environ.get("PTY_SECONDS", "60"))
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if not ready:
        continue
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    transcript += chunk
    pending += chunk
    if ANSI.sub(b"", pending).endswith(b": ") and answers:
        answer = answers.pop(0)
        pending = b""
        time.sleep(0.05)
        os.write(fd, answer.encode() if answer == "\x03" else (answer + "\r").encode())
if time.time() >= deadline:
    os.kill(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
print(json.dumps({"code": code, "transcript": transcript.decode("utf-8", "replace")}))
