#!/usr/bin/env bash
# Full sync from OpenLDAP into PostgreSQL (issue 3, "Benchmark"): generates N readers of library zj
# (bench/gen-readers-ldif.py), loads them with slapadd into a throwaway slapd on a free loopback
# port, times a raw paged read of the directory with ldapsearch, then runs the server jar twice on
# a fresh PostgreSQL database of its own: run 1 = first full sync into the empty database, run 2 =
# the same full sync again with nothing changed. Each run records the start-up sync's
# "Sync finished …" line, the peak RSS (/usr/bin/time -v), the GC log and a JFR recording (profile
# settings, every socket read/write recorded: no threshold, no throttle) from which the sync
# thread's time is split into waiting for the directory, waiting for PostgreSQL, and the rest (mapping, JDBC/LDAP client
# code, GC), by bench/JfrSyncSplit.java. Then run 3 (bench/ContentSyncBench.java on the jar's classes and
# ldap-sync's test-jar, slapd has syncprov with a session log): a full run with nothing changed on a content-sync connector,
# an incremental run by change timestamps after 1,000 LDAP modifications, one by RFC 4533 refreshOnly
# after 1,000 more, and a refreshAndPersist stream: LDAP modify -> visible in PostgreSQL latency
# (SAMPLES of them) and a burst of 1,000 modifications.
#
# Needs: the jar and ldap-sync's test-jar (./mvnw -q -DskipTests package builds both), slapd + slapadd + ldapsearch (Debian slapd,
# ldap-utils), PostgreSQL at 127.0.0.1:5432 with trust auth for postgres, python3.
#
# Usage: bench/sync-1m.sh                      # N=1000000
#        N=20000 bench/sync-1m.sh              # quick run
# Environment: N, JAR (auth-server/target/readerpass.jar), JAVA (default Temurin 25), XMX (512m),
#              PAGE_SIZE (1000), JFR (1 = record), MAX_RUN_SECONDS (1800: a run still syncing then
#              is reported as not finished, with its progress, and the script stops),
#              ANALYZE_EVERY (seconds; 0 = off, the default): run "analyze reader, reader_account" that
#              often during each run, standing in for autovacuum's auto-analyze on a PostgreSQL where
#              autovacuum is off (this project's CI/dev machines: `show autovacuum` says off),
#              RUNS (2 = runs 1 and 2, the default; 1 = run 1 only), JDBC_PARAMS (appended to the
#              server's PostgreSQL JDBC URL, e.g. "?reWriteBatchedInserts=false"),
#              CONTENT_SYNC (1 = do run 3, the default), SAMPLES (300: persist latency samples),
#              KEEP (1 = keep the work directory and the database, for a look afterwards),
#              PGHOST/PGPORT/PGUSER (127.0.0.1/5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

N=${N:-1000000}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
XMX=${XMX:-512m}
PAGE_SIZE=${PAGE_SIZE:-1000}
JFR=${JFR:-1}
MAX_RUN_SECONDS=${MAX_RUN_SECONDS:-1800}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
jar=${JAR:-$repo/auth-server/target/readerpass.jar}
source "$repo/bench/readers-slapd.sh"
suffix=$RS_SUFFIX
base=$RS_BASE
sync_dn=$RS_SYNC_DN

[[ -f $jar ]] || { echo "no $jar: run ./mvnw -q -DskipTests package" >&2; exit 1; }
# run 3 builds ldap-sync's package-private engines through the test support of its test-jar
sync_tests_jar=$(ls "$repo"/ldap-sync/target/ldap-sync-*-tests.jar 2>/dev/null | head -1 || true)
if [[ ${CONTENT_SYNC:-1} == 1 && -z $sync_tests_jar ]]; then
  echo "no ldap-sync/target/ldap-sync-*-tests.jar: run ./mvnw -q -DskipTests package" >&2; exit 1
fi
for tool in /usr/sbin/slapd /usr/sbin/slapadd ldapsearch psql python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done

work=$(mktemp -d /tmp/readerpass-sync-bench.XXXXXX)
db="readerpass_bench_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
slapd_pid=""
server_pid=""
analyze_pid=""

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

cleanup() {
  set +e
  [[ -n $analyze_pid ]] && kill "$analyze_pid" 2>/dev/null && wait "$analyze_pid" 2>/dev/null
  if [[ -n $server_pid ]]; then # the JVM, the child of /usr/bin/time when that is used
    kill "$(pgrep -P "$server_pid" java || echo "$server_pid")" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  [[ -n $slapd_pid ]] && kill "$slapd_pid" 2>/dev/null && wait "$slapd_pid" 2>/dev/null
  if [[ ${KEEP:-0} == 1 ]]; then
    echo "kept $work and database $db (drop it: psql -h $PGHOST -U $PGUSER -d postgres -c 'drop database $db')"
  else
    psql -q -d postgres -c "drop database if exists $db with (force)" >/dev/null 2>&1
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }
log() { echo "[$(date +%T)] $*"; }

