#!/usr/bin/env bash
# Make sure the local PostgreSQL and Redis used by the integration tests are running.
# Safe to run when both already run: it only starts a service that does not answer.
# Prints one line per service; exits non-zero with a clear message when a service is not
# ready within ENSURE_SERVICES_TIMEOUT seconds (default 30).
set -euo pipefail

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"
TIMEOUT="${ENSURE_SERVICES_TIMEOUT:-30}"

fail() {
  echo "ensure-services: $*" >&2
  exit 1
}

# pg_isready exit codes: 0 accepting, 1 rejecting (e.g. starting up), 2 no response, 3 bad arguments.
pg_state() {
  local rc=0
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2 || rc=$?
  echo "$rc"
}

redis_ready() {
  [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null || true)" == "PONG" ]]
}

# wait_for <command…>: poll once per second until the command succeeds or TIMEOUT passes.
wait_for() {
  local deadline=$((SECONDS + TIMEOUT))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 1
  done
}

pg_accepting() { [[ "$(pg_state)" == "0" ]]; }

# --- PostgreSQL -------------------------------------------------------------------------------
command -v pg_isready >/dev/null || fail "pg_isready not found (install postgresql-client)"
pg_action="already running"
if [[ "$(pg_state)" == "2" ]]; then
  command -v pg_ctlcluster >/dev/null || fail "PostgreSQL is not reachable at ${PG_HOST}:${PG_PORT} and pg_ctlcluster is not installed"
  # Last (highest) cluster directory, e.g. /etc/postgresql/15/main.
  pg_version=""
  for dir in /etc/postgresql/*/main; do
    [[ -d "$dir" ]] && pg_version="$(basename "$(dirname "$dir")")"
  done
  [[ -n "$pg_version" ]] || fail "PostgreSQL is not reachable at ${PG_HOST}:${PG_PORT} and no cluster exists under /etc/postgresql"
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start ||
    fail "pg_ctlcluster ${pg_version} main start failed (see /var/log/postgresql/postgresql-${pg_version}-main.log)"
  pg_action="started (cluster ${pg_version}/main)"
fi
wait_for pg_accepting ||
  fail "PostgreSQL at ${PG_HOST}:${PG_PORT} not accepting connections after ${TIMEOUT}s (pg_isready: $(pg_isready -h "$PG_HOST" -p "$PG_PORT" 2>&1 || true))"
echo "postgresql ${PG_HOST}:${PG_PORT}: ready, ${pg_action}"

# --- Redis ------------------------------------------------------------------------------------
command -v redis-cli >/dev/null || fail "redis-cli not found (install redis-tools)"
redis_action="already running"
if ! redis_ready; then
  # A Redis that answers with something other than PONG (e.g. LOADING) is running: only wait for it.
  if ! redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    command -v redis-server >/dev/null || fail "Redis is not reachable at ${REDIS_HOST}:${REDIS_PORT} and redis-server is not installed"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log ||
      fail "redis-server failed to start (see /var/log/redis/ci.log)"
    redis_action="started"
  fi
fi
wait_for redis_ready ||
  fail "Redis at ${REDIS_HOST}:${REDIS_PORT} did not answer PONG after ${TIMEOUT}s (see /var/log/redis/ci.log)"
echo "redis ${REDIS_HOST}:${REDIS_PORT}: ready, ${redis_action}"
