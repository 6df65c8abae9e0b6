#!/usr/bin/env bash
# Load benchmark: the demo's right-way endpoints (/async/user, /async/file, /async/host, /health in rotation) under
# wrk on loopback, per configuration: no agent / loopguard (defaults) / BlockHound 1.0.17 (recording callback, Vert.x
# event loops watched). Each server gets a warm-up, then LOAD_WINDOWS measured windows of LOAD_SECONDS; with
# LOAD_PASSES=2 the configurations run again in reverse order (drift on a shared machine hits all alike).
# Writes a markdown table to $LOAD_OUT.
# LOAD_MIX=blocking loads the /blocking/* endpoints instead (JDBC, file, DNS on the event loop, so the agent records
# every request) and adds the configuration "loopguard profile=production" beside the default one.
# LOAD_CONFIGS picks the configurations, e.g. LOAD_CONFIGS="none control loopguard stalloff" (control: a second
# server without agent, an A/A check of the method's own spread and bias; stalloff: loopguard with
# stall=0, the watchdog's stall sampling off, to measure what stall detection costs under load; jfroff: jfr=false,
# the agent's own JFR stream for monitors and pinning off; bare: both off, what the woven calls and the loop's idle
# bracket cost alone; loopguard-b and production-b: a second agent jar,
# LOAD_AGENT_B (not a LOOPGUARD_ variable: those are agent options), for an A/B of two builds in one run).
# LOAD_PIN=1 pins the servers to CPU 1 and wrk to CPU 0 (a 2-core machine: no sharing between client and server).
# LOAD_ROUNDS=N (interleaved A/B, for a noisy machine): every configuration's server runs at once (each warmed up in
# turn, then idle but for its own windows), and N rounds each give every configuration one window of LOAD_SECONDS,
# in an order that rotates from round to round; so drift of the machine's load hits all configurations alike within
# seconds instead of minutes. LOAD_PASSES and LOAD_WINDOWS are then ignored.
#
#   benchmarks/load.sh [JAVA_HOME]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
LOAD_WARMUP="${LOAD_WARMUP:-5}"
LOAD_SECONDS="${LOAD_SECONDS:-5}"
LOAD_WINDOWS="${LOAD_WINDOWS:-3}"
LOAD_PASSES="${LOAD_PASSES:-1}"
LOAD_CONNECTIONS="${LOAD_CONNECTIONS:-16}"
LOAD_MIX="${LOAD_MIX:-right}"
LOAD_ROUNDS="${LOAD_ROUNDS:-0}"
mix="$here/load-mix.lua"; [[ "$LOAD_MIX" == blocking ]] && mix="$here/load-mix-blocking.lua"
# LOAD_PIN=1: every server (and its embedded PostgreSQL) on CPU 1, wrk on CPU 0, so the client never takes the
# server's core and whatever the agent's own threads cost comes out of the server's one core.
server_cpu=(); client_cpu=()
if [[ "${LOAD_PIN:-0}" == 1 ]]; then server_cpu=(taskset -c 1); client_cpu=(taskset -c 0); fi
LOOPGUARD_JAR="${LOOPGUARD_JAR:-$root/agent/target/loopguard-agent.jar}"
BLOCKHOUND_JAR="${BLOCKHOUND_JAR:-$here/target/blockhound-agent.jar}"
DEMO_JAR="${DEMO_JAR:-$root/demo-app/target/loopguard-demo-app.jar}"
home="${1:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
command -v wrk >/dev/null || { echo "load.sh: wrk missing (apt-get install -y wrk)" >&2; exit 2; }
work="$(mktemp -d /tmp/loopguard-load.XXXXXX)"
declare -A servers=() ports=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts the demo under one configuration, waits for it, checks one request and warms it up; its pid and port go to
# servers[] and ports[] (the interleaved mode keeps them all up at once, each with its own embedded PostgreSQL).
start_server() { # config
  local config="$1" port=$((20000 + RANDOM % 20000))
  measure_args "$config"
  "${server_cpu[@]}" "$home/bin/java" "${args[@]}" -cp "$DEMO_JAR:$here/target/classes" io.loopguard.demo.DemoMain --port "$port" \
    >"$work/$config.log" 2>&1 &
  servers[$config]=$!; ports[$config]=$port
  for ((i = 0; i < 600; i++)); do
    grep -q 'loopguard demo on' "$work/$config.log" && break
    kill -0 "${servers[$config]}" 2>/dev/null || { echo "load.sh: $config server died:" >&2; cat "$work/$config.log" >&2; exit 1; }
    sleep 0.1
  done
  grep -q 'loopguard demo on' "$work/$config.log" || { echo "load.sh: $config server did not start" >&2; exit 1; }
  curl -sf "http://127.0.0.1:$port/async/user?id=1" >/dev/null || { echo "load.sh: /async/user?id=1 failed under $config" >&2; exit 1; }
  "${client_cpu[@]}" wrk -t1 -c"$LOAD_CONNECTIONS" -d"${LOAD_WARMUP}s" -s "$mix" "http://127.0.0.1:$port" >/dev/null
}

