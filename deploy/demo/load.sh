#!/usr/bin/env bash
# Loads the demo portfolio through the gateway's public API (deploy/local/run.sh calls it on
# first start). Builds the loader when its jar is missing.
#   deploy/demo/load.sh <gatewayUrl> [DemoLoader options, e.g. --now 2026-10-01 --skip-contacts]
# Settings (environment): KAM_DATA_DIR (.kam/data; keys in $KAM_DATA_DIR/keys),
# KAM_DEMO_ACCOUNTS (200), KAM_DEMO_SEED (42), KAM_DEMO_JAVA_OPTS (-Xmx1g).
set -euo pipefail

if [ $# -lt 1 ] || [ "$1" = -h ] || [ "$1" = --help ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  [ $# -lt 1 ] && exit 2 || exit 0
fi
GW=$1; shift

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${KAM_DATA_DIR:-.kam/data}
case "$DATA" in /*) ;; *) DATA="$ROOT/$DATA" ;; esac
JAR="$ROOT/deploy/demo/target/kam-demo-1.0.0-SNAPSHOT.jar"

if [ ! -f "$JAR" ] || [ ! -d "$ROOT/deploy/demo/target/lib" ]; then
  echo "building the demo loader..."
  (cd "$ROOT" && ./mvnw -B -q -pl deploy/demo package -DskipTests) || { echo "cannot build deploy/demo" >&2; exit 1; }
fi

echo "loading the demo portfolio into $GW ..."
# shellcheck disable=SC2086
exec java ${KAM_DEMO_JAVA_OPTS:--Xmx1g} -cp "$JAR:$ROOT/deploy/demo/target/lib/*" io.kam.demo.DemoLoader \
  "$GW" "$DATA/keys" --accounts "${KAM_DEMO_ACCOUNTS:-200}" --seed "${KAM_DEMO_SEED:-42}" "$@"
