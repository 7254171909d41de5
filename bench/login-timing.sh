#!/bin/bash
# Median and p90 time of N login form POSTs (card, password), each with a fresh session and CSRF
# token, against a server on 127.0.0.1:${PORT:-9000}. Compares the answer times of an unknown card
# and a wrong password, which must not tell one from the other:
#   bench/login-timing.sh NOSUCH9999 wrong-pass 60; bench/login-timing.sh ZJ0003 wrong-pass 60
card=$1; password=$2; n=${3:-60}; base=http://127.0.0.1:${PORT:-9000}
for i in $(seq 1 "$n"); do
  jar=$(mktemp)
  csrf=$(curl -s -c "$jar" "$base/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)"/\1/')
  curl -s -b "$jar" -o /dev/null -w "%{time_total}\n" "$base/login" --data-urlencode "_csrf=$csrf" \
    --data-urlencode "card=$card" --data-urlencode "password=$password"
  rm -f "$jar"
done | sort -n | awk '{a[NR]=$1} END {print "median(s)=" a[int((NR+1)/2)] " p90=" a[int(NR*0.9)]}'