# Sequential mode: one server at a time, LOAD_WINDOWS windows, then stopped.
measure() { # config
  local config="$1"
  start_server "$config"
  for ((w = 0; w < LOAD_WINDOWS; w++)); do
    "${client_cpu[@]}" wrk -t1 -c"$LOAD_CONNECTIONS" -d"${LOAD_SECONDS}s" -s "$mix" "http://127.0.0.1:${ports[$config]}" | grep '^RESULT' \
      >>"$work/$config.results"
  done
  kill "${servers[$config]}"; wait "${servers[$config]}" 2>/dev/null || true; unset "servers[$config]"
  cat "$work/$config.log" >>"$work/$config.all.log"
  echo "load.sh: $config done: $(tail -n "$LOAD_WINDOWS" "$work/$config.results" | tr '\n' ' ')" >&2
}

measure_args() { # config: sets args
  args=()
  case "$1" in
    loopguard) args=("-javaagent:$LOOPGUARD_JAR=output=$work/lg-out") ;;
    production) args=("-javaagent:$LOOPGUARD_JAR=output=$work/lgp-out,profile=production") ;;
    stalloff) args=("-javaagent:$LOOPGUARD_JAR=output=$work/lgs-out,stall=0") ;;
    jfroff) args=("-javaagent:$LOOPGUARD_JAR=output=$work/lgj-out,jfr=false") ;;
    bare) args=("-javaagent:$LOOPGUARD_JAR=output=$work/lgw-out,jfr=false,stall=0") ;;
    loopguard-b) args=("-javaagent:$LOAD_AGENT_B=output=$work/lgb-out") ;;
    production-b) args=("-javaagent:$LOAD_AGENT_B=output=$work/lgpb-out,profile=production") ;;
    blockhound) args=("-XX:+AllowRedefinitionToAddDeleteMethods" "-javaagent:$BLOCKHOUND_JAR") ;;
    control) args=() ;; # a second server without agent: an A/A check of what the method itself cannot tell apart
  esac
}