log "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
log "JDK: $("$JAVA" -version 2>&1 | sed -n 2p)"
log "PostgreSQL: $(psql -d postgres -Atc "select split_part(version(), ' on ', 1) || ', autovacuum=' ||
  current_setting('autovacuum')"); analyze every ${ANALYZE_EVERY:-0} s (0 = never)"
log "work directory $work, database $db, N=$N, page size $PAGE_SIZE, -Xmx$XMX"

# 1. LDIF
t0=$(now_ms)
python3 "$repo/bench/gen-readers-ldif.py" "$N" >"$work/readers.ldif"
t1=$(now_ms)
log "generated $N readers in $((t1 - t0)) ms ($(du -m "$work/readers.ldif" | cut -f1) MB)"

# 2. slapd: back_mdb, loaded offline with slapadd -q, with the content sync provider for run 3
#    (bench/readers-slapd.sh)
rs_slapd "$work" "$work/readers.ldif" 1
slapd_pid=$RS_PID
ldap_port=$RS_PORT
root_pw=$RS_ROOT_PW
rm -f "$work/readers.ldif"

# Raw directory read: the connector's search (filter, attributes, page size), output discarded.
attrs="entryUUID uid displayName readerType readerStatus readerExpiry residentIdNumber mobile mail cn"
for i in 1 2; do
  t0=$(now_ms)
  ldapsearch -x -LLL -H "ldap://127.0.0.1:$ldap_port" -D "$sync_dn" -w sync-secret -b "$base" \
    -E "pr=$PAGE_SIZE/noprompt" '(objectClass=inetOrgPerson)' $attrs >"$work/raw.ldif"
  t1=$(now_ms)
  got=$(grep -c '^dn: ' "$work/raw.ldif")
  log "raw paged read #$i (ldapsearch, pr=$PAGE_SIZE): $got entries in $((t1 - t0)) ms" \
      "= $((got * 1000 / (t1 - t0 + 1))) entries/s"
done
rm -f "$work/raw.ldif"

# 3. PostgreSQL database of our own, and the server's network file
psql -q -d postgres -c "create database $db" >/dev/null
key=$(head -c 32 /dev/urandom | base64)
cat >"$work/network.yml" <<EOF
# ReaderPass benchmark network: one library (zj) whose directory is the throwaway slapd.
readerpass:
  network:
    id: zj
    libraries:
      - code: zj
        name-zh: 浙江图书馆
        name-en: Zhejiang Library
        ip-ranges: []
  clients:
    registrations:
      - client-id: sx-stats
        name: benchmark service client
        type: service
        secret-hash: "{sha256}xckHNp05O0Ce-Smn9zHoGQt8yC9kWytsHhXpen5E89g"
        scopes: [ usage.write ]
  directory:
    identity-hmac-key: "benchmark-only-identity-hmac-key-not-for-production"
    zone: Asia/Shanghai
    startup-sync: true
    libraries:
      - library: zj
        preset: openldap
        urls: [ "ldap://127.0.0.1:$ldap_port" ]
        insecure-plain: true
        bind-dn: $sync_dn
        bind-password: sync-secret
        base-dn: $base
        page-size: $PAGE_SIZE
        connect-timeout: 5s
        response-timeout: 120s
        bind-timeout: 5s
        pool-size: 2
EOF

