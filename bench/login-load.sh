#!/usr/bin/env bash
# Complete browser-style logins per second with the password checked by a bind against a REAL
# slapd holding N readers (issue 11), on the production profile (bench/production-node.sh:
# PostgreSQL + Redis, JDK 25, its memory settings). Generates N readers of library zj
# (bench/gen-readers-ldif.py: cards ZJ0000001…, password = lower-case card + "-pass", 2 %
# suspended, expiry years 2025-2030), loads them with slapadd -q into a throwaway slapd on a free
# loopback port (as bench/sync-1m.sh), writes a network file of one library (zj) whose directory is
# that slapd (plain ldap:// on loopback: insecure-plain) with the public mobile app zj-reader-app,
# starts one node, waits for its start-up full sync of the N readers into PostgreSQL (~14,000/s:
# 70-80 s for 1M), then runs bench/LoginLoad.java: CONCURRENCY workers, each login a fresh cookie
# jar — authorize (PKCE) -> login page -> form POST (card, password, CSRF) -> redirects -> code ->
# token — cards at random among the readers whose right password must sign in (active and not
# expired, read from the LDIF: ~81 % of N), WRONG of the logins with a wrong password that must be
# refused. Warm-up, then RUNS runs of DURATION s; per run logins/s, right passwords refused (must
# be 0), wrong passwords accepted (must be 0), other errors, p50/p90/p99 of a whole login; the
# median; and the server's peak RSS over the runs.
#
# Brute-force throttling (readerpass.abuse.*, being added): every login here comes from 127.0.0.1,
# so per-address limits would throttle the benchmark, not readers. When the jar has them
# (AbuseProperties in the jar), the script lifts the per-address limits and the login rate
# (readerpass.abuse.login.address.free-failures / lock-after, readerpass.abuse.rates.login=0, as
# the test suite's ReaderPassServerTest does) and keeps the per-account ones (the cards are random
# among N, so an account sees a wrong password rarely). Set EXTRA_ARGS to override or add.
#
# Needs: the jar, slapd/slapadd/ldapsearch (Debian slapd, ldap-utils), PostgreSQL and Redis on
# loopback, python3, Temurin 25.
# Usage: bench/login-load.sh                                   # N=1000000, 3 x 30 s (about 7 minutes)
#        N=20000 WARMUP=3 DURATION=5 RUNS=1 bench/login-load.sh # a quick check of the harness
# Environment: N (1000000), CONCURRENCY (16), WARMUP (120: C2 compiles for 1-2 minutes
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
source bench/readers-slapd.sh

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
"$PN_JAVA" bench/LoginLoad.java load "${PN_URLS[0]}" issuer="$PN_ISSUER" cards="$PN_WORK/cards.txt" \
  concurrency="$CONCURRENCY" warmup="$WARMUP" duration="$DURATION" runs="$RUNS" wrong="$WRONG" | tee "$PN_WORK/loginload.txt"
status=${PIPESTATUS[0]}
set -e
pn_rss_stop

echo
echo "Logins against slapd, production profile, $(date -u +%F), $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg) at the end);" \
  "N=$N readers ($accounts accounts synced), $CONCURRENCY workers, $(awk "BEGIN{print $WRONG*100}") % wrong passwords, bind pool $BIND_POOL;" \
  "$("$PN_JAVA" -version 2>&1 | sed -n 2p | sed 's/ (build.*//'), MALLOC_ARENA_MAX=2 $PN_MEM_OPTS"
echo
echo "| runs | median | peak RSS | GC |"
echo "| --- | --- | --- | --- |"
echo "| $(grep -E '^run [0-9]+:' "$PN_WORK/loginload.txt" | sed -E 's/^run [0-9]+: ([0-9.]+) logins\/s.*p99 ([0-9.]+) ms.*/\1 (p99 \2 ms)/' | paste -sd/ | sed 's#/# / #g') |" \
  "$(sed -n 's/^median of [0-9]* runs: //p' "$PN_WORK/loginload.txt") | $(pn_rss_report) | $(pn_gc_report 0) |"
exit "$status"
