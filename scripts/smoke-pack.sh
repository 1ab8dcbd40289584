#!/usr/bin/env bash
# Packs nettutor, installs the tarball into an empty folder, and runs the
# installed binary as a learner would: --version, --help, sim, lessons, and the
# TUI itself in a pseudo-terminal (tmux) when tmux is available.
set -euo pipefail
cd "$(dirname "$0")/.."
unset CI
work=$(mktemp -d)
trap 'tmux kill-session -t nettutor-smoke 2>/dev/null || true; rm -rf "$work"' EXIT

tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "packed $tarball ($(du -k "$work/$tarball" | cut -f1) KiB)"
# Source maps ship beside the bundle, for NETTUTOR_DEBUG stack traces.
tar -tzf "$work/$tarball" | grep -x 'package/dist/cli.js.map' >/dev/null || { echo "smoke: dist/cli.js.map is not in the package"; exit 1; }
# The JSON Schema of lesson.jsonc ships too: lessons name it in "$schema" for their editors.
tar -tzf "$work/$tarball" | grep -x 'package/schema/lesson.schema.json' >/dev/null || { echo "smoke: schema/lesson.schema.json is not in the package"; exit 1; }
# The built-in lessons, compiled and checked at build time, are what a start reads; their sources ship for
# `nettutor lessons check`.
tar -tzf "$work/$tarball" | grep -x 'package/dist/lessons.json' >/dev/null || { echo "smoke: dist/lessons.json is not in the package"; exit 1; }
tar -tzf "$work/$tarball" | grep '^package/lessons/.*/lesson.jsonc$' >/dev/null || { echo "smoke: the lesson sources are not in the package"; exit 1; }
# The start that draws the first home screen (CommonJS, as bin/package.json says bin/ is) and what it reads.
for f in bin/package.json dist/early.cjs dist/lesson-outlines.json; do
  tar -tzf "$work/$tarball" | grep -x "package/$f" >/dev/null || { echo "smoke: $f is not in the package"; exit 1; }
done
# ssh2 is an optional peer, needed only by `nettutor serve`: neither packed nor installed for learners.
if tar -tzf "$work/$tarball" | grep -q 'node_modules/ssh2\|/ssh2/'; then echo "smoke: ssh2 is in the package"; exit 1; fi
if tar -xzOf "$work/$tarball" --wildcards 'package/dist/*.js' | grep -q 'kex-strict-s-v00@openssh.com'; then
  echo "smoke: ssh2 was bundled into dist/ (it must stay external)"; exit 1
fi
mkdir "$work/app"
(cd "$work/app" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "$work/$tarball")
bin="$work/app/node_modules/.bin/nettutor"

version=$("$bin" --version)
expected=$(node -p "require('./package.json').version")
[ "$version" = "$expected" ] || { echo "smoke: --version printed '$version', expected '$expected'"; exit 1; }
"$bin" --help | grep -q "nettutor sim <scenario>" || { echo "smoke: --help lacks the sim usage"; exit 1; }
"$bin" sim handshake --format json | node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); if (d.final.client!=="ESTABLISHED") process.exit(1)' \
  || { echo "smoke: sim handshake did not end ESTABLISHED"; exit 1; }
"$bin" lessons list --json | node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); if (!Array.isArray(d)||d.length===0) process.exit(1)' \
  || { echo "smoke: no lessons shipped in the package"; exit 1; }
# A lesson written by `lessons new` checks clean, and its "$schema" leads to the installed schema.
(cd "$work" && "$bin" lessons new smoke-lesson --dir authored >/dev/null)
"$bin" lessons check "$work/authored" --strict >/dev/null || { echo "smoke: the lesson written by lessons new does not check clean"; exit 1; }
ref=$(node -e 'const m=/"\$schema": ("[^"]*")/.exec(require("fs").readFileSync(process.argv[1],"utf8")); console.log(m ? JSON.parse(m[1]) : "")' "$work/authored/smoke-lesson/lesson.jsonc")
[ "$(cd "$work/authored/smoke-lesson" && realpath "$ref" 2>/dev/null)" = "$(realpath "$work/app/node_modules/nettutor/schema/lesson.schema.json")" ] \
  || { echo "smoke: lessons new wrote \$schema '$ref', which is not the installed schema"; exit 1; }
"$bin" lessons check >/dev/null || { echo "smoke: the shipped lesson sources do not check clean"; exit 1; }
set +e
"$bin" </dev/null >/dev/null 2>"$work/err"; status=$?
set -e
[ "$status" = 2 ] || { echo "smoke: without a TTY the TUI should exit 2, got $status"; exit 1; }

