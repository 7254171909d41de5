#!/usr/bin/env bash
# Server nodes on the production profile for the benchmarks (issue 11): N nodes (1 or 2) of the
# jar with --spring.profiles.active=production on free loopback ports, sharing one issuer, a fresh
# PostgreSQL database and a Redis key prefix of their own, JDK 25; waits until every node answers
# discovery; records each node's PID and samples its resident memory (VmRSS) every 0.5 s, keeping
# the peak. Everything is removed on exit: the nodes are stopped, the database is dropped, the
# Redis keys under the prefix are deleted (SCAN + DEL on the prefix only; never FLUSHALL/FLUSHDB),
# the work directory is deleted.
#
# Memory: MEM_OPTS, default "-Xms80m -Xmx80m -XX:-TieredCompilation -XX:+UseSerialGC
# -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=1000 -XX:ReservedCodeCacheSize=48m" with
# MALLOC_ARENA_MAX=2: the settings of docs/operations.md#jvm-settings-start-up-and-memory (since
# 2026-12-05, tenth figures; before, the same with tiered compilation and a 96 MB heap, which
# peaked 27-34 MB higher under a login load and started 0.6-0.9 s sooner). C2 only: no C1 copies of
# compiled code beside C2's (the code cache holds ~18 MB), no tiered recompilations whose compiler
# arenas set the peak; a start is interpreted longer. A fixed heap (Xms = Xmx: the whole heap is
# touched under load, so the peak RSS is the honest worst case) with the serial collector (no
# remembered sets, no concurrent threads competing for 2 cores); the live heap after a full
# collection is ~36-42 MB, plus up to ~9 MB of verified tokens. Compact object headers (JEP 519)
# shrink every object. TrimNativeHeapInterval=1000: glibc gives back what the compiler arenas and
# others freed, every second. MALLOC_ARENA_MAX=2 stops glibc from keeping an arena per thread. The
# rest of the RSS (the AOT cache's or the metaspace's class metadata ~130 MB, code cache, symbols,
# libjvm, thread stacks) does not shrink with the heap. The earlier default, to compare:
# MEM_OPTS="-Xms96m -Xmx96m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders
# -XX:TrimNativeHeapInterval=1000 -XX:ReservedCodeCacheSize=48m"; every run prints peak RSS and the
# GC log's figures.
#
# As a library (the other bench scripts do this):
#   source bench/production-node.sh
#   pn_init                      # database, prefix, work dir, trap for the cleanup
#   pn_start 2 [--extra.args]    # two nodes; ${PN_PORTS[i]}, ${PN_PIDS[i]}, $PN_ISSUER, ${PN_URLS[i]}
#   pn_rss_start; ...load...; pn_rss_stop   # peak RSS per node in ${PN_RSS_PEAK_KB[i]}
# As a script: starts the nodes and waits (Ctrl-C stops and cleans up), for trying things by hand:
#   bench/production-node.sh [nodes]
# Environment: JAR (auth-server/target/readerpass.jar), JAVA (Temurin 25), MEM_OPTS (above),
#   MALLOC_ARENAS (2: the nodes' MALLOC_ARENA_MAX),
#   JAVA_OPTS (more JVM options, e.g. a JFR recording), NETWORK_FILE (a network YAML instead of the
#   embedded demo network, e.g. one whose library's directory is a slapd), EXTRA_ARGS (more
#   --key=value server arguments, e.g. --readerpass.abuse.* overrides), READY_TIMEOUT (600 s),
#   NMT=1 (native memory tracking: each node's memory by category after each load phase),
#   AOT=1 (see below), REDIS_URL (redis://127.0.0.1:6379), PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres), KEEP=1 keeps
#   the work directory (logs) and the database.
#   AOT=1: the JDK's AOT cache, as docs/operations.md#start-up deploys it (JEP 483/514/515): the jar
#   is extracted (java -Djarmode=tools -jar readerpass.jar extract), one training node runs first
#   (started, discovery, a client-credentials token, the login page, stopped: the JVM writes the
#   cache, loaded and linked classes and method profiles, at exit), then every node starts with
#   -XX:AOTCache (AOTMode=on: a cache the JVM cannot use is an error, not a silent start without it).
#   With it, Spring's ahead-of-time bean definitions (the jar's process-aot output, made with the
#   production profile): -Dspring.aot.enabled=true on the training node and every node, unless
#   SPRING_AOT=0 (docs/operations.md#start-up).

