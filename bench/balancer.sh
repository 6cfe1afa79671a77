#!/usr/bin/env bash
# Throughput and added latency of Faultline's balancer vs HAProxy, layer 7 and layer 4, in front of the same
# nginx backend (a tiny fixed response), with wrk as the load generator; everything on 127.0.0.1, same run.
# Needs: apt-get install -y haproxy nginx wrk; a JDK 17+ and Maven.
# Usage: bench/balancer.sh [DURATION_SECONDS=10] [CONNECTIONS=50]
# BALANCER_GC="-XX:+UseSerialGC -Xmn160m" replaces the garbage-collector options of our balancers (default
# -XX:+UseParallelGC); BALANCER_JAVA_EXTRA="-Xlog:gc:file=/tmp/gc-%p.log" adds JVM options (for profiling).
# After the warm-up our JVMs are told to collect (jcmd GC.run), so warm-up garbage does not set off a collection
# in the middle of a measurement. The table shows each proxy's CPU time per request (user + system, from
# /proc/PID/stat before and after its run). ALLOC=1 also shows the bytes our balancers allocate per request (from
# a GC log: a collection before and after the run, and every heap drop in between).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10}"
CONNECTIONS="${2:-50}"
THREADS=2
WORK="$(mktemp -d)"
# free ports picked now, so the bench runs beside anything else on the machine
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
BACKEND_PORT=$(free_port) HAPROXY_L7=$(free_port) HAPROXY_L4=$(free_port) OURS_L7=$(free_port) OURS_L4=$(free_port)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in haproxy nginx wrk java mvn curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/balancer.sh needs $tool on the PATH" >&2; exit 2; }
done

# the backend: nginx, one worker, a 13-byte answer
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND_PORT; location / { return 200 "hello, world\n"; } }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" &
PIDS+=($!)

# HAProxy 2.6 with two threads, like our balancer's two I/O threads
cat > "$WORK/haproxy.cfg" <<CONF
global
  nbthread 2
  maxconn 4000
defaults
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend l7
  mode http
  bind 127.0.0.1:$HAPROXY_L7
  default_backend web7
backend web7
  mode http
  http-reuse always
  server b1 127.0.0.1:$BACKEND_PORT
frontend l4
  mode tcp
  bind 127.0.0.1:$HAPROXY_L4
  default_backend web4
backend web4
  mode tcp
  server b1 127.0.0.1:$BACKEND_PORT
CONF
haproxy -f "$WORK/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
PIDS+=($!)

# ours: the reference-cluster module's classes and its test classpath (the bench main lives with the tests)
# one reactor build, so reference-cluster's test dependency on the faults module resolves to faults/target/classes
# (nothing is installed in the local repository); every module writes its own target/bench-cp.txt
mvn -B -q -pl reference-cluster -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
  -Dmdep.includeScope=test >/dev/null
