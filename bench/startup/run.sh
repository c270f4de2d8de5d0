#!/usr/bin/env bash
# Start-up benchmark: WellJabber vs a bare JavaFX window, under X (its own Xvfb when DISPLAY is unset).
#   bench/startup/run.sh [--runs N] [--timeout S] [--idle-wait S] [--keep-profiles]
# Extra JVM options for all variants: BENCH_JAVA_OPTS="-Xshare:off" bench/startup/run.sh
# The jlink image's variants (with and without its AOT cache) run when jlink/target/welljabber exists
# (mvn -B -pl jlink -am package); --image DIR measures another copy, --compare-image NAME=DIR adds
# another image build as variant NAME, --variants A,B,... runs only those (and the floor).
# Needs the app built (app/target/modules and the app jar); builds it offline with Maven if it is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/.ci/java25.sh"

say() { printf 'bench: %s\n' "$*" >&2; }

if [ ! -f "$root/app/target/welljabber-app-0.1.0-SNAPSHOT.jar" ] || [ ! -d "$root/app/target/modules" ]; then
  say "the app is not built; building it (mvn -B -q -o -DskipTests install)…"
  (cd "$root" && mvn -B -q -o -DskipTests install)
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/welljabber-bench.XXXXXX")"
xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The floor: compiled ahead of time so it pays no compile cost at start-up.
"$JAVA_HOME/bin/javac" -d "$work/floor" -p "$root/app/target/modules" $(find "$here/floor" -name '*.java')

if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { say "DISPLAY is unset and Xvfb is not installed"; exit 1; }
  # -displayfd: Xvfb picks a free display number itself and writes it once it accepts connections.
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [ -s "$work/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || { say "Xvfb did not start:"; cat "$work/xvfb.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -s "$work/display" ] || { say "Xvfb did not report a display"; exit 1; }
  export DISPLAY=":$(head -n1 "$work/display" | tr -d '[:space:]')"
  echo "Started Xvfb on $DISPLAY (pid $xvfb_pid); it is stopped at the end."
fi

jar="$root/app/target/welljabber-app-0.1.0-SNAPSHOT.jar"
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  echo "Checkout: $(git -C "$root" log -1 --format='%h %ad %s' --date=iso-strict)" \
    "($(git --no-optional-locks -C "$root" status --porcelain --untracked-files=no | wc -l) tracked files changed since)"
fi
echo "App jar built: $(date -u -r "$jar" '+%Y-%m-%dT%H:%M:%SZ')"
newer=$(find "$root/api/src/main" "$root/app/src/main" "$root/sandbox/src/main" "$root/plugins" -name target -prune -o -type f -newer "$jar" -print -quit 2>/dev/null || true)
[ -z "$newer" ] || say "warning: sources are newer than the app jar (e.g. $newer); this measures the last build — rebuild with: mvn -B -q -o -DskipTests install"

"$JAVA_HOME/bin/java" "$here/StartupBench.java" --root "$root" --floor "$work/floor" --java "$JAVA_HOME/bin/java" "$@"
