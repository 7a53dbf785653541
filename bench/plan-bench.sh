#!/usr/bin/env bash
# Plan benchmark (not a test): generates 1k, 10k and 100k task blueprints in markdown, prints
# read/validate/plan medians and heap peaks in process, the bp CLI's wall time as a fresh
# process, and Taskmaster's `validate-dependencies` on the same 1k and 10k graphs, with the ratio.
#
# Usage: bench/plan-bench.sh [--runs N] [--sizes 1000,10000,100000]   (extra args go to PlanBench)
# Needs: a JDK 17+, node 20+ and npm (Taskmaster is installed locally on first use, no API key).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

tm_version="0.43.1"
tm_dir="${TASKMASTER_DIR:-$root/bench/.tools/taskmaster-$tm_version}"
tm_bin="$tm_dir/node_modules/.bin/task-master"
if [ ! -x "$tm_bin" ]; then
  echo "installing task-master-ai@$tm_version into $tm_dir (once)" >&2
  mkdir -p "$tm_dir"
  npm install --prefix "$tm_dir" --no-audit --no-fund --loglevel=error \
    "task-master-ai@$tm_version" >&2
fi

echo "building bp.jar and the bench" >&2
./mvnw -B -ntp -q -pl server,bench -am package -DskipTests >&2

bp_jar="$root/server/target/bp.jar"
bench_jar="$(ls "$root"/bench/target/blueprint-bench-*.jar | head -n 1)"
work="$root/bench/target/work"

echo "task-master $("$tm_bin" --version 2>/dev/null | tail -n 1), node $(node --version)"
exec java -Xmx1g -cp "$bp_jar:$bench_jar" dev.blueprint.bench.PlanBench \
  --work "$work" --bp-jar "$bp_jar" --task-master "$tm_bin" "$@"
