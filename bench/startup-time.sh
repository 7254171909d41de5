#!/usr/bin/env bash
# Measures the time from `java -jar` to the first 200 from discovery, N times (default 5), on a
# fresh data directory each run. Needs the jar: ./mvnw -q -DskipTests package
# Usage: bench/startup-time.sh [runs] [java-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
java=${2:-java}
port=19000
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  "$java" -jar auth-server/target/readerpass.jar --server.port=$port --management.server.port=0 --readerpass.data-dir="$dir" \
    >"$dir/server.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/.well-known/openid-configuration" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "server died; see $dir/server.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms to discovery"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
done
