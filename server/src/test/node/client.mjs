// A real MCP client (the official TypeScript SDK) driven by the Java integration tests.
// It connects over stdio, Streamable HTTP or SSE, runs the steps in a JSON plan file and prints
// one JSON object with everything the server answered, for the Java side to assert on.
//
// usage: node client.mjs PLAN.json --stdio CMD ARGS... | --http URL | --sse URL
//   env BP_TOKEN: bearer token for HTTP
// plan: { "calls": [{"label", "name", "arguments"}], "read": ["uri"], "unknown_method": true,
//         "sampling_replies": ["text", ...] }
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { CreateMessageRequestSchema, EmptyResultSchema } from "@modelcontextprotocol/sdk/types.js";

const [planFile, mode, ...rest] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));
const token = process.env.BP_TOKEN;
const headers = token ? { Authorization: `Bearer ${token}` } : {};

function transport() {
  if (mode === "--stdio") {
    return new StdioClientTransport({ command: rest[0], args: rest.slice(1), stderr: "inherit" });
  }
  if (mode === "--http") {
    return new StreamableHTTPClientTransport(new URL(rest[0]), { requestInit: { headers } });
  }
  if (mode === "--sse") {
    return new SSEClientTransport(new URL(rest[0]), {
      requestInit: { headers },
      eventSourceInit: {
        fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers ?? {}), ...headers } }),
      },
    });
  }
  throw new Error(`unknown mode ${mode}`);
}

const replies = plan.sampling_replies ?? null;
const capabilities = replies ? { sampling: {} } : {};
const client = new Client({ name: "blueprint-it", version: "1.0.0" }, { capabilities });
const out = { sampling_requests: [] };

if (replies) {
  // Stands in for the user's model (none runs here); it answers on the real MCP wire format.
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    const i = out.sampling_requests.length;
    out.sampling_requests.push({
      messages: request.params.messages.map((m) => ({ role: m.role, text: m.content.text })),
      system_prompt_chars: (request.params.systemPrompt ?? "").length,
    });
    const text = replies[Math.min(i, replies.length - 1)];
    return { role: "assistant", content: { type: "text", text }, model: "fake-model-for-tests" };
  });
}

const started = Date.now();
await client.connect(transport());
out.connect_ms = Date.now() - started;
out.server = client.getServerVersion();
out.capabilities = client.getServerCapabilities();

const listed = await client.listTools();
out.tools = listed.tools;
out.tools_list_bytes = Buffer.byteLength(JSON.stringify(listed));

out.calls = {};
for (const call of plan.calls ?? []) {
  try {
    const progress = [];
    const options = { onprogress: (p) => progress.push(p) };
    const r = await client.callTool({ name: call.name, arguments: call.arguments }, undefined, options);
    out.calls[call.label] = {
      progress,
      is_error: r.isError === true,
      structured: r.structuredContent ?? null,
      text: r.content.filter((c) => c.type === "text").map((c) => c.text).join("\n"),
    };
  } catch (e) {
    out.calls[call.label] = { error: { code: e.code ?? null, message: String(e.message) } };
  }
}

out.resources = (await client.listResources()).resources;
out.resource_templates = (await client.listResourceTemplates()).resourceTemplates;
out.reads = {};
for (const uri of plan.read ?? []) {
  try {
    const r = await client.readResource({ uri });
    out.reads[uri] = { mime_type: r.contents[0].mimeType, text: r.contents[0].text };
  } catch (e) {
    out.reads[uri] = { error: { code: e.code ?? null, message: String(e.message) } };
  }
}

if (plan.unknown_method) {
  try {
    await client.request({ method: "blueprint/no-such-method", params: {} }, EmptyResultSchema);
    out.unknown_method = { error: null };
  } catch (e) {
    out.unknown_method = { error: { code: e.code ?? null, message: String(e.message) } };
  }
  // The session must still serve after the error.
  out.after_unknown_method = (await client.listTools()).tools.length;
}

await client.close();
process.stdout.write(JSON.stringify(out) + "\n");
