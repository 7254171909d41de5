#!/usr/bin/env bash
# Complete browser-style logins per second with the password checked by a bind against a REAL
# slapd holding N readers (issue 11), on the production profile (bench/production-node.sh:
# PostgreSQL + Redis, JDK 25, its memory settings). Generates N readers of library zj
# (bench/gen-readers-ldif.py: cards ZJ0000001…, password = lower-case card + "-pass", 2 %
# suspended, expiry years 2025-2030), loads them with slapadd -q into a throwaway slapd on a free
# loopback port (as bench/sync-1m.sh), writes a network file of one library (zj) whose directory is
# that slapd (plain ldap:// on loopback: insecure-plain) with the public mobile app zj-reader-app,
# starts one node, waits for its start-up full sync of the N readers into PostgreSQL (~14,000/s:
# 70-80 s for 1M), then runs the logins: CONCURRENCY browsers, each login a fresh cookie jar —
# authorize (PKCE) -> login page -> form POST (card, password, CSRF) -> redirects -> code -> token —
# cards at random among the readers whose right password must sign in (active and not expired,
# read from the LDIF: ~81 % of N), WRONG of the logins with a wrong password that must be refused.
# Warm-up, then RUNS runs of DURATION s; per run logins/s, right passwords refused (must be 0),
# wrong passwords accepted (must be 0), other errors, p50/p90/p99 of a whole login; the median; and
# the server's peak RSS over the runs.
#
# The load generator (LOADGEN): wrk with bench/login-flow.lua (default; one connection per wrk
# thread, -t = -c = CONCURRENCY), or bench/LoginLoad.java (LOADGEN=java, the same flow and checks
# in Java, the only generator before 2026-12-05). Both share the 2 cores with the server: in a
# 20 s window of a 200,000-reader run, LoginLoad used 5.8 s of CPU (~1.2 ms a login), wrk 2.6 s
# (~0.4 ms a login, mostly its Lua), the server 25 s.
#
# Brute-force throttling (readerpass.abuse.*, being added): every login here comes from 127.0.0.1,
# so per-address limits would throttle the benchmark, not readers. When the jar has them
# (AbuseProperties in the jar), the script lifts the per-address limits and the login rate
# (readerpass.abuse.login.address.free-failures / lock-after, readerpass.abuse.rates.login=0, as
# the test suite's ReaderPassServerTest does) and keeps the per-account ones (the cards are random
# among N, so an account sees a wrong password rarely). Set EXTRA_ARGS to override or add.
#
# Needs: the jar, slapd/slapadd/ldapsearch (Debian slapd, ldap-utils), wrk (Debian wrk, unless
# LOADGEN=java), PostgreSQL and Redis on loopback, python3, Temurin 25.
# Usage: bench/login-load.sh                                   # N=1000000, 3 x 30 s (about 7 minutes)
#        N=20000 WARMUP=3 DURATION=5 RUNS=1 bench/login-load.sh # a quick check of the harness
# Environment: N (1000000), LOADGEN (wrk | java), CONCURRENCY (16), WARMUP (120: C2 compiles for 1-2 minutes
#   of login load on 2 cores), DURATION (30), RUNS (3), WRONG (0.05),
#   BIND_POOL (16: the library's pool of connections for password binds, pool-size; 1-64),
#   PAGE_SIZE (1000), and those of bench/production-node.sh (MEM_OPTS, JAVA_OPTS, EXTRA_ARGS,
#   READY_TIMEOUT, KEEP, …).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/production-node.sh

N=${N:-1000000}
CONCURRENCY=${CONCURRENCY:-16}
WARMUP=${WARMUP:-120}
DURATION=${DURATION:-30}
RUNS=${RUNS:-3}
WRONG=${WRONG:-0.05}
BIND_POOL=${BIND_POOL:-16}
PAGE_SIZE=${PAGE_SIZE:-1000}
READY_TIMEOUT=${READY_TIMEOUT:-1800}
PN_READY_TIMEOUT=$READY_TIMEOUT
LOADGEN=${LOADGEN:-wrk}
source bench/readers-slapd.sh
[[ $LOADGEN == java ]] || command -v wrk >/dev/null || { echo "missing wrk (Debian package wrk), or LOADGEN=java" >&2; exit 1; }

