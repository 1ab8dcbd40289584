#!/usr/bin/env python3
"""Walks every lesson of the built tutorial with random keys, on each Node given.

The tutorial sets V8 flags while it runs (src/node/memory.ts), which Node
documents as possibly unpredictable: this is the check that it is not, on the
Node versions nettutor is tested on. For each Node binary, it starts the
tutorial in an 80x24 pseudo-terminal on the lesson list and on every lesson
(--lesson), presses random keys (pages, choices, the models' keys, help,
Enter, Esc) with a resize now and then, and ends the session with SIGTERM.
A run passes when the process was still running, exited 143 as the tutorial
does on SIGTERM (progress saved), and wrote no crash, stack trace or V8
message.

    python3 scripts/walk-lessons.py [--keys 120] [--rounds 3] [NODE ...]

NODE defaults to `node`; e.g. `$(node scripts/node-versions.mjs bin 26.12.1)/node`.
Runs are seeded (lesson and round), so a failure can be run again. Exits 1
if any run fails.
"""
import argparse, fcntl, json, os, pty, random, re, select, shutil, signal, struct, subprocess, sys, tempfile, termios, time, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "bin", "nettutor.js")
KEYS = [b"n", b"n", b"n", b"p", b"\x1b[C", b"\x1b[D", b"\x1b[B", b"\x1b[A", b" ", b"\r", b"1", b"2", b"3",
        b"t", b"+", b"-", b"v", b"f", b"a", b"i", b"?", b"\x1b", b"g", b"G", b"h", b"s", b"x"]
SIZES = [(80, 24), (60, 20), (100, 30)]
CRASH = re.compile(rb"FATAL|Check failed|unrecognized flag|Segmentation|node:internal|could not save|Error:|\n\s+at [^\n]*:\d+:\d+")


def drain(fd, quiet=0.03, limit=1.0):
    start, data = time.time(), b""
    while time.time() - start < limit:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data


def walk(node, lesson, seed, keys):
    rnd = random.Random(seed)
    data = tempfile.mkdtemp(prefix="nettutor-walk-")
    argv = [node, BIN, "--progress", os.path.join(data, "progress.json")] + (["--lesson", lesson] if lesson else [])
    env = dict(os.environ, TERM="xterm-256color", XDG_DATA_HOME=data)
    env.pop("CI", None)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(node, argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out = drain(fd, 0.3, 3)
    for i in range(keys):
        os.write(fd, rnd.choice(KEYS))
        out += drain(fd)
        if i % 25 == 24:
            columns, rows = rnd.choice(SIZES)
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.kill(pid, signal.SIGWINCH)
            out += drain(fd)
    running = True
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        running = False
    out += drain(fd, 0.2, 2)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    shutil.rmtree(data, ignore_errors=True)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
    problems = [m.decode(errors="replace").strip() for m in CRASH.findall(out)]
    if not running:
        problems.append("ended before SIGTERM")
    if code != 143:
        problems.append(f"exit {code}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keys", type=int, default=120, help="random keys per run")
    ap.add_argument("--rounds", type=int, default=3, help="runs per lesson (and on the lesson list)")
    ap.add_argument("nodes", nargs="*", default=["node"])
    o = ap.parse_args()
    lessons = [l["id"] for l in json.loads(subprocess.check_output(["node", BIN, "lessons", "list", "--json"]))]
    failures = 0
    for node in o.nodes:
        version = subprocess.check_output([node, "--version"], text=True).strip()
        runs = 0
        for lesson in [None, *lessons]:
            for r in range(o.rounds):
                seed = (zlib.crc32((lesson or "home").encode()) + r) & 0xFFFF
                problems = walk(node, lesson, seed, o.keys)
                runs += 1
                if problems:
                    failures += 1
                    print(f"FAIL Node {version} {lesson or 'lesson list'} (seed {seed}): {'; '.join(problems)}", flush=True)
        print(f"Node {version}: {runs} runs of {o.keys} keys, every lesson and the list", flush=True)
    print("no failures" if failures == 0 else f"{failures} failed", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
