#!/usr/bin/env bash
# Builds the WellJabber runtime image (route 2 of jlink/README.md) and its tarball; run by Maven (package).
#   build-image.sh JARS_DIR IMAGE_DIR TARBALL
# JARS_DIR holds the app and every runtime dependency (maven-dependency-plugin copy-dependencies).
# WELLJABBER_AOT_TRAINING=off skips the AOT cache's training run; WELLJABBER_AOT_TRAINING_BURST=N adds a
# burst of N messages from the sandbox's demo contact to it (default 0: none, see below).
set -euo pipefail
jars=$1 image=$2 tarball=$3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${JAVA_HOME:?JAVA_HOME must point to a JDK 25}"
say() { printf '[jlink] %s\n' "$*"; }
loud() { printf '\n[jlink] WARNING ********************************************************\n[jlink] WARNING %s\n[jlink] WARNING ********************************************************\n\n' "$*" >&2; }
started=$(date +%s)
work="$(dirname "$image")/image-work"
rm -rf "$image" "$work" "$tarball"
mkdir -p "$work/runtime-mods" "$work/mods"

# Sort the jars: real (explicit) modules that need only the JDK and JavaFX go into the runtime; the
# rest (ours, which require Smack, and the automatic modules: Smack, jxmpp, minidns, H2, hsluv) go to
# <image>/mods. The empty JavaFX jars without the -linux classifier are dropped.
runtime_modules=(javafx.base javafx.graphics javafx.controls org.controlsfx.controls org.tinylog.api org.tinylog.impl org.tinylog.api.jul)
for jar in "$jars"/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    javafx-*-linux.jar|controlsfx-*.jar|tinylog-api-*.jar|tinylog-impl-*.jar|jul-tinylog-*.jar) cp "$jar" "$work/runtime-mods/" ;;
    javafx-*.jar) ;;  # the platform-less JavaFX jars are empty shells
    *) cp "$jar" "$work/mods/" ;;
  esac
done

