# Sourced by ./welljabber, ./run-tests and .ci/run: sets JAVA_HOME to a Java 25 (or newer) JDK.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
pick_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "WellJabber needs a Java 25 JDK. Install Temurin 25 (for example from the Adoptium apt repository: apt-get install temurin-25-jdk) and set JAVA_HOME to it." >&2
  return 1
}
pick_java
export PATH="$JAVA_HOME/bin:$PATH"