PN_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PN_JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PN_JAR=${JAR:-$PN_REPO/auth-server/target/readerpass.jar}
PN_MEM_OPTS=${MEM_OPTS:--Xms80m -Xmx80m -XX:-TieredCompilation -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=1000 -XX:ReservedCodeCacheSize=48m}
PN_ARENAS=${MALLOC_ARENAS:-2} # glibc arenas (MALLOC_ARENA_MAX of every node)
PN_REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
PN_READY_TIMEOUT=${READY_TIMEOUT:-600}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PN_PIDS=()
PN_PORTS=()
PN_URLS=()
PN_RSS_PEAK_KB=()
PN_RSS_PID=""
PN_WORK=""
PN_DB=""
PN_PREFIX=""
PN_CLEANUPS=() # more commands for the cleanup (scripts that source this add theirs: pn_on_exit)
PN_RUN_JAR="" # the jar the nodes run: PN_JAR, or its extracted copy (AOT=1)
PN_AOT_OPTS=() # the JVM options that load the AOT cache (AOT=1)

pn_log() { echo "[$(date +%T)] $*" >&2; }

pn_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

pn_on_exit() { PN_CLEANUPS+=("$*"); }

pn_redis() { # redis-cli against REDIS_URL
  redis-cli -u "$PN_REDIS_URL" "$@"
}

