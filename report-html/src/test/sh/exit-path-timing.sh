#!/bin/bash
# Wall time of fresh JVMs: a hello world vs. the agent's exit path (ExitPathTarget: write a data file, then
# index.html for it), interleaved so that load changes hit all variants alike. See reports/BENCHMARK.md.
#
#   mvn -B -q -f agent/format/pom.xml install && mvn -B -q -f reports/pom.xml test-compile
#   reports/src/test/sh/exit-path-timing.sh [JAVA] [RUNS] [OLD_CLASSPATH]
#
# OLD_CLASSPATH (optional): classes of another version with the same ExitPathTarget compiled in, for a before/after.
set -eu
JAVA=${1:-java}
RUNS=${2:-21}
OLD=${3:-}
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
NEW=$ROOT/reports/target/test-classes:$ROOT/reports/target/classes:$ROOT/agent/format/target/classes
TARGET=io.loopguard.report.html.ExitPathTarget

run() { # classpath mode -> wall ms
  local d s e
  d=$(mktemp -d)
  s=$(date +%s%N)
  "$JAVA" -cp "$1" $TARGET "$d" "$2" >/dev/null
  e=$(date +%s%N)
  rm -rf "$d"
  echo $(((e - s) / 1000000))
}
stats() {
  local sorted
  sorted=($(printf '%s\n' "$@" | sort -n))
  echo "min ${sorted[0]} ms, median ${sorted[$(($# / 2))]} ms"
}
classes() { # classpath mode -> number of classes loaded
  local d n
  d=$(mktemp -d)
  n=$("$JAVA" -Xlog:class+load -cp "$1" $TARGET "$d" "$2" | grep -c 'class,load')
  rm -rf "$d"
  echo "$n"
}

hello=(); new=(); old=()
for _ in $(seq "$RUNS"); do
  hello+=($(run "$NEW" none))
  new+=($(run "$NEW" exit))
  if [ -n "$OLD" ]; then old+=($(run "$OLD" exit)); fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -1)"
echo "hello world:        $(stats "${hello[@]}"), $(classes "$NEW" none) classes"
if [ -n "$OLD" ]; then echo "exit path (old):    $(stats "${old[@]}"), $(classes "$OLD" exit) classes"; fi
echo "exit path:          $(stats "${new[@]}"), $(classes "$NEW" exit) classes"
