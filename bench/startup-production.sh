#!/usr/bin/env bash
# Start-up time (issue 11, target <= 4 s): from `java -jar` to the first 200 from discovery and to
# readiness (/readyz answering 200; the "ReaderPass is ready" log line if the
# actuator does not answer), RUNS times, median. Experiments, each a separate invocation so the
# figures compare:
#   AOT=1   JDK 25 AOT cache (JEP 483/514/515), and with PROFILE=production Spring's ahead-of-time bean
#           definitions too (-Dspring.aot.enabled=true; SPRING_AOT=0 leaves them out): one training run with -XX:AOTCacheOutput=app.aot
#           (started, discovery, a client-credentials token, the login page, then stopped: the
#           JVM writes the cache at exit), then the timed runs with -XX:AOTCache=app.aot
#           (AOT=1 implies EXTRACT=1: the JVM archives only classes of its built-in loaders, and
#           Boot's nested-jar loader is not one of them; EXTRACT=0 AOT=1 shows the difference)
#   EXTRACT=1  run the jar extracted (java -Djarmode=tools -jar readerpass.jar extract: a plain
#           jar with its libraries in lib/, on the application class path) instead of the fat jar
#   LAZY=1  --spring.main.lazy-initialization=true
#   JFR=1   one more start with -XX:StartFlightRecording (settings=profile) from the JVM's first
#           instant, stopped at the first 200 from discovery, summarised by bench/JfrStartup.java
#           (threads, hottest methods, Spring's phases and ReaderPass's own frames on the main
#           thread, GC)
# PROFILE=embedded (default): the demo network as `java -jar` runs it, a fresh data directory (H2,
# keys) each run: what a first start costs (the figure of benchmarks.md, 2026-11-25).
# PROFILE=production: bench/production-node.sh's settings (PostgreSQL database and Redis prefix of
# the script's own, MEM_OPTS); one untimed first start migrates the schema and makes the keys, then
# each timed run is a restart of a node on that database: what a node added to a cluster costs.
#
# Needs: the jar; for PROFILE=production PostgreSQL and Redis on loopback.
# Usage: bench/startup-production.sh                        # embedded, 5 runs
#        AOT=1 bench/startup-production.sh                  # with an AOT cache
#        LAZY=1 AOT=1 PROFILE=production bench/startup-production.sh
#        RUNS=1 JFR=1 bench/startup-production.sh           # where the time goes
# Environment: RUNS (5), PROFILE (embedded), AOT (0), EXTRACT (= AOT), LAZY (0), JFR (0), JAVA (Temurin 25),
#   JAR, MEM_OPTS (production profile: bench/production-node.sh's default; embedded: none, as the
#   README's command), JAVA_OPTS, EXTRA_ARGS, KEEP.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/production-node.sh

RUNS=${RUNS:-5}
PROFILE=${PROFILE:-embedded}
AOT=${AOT:-0}
LAZY=${LAZY:-0}
JFR=${JFR:-0}
EXTRACT=${EXTRACT:-$AOT}

pn_init
run_jar=$PN_JAR
if [[ $EXTRACT == 1 ]]; then
  "$PN_JAVA" -Djarmode=tools -jar "$PN_JAR" extract --destination "$PN_WORK/extracted" >/dev/null
  run_jar=$PN_WORK/extracted/$(basename "$PN_JAR")
  [[ -f $run_jar ]] || { echo "extract made no $run_jar" >&2; exit 1; }
fi
jvm=()
args=()
if [[ $PROFILE == production ]]; then
  # shellcheck disable=SC2206
  jvm+=($PN_MEM_OPTS)
  export MALLOC_ARENA_MAX=2
else
  # shellcheck disable=SC2206
  [[ -n ${MEM_OPTS:-} ]] && jvm+=($MEM_OPTS)
fi
# shellcheck disable=SC2206
jvm+=(${JAVA_OPTS:-})
[[ $LAZY == 1 ]] && args+=(--spring.main.lazy-initialization=true)
# JFR=1 AOT=1: the recording adds the module jdk.jfr, and the JVM refuses an AOT cache made without
# it ("Mismatched values for property jdk.module.addmods"); so every run of the set adds it
[[ $JFR == 1 && $AOT == 1 ]] && jvm+=(--add-modules=jdk.jfr)
# shellcheck disable=SC2206
args+=(${EXTRA_ARGS:-})
port=""
server_pid=""
pn_on_exit '[[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null'

