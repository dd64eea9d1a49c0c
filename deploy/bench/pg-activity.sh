#!/usr/bin/env bash
# What PostgreSQL's sessions are doing, sampled: pg_stat_activity every 100 ms (one psql session,
# so the sampler costs little CPU), one line per busy session, until stopped; then a summary.
# pg_stat_statements is not loaded in the embedded PostgreSQL: sampling is how the ingest profile
# (docs/ingest-profile.md) tells which statements and waits take a phase's time.
#   deploy/bench/pg-activity.sh record <port> <file>   sample until Ctrl-C / SIGTERM
#   deploy/bench/pg-activity.sh summary <file> [from-hh:mm:ss] [to-hh:mm:ss]
# A sample counts as 100 ms of one session: "active" is a statement running (its wait event, if
# any: Lock, LWLock, IO, Client), "idle in transaction" is the service working between statements.
set -euo pipefail
case "${1:-}" in
  record)
    PORT=$2 OUT=$3
    # \watch repeats the query; the query text is cut to its first 90 characters, blanks squeezed.
    PGPASSWORD=postgres psql -X -q -h localhost -p "$PORT" -U postgres -d postgres -At -F '|' >"$OUT" <<'SQL'
select to_char(clock_timestamp(), 'HH24:MI:SS.MS'), datname, state,
       coalesce(wait_event_type, '-') || ':' || coalesce(wait_event, '-'),
       left(regexp_replace(query, '\s+', ' ', 'g'), 90)
  from pg_stat_activity
 where backend_type = 'client backend' and pid <> pg_backend_pid()
   and state in ('active', 'idle in transaction') \watch 0.1
SQL
    ;;
  summary)
    FILE=$2 FROM=${3:-00:00:00} TO=${4:-99:99:99}
    awk -F'|' -v from="$FROM" -v to="$TO" '
      substr($1, 1, 8) >= from && substr($1, 1, 8) <= to && NF >= 5 {
        t[$1] = 1
        key = $2 "|" $3 "|" $4 "|" $5
        n[key]++; total++
        db[$2 "|" $3]++
      }
      END {
        ticks = length(t)
        printf "%d sampled instants with a busy session, %d session samples (each ~100 ms)\n", ticks, total
        print "-- per database and state (session-seconds)"
        for (k in db) printf "%8.1f  %s\n", db[k] / 10, k | "sort -rn"
        close("sort -rn")
        print "-- top statements and waits (session-seconds | database | state | wait | query)"
        for (k in n) printf "%8.1f  %s\n", n[k] / 10, k | "sort -rn | head -40"
      }' "$FILE"
    ;;
  *)
    sed -n '2,9p' "$0"; exit 2 ;;
esac
