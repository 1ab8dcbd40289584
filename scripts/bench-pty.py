#!/usr/bin/env python3
"""A small pseudo-terminal harness for `npm run bench` when tuibench is absent.

Starts a command in an 80x24 pty, and reports medians over several runs of:
time to first frame (a marker text on screen), bytes and latency per key,
CPU and bytes while idle, and peak RSS. It has no terminal emulator, so the
"changed rows only" comparison is left to tuibench.

`bench-pty.py first-key ... LABEL=COMMAND ...` measures, for commands taking
turns, spawn to the first frame and spawn to the answer of a key sent the
moment that frame shows (a frame drawn before the UI has loaded answers it
only once the UI is there).
"""
import argparse, fcntl, json, os, pty, re, select, shlex, signal, statistics, struct, sys, termios, time

KEYS = {"down": b"\x1b[B", "up": b"\x1b[A", "left": b"\x1b[D", "right": b"\x1b[C", "enter": b"\r", "q": b"q"}
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
CLK = os.sysconf("SC_CLK_TCK")


def tree_pids(pid):
    pids, frontier = {pid}, [pid]
    while frontier:
        p = frontier.pop()
        try:
            for tid in os.listdir("/proc/%d/task" % p):
                with open("/proc/%d/task/%s/children" % (p, tid)) as f:
                    for c in f.read().split():
                        if int(c) not in pids:
                            pids.add(int(c)); frontier.append(int(c))
        except OSError:
            pass
    return pids


def cpu_seconds(pid):
    total = 0
    for p in tree_pids(pid):
        try:
            with open("/proc/%d/stat" % p) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / CLK


def rss_mb(pid):
    total = 0
    for p in tree_pids(pid):
        try:
            with open("/proc/%d/status" % p) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def read_until_quiet(fd, quiet, limit):
    data, start, last = b"", time.perf_counter(), None
    first = None
    while True:
        now = time.perf_counter()
        if now - start > limit:
            break
        wait = quiet if last is not None else limit - (now - start)
        r, _, _ = select.select([fd], [], [], max(0.0, wait))
        if not r:
            if last is not None:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        if first is None:
            first = time.perf_counter() - start
        data += chunk
        last = time.perf_counter()
    return data, first


def one_run(argv, marker, keys, idle, env):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out, frame = b"", None
    while frame is None and time.perf_counter() - t0 < 15:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
            if marker.encode() in ANSI.sub(b"", out):
                frame = (time.perf_counter() - t0) * 1000
    res = {"first_frame_ms": frame, "first_frame_bytes": len(out)}
    read_until_quiet(fd, 0.15, 1.0)
    if idle:
        c0, t1 = cpu_seconds(pid), time.perf_counter()
        data, _ = read_until_quiet(fd, idle, idle)
        time.sleep(max(0, idle - (time.perf_counter() - t1)))
        res["idle_cpu_pct"] = (cpu_seconds(pid) - c0) / idle * 100
        res["idle_bytes_per_s"] = len(data) / idle
    res["keys"] = []
    for k in keys:
        t = time.perf_counter()
        os.write(fd, KEYS.get(k, k.encode()))
        data, first = read_until_quiet(fd, 0.15, 3.0)
        res["keys"].append({"key": k, "bytes": len(data), "latency_ms": None if first is None else first * 1000})
    res["peak_rss_mb"] = rss_mb(pid)
    try:
        os.killpg(os.getpgid(pid), signal.SIGTERM)
    except OSError:
        pass
    try:
        os.waitpid(pid, 0)
    except OSError:
        pass
    os.close(fd)
    return res


def first_key_run(argv, marker, key, answer, env):
    """Spawn to the marker on screen, then the key sent at once: spawn to the first output after it that
    contains `answer` (what the key's response writes). A start that draws its first screen before its
    UI has loaded answers the key only once the UI is there: this is when the first key is answered."""
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    out, frame, answered, after = b"", None, None, b""
    while answered is None and time.perf_counter() - t0 < 15:
        r, _, _ = select.select([fd], [], [], 0.02)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if frame is None:
            out += chunk
            if marker.encode() in ANSI.sub(b"", out):
                frame = (time.perf_counter() - t0) * 1000
                os.write(fd, KEYS.get(key, key.encode()))
        else:
            after += chunk
            if answer.encode() in ANSI.sub(b"", after):
                answered = (time.perf_counter() - t0) * 1000
    try:
        os.killpg(os.getpgid(pid), signal.SIGTERM)
    except OSError:
        pass
    try:
        os.waitpid(pid, 0)
    except OSError:
        pass
    os.close(fd)
    return {"first_frame_ms": frame, "first_key_answered_ms": answered}


def first_key_main(argv):
    ap = argparse.ArgumentParser(prog="bench-pty.py first-key")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--marker", required=True)
    ap.add_argument("--key", default="down")
    ap.add_argument("--answer", required=True)
    ap.add_argument("--json-out", required=True)
    ap.add_argument("commands", nargs="+", help="LABEL=COMMAND, measured in turns")
    o = ap.parse_args(argv)
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("CI", None)
    commands = [(c.split("=", 1)[0], shlex.split(c.split("=", 1)[1])) for c in o.commands]
    for _, cmd in commands:
        first_key_run(cmd, o.marker, o.key, o.answer, env)  # warm-up
    runs = {label: [] for label, _ in commands}
    for i in range(o.runs):
        for j in range(len(commands)):
            label, cmd = commands[(i + j) % len(commands)]
            runs[label].append(first_key_run(cmd, o.marker, o.key, o.answer, env))
    result = {
        label: {
            "firstFrameMs": med([r["first_frame_ms"] for r in rs]),
            "firstKeyAnsweredMs": med([r["first_key_answered_ms"] for r in rs]),
            "runs": rs,
        }
        for label, rs in runs.items()
    }
    with open(o.json_out, "w") as f:
        json.dump(result, f, indent=2)
    ms = lambda v: "-" if v is None else f"{v:.0f} ms"
    for label, r in result.items():
        print(f"{label:10} first frame {ms(r['firstFrameMs'])}, first key answered {ms(r['firstKeyAnsweredMs'])}")


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--marker", required=True)
    ap.add_argument("--keys", default="")
    ap.add_argument("--floor", required=True)
    ap.add_argument("--json-out", required=True)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    o = ap.parse_args()
    argv = [a for a in o.command if a != "--"]
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("CI", None)
    keys = o.keys.split()
    app, floor = [], []
    one_run(argv, o.marker, [], 0, env)  # warm-up
    for _ in range(o.runs):
        app.append(one_run(argv, o.marker, keys, 3, env))
        floor.append(one_run(shlex.split(o.floor), "ready", [], 0, env))
    result = {
        "firstFrameMs": med([r["first_frame_ms"] for r in app]),
        "nodeFirstFrameMs": med([r["first_frame_ms"] for r in floor]),
        "idleCpuPct": med([r.get("idle_cpu_pct") for r in app]),
        "idleBytesPerS": med([r.get("idle_bytes_per_s") for r in app]),
        "peakRssMb": med([r["peak_rss_mb"] for r in app]),
        "keys": [{"key": k, "bytes": med([r["keys"][i]["bytes"] for r in app]), "minRowBytes": None,
                  "latencyMs": med([r["keys"][i]["latency_ms"] for r in app])} for i, k in enumerate(keys)],
    }
    with open(o.json_out, "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "first-key":
        first_key_main(sys.argv[2:])
    else:
        main()
