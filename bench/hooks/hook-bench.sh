#!/bin/sh
# Times blueprint's Claude Code hook script from start to exit: the median (and min/max) over
# N runs (default 20) for SessionStart (runs `git rev-parse HEAD`), SessionEnd and Stop (start
# the journal writer detached). The writer itself is /bin/true here: it runs after the hook has
# returned, so it is not part of the hook's time. As a baseline measured in the same run: the
# bare JVM start (`java -version`), which is why the hook is a shell script and not Java.
#
# Usage: bench/hooks/hook-bench.sh [RUNS]
set -eu
runs="${1:-20}"
here=$(cd "$(dirname "$0")/../.." && pwd)
script_src="$here/hooks/src/main/resources/dev/blueprint/hooks/claude-hook.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/hook-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/gitconfig"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
mkdir -p "$HOME" "$work/repo/.blueprint/hooks"
: >"$GIT_CONFIG_GLOBAL"
repo="$work/repo"
git -C "$repo" init -q
echo a >"$repo/a.txt"
git -C "$repo" add a.txt
git -C "$repo" commit -q -m first
sed 's|@BP@|/bin/true|' "$script_src" >"$repo/.blueprint/hooks/claude-hook.sh"
export CLAUDE_PROJECT_DIR="$repo"

now_ns() { date +%s%N; }

# prints "median min max" in milliseconds of the times (ns) on stdin
stats() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f %.1f %.1f", m / 1e6, v[1] / 1e6, v[NR] / 1e6 }'
}

time_hook() {
  event="$1"
  i=0
  while [ "$i" -lt "$runs" ]; do
    input="{\"session_id\":\"bench-$i\",\"transcript_path\":\"$work/t.jsonl\",\"cwd\":\"$repo\",\"hook_event_name\":\"$event\",\"reason\":\"exit\"}"
    t0=$(now_ns)
    printf '%s' "$input" | sh "$repo/.blueprint/hooks/claude-hook.sh" "$event"
    t1=$(now_ns)
    echo $((t1 - t0))
    i=$((i + 1))
  done | stats
}

time_jvm() {
  i=0
  while [ "$i" -lt "$runs" ]; do
    t0=$(now_ns)
    java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version >/dev/null 2>&1
    t1=$(now_ns)
    echo $((t1 - t0))
    i=$((i + 1))
  done | stats
}

# the same empty measurement (two date calls around `true`), to see the harness's own share
time_empty() {
  i=0
  while [ "$i" -lt "$runs" ]; do
    t0=$(now_ns)
    true
    t1=$(now_ns)
    echo $((t1 - t0))
    i=$((i + 1))
  done | stats
}

printf '%-28s %10s %8s %8s   (%s runs, ms)\n' "measure" "median" "min" "max" "$runs"
for event in SessionStart SessionEnd Stop; do
  set -- $(time_hook "$event")
  printf '%-28s %10s %8s %8s\n' "hook $event" "$1" "$2" "$3"
done
set -- $(time_empty)
printf '%-28s %10s %8s %8s\n' "harness (date+date)" "$1" "$2" "$3"
if command -v java >/dev/null 2>&1; then
  set -- $(time_jvm)
  printf '%-28s %10s %8s %8s\n' "baseline: JVM start" "$1" "$2" "$3"
fi
sleep 1 # let the detached /bin/true writers finish before the folder is removed
echo "spool files written: $(ls "$repo/.blueprint/spool" | grep -c '\.json$')"
