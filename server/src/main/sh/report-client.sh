# shellcheck shell=bash
# The `bp report` daemon client, sourced by the bp launcher (see docs/workrate.md, "Report
# daemon"). report_via_daemon JAR_KEY ARGS... asks the repository's report daemon, if one is
# alive for this jar, to run the report; it speaks ReportRequest's wire format over bash's
# /dev/tcp. Returns 0 when the daemon printed the report, 1 when it did not (nothing printed:
# the caller runs the JVM path), another code when the reply broke off after output began.

report_via_daemon() {
  local key="$1" dir="" arg status file port token file_key pid name
  shift
  [ "${BP_REPORT_DAEMON:-1}" != 0 ] || return 1
  # The repository the report is for: -C/--repo as picocli reads them, else the working directory.
  local expect_dir=0
  for arg in "$@"; do
    if [ "$expect_dir" = 1 ]; then
      dir="$arg"
      expect_dir=0
      continue
    fi
    case "$arg" in
      --no-daemon | --stop-daemon) return 1 ;;
      -C | --repo) expect_dir=1 ;;
      --repo=*) dir="${arg#--repo=}" ;;
      -C=*) dir="${arg#-C=}" ;;
      -C*) dir="${arg#-C}" ;;
    esac
  done
  local cwd
  cwd="$(pwd -P)" || return 1
  case "$dir" in
    "") dir="$cwd" ;;
    /*) ;;
    *) dir="$cwd/$dir" ;;
  esac
  # Upwards to the work tree, as git finds it (the daemon checks the repository again).
  while [ ! -e "$dir/.git" ]; do
    [ "$dir" != / ] && [ -n "$dir" ] || return 1
    dir="${dir%/*}"
    [ -n "$dir" ] || dir=/
  done
  file="$dir/.blueprint/report-daemon"
  [ -f "$file" ] || return 1
  read -r port token file_key pid <"$file" 2>/dev/null || return 1
  [ "$file_key" = "$key" ] && [[ "$port" =~ ^[0-9]+$ ]] || return 1
  # Connection refused (a dead daemon) fails at once; bash's own message is not the user's.
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  {
    printf '%s\0' bp-report/1 report "$token" "$key" "$cwd"
    # The variables of ReportRequest.ENVIRONMENT, in its order: "=VALUE" when set, "" when not.
    for name in LANG LC_ALL LC_CTYPE TZ HOME XDG_CONFIG_HOME GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL \
      BP_LOG_LEVEL BP_DEBUG BP_JAVA_OPTS; do
      if [ -n "${!name+set}" ]; then
        printf '=%s\0' "${!name}"
      else
        printf '\0'
      fi
    done
    printf '%s\0' "$#" "$@"
  } >&3 2>/dev/null || {
    exec 3<&-
    return 1
  }
  if ! IFS= read -r -t "${BP_REPORT_DAEMON_TIMEOUT:-600}" status <&3 || [ "$status" != "ok 0" ]; then
    exec 3<&-
    return 1
  fi
  cat <&3 || {
    exec 3<&-
    return 3
  }
  exec 3<&-
  return 0
}
