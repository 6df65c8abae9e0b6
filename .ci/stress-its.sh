#!/usr/bin/env bash
# Developer script, not run by CI (.ci/run): runs the forked-JVM integration tests of agent and demo-app K times on
# JDK 17 and K times on JDK 25 (target JVMs, -Dloopguard.it.javaHome) while LOOPS busy-loop processes compete for the
# CPU, and counts passes and failures per JDK. A timing-dependent test that is not deterministic shows up here.
#
#   mvn -B install -DskipTests                      # once: the jars and compiled tests the ITs run from
#   K=4 LOOPS=2 .ci/stress-its.sh [extra mvn args, e.g. -Dmaven.repo.local=/path/to/repo]
#
# Logs: target/stress-its/<jdk>-<n>.log. Exit status 0 only if every run passed.
set -uo pipefail
cd "$(dirname "$0")/.."

K=${K:-4}
LOOPS=${LOOPS:-2}
JDK25=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1 || true)
if [[ -z "$JDK25" ]]; then
  echo "stress-its: no JDK 25 under /usr/lib/jvm" >&2
  exit 1
fi
LOGS=target/stress-its
mkdir -p "$LOGS"

busy=()
cleanup() {
  for pid in "${busy[@]}"; do
    kill "$pid" 2>/dev/null
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
for ((i = 0; i < LOOPS; i++)); do
  sh -c 'while :; do :; done' &
  busy+=("$!")
done
echo "stress-its: $LOOPS busy loops (pids ${busy[*]}), $K runs per JDK, extra mvn args: $*"

declare -A pass fail
pass[17]=0; fail[17]=0; pass[25]=0; fail[25]=0
for ((n = 1; n <= K; n++)); do
  for jdk in 17 25; do
    java_home=()
    [[ $jdk == 25 ]] && java_home=("-Dloopguard.it.javaHome=$JDK25")
    log="$LOGS/jdk$jdk-$n.log"
    start=$(date +%s)
    if mvn -B -pl agent,demo-app failsafe:integration-test failsafe:verify "${java_home[@]}" "$@" >"$log" 2>&1; then
      pass[$jdk]=$((pass[$jdk] + 1)); verdict=PASS
    else
      fail[$jdk]=$((fail[$jdk] + 1)); verdict=FAIL
    fi
    echo "stress-its: run $n JDK $jdk: $verdict in $(($(date +%s) - start)) s ($log)"
    if [[ $verdict == FAIL ]]; then
      grep -E '<<< (FAIL|ERR)|^\[ERROR\]   ' "$log" | head -n 20
    fi
  done
done
echo "stress-its: JDK 17: ${pass[17]} passed, ${fail[17]} failed; JDK 25: ${pass[25]} passed, ${fail[25]} failed" \
  "(K=$K, $LOOPS busy loops)"
[[ ${fail[17]} -eq 0 && ${fail[25]} -eq 0 ]]
