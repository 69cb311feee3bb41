#!/usr/bin/env bash
# Refresh-token grants per second at concurrency 8 (issue 7), run by hand (not in CI). Needs wrk (Debian package)
# and a PostgreSQL server: SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD, by default the local one that .ci/run sets
# up. BENCH_DURATION (seconds measured, default 30); BENCH_JAVA (the JVM that runs the service, default java);
# BENCH_ALGORITHM (UMS_JWT_ALGORITHM of the key that signs, default the service's default). Each of the 8
# connections rotates its own refresh tokens: every answer spends one token and brings the next.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${BENCH_DURATION:-30}
java_bin=${BENCH_JAVA:-java}
port=18081
export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://localhost:5432/ums}
export SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-ums}
export SPRING_DATASOURCE_PASSWORD=${SPRING_DATASOURCE_PASSWORD:-ums}
export UMS_RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE=0 UMS_RATE_LIMIT_PER_IP_PER_MINUTE=0
# No mail host here: emails are only noted in the log.
export UMS_MAIL_LOG_ONLY=true
export UMS_BOOTSTRAP_ADMIN_EMAIL=bench-admin@example.com UMS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password
if [ -n "${BENCH_ALGORITHM:-}" ]; then export UMS_JWT_ALGORITHM=$BENCH_ALGORITHM; fi

[ -f target/ums.jar ] && [ "${BENCH_REBUILD:-1}" = 0 ] || ./mvnw -q -B -DskipTests package
echo "== machine: $(nproc) cores, service on $("$java_bin" -version 2>&1 | head -1)"
"$java_bin" -jar target/ums.jar --server.port=$port > target/bench-refresh.log 2>&1 &
ums=$!
trap 'kill $ums 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
  curl -sf localhost:$port/actuator/health/readiness >/dev/null && break
  sleep 1
done
curl -sf localhost:$port/actuator/health/readiness >/dev/null || { echo "the service did not start: target/bench-refresh.log"; exit 1; }
if [ -n "${BENCH_ALGORITHM:-}" ]; then
  # The stored key may be of another algorithm: a new one of the asked algorithm signs from now on.
  "$java_bin" -jar target/ums.jar admin rotate-signing-key
  # The running service reads the keys again within a minute.
  sleep 65
fi

logins() {
  : > target/bench-refresh-tokens.txt
  for _ in $(seq 1 32); do
    printf '%s\n' "$(curl -s -X POST localhost:$port/login/ \
      -d "username=$UMS_BOOTSTRAP_ADMIN_EMAIL&password=$UMS_BOOTSTRAP_ADMIN_PASSWORD" \
      | sed 's/.*"refresh_token":"\([^"]*\)".*/\1/')" >> target/bench-refresh-tokens.txt
  done
}
export BENCH_TOKENS=target/bench-refresh-tokens.txt BENCH_THREADS=2
echo "== POST /token/refresh, 8 connections, 60 s warm-up"
logins
wrk -t2 -c8 -d60s -s bench/refresh.lua http://localhost:$port >/dev/null
echo "== POST /token/refresh, 8 connections, ${duration}s"
logins
curl -s localhost:$port/.well-known/jwks.json | grep -o '"alg":"[A-Z0-9]*"' | sort | uniq -c
wrk -t2 -c8 -d"${duration}s" --latency -s bench/refresh.lua http://localhost:$port
# Every grant must have been a 200: a refused one would have shown a "Non-2xx" line above.
