#!/usr/bin/env bash
# Loads N generated users (default 1,000,000) into the database of SPRING_DATASOURCE_URL (by default the local
# one that .ci/run sets up), after Flyway has created the schema there (start UMS once against it, or run
# ./mvnw verify). For the directory benchmarks of issue 5; run by hand. BENCH_USERS sets N, BENCH_FIRST the
# first sequence number (to add to a loaded table).
set -euo pipefail
cd "$(dirname "$0")/.."
url=${SPRING_DATASOURCE_URL:-jdbc:postgresql://localhost:5432/ums}
user=${SPRING_DATASOURCE_USERNAME:-ums}
password=${SPRING_DATASOURCE_PASSWORD:-ums}
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -cp "$classpath" org.ums.account.UserGenerator "$url" "$user" "$password" "${BENCH_USERS:-1000000}" \
  "${BENCH_FIRST:-1}"
