#!/usr/bin/env bash
# Benchmark of bp serve over stdio against @modelcontextprotocol/server-everything (see bench.mjs).
# usage: bench/mcp/run.sh [CALLS=1000] [STARTS=10]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/server/target/bp.jar"
blueprint="$root/server/src/test/resources/mcp-repo/blueprints/example_blueprint.md"
jsa="$root/server/target/bp-serve.jsa"

if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl server -am package)
fi
(cd "$here" && [ -d node_modules ] || npm ci --no-audit --no-fund >&2)

# AppCDS: a training session (initialize, validate, tools/list, then end of input) records the
# classes it loaded; the archive belongs to this exact jar, so it is made again on every run.
rm -f "$jsa"
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"train","version":"1"}}}'
call=$(python3 -c 'import json,sys; print(json.dumps({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"validate","arguments":{"text":open(sys.argv[1]).read()}}}))' "$blueprint")
{ echo "$init"; echo '{"jsonrpc":"2.0","method":"notifications/initialized"}'; echo "$call";
  echo '{"jsonrpc":"2.0","id":3,"method":"tools/list"}'; sleep 3; } |
  java -Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off \
    -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" serve > /dev/null 2>&1

cd "$here"
echo "java: $(java -version 2>&1 | head -1); node: $(node --version); cores: $(nproc)"
node bench.mjs "${1:-1000}" "${2:-10}" "$jar" "$blueprint" "$jsa"
