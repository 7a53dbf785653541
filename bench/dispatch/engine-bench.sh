#!/usr/bin/env bash
# Dispatch engine overhead benchmark (not a test): N no-op command tasks at W workers through the
# real Dispatcher vs a plain loop doing the same acquire/spawn/commit/land/release work, in the
# same run. See docs/bench.md ("Dispatch engine overhead") for what is measured and the figures.
#
# Usage: bench/dispatch/engine-bench.sh [--tasks N] [--workers W] [--trials T]
#        (defaults: --tasks 200 --workers 16 --trials 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

echo "building journal, tools and the bench module" >&2
# One reactor build, no install: the classpath points at the modules' own target/ jars.
./mvnw -B -ntp -q -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/engine-bench-cp.txt >&2
bench_jar="$(ls "$root"/bench/target/blueprint-bench-*.jar | head -n 1)"
cp="$bench_jar:$(cat "$root/bench/target/engine-bench-cp.txt")"

work="$(mktemp -d "${TMPDIR:-/tmp}/bp-engine-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Own HOME and git config: the bench never reads the developer's settings.
mkdir -p "$work/home"
printf '[user]\n\tname = Bench\n\temail = bench@example.invalid\n[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n' > "$work/home/.gitconfig"
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/home/.gitconfig"

echo "uptime before: $(uptime)"
# BENCH_JAVA_OPTS: extra JVM flags, e.g. a JFR recording (-XX:StartFlightRecording=filename=...).
java ${BENCH_JAVA_OPTS:-} -Xmx1g -cp "$cp" dev.blueprint.bench.dispatch.EngineBench "$work" "$@"
echo "uptime after: $(uptime)"