server_args() { # server_args RUN: the server's arguments for a run
  local run=$1
  echo "--server.port=$port"
  echo "--management.server.port=0"
  if [[ $PROFILE == production ]]; then
    echo "--spring.profiles.active=production"
    echo "--readerpass.issuer.uri=http://localhost:$port"
    echo "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$PN_DB"
    echo "--spring.datasource.username=$PGUSER"
    echo "--spring.data.redis.url=$PN_REDIS_URL"
    echo "--readerpass.redis.key-prefix=$PN_PREFIX"
    echo "--readerpass.keys.encryption-key=$PN_KEY"
    echo "--readerpass.subject.pairwise-key=$PN_PAIRWISE"
    echo "--readerpass.data-dir=$PN_WORK/data"
  else
    echo "--readerpass.data-dir=$PN_WORK/data-$run"
  fi
}

# start RUN [extra JVM options…]: starts the server and leaves it running; sets STARTED_DISCOVERY and
# STARTED_READY (ms from java -jar). Not in a subshell: server_pid must stay known here, for stop.
# Polling without a process per poll: on a machine where a process costs ~20 ms of CPU (2026-12-05:
# a curl took 10 ms user + 10 ms system), two curl loops every 20 ms took about a core of the two
# from the JVM being timed, and start-up measured 11.5 s instead of 5.8. Bash builtins only:
# /dev/tcp, pn_nap, and EPOCHREALTIME (bash 5) for the clock.
http_status() { # http_status PORT PATH: the status code in HTTP_STATUS, empty when nothing answers
  local fd
  HTTP_STATUS=""
  { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.1\r\nHost: localhost:%s\r\nConnection: close\r\n\r\n' "$2" "$1" >&"$fd"
  IFS=' ' read -rt 60 _ HTTP_STATUS _ <&"$fd" || true
  exec {fd}>&-
}

start() {
  local run=$1
  shift
  local -a sargs
  # a port chosen now: one chosen earlier may have become some client's ephemeral port meanwhile
  port=$(pn_free_port)
  mapfile -t sargs < <(server_args "$run")
  local t0 t discovery="" ready=""
  t0=${EPOCHREALTIME/./}
  "$PN_JAVA" "${jvm[@]}" "$@" -jar "$run_jar" "${sargs[@]}" "${args[@]}" >"$PN_WORK/run-$run.log" 2>&1 &
  server_pid=$!
  # each figure is the end of the first successful answer (a slow first answer counts in full)
  until [[ -n $discovery && -n $ready ]]; do
    if [[ -z $discovery ]]; then
      http_status "$port" /.well-known/openid-configuration
      [[ $HTTP_STATUS == 200 ]] && discovery=$(((${EPOCHREALTIME/./} - t0) / 1000))
    fi
    if [[ -z $ready ]]; then
      http_status "$port" /readyz
      # a jar without /readyz: its log line
      if [[ $HTTP_STATUS == 200 ]] || { [[ $HTTP_STATUS == 404 ]] && grep -q 'ReaderPass is ready' "$PN_WORK/run-$run.log"; }; then
        ready=$(((${EPOCHREALTIME/./} - t0) / 1000))
      fi
    fi
    t=${EPOCHREALTIME/./}
    if ! kill -0 "$server_pid" 2>/dev/null || (((t - t0) / 1000000 > PN_READY_TIMEOUT)); then
      tail -30 "$PN_WORK/run-$run.log" >&2
      echo "the server died or was not ready after $PN_READY_TIMEOUT s in run $run; its log is above" >&2
      exit 1
    fi
    pn_nap 0.02
  done
  STARTED_DISCOVERY=$discovery
  STARTED_READY=$ready
  # the JVM's own count, from its start (Spring Boot's "process running for"), beside ours
  STARTED_JVM=$(grep -o 'process running for [0-9.]*' "$PN_WORK/run-$run.log" | head -1 | awk '{print $4}')
}

stop() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

label="$PROFILE"
[[ $EXTRACT == 1 ]] && label+=", extracted jar"
[[ $AOT == 1 ]] && label+=", AOT cache"
[[ $LAZY == 1 ]] && label+=", lazy initialization"

if [[ $PROFILE == production ]]; then
  start first
  pn_log "first start (migrations, keys; not counted): discovery $STARTED_DISCOVERY ms, ready $STARTED_READY ms"
  stop
fi

if [[ $AOT == 1 && $PROFILE == production && ${SPRING_AOT:-1} == 1 ]]; then
  # Spring's ahead-of-time bean definitions (made with the production profile) on the training run
  # and every timed run; SPRING_AOT=0 for the JDK's cache alone
  jvm+=(-Dspring.aot.enabled=true)
  label+=", Spring AOT"
fi
if [[ $AOT == 1 ]]; then
  t0=$(date +%s%N)
  start training -XX:AOTCacheOutput="$PN_WORK/app.aot"
  curl -fs -o /dev/null "http://127.0.0.1:$port/.well-known/openid-configuration"
  curl -fs -o /dev/null -u sx-stats:sx-stats-demo-secret "http://127.0.0.1:$port/oauth2/token" \
    -d grant_type=client_credentials || true
  curl -fs -o /dev/null "http://127.0.0.1:$port/login" || true
  stop
  [[ -s $PN_WORK/app.aot ]] || { tail -20 "$PN_WORK/run-training.log" >&2; echo "no AOT cache written" >&2; exit 1; }
  pn_log "AOT training run and cache: $((($(date +%s%N) - t0) / 1000000)) ms, $(du -m "$PN_WORK/app.aot" | cut -f1) MB"
  # AOTMode=on: a cache the JVM cannot use is an error, not a silent start without it
  jvm+=(-XX:AOTCache="$PN_WORK/app.aot" -XX:AOTMode=on)
fi

discoveries=()
readies=()
for ((i = 1; i <= RUNS; i++)); do
  start "$i"
  stop
  discoveries+=("$STARTED_DISCOVERY")
  readies+=("$STARTED_READY")
  pn_log "run $i ($label): $STARTED_DISCOVERY ms to discovery, $STARTED_READY ms to ready (Spring Boot: started at ${STARTED_JVM:-?} s of the process)"
done

if [[ $JFR == 1 ]]; then
  start jfr -XX:StartFlightRecording=filename="$PN_WORK/startup.jfr",settings=profile
  pn_log "JFR start: $STARTED_DISCOVERY ms to discovery, $STARTED_READY ms to ready (recording on)"
  "$(dirname "$PN_JAVA")/jcmd" "$server_pid" JFR.dump filename="$PN_WORK/startup.jfr" >/dev/null
  stop
  "$PN_JAVA" bench/JfrStartup.java "$PN_WORK/startup.jfr" top=15 | tee "$PN_WORK/startup-jfr.txt"
  if [[ ${KEEP:-0} != 1 ]]; then
    mkdir -p /tmp/readerpass-startup-jfr
    cp "$PN_WORK/startup.jfr" "/tmp/readerpass-startup-jfr/startup-$(date +%H%M%S).jfr"
    pn_log "recording kept: /tmp/readerpass-startup-jfr/ (jfr summary / jfr print --events jdk.ExecutionSample)"
  fi
fi

echo
echo "Start-up, $label, $(date -u +%F), $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg)), $("$PN_JAVA" -version 2>&1 | sed -n 2p | sed 's/ (build.*//'), JVM options: ${jvm[*]:-none}${args[*]:+; server arguments ${args[*]}}"
echo
echo "| configuration | ms to discovery ($RUNS runs) | median | ms to ready (runs) | median |"
echo "| --- | --- | --- | --- | --- |"
echo "| $label | $(printf '%s / ' "${discoveries[@]}" | sed 's/ \/ $//') | **$(printf '%s\n' "${discoveries[@]}" | median)** |" \
  "$(printf '%s / ' "${readies[@]}" | sed 's/ \/ $//') | **$(printf '%s\n' "${readies[@]}" | median)** |"
