#!/usr/bin/env bash
# One command for the whole system on this machine, no Docker: builds what changed, starts the
# platform (real PostgreSQL + Kafka) and the five services as separate processes, waits until
# all are ready, prints where to go, and stops everything on Ctrl-C.
#   deploy/local/run.sh            start (loads the demo portfolio on first start)
#   deploy/local/run.sh --no-demo  start without loading the demo portfolio
# Settings (environment): KAM_DATA_DIR, KAM_LOG_DIR, KAM_GATEWAY_PORT (8080), KAM_ACCOUNT_PORT
# (8081), KAM_SCORING_PORT (8082), KAM_KPI_PORT (8083), KAM_PLANNING_PORT (8084), their management
# ports for /q/health and /q/metrics KAM_GATEWAY_MANAGEMENT_PORT (9080), KAM_ACCOUNT_MANAGEMENT_PORT
# (9081), KAM_SCORING_MANAGEMENT_PORT (9082), KAM_KPI_MANAGEMENT_PORT (9083),
# KAM_PLANNING_MANAGEMENT_PORT (9084), KAM_PG_PORT (15432), KAM_KAFKA_PORT (19092),
# KAM_KAFKA_CONTROLLER_PORT (19093), KAM_CLOCK_FIXED.
# KAM_JFR_DIR (opt-in): every service and the gateway record a JFR profile, <service>.jfr there.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
DEMO=1
for arg in "$@"; do
  case "$arg" in
    --no-demo) DEMO=0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

export KAM_DATA_DIR=${KAM_DATA_DIR:-$ROOT/.kam/data}
LOGS=${KAM_LOG_DIR:-$ROOT/.kam/logs}
mkdir -p "$KAM_DATA_DIR" "$LOGS"
declare -A PORTS=(
  [gateway]=${KAM_GATEWAY_PORT:-8080} [account]=${KAM_ACCOUNT_PORT:-8081}
  [scoring]=${KAM_SCORING_PORT:-8082} [kpi]=${KAM_KPI_PORT:-8083} [planning]=${KAM_PLANNING_PORT:-8084})
# Health and metrics: each process's management port, never its public one.
declare -A MGMT_PORTS=(
  [gateway]=${KAM_GATEWAY_MANAGEMENT_PORT:-9080} [account]=${KAM_ACCOUNT_MANAGEMENT_PORT:-9081}
  [scoring]=${KAM_SCORING_MANAGEMENT_PORT:-9082} [kpi]=${KAM_KPI_MANAGEMENT_PORT:-9083}
  [planning]=${KAM_PLANNING_MANAGEMENT_PORT:-9084})
SERVICES=(account scoring kpi planning gateway)
export KAM_PG_PORT=${KAM_PG_PORT:-15432} KAM_KAFKA_PORT=${KAM_KAFKA_PORT:-19092}
export KAM_KAFKA_CONTROLLER_PORT=${KAM_KAFKA_CONTROLLER_PORT:-19093}

fail() { echo "error: $*" >&2; exit 1; }

# --- Java 17 or newer -------------------------------------------------------------------------
command -v java >/dev/null || fail "java not found: install JDK 17 or newer"
JAVA_MAJOR=$(java -version 2>&1 | head -n1 | sed -E 's/.*version "([0-9]+).*/\1/')
[ "${JAVA_MAJOR:-0}" -ge 17 ] 2>/dev/null || fail "Java $JAVA_MAJOR is too old: JDK 17 or newer is needed"

# --- no orphan postgres from a run that was killed hard ----------------------------------------
PIDFILE="$KAM_DATA_DIR/postgres/postmaster.pid"
if [ -f "$PIDFILE" ]; then
  OLD=$(head -n1 "$PIDFILE")
  if [ -n "$OLD" ] && kill -0 "$OLD" 2>/dev/null; then
    echo "stopping a PostgreSQL left over from an earlier run (pid $OLD)"
    kill -INT "$OLD" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$OLD" 2>/dev/null || break; sleep 0.5; done
  fi
fi

# --- ports must be free -----------------------------------------------------------------------
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "${PORTS[@]}" "${MGMT_PORTS[@]}" "$KAM_PG_PORT" "$KAM_KAFKA_PORT" "$KAM_KAFKA_CONTROLLER_PORT"; do
  in_use "$p" && fail "port $p is already in use: stop what holds it or choose another port (see --help)"
done

