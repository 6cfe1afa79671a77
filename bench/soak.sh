#!/usr/bin/env bash
# Memory soak of the load generator: RATE/s for MINUTES against a tiny nginx response, heap after GC every 30 s.
# Usage: bench/soak.sh [RATE] [MINUTES]   (defaults 1000 and 10). Needs: nginx (apt-get install -y nginx), and
# mvn -B -pl runner -am package -DskipTests && mvn -B -pl runner test-compile  (the jar and the bench classes).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-1000}
MINUTES=${2:-10}
PORT=${PORT:-18080}
DIR=$(mktemp -d)
sed "s|@PORT@|$PORT|; s|@DIR@|$DIR|g" bench/nginx.conf > "$DIR/nginx.conf"
nginx -c "$DIR/nginx.conf" -p "$DIR"
trap 'kill "$(cat "$DIR/nginx.pid")"' EXIT
java -Xmx256m -cp runner/target/faultline.jar:runner/target/test-classes dev.faultline.bench.LoadSoak \
    "http://127.0.0.1:$PORT" "$RATE" "$MINUTES"