# wrk_logins OUT: the logins with wrk and bench/login-flow.lua, a warm-up then RUNS runs, printed (and
# written to OUT) in LoginLoad's format: "run r: ..." lines and "median of R runs: ..."; status 1 when
# any run had a wrong outcome or an error
wrk_logins() {
  local out=$1 r line rate p50 p99 failed=0 rates=() p50s=() p99s=()
  local wrk_run=(env CARDS_FILE="$PN_WORK/cards.txt" WRONG="$WRONG" wrk --timeout 10s -t"$CONCURRENCY" -c"$CONCURRENCY")
  : >"$out"
  printf 'wrk + bench/login-flow.lua: %s (issuer %s), %s cards, %d connections, %s%% wrong passwords, warm-up %d s, %d x %d s\n' \
    "${PN_URLS[0]}" "$PN_ISSUER" "$(wc -l <"$PN_WORK/cards.txt")" "$CONCURRENCY" "$(awk "BEGIN{print $WRONG*100}")" \
    "$WARMUP" "$RUNS" "$DURATION" | tee -a "$out"
  "${wrk_run[@]}" -d"${WARMUP}s" -s bench/login-flow.lua "${PN_URLS[0]}" >"$PN_WORK/wrk-warmup.txt" 2>&1
  echo "warm-up: $(sed -n 's/^logins: //p' "$PN_WORK/wrk-warmup.txt")" | tee -a "$out"
  for ((r = 1; r <= RUNS; r++)); do
    "${wrk_run[@]}" -d"${DURATION}s" -s bench/login-flow.lua "${PN_URLS[0]}" >"$PN_WORK/wrk-$r.txt" 2>&1
    line=$(sed -n 's/^logins: //p' "$PN_WORK/wrk-$r.txt")
    [[ -n $line ]] || { cat "$PN_WORK/wrk-$r.txt" >&2; return 1; }
    echo "run $r: $line" | tee -a "$out"
    grep '^sample: ' "$PN_WORK/wrk-$r.txt" | sed 's/^/  /' | tee -a "$out"
    grep -E 'Socket errors|Non-2xx' "$PN_WORK/wrk-$r.txt" | sed 's/^ */  wrk: /' | tee -a "$out"
    read -r rate p50 p99 < <(sed -E 's/^([0-9.]+) logins\/s.*p50 ([0-9.]+) ms.*p99 ([0-9.]+) ms.*/\1 \2 \3/' <<<"$line")
    rates+=("$rate") p50s+=("$p50") p99s+=("$p99")
    [[ $line =~ right\ password\ refused\ 0,\ wrong\ password\ accepted\ 0,\ other\ errors\ 0\; ]] || failed=1
    grep -q 'Socket errors' "$PN_WORK/wrk-$r.txt" && failed=1
  done
  # median: bench/production-node.sh's, as the other scripts use it
  printf 'median of %d runs: %s logins/s, p50 %s ms, p99 %s ms%s\n' "$RUNS" "$(printf '%s\n' "${rates[@]}" | median)" \
    "$(printf '%s\n' "${p50s[@]}" | median)" "$(printf '%s\n' "${p99s[@]}" | median)" \
    "$( ((failed)) && echo ' -- WRONG OUTCOMES OR ERRORS, see above')" | tee -a "$out"
  return "$failed"
}

pn_init
slapd_pid=""
pn_on_exit '[[ -n $slapd_pid ]] && kill "$slapd_pid" 2>/dev/null && wait "$slapd_pid" 2>/dev/null'
now_ms() { date +%s%3N; }

# 1. The readers, and the cards whose right password must sign in (active, not expired this year)
t0=$(now_ms)
python3 bench/gen-readers-ldif.py "$N" >"$PN_WORK/readers.ldif"
awk -v year="$(date -u +%Y)" '
  /^uid: / {card=$2} /^readerStatus: / {status=$2} /^readerExpiry: / {expiry=substr($2,1,4)}
  /^$/ {if (card != "" && status == "active" && expiry >= year) print card; card=""; status=""; expiry=""}
  END {if (card != "" && status == "active" && expiry >= year) print card}' "$PN_WORK/readers.ldif" >"$PN_WORK/cards.txt"
pn_log "generated $N readers in $(($(now_ms) - t0)) ms; $(wc -l <"$PN_WORK/cards.txt") of them active and not expired (the cards used)"

# 2. slapd (back_mdb), loaded offline with slapadd -q, on a free loopback port (bench/readers-slapd.sh)
rs_slapd "$PN_WORK/ldap" "$PN_WORK/readers.ldif"
slapd_pid=$RS_PID
ldap_port=$RS_PORT
rm -f "$PN_WORK/readers.ldif"

