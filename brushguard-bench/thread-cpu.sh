#!/usr/bin/env bash
# CPU seconds per thread of one whole `scan` (utime + stime from /proc, sampled every 0.5 s to the
# end of the run), summed by thread name: where the command's CPU goes (dataflow, parsers, JIT, GC).
# Usage: brushguard-bench/thread-cpu.sh EVENTS.jsonl [java options...]   (Linux only)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
in="$1"; shift
out="$(mktemp -d)"
java -Xms4g -Xmx4g -XX:+UseParallelGC "$@" -Dbrushguard.tty=false -jar "${BRUSHGUARD_JAR:-$root/brushguard-cli/target/brushguard.jar}" \
  scan --in "$in" --out "$out/findings.jsonl" >/dev/null 2>"$out/stderr" &
pid=$!
declare -A ticks
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    name="$(cat "$t/comm" 2>/dev/null || true)"
    read -r -a st <<<"$(sed 's/.*) //' "$t/stat" 2>/dev/null || true)"
    if [ -n "$name" ] && [ "${#st[@]}" -gt 12 ]; then
      ticks["$(basename "$t") $name"]=$(( st[11] + st[12] ))
    fi
  done
  sleep 0.5
done
wait "$pid" || { cat "$out/stderr" >&2; exit 1; }
hz=$(getconf CLK_TCK)
for k in "${!ticks[@]}"; do echo "${ticks[$k]} ${k#* }"; done |
  awk -v hz="$hz" '{n=$2; for (i=3;i<=NF;i++) n=n" "$i; s[n]+=$1; tot+=$1}
    END {for (k in s) printf "%7.1f s  %s\n", s[k]/hz, k; printf "%7.1f s  total\n", tot/hz}' | sort -rn
rm -rf "$out"
