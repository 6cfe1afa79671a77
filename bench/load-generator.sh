#!/usr/bin/env bash
# Load generator throughput next to wrk, in the same run, at the same connection count, against
#   1. nginx (Debian package) serving a 3-byte response, and
#   2. the reference cluster's balancer (1 store node, in its own JVM, reached through the fault proxy).
# For each target: wrk's requests/s (closed loop, CONNS connections), faultline's closed model with CONNS users and
# no think time (the same closed loop, every request recorded), then faultline's open model at rising rates
# on at most CONNS connections (load.connections), each request measured from its intended send time, so time spent
# waiting for a free connection counts. "sustained" = achieved >= 99% of the asked rate, at most 0.1% failed, and
# p50 <= 10 ms (requests are not queueing behind the generator); the rates stop at the first one not sustained.
# Usage: bench/load-generator.sh     env: CONNS (64), SECS (10), RATES ("1k 2k 5k 10k 15k 20k 30k 40k"),
#   JAR (runner/target/faultline.jar: point it at another build to compare jars), TARGETS ("both", or nginx or balancer)
# Needs: apt-get install -y nginx wrk; mvn -B -pl runner -am package -DskipTests; for the balancer also
#   mvn -B -pl runner -am test-compile (the cluster's main class is in the worktree's runner/target/test-classes)
set -euo pipefail
cd "$(dirname "$0")/.."
CONNS=${CONNS:-64}
SECS=${SECS:-10}
RATES=${RATES:-"1k 2k 5k 10k 15k 20k 30k 40k"}
PORT=${PORT:-18080}
JAR=${JAR:-runner/target/faultline.jar}
TARGETS=${TARGETS:-both}
case "$TARGETS" in
    both | nginx | balancer) ;;
    *) echo "TARGETS must be both, nginx or balancer, not '$TARGETS'" >&2; exit 2 ;;
esac
[ -f "$JAR" ] || { echo "no jar at $JAR (JAR=...)" >&2; exit 2; }
DIR=$(mktemp -d)
CLUSTER_PID=

cleanup() {
    [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" || true
    [ -n "$CLUSTER_PID" ] && kill "$CLUSTER_PID" || true
}
trap cleanup EXIT

wrk_rate() {
    wrk -t2 -c"$CONNS" -d"${SECS}s" "$1/kv/k1" | awk '/Requests\/sec/ {print $2}'
}

# faultline at one rate: prints "asked achieved dropped% p50ms p99ms"
faultline_rate() {
    local url=$1 rate=$2
    java -jar "$JAR" run bench/plans/http.yaml --out "$DIR/out" --set "target.http.url=$url" \
        --set "load.stages[0].rate=$rate/s" --set "load.stages[0].duration=${SECS}s" \
        --set "load.connections=$CONNS" > "$DIR/run.txt" 2>&1 || true
    python3 - "$DIR/out/bench-http/results.json" "$rate" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
load, get = r["load"], r["requests"]["get"]
print("%-6s %9.0f %8.2f%% %8.2f %8.2f" % (sys.argv[2], load["achievedRate"],
      100.0 * (get["count"] - get["ok"]) / max(1, get["count"]), get["latencyMs"]["p50"], get["latencyMs"]["p99"]))
PY
}

# faultline closed model, CONNS users without think time (wrk's closed loop): prints requests/s and p50/p99
faultline_closed() {
    java -jar "$JAR" run bench/plans/http.yaml --out "$DIR/out" --set "target.http.url=$1" --set load.model=closed \
        --set "load.stages=[{ duration: ${SECS}s, users: $CONNS }]" > "$DIR/run.txt" 2>&1 || true
    python3 - "$DIR/out/bench-http/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
load, get = r["load"], r["requests"]["get"]
print("%.0f requests/s, %d failed, p50 %.2f ms, p99 %.2f ms" % (load["achievedRate"], get["count"] - get["ok"],
      get["latencyMs"]["p50"], get["latencyMs"]["p99"]))
PY
}

bench() {
    local name=$1 url=$2
    echo "== $name ($url), $CONNS connections, ${SECS}s each"
    echo "wrk -t2 -c$CONNS -d${SECS}s: $(wrk_rate "$url") requests/s"
    echo "faultline closed model, $CONNS users, no think time: $(faultline_closed "$url")"
    echo "faultline open model, $CONNS connections:"
    echo "asked   achieved   failed  p50(ms)  p99(ms)"
    for rate in $RATES; do
        line=$(faultline_rate "$url" "$rate")
        echo "$line"
        python3 -c "import sys; f=sys.argv[1].split(); asked=float(f[0].replace('k','e3')); \
sys.exit(0 if float(f[1]) >= 0.99*asked and float(f[2].rstrip('%')) <= 0.1 and float(f[3]) <= 10 else 1)" "$line" || break
    done
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); jar $JAR ($(stat -c %y "$JAR" | cut -d. -f1))"
if [ "$TARGETS" != balancer ]; then
    sed "s|@PORT@|$PORT|; s|@DIR@|$DIR|g" bench/nginx.conf > "$DIR/nginx.conf"
    nginx -c "$DIR/nginx.conf" -p "$DIR"
    bench nginx "http://127.0.0.1:$PORT"
    kill "$(cat "$DIR/nginx.pid")"; rm -f "$DIR/nginx.pid"
fi
if [ "$TARGETS" = nginx ]; then
    echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi

java -cp "$JAR:runner/target/test-classes" dev.faultline.bench.ReferenceClusterMain 1 > "$DIR/cluster.txt" 2>&1 &
CLUSTER_PID=$!
for _ in $(seq 50); do grep -q '^http' "$DIR/cluster.txt" 2>/dev/null && break; sleep 0.2; done
bench "reference balancer" "$(grep -m1 '^http' "$DIR/cluster.txt")"
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg)"
