// A real MCP client (the official TypeScript SDK) that follows blueprint runs the way an agent
// would after `dispatch` answers: resource subscriptions, list changes, log messages, and
// `dispatch {wait: true}` with progress. Prints one JSON object for the Java side to assert on.
//
// usage: node runs.mjs PLAN.json --stdio CMD ARGS... | --http URL
//   env BP_TOKEN: bearer token for HTTP
// plan: {
//   "server_env": {...},            stdio: extra environment for the server (HOME, GIT_CONFIG_*)
//   "log_level": "info",            sent with logging/setLevel before anything else (optional)
//   "dispatch": {arguments},        dispatched, then its run URI is subscribed to and followed
//   "wait_dispatch": {arguments},   dispatched with wait: true and a progress token (optional)
//   "shell_dispatch": [cmd, ...],   a `bp dispatch` run from a shell while the client listens
//   "edit": {uri, path, text},      subscribes to a file's URI, appends text to the file, awaits
//                                   resources/updated for it
//   "quiet_ms": 1500                how long to keep listening after the last run ended
// }
import { appendFileSync, readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport, getDefaultEnvironment } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import {
  LoggingMessageNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
} from "@modelcontextprotocol/sdk/types.js";

const [planFile, mode, ...rest] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));
const token = process.env.BP_TOKEN;
const headers = token ? { Authorization: `Bearer ${token}` } : {};
const RUN_TIMEOUT_MS = 90_000;

function transport() {
  if (mode === "--stdio") {
    const env = { ...getDefaultEnvironment(), ...(plan.server_env ?? {}) };
    return new StdioClientTransport({ command: rest[0], args: rest.slice(1), env, stderr: "inherit" });
  }
  if (mode === "--http") {
    return new StreamableHTTPClientTransport(new URL(rest[0]), { requestInit: { headers } });
  }
  throw new Error(`unknown mode ${mode}`);
}

const started = Date.now();
const since = () => Date.now() - started;
const out = { updated: [], list_changed: [], messages: [], runs: {} };
const waiters = [];
function wake() {
  for (const w of waiters.splice(0)) w();
}
function until(predicate, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), RUN_TIMEOUT_MS);
    const check = () => {
      if (predicate()) {
        clearTimeout(timer);
        resolve();
      } else {
        waiters.push(check);
      }
    };
    check();
  });
}

const client = new Client({ name: "blueprint-runs-it", version: "1.0.0" }, { capabilities: {} });
client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
  out.updated.push({ uri: n.params.uri, at_ms: since() });
  wake();
});
client.setNotificationHandler(ResourceListChangedNotificationSchema, () => {
  out.list_changed.push({ at_ms: since() });
  wake();
});
client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
  out.messages.push({ level: n.params.level, logger: n.params.logger ?? null, data: n.params.data });
  wake();
});

await client.connect(transport());
out.capabilities = client.getServerCapabilities();
if (plan.log_level) {
  await client.setLoggingLevel(plan.log_level);
}
const uris = async () => (await client.listResources()).resources.map((r) => r.uri);
out.resources_before = await uris();

// Reads the run resource after every resources/updated until the run has ended.
async function follow(uri, label) {
  const run = { uri, reads: [] };
  out.runs[label] = run;
  const ended = () => run.reads.length > 0 && run.reads[run.reads.length - 1].state !== "running";
  let seen = 0;
  while (!ended()) {
    await until(() => out.updated.filter((u) => u.uri === uri).length > seen, `resources/updated for ${uri}`);
    seen = out.updated.filter((u) => u.uri === uri).length;
    const r = await client.readResource({ uri });
    const status = JSON.parse(r.contents[0].text);
    run.reads.push({ state: status.run.state, counts: status.counts, at_ms: since() });
  }
  run.final = run.reads[run.reads.length - 1];
}

if (plan.dispatch) {
  const r = await client.callTool({ name: "dispatch", arguments: plan.dispatch });
  const runUri = r.structuredContent?.resource;
  out.dispatch = { is_error: r.isError === true, structured: r.structuredContent ?? null, at_ms: since() };
  out.resources_after_dispatch = await uris();
  await client.subscribeResource({ uri: runUri });
  await follow(runUri, "dispatched");
}

if (plan.shell_dispatch) {
  const before = new Set(await uris());
  const changes = out.list_changed.length;
  const child = spawn(plan.shell_dispatch[0], plan.shell_dispatch.slice(1), {
    env: { ...process.env, ...(plan.server_env ?? {}) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  let runUri = null;
  await until(() => out.list_changed.length > changes, "resources/list_changed for the shell's run");
  while (runUri === null) {
    runUri = (await uris()).find((u) => u.startsWith("bp://runs/") && !before.has(u)) ?? null;
    if (runUri === null) {
      const n = out.list_changed.length;
      await until(() => out.list_changed.length > n, "the shell's run in resources/list");
    }
  }
  await client.subscribeResource({ uri: runUri });
  await follow(runUri, "shell");
  out.shell_exit = await exited;
}

if (plan.wait_dispatch) {
  const progress = [];
  const r = await client.callTool({ name: "dispatch", arguments: { ...plan.wait_dispatch, wait: true } }, undefined, {
    onprogress: (p) => progress.push(p),
    resetTimeoutOnProgress: true,
    timeout: RUN_TIMEOUT_MS,
  });
  out.wait = {
    progress,
    is_error: r.isError === true,
    structured: r.structuredContent ?? null,
    text: r.content.filter((c) => c.type === "text").map((c) => c.text).join("\n"),
  };
}

if (plan.edit) {
  const { uri, path, text } = plan.edit;
  await client.subscribeResource({ uri });
  const count = () => out.updated.filter((u) => u.uri === uri).length;
  const before = count();
  const editedAt = since();
  appendFileSync(path, text);
  await until(() => count() > before, `resources/updated for ${uri}`);
  out.edit = { updated_after_ms: since() - editedAt };
  await client.unsubscribeResource({ uri });
}

// Log lines and updates may trail the run's end by a look of the watcher.
await new Promise((resolve) => setTimeout(resolve, plan.quiet_ms ?? 1500));
for (const uri of Object.values(out.runs).map((r) => r.uri)) {
  await client.unsubscribeResource({ uri });
}
out.resources_after = await uris();
await client.close();
process.stdout.write(JSON.stringify(out) + "\n");
