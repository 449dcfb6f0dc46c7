#!/usr/bin/env bash
# Brushguard benchmarks: the commands behind docs/performance.md.
#
#   brushguard-bench/run.sh build              build target/benchmarks.jar and the CLI jar
#   brushguard-bench/run.sh jmh [JMH args]     JMH: all benchmarks, or e.g. ParseBenchmark -p mix=mixed
#   brushguard-bench/run.sh e2e [args]         end-to-end scan: --events N [--source sim|market] | --in FILE,
#                                              --runs R, --keep FILE (generated input kept and reused)
#   brushguard-bench/run.sh shopee [runs]      whole `brushguard shopee` command on a contest-sized log
#   brushguard-bench/run.sh all                the figures of docs/performance.md (about 20 minutes)
#
# JVM options: BENCH_JAVA_OPTS (default as the launcher: -Xmx4g, ParallelGC, huge pages if the
# kernel offers them). Scratch files: BENCH_DIR (default /tmp/brushguard-bench). Numbers on a
# shared machine vary: run each several times, compare best and median, and look at the CPU
# seconds the e2e benchmark prints next to the wall time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/brushguard-bench/target/benchmarks.jar"
cli="$root/brushguard-cli/target/brushguard.jar"
dir="${BENCH_DIR:-/tmp/brushguard-bench}"
java_opts=${BENCH_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC}
if [ -z "${BENCH_JAVA_OPTS:-}" ] \
    && grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  java_opts="$java_opts -XX:+UseTransparentHugePages" # as the launcher
fi
mkdir -p "$dir"

build() {
  # package, not install: ~/.m2 is shared, and the reactor resolves the modules from target/
  (cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
      -pl brushguard-bench,brushguard-cli -am package)
}

need_jars() {
  [ -f "$jar" ] && [ -f "$cli" ] || build
}

jmh() {
  need_jars
  # one thread, one fork: the figures are per core
  java -jar "$jar" -t 1 -f 1 "$@"
}

e2e() {
  need_jars
  # shellcheck disable=SC2086
  java $java_opts -cp "$jar" io.brushguard.bench.EndToEndBenchmark "$@"
}

shopee() {
  need_jars
  local runs="${1:-10}" log="$dir/order_brush_order.csv"
  [ -f "$log" ] || java -cp "$jar" io.brushguard.bench.ShopeeLogGenerator "$log"
  # the same JVM and flags as ./brushguard (which also checks whether the jar is stale)
  local cmd="java $java_opts -Dbrushguard.tty=false -jar $cli shopee --in $log --out $dir/submission.csv"
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 2 --runs "$runs" "$cmd"
  else
    local TIMEFORMAT="%R s wall, %U s user, %S s sys"
    for _ in $(seq "$runs"); do
      time $cmd
    done
  fi
}

case "${1:-}" in
  build) build ;;
  jmh) shift; jmh "$@" ;;
  e2e) shift; e2e "$@" ;;
  shopee) shift; shopee "$@" ;;
  all)
    build
    jmh ParseBenchmark -rf json -rff "$dir/parse.json"
    jmh ConcentrationBenchmark -rf json -rff "$dir/concentration.json"
    jmh ShopeeBenchmark -rf json -rff "$dir/shopee.json"
    shopee 10
    e2e --events 1000000 --keep "$dir/sim-1m.jsonl" --runs 5
    e2e --events 10000000 --keep "$dir/sim-10m.jsonl" --runs 3
    e2e --events 1000000 --source market --keep "$dir/market-1m.jsonl" --runs 5
    e2e --events 10000000 --source market --keep "$dir/market-10m.jsonl" --runs 3
    ;;
  *)
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