# 3. The network file: library zj, its directory the slapd; the mobile app signs readers in
export NETWORK_FILE=$PN_WORK/network.yml
cat >"$NETWORK_FILE" <<EOF
# ReaderPass login benchmark network: one library (zj) whose directory is the throwaway slapd.
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
      - client-id: zj-reader-app
        name: 浙江图书馆移动应用 Zhejiang Library mobile app
        type: native
        library: zj
        redirect-uris:
          - http://127.0.0.1:8082/callback
        scopes: [ openid, profile, library ]
        id-token-signed-response-alg: ES256
  directory:
    identity-hmac-key: "benchmark-only-identity-hmac-key-not-for-production"
    zone: Asia/Shanghai
    startup-sync: true
    libraries:
      - library: zj
        preset: openldap
        urls: [ "ldap://127.0.0.1:$ldap_port" ]
        insecure-plain: true
        bind-dn: $RS_SYNC_DN
        bind-password: sync-secret
        base-dn: $RS_BASE
        page-size: $PAGE_SIZE
        connect-timeout: 5s
        response-timeout: 120s
        bind-timeout: 5s
        pool-size: $BIND_POOL
EOF

# 4. Throttling overrides, only for keys this jar has (see the header)
abuse_args=()
if unzip -l "$PN_JAR" | grep 'org/readerpass/authserver/abuse/AbuseProperties' >/dev/null; then # no -q: with pipefail, grep -q closing the pipe early fails unzip
  abuse_args=(--readerpass.abuse.login.address.free-failures=1000000
    --readerpass.abuse.login.address.lock-after=1000000 --readerpass.abuse.rates.login=0)
  pn_log "the jar throttles logins: per-address limits lifted for the benchmark: ${abuse_args[*]}"
fi

# 5. One node; wait for its start-up full sync of the N readers
t0=$(now_ms)
pn_start 1 "${abuse_args[@]}"
until line=$(grep -m1 -E 'Sync (finished|stopped) library=zj' "$PN_WORK/node-0.log"); do
  kill -0 "${PN_PIDS[0]}" 2>/dev/null || { tail -30 "$PN_WORK/node-0.log" >&2; exit 1; }
  sleep 1
done
pn_log "start-up sync: ${line#*Sync } ($(($(now_ms) - t0)) ms from java -jar)"
[[ $line == *finished* ]] || { echo "the start-up sync did not finish" >&2; exit 1; }
accounts=$(psql -d "$PN_DB" -Atc "select count(*) from reader_account")
pn_log "$accounts accounts in PostgreSQL"

# 6. The load
pn_rss_start
set +e
if [[ $LOADGEN == java ]]; then
  "$PN_JAVA" bench/LoginLoad.java load "${PN_URLS[0]}" issuer="$PN_ISSUER" cards="$PN_WORK/cards.txt" \
    concurrency="$CONCURRENCY" warmup="$WARMUP" duration="$DURATION" runs="$RUNS" wrong="$WRONG" | tee "$PN_WORK/loginload.txt"
  status=${PIPESTATUS[0]}
else
  wrk_logins "$PN_WORK/loginload.txt"
  status=$?
fi
set -e
pn_rss_stop

echo
echo "Logins against slapd, production profile, $(date -u +%F), $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg) at the end);" \
  "N=$N readers ($accounts accounts synced), $CONCURRENCY workers, $(awk "BEGIN{print $WRONG*100}") % wrong passwords, bind pool $BIND_POOL;" \
  "$("$PN_JAVA" -version 2>&1 | sed -n 2p | sed 's/ (build.*//'), MALLOC_ARENA_MAX=$PN_ARENAS $PN_MEM_OPTS"
echo
echo "| runs | median | peak RSS | GC |"
echo "| --- | --- | --- | --- |"
echo "| $(grep -E '^run [0-9]+:' "$PN_WORK/loginload.txt" | sed -E 's/^run [0-9]+: ([0-9.]+) logins\/s.*p99 ([0-9.]+) ms.*/\1 (p99 \2 ms)/' | paste -sd/ | sed 's#/# / #g') |" \
  "$(sed -n 's/^median of [0-9]* runs: //p' "$PN_WORK/loginload.txt") | $(pn_rss_report) | $(pn_gc_report 0) |"
exit "$status"
