# Sourced by ./mvnw, ./run.sh and .ci/run: sets JAVA_HOME to a JDK 21 or newer, or says plainly that one is needed.
# Order: $JAVA_HOME if it is 21+, then the newest 21+ under the usual install places, then javac on the PATH.

juare_java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

juare_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(juare_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
             "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(juare_java_major "$dir") || continue
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(juare_java_major "$dir") || major=0
    [ "${major:-0}" -ge 21 ] 2>/dev/null && best="$dir"
  fi
  echo "$best"
}

JUARE_JDK=$(juare_pick_jdk)
if [ -z "$JUARE_JDK" ]; then
  echo "Juare needs a JDK 21 or newer. Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$JUARE_JDK"
