# Shared behaviour of the fake agent CLIs used by tests. These are NOT agents: they stand in for
# LLM CLIs that cannot run here, speak each CLI's real output format, and act as told by env:
#   FAKE_MODE      ok (default) | fail | hang | flood | flood-stdout | garbage (or the file fake-mode beside)
#   FAKE_ARGV_OUT  file that receives the argv, NUL-separated (byte-exact)
#   FAKE_STDIN_OUT file that receives stdin, byte-exact
#   FAKE_EDIT      path (relative to the working directory) to create or append to
#   FAKE_PID_OUT   file that receives the pid of the grandchild started in hang mode
fake_begin() {
  # A file next to the fakes can set the mode, for tests that cannot pass environment through.
  if [ -z "$FAKE_MODE" ] && [ -f "$(dirname "$0")/fake-mode" ]; then FAKE_MODE=$(cat "$(dirname "$0")/fake-mode"); fi
  if [ -n "$FAKE_ARGV_OUT" ]; then printf '%s\0' "$0" "$@" > "$FAKE_ARGV_OUT"; fi
  if [ -n "$FAKE_STDIN_OUT" ]; then cat > "$FAKE_STDIN_OUT"; else cat > /dev/null; fi
  case "$FAKE_MODE" in
    hang)
      sleep 300 &
      if [ -n "$FAKE_PID_OUT" ]; then echo $! > "$FAKE_PID_OUT"; fi
      wait
      exit 1 ;;
    flood)
      head -c 20000000 /dev/zero | tr '\0' 'y' >&2 ;;
    flood-stdout)
      head -c 20000000 /dev/zero | tr '\0' 'y'
      echo ;;
  esac
  if [ -n "$FAKE_EDIT" ]; then
    mkdir -p "$(dirname "$FAKE_EDIT")"
    echo "edited by $FAKE_NAME" >> "$FAKE_EDIT"
  fi
}
