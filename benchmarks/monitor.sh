#!/usr/bin/env bash
# Monitor benchmark: the cost of the agent's JFR stream (monitor, pinning) for threads that are not loops. Runs
# MonitorContention (one idle registered loop, 4 unregistered threads contending on one synchronized counter) without
# the agent, with the agent and jfr=false, and with the agent's stream, interleaved round by round; prints the median
# contention time of each, its ratio to no agent, and the median stream start.
#
#   benchmarks/monitor.sh [JAVA_HOME]          RUNS=7 by default
#
# Needs: mvn -B -q package -DskipTests -Pbench -pl benchmarks,agent -am
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
RUNS="${RUNS:-7}"
LOOPGUARD_JAR="${LOOPGUARD_JAR:-$root/agent/target/loopguard-agent.jar}"
api="$(ls "$root"/agent/api/target/loopguard-api-*.jar | grep -v sources | head -n 1)"
cp="$here/target/classes:$api"
java="${1:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/java"
work="$(mktemp -d /tmp/loopguard-monitor.XXXXXX)"
trap 'rm -rf "$work"' EXIT
configs=(none jfr-off stream)
for ((round = 1; round <= RUNS; round++)); do
  for config in "${configs[@]}"; do
    args=()
    case "$config" in
      jfr-off) args=("-javaagent:$LOOPGUARD_JAR=output=$work/out,report=none,jfr=false") ;;
      stream) args=("-javaagent:$LOOPGUARD_JAR=output=$work/out,report=none") ;;
    esac
    "$java" "${args[@]}" -cp "$cp" io.loopguard.bench.MonitorContention >>"$work/$config.txt" 2>>"$work/err.txt"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base=$(sed 's/.*contention-ms=//' "$work/none.txt" | median)
echo "| configuration | contention, median ms | ratio to no agent | stream start, median ms |"
echo "|---|---|---|---|"
for config in "${configs[@]}"; do
  c=$(sed 's/.*contention-ms=//' "$work/$config.txt" | median)
  s=$(sed 's/.*stream-start-ms=\([0-9]*\).*/\1/' "$work/$config.txt" | median)
  echo "| $config | $c | $(awk -v a="$c" -v b="$base" 'BEGIN {printf "%.3f", a / b}') | $s |"
done
