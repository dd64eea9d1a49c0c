#!/usr/bin/env bash
# Lints the ONE OpenAPI document the gateway serves with Spectral's OpenAPI ruleset.
#   deploy/openapi/lint.sh                       # fetches http://localhost:8080/q/openapi (local run)
#   deploy/openapi/lint.sh <url-or-file>         # e.g. deploy/system-tests/target/openapi.json
# Exits non-zero when Spectral reports an error; prints the warning count.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SOURCE=${1:-http://localhost:8080/q/openapi}
DOC=$(mktemp --suffix=.json)
trap 'rm -f "$DOC"' EXIT
if [[ "$SOURCE" == http* ]]; then
  curl -sf -H 'Accept: application/json' "$SOURCE" -o "$DOC" || { echo "cannot fetch $SOURCE" >&2; exit 2; }
else
  cp "$SOURCE" "$DOC"
fi
if [ ! -x "$HERE/node_modules/.bin/spectral" ]; then
  (cd "$HERE" && npm install --no-audit --no-fund --silent >/dev/null)
fi
set +e
"$HERE/node_modules/.bin/spectral" lint "$DOC" --ruleset "$HERE/.spectral.yaml" --format text --fail-severity error > "$DOC.out"
status=$?
set -e
cat "$DOC.out"
errors=$(grep -c ' error ' "$DOC.out" || true)
warnings=$(grep -c ' warning ' "$DOC.out" || true)
echo "spectral: $errors errors, $warnings warnings"
rm -f "$DOC.out"
exit $status
