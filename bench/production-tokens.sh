#!/usr/bin/env bash
# Token endpoint throughput on the production profile (issue 11): PostgreSQL + Redis, JDK 25, the
# memory settings of bench/production-node.sh, the embedded demo network (its embedded directories
# are used only to sign the demo readers in once). With wrk (every response body checked by the Lua
# script; a bad one is counted and printed) it measures, each as a warm-up of WARMUP s then RUNS
# runs of DURATION s, median of the runs:
#   (a) client-credentials tokens/s and p99 latency (sx-stats; bench/token-client-credentials.lua;
#       targets >= 7,500/s and p99 <= 10 ms);
#   (b) refresh-token grants/s of the public mobile app (bench/refresh-token.lua): REFRESH_TOKENS
#       real sign-ins' refresh tokens (23 demo readers signed in through the login form once each,
#       then codes from their SSO sessions: bench/LoginLoad.java mint), each carried as a chain:
#       every refresh rotates the token and the next request of that chain uses the new one;
#   (c) introspections/s of readers' access tokens by their client (sx-portal;
#       bench/introspect-reader-tokens.lua; ACCESS_TOKENS distinct tokens of 23 readers, round robin);
# with the peak RSS of the node over each of (a), (b), (c); then (d) client credentials against TWO
# nodes (same database and Redis prefix, one wrk per node at the same time, WRK_THREADS/2 threads and
# CONNECTIONS/2 connections each): the sum of the two, median of the runs.
#
# Needs: the jar (./mvnw -q -o -DskipTests package), wrk, PostgreSQL and Redis on loopback (see
# bench/production-node.sh), Temurin 25 (also runs bench/LoginLoad.java).
# Usage: bench/production-tokens.sh                          # the full run (about 11 minutes)
#        WARMUP=2 DURATION=5 RUNS=1 bench/production-tokens.sh # a quick check of the harness
# Environment: WARMUP (60: the JIT needs about a minute of load on 2 cores), DURATION (30), RUNS (3), WRK_THREADS (2), CONNECTIONS (32), WRK_TIMEOUT
#   (5s: a response slower than this is a socket error "timeout" in wrk's count),
#   REFRESH_TOKENS (CONNECTIONS x (RUNS + 3): each wrk run ends with up to CONNECTIONS refreshes
#   in flight whose new tokens it never reads, so each run loses up to that many chains), ACCESS_TOKENS (2000), PHASES ("cc refresh introspect two-nodes":
#   any subset), and those of bench/production-node.sh (MEM_OPTS, JAVA_OPTS, EXTRA_ARGS, KEEP, …).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/production-node.sh

WARMUP=${WARMUP:-60}
DURATION=${DURATION:-30}
RUNS=${RUNS:-3}
WRK_THREADS=${WRK_THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WRK_TIMEOUT=${WRK_TIMEOUT:-5s}
REFRESH_TOKENS=${REFRESH_TOKENS:-$((CONNECTIONS * (RUNS + 3)))}
ACCESS_TOKENS=${ACCESS_TOKENS:-2000}
PHASES=${PHASES:-cc refresh introspect two-nodes}
command -v wrk >/dev/null || { echo "missing wrk" >&2; exit 1; }

pn_init
results=()

# "12345.67 4.56" = requests/s and p99 in ms of a wrk --latency output; exits 1 if bad > 0
wrk_figures() {
  local file=$1
  awk '
    /Requests\/sec:/ {rps=$2}
    $1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; p99=v}
    END {printf "%.0f %.2f\n", rps, p99}' "$file"
}

wrk_bad() { # the Lua script's count of bad responses, plus wrk's non-2xx and socket errors
  local file=$1
  awk '/^bad responses:/ {b+=$3} /Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",",""); e+=$4+$6+$8+$10}
    END {printf "%d bad bodies, %d non-2xx, %d socket errors", b, n, e}' "$file"
}

# phase_runs LABEL LUA URL [env…]: warm-up, then the runs; prints each run and the median
phase_runs() {
  local label=$1 lua=$2 url=$3
  shift 3
  local out
  out="$PN_WORK/wrk-$(tr -c 'a-z0-9\n' '-' <<<"$label")"
  pn_log "$label: warm-up ${WARMUP} s"
  env "$@" wrk --timeout "$WRK_TIMEOUT" -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --latency -s "$lua" "$url" >"$out-warmup.txt" 2>&1
  after_wrk "$label"
  pn_log "$label: warm-up $(wrk_figures "$out-warmup.txt" | awk '{print $1 "/s"}'), $(wrk_bad "$out-warmup.txt")"
  local rates=() p99s=() r
  pn_rss_start
  for ((r = 1; r <= RUNS; r++)); do
    env "$@" wrk --timeout "$WRK_TIMEOUT" -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$lua" "$url" >"$out-$r.txt" 2>&1
    after_wrk "$label"
    read -r rate p99 < <(wrk_figures "$out-$r.txt")
    rates+=("$rate")
    p99s+=("$p99")
    pn_log "$label run $r: $rate requests/s, p99 $p99 ms; $(wrk_bad "$out-$r.txt")"
    grep -h '^first bad response\|starved' "$out-$r.txt" | sed 's/^/    /' >&2 || true
  done
  pn_rss_stop
  local median_rate median_p99
  median_rate=$(printf '%s\n' "${rates[@]}" | median)
  median_p99=$(printf '%s\n' "${p99s[@]}" | median)
  results+=("| $label | $(printf '%s / ' "${rates[@]}" | sed 's/ \/ $//') | **$median_rate** | $(printf '%s / ' "${p99s[@]}" | sed 's/ \/ $//') ms | **$median_p99 ms** | $(pn_rss_report) | $(bad_total "$out") |")
}

