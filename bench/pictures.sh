#!/usr/bin/env bash
# Picture benchmark, run by hand (not in CI): uploads of 12-megapixel JPEG photos through HTTP into an S3 server
# (S3Proxy in the same JVM), refusals of 20000x20000 PNG bombs, and reads of a stored picture, with a small heap
# to show that decoding stays bounded. Uses the PostgreSQL server of SPRING_DATASOURCE_URL, or the embedded one.
# BENCH_UPLOADS (100), BENCH_CLIENTS (2), BENCH_READS (5000) and BENCH_HEAP (256m) set the run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java "-Xmx${BENCH_HEAP:-256m}" -cp "$classpath" org.ums.picture.PictureThroughput "${BENCH_UPLOADS:-100}" \
  "${BENCH_CLIENTS:-2}" "${BENCH_READS:-5000}" 2>&1 | grep -E '^== |Exception|Error' || true
