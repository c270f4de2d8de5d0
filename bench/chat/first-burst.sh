#!/usr/bin/env bash
# The first burst of a freshly started runtime image (issue #6's burst, as a user meets it: the JVM has not
# seen a burst before, e.g. messages that waited while the user was offline). Each run starts the image on
# a fresh profile with --sandbox; once connected, the sandbox's demo contact sends N messages as fast as
# she can (the first opens her conversation's tab) and waits for their delivery receipts; the app prints
# how long until all N were acknowledged and how much CPU time its FX thread spent meanwhile
# (app/src/main/java/welljabber/app/TrainingRun.java), then quits.
#   bench/chat/first-burst.sh [--image DIR] [--runs N] [--burst N] [--aot on|off]
# Runs under its own Xvfb when DISPLAY is unset. Needs the image (mvn -B -pl jlink -am package) and Prosody.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

image="$root/jlink/target/welljabber"
runs=5
burst=5000
aot=on
while [ $# -gt 0 ]; do
  case "$1" in
    --image) image="${2:?--image needs a folder}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --burst) burst="${2:?--burst needs a number}"; shift 2 ;;
    --aot) aot="${2:?--aot needs on or off}"; shift 2 ;;
    *) echo "first-burst: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$image/bin/welljabber" ] || { echo "first-burst: no image at $image (mvn -B -pl jlink -am package)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/welljabber-first-burst.XXXXXX")"
xvfb_pid=""
cleanup() {
  [ -z "$xvfb_pid" ] || { kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "first-burst: DISPLAY is unset and Xvfb is not installed" >&2; exit 1; }
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  [ -s "$work/display" ] || { echo "first-burst: Xvfb did not start: $(cat "$work/xvfb.log")" >&2; exit 1; }
  export DISPLAY=":$(head -n1 "$work/display" | tr -d '[:space:]')"
fi

echo "image: $image ($( [ -f "$image/lib/welljabber.aot.id" ] && echo "AOT cache $(cat "$image/lib/welljabber.aot.id")" || echo "no AOT cache")), --aot $aot, burst $burst, $runs runs, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
export XDG_CACHE_HOME="$work/cache" # the launcher unpacks the AOT cache here, once (the first run's start, not its burst)
for run in $(seq "$runs"); do
  WELLJABBER_AOT=$aot WELLJABBER_JAVA_OPTS="-Dwelljabber.exitWhenConnected=true -Dwelljabber.exitWhenConnected.burst=$burst" \
    timeout 300 "$image/bin/welljabber" --sandbox --profile "$work/profile-$run" >"$work/run.log" 2>&1 || true
  line=$(grep -o 'WELLJABBER TRAINING DONE.*' "$work/run.log" || true)
  if [ -z "$line" ] || [[ "$line" != *"burst: $burst of $burst "* ]]; then
    keep="${TMPDIR:-/tmp}/welljabber-first-burst-run$run-$(date +%s).log"
    cp "$work/run.log" "$keep"
    cp -r "$work/profile-$run" "$keep.profile"
    echo "first-burst: run $run did not acknowledge the whole burst (${line:-no result line}); its output: $keep, its profile: $keep.profile" >&2
    exit 1
  fi
  echo "run $run: ${line#WELLJABBER TRAINING DONE }"
done