bad_total() { cat "$1"-[0-9]*.txt | wrk_bad /dev/stdin; }

after_wrk() { # the refresh chains go on from where the last run left them
  if [[ $1 == refresh* && -s $PN_WORK/refresh.txt.left ]]; then
    mv "$PN_WORK/refresh.txt.left" "$PN_WORK/refresh.txt"
  fi
}

mint() { # mint KIND COUNT FILE
  "$PN_JAVA" bench/LoginLoad.java mint "${PN_URLS[0]}" issuer="$PN_ISSUER" kind="$1" count="$2" out="$3" >&2
}

node0_gc="(no single-node phase)"
if [[ " $PHASES " == *" cc "* || " $PHASES " == *" refresh "* || " $PHASES " == *" introspect "* ]]; then
  pn_start 1
fi
url=${PN_URLS[0]:-}
for phase in $PHASES; do
  case $phase in
    cc)
      phase_runs "client credentials, 1 node" bench/token-client-credentials.lua "$url" ;;
    refresh)
      mint refresh "$REFRESH_TOKENS" "$PN_WORK/refresh.txt"
      phase_runs "refresh token, 1 node" bench/refresh-token.lua "$url" \
        TOKENS_FILE="$PN_WORK/refresh.txt" THREADS="$WRK_THREADS" ;;
    introspect)
      mint access "$ACCESS_TOKENS" "$PN_WORK/access.txt"
      phase_runs "introspection of reader tokens, 1 node" bench/introspect-reader-tokens.lua "$url" \
        TOKENS_FILE="$PN_WORK/access.txt" ;;
  esac
done
[[ -n $url ]] && node0_gc=$(pn_gc_report 0)

if [[ " $PHASES " == *" two-nodes "* ]]; then
  pn_stop_nodes
  pn_log "two nodes: restarting on the same database and Redis prefix"
  pn_start 2
  half_t=$(( WRK_THREADS > 1 ? WRK_THREADS / 2 : 1 ))
  half_c=$(( CONNECTIONS / 2 ))
  both() { # both OUTPUT-PREFIX SECONDS: one wrk per node at once; prints the sum of requests/s
    local prefix=$1 seconds=$2
    wrk --timeout "$WRK_TIMEOUT" -t"$half_t" -c"$half_c" -d"${seconds}s" --latency -s bench/token-client-credentials.lua "${PN_URLS[0]}" >"$prefix-node0.txt" 2>&1 &
    local w0=$!
    wrk --timeout "$WRK_TIMEOUT" -t"$half_t" -c"$half_c" -d"${seconds}s" --latency -s bench/token-client-credentials.lua "${PN_URLS[1]}" >"$prefix-node1.txt" 2>&1 &
    local w1=$!
    wait "$w0" "$w1"
    local a b
    a=$(wrk_figures "$prefix-node0.txt")
    b=$(wrk_figures "$prefix-node1.txt")
    echo "$(( ${a%% *} + ${b%% *} )) ${a%% *} ${b%% *} ${a##* } ${b##* }"
  }
  both "$PN_WORK/wrk-two-warmup" "$WARMUP" >/dev/null
  sums=()
  pn_rss_start
  for ((r = 1; r <= RUNS; r++)); do
    read -r sum a b pa pb < <(both "$PN_WORK/wrk-two-$r" "$DURATION")
    sums+=("$sum")
    pn_log "client credentials, 2 nodes, run $r: $sum requests/s (node 0 $a/s p99 $pa ms, node 1 $b/s p99 $pb ms);" \
      "$(cat "$PN_WORK/wrk-two-$r"-node*.txt | wrk_bad /dev/stdin)"
  done
  pn_rss_stop
  results+=("| client credentials, 2 nodes (sum) | $(printf '%s / ' "${sums[@]}" | sed 's/ \/ $//') | **$(printf '%s\n' "${sums[@]}" | median)** | (per node in the log above) | | $(pn_rss_report) | $(cat "$PN_WORK"/wrk-two-[0-9]*-node*.txt | wrk_bad /dev/stdin) |")
fi

echo
echo "Production profile, $(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the end;" \
  "$("$PN_JAVA" -version 2>&1 | sed -n 2p | sed 's/ (build.*//')," \
  "MALLOC_ARENA_MAX=$PN_ARENAS $PN_MEM_OPTS; wrk --timeout "$WRK_TIMEOUT" -t$WRK_THREADS -c$CONNECTIONS, warm-up $WARMUP s, $RUNS x $DURATION s;" \
  "node 0 GC over the whole run: $node0_gc"
echo
echo "| load | requests/s (runs) | median | p99 (runs) | median p99 | peak RSS | checks |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
