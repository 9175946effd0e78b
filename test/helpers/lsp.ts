/**
 * A minimal Language Server Protocol client over stdio (Content-Length framing,
 * JSON-RPC 2.0): enough to start the YAML language server from node_modules,
 * open and change a document, and read the diagnostics it publishes, as an
 * editor does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
}

export class LanguageClient {
  private readonly server: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly waiting: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];

  constructor(serverScript: string, args: string[]) {
    this.server = spawn(process.execPath, [serverScript, ...args], { stdio: ["pipe", "pipe", "ignore"] });
    this.server.stdout!.on("data", (chunk: Buffer) => this.read(chunk));
  }

  /** The YAML language server of node_modules (`yaml-language-server --stdio`). */
  static yaml(): LanguageClient {
    const pkg = createRequire(import.meta.url).resolve("yaml-language-server/package.json");
    return new LanguageClient(path.join(path.dirname(pkg), "bin", "yaml-language-server"), ["--stdio"]);
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const head = this.buffer.indexOf("\r\n\r\n");
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())?.[1]);
      if (this.buffer.length < head + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString()) as { id?: number; method?: string; params?: any; result?: unknown };
      this.buffer = this.buffer.subarray(head + 4 + length);
      this.handle(message);
    }
  }

  private handle(m: { id?: number; method?: string; params?: any; result?: unknown }): void {
    if (m.method === undefined && m.id !== undefined) {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    } else if (m.method === "textDocument/publishDiagnostics") {
      const i = this.waiting.findIndex((w) => w.uri === m.params.uri);
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(m.params.diagnostics as Diagnostic[]);
    } else if (m.id !== undefined) {
      // A request of the server's (configuration, capabilities): answered as an editor with default settings.
      this.send({ id: m.id, result: m.method === "workspace/configuration" ? (m.params.items as unknown[]).map(() => null) : null });
    }
  }

  private send(message: Record<string, unknown>): void {
    const text = JSON.stringify({ jsonrpc: "2.0", ...message });
    this.server.stdin!.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async start(rootFolder: string): Promise<void> {
    await this.request("initialize", { processId: process.pid, rootUri: pathToFileURL(rootFolder).href, capabilities: { workspace: { configuration: true } } });
    this.notify("initialized", {});
    this.notify("workspace/didChangeConfiguration", { settings: { yaml: { validate: true, schemaStore: { enable: false } } } });
  }

  /** The next diagnostics the server publishes for a file (or fails after `ms`). */
  diagnostics(file: string, ms = 15000): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${file} within ${ms} ms`)), ms);
      this.waiting.push({ uri, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  open(file: string, text: string): void {
    this.notify("textDocument/didOpen", { textDocument: { uri: pathToFileURL(file).href, languageId: "yaml", version: 1, text } });
  }

  change(file: string, text: string, version: number): void {
    this.notify("textDocument/didChange", { textDocument: { uri: pathToFileURL(file).href, version }, contentChanges: [{ text }] });
  }

  async stop(): Promise<void> {
    await Promise.race([this.request("shutdown", null), new Promise((r) => setTimeout(r, 2000))]);
    this.notify("exit", null);
    this.server.kill();
  }
}
