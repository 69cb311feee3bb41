#!/usr/bin/env bash
# Login and user-read benchmark, run by hand (not in CI). Needs wrk (Debian package) and a PostgreSQL server:
# SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD, by default the local one that .ci/run sets up.
# BENCH_DURATION (seconds per measurement, default 30); BENCH_JFR=1 also records a flight recording of the
# user-read run and prints the hottest frames.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${BENCH_DURATION:-30}
port=18080
export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://localhost:5432/ums}
export SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-ums}
export SPRING_DATASOURCE_PASSWORD=${SPRING_DATASOURCE_PASSWORD:-ums}
export BENCH_EMAIL=bench-admin@example.com BENCH_PASSWORD=bench-admin-password
# One client logs in as one account far more often than the rate limits allow.
export UMS_RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE=0 UMS_RATE_LIMIT_PER_IP_PER_MINUTE=0
# No mail host here: emails are only noted in the log.
export UMS_MAIL_LOG_ONLY=true
export UMS_BOOTSTRAP_ADMIN_EMAIL=$BENCH_EMAIL UMS_BOOTSTRAP_ADMIN_PASSWORD=$BENCH_PASSWORD

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

echo "== what the signing algorithm costs on each side"
java -cp "$classpath" org.ums.authentication.SigningCost

jfr_option=()
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jfr_option=(-XX:StartFlightRecording=filename=target/bench.jfr,settings=profile,delay=165s,duration=${duration}s)
fi
java "${jfr_option[@]}" -jar target/ums.jar --server.port=$port > target/bench-ums.log 2>&1 &
ums=$!
trap 'kill $ums 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf localhost:$port/actuator/health/readiness >/dev/null && break
  sleep 1
done

echo "== POST /login/, 4 connections, ${duration}s (after a 60 s warm-up: the JIT finishes start-up's backlog first)"
wrk -t2 -c4 -d60s -s bench/login.lua http://localhost:$port/login/ >/dev/null
# This machine's speed drifts from minute to minute: the raw rate of the same encoder is measured just
# before and just after the logins (the service idle meanwhile), and the ratio uses their mean.
raw_rate() {
  local line
  line=$(java -cp "$classpath" org.ums.account.PasswordHashRate 4 "$duration")
  echo "$line" >&2
  echo "$line" | sed 's/.*= \([0-9.]*\) per second/\1/'
}
echo "-- raw password-hash rate of the service's encoder, 4 threads, before"
before=$(raw_rate)
login_report=$(wrk -t2 -c4 -d"${duration}s" --latency -s bench/login.lua http://localhost:$port/login/)
echo "$login_report"
logins=$(echo "$login_report" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')
echo "-- raw password-hash rate of the service's encoder, 4 threads, after"
after=$(raw_rate)
awk -v l="$logins" -v b="$before" -v a="$after" \
  'BEGIN { m = (b + a) / 2; printf "== logins/s %.1f / mean raw hash rate %.1f = %.2f\n", l, m, l / m }'

token=$(curl -s -X POST localhost:$port/login/ -d "username=$BENCH_EMAIL&password=$BENCH_PASSWORD" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
export BENCH_TOKEN=$token
export BENCH_USER_ID=$(curl -s localhost:$port/users/me -H "Authorization: Bearer $token" \
  | sed 's/^{"id":"\([^"]*\)".*/\1/')
echo "== GET /users/{user_id} with a valid token, 16 connections, ${duration}s (after a 60 s warm-up)"
wrk -t2 -c16 -d60s -s bench/get-user.lua http://localhost:$port >/dev/null
wrk -t2 -c16 -d"${duration}s" --latency -s bench/get-user.lua http://localhost:$port

if [ "${BENCH_JFR:-0}" = 1 ]; then
  sleep 2
  jfr print --events jdk.ExecutionSample target/bench.jfr > target/bench-samples.txt || true
  echo "== hottest top frames of the user-read run (JFR execution samples)"
  grep -A1 'stackTrace = \[' target/bench-samples.txt | grep -v -E 'stackTrace|^--' \
    | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -25
fi
