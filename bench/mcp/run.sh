#!/usr/bin/env bash
# Benchmark of bp serve over stdio against @modelcontextprotocol/server-everything (see bench.mjs and
# docs/mcp.md, "Performance"). Prints markdown tables on stdout.
# usage: bench/mcp/run.sh [CALLS=1000] [STARTS=10]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/server/target/bp.jar"
blueprint="$root/server/src/test/resources/mcp-repo/blueprints/example_blueprint.md"

if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl server -am package >&2)
fi
(cd "$here" && [ -d node_modules ] || npm ci --no-audit --no-fund >&2)

# A scratch repository holding only the blueprint, so a server's start does not depend on how big
# this checkout is (bp serve lists the repository's blueprints as resources when it starts).
work="$(mktemp -d "${TMPDIR:-/tmp}/bp-mcp-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo"
cp "$blueprint" "$work/repo/example.bp.md"
jsa="$work/bp.jsa"

# AppCDS as the bp launcher makes it: a training session (initialize, tools/list, resources/list,
# validate and plan, end of input) records the classes it loaded, with the launcher's flags. An
# archive belongs to one exact jar, so it is made again on every run.
{
  echo '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"train","version":"1"}}}'
  echo '{"jsonrpc":"2.0","method":"notifications/initialized"}'
  echo '{"jsonrpc":"2.0","id":2,"method":"tools/list"}'
  echo '{"jsonrpc":"2.0","id":3,"method":"resources/list"}'
  echo '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"validate","arguments":{"path":"example.bp.md"}}}'
  echo '{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"plan","arguments":{"path":"example.bp.md"}}}'
} | java -Xlog:disable -Xlog:all=warning:stderr -XX:+DisplayVMOutputToStderr -XX:TieredStopAtLevel=1 \
    -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" serve --repo "$work/repo" \
    --no-journal-sweep >/dev/null 2>&1

echo "java: $(java -version 2>&1 | head -1); node: $(node --version); cores: $(nproc); jar: $(stat -c %y "$jar" | cut -d. -f1)"
cd "$here"
node bench.mjs "${1:-1000}" "${2:-10}" "$jar" "$work/repo" "$jsa"
