// Benchmark (not a test): one Node client (the official TypeScript SDK) measures, in the same run,
// the stdio round trip of bp's validate tool against the reference server's echo tool, and the
// cold start to the first reply (initialize) of each server. Variants run interleaved.
//
// usage: node bench.mjs CALLS STARTS JAR BLUEPRINT [JSA]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [calls, starts, jar, blueprintFile, jsa] = process.argv.slice(2);
const CALLS = Number(calls);
const STARTS = Number(starts);
const text = readFileSync(blueprintFile, "utf8");
const require = createRequire(import.meta.url);
const everything = require.resolve("@modelcontextprotocol/server-everything/dist/index.js");
const jvm = ["-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

const c2 = jvm.filter((f) => !f.startsWith("-XX:TieredStopAtLevel"));
const variants = [
  {
    name: "bp serve (java -jar)",
    command: "java",
    args: [...jvm, "-jar", jar, "serve"],
    call: { name: "validate", arguments: { text } },
  },
  ...(jsa
    ? [{
        name: "bp serve + AppCDS",
        command: "java",
        args: [...jvm, `-XX:SharedArchiveFile=${jsa}`, "-jar", jar, "serve"],
        call: { name: "validate", arguments: { text } },
      }]
    : []),
  {
    name: "bp serve, full JIT (C2)",
    command: "java",
    args: [...c2, "-jar", jar, "serve"],
    call: { name: "validate", arguments: { text } },
  },
  {
    name: "server-everything (Node)",
    command: process.execPath,
    args: [everything, "stdio"],
    call: { name: "echo", arguments: { message: "hello" } },
  },
];

async function connect(v) {
  const client = new Client({ name: "bench", version: "1.0.0" });
  const t0 = performance.now();
  await client.connect(new StdioClientTransport({ command: v.command, args: v.args, stderr: "ignore" }));
  return { client, ms: performance.now() - t0 };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (x) => x.toFixed(2).padStart(8);

const cold = new Map(variants.map((v) => [v.name, []]));
for (let i = 0; i < STARTS; i++) {
  for (const v of variants) {
    const { client, ms } = await connect(v);
    cold.get(v.name).push(ms);
    await client.close();
  }
}

const rtt = new Map();
const ping = new Map();
for (const v of variants) {
  const { client } = await connect(v);
  for (let i = 0; i < 200; i++) await client.callTool(v.call); // warm-up
  const pings = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await client.ping();
    pings.push(performance.now() - t0);
  }
  ping.set(v.name, pings.sort((a, b) => a - b));
  const times = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    const r = await client.callTool(v.call);
    times.push(performance.now() - t0);
    if (r.isError && v.call.name === "validate" && i === 0) console.error("note: validate answered isError");
  }
  await client.close();
  rtt.set(v.name, times.sort((a, b) => a - b));
}

const ref = rtt.get("server-everything (Node)");
console.log(`tool call round trip over stdio (bp: validate of a 3-task blueprint; reference: echo), ${CALLS} sequential calls after 200 warm-up (ms)`);
console.log(`${"variant".padEnd(28)}     p50      p99   p50/ref`);
for (const v of variants) {
  const t = rtt.get(v.name);
  console.log(`${v.name.padEnd(28)}${fmt(pct(t, 50))} ${fmt(pct(t, 99))} ${(pct(t, 50) / pct(ref, 50)).toFixed(2).padStart(8)}`);
}
console.log(`\nping round trip (transport and SDK only, no tool work), ${CALLS} calls (ms)`);
const pref = ping.get("server-everything (Node)");
for (const v of variants) {
  const t = ping.get(v.name);
  console.log(`${v.name.padEnd(28)}${fmt(pct(t, 50))} ${fmt(pct(t, 99))} ${(pct(t, 50) / pct(pref, 50)).toFixed(2).padStart(8)}`);
}
console.log(`\ncold start to the initialize reply, ${STARTS} starts each, interleaved (ms)`);
console.log(`${"variant".padEnd(28)}  median      min      max`);
for (const v of variants) {
  const t = cold.get(v.name).sort((a, b) => a - b);
  console.log(`${v.name.padEnd(28)}${fmt(pct(t, 50))} ${fmt(t[0])} ${fmt(t[t.length - 1])}`);
}
