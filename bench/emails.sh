#!/usr/bin/env bash
# Email benchmark, run by hand (not in CI): from the commit of a burst of registrations to the last
# verification email accepted by an SMTP server, in the embedded mode and in the Kafka mode (an in-JVM broker).
# Uses the PostgreSQL server of SPRING_DATASOURCE_URL (by default the local one that .ci/run sets up), or the
# embedded one when that is unset. BENCH_EMAILS sets the burst size (default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${BENCH_EMAILS:-1000}
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
for mode in embedded kafka; do
  java -cp "$classpath" org.ums.notification.EmailThroughput "$mode" "$count" 2>&1 | grep -E '^== |Exception' || true
done
