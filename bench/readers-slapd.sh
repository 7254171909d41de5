#!/usr/bin/env bash
# A throwaway slapd holding generated readers of library zj, for the benchmarks that read or bind
# against a real OpenLDAP (bench/sync-1m.sh, bench/login-load.sh). Sourced, not run:
#
#   source bench/readers-slapd.sh
#   rs_slapd WORK LDIF [SYNCPROV]
#
# writes WORK/slapd.conf, loads LDIF into WORK/db with slapadd -q, starts slapd on a free loopback
# port and waits until the sync user can read the suffix; sets RS_PORT, RS_PID and RS_ROOT_PW (the
# password of $RS_ROOT_DN, for a benchmark that writes). SYNCPROV=1 adds
# the RFC 4533 content sync provider (syncprov overlay with a session log, an entryCSN index).
# The directory: suffix $RS_SUFFIX, readers under $RS_BASE (as bench/gen-readers-ldif.py writes
# them), back_mdb, indexes on objectClass, entryUUID and uid; the sync user $RS_SYNC_DN (password
# sync-secret) reads everything in pages of any size; readers bind with their own password. The
# caller stops slapd ($RS_PID) and removes WORK.

RS_SCHEMA=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/ldap-sync/src/main/resources/org/readerpass/ldapsync/schema/readerpass-library.schema
RS_SUFFIX="dc=zj,dc=lib,dc=zj,dc=cn"
RS_BASE="ou=readers,$RS_SUFFIX"
RS_SYNC_DN="cn=readerpass-sync,$RS_SUFFIX"
RS_ROOT_DN="cn=admin,$RS_SUFFIX"
RS_ROOT_PW=""
RS_PORT=""
RS_PID=""

rs_log() { echo "[$(date +%T)] $*" >&2; }

rs_slapd() {
  local work=$1 ldif=$2 syncprov=${3:-0} t0 entries tool
  for tool in /usr/sbin/slapd /usr/sbin/slapadd ldapsearch python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
  done
  mkdir -p "$work/db"
  RS_ROOT_PW=$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
  {
    echo "include /etc/ldap/schema/core.schema"
    echo "include /etc/ldap/schema/cosine.schema"
    echo "include /etc/ldap/schema/nis.schema"
    echo "include /etc/ldap/schema/inetorgperson.schema"
    echo "include $RS_SCHEMA"
    echo "modulepath /usr/lib/ldap"
    echo "moduleload back_mdb"
    [[ $syncprov == 1 ]] && echo "moduleload syncprov"
    echo "pidfile $work/slapd.pid"
    echo "argsfile $work/slapd.args"
    echo "sizelimit unlimited"
    echo "timelimit unlimited"
    echo "database mdb"
    echo "maxsize 17179869184"
    echo "suffix \"$RS_SUFFIX\""
    echo "rootdn \"$RS_ROOT_DN\""
    echo "rootpw $RS_ROOT_PW"
    echo "directory $work/db"
    if [[ $syncprov == 1 ]]; then echo "index objectClass,entryUUID,entryCSN eq"; else echo "index objectClass,entryUUID eq"; fi
    echo "index uid eq"
    echo "# the sync user reads everything, in pages of any size, with no total limit"
    echo "limits dn.exact=\"$RS_SYNC_DN\" size=unlimited size.pr=unlimited size.prtotal=unlimited time=unlimited"
    echo "access to attrs=userPassword by self write by anonymous auth by * none"
    echo "access to * by dn.exact=\"$RS_SYNC_DN\" read by * none"
    if [[ $syncprov == 1 ]]; then
      echo "# RFC 4533 content sync (a session log: deletions are named, no present phase)"
      echo "overlay syncprov"
      echo "syncprov-checkpoint 1000 1"
      echo "syncprov-sessionlog 100000"
    fi
  } >"$work/slapd.conf"
  entries=$(grep -c '^dn: ' "$ldif")
  t0=$(date +%s%3N)
  /usr/sbin/slapadd -q -f "$work/slapd.conf" -l "$ldif" >"$work/slapadd.log" 2>&1 \
    || { cat "$work/slapadd.log" >&2; exit 1; }
  rs_log "slapadd -q loaded $entries entries in $(($(date +%s%3N) - t0)) ms ($(du -sm "$work/db" | cut -f1) MB on disk)"
  RS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  /usr/sbin/slapd -f "$work/slapd.conf" -h "ldap://127.0.0.1:$RS_PORT/" -d 0 >"$work/slapd.log" 2>&1 &
  RS_PID=$!
  for _ in $(seq 1 100); do
    ldapsearch -x -H "ldap://127.0.0.1:$RS_PORT" -D "$RS_SYNC_DN" -w sync-secret -b "$RS_SUFFIX" -s base \
      '(objectClass=*)' 1.1 >/dev/null 2>&1 && break
    sleep 0.1
  done
  rs_log "slapd pid $RS_PID on ldap://127.0.0.1:$RS_PORT/"
}
