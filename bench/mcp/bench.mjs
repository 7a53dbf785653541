// Benchmark (not a test): one Node client (the official TypeScript SDK) measures, in the same run,
// the stdio round trip of bp's validate tool against the reference server's echo tool, ping on
// both, and the cold start of each server. See run.sh and docs/mcp.md, "Performance".
//
// usage: node bench.mjs CALLS STARTS JAR REPO [JSA]
//   REPO holds example.bp.md (the blueprint validated by path; its text is sent for by-text calls)
//
// bp runs in three JVM set-ups (C1 only with AppCDS, as the bp launcher runs it; C1 only without
// the archive; full tiered JIT) and each with the result cache on and off (BP_RESULT_CACHE=0).
// All servers stay connected and the calls run interleaved in blocks (A B C ... A B C), one call
// in flight at a time, so a change in machine load hits every variant alike.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [calls, starts, jar, repo, jsa] = process.argv.slice(2);
const CALLS = Number(calls);
const STARTS = Number(starts);
const BLOCK = Math.min(100, CALLS);
const WARMUP = 300;
const text = readFileSync(`${repo}/example.bp.md`, "utf8");
const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");

// The bp launcher's flags (JVM output on stderr, C1 only, serial GC).
const c1 = ["-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr",
  "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];
const c2 = c1.filter((f) => !f.startsWith("-XX:TieredStopAtLevel"));
const cds = jsa ? [`-XX:SharedArchiveFile=${jsa}`] : [];
const serve = ["-jar", jar, "serve", "--repo", repo, "--no-journal-sweep"];
const jvms = [
  ...(jsa ? [{ name: "C1 + AppCDS (bp launcher)", args: [...c1, ...cds, ...serve] }] : []),
  { name: "C1, no AppCDS", args: [...c1, ...serve] },
  { name: "full JIT (C2)", args: [...c2, ...serve] },
];
const bp = jvms.flatMap((j) => [
  { ...j, name: `bp ${j.name}, cache on`, command: "java", env: {} },
  { ...j, name: `bp ${j.name}, cache off`, command: "java", env: { BP_RESULT_CACHE: "0" } },
]);
const reference = {
  name: "server-everything echo (Node)", command: process.execPath, args: [everything, "stdio"], env: {},
};
const CALLS_OF = {
  path: { name: "validate", arguments: { path: "example.bp.md" } },
  text: { name: "validate", arguments: { text } },
  echo: { name: "echo", arguments: { message: "hello" } },
};

async function connect(v) {
  const client = new Client({ name: "bench", version: "1.0.0" });
  const t0 = performance.now();
  const transport = new StdioClientTransport({
    command: v.command, args: v.args, env: { ...process.env, ...v.env }, stderr: "ignore",
  });
  await client.connect(transport);
  return { client, ms: performance.now() - t0, t0 };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f2 = (x) => x.toFixed(2);
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");

console.log(`load average at start: ${load()}`);

// Cold start: spawn to the initialize reply, and to the first validate reply (a cold JVM also
// loads the reader and validator then), every set-up started in turn, STARTS rounds.
const coldInit = new Map();
const coldFirst = new Map();
const coldOnes = [...jvms.map((j) => ({ ...j, command: "java", env: {} })), reference];
for (let i = 0; i < STARTS; i++) {
  for (const v of coldOnes) {
    const { client, ms, t0 } = await connect(v);
    await client.callTool(v === reference ? CALLS_OF.echo : CALLS_OF.path);
    const first = performance.now() - t0;
    await client.close();
    (coldInit.get(v.name) ?? coldInit.set(v.name, []).get(v.name)).push(ms);
    (coldFirst.get(v.name) ?? coldFirst.set(v.name, []).get(v.name)).push(first);
  }
}

// Round trips, interleaved in blocks.
const servers = [];
for (const v of [...bp, reference]) {
  const { client } = await connect(v);
  const kinds = v === reference ? ["echo"] : ["path", "text"];
  for (let i = 0; i < WARMUP; i++) {
    for (const k of kinds) await client.callTool(CALLS_OF[k]);
    await client.ping();
  }
  servers.push({ v, client, kinds, times: { path: [], text: [], echo: [], ping: [] } });
}
for (let done = 0; done < CALLS; done += BLOCK) {
  for (const s of servers) {
    for (const k of [...s.kinds, "ping"]) {
      for (let i = 0; i < BLOCK; i++) {
        const t0 = performance.now();
        if (k === "ping") await s.client.ping();
        else await s.client.callTool(CALLS_OF[k]);
        s.times[k].push(performance.now() - t0);
      }
    }
  }
}
for (const s of servers) await s.client.close();
const endLoad = load();

const refEcho = pct(servers.at(-1).times.echo, 50);
console.log(`\nround trip over stdio, ms, ${CALLS} sequential calls each after ${WARMUP} warm-up,`
  + ` interleaved in blocks of ${BLOCK}; validate of a 3-task blueprint by path and by text`);
console.log("| server | validate path p50 / p99 | validate text p50 / p99 | ping p50 / p99 | path p50 / echo p50 |");
console.log("|---|---|---|---|---|");
for (const s of servers) {
  const t = s.times;
  if (s.v === reference) {
    console.log(`| ${s.v.name} | echo ${f2(pct(t.echo, 50))} / ${f2(pct(t.echo, 99))} | | ${f2(pct(t.ping, 50))} / ${f2(pct(t.ping, 99))} | 1.00 |`);
  } else {
    console.log(`| ${s.v.name} | ${f2(pct(t.path, 50))} / ${f2(pct(t.path, 99))} | ${f2(pct(t.text, 50))} / ${f2(pct(t.text, 99))} | ${f2(pct(t.ping, 50))} / ${f2(pct(t.ping, 99))} | ${f2(pct(t.path, 50) / refEcho)} |`);
  }
}
console.log(`\ncold start, ms, median (min) of ${STARTS} starts, set-ups in turn`);
console.log("| server | spawn to initialize reply | spawn to first tool reply |");
console.log("|---|---|---|");
for (const v of coldOnes) {
  const a = coldInit.get(v.name);
  const b = coldFirst.get(v.name);
  const name = v === reference ? v.name : `bp ${v.name}`;
  console.log(`| ${name} | ${Math.round(pct(a, 50))} (${Math.round(Math.min(...a))}) | ${Math.round(pct(b, 50))} (${Math.round(Math.min(...b))}) |`);
}
console.log(`\nload average at end: ${endLoad}`);
