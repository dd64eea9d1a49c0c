#!/usr/bin/env bash
# Rescoring after a model activation, next to PostgreSQL applying the same formula itself:
#   - N accounts with every scoring input written straight into scoring-service's read model (one
#     set-based INSERT: the benchmark measures rescoring, not the sync; ingest-bench.sh measures
#     the sync and the scoring that follows it);
#   - two activations through the gateway as an admin, each timed until its rescoring job reports
#     DONE: the first scores every account for the first time, the second moves the revenue
#     normalization (most scores change again);
#   - the baseline: ONE SQL UPDATE applying the same weighted formula (score, tiers, model version)
#     over a copy of the score table (LIKE account INCLUDING ALL, the same rows), in the same
#     PostgreSQL. Goal: rescoring within 3 times the UPDATE.
# It starts its own copy of the system (deploy/local/run.sh: the same -Xmx384m per service as the
# local run; separate ports and data) and prints seconds, accounts/s, the ratios and the load average.
#   deploy/bench/scoring-bench.sh [accounts (100000)]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
ACCOUNTS=${1:-100000}

WORK=$(mktemp -d)
export KAM_DATA_DIR=$WORK/data KAM_LOG_DIR=$WORK/logs
export KAM_GATEWAY_PORT=18280 KAM_ACCOUNT_PORT=18281 KAM_SCORING_PORT=18282 KAM_KPI_PORT=18283 KAM_PLANNING_PORT=18284
export KAM_GATEWAY_MANAGEMENT_PORT=19280 KAM_ACCOUNT_MANAGEMENT_PORT=19281 KAM_SCORING_MANAGEMENT_PORT=19282
export KAM_KPI_MANAGEMENT_PORT=19283 KAM_PLANNING_MANAGEMENT_PORT=19284
export KAM_PG_PORT=25632 KAM_KAFKA_PORT=29292 KAM_KAFKA_CONTROLLER_PORT=29293
export KAM_RATE_LIMIT_ADMIN=1000000
RUN_PID=
cleanup() {
  [ -n "$RUN_PID" ] && kill -TERM "$RUN_PID" 2>/dev/null && wait "$RUN_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f deploy/demo/target/kam-demo-1.0.0-SNAPSHOT.jar ] || [ ! -d deploy/demo/target/lib ] \
  || [ -n "$(find deploy/demo/src -newer deploy/demo/target/kam-demo-1.0.0-SNAPSHOT.jar -print -quit)" ]; then
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

java -Xmx1g -cp "deploy/demo/target/kam-demo-1.0.0-SNAPSHOT.jar:deploy/demo/target/lib/*" io.kam.demo.bench.ScoringBench \
  "http://localhost:$KAM_GATEWAY_PORT" "$KAM_DATA_DIR/keys" "$KAM_PG_PORT" "$ACCOUNTS"
