#!/usr/bin/env bash
# The fan-out measure of bench/compare.sh (FANOUT=1), alone: the backend's FanoutBenchmark (one event to N
# complaintEvents subscribers on one replica; docs/benchmarks/fanout.md) at each of FANOUT_SIZES, in one JVM with
# FANOUT_HEAP. It starts its own backend on the tests' embedded PostgreSQL, not bench/compare.sh's data. Prints the
# benchmark's "FANOUT …" lines; the whole Maven log goes to FANOUT_OUT [target/fanout.txt].
#
#   FANOUT_SIZES ["1000 5000 10000"]  FANOUT_HEAP [1g]  FANOUT_EVENTS [10]  FANOUT_HEAP_EVENTS [100]  FANOUT_WARM [true]  bench/fanout.sh
#
# FANOUT_WARM=true: before the measured events, events until both JVMs' JIT compilers are quiet (up to 3 minutes a
# size), as on a replica that has run a while; false: 3 events only, the JVMs still compiling (fanout.md, round 8).
#
# The hook for whoever changes the fan-out: keep FanoutBenchmark's "FANOUT N=…" lines (or change the grep below).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sizes=${FANOUT_SIZES:-1000 5000 10000}
out=${FANOUT_OUT:-$root/target/fanout.txt}
mkdir -p "$(dirname "$out")"
# two file descriptors per subscriber (client and server in one process)
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)" 2> /dev/null || true
. scripts/jdk.sh > /dev/null
./mvnw -B -o -q -pl graphql,backend test -Dtest=FanoutBenchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Djuare.benchmark.subscribers="${sizes// /,}" -Djuare.benchmark.events="${FANOUT_EVENTS:-10}" \
  -Djuare.benchmark.heap-events="${FANOUT_HEAP_EVENTS:-100}" -Djuare.benchmark.jit-quiet="${FANOUT_WARM:-true}" \
  -DargLine="-Xmx${FANOUT_HEAP:-1g} -Djuare.benchmark.subscribers=${sizes// /,} -Djuare.benchmark.events=${FANOUT_EVENTS:-10} -Djuare.benchmark.heap-events=${FANOUT_HEAP_EVENTS:-100} -Djuare.benchmark.jit-quiet=${FANOUT_WARM:-true}" \
  > "$out" 2>&1 || { grep -E '^FANOUT' "$out" || true; echo "fanout: the benchmark failed (log: $out)" >&2; exit 1; }
grep -E '^FANOUT' "$out" || { echo "fanout: no FANOUT lines (log: $out)" >&2; exit 1; }
