#!/usr/bin/env bash
# Commit-queue and workspace benchmark (not a test): see docs/git-layer.md for the figures.
# Usage: bench/git/queue-bench.sh [TRIALS] [COMMITS_PER_TRIAL] [FILES] [HISTORY]
# BENCH_OPTS="-Dparts=workspaces" runs only the workspace part ("queue" only the queue);
# -Djgit=true adds JGit's checkout into hand-made linked-worktree files as a fourth variant.
# -Dsettle=false skips the untimed `sync` before each timed workspace variant.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -q -pl journal compile
./mvnw -B -ntp -q -pl journal dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
mkdir -p target
CP="journal/target/classes:$(cat journal/target/bench-classpath.txt)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bp-queue-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# Own HOME and git config: the bench never reads the developer's settings.
mkdir -p "$WORK/home"
printf '[user]\n\tname = Bench\n\temail = bench@example.invalid\n[commit]\n\tgpgsign = false\n[gc]\n\tauto = 0\n' > "$WORK/home/.gitconfig"
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$WORK/home/.gitconfig"
# shellcheck disable=SC2086
java -Xmx1g ${BENCH_OPTS:-} -cp "$CP" bench/git/QueueBench.java "$WORK" "$@"
