#!/usr/bin/env bash
# Every loopguard benchmark in one command: builds what it needs, runs start-up (JDK 17 and 25), per-call overhead and
# recording cost (JMH), load on the demo (wrk), the recording storm and report generation, and writes
# bench/results.md. About 15 minutes on 2 cores. Measure on an otherwise idle machine (see the load average the
# table records).
#
#   bash benchmarks/run.sh            full run, writes bench/results.md
#   QUICK=1 bash benchmarks/run.sh    smoke test with tiny iteration counts, writes bench/results-quick.md
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
started=$(date +%s)
QUICK="${QUICK:-}"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME="$JDK17" PATH="$JDK17/bin:$PATH"
out="$root/bench/results${QUICK:+-quick}.md"
work="$(mktemp -d /tmp/loopguard-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
log() { echo "[bench $(( $(date +%s) - started ))s] $*" >&2; }

log "build (agent, demo, benchmarks)"
mvn -B -q package -DskipTests -Pbench -pl benchmarks,agent,demo-app -am
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_JAR="$here/target/benchmarks.jar"
LOOPGUARD_JAR="$root/agent/target/loopguard-agent.jar"
BLOCKHOUND_JAR="$here/target/blockhound-agent.jar"

if [[ -n "$QUICK" ]]; then
  runs=2; storm_calls=400000; export LOAD_WARMUP=2 LOAD_SECONDS=2 LOAD_ROUNDS=2; jmh=quick; report_rounds=1
else
  runs=11; storm_calls=10000000; export LOAD_WARMUP=15 LOAD_SECONDS=5 LOAD_ROUNDS=8; jmh=full; report_rounds=4
fi

log "1. start-up ($runs runs × 4 configurations × 2 JDKs)"
RUNS=$runs STARTUP_OUT="$work/startup.md" LOOPGUARD_JAR="$LOOPGUARD_JAR" BLOCKHOUND_JAR="$BLOCKHOUND_JAR" \
  bash "$here/startup.sh" "$JDK17" "$JDK25" >/dev/null

log "2./3. JMH: per-call overhead and recording cost"
java -cp "$BENCH_JAR" io.loopguard.bench.JmhSuite "$LOOPGUARD_JAR" "$BLOCKHOUND_JAR" "$work/jmh" "$work/jmh.md" "$jmh" \
  >"$work/jmh.log" 2>&1 || { tail -50 "$work/jmh.log" >&2; exit 1; }

log "4. load (wrk on the demo)"
# Interleaved window by window, with a second server without agent as an A/A control: on a shared machine the only
# way found to compare (bench/results.md, issue 15, fifth and sixth parts).
LOAD_CONFIGS="none control loopguard blockhound" LOAD_OUT="$work/load.md" LOOPGUARD_JAR="$LOOPGUARD_JAR" \
  BLOCKHOUND_JAR="$BLOCKHOUND_JAR" bash "$here/load.sh" "$JDK17" >/dev/null

log "4b. load on the blocking endpoints (every request recorded)"
# The same interleaved method on the demo's /blocking/* endpoints: loopguard records every request here, with its
# defaults and with profile=production (issue 15's bar), beside BlockHound (which only counts them).
LOAD_MIX=blocking LOAD_CONFIGS="none control loopguard production blockhound" LOAD_OUT="$work/load-blocking.md" \
  LOOPGUARD_JAR="$LOOPGUARD_JAR" BLOCKHOUND_JAR="$BLOCKHOUND_JAR" bash "$here/load.sh" "$JDK17" >/dev/null

log "5. storm ($storm_calls recorded calls, 8 threads, 1000 sites)"
storm_opts=(-Xms512m -Xmx512m -cp "$BENCH_JAR" io.loopguard.bench.Storm "$storm_calls" 8)
java "${storm_opts[@]}" >"$work/storm-none.txt"
java -javaagent:"$LOOPGUARD_JAR=output=$work/storm-out" "${storm_opts[@]}" >"$work/storm-lg.txt" 2>"$work/storm-lg.err"
java -cp "$BENCH_JAR" io.loopguard.bench.Storm check "$work/storm-out" >"$work/storm-check.txt"
val() { sed -n "s/.* $1=\([0-9a-z]*\).*/\1/p" "$2"; }
heap_none=$(val heapAfterGcBytes "$work/storm-none.txt"); heap_lg=$(val heapAfterGcBytes "$work/storm-lg.txt")
ms_none=$(val elapsedMs "$work/storm-none.txt"); ms_lg=$(val elapsedMs "$work/storm-lg.txt")
count=$(val count "$work/storm-check.txt"); dropped=$(val dropped "$work/storm-check.txt"); sites=$(val sites "$work/storm-check.txt")
stalls=$(val stalls "$work/storm-check.txt")
heap_delta_mb=$(awk -v a="$heap_lg" -v b="$heap_none" 'BEGIN {printf "%.2f", (a - b) / 1048576}')
{
  echo "| | no agent | loopguard | bar |"
  echo "|---|---|---|---|"
  echo "| wall time for $storm_calls calls | $ms_none ms | $ms_lg ms ($(awk -v t="$ms_lg" -v n="$storm_calls" 'BEGIN {printf "%.2f", t * 1000 / n}') µs per call over 8 threads, 2 cores) | |"
  echo "| heap after full GC | $(awk -v a="$heap_none" 'BEGIN {printf "%.2f MB", a / 1048576}') | $(awk -v a="$heap_lg" 'BEGIN {printf "%.2f MB", a / 1048576}') (+$heap_delta_mb MB) | ≤ 16 MB above no agent: $(awk -v d="$heap_delta_mb" 'BEGIN {print (d <= 16) ? "**pass**" : "**FAIL**"}') |"
  echo "| sum of counts in the data file | | $count in $sites sites (and $stalls stalls: each thread is one busy stretch, never idle) | = $storm_calls: $([[ "$count" == "$storm_calls" ]] && echo '**pass**' || echo '**FAIL**') |"
  echo "| droppedCalls | | $dropped | 0: $([[ "$dropped" == "0" ]] && echo '**pass**' || echo '**FAIL**') |"
  echo
} >"$work/storm.md"

