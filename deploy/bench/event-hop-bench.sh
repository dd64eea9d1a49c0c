#!/usr/bin/env bash
# The event hop next to raw Kafka, in one run on one broker:
#   - after a 15 s warm-up at the same rate (not measured), a steady rate of account updates
#     through the gateway as an integration partner (one-item syncs, one
#     kam.account.updated.v1 each, applied by scoring, kpi and planning); the hop,
#     from the outbox row written in account-service's transaction to the event applied and
#     committed by each consumer, is read from the consumers' kam_event_hop_seconds histograms
#     (before and after, quantiles as Prometheus' histogram_quantile computes them);
#   - a side consumer of the same topic splits the hop exactly into the relay's pick-up (outbox
#     insert to send) and Kafka's delivery (send to poll); the rest is the consumers' own;
#   - the baseline: a plain Kafka producer (acks=all, idempotent, each send flushed, as the relay)
#     and consumer on a topic of their own on the same broker, same rate, messages the size of an
#     account event, run beside the updates (same load), then once more alone.
# Prints p50/p99 of each and the ratio of the p99s, hop over raw Kafka beside it (goal: at most
# 3). It starts its own copy of the system (deploy/local/run.sh: separate ports and data) and
# prints the load average.
#   deploy/bench/event-hop-bench.sh [events per second (20)] [seconds (60)]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RATE=${1:-20}
SECONDS_=${2:-60}

WORK=$(mktemp -d)
export KAM_DATA_DIR=$WORK/data KAM_LOG_DIR=$WORK/logs
# KAM_BENCH_PORT_OFFSET (default 0) moves every port, so a second copy can run beside a first.
O=${KAM_BENCH_PORT_OFFSET:-0}
export KAM_GATEWAY_PORT=$((18380 + O)) KAM_ACCOUNT_PORT=$((18381 + O)) KAM_SCORING_PORT=$((18382 + O))
export KAM_KPI_PORT=$((18383 + O)) KAM_PLANNING_PORT=$((18384 + O))
export KAM_GATEWAY_MANAGEMENT_PORT=$((19380 + O)) KAM_ACCOUNT_MANAGEMENT_PORT=$((19381 + O))
export KAM_SCORING_MANAGEMENT_PORT=$((19382 + O)) KAM_KPI_MANAGEMENT_PORT=$((19383 + O)) KAM_PLANNING_MANAGEMENT_PORT=$((19384 + O))
export KAM_PG_PORT=$((25732 + O)) KAM_KAFKA_PORT=$((29392 + O)) KAM_KAFKA_CONTROLLER_PORT=$((29393 + O))
# The partner's key may send as fast as the benchmark asks.
export KAM_RATE_LIMIT_INTEGRATION=1000000 KAM_RATE_LIMIT_ADMIN=1000000
RUN_PID=
cleanup() {
  [ -n "$RUN_PID" ] && kill -TERM "$RUN_PID" 2>/dev/null && wait "$RUN_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f deploy/demo/target/kam-demo-1.0.0-SNAPSHOT.jar ] || [ ! -d deploy/demo/target/lib ] \
  || ! ls deploy/demo/target/lib/kafka-clients-*.jar >/dev/null 2>&1; then
  ./mvnw -B -q -pl deploy/demo -am package -DskipTests
fi
deploy/local/run.sh --no-demo >"$WORK/run.out" 2>&1 &
RUN_PID=$!
for _ in $(seq 1 2400); do # run.sh builds first when a source changed: up to 20 minutes
  grep -q "KAM is running" "$WORK/run.out" 2>/dev/null && break
  kill -0 "$RUN_PID" 2>/dev/null || { cat "$WORK/run.out"; exit 1; }
  sleep 0.5
done
grep -q "KAM is running" "$WORK/run.out" || { tail -20 "$WORK/run.out"; echo "the system did not start"; exit 1; }

MGMT=""
for p in $KAM_SCORING_MANAGEMENT_PORT $KAM_KPI_MANAGEMENT_PORT $KAM_PLANNING_MANAGEMENT_PORT; do
  MGMT="$MGMT${MGMT:+,}http://localhost:$p"
done
java -Xmx512m -cp "deploy/demo/target/kam-demo-1.0.0-SNAPSHOT.jar:deploy/demo/target/lib/*" io.kam.demo.bench.EventHopBench \
  "http://localhost:$KAM_GATEWAY_PORT" "$KAM_DATA_DIR/keys" "localhost:$KAM_KAFKA_PORT" "$MGMT" "$RATE" "$SECONDS_"
