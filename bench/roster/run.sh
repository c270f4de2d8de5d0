#!/usr/bin/env bash
# Roster benchmark (issue #5): 5,000 contacts in 20 groups on a throwaway Prosody with an external
# component that brings them all online at once; raw Smack's figures (the floor) and the roster plugin's,
# in one run. Prints median, min and max of every figure.
#   bench/roster/run.sh [--runs N] [extra Maven arguments]
# The benchmark is a JUnit test tagged "bench" (app/src/test/java/welljabber/app/bench/RosterBench.java),
# which the normal build excludes; this script runs it, and only it. Needs Prosody (apt-get install -y prosody).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/.ci/java25.sh"

runs=5
if [ "${1:-}" = "--runs" ]; then
  runs="${2:?--runs needs a number}"
  shift 2
fi
command -v prosody >/dev/null || [ -x /usr/bin/prosody ] || { echo "bench: needs Prosody: apt-get install -y prosody" >&2; exit 1; }

cd "$root"
result="$root/app/target/bench-results/roster-bench.txt"
rm -f "$result"
if git rev-parse --git-dir >/dev/null 2>&1; then
  echo "Checkout: $(git log -1 --format='%h %ad %s' --date=iso-strict)" \
    "($(git --no-optional-locks status --porcelain --untracked-files=no | wc -l) tracked files changed since)"
fi
echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# -am: build the modules app needs from this checkout, not whatever another checkout left in ~/.m2.
# -Dbench.excludedGroups= lifts the pom's exclusion of the "bench" tag; -Dgroups=bench runs nothing else.
mvn -B -q -pl app -am verify -Dgroups=bench -Dbench.excludedGroups= -Dtest=RosterBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dwelljabber.bench.runs="$runs" "$@"
if [ ! -s "$result" ]; then
  echo "bench: the benchmark did not write $result (did it run?)" >&2
  exit 1
fi
cat "$result"
