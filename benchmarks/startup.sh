#!/usr/bin/env bash
# Start-up benchmark: hello-world whole-process wall time, no agent / loopguard (default options, and report=none) /
# BlockHound 1.0.17 as -javaagent, on each given JDK. Configurations are interleaved round by round so that noise
# from the machine hits them alike. Writes a markdown table to $STARTUP_OUT (default: stdout only).
#
#   benchmarks/startup.sh [JAVA_HOME...]        (default: the java on PATH)
#   RUNS=11 STARTUP_OUT=file.md benchmarks/startup.sh /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64
#
# Needs the jars built (benchmarks/run.sh does it): agent/target/loopguard-agent.jar, benchmarks/target/classes,
# benchmarks/target/blockhound-agent.jar. Override with LOOPGUARD_JAR, BLOCKHOUND_JAR, HELLO_CP.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
RUNS="${RUNS:-11}"
LOOPGUARD_JAR="${LOOPGUARD_JAR:-$root/agent/target/loopguard-agent.jar}"
BLOCKHOUND_JAR="${BLOCKHOUND_JAR:-$here/target/blockhound-agent.jar}"
HELLO_CP="${HELLO_CP:-$here/target/classes}"
for f in "$LOOPGUARD_JAR" "$BLOCKHOUND_JAR" "$HELLO_CP"; do
  [[ -e "$f" ]] || { echo "startup.sh: missing $f (run: mvn -B -q package -DskipTests -Pbench -pl benchmarks,agent -am)" >&2; exit 2; }
done
homes=("$@")
if [[ ${#homes[@]} -eq 0 ]]; then
  homes=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
work="$(mktemp -d /tmp/loopguard-startup.XXXXXX)"
trap 'rm -rf "$work"' EXIT
configs=(none loopguard loopguard-report-none blockhound)

# Milliseconds of wall time for one whole java process; its output goes to a log that is checked afterwards.
run_once() { # home config round
  local java="$1/bin/java" config="$2" round="$3" args=()
  case "$config" in
    none) ;;
    loopguard) args=("-javaagent:$LOOPGUARD_JAR=output=$work/out-$round-$RANDOM") ;;
    loopguard-report-none) args=("-javaagent:$LOOPGUARD_JAR=output=$work/out-$round-$RANDOM,report=none") ;;
    blockhound) args=("-XX:+AllowRedefinitionToAddDeleteMethods" "-javaagent:$BLOCKHOUND_JAR") ;;
  esac
  local t0 t1
  t0=$(date +%s%N)
  "$java" "${args[@]}" -cp "$HELLO_CP" io.loopguard.bench.Hello >"$work/log" 2>&1 || { echo "startup.sh: $config failed on $1:" >&2; cat "$work/log" >&2; return 1; }
  t1=$(date +%s%N)
  grep -q '^hello, world$' "$work/log" || { echo "startup.sh: $config on $1 did not print hello:" >&2; cat "$work/log" >&2; return 1; }
  echo $(( (t1 - t0) / 1000000 ))
}

# median min max of the numbers on stdin
stats() { sort -n | awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%s %s %s\n", m, v[1], v[NR]}'; }

table="| JDK | no agent, ms | loopguard (default: report=html), ms | loopguard report=none, ms | BlockHound 1.0.17, ms | loopguard adds | loopguard report=none adds | BlockHound adds | BlockHound adds ÷ loopguard adds |
|---|---|---|---|---|---|---|---|---|"
for home in "${homes[@]}"; do
  version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
  for config in "${configs[@]}"; do : >"$work/$config.ms"; done
  for config in "${configs[@]}"; do run_once "$home" "$config" warm >/dev/null; done # page cache, CDS archive
  for ((r = 1; r <= RUNS; r++)); do
    for config in "${configs[@]}"; do run_once "$home" "$config" "$r" >>"$work/$config.ms"; done
  done
  declare -A med=() cell=()
  for config in "${configs[@]}"; do
    read -r m lo hi < <(stats <"$work/$config.ms")
    med[$config]=$m
    cell[$config]="$m ($lo–$hi)"
  done
  add() { awk -v a="$1" -v b="${med[none]}" 'BEGIN {printf "%+.0f ms", a - b}'; }
  ratio="$(awk -v bh="${med[blockhound]}" -v lg="${med[loopguard]}" -v n="${med[none]}" 'BEGIN {d = lg - n; if (d <= 0) print "∞ (loopguard adds nothing measurable)"; else printf "%.1f×", (bh - n) / d}')"
  row="| $version | ${cell[none]} | ${cell[loopguard]} | ${cell[loopguard-report-none]} | ${cell[blockhound]} | $(add "${med[loopguard]}") | $(add "${med[loopguard-report-none]}") | $(add "${med[blockhound]}") | $ratio |"
  table+=$'\n'"$row"
  echo "$row" >&2
done
echo "$table"
if [[ -n "${STARTUP_OUT:-}" ]]; then
  { echo "$table"; echo; echo "Whole-process wall time of \`java -cp … Hello\` (prints one line), median (min–max) of $RUNS runs per cell, configurations interleaved; a fresh \`output\` directory per loopguard run."; echo; } >"$STARTUP_OUT"
fi
