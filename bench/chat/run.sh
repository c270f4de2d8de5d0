#!/usr/bin/env bash
# Chat benchmark (issue #6), every chat figure in one command; the figures go to BENCHMARKS.md ("## Chat").
#  A. On screen, in the real shell (app/src/test/java/welljabber/app/bench/ChatScreenBench.java, a JUnit test
#     tagged "bench" that the normal build excludes): a burst of inbound messages into the open conversation
#     tab against a raw Smack listener on the same server and burst in the same run (the floor), with every
#     FX pulse recorded; opening a conversation of 100,000 stored messages until its newest message is on
#     screen. Median, min and max of every figure.
#  B. Without UI (bench/chat/ChatBench.java, class path mode on the app's runtime modules): the plugin's
#     receive path against raw Smack, the H2 read of a large conversation's newest page, full-text search
#     over 1,000,000 messages.
#     --peer process runs the burst's sender in a process of its own (default: in the bench's JVM);
#     --peer-nice N with it runs that process and Prosody at nice N (a server and a contact on other machines).
#   bench/chat/run.sh [--runs N] [--part screen|store] [--peer jvm|process] [--peer-nice N]
#                     [ChatBench.java options: --only burst|conversation|search
#                     --burst N --rounds N --conversation N --search-messages N --work DIR]
# Needs Prosody (each part starts its own on loopback).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/.ci/java25.sh"

runs=3
only=all
peer=jvm
peer_nice=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --part) only="${2:?--part needs screen or store}"; shift 2 ;;
    --peer) peer="${2:?--peer needs jvm or process}"; shift 2 ;;
    --peer-nice) peer_nice="${2:?--peer-nice needs a number}"; shift 2 ;;
    *) break ;;
  esac
done
command -v prosody >/dev/null || [ -x /usr/bin/prosody ] || { echo "bench: needs Prosody: apt-get install -y prosody" >&2; exit 1; }

cd "$root"
if git rev-parse --git-dir >/dev/null 2>&1; then
  echo "Checkout: $(git log -1 --format='%h %ad %s' --date=iso-strict)" \
    "($(git --no-optional-locks status --porcelain --untracked-files=no | wc -l) tracked files changed since)"
fi
echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# -am: build the modules app needs from this checkout, not whatever another checkout left in ~/.m2.
# -Dbench.excludedGroups= lifts the pom's exclusion of the "bench" tag; -Dtest picks this benchmark only.
# Building also makes app/target/modules, which part B runs on.
result="$root/app/target/bench-results/chat-bench.txt"
rm -f "$result"
if [ "$only" != store ]; then
  mvn -B -q -o -pl app -am verify -Dgroups=bench -Dbench.excludedGroups= -Dtest=ChatScreenBench \
    -Dsurefire.failIfNoSpecifiedTests=false -Dwelljabber.bench.runs="$runs" \
    -Dwelljabber.bench.peer="$peer" -Dwelljabber.bench.peerNice="$peer_nice"
  if [ ! -s "$result" ]; then
    echo "bench: the on-screen benchmark did not write $result (did it run?)" >&2
    exit 1
  fi
  cat "$result"
else
  mvn -B -q -o -pl app -am package -DskipTests
fi
if [ "$only" != screen ]; then
  # Class path mode: the harness reaches into the plugin's packages, which its module does not export.
  "$JAVA_HOME/bin/java" -Xmx1g -cp "$root/app/target/modules/*:$root/test-support/target/welljabber-test-support-0.1.0-SNAPSHOT.jar" "$here/ChatBench.java" "$@"
fi
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