pn_cleanup() {
  set +e
  trap '' INT TERM # a second Ctrl-C must not cut the cleanup short
  local i
  for ((i = ${#PN_CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${PN_CLEANUPS[i]}"; done
  [[ -n $PN_RSS_PID ]] && kill "$PN_RSS_PID" 2>/dev/null
  pn_stop_nodes
  if [[ ${KEEP:-0} == 1 ]]; then
    pn_log "kept $PN_WORK and database $PN_DB (Redis prefix $PN_PREFIX)"
    return
  fi
  [[ -n $PN_DB ]] && psql -q -d postgres -c "drop database if exists $PN_DB with (force)" >/dev/null 2>&1
  if [[ -n $PN_PREFIX ]]; then
    pn_redis --scan --pattern "$PN_PREFIX*" | xargs -r -n 500 redis-cli -u "$PN_REDIS_URL" del >/dev/null
  fi
  [[ -n $PN_WORK ]] && rm -rf "$PN_WORK"
}

pn_stop_nodes() {
  local pid
  for pid in "${PN_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PN_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done # 143: stopped by our TERM
  PN_PIDS=()
}

# Creates the work directory, the database and the Redis prefix; sets the exit trap.
pn_init() {
  [[ -f $PN_JAR ]] || { echo "no $PN_JAR: run ./mvnw -q -o -DskipTests package" >&2; exit 1; }
  local tool
  for tool in psql redis-cli python3 curl "$PN_JAVA"; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
  done
  PN_WORK=$(mktemp -d /tmp/readerpass-prod-bench.XXXXXX)
  local tag
  tag=$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  PN_DB="readerpass_bench_$tag"
  PN_PREFIX="readerpass-bench-$tag:"
  trap pn_cleanup EXIT
  trap 'exit 130' INT TERM
  psql -q -d postgres -c "create database $PN_DB" >/dev/null
  PN_KEY=$(head -c 32 /dev/urandom | base64)
  PN_PAIRWISE="benchmark-only-pairwise-key-$(od -An -N16 -tx8 /dev/urandom | tr -d ' ')"
  pn_log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); JDK: $("$PN_JAVA" -version 2>&1 | sed -n 2p)"
  pn_log "work directory $PN_WORK, database $PN_DB, Redis prefix $PN_PREFIX, memory: MALLOC_ARENA_MAX=$PN_ARENAS $PN_MEM_OPTS"
}

# pn_node_args I: node I's server arguments (its port, the shared issuer, database, Redis prefix, keys)
pn_node_args() {
  local i=$1
  printf '%s\n' --spring.profiles.active=production --server.port="${PN_PORTS[i]}" --management.server.port=0 \
    --readerpass.issuer.uri="$PN_ISSUER" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PN_DB" --spring.datasource.username="$PGUSER" \
    --spring.data.redis.url="$PN_REDIS_URL" --readerpass.redis.key-prefix="$PN_PREFIX" \
    --readerpass.keys.encryption-key="$PN_KEY" --readerpass.subject.pairwise-key="$PN_PAIRWISE" \
    --readerpass.data-dir="$PN_WORK/node-$i"
  [[ -n ${NETWORK_FILE:-} ]] && echo --readerpass.network-file="file:$NETWORK_FILE"
  return 0
}

# AOT=1: extracts the jar and makes the AOT cache with one training node (see the header); once.
pn_aot_train() {
  [[ -n $PN_RUN_JAR ]] && return 0
  PN_RUN_JAR=$PN_JAR
  [[ ${AOT:-0} == 1 ]] || return 0
  local t0 port pid args spring_aot=()
  [[ ${SPRING_AOT:-1} == 1 ]] && spring_aot=(-Dspring.aot.enabled=true)
  t0=$(date +%s%N)
  "$PN_JAVA" -Djarmode=tools -jar "$PN_JAR" extract --destination "$PN_WORK/extracted" >/dev/null
  PN_RUN_JAR=$PN_WORK/extracted/$(basename "$PN_JAR")
  port=$(pn_free_port)
  PN_PORTS[0]=$port
  PN_ISSUER="http://localhost:$port"
  mapfile -t args < <(pn_node_args 0)
  # shellcheck disable=SC2206
  local mem=($PN_MEM_OPTS) more=(${JAVA_OPTS:-})
  MALLOC_ARENA_MAX=$PN_ARENAS "$PN_JAVA" "${mem[@]}" "${more[@]}" "${spring_aot[@]}" -XX:AOTCacheOutput="$PN_WORK/app.aot" \
    -jar "$PN_RUN_JAR" "${args[@]}" ${EXTRA_ARGS:-} >"$PN_WORK/aot-training.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/.well-known/openid-configuration"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$PN_WORK/aot-training.log" >&2; echo "the AOT training node died" >&2; exit 1; }
    sleep 0.2
  done
  curl -fs -o /dev/null -u sx-stats:sx-stats-demo-secret "http://127.0.0.1:$port/oauth2/token" \
    -d grant_type=client_credentials || true
  curl -fs -o /dev/null "http://127.0.0.1:$port/login" || true
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  [[ -s $PN_WORK/app.aot ]] || { tail -20 "$PN_WORK/aot-training.log" >&2; echo "no AOT cache written" >&2; exit 1; }
  PN_AOT_OPTS=("${spring_aot[@]}" -XX:AOTCache="$PN_WORK/app.aot" -XX:AOTMode=on)
  pn_log "AOT cache made by a training node in $((($(date +%s%N) - t0) / 1000000)) ms: $(du -m "$PN_WORK/app.aot" | cut -f1) MB"
}

# pn_start NODES [server args...]: starts the nodes (the first node's port names the issuer) and
# waits until each answers discovery.
pn_start() {
  local nodes=${1:-1} i
  shift || true
  pn_aot_train
  for ((i = 0; i < nodes; i++)); do PN_PORTS[i]=$(pn_free_port); done
  PN_ISSUER="http://localhost:${PN_PORTS[0]}"
  for ((i = 0; i < nodes; i++)); do
    PN_URLS[i]="http://127.0.0.1:${PN_PORTS[i]}"
    local args
    mapfile -t args < <(pn_node_args "$i")
    # shellcheck disable=SC2206
    local extra=(${EXTRA_ARGS:-}) mem=($PN_MEM_OPTS) more=(${JAVA_OPTS:-})
    [[ ${NMT:-0} == 1 ]] && more+=(-XX:NativeMemoryTracking=summary)
    MALLOC_ARENA_MAX=$PN_ARENAS "$PN_JAVA" "${mem[@]}" -Xlog:gc:file="$PN_WORK/gc-node-$i.log" "${more[@]}" "${PN_AOT_OPTS[@]}" \
      -jar "$PN_RUN_JAR" "${args[@]}" "${extra[@]}" "$@" >"$PN_WORK/node-$i.log" 2>&1 &
    PN_PIDS[i]=$!
    # the second node starts once the first has migrated the schema and made the keys
    [[ $i == 0 && $nodes -gt 1 ]] && pn_wait_ready 0
  done
  for ((i = (nodes > 1 ? 1 : 0); i < nodes; i++)); do pn_wait_ready "$i"; done
}

pn_wait_ready() {
  local i=$1 started=$SECONDS
  until curl -fs -o /dev/null "${PN_URLS[i]}/.well-known/openid-configuration"; do
    if ! kill -0 "${PN_PIDS[i]}" 2>/dev/null; then
      tail -30 "$PN_WORK/node-$i.log" >&2
      echo "node $i died while starting; its log is above" >&2
      exit 1
    fi
    if ((SECONDS - started > PN_READY_TIMEOUT)); then
      echo "node $i not ready after $PN_READY_TIMEOUT s (log: $PN_WORK/node-$i.log)" >&2
      exit 1
    fi
    sleep 0.2
  done
  pn_log "node $i ready in $((SECONDS - started)) s: ${PN_URLS[i]} (pid ${PN_PIDS[i]}, issuer $PN_ISSUER)"
}

# Samplers that run during a load use bash builtins only: on a machine where a process costs ~20 ms
# of CPU, an awk, an mv and a sleep every 0.5 s took ~6 % of two cores from the load being measured.
pn_nap() { # sleeps $1 s without a process (read -t on a pipe nobody writes)
  [[ -n ${PN_NAP_FD:-} ]] || exec {PN_NAP_FD}<> <(:)
  read -rt "$1" -u "$PN_NAP_FD" || true
}
pn_rss_read() { # the VmRSS of process $1 in kB into PN_RSS_KB (0 when it is gone)
  local key value _
  PN_RSS_KB=0
  while read -r key value _; do
    [[ $key == VmRSS: ]] && { PN_RSS_KB=$value; return; }
  done 2>/dev/null <"/proc/$1/status"
}
pn_rss_kb() { pn_rss_read "$1"; echo "$PN_RSS_KB"; }

# Samples every node's VmRSS every 0.5 s until pn_rss_stop; the peaks go to ${PN_RSS_PEAK_KB[i]}.
pn_rss_start() {
  rm -f "$PN_WORK/rss-peak"
  (
    trap 'exit 0' TERM # not in the middle of writing the file
    local -a peak=()
    local i
    while :; do
      for i in "${!PN_PIDS[@]}"; do
        pn_rss_read "${PN_PIDS[i]}"
        ((PN_RSS_KB > ${peak[i]:-0})) && peak[i]=$PN_RSS_KB
      done
      echo "${peak[*]}" >"$PN_WORK/rss-peak"
      pn_nap 0.5
    done
  ) &
  PN_RSS_PID=$!
}

pn_rss_stop() {
  if [[ -n $PN_RSS_PID ]]; then
    kill "$PN_RSS_PID" 2>/dev/null || true
    wait "$PN_RSS_PID" 2>/dev/null || true
  fi
  PN_RSS_PID=""
  # shellcheck disable=SC2207
  PN_RSS_PEAK_KB=($(cat "$PN_WORK/rss-peak" 2>/dev/null))
  [[ ${NMT:-0} == 1 ]] && pn_nmt_report
  return 0
}

# NMT=1: each node's native memory by category now (committed MB), after a load phase
pn_nmt_report() {
  local i
  for i in "${!PN_PIDS[@]}"; do
    "$(dirname "$PN_JAVA")/jcmd" "${PN_PIDS[i]}" VM.native_memory summary scale=MB 2>/dev/null |
      awk -v node="$i" -v rss="$(($(pn_rss_kb "${PN_PIDS[i]}") / 1024))" '
        /^Total:/ {match($0, /committed=[0-9]+/); t=substr($0, RSTART+10, RLENGTH-10)}
        /^-/ {name=$0; sub(/^- */, "", name); sub(/ *\(.*/, "", name); match($0, /committed=[0-9]+/); c=substr($0, RSTART+10, RLENGTH-10); if (c+0 >= 2) out = out sprintf("%s %s, ", name, c)}
        END {printf "node %s NMT committed %s MB (VmRSS now %s MB): %s\n", node, t, rss, out}' >&2
  done
}

# "node 0: 231 MB, node 1: 240 MB"
pn_rss_report() {
  local i out=""
  for i in "${!PN_RSS_PEAK_KB[@]}"; do out+="${out:+, }node $i $((PN_RSS_PEAK_KB[i] / 1024)) MB"; done
  echo "$out"
}

# Heap figures of node i's GC log: collections, full ones and the longest, largest heap before a
# collection, largest after one.
pn_gc_report() {
  local full
  full=$(grep 'Pause Full' "$PN_WORK/gc-node-$1.log" 2>/dev/null | grep -oE '[0-9.]+ms$' | awk '
    {n++; if ($1+0>m) m=$1+0} END {printf "%d full (longest %.0f ms)", n, m}') || true # grep: none is no error
  grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$PN_WORK/gc-node-$1.log" 2>/dev/null | awk -F'[->M()]+' -v full="$full" '
    {if ($1>b) b=$1; if ($2>a) a=$2; c=$3; n++} END {printf "%d GCs, %s, heap before GC <= %d MB, after GC <= %d MB, committed %d MB", n, full, b, a, c}'
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  pn_init
  pn_start "${1:-1}"
  pn_log "nodes up: ${PN_URLS[*]} (issuer $PN_ISSUER); logs in $PN_WORK; Ctrl-C stops them and cleans up"
  while sleep 5; do
    for i in "${!PN_PIDS[@]}"; do kill -0 "${PN_PIDS[i]}" 2>/dev/null || { echo "node $i stopped" >&2; exit 1; }; done
  done
fi
