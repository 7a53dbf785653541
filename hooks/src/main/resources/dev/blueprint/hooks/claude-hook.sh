#!/bin/sh
# blueprint's Claude Code hook (installed by `bp hooks install`; do not edit, it is rewritten).
# Usage: claude-hook.sh SessionStart|SessionEnd|Stop, with the hook's JSON input on stdin.
#
# Claude Code gives SessionEnd hooks 1.5 s in total, and a JVM alone takes longer than the
# 100 ms this hook may use. So it only spools its input into .blueprint/spool/ (temp file and
# rename, so a reader never sees half a file) and starts `bp journal write` detached.
event="${1:-SessionEnd}"
root="${CLAUDE_PROJECT_DIR:-$PWD}"
spool="$root/.blueprint/spool"
[ -d "$spool" ] || mkdir -p "$spool" || exit 0
input=$(cat)
sid=$(printf '%s\n' "$input" | sed -n 's/.*"session_id"[[:space:]]*:[[:space:]]*"\([A-Za-z0-9_-]*\)".*/\1/p;t done
b
:done
q')
[ -n "$sid" ] || sid=unknown
ts=$(date -u +%Y%m%dT%H%M%SZ)
head=""
if [ "$event" = SessionStart ]; then
  head=$(git -C "$root" rev-parse --verify -q HEAD 2>/dev/null)
fi
file="$spool/$ts-$sid-$event.json"
tmp="$spool/.$sid-$event.$$.tmp"
{
  printf '{"schema_version":1,"event":"%s","received_at":"%s","head_commit":"%s","input":' \
    "$event" "$ts" "$head"
  printf '%s' "${input:-null}"
  printf '}\n'
} >"$tmp" && mv -f "$tmp" "$file" || exit 0
case "$event" in
  SessionStart)
    # the prepare-commit-msg hook reads this to add a Session-Id trailer
    printf '%s\n' "$sid" >"$spool/.active.$$" && mv -f "$spool/.active.$$" "$spool/active-session"
    exit 0
    ;;
  SessionEnd)
    [ "$(cat "$spool/active-session" 2>/dev/null)" = "$sid" ] && rm -f "$spool/active-session"
    ;;
esac
bp="${BP_HOOK_BP:-@BP@}"
# the writer's own errors go to a log next to the spool: nobody is watching its terminal
nohup "$bp" journal write --spool "$file" >>"$spool/writer.log" 2>&1 </dev/null &
exit 0
