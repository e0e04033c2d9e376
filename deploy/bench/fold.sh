#!/usr/bin/env bash
# The worker's folding benchmark: N users × M self-assessments into a fresh broker, then the plain
# consumer rate, the folding rate of the worker topology (EOS, RocksDB), heap used and freshness.
#   deploy/bench/fold.sh [--users=10000] [--events-per-user=5] [--warmup-users=200000]
# The worker is measured warm and running: it first folds warm-up users × M events, then N × M are written.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
if [[ ! -d deploy/bench/target/lib || ! -f analytics-worker/target/analytics-worker-0.1.0-SNAPSHOT.jar ]]; then
  echo "Building (first run only)…"
  ./mvnw -q -B install -DskipTests
fi
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/bench/target/classes:deploy/bench/target/lib/*" \
  dev.rebound.bench.FoldBench "$@"