CP="reference-cluster/target/classes:reference-cluster/target/test-classes:$(cat reference-cluster/target/bench-cp.txt)"
read -ra GC <<<"${BALANCER_GC:--XX:+UseParallelGC}"
JAVA_OPTS=(-Xms256m -Xmx256m "${GC[@]}" -Dio.netty.leakDetection.level=disabled -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
read -ra EXTRA <<<"${BALANCER_JAVA_EXTRA:-}"
JAVA_OPTS+=("${EXTRA[@]}")
declare -A PID
PID[haproxy-l7]=${PIDS[-1]}
PID[haproxy-l4]=${PIDS[-1]}
for layer in 7 4; do
  gclog=()
  [ "${ALLOC:-0}" = 1 ] && gclog=("-Xlog:gc:file=$WORK/gc-l$layer.log")
  java "${JAVA_OPTS[@]}" "${gclog[@]}" -cp "$CP" dev.faultline.cluster.balancer.BalancerBenchMain $layer \
    "$( [ $layer = 7 ] && echo $OURS_L7 || echo $OURS_L4 )" $BACKEND_PORT > "$WORK/ours$layer.log" 2>&1 &
  PIDS+=($!)
  PID[faultline-l$layer]=$!
done

for port in $BACKEND_PORT $HAPROXY_L7 $HAPROXY_L4 $OURS_L7 $OURS_L4; do
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.2
  done
  curl -fs -o /dev/null "http://127.0.0.1:$port/" || {
    echo "nothing answers on 127.0.0.1:$port" >&2; tail -n 5 "$WORK"/*.log >&2; exit 3; }
done

# wrk --latency prints p50 and p99 lines such as "     50%  312.00us"; to microseconds
to_us() {
  awk '{ v = $1; u = $1; sub(/[a-z]+$/, "", v); sub(/^[0-9.]+/, "", u);
         if (u == "us") m = 1; else if (u == "ms") m = 1000; else if (u == "s") m = 1000000; else m = 1;
         printf "%.0f", v * m }'
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system time of a process, in clock ticks
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
# bytes allocated between the first and the last collection in a GC log: every heap drop "A->B" starts from what
# the previous one left, so the sum of (A - previous B) is what was allocated in between
gc_allocated() {
  grep -o '[0-9]*M->[0-9]*M' "$1" | tr -d M | awk -F'->' -v from="$2" '
    NR > from { if (seen) total += $1 - last; last = $2; seen = 1 }
    END { printf "%.0f", total * 1048576 }'
}
run() { # name port [pid] -> "rps p50us p99us cpu_us_per_request alloc_bytes_per_request"
  local out pid="${3:-}" cpu0=0 gc0=0
  if [ -n "$pid" ]; then cpu0=$(cpu_ticks "$pid"); fi
  if [ "${ALLOC:-0}" = 1 ] && [ -f "$WORK/gc-$1.log" ]; then
    jcmd "$pid" GC.run >/dev/null; gc0=$(grep -c 'M->' "$WORK/gc-$1.log" || true); gc0=$((gc0 - 1))
  fi
  out="$(wrk -t$THREADS -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$2/")"
  local rps p50 p99 requests cpu=- alloc=-
  rps="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(awk '$1 == "50%" { print $2 }' <<<"$out" | to_us)"
  p99="$(awk '$1 == "99%" { print $2 }' <<<"$out" | to_us)"
  requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
  if [ -n "$pid" ]; then cpu=$(( ($(cpu_ticks "$pid") - cpu0) * TICK_US / requests )); fi
  if [ "${ALLOC:-0}" = 1 ] && [ -f "$WORK/gc-$1.log" ]; then
    jcmd "$pid" GC.run >/dev/null; sleep 0.2
    alloc=$(( $(gc_allocated "$WORK/gc-$1.log" "$gc0") / requests ))
  fi
  echo "$rps $p50 $p99 $cpu $alloc"
}

# warm up the JVMs (JIT) and every path, then measure each in turn
for port in $OURS_L7 $OURS_L4 $HAPROXY_L7 $HAPROXY_L4; do
  wrk -t$THREADS -c"$CONNECTIONS" -d5s "http://127.0.0.1:$port/" >/dev/null
done
# warm-up garbage collected now, not in the middle of a measurement
jcmd "${PID[faultline-l7]}" GC.run >/dev/null
jcmd "${PID[faultline-l4]}" GC.run >/dev/null
read -r direct_rps direct_p50 direct_p99 _ <<<"$(run direct $BACKEND_PORT)"
declare -A RPS P50 P99 CPU ALLOCATED
for name in haproxy-l7 faultline-l7 haproxy-l4 faultline-l4; do
  case $name in
    haproxy-l7) port=$HAPROXY_L7 ;; faultline-l7) port=$OURS_L7 ;;
    haproxy-l4) port=$HAPROXY_L4 ;; faultline-l4) port=$OURS_L4 ;;
  esac
  gcname=${name#faultline-}
  [[ $name == faultline-* ]] || gcname=none
  read -r RPS[$name] P50[$name] P99[$name] CPU[$name] ALLOCATED[$name] <<<"$(run "$gcname" $port "${PID[$name]}")"
done

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency; backend nginx direct: $direct_rps req/s, p50 ${direct_p50}us, p99 ${direct_p99}us"
echo
printf '| %-13s | %8s | %9s | %10s | %10s | %10s | %12s | %12s | %12s | %12s |\n' proxy "req/s" p50 p99 "added p50" "added p99" \
  "req/s vs HAProxy" "p99 vs HAProxy" "CPU/request" "bytes/request"
printf '| %-13s | %8s | %9s | %10s | %10s | %10s | %12s | %12s | %12s | %12s |\n' --- ---: ---: ---: ---: ---: ---: ---: ---: ---:
for layer in l7 l4; do
  h=haproxy-$layer
  for name in $h faultline-$layer; do
    add50=$(( ${P50[$name]} - direct_p50 )); add99=$(( ${P99[$name]} - direct_p99 ))
    ratio_rps=$(awk -v a="${RPS[$name]}" -v b="${RPS[$h]}" 'BEGIN { printf "%.2f", a / b }')
    ratio_p99=$(awk -v a="${P99[$name]}" -v b="${P99[$h]}" 'BEGIN { printf "%.2f", a / b }')
    printf '| %-13s | %8s | %7sus | %8sus | %8sus | %8sus | %12s | %12s | %10sus | %12s |\n' "$name" "${RPS[$name]}" \
      "${P50[$name]}" "${P99[$name]}" "$add50" "$add99" "$ratio_rps" "$ratio_p99" "${CPU[$name]}" "${ALLOCATED[$name]}"
  done
done
echo
echo "added = the proxy's percentile minus the backend's own (direct) percentile in this run; a negative value means"
echo "the machine's noise was larger than the proxy's cost (compare load average: $(cut -d' ' -f1-3 /proc/loadavg))."
echo "CPU/request: the proxy process's user + system time during its run over the requests served (HAProxy's one"
echo "process serves both layers, measured in turn); bytes/request (ALLOC=1): heap allocated by our balancer per request."
