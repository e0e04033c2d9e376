#!/usr/bin/env bash
# Measures Rebound against the bare grpc-java transport and bare Kafka on this machine, side by side
# in one run, and prints one table (also written as JSON under target/bench/). Starts everything
# it needs: the grpc-benchmarks AsyncServer baselines, then a Kafka broker, the analytics-worker
# and the reply-service on free ports. Run it alone: it uses both cores.
#   deploy/bench/run.sh [--runs=3] [--stack-warmup=60] [--warmup=5] [--seconds=8] [--rate=2000] [--freshness-samples=200]
#                       [--only=<part of a scenario name>[,…]] [--jfr]   (--jfr: services write flight recordings)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
if [[ ! -f reply-service/target/quarkus-app/quarkus-run.jar || ! -f analytics-worker/target/quarkus-app/quarkus-run.jar \
   || ! -d deploy/bench/target/lib ]]; then
  echo "Building (first run only)…"
  ./mvnw -q -B install -DskipTests
fi
exec java -Xmx1g -cp "deploy/bench/target/classes:deploy/bench/target/lib/*" dev.rebound.bench.Bench --root="$root" "$@"