# nettutor serve without ssh2: a message saying how to get it, exit 1; --help and --export need no ssh2.
[ ! -d "$work/app/node_modules/ssh2" ] || { echo "smoke: installing nettutor installed ssh2"; exit 1; }
set +e
(cd "$work/app" && "$bin" serve --port 0 --state-dir "$work/state" </dev/null >/dev/null 2>"$work/err"); status=$?
set -e
[ "$status" = 1 ] && grep -q "npm install nettutor ssh2" "$work/err" \
  || { echo "smoke: serve without ssh2 should say how to install it (status $status):"; cat "$work/err"; exit 1; }
"$bin" serve --help | grep -q -- "--max-learners" || { echo "smoke: serve --help lacks its options"; exit 1; }
"$bin" serve --export --state-dir "$work/state" 2>/dev/null | grep -q '^nickname,login,' || { echo "smoke: serve --export printed no CSV header"; exit 1; }
# With ssh2 installed beside it, the installed package serves (ssh2 resolved from the installed chunk).
if (cd "$work/app" && npm install --no-audit --no-fund --silent ssh2@^1.17.0 >/dev/null 2>&1); then
  (cd "$work/app" && exec "$bin" serve --port 0 --auth open --state-dir "$work/state" >"$work/serve.out" 2>&1) &
  serve_pid=$!
  for _ in $(seq 1 50); do grep -q "Listening on" "$work/serve.out" && break; sleep 0.1; done
  grep -q "Listening on 127.0.0.1:" "$work/serve.out" || { echo "smoke: serve with ssh2 did not start:"; cat "$work/serve.out"; exit 1; }
  grep -q "drawn by [0-9]* render thread" "$work/serve.out" || { echo "smoke: serve did not start its render threads:"; cat "$work/serve.out"; exit 1; }
  # A learner (ssh2's client, from the installed ssh2) chooses a nickname, gets the lesson list drawn by a render
  # thread (which starts from the installed dist/cli.js), and quits with status 0.
  port=$(sed -n 's/^Listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.out")
  (cd "$work/app" && PORT="$port" timeout 20 node --input-type=module -e '
    import ssh2 from "ssh2";
    const c = new ssh2.Client();
    const fail = (why) => { console.error(`smoke: learner: ${why}`); process.exit(1); };
    setTimeout(() => fail("timed out"), 15000).unref();
    c.on("error", (e) => fail(e.message));
    c.on("ready", () => c.shell({ cols: 80, rows: 24, term: "xterm" }, (err, ch) => {
      if (err) fail(err.message);
      let out = "";
      let step = 0;
      ch.on("data", (d) => {
        out += d;
        const seen = out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
        if (step === 0 && seen.includes("Nickname")) { step = 1; ch.write("smoke\r"); }
        if (step === 1 && seen.includes("Enter open")) { step = 2; ch.write("q"); }
      });
      ch.on("exit", (code) => { if (step !== 2 || code !== 0) fail(`exit ${code} at step ${step}`); c.end(); });
    }));
    c.connect({ host: "127.0.0.1", port: Number(process.env.PORT), username: "smoke", hostVerifier: () => true });
  ') || { echo "smoke: a learner could not use the packed server:"; cat "$work/serve.out"; exit 1; }
  kill -TERM "$serve_pid"
  wait "$serve_pid" || { echo "smoke: serve did not exit 0 on SIGTERM"; exit 1; }
  echo "smoke: serve started with ssh2 installed beside nettutor, served a learner from a render thread, and stopped on SIGTERM"
else
  echo "smoke: could not install ssh2 from the registry; serve with ssh2 not checked"
fi

if command -v tmux >/dev/null 2>&1; then
  tmux kill-session -t nettutor-smoke 2>/dev/null || true
  tmux new-session -d -s nettutor-smoke -x 80 -y 24 \
    "env -u CI XDG_DATA_HOME=$work/data $bin; echo EXITED:\$?; sleep 30"
  for _ in $(seq 1 50); do
    tmux capture-pane -p -t nettutor-smoke | grep -q "Enter open" && break
    sleep 0.2
  done
  tmux capture-pane -p -t nettutor-smoke | grep -q "Enter open" || { echo "smoke: the TUI did not draw its home screen:"; tmux capture-pane -p -t nettutor-smoke; exit 1; }
  tmux send-keys -t nettutor-smoke q
  for _ in $(seq 1 25); do
    tmux capture-pane -p -t nettutor-smoke | grep -q "EXITED:0" && break
    sleep 0.2
  done
  tmux capture-pane -p -t nettutor-smoke | grep -q "EXITED:0" || { echo "smoke: q did not quit cleanly:"; tmux capture-pane -p -t nettutor-smoke; exit 1; }
  echo "smoke: TUI started and quit in a pseudo-terminal"
else
  echo "smoke: tmux not available; TUI start not checked"
fi
echo "smoke: ok"
