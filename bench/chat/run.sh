#!/usr/bin/env bash
# Chat benchmark (issue #6): the chat plugin's receive path against a raw Smack listener on the same
# burst (interleaved rounds), opening a conversation of many stored messages, full-text search over a
# large history. Figures go to BENCHMARKS.md ("## Chat").
#   bench/chat/run.sh [--burst N] [--rounds N] [--conversation N] [--search-messages N]
# Needs Prosody (it starts its own on loopback) and the app built (app/target/modules).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/.ci/java25.sh"

if [ ! -f "$root/app/target/modules/welljabber-plugin-chat-0.1.0-SNAPSHOT.jar" ]; then
  echo "bench: the app is not built; building it (mvn -B -q -o -DskipTests install)…" >&2
  (cd "$root" && mvn -B -q -o -DskipTests install)
fi
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  echo "Checkout: $(git -C "$root" log -1 --format='%h %ad %s' --date=iso-strict)"
fi
# Class path mode: the harness reaches into the plugin's packages, which its module does not export.
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$root/app/target/modules/*" "$here/ChatBench.java" "$@"