results=()
run_server() { # $1 = run number
  local run=$1 http_port jvm_opts=(-Xmx"$XMX" -Xlog:gc:file="$work/gc-$1.log")
  http_port=$(free_port)
  if [[ $JFR == 1 ]]; then
    jvm_opts+=("-XX:StartFlightRecording:filename=$work/run-$run.jfr,settings=profile,jdk.SocketRead#threshold=0ms,jdk.SocketRead#throttle=off,jdk.SocketWrite#threshold=0ms,jdk.SocketWrite#throttle=off")
  fi
  local time_cmd=()
  [[ -x /usr/bin/time ]] && time_cmd=(/usr/bin/time -v -o "$work/time-$run.txt")
  "${time_cmd[@]}" "$JAVA" "${jvm_opts[@]}" -jar "$jar" \
    --readerpass.network-file="file:$work/network.yml" --readerpass.data-dir="$work/data" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$db${JDBC_PARAMS:-}" --spring.datasource.username="$PGUSER" \
    --server.port="$http_port" --management.server.port=0 --readerpass.keys.encryption-key="$key" \
    >"$work/server-$run.log" 2>&1 &
  server_pid=$!
  if (( ${ANALYZE_EVERY:-0} > 0 )); then
    (while sleep "$ANALYZE_EVERY"; do
      psql -q -d "$db" -c "analyze reader, reader_account" >/dev/null 2>&1 || true
    done) &
    analyze_pid=$!
  fi
  local line="" started=$SECONDS next_report=$((SECONDS + 30))
  while :; do
    line=$(grep -m1 -E 'Sync (finished|stopped) library=zj' "$work/server-$run.log" 2>/dev/null || true)
    [[ -n $line ]] && break
    if (( SECONDS >= next_report )); then
      next_report=$((SECONDS + 30))
      log "run $run: $((SECONDS - started)) s since start, $(psql -d "$db" -Atc \
        "select count(*) from reader_account" 2>/dev/null || echo '?') accounts in the database"
    fi
    if (( SECONDS - started > MAX_RUN_SECONDS )); then
      log "run $run: NOT FINISHED after $MAX_RUN_SECONDS s: $(psql -d "$db" -Atc \
        "select count(*) from reader_account" 2>/dev/null || echo '?') of $N accounts in the database; stopping"
      exit 1
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      tail -40 "$work/server-$run.log" >&2
      echo "server died during run $run; log above" >&2
      exit 1
    fi
    sleep 0.5
  done
  if [[ -n $analyze_pid ]]; then kill "$analyze_pid" 2>/dev/null; wait "$analyze_pid" 2>/dev/null || true; analyze_pid=""; fi
  # stop the JVM (the child of /usr/bin/time, if any) so that time -v reports
  local java_pid
  java_pid=$(pgrep -P "$server_pid" java || echo "$server_pid")
  kill "$java_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  local result
  result=$(sed -E 's/.*Sync (finished|stopped) /\1 /' <<<"$line")
  local read duration rss gcmax
  read=$(sed -E 's/.* read=([0-9]+).*/\1/' <<<"$line")
  duration=$(sed -E 's/.* durationMs=([0-9]+).*/\1/' <<<"$line")
  rss=$( [[ -f $work/time-$run.txt ]] && awk -F': ' '/Maximum resident/{printf "%d MB", $2/1024}' "$work/time-$run.txt" || echo "n/a")
  gcmax=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$work/gc-$run.log" | awk -F'[->M()]+' '
    {if ($1>b) b=$1; if ($2>a) a=$2; c=$3} END {printf "heap max before GC %d MB, max after GC %d MB, committed %d MB", b, a, c}')
  local rate=$(( duration > 0 ? read * 1000 / duration : 0 ))
  log "run $run: Sync $result"
  log "run $run: $rate entries/s; peak RSS $rss; $gcmax; GCs $(grep -c 'Pause' "$work/gc-$run.log")"
  results+=("run $run: $rate entries/s (read=$read in ${duration} ms), peak RSS $rss")
  if [[ $JFR == 1 ]]; then
    split_time "$run" "$duration"
  fi
  psql -d "$db" -Atc "select '  table ' || relname || ': seq_scan=' || seq_scan || ' seq_tup_read=' || seq_tup_read ||
    ' idx_scan=' || coalesce(idx_scan, 0) || ' n_live_tup=' || n_live_tup || ' last_autoanalyze=' ||
    coalesce(last_autoanalyze::text, 'never') from pg_stat_user_tables where relname in ('reader', 'reader_account')
    order by relname"
}

# The sync thread's time from the JFR recording (bench/JfrSyncSplit.java): blocked on the LDAP
# socket (directory), blocked on the PostgreSQL socket (database, by the ReaderPass method that
# issued the SQL), the rest (CPU in mapping and client code, GC, waiting for a core); then the
# owners and hottest frames of its CPU samples.
split_time() {
  "$JAVA" "$repo/bench/JfrSyncSplit.java" "$work/run-$1.jfr" "$2" "$ldap_port" "$PGPORT"
}

run_server 1
psql -d "$db" -Atc "select 'database: ' || count(*) || ' accounts, ' || (select count(*) from reader) || ' readers, ' ||
  pg_size_pretty(pg_database_size('$db')) from reader_account"
if [[ ${RUNS:-2} == 2 ]]; then
  run_server 2
fi
log "summary (N=$N, page size $PAGE_SIZE, -Xmx$XMX, analyze every ${ANALYZE_EVERY:-0} s, $(nproc) cores shared):"
printf '  %s\n' "${results[@]}"

# Run 3 (bench/ContentSyncBench.java, on the jar's own classes and ldap-sync's test-jar): a full run
# with nothing changed that also stores the content-sync cookie, then an incremental run by timestamps after 1,000 changes,
# one by content sync (refreshOnly) after 1,000 more, then the persist stream's LDAP-modify-to-visible
# latency (SAMPLES, default 300) and a burst of 1,000 changes.
if [[ ${CONTENT_SYNC:-1} == 1 ]]; then
  mkdir -p "$work/boot"
  (cd "$work/boot" && unzip -q "$jar" 'BOOT-INF/*')
  log "run 3: content sync and incremental runs (bench/ContentSyncBench.java)"
  "$JAVA" -Xmx"$XMX" -cp "$work/boot/BOOT-INF/classes:$work/boot/BOOT-INF/lib/*:$sync_tests_jar" \
    "$repo/bench/ContentSyncBench.java" \
    "ldap://127.0.0.1:$ldap_port" "$sync_dn" sync-secret "$base" "cn=admin,$suffix" "$root_pw" \
    "jdbc:postgresql://$PGHOST:$PGPORT/$db" "$PGUSER" "benchmark-only-identity-hmac-key-not-for-production" \
    "$N" "${SAMPLES:-300}" 2>"$work/content-sync.log" | while read -r line; do log "run 3: $line"; done
fi
