#!/usr/bin/env bash
# Interleaved A/B of GET /users/{user_id} between two jars (e.g. before and after a change), each on a fresh
# database on the local PostgreSQL, 40 s warm-up, 30 s measured at 16 connections, ROUNDS times (default 3).
# Interleaving is what makes a comparison on this machine possible: its speed drifts by several per cent within
# minutes. Run by hand: bash bench/ab-user-reads.sh /tmp/old/target/ums.jar target/ums.jar
set -u
old_jar=$1
new_jar=$2
rounds=${ROUNDS:-3}
export PGPASSWORD=${SPRING_DATASOURCE_PASSWORD:-ums}
pg_user=${SPRING_DATASOURCE_USERNAME:-ums}
here=$(cd "$(dirname "$0")" && pwd)
run() {
  local label=$1 jar=$2
  psql -q -h localhost -U "$pg_user" -d postgres -c "drop database if exists ums_ab with (force)" \
    -c "create database ums_ab" 2>/dev/null
  SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/ums_ab SPRING_DATASOURCE_USERNAME=$pg_user \
  SPRING_DATASOURCE_PASSWORD=$PGPASSWORD UMS_BOOTSTRAP_ADMIN_EMAIL=bench-admin@example.com \
  UMS_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password UMS_MAIL_LOG_ONLY=true java -jar "$jar" --server.port=18082 > "/tmp/ab-$label.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 90); do curl -sf localhost:18082/actuator/health/readiness >/dev/null && break; sleep 1; done
  local token=""
  for _ in $(seq 1 30); do
    token=$(curl -s -X POST localhost:18082/login/ -d "username=bench-admin@example.com&password=bench-admin-password" \
      | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
    [ -n "$token" ] && break
    sleep 1
  done
  export BENCH_TOKEN=$token
  BENCH_USER_ID=$(curl -s localhost:18082/users/me -H "Authorization: Bearer $token" | sed 's/^{"id":"\([^"]*\)".*/\1/')
  export BENCH_USER_ID
  wrk -t2 -c16 -d40s -s "$here/get-user.lua" http://localhost:18082 >/dev/null
  # CPU time of the service per request as well: the machine's speed drifts by tens of per cent between runs,
  # which moves requests per second far more than it moves the work each request costs.
  local ticks_before ticks_after result requests
  ticks_before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  result=$(wrk -t2 -c16 -d30s --latency -s "$here/get-user.lua" http://localhost:18082)
  ticks_after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  requests=$(echo "$result" | awk '/requests in/ {print $1}')
  echo "$label $(echo "$result" | grep -E 'Requests/sec|50%' | tr -s ' ' | tr '\n' ' ')" \
    "cpu_us_per_request: $(( (ticks_after - ticks_before) * 1000000 / $(getconf CLK_TCK) / requests ))"
  kill "$pid"
  wait "$pid" 2>/dev/null
}
for _ in $(seq 1 "$rounds"); do
  run old "$old_jar"
  run new "$new_jar"
done
