#!/usr/bin/env bash
# Measures GET /api/v1/accounts/{id} three ways in one run, with wrk (Debian package):
#   1. through the gateway (auth on: a user JWT validated, the internal credential minted/cached),
#   2. directly against account-service (with the gateway's credential),
#   3. through an nginx reverse proxy with keep-alive upstream connections to the same service.
# It starts its own copy of the system (deploy/local/run.sh, separate ports and data) with rate
# limits lifted for the benchmark client, and prints gateway/direct and gateway/nginx.
# All three are measured warm: freshly started JVMs run interpreted/C1 code for their first tens of
# seconds (longer on a busy 2-core machine), and a cold gateway measured first next to an
# account-service it has itself just warmed would compare start-up, not proxying. Each line also
# shows the CPU time per request of the gateway and account-service (steadier than req/s when other
# work shares the machine) and the load average at the start.
#   deploy/bench/gateway-bench.sh [duration-seconds (15)] [connections (32)] [warm-up-seconds (60)]
# KAM_BENCH_JFR=/path/gateway.jfr records a JFR profile of the gateway during the second half of its warm-up.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
DURATION=${1:-15}
CONNECTIONS=${2:-32}
WARMUP=${3:-60}
for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing $tool (Debian package)..."
    apt-get install -y -qq wrk nginx-light >/dev/null || { echo "install wrk and nginx-light first" >&2; exit 2; }
  fi
done

WORK=$(mktemp -d)
export KAM_DATA_DIR=$WORK/data KAM_LOG_DIR=$WORK/logs
# KAM_BENCH_PORT_OFFSET (default 0) moves every port, so a second copy can run beside a first.
O=${KAM_BENCH_PORT_OFFSET:-0}
export KAM_GATEWAY_PORT=$((18080 + O)) KAM_ACCOUNT_PORT=$((18081 + O)) KAM_SCORING_PORT=$((18082 + O))
export KAM_KPI_PORT=$((18083 + O)) KAM_PLANNING_PORT=$((18084 + O))
export KAM_GATEWAY_MANAGEMENT_PORT=$((19080 + O)) KAM_ACCOUNT_MANAGEMENT_PORT=$((19081 + O))
export KAM_SCORING_MANAGEMENT_PORT=$((19082 + O)) KAM_KPI_MANAGEMENT_PORT=$((19083 + O)) KAM_PLANNING_MANAGEMENT_PORT=$((19084 + O))
export KAM_PG_PORT=$((25432 + O)) KAM_KAFKA_PORT=$((29092 + O)) KAM_KAFKA_CONTROLLER_PORT=$((29093 + O))
export KAM_RATE_LIMIT_ADMIN=1000000
NGINX_PORT=$((18090 + O))
RUN_PID=
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "$RUN_PID" ] && kill -TERM "$RUN_PID" 2>/dev/null && wait "$RUN_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

deploy/local/run.sh --no-demo >"$WORK/run.out" 2>&1 &
RUN_PID=$!
for _ in $(seq 1 600); do
  grep -q "KAM is running" "$WORK/run.out" 2>/dev/null && break
  kill -0 "$RUN_PID" 2>/dev/null || { cat "$WORK/run.out"; exit 1; }
  sleep 0.5
done
grep -q "KAM is running" "$WORK/run.out" || { echo "the system did not start"; exit 1; }

eval "$(java -cp "deploy/platform/target/kam-platform-1.0.0-SNAPSHOT.jar:deploy/platform/target/lib/*" \
  io.kam.platform.BenchTokens "$KAM_DATA_DIR/keys")"
GW=http://localhost:$KAM_GATEWAY_PORT
ID=$(curl -sf -H "Authorization: Bearer $CLIENT_TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Bench Account","ownerId":"bench","country":"DE"}' "$GW/api/v1/accounts" | sed -E 's/.*"id":"([^"]+)".*/\1/')

cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream account { server 127.0.0.1:$KAM_ACCOUNT_PORT; keepalive 64; }
  server {
    listen $NGINX_PORT;
    location / {
      proxy_pass http://account;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"

pid_on() { ss -ltnpH "sport = :$1" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -n1; }
GW_PID=$(pid_on "$KAM_GATEWAY_PORT"); ACCOUNT_PID=$(pid_on "$KAM_ACCOUNT_PORT")
cpu_ticks() { [ -n "$1" ] && awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
nginx_ticks() { # the master and its workers
  local master t=0; master=$(cat "$WORK/nginx.pid")
  for p in $master $(pgrep -P "$master"); do t=$((t + $(cpu_ticks "$p"))); done
  echo "$t"
}
measure() { # name url token
  load=$(cut -d' ' -f1 /proc/loadavg); g0=$(cpu_ticks "$GW_PID"); a0=$(cpu_ticks "$ACCOUNT_PID"); x0=$(nginx_ticks)
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $3" "$2" >"$WORK/$1.txt"
  g1=$(cpu_ticks "$GW_PID"); a1=$(cpu_ticks "$ACCOUNT_PID"); x1=$(nginx_ticks)
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$1.txt"); p99=$(awk '$1=="99%" {print $2}' "$WORK/$1.txt")
  n=$(awk '/requests in/ {print $1}' "$WORK/$1.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/$1.txt")
  cpu=$(awk -v g=$((g1 - g0)) -v a=$((a1 - a0)) -v x=$((x1 - x0)) -v n="$n" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "cpu/req gateway %.3f ms, nginx %.3f ms, account %.3f ms", g * 1000 / hz / n, x * 1000 / hz / n, a * 1000 / hz / n }')
  printf "%-8s %10s req/s   p50 %8s   p99 %8s   non-2xx %s   %s   load %s\n" \
    "$1" "$rps" "$p50" "$p99" "${non2xx:-0}" "$cpu" "$load"
  eval "RPS_$1=$rps"
  eval "P99_$1=$(to_ms "$p99")"
}
to_ms() { # a wrk latency (e.g. 850.00us, 4.41ms, 1.02s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; print n }'
}
warm() { # url token seconds
  wrk -t2 -c"$CONNECTIONS" -d"$3s" -H "Authorization: Bearer $2" "$1" >/dev/null
}
echo "GET /api/v1/accounts/$ID, ${DURATION}s, $CONNECTIONS connections, 2 wrk threads (warm-up ${WARMUP}s first)"
if [ -n "${KAM_BENCH_JFR:-}" ]; then
  # Profile the gateway during its warm-up (never while it is measured): KAM_BENCH_JFR=/path/gateway.jfr,
  # then e.g. jfr print --events jdk.ExecutionSample /path/gateway.jfr
  warm "$GW/api/v1/accounts/$ID" "$CLIENT_TOKEN" $((WARMUP / 2))
  jcmd "$GW_PID" JFR.start name=bench settings=profile >/dev/null
  warm "$GW/api/v1/accounts/$ID" "$CLIENT_TOKEN" $((WARMUP / 2))
  jcmd "$GW_PID" JFR.stop name=bench filename="$KAM_BENCH_JFR" >/dev/null
else
  warm "$GW/api/v1/accounts/$ID" "$CLIENT_TOKEN" "$WARMUP"
fi
warm "http://localhost:$KAM_ACCOUNT_PORT/api/v1/accounts/$ID" "$INTERNAL_TOKEN" 5
warm "http://localhost:$NGINX_PORT/api/v1/accounts/$ID" "$INTERNAL_TOKEN" 5
measure gateway "$GW/api/v1/accounts/$ID" "$CLIENT_TOKEN"
measure direct "http://localhost:$KAM_ACCOUNT_PORT/api/v1/accounts/$ID" "$INTERNAL_TOKEN"
measure nginx "http://localhost:$NGINX_PORT/api/v1/accounts/$ID" "$INTERNAL_TOKEN"
awk -v g="$RPS_gateway" -v d="$RPS_direct" -v n="$RPS_nginx" -v gp="$P99_gateway" -v np="$P99_nginx" \
  'BEGIN { printf "req/s: gateway/direct = %.2f   gateway/nginx = %.2f (goal >= 0.9)   p99: gateway/nginx = %.2f (goal <= 1.5)\n", g/d, g/n, gp/np }'