configs=(none loopguard blockhound)
[[ "$LOAD_MIX" == blocking ]] && configs=(none loopguard production blockhound)
[[ -n "${LOAD_CONFIGS:-}" ]] && read -r -a configs <<<"$LOAD_CONFIGS"
if ((LOAD_ROUNDS > 0)); then
  for config in "${configs[@]}"; do start_server "$config"; done
  n=${#configs[@]}
  for ((r = 0; r < LOAD_ROUNDS; r++)); do
    for ((c = 0; c < n; c++)); do
      config="${configs[(c + r) % n]}"
      "${client_cpu[@]}" wrk -t1 -c"$LOAD_CONNECTIONS" -d"${LOAD_SECONDS}s" -s "$mix" "http://127.0.0.1:${ports[$config]}" | grep '^RESULT' \
        >>"$work/$config.results"
    done
    echo "load.sh: round $((r + 1)) of $LOAD_ROUNDS done" >&2
  done
  for config in "${configs[@]}"; do
    kill "${servers[$config]}"; wait "${servers[$config]}" 2>/dev/null || true
    cat "$work/$config.log" >>"$work/$config.all.log"
  done
  servers=()
  LOAD_WINDOWS=$LOAD_ROUNDS; LOAD_PASSES=1
else
  for ((p = 0; p < LOAD_PASSES; p++)); do
    order=("${configs[@]}")
    if ((p % 2 == 1)); then order=(); for ((c = ${#configs[@]} - 1; c >= 0; c--)); do order+=("${configs[c]}"); done; fi
    for config in "${order[@]}"; do measure "$config"; done
  done
fi

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" "$work/$2.results"; }
stats() { sort -n | awk '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%s %s %s\n", m, v[1], v[NR]}'; }
declare -A rps=() cell=() p99=()
for config in "${configs[@]}"; do
  read -r m lo hi < <(field rps "$config" | stats); rps[$config]=$m
  read -r pm plo phi < <(field p99us "$config" | awk '{print $1 / 1000}' | stats); p99[$config]=$pm
  errors=$(field errors "$config" | awk '{s += $1} END {print s + 0}')
  cell[$config]="$(printf '%.0f (%.0f–%.0f)' "$m" "$lo" "$hi") | $(printf '%.2f (%.2f–%.2f)' "$pm" "$plo" "$phi") | $errors"
done
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f %%", 100 * a / b}'; }
declare -A label=([loopguard]="loopguard" [production]="loopguard profile=production" [stalloff]="loopguard stall=0"
  [jfroff]="loopguard jfr=false" [bare]="loopguard jfr=false,stall=0" [loopguard-b]="loopguard (agent B)" [production-b]="loopguard profile=production (agent B)"
  [blockhound]="BlockHound" [control]="no agent, second server (A/A control)")
# Median and quartiles of one ratio (in %) per line of standard input: "median % (first–third quartile)".
ratio_quartiles() {
  sort -n | awk '{v[NR]=$1} END {q = int((NR + 3) / 4); m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2;
    printf "%.1f %% (%.1f–%.1f)", m, v[q], v[NR + 1 - q]}'
}
# Interleaved mode: each round's window of a configuration against the no-agent window of the same round (seconds
# apart), so drift between rounds cancels; the median of those ratios and its quartiles. Sequential mode: a dash.
paired() { # config
  if ((LOAD_ROUNDS > 0)); then
    paste <(field rps none) <(field rps "$1") | awk '{print 100 * $2 / $1}' | ratio_quartiles
  else
    echo "—"
  fi
}
# With the A/A control in an interleaved run: each round's window against the mean of the two no-agent servers' windows
# of that round, so that neither server's own bias (the control showed up to ±8 % against the other) is the baseline.
pooled() { # config
  paste <(field rps none) <(field rps control) <(field rps "$1") | awk '{print 200 * $3 / ($1 + $2)}' | ratio_quartiles
}
both=0; ((LOAD_ROUNDS > 0)) && [[ " ${configs[*]} " == *" control "* ]] && both=1
table="| configuration | requests/s, median (min–max) of $((LOAD_WINDOWS * LOAD_PASSES)) × ${LOAD_SECONDS} s | p99 ms | errors | throughput vs no agent | same-round ratio, median (quartiles) |$( ((both)) && echo " same-round vs both no-agent servers |")
|---|---|---|---|---|---|$( ((both)) && echo "---|")
| no agent | ${cell[none]} | 100 % | 100 % |$( ((both)) && echo " $(pooled none) |")"
for config in "${configs[@]}"; do
  [[ "$config" == none ]] && continue
  table+=$'\n'"| ${label[$config]:-$config} | ${cell[$config]} | $(pct "${rps[$config]}" "${rps[none]}") | $(paired "$config") |$( ((both)) && echo " $(pooled "$config") |")"
done
echo "$table"
if [[ -n "${LOAD_OUT:-}" ]]; then
  { echo "$table"; echo
    echo "wrk 1 thread, $LOAD_CONNECTIONS connections on loopback, $(grep -o '"/[^"]*"' "$mix" | tr -d '"' | sed 's/.*/\`&\`/' | paste -sd, | sed 's/,/, /g') in rotation; demo with 1 event loop and embedded PostgreSQL, warm-up ${LOAD_WARMUP} s per server; $([[ "${LOAD_PIN:-0}" == 1 ]] && echo "servers pinned to CPU 1, wrk to CPU 0" || echo "client and server share the 2 cores")$( ((LOAD_ROUNDS > 0)) && echo "; interleaved: all servers up at once, $LOAD_ROUNDS rounds of one ${LOAD_SECONDS} s window per configuration in rotating order").$([[ -n "${rps[blockhound]:-}" && -n "${rps[loopguard]:-}" ]] && echo " loopguard vs BlockHound throughput: $(pct "${rps[loopguard]}" "${rps[blockhound]}")")."
    echo
    [[ -f "$work/loopguard.all.log" ]] && echo "loopguard's own summary at the server's exit (what it saw on the event loop under this load): \`$(grep -h '^\[loopguard\]' "$work"/loopguard.all.log | tail -1 | sed 's/ — .*//')\`."
    echo
    if ((LOAD_ROUNDS > 0)); then # the raw figures, one row per round, for other estimators than the ones above
      files=()
      for config in "${configs[@]}"; do field rps "$config" >"$work/$config.rps"; files+=("$work/$config.rps"); done
      echo "Requests/s per round:"; echo; echo '```'; echo "${configs[*]}"; paste -d' ' "${files[@]}"; echo '```'; echo
    fi; } >"$LOAD_OUT"
fi
