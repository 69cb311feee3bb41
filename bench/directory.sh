#!/usr/bin/env bash
# Directory benchmark (issue 5), run by hand: GET /users/ latencies at several sizes, each size in a database of
# its own on the server of SPRING_DATASOURCE_URL (by default the local one that .ci/run sets up), loaded once
# with generated users and kept for later runs, then a full CSV export in a heap of BENCH_HEAP (256m). BENCH_SIZES
# sets the sizes (default "10000 100000 1000000").
set -euo pipefail
cd "$(dirname "$0")/.."
export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://localhost:5432/ums}
export SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-ums}
export SPRING_DATASOURCE_PASSWORD=${SPRING_DATASOURCE_PASSWORD:-ums}
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# shellcheck disable=SC2086
java "-Xmx${BENCH_HEAP:-256m}" -cp "$classpath" org.ums.account.DirectoryLatency ${BENCH_SIZES:-10000 100000 1000000} 2>&1 \
  | grep -E '^== |Exception|Error' || true