# The JDK modules the app needs: what jdeps finds in every jar, plus what is only reached by
# ServiceLoader/JNDI/reflection (jdeps cannot see those): the JNDI DNS provider that Smack's javax
# resolver uses, locale data for the Chinese UI, jdk.unsupported for JavaFX and H2, and the
# zip file system for drop-in plugin folders.
say "jdeps over $(ls "$jars" | wc -l) jars…"
jdk_modules=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 -q \
  --module-path "$work/runtime-mods:$work/mods" "$work"/mods/*.jar "$work"/runtime-mods/*.jar 2>/dev/null | tail -1)
[[ "$jdk_modules" == java.base* ]] || { echo "[jlink] jdeps did not print a module list: $jdk_modules" >&2; exit 1; }
extra=jdk.naming.dns,jdk.localedata,jdk.unsupported,jdk.zipfs
# Left out although jdeps lists them: what only H2's unused features (source-code functions, script
# triggers, its profiler agent, its TCP server) and JavaFX's optional JFR events reach.
unused='^(java\.compiler|java\.scripting|java\.instrument|jdk\.net|jdk\.jfr)$'
jdk_modules=$(tr , '\n' <<<"$jdk_modules" | grep -v -E "$unused" | paste -sd,)
modules="$jdk_modules,$extra,$(IFS=,; echo "${runtime_modules[*]}")"
say "modules: $modules"

"$JAVA_HOME/bin/jlink" \
  --module-path "$work/runtime-mods" \
  --add-modules "$modules" \
  --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --generate-cds-archive \
  --add-options="$(tail -1 "$here/jvm-options")" \
  --output "$image"
# The default CDS archive for 64-bit references is used when there is no AOT cache; its twin for
# heaps over 32 GB (-XX:-UseCompressedOops) is 14 MB that a chat client never uses.
rm -f "$image/lib/server/classes_nocoops.jsa"
# Temurin's native libraries keep their symbol tables (.symtab; there is no DWARF debug info in them,
# so jlink's --strip-native-debug-symbols, which only strips debug info, gains nothing): strip them,
# 5.5 MB of which 5.0 are libjvm.so. Native crash reports (hs_err) then show addresses instead of
# HotSpot's internal function names; Java stack traces are not affected.
if command -v strip >/dev/null; then
  before=$(du -sb "$image/lib" | cut -f1)
  find "$image/lib" -name '*.so' -exec strip --strip-unneeded {} +
  say "native libraries stripped: $(( (before - $(du -sb "$image/lib" | cut -f1)) / 1024 )) KiB less"
else
  loud "strip (binutils) is not installed: the native libraries keep their symbol tables (5.5 MB more)"
fi
mv "$work/mods" "$image/mods"
mkdir -p "$image/plugins"
cp "$here/welljabber" "$image/bin/welljabber"
chmod 755 "$image/bin/welljabber"
cp "$here/../../LICENSE" "$image/LICENSE" 2>/dev/null || true
rm -rf "$work"
say "image before the AOT cache: $image ($(du -sm "$image" | cut -f1) MiB with the default CDS archive, mods $(du -sm "$image/mods" | cut -f1) MiB), $(( $(date +%s) - started )) s"

# The AOT cache (JEP 483/514): one training run of the real image: sandbox server, connect, window, quit.
# A burst of 5,000 messages in the training (its JIT profiles in the cache, JEP 515) did not measurably
# lighten a fresh image's first burst (bench/chat/first-burst.sh, BENCHMARKS.md "First burst of a fresh
# image") and made the build 6 s longer: off unless asked for.
xvfb_pid=""
trap '[ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true' EXIT  # an interrupted build leaves no Xvfb behind
# The cache is about 58 MB, mostly the class metadata of the ~9,000 classes a start loads (JDK, JavaFX,
# Smack, ours), and it would take the image far over the 90 MB target. It compresses to about a sixth
# with xz: the image ships lib/welljabber.aot.xz and the launcher unpacks it once, on the first start,
# into the user's cache folder (jlink/README.md, docs/adr/0006-aot-cache-compressed.md). Its name
# carries a checksum of the cache, so another build never picks up a stale copy.
compress_cache() {
  local aot="$image/lib/welljabber.aot"
  if ! command -v xz >/dev/null; then
    loud "xz is not installed (apt-get install xz-utils): the AOT cache ships uncompressed, the image is about 50 MB larger"
    return 0
  fi
  local id; id=$(sha256sum "$aot" | cut -c1-16)
  xz -6 -T1 -c "$aot" >"$aot.xz"
  printf '%s\n' "$id" >"$image/lib/welljabber.aot.id"
  say "AOT cache compressed: lib/welljabber.aot.xz ($(( $(stat -c %s "$aot.xz") / 1048576 )) MiB, from $(( $(stat -c %s "$aot") / 1048576 )) MiB), id $id"
  rm -f "$aot"
}
train() {
  if [ "${WELLJABBER_AOT_TRAINING:-on}" = off ]; then loud "WELLJABBER_AOT_TRAINING=off: the image has NO AOT cache"; return 0; fi
  command -v Xvfb >/dev/null || { loud "Xvfb is not installed (apt-get install xvfb): the image has NO AOT cache (slower start-up)"; return 0; }
  command -v prosody >/dev/null || [ -x /usr/bin/prosody ] || { loud "Prosody is not installed (apt-get install prosody): the image has NO AOT cache (slower start-up)"; return 0; }
  local t; t=$(mktemp -d "${TMPDIR:-/tmp}/welljabber-aot.XXXXXX")
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$t/display" >"$t/xvfb.log" 2>&1 &
  local xvfb=$!
  xvfb_pid=$xvfb
  for _ in $(seq 100); do [ -s "$t/display" ] && break; kill -0 "$xvfb" 2>/dev/null || break; sleep 0.1; done
  if [ ! -s "$t/display" ]; then
    kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null || true
    loud "Xvfb did not start ($(cat "$t/xvfb.log")): the image has NO AOT cache"; rm -rf "$t"; return 0
  fi
  local display=":$(head -n1 "$t/display" | tr -d '[:space:]')" status=0
  local burst=${WELLJABBER_AOT_TRAINING_BURST:-0}
  say "AOT training run on ${display} (sandbox server, connect, window, a burst of $burst messages, quit)…"
  DISPLAY=$display WELLJABBER_AOT=off \
    WELLJABBER_JAVA_OPTS="-XX:AOTCacheOutput=lib/welljabber.aot -Dwelljabber.exitWhenConnected=true -Dwelljabber.exitWhenConnected.burst=$burst -Xlog:aot=warning,cds=warning" \
    timeout 180 "$image/bin/welljabber" --sandbox --profile "$t/profile" >"$t/train.log" 2>&1 || status=$?
  kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null || true
  xvfb_pid=""
  if [ "$status" -ne 0 ] || [ ! -f "$image/lib/welljabber.aot" ] || ! grep -q 'WELLJABBER TRAINING DONE' "$t/train.log"; then
    cat "$t/train.log" >&2
    rm -f "$image/lib/welljabber.aot"
    loud "the AOT training run failed (exit $status): the image has NO AOT cache (log above)"
  else
    say "$(grep 'WELLJABBER TRAINING DONE' "$t/train.log")"
    say "AOT cache: $image/lib/welljabber.aot ($(du -m "$image/lib/welljabber.aot" | cut -f1) MB)"
    # The AOT cache holds the JDK's classes too and replaces the default CDS archive, which only a
    # start without the cache would map: drop it (14 MB).
    rm -f "$image/lib/server/classes.jsa"
    compress_cache
  fi
  rm -rf "$t"
}
train

tar -C "$(dirname "$image")" -czf "$tarball" "$(basename "$image")"
aot_mb=0
for f in "$image/lib/welljabber.aot" "$image/lib/welljabber.aot.xz"; do [ -f "$f" ] && aot_mb=$(( $(stat -c %s "$f") / 1048576 )); done
say "tarball: $tarball ($(( $(stat -c %s "$tarball") / 1048576 )) MiB); image $(du -sm "$image" | cut -f1) MiB unpacked ($(du -sb "$image" | cut -f1) bytes), of which the AOT cache $aot_mb MiB; $(( $(date +%s) - started )) s in all"
