#!/usr/bin/env bash
# Bulk ingest through the gateway as an integration partner, next to PostgreSQL's own
# COPY-and-merge of the same rows, in one run:
#   - account sync of N accounts in batches of 1000: create pass, update pass (every name
#     changed), unchanged pass; and the time from the sync's last reply until every account is
#     scored (its first KPI snapshot went kpi -> scoring);
#   - revenue lines, then survey responses, in batches of 5000 once kpi-service knows every
#     account, each timed until every service's outbox is empty and every consumer caught up;
#   - the baseline: the same rows COPYed into a staging table and merged with
#     INSERT ... ON CONFLICT ... DO UPDATE into a copy of the service's table with the same
#     indexes, one transaction per batch of the same size, in the same PostgreSQL.
# It starts its own copy of the system (deploy/local/run.sh: the same -Xmx384m per service as
# the local run; separate ports and data) and prints rows/s and the ratios with the load average.
#   deploy/bench/ingest-bench.sh [accounts (20000)] [revenue lines (200000)] [survey responses (50000)]
# KAM_JFR_DIR=dir (passed on to run.sh) records a JFR profile of every service, dir/<service>.jfr;
# deploy/bench/pg-activity.sh samples what PostgreSQL's sessions wait on meanwhile (docs/ingest-profile.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
ACCOUNTS=${1:-20000}
REVENUE=${2:-200000}
SURVEYS=${3:-50000}

WORK=$(mktemp -d)
export KAM_DATA_DIR=$WORK/data KAM_LOG_DIR=$WORK/logs
export KAM_GATEWAY_PORT=18180 KAM_ACCOUNT_PORT=18181 KAM_SCORING_PORT=18182 KAM_KPI_PORT=18183 KAM_PLANNING_PORT=18184
export KAM_GATEWAY_MANAGEMENT_PORT=19180 KAM_ACCOUNT_MANAGEMENT_PORT=19181 KAM_SCORING_MANAGEMENT_PORT=19182
export KAM_KPI_MANAGEMENT_PORT=19183 KAM_PLANNING_MANAGEMENT_PORT=19184
export KAM_PG_PORT=25532 KAM_KAFKA_PORT=29192 KAM_KAFKA_CONTROLLER_PORT=29193
# The partner's key may send as fast as the system takes it.
export KAM_RATE_LIMIT_INTEGRATION=1000000 KAM_RATE_LIMIT_ADMIN=1000000
RUN_PID=
cleanup() {
  [ -n "$RUN_PID" ] && kill -TERM "$RUN_PID" 2>/dev/null && wait "$RUN_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f deploy/demo/target/kam-demo-1.0.0-SNAPSHOT.jar ] || [ ! -d deploy/demo/target/lib ]; then
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
for p in $KAM_ACCOUNT_MANAGEMENT_PORT $KAM_SCORING_MANAGEMENT_PORT $KAM_KPI_MANAGEMENT_PORT $KAM_PLANNING_MANAGEMENT_PORT; do
  MGMT="$MGMT${MGMT:+,}http://localhost:$p"
done
java -Xmx1g -cp "deploy/demo/target/kam-demo-1.0.0-SNAPSHOT.jar:deploy/demo/target/lib/*" io.kam.demo.bench.IngestBench \
  "http://localhost:$KAM_GATEWAY_PORT" "$KAM_DATA_DIR/keys" "$KAM_PG_PORT" "$MGMT" "$ACCOUNTS" "$REVENUE" "$SURVEYS"
