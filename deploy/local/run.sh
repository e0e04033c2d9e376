#!/usr/bin/env bash
# Starts Rebound on this machine: a real single-node Kafka broker (from Maven Central jars; no
# Docker, no installed Kafka), the analytics-worker and the reply-service. Ctrl-C stops all three.
#   deploy/local/run.sh           keep the data of the previous run (deploy/local/data/)
#   deploy/local/run.sh --reset   start from empty
# Ports: KAFKA_PORT (9092), REBOUND_GRPC_PORT (9000), REBOUND_WORKER_GRPC_PORT (9100),
#        REBOUND_HTTP_PORT (8080), REBOUND_WORKER_HTTP_PORT (8081).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
data="$root/deploy/local/data"
export KAFKA_PORT=${KAFKA_PORT:-9092}
export REBOUND_GRPC_PORT=${REBOUND_GRPC_PORT:-9000}
export REBOUND_WORKER_GRPC_PORT=${REBOUND_WORKER_GRPC_PORT:-9100}
export REBOUND_HTTP_PORT=${REBOUND_HTTP_PORT:-8080}
export REBOUND_WORKER_HTTP_PORT=${REBOUND_WORKER_HTTP_PORT:-8081}
export KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT"
devkit_cp="$root/deploy/devkit/target/classes:$root/deploy/devkit/target/lib/*"
started_ms=$(( $(date +%s%N) / 1000000 ))

case "${1:-}" in
  --reset) rm -rf "$data" ;;
  "") ;;
  *) echo "usage: $0 [--reset]" >&2; exit 2 ;;
esac
mkdir -p "$data/logs"

if [[ ! -f "$root/reply-service/target/quarkus-app/quarkus-run.jar" \
   || ! -f "$root/analytics-worker/target/quarkus-app/quarkus-run.jar" \
   || ! -d "$root/deploy/devkit/target/lib" ]]; then
  echo "Building (first run only)…"
  (cd "$root" && ./mvnw -q -B install -DskipTests)
fi

pids=()
names=()
start() { # name, command…: runs it in the background, its output in logs/<name>.log
  local name=$1; shift
  "$@" >"$data/logs/$name.log" 2>&1 &
  pids+=($!)
  names+=("$name")
}
stop_all() {
  trap - EXIT INT TERM
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  echo "Rebound stopped."
}
trap stop_all EXIT INT TERM

wait_for() { # name, seconds, command…
  local name=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "$name: a process exited; see $data/logs/" >&2; exit 1; }
    done
    sleep 0.2
  done
  echo "$name did not become ready within ${seconds}s; see $data/logs/" >&2
  exit 1
}

start kafka java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$devkit_cp" \
  dev.rebound.devkit.EmbeddedKafkaBroker "$data/kafka" "$KAFKA_PORT"
wait_for "Kafka" 60 grep -q "Kafka broker ready" "$data/logs/kafka.log"

java -cp "$devkit_cp" dev.rebound.devkit.DevTokens "$data/keys" local-dev 30 >"$data/dev-token"

REBOUND_WORKER_STATE_DIR="$data/worker-state" REBOUND_WORKER_INSTANCE_ID=local-worker-1 \
  start analytics-worker java -jar "$root/analytics-worker/target/quarkus-app/quarkus-run.jar"
REBOUND_JWT_PUBLIC_KEYS="$data/keys/dev-signing-key.pub.pem" REBOUND_GRPC_REFLECTION=true \
  start reply-service java -jar "$root/reply-service/target/quarkus-app/quarkus-run.jar"
streams_running() { curl -sf "http://localhost:$REBOUND_WORKER_HTTP_PORT/q/health" | grep -q '"state": "RUNNING"'; }
wait_for "analytics-worker" 60 streams_running
wait_for "reply-service" 60 curl -sf "http://localhost:$REBOUND_HTTP_PORT/q/health/ready"

ready_ms=$(( $(date +%s%N) / 1000000 - started_ms ))
buf="$root/proto/target/bin/buf"
cat <<MSG

Rebound is ready in $((ready_ms / 1000)).$(printf %03d $((ready_ms % 1000))) s.
  reply-service  gRPC localhost:$REBOUND_GRPC_PORT (plaintext, reflection on)
  worker         gRPC localhost:$REBOUND_WORKER_GRPC_PORT (internal)
  Kafka          $KAFKA_BOOTSTRAP_SERVERS
  logs           $data/logs/
  token          $data/dev-token (tenant "local-dev", valid 30 days)

Try it:
  $buf curl --protocol grpc --http2-prior-knowledge \\
    -H "authorization: Bearer \$(cat $data/dev-token)" \\
    -d '{"user_id":"ada","request_id":"a1","context":{"company":"Acme","role_family":"ROLE_FAMILY_SOFTWARE_ENGINEERING","stage":"INTERVIEW_STAGE_INTERVIEW"},"grades":[{"competency":"COMPETENCY_TECHNICAL_DEPTH","grade":"GRADE_GAP"}]}' \\
    http://localhost:$REBOUND_GRPC_PORT/rebound.v1.ReplyService/SubmitSelfAssessment

Press Ctrl-C to stop.
MSG
# a process that dies (the broker, say) leaves the others running, as in production: they report
# UNAVAILABLE and recover when it is back. Ctrl-C stops everything.
reported=()
while true; do
  alive=()
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[i]}" 2>/dev/null; then
      alive+=("${pids[i]}")
    elif [[ -z "${reported[i]:-}" ]]; then
      reported[i]=1
      echo "${names[i]} exited; see $data/logs/${names[i]}.log. The rest keep running; Ctrl-C stops them." >&2
    fi
  done
  [[ ${#alive[@]} -gt 0 ]] || break
  wait -n "${alive[@]}" 2>/dev/null || true
done
