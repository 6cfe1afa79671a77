#!/usr/bin/env bash
# Fault proxy benchmark: HTTP keep-alive through (a) a direct connection to nginx, (b) HAProxy in mode tcp, and
# (c) Faultline's fault proxy with no toxics, all in the same run, on 127.0.0.1 only.
#
#   mvn -B -q -pl runner -am package -DskipTests && bench/fault-proxy.sh [DURATION]
#
# Needs wrk, haproxy and nginx (apt-get install -y wrk haproxy nginx). Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
DURATION=${1:-10s}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/runner/target/faultline.jar
WORK=$(mktemp -d) && chmod 755 "$WORK"   # nginx workers read www/ as another user
NGINX_PORT=18080 HAPROXY_PORT=18081 API_PORT=18474 PROXY_PORT=18082
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "raw wrk output kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

[ -f "$JAR" ] || { echo "build first: mvn -B -q -pl runner -am package -DskipTests" >&2; exit 2; }

mkdir -p "$WORK/www" "$WORK/logs"
head -c 1024 /dev/zero | tr '\0' 'x' > "$WORK/www/small"
head -c $((1024 * 1024)) /dev/urandom > "$WORK/www/large"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

cat > "$WORK/haproxy.cfg" <<CONF
global
  maxconn 4096
  nbthread 1
defaults
  mode tcp
  timeout connect 5s
  timeout client 60s
  timeout server 60s
listen relay
  bind 127.0.0.1:$HAPROXY_PORT
  server nginx 127.0.0.1:$NGINX_PORT
CONF
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/logs/haproxy.log" 2>&1 &
PIDS+=($!)

java -jar "$JAR" proxy --host 127.0.0.1 --port $API_PORT > "$WORK/logs/proxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$API_PORT/version" >/dev/null && break; sleep 0.1; done
curl -sf -X POST "http://127.0.0.1:$API_PORT/proxies" \
  -d "{\"name\":\"nginx\",\"listen\":\"127.0.0.1:$PROXY_PORT\",\"upstream\":\"127.0.0.1:$NGINX_PORT\"}" >/dev/null

# percentile from wrk --latency output, in microseconds
pct() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); print v } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v * 1000 } else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000000 } }'; }
field() { awk -v k="$1" '$1 == k { print $2 }'; }
mbps() { awk '/^Transfer\/sec:/ { v = $2; if (v ~ /GB$/) { sub(/GB$/, "", v); print v * 1024 } else if (v ~ /MB$/) { sub(/MB$/, "", v); print v } else if (v ~ /KB$/) { sub(/KB$/, "", v); print v / 1024 } }'; }

run() { # name port
  local name=$1 port=$2
  wrk -t1 -c1 -d"$DURATION" --latency "http://127.0.0.1:$port/small" > "$WORK/$name-latency.txt"   # latency: one connection, one request at a time
  wrk -t2 -c32 -d"$DURATION" "http://127.0.0.1:$port/small" > "$WORK/$name-rps.txt"                 # requests/s of small responses
  wrk -t2 -c8 -d"$DURATION" "http://127.0.0.1:$port/large" > "$WORK/$name-mbps.txt"                # MB/s of 1 MB responses
  P50[$name]=$(pct 50% < "$WORK/$name-latency.txt")
  P99[$name]=$(pct 99% < "$WORK/$name-latency.txt")
  RPS[$name]=$(field Requests/sec: < "$WORK/$name-rps.txt")
  MBPS[$name]=$(mbps < "$WORK/$name-mbps.txt")
}
declare -A P50 P99 RPS MBPS
for port in $NGINX_PORT $HAPROXY_PORT $PROXY_PORT; do   # every path serves both files whole
  [ "$(curl -sf "http://127.0.0.1:$port/large" | wc -c)" -eq $((1024 * 1024)) ] || { echo "port $port does not serve /large" >&2; exit 1; }
  [ "$(curl -sf "http://127.0.0.1:$port/small" | wc -c)" -eq 1024 ] || { echo "port $port does not serve /small" >&2; exit 1; }
done
wrk -t1 -c4 -d3s "http://127.0.0.1:$PROXY_PORT/small" > /dev/null   # warm up the JIT of the fault proxy
run direct $NGINX_PORT
run haproxy $HAPROXY_PORT
run faultline $PROXY_PORT

echo "| path | p50 (µs) | p99 (µs) | added p50 / p99 vs direct (µs) | small req/s | 1 MB responses MB/s | req/s vs HAProxy | MB/s vs HAProxy |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for name in direct haproxy faultline; do
  awk -v n="$name" -v p50="${P50[$name]}" -v p99="${P99[$name]}" -v d50="${P50[direct]}" -v d99="${P99[direct]}" \
      -v rps="${RPS[$name]}" -v mb="${MBPS[$name]}" -v hrps="${RPS[haproxy]}" -v hmb="${MBPS[haproxy]}" \
      'BEGIN { printf "| %s | %.0f | %.0f | %+.0f / %+.0f | %.0f | %.0f | %.2f | %.2f |\n", n, p50, p99, p50 - d50, p99 - d99, rps, mb, rps / hrps, mb / hmb }'
done
