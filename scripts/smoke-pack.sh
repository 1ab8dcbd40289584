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
