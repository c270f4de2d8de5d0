#!/usr/bin/env bash
# Tests the built runtime image: run by Maven (integration-test) after build-image.sh.
#   test-image.sh IMAGE_DIR TARBALL
# Starts <image>/bin/welljabber (through a symlink, from another directory) under an Xvfb of its own
# with a fresh --profile and -Dwelljabber.exitWhenShown=true: it must print WELLJABBER MAIN WINDOW SHOWN
# and exit 0. Then unpacks the tarball elsewhere and starts that copy with -XX:AOTMode=on (the JVM
# refuses to start when it cannot use the AOT cache) and -Xlog:aot, which must report the cache
# opened: the cache must survive the image being moved. Without a cache (no Prosody or Xvfb at build
# time) that second check is skipped, loudly.
set -euo pipefail
image=$(cd "$1" && pwd)
tarball=$2
fail() { printf '[jlink-test] FAILED: %s\n' "$*" >&2; exit 1; }
say() { printf '[jlink-test] %s\n' "$*"; }
command -v Xvfb >/dev/null || fail "Xvfb is needed to test the image (apt-get install xvfb)"
[ -x "$image/bin/welljabber" ] || fail "$image/bin/welljabber is missing"
[ -d "$image/plugins" ] || fail "$image/plugins (drop-in folder) is missing"

t=$(mktemp -d "${TMPDIR:-/tmp}/welljabber-image-test.XXXXXX")
xvfb=""
cleanup() { if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; fi; rm -rf "$t"; }
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$t/display" >"$t/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -s "$t/display" ] && break; kill -0 "$xvfb" 2>/dev/null || break; sleep 0.1; done
[ -s "$t/display" ] || fail "Xvfb did not start: $(cat "$t/xvfb.log")"
export DISPLAY=":$(head -n1 "$t/display" | tr -d '[:space:]')"
ln -s "$image/bin/welljabber" "$t/welljabber-link"
mkdir "$t/elsewhere"

# run NAME LAUNCHER JAVA_OPTS: starts LAUNCHER from $t/elsewhere with a fresh profile (a relative path).
run() {
  local name=$1 status=0
  mkdir "$t/elsewhere/profile-$name"
  (cd "$t/elsewhere" && WELLJABBER_JAVA_OPTS="-Dwelljabber.exitWhenShown=true $3" \
    timeout 120 "$2" --profile "profile-$name" >"$t/$name.out" 2>"$t/$name.err") || status=$?
  if [ "$status" -ne 0 ] || ! grep -q '^WELLJABBER MAIN WINDOW SHOWN ' "$t/$name.out"; then
    echo "--- stdout ---" >&2; cat "$t/$name.out" >&2; echo "--- stderr ---" >&2; cat "$t/$name.err" >&2
    fail "$name: exit $status, 'WELLJABBER MAIN WINDOW SHOWN' $(grep -q '^WELLJABBER MAIN WINDOW SHOWN ' "$t/$name.out" && echo printed || echo 'not printed')"
  fi
  say "$name: exit 0, $(grep '^WELLJABBER MAIN WINDOW SHOWN ' "$t/$name.out")"
}

run window "$t/welljabber-link" ""
[ -d "$t/elsewhere/profile-window/logs" ] || fail "the relative --profile folder was not used (no logs/ in it)"

if [ -f "$image/lib/welljabber.aot" ]; then
  mkdir "$t/unpacked"
  tar -C "$t/unpacked" -xzf "$tarball"
  run aot "$t/unpacked/$(basename "$image")/bin/welljabber" "-XX:AOTMode=on -Xlog:aot=info,cds=info"
  grep -q -i -E 'Opened (AOT|shared archive).*welljabber\.aot|Mapped .*static region|Using AOT-linked classes' "$t/aot.out" \
    || { grep -i -E 'aot|cds' "$t/aot.out" | head -30 >&2; fail "aot: -Xlog:aot did not report the cache mapped"; }
  say "aot: the AOT cache was used: $(grep -i -E 'Opened (AOT|shared archive)' "$t/aot.out" | head -1 | sed 's/^\[[^]]*\]//')"
else
  printf '\n[jlink-test] WARNING: the image has NO AOT cache (see the build log); the cache check was skipped\n\n' >&2
fi
say "passed"
