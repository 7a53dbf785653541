#!/usr/bin/env bash
# Benchmark of `bp report` against `git blame --porcelain` (not a test). Builds bp.jar, then runs
# ReportBench.java with it on the class path. Sizes: -Dcommits=5000 -Dsessions=100 -Dmore=50
# -Dfiles=200 -Drepeats=3 (pass them as BENCH_OPTS).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -B -ntp -q -pl server -am package -DskipTests
fi
jar="$PWD/server/target/bp.jar"
# shellcheck disable=SC2086
exec java ${BENCH_OPTS:-} -cp "$jar" bench/workrate/ReportBench.java "$PWD/bp"
