#!/usr/bin/env bash
# The restore drill of deploy/OPERATIONS.md ("One service's database from a pg_dump, then
# catching up from Kafka"), with a real pg_dump: builds the services, runs RestoreDrillIT on its
# own system (kpi-service: pg_dump -Fc of the running database, more changes, the database
# dropped, pg_restore, consumer groups rewound, sequences re-seated, catch-up from Kafka, the
# account table compared with the run without the disaster) and prints the drill's steps.
#   KAM_PG_BIN=/opt/pg17-client/bin deploy/ops/restore-drill.sh [extra Maven arguments, e.g. -o]
# KAM_PG_BIN is a directory holding pg_dump and pg_restore of PostgreSQL 17, the platform's
# server (the test checks the major version against the server's; OPERATIONS.md says how to get
# such a client). The Maven output goes to a log file, named at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
MAJOR=17

fail() {
  echo "restore-drill: $*" >&2
  exit 2
}
[ -n "${KAM_PG_BIN:-}" ] \
  || fail "needs a PostgreSQL $MAJOR client: set KAM_PG_BIN to the directory holding pg_dump and pg_restore (see deploy/OPERATIONS.md)"
for tool in pg_dump pg_restore; do
  [ -x "$KAM_PG_BIN/$tool" ] || fail "KAM_PG_BIN=$KAM_PG_BIN holds no executable $tool"
  version=$("$KAM_PG_BIN/$tool" --version 2>&1) || fail "$KAM_PG_BIN/$tool --version failed: $version"
  # Checked here too so that a wrong client fails now, not after the build.
  [[ $version =~ \(PostgreSQL\)\ $MAJOR\. ]] \
    || fail "needs a PostgreSQL $MAJOR client: $KAM_PG_BIN/$tool is '$version'"
  echo "$version"
done
export KAM_PG_BIN

LOG=$(mktemp "${TMPDIR:-/tmp}/restore-drill.XXXXXX.log")
OUT=deploy/system-tests/target/failsafe-reports/io.kam.system.RestoreDrillIT-output.txt
rm -f "$OUT"
echo "building and running RestoreDrillIT (several minutes; Maven output in $LOG)"
status=0
./mvnw -B -pl deploy/system-tests -am verify -Dit.test=RestoreDrillIT -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false "$@" >"$LOG" 2>&1 || status=$?

echo
[ -f "$OUT" ] && sed -n 's/^drill: //p' "$OUT"
grep -E 'Tests run: .*RestoreDrillIT' "$LOG" | sed 's/^\[[A-Z]*\] //' || true
if [ "$status" -ne 0 ]; then
  echo
  grep -E '^\[ERROR\]' "$LOG" | head -n 40 || true
  echo "restore-drill: FAILED (exit $status); Maven output in $LOG" >&2
  exit "$status"
fi
echo "restore-drill: passed; Maven output in $LOG"