# --- build only when something changed --------------------------------------------------------
STAMP="$ROOT/.kam/build.stamp"
needs_build() {
  [ -f "$STAMP" ] || return 0
  for s in "${SERVICES[@]}"; do
    dir="$s-service"; [ "$s" = gateway ] && dir=gateway
    [ -f "$dir/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -n "$(find pom.xml chassis deploy/platform deploy/demo account-service scoring-service kpi-service \
      planning-service gateway -newer "$STAMP" -type f -not -path '*/target/*' 2>/dev/null | head -n1)" ]
}
if needs_build; then
  echo "building (./mvnw package, tests skipped; './mvnw verify' runs them)..."
  ./mvnw -B -q package -DskipTests -DskipITs || fail "build failed"
  mkdir -p "$(dirname "$STAMP")" && touch "$STAMP"
else
  echo "build is up to date"
fi

# --- start and stop ---------------------------------------------------------------------------
PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "stopping..."
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill -TERM "${PIDS[i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped"
}
trap stop_all INT TERM EXIT

rm -f "$KAM_DATA_DIR/platform.env"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "deploy/platform/target/kam-platform-1.0.0-SNAPSHOT.jar:deploy/platform/target/lib/*" \
  io.kam.platform.PlatformLauncher >"$LOGS/platform.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  [ -f "$KAM_DATA_DIR/platform.env" ] && break
  kill -0 "${PIDS[0]}" 2>/dev/null || fail "the platform did not start; see $LOGS/platform.log"
  sleep 0.5
done
[ -f "$KAM_DATA_DIR/platform.env" ] || fail "the platform did not become ready; see $LOGS/platform.log"
set -a; . "$KAM_DATA_DIR/platform.env"; set +a
echo "platform ready (PostgreSQL :$KAM_PG_PORT, Kafka $KAFKA_BOOTSTRAP_SERVERS)"

export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
# The jars run the prod profile, which refuses development defaults (generated keys, the
# platform's postgres login, the built-in cursor secret) unless this says it is a local run.
export KAM_ALLOW_DEV_DEFAULTS=true
export KAM_ACCOUNT_URL="http://localhost:${PORTS[account]}" KAM_SCORING_URL="http://localhost:${PORTS[scoring]}"
export KAM_KPI_URL="http://localhost:${PORTS[kpi]}" KAM_PLANNING_URL="http://localhost:${PORTS[planning]}"
export KAM_ACCOUNT_MANAGEMENT_URL="http://localhost:${MGMT_PORTS[account]}"
export KAM_SCORING_MANAGEMENT_URL="http://localhost:${MGMT_PORTS[scoring]}"
export KAM_KPI_MANAGEMENT_URL="http://localhost:${MGMT_PORTS[kpi]}"
export KAM_PLANNING_MANAGEMENT_URL="http://localhost:${MGMT_PORTS[planning]}"
JFR_DIR=""
if [ -n "${KAM_JFR_DIR:-}" ]; then
  mkdir -p "$KAM_JFR_DIR" && JFR_DIR=$(cd "$KAM_JFR_DIR" && pwd)
fi
for s in "${SERVICES[@]}"; do
  dir="$s-service"; [ "$s" = gateway ] && dir=gateway
  JFR=()
  [ -n "$JFR_DIR" ] && JFR=("-XX:StartFlightRecording=settings=profile,filename=$JFR_DIR/$s.jfr,dumponexit=true")
  KAM_HTTP_PORT=${PORTS[$s]} KAM_MANAGEMENT_PORT=${MGMT_PORTS[$s]} KAM_DB_URL="jdbc:postgresql://localhost:$KAM_PG_PORT/$s" \
    java -Xmx384m "${JFR[@]}" -jar "$dir/target/quarkus-app/quarkus-run.jar" >"$LOGS/$s.log" 2>&1 &
  PIDS+=($!)
done

for s in "${SERVICES[@]}"; do
  ok=0
  for _ in $(seq 1 240); do
    if curl -sf "http://localhost:${MGMT_PORTS[$s]}/q/health/ready" >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.5
  done
  [ $ok = 1 ] || fail "$s did not become ready; see $LOGS/$s.log"
  echo "  $s ready on :${PORTS[$s]} (health and metrics on :${MGMT_PORTS[$s]})"
done

GW="http://localhost:${PORTS[gateway]}"
if [ $DEMO = 1 ] && [ -x deploy/demo/load.sh ] && [ ! -f "$KAM_DATA_DIR/demo.loaded" ]; then
  deploy/demo/load.sh "$GW" && touch "$KAM_DATA_DIR/demo.loaded"
fi

cat <<MSG

KAM is running.
  gateway     $GW
  Swagger UI  $GW/q/swagger-ui
  OpenAPI     $GW/q/openapi
  logs        $LOGS
Tokens for the demo users (paste into your shell):
MSG
java -cp "deploy/platform/target/kam-platform-1.0.0-SNAPSHOT.jar:deploy/platform/target/lib/*" \
  io.kam.platform.DemoTokens "$KAM_DATA_DIR/keys" | sed 's/^/  /'
echo
echo "Try: curl -H \"Authorization: Bearer \$KAM_ANNA_TOKEN\" $GW/api/v1/me"
echo "Press Ctrl-C to stop."
wait "${PIDS[0]}"