log "6. report generation (10 000 sites)"
java -Xmx2g -cp "$BENCH_JAR" io.loopguard.bench.ReportGen "$work/report" "$work/report.md" "$report_rounds" >/dev/null

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
elapsed=$(( $(date +%s) - started ))
mkdir -p "$(dirname "$out")"
{
  echo "# loopguard benchmarks"
  echo
  echo "Written by \`bash benchmarks/run.sh\`${QUICK:+ (QUICK=1: smoke-test iteration counts, not figures to quote)} on $(date -u +%Y-%m-%dT%H:%MZ), in ${elapsed} s."
  echo
  echo "- machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, $(uname -sr); load average before $load_before, after $load_after"
  echo "- JDK 17: $("$JDK17/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.name/ {n=$2} /java.runtime.version/ {v=$2} END {print n " " v}')"
  echo "- JDK 25: $("$JDK25/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.name/ {n=$2} /java.runtime.version/ {v=$2} END {print n " " v}')"
  echo "- loopguard: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- agent || echo ' + uncommitted agent changes'); BlockHound 1.0.17.RELEASE as \`-javaagent\` with \`-XX:+AllowRedefinitionToAddDeleteMethods\` and a recording callback (\`BlockHoundRecording\`); JMH 1.37; wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  echo "- every ratio compares figures measured in this same run. Spread = min–max of the samples."
  echo
  echo "## 1. Start-up (bar: loopguard adds ≤ 150 ms on JDK 17, and ≥ 5× less than BlockHound adds)"
  echo
  cat "$work/startup.md"
  echo "## 2. Per-call overhead on a non-registered thread, JDK 17 (bar: ≤ 3 ns added per call)"
  echo
  echo "JMH 1 fork, $([[ $jmh == quick ]] && echo '1×0.2 s warm-up, 2×0.2 s' || echo '3×1 s warm-up, 5×1 s') measurement; median (min–max) of the measurement iterations."
  echo
  sed -n '1,/^$/p' "$work/jmh.md"
  echo "## 3. Recording cost on a registered thread, JDK 17 (loopguard; bar: a repeated site in the low microseconds at most)"
  echo
  echo "The call is \`LockSupport.park()\` with the permit set (returns at once), so nearly all of the registered figure is recording: stack walk, key, aggregate. \`new*\`: a call site never seen before on every call (single-shot batches of 2000 calls, 10^6 possible sites)."
  echo
  sed -n '/^| call on a registered/,/^$/p' "$work/jmh.md"
  echo "The production profile (bar: a repeated site ≤ 1 µs a call on JDK 17), beside the VM's stack walk alone at the same depth, which every recorded call pays:"
  echo
  sed -n '/^| repeated site, `profile=production/,/^$/p' "$work/jmh.md"
  echo "## 4. Load on the demo's right-way endpoints, JDK 17 (bar: loopguard ≥ 98 % of no-agent throughput)"
  echo
  cat "$work/load.md"
  echo "## 4b. Load on the demo's blocking endpoints, JDK 17 (bar: loopguard with profile=production ≥ 95 % of no-agent throughput; defaults beside it)"
  echo
  cat "$work/load-blocking.md"
  echo "## 5. Storm: $storm_calls recorded calls, 8 registered threads, 1 000 call sites, JDK 17 (loopguard defaults, -Xmx512m)"
  echo
  cat "$work/storm.md"
  echo "## 6. Report generation at 10 000 call sites, JDK 17"
  echo
  cat "$work/report.md"
} >"$out"
log "wrote $out"
cat "$out"
