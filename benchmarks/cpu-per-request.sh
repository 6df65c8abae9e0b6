#!/usr/bin/env bash
# CPU time per request of the demo's event loop and of its whole JVM, for several configurations, measured in
# interleaved rounds (every configuration's server runs at once; each round gives every configuration one window, in
# rotating order). Why beside load.sh: on a shared 2-core machine, throughput windows swing by ±10 % with the
# neighbours' load, but the CPU a request costs the loop thread moves much less, and when the loop is the bottleneck
# it is what throughput follows.
#
#   benchmarks/cpu-per-request.sh MIX ROUNDS name=JVM-ARG [name=JVM-ARG ...]
#   e.g. benchmarks/cpu-per-request.sh blocking 4 none= prod=-javaagent:agent/target/loopguard-agent.jar=profile=production
#
# MIX is right or blocking (the demo's load mixes, as in load.sh); an empty JVM-ARG runs without an agent; a
# configuration named blockhound gets -XX:+AllowRedefinitionToAddDeleteMethods. Prints, per configuration, the
# median over the rounds of loop-thread CPU µs per request and of JVM CPU µs per request, and each round's figures
# (CPU from /proc in clock ticks of 10 ms: a 10 s window at 20 000 requests/s resolves about 0.5 %).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
mix="$here/load-mix.lua"; [[ "$1" == blocking ]] && mix="$here/load-mix-blocking.lua"
rounds="$2"; shift 2
home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
DEMO_JAR="${DEMO_JAR:-$root/demo-app/target/loopguard-demo-app.jar}"
WINDOW="${WINDOW:-10}"
command -v wrk >/dev/null || { echo "cpu-per-request.sh: wrk missing (apt-get install -y wrk)" >&2; exit 2; }
work="$(mktemp -d /tmp/loopguard-cpu.XXXXXX)"
declare -A pids=() ports=()
names=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for spec in "$@"; do
  name="${spec%%=*}"; arg="${spec#*=}"; names+=("$name"); port=$((30000 + RANDOM % 10000))
  args=(); [[ -n "$arg" ]] && args=("$arg"); [[ "$name" == blockhound ]] && args=("-XX:+AllowRedefinitionToAddDeleteMethods" "${args[@]}")
  "$home/bin/java" "${args[@]}" -cp "$DEMO_JAR:$here/target/classes" io.loopguard.demo.DemoMain --port "$port" \
    >"$work/$name.log" 2>&1 &
  pids[$name]=$!; ports[$name]=$port
  for ((i = 0; i < 600; i++)); do grep -q 'loopguard demo on' "$work/$name.log" && break; sleep 0.1; done
  grep -q 'loopguard demo on' "$work/$name.log" || { echo "cpu-per-request.sh: $name did not start" >&2; cat "$work/$name.log" >&2; exit 1; }
  wrk -t1 -c16 -d15s -s "$mix" "http://127.0.0.1:$port" >/dev/null # warm-up
done

loop_ticks() { # the event loop threads' user + system ticks (a thread's comm is cut to 15 characters)
  local t
  for t in /proc/"$1"/task/*; do
    if [[ "$(cat "$t/comm")" == vert.x-eventloo* ]]; then awk '{print $14 + $15}' "$t/stat"; fi
  done | awk '{s += $1} END {print s + 0}'
}
jvm_ticks() { awk '{print $14 + $15}' /proc/"$1"/stat; }
for ((r = 0; r < rounds; r++)); do
  n=${#names[@]}
  for ((c = 0; c < n; c++)); do
    name="${names[(c + r) % n]}"; pid="${pids[$name]}"
    l0=$(loop_ticks "$pid"); j0=$(jvm_ticks "$pid")
    requests=$(wrk -t1 -c16 -d"${WINDOW}s" -s "$mix" "http://127.0.0.1:${ports[$name]}" | awk '/requests in/ {print $1}')
    l1=$(loop_ticks "$pid"); j1=$(jvm_ticks "$pid")
    echo "$name ${requests:-0} $((l1 - l0)) $((j1 - j0))" >>"$work/results"
  done
  echo "cpu-per-request.sh: round $((r + 1)) of $rounds done" >&2
done

tick_us=$((1000000 / $(getconf CLK_TCK)))
echo "| configuration | loop CPU µs/request, median | JVM CPU µs/request, median | each round: loop/JVM µs (requests) |"; echo "|---|---|---|---|"
for name in "${names[@]}"; do
  awk -v n="$name" -v us="$tick_us" '$1 == n && $2 > 0 {loop[++k] = $3 * us / $2; jvm[k] = $4 * us / $2; rps[k] = $2}
    function median(a, m,   i, j, t) { for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) {t = a[i]; a[i] = a[j]; a[j] = t}
      return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
    END {
      rounds = ""; for (i = 1; i <= k; i++) rounds = rounds sprintf(" %.2f/%.2f (%d req)", loop[i], jvm[i], rps[i])
      ml = median(loop, k); mj = median(jvm, k)
      printf "| %s | %.2f | %.2f |%s |\n", n, ml, mj, rounds }' "$work/results"
done
